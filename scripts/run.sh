#!/usr/bin/env bash
# Set up (once) and start Shared Services Desktop: bash scripts/run.sh [--demo] [--data-dir DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/sharedsvc ] || [ pyproject.toml -nt .venv/.installed ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e .
  touch .venv/.installed
fi
exec .venv/bin/sharedsvc "$@"
