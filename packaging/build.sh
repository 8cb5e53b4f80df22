#!/usr/bin/env bash
# Build the one-folder program dist/SharedServicesDesktop/ with PyInstaller, from a clean virtual environment.
#
#   bash packaging/build.sh              # a fresh build/venv every time (pip's cache keeps it quick)
#   bash packaging/build.sh --keep-venv  # reuse build/venv if it exists (the project itself is reinstalled)
#
# PYTHON picks the interpreter (default python3; 3.11 to 3.13); SHAREDSVC_BUILD_EXTRAS the project's extras
# installed with it (default: server). Works on Linux, and on Windows in Git Bash
# (see packaging/README.md for the PowerShell commands). Prints the bundle's size at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-python3}
VENV="$ROOT/build/venv"
APP=SharedServicesDesktop
keep=0
for arg in "$@"; do
  case "$arg" in
    --keep-venv) keep=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
if [ "$keep" -eq 0 ] || [ ! -d "$VENV" ]; then
  echo "== a clean virtual environment in build/venv"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi
if [ -x "$VENV/bin/python" ]; then VPY="$VENV/bin/python"; else VPY="$VENV/Scripts/python.exe"; fi

echo "== installing the project and PyInstaller"
# setuptools builds the wheel in build/lib and build/bdist.*: stale files there must not leak into it
rm -rf build/lib build/bdist.* build/pyinstaller "dist/$APP"
mkdir -p build
pip_log=build/pip.log
: > "$pip_log"
pip_install() {  # pip's and setuptools' chatter goes to build/pip.log, shown only when something fails
  if ! "$VPY" -m pip install --disable-pip-version-check "$@" >> "$pip_log" 2>&1; then
    tail -n 40 "$pip_log" >&2
    echo "build.sh: pip install $* failed (the whole log: $pip_log)" >&2
    exit 1
  fi
}
pip_install --upgrade pip
pip_install --force-reinstall --no-deps .
# the `server` extra (PostgreSQL driver, keyring) makes "share the database with another office" work in the bundle
pip_install ".[${SHAREDSVC_BUILD_EXTRAS:-server}]" "pyinstaller>=6.10,<7"
"$VPY" -m pip check --disable-pip-version-check

echo "== PyInstaller"
# run from outside the source tree, so the analysis sees the installed package, not ./sharedsvc_desktop
(cd build && "$VPY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" "$ROOT/packaging/sharedsvc.spec")

bundle="dist/$APP"
exe="$bundle/$APP"
[ -f "$exe" ] || exe="$bundle/$APP.exe"
if [ ! -f "$exe" ]; then
  echo "build.sh: the build produced no $bundle/$APP" >&2
  exit 1
fi
size=$(du -sm "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l | tr -d ' ')
echo "== built $exe"
echo "bundle size: ${size} MB in ${files} files ($(du -sh "$bundle" | cut -f1)), in $(( $(date +%s) - started )) s"
