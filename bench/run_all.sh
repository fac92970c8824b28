#!/usr/bin/env bash
# Every benchmark of issue #5 at 1k, 10k and 100k articles, one after the other (run it on a
# quiet machine: the scripts share its cores with nothing else). Each script's output is
# printed and kept in OUT (default /tmp/tuireader-bench/results). Usage:
#   bench/run_all.sh [OUT]        (with the project's venv active and tuireader installed)
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/tuireader-bench/results}
sizes=${BENCH_SIZES:-1000,10000,100000}
python=${PYTHON:-python}
mkdir -p "$out"
status=0
run() {
    name=$1
    shift
    echo "== $name: $*"
    "$python" "$here/$name.py" "$@" 2>&1 | tee "$out/$name.txt"
    [ "${PIPESTATUS[0]}" = 0 ] || status=1
}
run startup --sizes "$sizes"
run keys --sizes "$sizes"
run open_article --sizes "$sizes"
run memory --sizes "$sizes"
run state_write --sizes "$sizes"
run cli_startup --sizes "$sizes"
IFS=, read -r -a size_list <<< "$sizes"
libraries=()
for size in "${size_list[@]}"; do libraries+=("${BENCH_ROOT:-/tmp/tuireader-bench}/lib-$size"); done
run library_scan "${libraries[@]}"
run store_writes --sizes "${size_list[@]}"
echo "outputs in $out"
exit $status
