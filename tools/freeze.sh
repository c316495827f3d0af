#!/usr/bin/env bash
# Builds piritimer as a PyInstaller one-folder app from tools/piritimer.spec, with the tools
# pinned in requirements/freeze.txt (hashes checked; re-resolved by tools/upgrade.sh).
#   bash tools/freeze.sh [OUT]    # default OUT: .cache/freeze
# prints the executable's path, OUT/dist/piritimer/piritimer; ship the whole folder
# OUT/dist/piritimer. The build's own venv is kept in .cache/freeze-venv and remade when the
# lock file changes.
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(realpath -m "${1:-.cache/freeze}")
venv=.cache/freeze-venv
lock_sum=$(sha256sum requirements/freeze.txt | cut -d' ' -f1)
if [ "$(cat "$venv/lock.sha256" 2>/dev/null)" != "$lock_sum" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --require-hashes --no-deps -r requirements/freeze.txt
  echo "$lock_sum" >"$venv/lock.sha256"
fi
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$out/dist" --workpath "$out/build" tools/piritimer.spec >&2
echo "$out/dist/piritimer/piritimer"
