#!/usr/bin/env bash
# Installs piritimer into .venv (with the system libraries Qt needs) and starts it.
# Arguments go to piritimer, e.g. `bash tools/run.sh sessions/figure-four.yaml`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/system-packages.sh
python3 -m venv .venv
# Exactly the versions main was tested with (requirements/app.txt, hashes checked); upgrades
# are taken on purpose with tools/upgrade.sh. piritimer itself goes in editable, built by the
# locked hatchling (no build isolation, so nothing unpinned is fetched).
.venv/bin/python -m pip install -q --require-hashes --no-deps -r requirements/app.txt
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
exec .venv/bin/piritimer "$@"
