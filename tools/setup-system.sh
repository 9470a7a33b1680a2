#!/usr/bin/env bash
# Installs the Debian packages some tests use (tools/system-packages.txt: one name a line).
# Tolerant by design: on a machine without root or apt, the tests that need a package skip,
# naming it, so `make test` still works.
set -uo pipefail
cd "$(dirname "$0")/.."
mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' tools/system-packages.txt)
[ "${#wanted[@]}" -eq 0 ] && exit 0
missing=()
for pkg in "${wanted[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "setup-system: cannot install ${missing[*]} (needs root and apt-get); their tests skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || echo "setup-system: apt-get update failed" >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || echo "setup-system: could not install ${missing[*]}; their tests skip" >&2
exit 0
