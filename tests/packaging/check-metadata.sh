#!/usr/bin/env bash
# packaging_metadata: the desktop file and the AppStream metainfo validate, and name the
# icon that is installed in every hicolor size.
#   check-metadata.sh <source-dir> <metainfo.xml>
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ $# -eq 2 ]] || fail "usage: $0 <source-dir> <metainfo.xml>"
src=$1
metainfo=$2
need desktop-file-validate appstreamcli python3
desktop=$src/resources/org.relais.Relais.desktop

desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
appstreamcli validate --no-net --strict "$metainfo" || fail "appstreamcli validate $metainfo"

# The ids agree: org.relais.Relais names the desktop file, the icon and the component.
grep -qx 'Icon=org.relais.Relais' "$desktop" || fail "$desktop: Icon is not org.relais.Relais"
grep -q '<id>org.relais.Relais</id>' "$metainfo" || fail "$metainfo: id is not org.relais.Relais"
grep -q '<launchable type="desktop-id">org.relais.Relais.desktop</launchable>' "$metainfo" \
    || fail "$metainfo: launchable is not org.relais.Relais.desktop"

# Each committed PNG has the size of its folder (resources/icons/render-icons makes them).
python3 - "$src/resources/icons/hicolor" <<'PY' || fail "hicolor icons"
import struct, sys, pathlib
root = pathlib.Path(sys.argv[1])
for n in (16, 22, 24, 32, 48, 64, 128, 256):
    png = root / f"{n}x{n}" / "apps" / "org.relais.Relais.png"
    data = png.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{png}: not a PNG")
    w, h = struct.unpack(">II", data[16:24])
    if (w, h) != (n, n):
        sys.exit(f"{png}: {w}x{h}, expected {n}x{n}")
print("hicolor icons: 16 to 256 px, each of its size")
PY
echo "desktop file and metainfo valid"
