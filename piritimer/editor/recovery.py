"""Unsaved text kept safe while the editor is open, so a crash loses a few seconds at most.

Each open editor writes its unsaved buffer to ``<user data>/recovery/<key>.json`` (atomically,
so a crash mid-write cannot spoil the previous copy) with the path of the file it came from.
The file is removed when the text is saved or the changes are discarded; any file still there
when the editor next opens that session was left by a crash, and is offered back.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from piritimer import paths
from piritimer.widgets.notices import cannot_write


@dataclass(frozen=True)
class Recovered:
    """A buffer saved by an editor that did not close normally."""

    key: str
    original: Path | None
    """The session file the text belongs to; None for a session never saved."""
    text: str
    saved_at: datetime


def recovery_dir() -> Path:
    return paths.user_data_dir() / "recovery"


def key_for(path: Path | None) -> str:
    """A stable key for a file (one recovery slot per file), a fresh one for an untitled buffer."""
    if path is None:
        return f"untitled-{uuid.uuid4().hex[:12]}"
    return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


def write(key: str, original: Path | None, text: str, now: datetime | None = None) -> None:
    """Keep ``text`` under ``key``; raises OSError when the recovery folder cannot be written."""
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    record = {
        "original": str(original.resolve()) if original else None,
        "saved_at": (now or datetime.now()).isoformat(timespec="seconds"),
        "text": text,
    }
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(record, stream, ensure_ascii=False)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, folder / f"{key}.json")
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read(key: str) -> Recovered | None:
    """The recovered buffer under ``key``; None when there is none or it cannot be read."""
    try:
        record = json.loads((recovery_dir() / f"{key}.json").read_text(encoding="utf-8"))
        original = record["original"]
        return Recovered(
            key=key,
            original=Path(original) if original else None,
            text=str(record["text"]),
            saved_at=datetime.fromisoformat(record["saved_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def find_for(path: Path) -> Recovered | None:
    return read(key_for(path))


def pending() -> list[Recovered]:
    """Every recovered buffer, newest first (for offering untitled ones back at start-up)."""
    folder = recovery_dir()
    found = [read(file.stem) for file in folder.glob("*.json")] if folder.is_dir() else []
    return sorted((r for r in found if r), key=lambda r: r.saved_at, reverse=True)


def discard(key: str) -> None:
    """Remove the buffer under ``key``. Best effort: a copy left behind is only offered back
    (and dropped when it matches the file), so failing here must not fail a save or a close."""
    try:
        (recovery_dir() / f"{key}.json").unlink(missing_ok=True)
    except OSError:
        pass


def reason(error: OSError) -> str:
    """Why a recovery copy could not be written, in words for the person."""
    return cannot_write(error, recovery_dir())
