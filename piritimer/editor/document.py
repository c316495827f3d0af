"""Where the editor's text comes from and goes to: a file (maybe bundled) or nowhere yet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from piritimer import paths
from piritimer.core.i18n import _
from piritimer.editor.text_codec import TextFormat


@dataclass
class SessionDocument:
    """The file behind an editor window, and how its bytes were spelled."""

    path: Path | None = None
    text_format: TextFormat = TextFormat()
    disk_bytes: bytes | None = None
    """What the file held when last read or written: tells our own saves from outside edits."""

    @property
    def bundled(self) -> bool:
        return self.path is not None and paths.is_bundled(self.path)

    @property
    def name(self) -> str:
        return self.path.name if self.path else _("New session")

    @property
    def base_dir(self) -> Path | None:
        return self.path.parent if self.path else None


def unique_copy_path(source: Path, folder: Path) -> Path:
    """``folder/name.yaml``, or ``name-2.yaml``, ``name-3.yaml``... if that is taken."""
    candidate = folder / source.name
    number = 2
    while candidate.exists():
        candidate = folder / f"{source.stem}-{number}{source.suffix}"
        number += 1
    return candidate
