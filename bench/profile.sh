#!/usr/bin/env bash
# Profiles one hot-path operation of the Native AOT build with callgrind: instructions per operation (a
# number that, unlike time, does not depend on how busy the machine is) and the functions they go to.
#
#   bench/profile.sh admit|nomatch|decode [Small|Medium|Large|Istio] [COUNT]
#
# Also prints the CPU time per operation of a plain run. Installs valgrind when missing. Output stays in
# $PROFILE_OUT (default /tmp/poddefaults-profile): callgrind.out.* opens in kcachegrind or callgrind_annotate.
set -euo pipefail
operation=${1:?usage: bench/profile.sh admit|nomatch|decode [Small|Medium|Large|Istio] [COUNT]}
size=${2:-Small}
count=${3:-2000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${PROFILE_OUT:-/tmp/poddefaults-profile}
mkdir -p "$out"

command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
dotnet publish "$here/PodDefaults.Profiling" -c Release -r linux-x64 -o "$out/bin" >"$out/publish.log" 2>&1 ||
  { tail -20 "$out/publish.log"; exit 1; }

"$out/bin/poddefaults-profile" "$operation" "$size" $((count * 50))

# Only the calls of the measured entry point count; the corpus setup is left out.
case $operation in
  decode) entry='*AdmissionReviewReader__Read*' ; calls=$((count + count / 10)) ;;
  *) entry='*AdmissionEngine__Review*' ; calls=$((count + count / 10)) ;;
esac
file=$out/callgrind.out.$operation-$size
# Valgrind cannot read the DWARF that ILC writes; the symbol table alone names the functions.
objcopy --strip-debug "$out/bin/poddefaults-profile" "$out/bin/poddefaults-profile.symbols"
valgrind --tool=callgrind --callgrind-out-file="$file" --toggle-collect="$entry" \
  "$out/bin/poddefaults-profile.symbols" "$operation" "$size" "$count" >/dev/null 2>"$out/valgrind.log"
total=$(callgrind_annotate "$file" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "$operation $size: $((total / calls)) instructions per operation (callgrind, $calls calls)"
callgrind_annotate --inclusive=no "$file" 2>/dev/null | sed -n '/^Ir/,$p' | head -25 | sed 's/PodDefaults_Core_PodDefaults_Core_//; s/System_Text_Json_System_Text_Json_//'
