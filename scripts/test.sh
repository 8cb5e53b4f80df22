#!/usr/bin/env bash
# Set up (once) and run every check: the tests (Qt offscreen), ruff, and the import-linter contracts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh --tests
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/pytest ] || [ pyproject.toml -nt .venv/.installed-test ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch .venv/.installed-test
fi
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"
