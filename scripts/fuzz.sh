#!/usr/bin/env bash
# Builds the fuzz preset and runs every libFuzzer target of fuzz/ for a bounded time, two at a
# time, each from a copy of its seeds (docs/fuzzing.md). Fails on any crash, leak, sanitizer
# report or timeout; the input that did it is kept in build/fuzz/findings/<target>/, and its
# path and the end of the target's log are printed. Called by scripts/test.sh.
#   RELAIS_FUZZ_SECONDS=5 scripts/fuzz.sh            shorter runs (CI runs the full 30 s)
#   scripts/fuzz.sh fuzz_csvreader fuzz_lineframer   only these targets
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

seconds=${RELAIS_FUZZ_SECONDS:-30}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "fuzz: RELAIS_FUZZ_SECONDS must be a whole number of seconds above 0 (0 means no limit to libFuzzer)" >&2
    exit 2
fi
parallel=2 # the CI machine's cores; each target is one process
all=(fuzz_gatewaycodec fuzz_lineframer fuzz_gatewayconfig fuzz_csvreader fuzz_deviceimport fuzz_basemapdata)
targets=("${@:-${all[@]}}")
build=build/fuzz
findings=$build/findings
logs=$build/fuzz-logs

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$logs"
mkdir -p "$logs"

# Sanitizer reports end the run (UBSan is built without recovery) and name file and line.
export ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer); then
    export ASAN_SYMBOLIZER_PATH=$symbolizer
fi

start() {
    local t=$1
    local binary=$build/fuzz/$t
    [[ -x "$binary" ]] || { echo "fuzz: no target $t" >&2; return 1; }
    # The run grows a working corpus from the committed seeds; only the seeds are kept.
    mkdir -p "$work/$t" "$findings/$t"
    cp fuzz/corpus/"$t"/* "$work/$t/"
    local args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
                -artifact_prefix="$findings/$t/")
    local dict=fuzz/dict/${t#fuzz_}.dict
    [[ -f "$dict" ]] && args+=(-dict="$dict")
    # libFuzzer stops by itself at max_total_time; timeout(1) only guards against a hang in its exit.
    timeout $((seconds + 120)) "$binary" "${args[@]}" "$work/$t" >"$logs/$t.log" 2>&1 &
    pids[$!]=$t
}

report() {
    local t=$1 status=$2 log=$logs/$1.log
    local runs rate
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    if [[ $status -eq 0 ]]; then
        printf 'fuzz: %-20s ok      %10s executions (%s/s)\n' "$t" "${runs:-?}" "${rate:-?}"
        return 0
    fi
    printf 'fuzz: %-20s FAILED  exit %s after %s executions\n' "$t" "$status" "${runs:-?}"
    grep -E 'ERROR:|SUMMARY:|invariant broken|Test unit written' "$log" | sed 's/^/fuzz:   /' || true
    echo "fuzz:   log: $log (last lines below)"
    tail -n 40 "$log" | sed 's/^/fuzz:   | /'
    return 1
}

declare -A pids=()
failed=0
queue=("${targets[@]}")
while [[ ${#queue[@]} -gt 0 || ${#pids[@]} -gt 0 ]]; do
    while [[ ${#queue[@]} -gt 0 && ${#pids[@]} -lt $parallel ]]; do
        start "${queue[0]}" || failed=1
        queue=("${queue[@]:1}")
    done
    [[ ${#pids[@]} -gt 0 ]] || break
    status=0
    wait -n -p finished "${!pids[@]}" || status=$?
    report "${pids[$finished]}" "$status" || failed=1
    unset "pids[$finished]"
done

if [[ $failed -ne 0 ]]; then
    echo "fuzz: FAILED: see docs/fuzzing.md to turn a kept input into a regression test" >&2
    exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran ${seconds} s each without a finding"
