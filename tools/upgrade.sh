#!/usr/bin/env bash
# Takes dependency upgrades on purpose: re-resolves the lock files in requirements/ from the
# ranges in pyproject.toml (newest releases that fit), then runs the whole suite against them.
# Commit the lock files only if the suite passes. Arguments go to `uv pip compile`, e.g.
# `--upgrade-package pyyaml` to move one package.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.8
tools_env=.cache/uv-$UV_VERSION
if [ ! -x "$tools_env/bin/uv" ]; then
  python3 -m venv "$tools_env"
  "$tools_env/bin/python" -m pip install -q "uv==$UV_VERSION"
fi
export UV_PYTHON_DOWNLOADS=never
compile() {
  "$tools_env/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
    --custom-compile-command "bash tools/upgrade.sh" "$@"
}
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--upgrade)
compile "${args[@]}" pyproject.toml requirements/build.in -o requirements/app.txt
compile "${args[@]}" --extra test pyproject.toml requirements/build.in -o requirements/test.txt
# The frozen build's PyInstaller (tools/freeze.sh), with the app's packages held at the versions
# just locked for the app, so the frozen app is the one the suite tests.
compile "${args[@]}" --constraint requirements/app.txt pyproject.toml requirements/build.in \
  requirements/freeze.in -o requirements/freeze.txt
bash tools/test.sh
