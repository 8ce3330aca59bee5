#!/usr/bin/env bash
# packaging_install (fixture of packaging_appdir and packaging_msi): a fresh, stripped
# install tree of this build, as `cmake --install` makes it for an installer.
#   install-tree.sh <build-dir> <prefix>
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 <build-dir> <prefix>" >&2; exit 2; }
rm -rf "$2"
cmake --install "$1" --prefix "$2" --strip >/dev/null
find "$2" -type f | sed "s|^$2/||" | sort
