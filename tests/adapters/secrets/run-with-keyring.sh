#!/bin/sh
# Runs a keychain test in a throw-away session (docs/secrets.md, platform.md section 1):
#   run-with-keyring.sh unlocked   EXE...   D-Bus session + gnome-keyring, "login" unlocked
#   run-with-keyring.sh no-service EXE...   D-Bus session where no Secret Service can start
#   run-with-keyring.sh locked     EXE...   D-Bus session, gnome-keyring D-Bus-activated, nothing unlocked
#   run-with-keyring.sh no-bus     EXE...   no session bus at all
# HOME and the XDG folders are fresh temporary folders, removed afterwards; the user's own
# keychain is never touched. Exits 77 (skipped) when the tools are not installed.
set -eu
mode=$1
shift
here=$(cd "$(dirname "$0")" && pwd)

need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "SKIP: $1 not found (install: $2)" >&2
        exit 77
    fi
}

case "$mode" in
unlocked | no-service | locked | no-bus)
    # The outer call: a clean environment of its own, then the session.
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/relais-keyring.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT
    export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share"
    export XDG_CACHE_HOME="$scratch/home/.cache" XDG_STATE_HOME="$scratch/home/.local/state"
    export XDG_RUNTIME_DIR="$scratch/run"
    mkdir -p "$HOME" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
    unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL XDG_CURRENT_DESKTOP KDE_SESSION_VERSION
    case "$mode" in
    unlocked)
        need dbus-run-session dbus-daemon
        need gnome-keyring-daemon gnome-keyring
        RELAIS_KEYCHAIN_EXPECT=available dbus-run-session -- sh "$0" inner-unlocked "$@"
        ;;
    no-service)
        need dbus-run-session dbus-daemon
        RELAIS_KEYCHAIN_EXPECT=none dbus-run-session --config-file="$here/session-without-services.conf" -- "$@"
        ;;
    locked)
        need dbus-run-session dbus-daemon
        # gnome-keyring is D-Bus-activated, finds no "login" keyring and cannot prompt without a
        # display: writes fail; reads and deletes find nothing (not_found) or fail.
        RELAIS_KEYCHAIN_EXPECT=none RELAIS_KEYCHAIN_EMPTY_SERVICE=1 dbus-run-session -- "$@"
        ;;
    no-bus)
        RELAIS_KEYCHAIN_EXPECT=none "$@"
        ;;
    esac
    ;;
inner-unlocked)
    # Creates and unlocks the "login" keyring with a password on stdin: no prompter needed
    # (an empty password would start gcr-prompter, which needs a display).
    eval "$(printf 'relais-test-password' | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    "$@"
    ;;
*)
    echo "usage: $0 unlocked|no-service|locked|no-bus EXE [ARGS...]" >&2
    exit 2
    ;;
esac
