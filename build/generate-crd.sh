#!/usr/bin/env bash
# Generates deploy/manifests/base/crd.yaml from build/crd/crd.template.yaml and the Kubernetes type
# declarations of the npm packages pinned in build/crd/package.json and package-lock.json (see
# build/crd/generate.mjs for what is read and how). Needs node and npm.
#
#   build/generate-crd.sh            write the CRD
#   build/generate-crd.sh --check    fail if the committed CRD is not what the template generates
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
crd=$repo_root/deploy/manifests/base/crd.yaml

npm ci --prefix "$repo_root/build/crd" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null

if [[ ${1:-} == --check ]]; then
  generated=$(mktemp)
  trap 'rm -f "$generated"' EXIT
  node "$repo_root/build/crd/generate.mjs" "$generated"
  diff -u "$crd" "$generated" >&2 || {
    echo "generate-crd: $crd is not what build/generate-crd.sh generates; run it and commit the result." >&2
    exit 1
  }
  echo "generate-crd: the CRD is up to date"
else
  node "$repo_root/build/crd/generate.mjs" "$crd"
  echo "generate-crd: wrote $crd ($(wc -c <"$crd") bytes)"
fi
