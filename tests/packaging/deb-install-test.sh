#!/usr/bin/env bash
# packaging_deb: cpack builds the .deb from this build tree's binaries (no rebuild), apt-get
# installs it with its dependencies, the installed relais runs (--version, then the demo
# town offscreen with the installed relais-sim), and the package is purged, whatever
# happened. Installing needs root or passwordless sudo: without them the test fails, it
# never skips.
#   deb-install-test.sh <build-dir> <version>
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ $# -eq 2 ]] || fail "usage: $0 <build-dir> <version>"
build=$(cd "$1" && pwd)
version=$2
need cpack dpkg-deb dpkg-shlibdeps objdump apt-get sqlite3

if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    fail "installing the .deb needs root or passwordless sudo (sudo -n): run the tests as root, or allow sudo"
fi
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -y -q)

# A relais package left by an earlier run of this test (killed before its clean-up) is
# purged; one installed by someone else is theirs: the test stops rather than remove it.
marker=/var/tmp/relais-packaging-test.installed
if dpkg-query -W -f='${db:Status-Abbrev}' relais 2>/dev/null | grep -q '^.i'; then
    if [[ -f "$marker" ]]; then
        echo "purging the relais package left by an earlier run of this test"
        "${apt[@]}" purge relais >/dev/null
        "${sudo[@]}" rm -f "$marker"
    else
        fail "a relais package is installed already ($(dpkg-query -W -f='${Version}' relais)); purge it first: apt-get purge relais"
    fi
fi

scratch=$(mktemp -d)
chmod 755 "$scratch" # apt's _apt user reads the .deb from here
installed=0
cleanup() {
    if [[ $installed -eq 1 ]]; then
        echo "purging relais"
        "${apt[@]}" purge relais >/dev/null || echo "FAIL: apt-get purge relais failed" >&2
        "${sudo[@]}" rm -f "$marker"
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

start=$SECONDS
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
    || { cat "$scratch/cpack.log" >&2; fail "cpack -G DEB"; }
deb=$scratch/out/relais_${version}_amd64.deb
[[ -f "$deb" ]] || fail "expected $deb, cpack made: $(cd "$scratch/out" && ls ./*.deb 2>/dev/null)"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1)) in $((SECONDS - start)) s"

# Control fields: the version, and the run-time dependencies no link line shows.
[[ "$(dpkg-deb -f "$deb" Version)" == "$version" ]] || fail "Version: $(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
for pkg in libqt6core6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-qpa-plugins; do
    [[ ", $depends," == *", $pkg "* || ", $depends," == *", $pkg,"* ]] || fail "Depends lacks $pkg"
done
# QtKeychain's Secret Service backend is dlopen'ed: when relais links QtKeychain, the
# package must depend on libsecret (platform.md, section 1).
dpkg-deb -x "$deb" "$scratch/root"
if objdump -p "$scratch/root/usr/bin/relais" | grep -q 'NEEDED.*libqt6keychain'; then
    [[ "$depends" == *libsecret-1-0* ]] || fail "relais links QtKeychain but Depends lacks libsecret-1-0"
fi
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/relais ./usr/bin/relais-sim ./usr/share/applications/org.relais.Relais.desktop \
    ./usr/share/metainfo/org.relais.Relais.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/org.relais.Relais.svg \
    ./usr/share/icons/hicolor/16x16/apps/org.relais.Relais.png ./usr/share/icons/hicolor/256x256/apps/org.relais.Relais.png \
    ./usr/share/doc/relais/copyright; do
    grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done

"${sudo[@]}" touch "$marker"
installed=1
start=$SECONDS
"${apt[@]}" install "$deb" >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log" >&2; fail "apt-get install $deb"; }
echo "installed in $((SECONDS - start)) s"
[[ "$(dpkg-query -W -f='${Version}' relais)" == "$version" ]] || fail "dpkg does not list relais $version"

got=$(/usr/bin/relais --version)
[[ "$got" == "relais $version" ]] || fail "/usr/bin/relais --version printed '$got'"
run_demo "$scratch/run" -- /usr/bin/relais

"${apt[@]}" purge relais >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log" >&2; fail "apt-get purge relais"; }
installed=0
"${sudo[@]}" rm -f "$marker"
[[ ! -e /usr/bin/relais ]] || fail "/usr/bin/relais is still there after the purge"
echo "relais $version: built, installed, ran and purged"
