"""Keeping the JSON Schema beside sessions whose modeline points at it.

The template's first line tells editors that speak the YAML language server (VS Code's YAML
extension and others) to read ``./piritimer-session.schema.json``; modeline paths are relative
to the YAML file, so the schema must sit in the same folder. Saving such a file writes the
schema there too, and refreshes it when a newer piritimer changes the format.
"""

from __future__ import annotations

from pathlib import Path

from piritimer.core.schema import SCHEMA_FILE_NAME, write_schema_beside


def refers_to_schema(text: str) -> bool:
    head = text.split("\n", 5)[:5]  # a modeline belongs at the top
    return any(
        line.lstrip().startswith("#")
        and "yaml-language-server" in line
        and SCHEMA_FILE_NAME in line
        for line in head
    )


def ensure_schema_beside(session_path: Path, text: str) -> Path | None:
    """Write the schema next to ``session_path`` if its text names it; returns the schema path."""
    if not refers_to_schema(text):
        return None
    return write_schema_beside(session_path.parent)
