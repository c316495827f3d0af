#!/usr/bin/env bash
# Installs piritimer into .venv (with the system libraries Qt needs) and starts it.
# Arguments go to piritimer, e.g. `bash tools/run.sh sessions/figure-four.yaml`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/system-packages.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/piritimer "$@"
