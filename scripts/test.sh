#!/usr/bin/env bash
# The README's second command: installs what is missing, builds with warnings as
# errors, runs the core, adapter and simulator tests once more under ASan+UBSan, runs every
# libFuzzer target of fuzz/ for a bounded time (scripts/fuzz.sh, docs/fuzzing.md), then the
# whole CTest suite, whose summary line is the last thing printed.
#   RELAIS_ASAN=0 scripts/test.sh           skips the sanitizer pass (quicker local runs)
#   RELAIS_FUZZ_SECONDS=5 scripts/test.sh   fuzzes 5 s per target instead of 30 (0: no fuzz pass)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export CTEST_OUTPUT_ON_FAILURE=1
jobs=$(nproc)

scripts/setup.sh --test

if [[ "${RELAIS_ASAN:-1}" != 0 ]]; then
    echo "== sanitizer pass (ASan + UBSan): headless build (core, adapters, simulator) =="
    cmake --preset asan >/dev/null
    cmake --build --preset asan
    ctest --preset asan -L 'core|adapters|sim' -j "$jobs"
fi

fuzz_seconds=${RELAIS_FUZZ_SECONDS:-30}
if [[ "$fuzz_seconds" != 0 ]]; then
    echo "== fuzz pass (libFuzzer, ASan + UBSan): every parser of outside input, ${fuzz_seconds} s each =="
    RELAIS_FUZZ_SECONDS=$fuzz_seconds scripts/fuzz.sh
fi

echo "== full suite =="
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci -j "$jobs"
