"""Previous versions of saved files, kept out of the way under the user's data folder.

Backups live in ``<user data>/backups/<name>-<hash>/`` (one folder per file, the hash told
apart from the full path so two ``neck.yaml`` in different folders never mix), named by the
time they were replaced. Keeping them outside the session folders means the library never
lists them and a folder of sessions stays tidy. The newest ``KEEP`` versions are kept.

Names are UTC (``2026-03-10T09-41-30_123456Z.yaml``) and sorted by the instant they name: in
local time, a flight west or a change of the clocks named the newest backup as if it were
older, and pruning deleted it. Names from before (local time, no ``Z``) are read as local.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from piritimer import paths

KEEP = 10
UTC_STAMP = "%Y-%m-%dT%H-%M-%S_%fZ"
LOCAL_STAMP = "%Y-%m-%d_%H-%M-%S_%f"
"""How backups were named before they were named in UTC."""
ORIGIN_FILE = "origin.txt"
"""Names the file the backups in a folder belong to, for a person browsing by hand."""


def backups_root() -> Path:
    return paths.user_data_dir() / "backups"


def backup_folder(path: Path) -> Path:
    resolved = path.resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:10]
    return backups_root() / f"{resolved.stem}-{digest}"


def utc_now() -> datetime:
    return datetime.now(UTC)


def backup_time(backup: Path) -> datetime | None:
    """The instant a backup's name records (aware, UTC); None for a name that is not ours."""
    stem = backup.stem
    try:
        return datetime.strptime(stem, UTC_STAMP).replace(tzinfo=UTC)
    except ValueError:
        pass
    try:
        return datetime.strptime(stem, LOCAL_STAMP).astimezone(UTC)  # naive: local time
    except ValueError:
        return None


def list_backups(path: Path) -> list[Path]:
    """The backups of ``path``, newest first (by the instant each name records)."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    dated: list[tuple[datetime, Path]] = []
    for file in folder.glob(f"*{path.suffix or '.yaml'}"):
        when = backup_time(file)
        if when is not None:
            dated.append((when, file))
    return [file for _when, file in sorted(dated, reverse=True)]


def keep_backup(
    path: Path,
    new_data: bytes,
    now: Callable[[], datetime] = utc_now,
    on_error: Callable[[OSError], object] | None = None,
) -> Path | None:
    """Copy the current contents of ``path`` aside before it is replaced by ``new_data``.

    Nothing is kept when the file does not exist yet or is not changing. Best effort: a backup
    that cannot be written must not stop the save itself, which is the more important write;
    ``on_error`` hears why, so the person can be told.
    """
    try:
        old = path.read_bytes()
    except OSError:
        return None
    if old == new_data:
        return None
    folder = backup_folder(path)
    stamp = now().astimezone(UTC).strftime(UTC_STAMP)
    target = folder / f"{stamp}{path.suffix or '.yaml'}"
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ORIGIN_FILE).write_text(f"{path.resolve()}\n", encoding="utf-8")
        partial.write_bytes(old)
        os.replace(partial, target)
    except OSError as error:
        _remove(partial)  # a disk that filled up mid-copy keeps no half backup
        if on_error is not None:
            on_error(error)
        return None
    for stale in list_backups(path)[KEEP:]:
        _remove(stale)
    return target


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
