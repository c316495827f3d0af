#!/usr/bin/env bash
# Installs everything the tests need (system packages, a .venv with piritimer and its test
# extra) and runs the whole suite: lint, types, and pytest including the real window, sound
# and voice tests. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/system-packages.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
