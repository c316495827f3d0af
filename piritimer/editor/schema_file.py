"""Keeping the JSON Schema beside sessions whose modeline points at it.

The template's first line tells editors that speak the YAML language server (VS Code's YAML
extension and others) to read ``./piritimer-session.schema.json``; modeline paths are relative
to the YAML file, so the schema must sit in the same folder. Saving such a file writes the
schema there too, and refreshes it when a newer piritimer changes the format.

The copy is written the way sessions are (``saving.write_atomically``: a temporary file
renamed into place, removed on failure), so a full disk leaves no ``.partial`` behind. It is
a convenience beside a save that has already succeeded: when it fails, ``SchemaCopyError``
says so and the session stays saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from piritimer.core.schema import SCHEMA_FILES
from piritimer.editor.saving import write_atomically

Writer = Callable[[Path, bytes], None]


class SchemaCopyError(OSError):
    """The schema beside a saved session could not be written (the session is saved).

    It carries the pieces, not a sentence: the window says the whole sentence in the app's
    language."""

    def __init__(self, target: Path, reason: str) -> None:
        super().__init__(f"the schema beside it ({target}) was not written: {reason}")
        self.target = target
        self.reason = reason


def refers_to_schema(text: str) -> bool:
    return named_schema(text) is not None


def named_schema(text: str) -> str | None:
    """The schema file (session or class) the text's modeline names, if it names one."""
    head = text.split("\n", 5)[:5]  # a modeline belongs at the top
    for line in head:
        if line.lstrip().startswith("#") and "yaml-language-server" in line:
            for name in SCHEMA_FILES:
                if name in line:
                    return name
    return None


def ensure_schema_beside(
    session_path: Path, text: str, write: Writer = write_atomically
) -> Path | None:
    """Write the schema next to ``session_path`` if its text names it; returns the schema path.

    Raises SchemaCopyError (with the reason) when it cannot be written.
    """
    name = named_schema(text)
    if name is None:
        return None
    target = session_path.parent / name
    data = SCHEMA_FILES[name]().encode("utf-8")
    try:
        if target.read_bytes() == data:
            return target
    except OSError:
        pass
    try:
        write(target, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise SchemaCopyError(target, reason) from None
    return target
