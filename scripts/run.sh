#!/usr/bin/env bash
# The README's first command: installs what is missing, builds Relais in Release
# and starts it on its embedded default: SQLite in a demo data folder, fed by the simulator
# relais-sim playing the demo town (--demo). --no-demo starts the console on its normal data
# folder instead. Other arguments go to relais, e.g. scripts/run.sh --lang fr
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release

needs_display=1
demo=(--demo)
args=()
for arg in "$@"; do
    case "$arg" in
        -h|--help|-v|--version) needs_display=0; args+=("$arg") ;;
        --no-demo) demo=() ;;
        *) args+=("$arg") ;;
    esac
done
if [[ $needs_display == 1 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "run: no display found (DISPLAY/WAYLAND_DISPLAY unset). Start Relais from a desktop session," >&2
    echo "run: or try it headless: xvfb-run -a scripts/run.sh" >&2
    exit 1
fi
exec build/release/app/relais "${demo[@]}" "${args[@]}"
