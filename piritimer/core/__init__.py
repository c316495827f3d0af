"""The pure core: session model, loader, timeline, engine and the arithmetic they need.

Nothing here imports Qt (an import-linter contract in pyproject.toml enforces it), so the CLI,
the benches and the tests use it without a display.
"""
