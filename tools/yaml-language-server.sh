#!/usr/bin/env bash
# Installs the pinned YAML language server (tools/yls/package-lock.json, integrity hashes
# checked by `npm ci`) into .cache/yls, where tests/test_yaml_language_server.py finds it.
set -euo pipefail
cd "$(dirname "$0")/.."

target=.cache/yls
if cmp -s tools/yls/package-lock.json "$target/package-lock.json" \
  && [ -x "$target/node_modules/.bin/yaml-language-server" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "yaml-language-server: npm is missing (tools/system-packages.sh installs it)" >&2
  exit 1
fi
rm -rf "$target"
mkdir -p "$target"
cp tools/yls/package.json tools/yls/package-lock.json "$target/"
npm ci --prefix "$target" --no-audit --no-fund --ignore-scripts --loglevel=error
