#!/usr/bin/env bash
# The linux-arm64 binary, cross-compiled on this x64 machine, checked like the x64 one: zero trim/AOT
# warnings (publish-aot.sh), an aarch64 ELF, and the smoke test run under qemu-user.
#
#   build/test-arm64.sh        (build/test.sh runs it unless TEST_ARM64=0; about 4 minutes, see README)
#
# qemu runs the binary by name (binfmt_misc may not be registered in CI); the binary's own dynamic
# libraries (glibc's loader, OpenSSL) come from Debian's arm64 multiarch packages, which this installs
# with apt-get when missing, as publish-aot.sh does for the cross toolchain.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

packages=()
command -v qemu-aarch64-static >/dev/null || packages+=(qemu-user-static)
command -v file >/dev/null || packages+=(file)
[[ -e /lib/ld-linux-aarch64.so.1 && -e /usr/lib/aarch64-linux-gnu/libssl.so.3 ]] || packages+=(libssl3:arm64)
if [[ ${#packages[@]} -gt 0 ]]; then
  echo "test-arm64: installing ${packages[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-arm64: run as root, or first: dpkg --add-architecture arm64 && apt-get update && apt-get install ${packages[*]}" >&2
    exit 1
  fi
  dpkg --add-architecture arm64
  apt-get update -q && apt-get install -y -q --no-install-recommends "${packages[@]}"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build/publish-aot.sh --arch arm64 "$out"
description=$(file -b "$out/poddefaults")
[[ $description == *"ARM aarch64"* ]] || { echo "test-arm64: not an aarch64 binary: $description" >&2; exit 1; }
SMOKE_TEST_RUNNER=qemu-aarch64-static build/smoke-test.sh "$out/poddefaults"
echo "test-arm64: ok ($(stat -c %s "$out/poddefaults") bytes, $description)"
