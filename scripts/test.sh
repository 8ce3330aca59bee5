#!/usr/bin/env bash
# The README's second command: installs what is missing, builds with warnings as
# errors, runs the core, adapter and simulator tests once more under ASan+UBSan, then the whole
# CTest suite, whose summary line is the last thing printed.
#   RELAIS_ASAN=0 scripts/test.sh    skips the sanitizer pass (quicker local runs)
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

echo "== full suite =="
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci -j "$jobs"
