#!/usr/bin/env bash
# packaging_version: the one version number, project(VERSION) in CMakeLists.txt, is what
# `relais --version` and `relais-sim --version` print, the AppStream release and the MSI's
# Version. (The .deb's name and the MSI's ProductVersion: packaging_deb, packaging_msi.)
#   check-version.sh <version> <relais> <relais-sim> <metainfo.xml> <relais.wxs>
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ $# -eq 5 ]] || fail "usage: $0 <version> <relais> <relais-sim> <metainfo.xml> <relais.wxs>"
version=$1

got=$("$2" --version)
[[ "$got" == "relais $version" ]] || fail "relais --version printed '$got', expected 'relais $version'"
got=$("$3" --version)
[[ "$got" == "relais-sim $version" ]] || fail "relais-sim --version printed '$got', expected 'relais-sim $version'"

# The newest release of the metainfo (the first <release>) and the Product's Version.
got=$(grep -o -m1 '<release version="[^"]*"' "$4" | cut -d'"' -f2)
[[ "$got" == "$version" ]] || fail "$4: newest release '$got', expected '$version'"
got=$(tr '\n' ' ' <"$5" | grep -o '<Product [^>]*' | grep -o ' Version="[^"]*"' | cut -d'"' -f2)
[[ "$got" == "$version" ]] || fail "$5: Product Version '$got', expected '$version'"
echo "version $version: relais, relais-sim, metainfo and MSI source agree"
