# Shared by the packaging tests' scripts (sourced).
# shellcheck shell=bash

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "$tool not found: scripts/setup.sh --test installs it (scripts/packages.sh)"
    done
}

# journal_count <data-dir> <SQL condition>: rows of the journal matching the condition.
journal_count() {
    sqlite3 -readonly "$1/relais.sqlite" "SELECT count(*) FROM journal WHERE $2"
}

# run_demo <scratch-dir> [VAR=value...] -- <relais command...>: the console on the demo town
# for a few seconds, offscreen, in a cleared environment (env -i) holding only HOME and the
# XDG folders in <scratch-dir>, PATH=/usr/bin:/bin and the VAR=value given. The simulator
# relais-sim is the one found next to the executable. Checks that the town was registered
# and that the simulator spoke.
run_demo() {
    local scratch=$1 rc=0
    shift
    local extra=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do
        extra+=("$1")
        shift
    done
    shift
    local data=$scratch/demo
    mkdir -p "$scratch/home" "$scratch/config" "$scratch/data" "$scratch/cache" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    env -i HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
        XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" PATH=/usr/bin:/bin \
        LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "${extra[@]}" \
        "$@" --demo --data-dir "$data" --map-source vector --quit-after 6 \
        --sim-arg=--speed=60 --sim-arg=--alarm-rate=20 >"$scratch/run.log" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then
        cat "$scratch/run.log" >&2
        fail "$* --demo exited with $rc"
    fi
    local devices heartbeats
    devices=$(journal_count "$data" "kind = 'device.registered'")
    heartbeats=$(journal_count "$data" "source = 'gateway:demo-sim' AND kind = 'device.heartbeat'")
    echo "demo run: $devices devices registered, $heartbeats heartbeats from relais-sim"
    if [[ "$devices" -ne 320 || "$heartbeats" -lt 1 ]]; then
        cat "$scratch/run.log" >&2
        fail "the demo did not run: $devices devices (320 expected), $heartbeats heartbeats"
    fi
}
