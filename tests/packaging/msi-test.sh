#!/usr/bin/env bash
# packaging_msi: packaging/windows/make-msi compiles the WiX source CMake configured, with the
# file list harvested from a stand-in for windeployqt's folder (this install tree's
# executables renamed .exe, Qt's French translation in translations/, as windeployqt lays
# them out), so that an error in the .wxs shows here and not in the release. Then checks
# the tables: version, fixed UpgradeCode, per-machine, Start-menu shortcut, ARP properties,
# files under Program Files\Relais.
#   msi-test.sh <source-dir> <install-tree> <relais.wxs> <version>
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ $# -eq 4 ]] || fail "usage: $0 <source-dir> <install-tree> <relais.wxs> <version>"
src=$1
install=$2
wxs=$3
version=$4
need wixl wixl-heat msiinfo msiextract

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
deploy=$scratch/deploy
mkdir -p "$deploy/translations"
cp "$install/bin/relais" "$deploy/relais.exe"
cp "$install/bin/relais-sim" "$deploy/relais-sim.exe"
qm=/usr/share/qt6/translations/qtbase_fr.qm
[[ -f "$qm" ]] || fail "$qm missing (package qt6-translations-l10n)"
cp "$qm" "$deploy/translations/"

"$src/packaging/windows/make-msi" "$deploy" "$wxs" "$scratch/relais.msi" 2>"$scratch/wixl.log" \
    || { cat "$scratch/wixl.log" >&2; fail "make-msi"; }
# wixl reports some problems as GLib criticals and still writes a file: none is accepted.
if grep -E 'CRITICAL|ERROR' "$scratch/wixl.log"; then fail "wixl complained"; fi

# msiinfo export writes its rows with CRLF.
property() { msiinfo export "$scratch/relais.msi" Property | tr -d '\r' | awk -F'\t' -v k="$1" '$1 == k { print $2 }'; }
[[ "$(property ProductVersion)" == "$version" ]] || fail "ProductVersion $(property ProductVersion), expected $version"
upgrade=$(grep -o 'UpgradeCode="[^"]*"' "$src/packaging/windows/relais.wxs.in" | cut -d'"' -f2)
[[ "$(property UpgradeCode)" == "{$upgrade}" ]] || fail "UpgradeCode $(property UpgradeCode)"
[[ "$(property ALLUSERS)" == 1 ]] || fail "not per-machine (ALLUSERS=$(property ALLUSERS))"
for arp in ARPPRODUCTICON ARPURLINFOABOUT ARPHELPLINK ARPCOMMENTS ARPNOMODIFY; do
    [[ -n "$(property "$arp")" ]] || fail "ARP property $arp missing"
done
shortcut=$(msiinfo export "$scratch/relais.msi" Shortcut | tr -d '\r' | awk -F'\t' '$1 == "RelaisShortcut"')
[[ "$shortcut" == *ProgramMenuFolder*"[INSTALLDIR]relais.exe"* ]] || fail "Start-menu shortcut: '$shortcut'"
files=$(msiextract -l "$scratch/relais.msi")
for f in Relais/relais.exe Relais/relais-sim.exe Relais/translations/qtbase_fr.qm; do
    grep -qx "$f" <<<"$files" || fail "the MSI lacks $f (it has: $files)"
done
echo "MSI $version: $(wc -l <<<"$files") files, $(du -h "$scratch/relais.msi" | cut -f1); shortcut, ARP entry, per-machine"
