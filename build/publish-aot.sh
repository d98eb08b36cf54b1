#!/usr/bin/env bash
# Publishes the webhook as one Native AOT binary and fails on any trim or AOT warning.
#
#   build/publish-aot.sh OUTPUT_DIR                 -> OUTPUT_DIR/poddefaults (linux-x64)
#   build/publish-aot.sh --arch arm64 OUTPUT_DIR    -> OUTPUT_DIR/poddefaults (linux-arm64, cross-compiled on x64)
#
# CI and Dockerfile.aot both run this, so the image holds exactly what CI checked. A trim or AOT
# warning (IL2xxx, IL3xxx) means the binary may behave differently from the tested code, so it
# fails the build even where it is not already an error.
#
# --arch takes .NET's names (x64, arm64) or Docker's TARGETARCH (amd64, arm64). Cross-compiling to
# arm64 links with clang against Debian's aarch64 cross toolchain (crt files, libc, binutils); the
# script installs what is missing with apt-get (as root, as in CI and the image build).
set -euo pipefail

usage() {
  echo "usage: $0 [--arch x64|arm64] OUTPUT_DIR" >&2
  exit 2
}
arch=x64
if [[ ${1-} == --arch ]]; then
  [[ $# -ge 2 ]] || usage
  arch=$2
  shift 2
fi
[[ $# -eq 1 && -n $1 ]] || usage
output_dir=$1
case $arch in
  x64 | amd64) arch=x64 ;;
  arm64) ;;
  *) echo "publish-aot: unknown architecture '$arch' (x64 or arm64)" >&2; exit 2 ;;
esac
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

host_machine=$(uname -m)
target_machine=$([[ $arch == arm64 ]] && echo aarch64 || echo x86_64)
cross_args=()
if [[ $host_machine != "$target_machine" ]]; then
  if [[ $target_machine != aarch64 || $host_machine != x86_64 ]]; then
    echo "publish-aot: cross-compiling for $target_machine on $host_machine is not supported (only x64 to arm64)" >&2
    exit 2
  fi
  # ILC passes --target=aarch64-linux-gnu to the linker, which gcc does not accept: link with clang
  # (any installed version), which finds the cross toolchain under /usr/aarch64-linux-gnu itself.
  clang=$(compgen -c clang | grep -xE 'clang(-[0-9]+)?' | sort -V | tail -1 || true)
  # The gcc cross compiler brings the matching libgcc and binutils; libc6-dev-arm64-cross (only
  # recommended by it) brings the C runtime's crt files and libraries. The names hold on any Debian or Ubuntu.
  packages=()
  [[ -n $clang ]] || packages+=(clang)
  if ! command -v aarch64-linux-gnu-ld.bfd >/dev/null || [[ ! -d /usr/lib/gcc-cross/aarch64-linux-gnu ]] ||
    [[ ! -f /usr/aarch64-linux-gnu/lib/Scrt1.o ]]; then
    packages+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
  fi
  if [[ ${#packages[@]} -gt 0 ]]; then
    echo "publish-aot: installing the arm64 cross toolchain: ${packages[*]}"
    if [[ $(id -u) -ne 0 ]]; then
      echo "publish-aot: run as root, or first: apt-get install ${packages[*]}" >&2
      exit 1
    fi
    apt-get update -q && apt-get install -y -q --no-install-recommends "${packages[@]}"
    clang=$(compgen -c clang | grep -xE 'clang(-[0-9]+)?' | sort -V | tail -1)
  fi
  # StripSymbols runs objcopy on the aarch64 binary: the host's objcopy only knows x86.
  cross_args=(-p:CppCompilerAndLinker="$clang" -p:ObjCopyName=aarch64-linux-gnu-objcopy)
fi

cd "$repo_root"
# The compiler and ILC print warnings only when they run: start from a clean Release build so a
# warning from an earlier run cannot hide behind an up-to-date check.
rm -rf src/*/bin/Release src/*/obj/Release

status=0
# --version names the commit: the SDK reads it from git; a build without .git (the image) is given it.
revision=()
[[ -n ${SOURCE_REVISION_ID:-} ]] && revision=("-p:SourceRevisionId=$SOURCE_REVISION_ID")
dotnet publish src/PodDefaults.Webhook -c Release -r "linux-$arch" "${cross_args[@]}" -o "$output_dir" "${revision[@]}" 2>&1 | tee "$log" ||
  status=$?
if [[ $status -ne 0 ]]; then
  echo "publish-aot: dotnet publish failed (exit $status)" >&2
  exit "$status"
fi

# MSBuild prints each warning twice (as it happens and in the summary): report each once.
if warnings=$(grep -E 'warning IL[23][0-9]{3}' "$log" | sort -u) && [[ -n $warnings ]]; then
  echo "publish-aot: trim/AOT warnings, the binary is not trusted:" >&2
  echo "$warnings" >&2
  exit 1
fi

if [[ ! -x "$output_dir/poddefaults" ]]; then
  echo "publish-aot: $output_dir/poddefaults was not produced" >&2
  exit 1
fi
echo "publish-aot: $output_dir/poddefaults (linux-$arch)"
