#!/usr/bin/env bash
# packaging_appdir: packaging/linux/make-appdir turns the install tree into an AppDir, whose
# AppRun then runs the demo town in a cleared environment (env -i: HOME and XDG folders in a
# scratch folder, QT_QPA_PLATFORM=offscreen), and the console on Xvfb (xcb), with the dynamic
# loader's log on (LD_DEBUG=libs): every Qt library (libQt6*) and every Qt plugin loaded, by
# relais and by the relais-sim it starts, must come from inside the AppDir.
#   appdir-test.sh <source-dir> <install-tree> <version>
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ $# -eq 3 ]] || fail "usage: $0 <source-dir> <install-tree> <version>"
src=$1
install=$2
version=$3
need patchelf ldd sqlite3 desktop-file-validate

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
appdir=$scratch/Relais.AppDir
start=$SECONDS
"$src/packaging/linux/make-appdir" "$install" "$appdir"
echo "made in $((SECONDS - start)) s"

# The top level that appimagetool and file managers read.
[[ -x "$appdir/AppRun" ]] || fail "AppRun missing"
desktop-file-validate "$appdir/org.relais.Relais.desktop" || fail "top-level desktop file"
[[ -f "$appdir/org.relais.Relais.png" && -e "$appdir/.DirIcon" ]] || fail "top-level icon missing"
[[ -f "$appdir/usr/bin/qt.conf" ]] || fail "qt.conf missing"
got=$(env -i "$appdir/AppRun" --version)
[[ "$got" == "relais $version" ]] || fail "AppRun --version printed '$got'"

# check_loaded <LD_DEBUG_OUTPUT prefix> <file expected to be loaded, relative to the AppDir...>
# "calling init: <file>" is logged for each library and plugin as it is loaded, in one
# file per process (relais, relais-sim, and the shell of AppRun).
check_loaded() {
    local prefix=$1 file
    shift
    mapfile -t loaded < <(cat "$prefix".* | sed -n 's/.*calling init: //p' | xargs -r realpath -m -s | sort -u)
    [[ ${#loaded[@]} -gt 0 ]] || fail "no LD_DEBUG log at $prefix.*"
    local qt=() outside=() system=()
    for file in "${loaded[@]}"; do
        case "$file" in
        */libQt6*.so* | */plugins/*)
            qt+=("$file")
            [[ "$file" == "$appdir"/* ]] || outside+=("$file")
            ;;
        *) [[ "$file" == "$appdir"/* ]] || system+=("$(basename "$file")") ;;
        esac
    done
    echo "Qt libraries and plugins loaded (${#qt[@]}):"
    printf '  %s\n' "${qt[@]#"$appdir"/}"
    echo "from the host system: ${system[*]}"
    [[ ${#outside[@]} -eq 0 ]] || fail "Qt loaded from outside the AppDir: ${outside[*]}"
    for file in "$@"; do
        printf '%s\n' "${qt[@]}" | grep -qx "$appdir/$file" || fail "$file was not loaded"
    done
}
appdir=$(realpath -s "$appdir")

# The demo town, offscreen: relais, and the relais-sim it starts from next to itself.
run_demo "$scratch/run" LD_DEBUG=libs LD_DEBUG_OUTPUT="$scratch/ld-demo" -- "$appdir/AppRun"
check_loaded "$scratch/ld-demo" usr/lib/libQt6Core.so.6 usr/lib/libQt6Widgets.so.6 usr/lib/libQt6Sql.so.6 \
    usr/plugins/platforms/libqoffscreen.so usr/plugins/sqldrivers/libqsqlite.so

# On an X server (Xvfb), as on a desktop: the xcb platform plugin and its libraries.
need xvfb-run
mkdir -p "$scratch/x/home"
# shellcheck disable=SC2016 # expanded by the inner shell, where xvfb-run set DISPLAY
xvfb-run -a -s "-screen 0 1280x800x24" sh -c 'exec env -i DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" \
    HOME="$1/home" PATH=/usr/bin:/bin LD_DEBUG=libs LD_DEBUG_OUTPUT="$1/ld" \
    "$2" --data-dir "$1/data" --map-source vector --quit-after 2' sh "$scratch/x" "$appdir/AppRun" \
    >"$scratch/x/run.log" 2>&1 || { cat "$scratch/x/run.log" >&2; fail "AppRun on Xvfb"; }
check_loaded "$scratch/x/ld" usr/lib/libQt6XcbQpa.so.6 usr/plugins/platforms/libqxcb.so
echo "AppDir: every Qt library and plugin came from inside it, offscreen and on X"
