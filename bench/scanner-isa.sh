#!/usr/bin/env bash
# Runs the scanner and differential tests once per vector width the scanner can take: whatever the CPU has
# (AVX-512 here), then with AVX-512, AVX2 and all hardware intrinsics switched off (Vector128 on SSE, then
# byte by byte), each in its own process, since the runtime reads these switches at startup.
#
#   bench/scanner-isa.sh [extra dotnet test arguments]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dotnet build "$here/tests/PodDefaults.Tests" -c Release >/dev/null
for switch in "" DOTNET_EnableAVX512F=0 DOTNET_EnableAVX2=0 DOTNET_EnableHWIntrinsic=0; do
  echo "== ${switch:-all instruction sets}"
  env $switch dotnet test "$here/tests/PodDefaults.Tests" -c Release --no-build \
    --filter "FullyQualifiedName~JsonScanner|FullyQualifiedName~SkippingReader|FullyQualifiedName~AdmissionReviewReader" "$@" | tail -1
done
