#!/usr/bin/env python3
"""An OTLP http/protobuf endpoint that accepts every export and keeps nothing (the telemetry scenario).

    otlp_sink.py PORT COUNT_FILE    answers each POST with 200 and an empty export response; on SIGTERM
                                    writes how many exports and bytes it received per path to COUNT_FILE
"""
import http.server
import json
import signal
import sys

counts = {}


class Sink(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the exporter's HttpClient expects

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        exports, size = counts.get(self.path, (0, 0))
        counts[self.path] = (exports + 1, size + len(body))
        # An empty protobuf message is a valid Export*ServiceResponse: nothing rejected.
        self.send_response(200)
        self.send_header("content-type", "application/x-protobuf")
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def stop(*_):
    with open(sys.argv[2], "w") as f:
        json.dump({path: {"exports": e, "bytes": b} for path, (e, b) in counts.items()}, f)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
