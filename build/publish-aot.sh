#!/usr/bin/env bash
# Publishes the webhook as one Native AOT binary and fails on any trim or AOT warning.
#
#   build/publish-aot.sh OUTPUT_DIR        -> OUTPUT_DIR/poddefaults
#
# CI and Dockerfile.aot both run this, so the image holds exactly what CI checked. A trim or AOT
# warning (IL2xxx, IL3xxx) means the binary may behave differently from the tested code, so it
# fails the build even where it is not already an error.
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 OUTPUT_DIR" >&2
  exit 2
fi
output_dir=$1
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

cd "$repo_root"
# The compiler and ILC print warnings only when they run: start from a clean Release build so a
# warning from an earlier run cannot hide behind an up-to-date check.
rm -rf src/*/bin/Release src/*/obj/Release

status=0
# --version names the commit: the SDK reads it from git; a build without .git (the image) is given it.
revision=()
[[ -n ${SOURCE_REVISION_ID:-} ]] && revision=("-p:SourceRevisionId=$SOURCE_REVISION_ID")
dotnet publish src/PodDefaults.Webhook -c Release -r linux-x64 -o "$output_dir" "${revision[@]}" 2>&1 | tee "$log" ||
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
echo "publish-aot: $output_dir/poddefaults"
