using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodDefaults.Tests.Webhook.Telemetry.Otlp;
using PodDefaults.Tests.Webhook.Telemetry.Otlp.Logs;
using PodDefaults.Tests.Webhook.Telemetry.Otlp.Metrics;
using PodDefaults.Tests.Webhook.Telemetry.Otlp.Trace;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>
/// An OTLP receiver on loopback, in the test process: http/protobuf (<c>POST /v1/traces|metrics|logs</c>) on one
/// port, gRPC over cleartext HTTP/2 on another. It decodes every export and keeps it, with the protocol it came by.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtlpReceiver(WebApplication app, Exports received, int httpPort, int grpcPort)
    {
        this.app = app;
        Received = received;
        HttpEndpoint = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcEndpoint = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public Exports Received { get; }

    public Uri HttpEndpoint { get; }

    public Uri GrpcEndpoint { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var received = new Exports();
        ListenOptions? http = null, grpc = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => (http = listen).Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, 0, listen => (grpc = listen).Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(received);
        var app = builder.Build();
        app.MapGrpcService<TraceReceiver>();
        app.MapGrpcService<MetricsReceiver>();
        app.MapGrpcService<LogsReceiver>();
        MapHttp(app, "/v1/traces", ExportTraceServiceRequest.Parser, received.Traces);
        MapHttp(app, "/v1/metrics", ExportMetricsServiceRequest.Parser, received.Metrics);
        MapHttp(app, "/v1/logs", ExportLogsServiceRequest.Parser, received.Logs);
        await app.StartAsync();
        // Kestrel writes the port it bound back into the listen options.
        return new OtlpReceiver(app, received, http!.IPEndPoint!.Port, grpc!.IPEndPoint!.Port);
    }

    private static void MapHttp<T>(IEndpointRouteBuilder app, string path, MessageParser<T> parser, ConcurrentQueue<(string, T)> into)
        where T : IMessage<T>
    {
        app.MapPost(path, async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            into.Enqueue(("http/protobuf", parser.ParseFrom(body.ToArray())));
            context.Response.ContentType = "application/x-protobuf";
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Every export received, each with the protocol it came by (<c>grpc</c> or <c>http/protobuf</c>).</summary>
    public sealed class Exports
    {
        public ConcurrentQueue<(string Protocol, ExportTraceServiceRequest Request)> Traces { get; } = new();

        public ConcurrentQueue<(string Protocol, ExportMetricsServiceRequest Request)> Metrics { get; } = new();

        public ConcurrentQueue<(string Protocol, ExportLogsServiceRequest Request)> Logs { get; } = new();

        public IEnumerable<string> Protocols => Traces.Select(t => t.Protocol).Concat(Metrics.Select(m => m.Protocol)).Concat(Logs.Select(l => l.Protocol));

        public IEnumerable<(Resource Resource, Span Span)> Spans =>
            Traces.SelectMany(t => t.Request.ResourceSpans).SelectMany(r => r.ScopeSpans.SelectMany(s => s.Spans).Select(span => (r.Resource, span)));

        public IEnumerable<Metric> AllMetrics =>
            Metrics.SelectMany(m => m.Request.ResourceMetrics).SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics);

        public IEnumerable<LogRecord> LogRecords =>
            Logs.SelectMany(l => l.Request.ResourceLogs).SelectMany(r => r.ScopeLogs).SelectMany(s => s.LogRecords);

        /// <summary>Every message as protobuf's JSON text: what a secret must not be found in.</summary>
        public string AllAsText() => string.Join("\n",
            Traces.Select(t => JsonFormatter.Default.Format(t.Request))
                .Concat(Metrics.Select(m => JsonFormatter.Default.Format(m.Request)))
                .Concat(Logs.Select(l => JsonFormatter.Default.Format(l.Request))));
    }

    private sealed class TraceReceiver(Exports received) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            received.Traces.Enqueue(("grpc", request));
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }

    private sealed class MetricsReceiver(Exports received) : MetricsService.MetricsServiceBase
    {
        public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
        {
            received.Metrics.Enqueue(("grpc", request));
            return Task.FromResult(new ExportMetricsServiceResponse());
        }
    }

    private sealed class LogsReceiver(Exports received) : LogsService.LogsServiceBase
    {
        public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            received.Logs.Enqueue(("grpc", request));
            return Task.FromResult(new ExportLogsServiceResponse());
        }
    }
}
