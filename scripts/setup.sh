#!/usr/bin/env bash
# Installs the Debian packages Relais needs that are missing. Idempotent: when
# everything is present it only asks dpkg, and returns in well under a second.
#   scripts/setup.sh            build + run packages
#   scripts/setup.sh --test     build + run + test packages
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=packages.sh
source "$here/packages.sh"

wanted=("${RELAIS_BUILD_PACKAGES[@]}")
if [[ "${1:-}" == "--test" ]]; then
    wanted+=("${RELAIS_TEST_PACKAGES[@]}")
fi

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
    [[ "$status" == ii* ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "setup: all ${#wanted[@]} packages present"
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: run this script as root, or install sudo, to install them." >&2
    exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
