#!/usr/bin/env bash
# The one test command (README, CI): every test, then the Native AOT binary built with zero trim/AOT
# warnings and checked end to end by the smoke test, for linux-x64 and (cross-compiled, run under qemu)
# linux-arm64. TEST_ARM64=0 skips the arm64 build, which adds about 4 minutes (README, "Run the tests").
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

# The CRD is what its template and the pinned Kubernetes schemas generate (never edited by hand).
build/generate-crd.sh --check

dotnet test PodDefaults.sln -c Release --logger "console;verbosity=minimal"

# The README's "Try it" blocks, verbatim, on a fresh clone (about 40 s).
build/readme-try-it.sh

aot_dir=$(mktemp -d)
trap 'rm -rf "$aot_dir"' EXIT
build/publish-aot.sh "$aot_dir"
build/smoke-test.sh "$aot_dir/poddefaults"
if [[ ${TEST_ARM64-1} != 0 ]]; then
  build/test-arm64.sh
fi
echo "test: all passed"
