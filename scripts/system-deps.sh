#!/usr/bin/env bash
# Make sure the system libraries Qt needs (and the PDF tools the tests use) are installed.
# Debian/Ubuntu: installs what is missing when run as root, otherwise prints the command to run.
set -euo pipefail
packages=(python3 python3-venv python3-pip libglib2.0-0 libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0
  libdbus-1-3 libcups2 fonts-dejavu-core)
if [ "${1:-}" = "--tests" ]; then
  packages+=(poppler-utils qpdf postgresql)
  # for building the bundle with PyInstaller: objdump, and the shared Python library of the system's python3
  py=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")' 2>/dev/null || echo 3.11)
  packages+=(binutils "libpython$py")
fi
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian-like: nothing to check here
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
