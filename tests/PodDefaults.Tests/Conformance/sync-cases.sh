#!/usr/bin/env bash
# Copies the shared conformance cases into the test project, so a clone without ../shared still runs them.
# Run it whenever ../shared/conformance changes; ConformanceCopyTests fails until you do.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="${1:-$here/../../../../shared/conformance}"
[ -d "$shared" ] || { echo "no shared conformance folder at $shared" >&2; exit 1; }
rm -f "$here"/cases/*.yaml "$here"/cases/README.md
cp "$shared"/*.yaml "$shared"/README.md "$here/cases/"
chmod u+w "$here"/cases/*
echo "synced $(ls "$here"/cases/*.yaml | wc -l) cases from $shared"
