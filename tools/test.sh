#!/usr/bin/env bash
# Installs everything the tests need (system packages, a .venv with piritimer and its test
# extra) and runs the whole suite: lint, types, and pytest including the real window, sound
# and voice tests. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/system-packages.sh
bash tools/yaml-language-server.sh
python3 -m venv .venv
# Exactly the versions main was tested with (requirements/test.txt, hashes checked); upgrades
# are taken on purpose with tools/upgrade.sh. piritimer itself goes in editable, built by the
# locked hatchling (no build isolation, so nothing unpinned is fetched).
.venv/bin/python -m pip install -q --require-hashes --no-deps -r requirements/test.txt
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports --no-cache
.venv/bin/python -m pytest "$@"
