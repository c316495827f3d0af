"""Previous versions of saved files, kept out of the way under the user's data folder.

Backups live in ``<user data>/backups/<name>-<hash>/`` (one folder per file, the hash told
apart from the full path so two ``neck.yaml`` in different folders never mix), named by the
time they were replaced. Keeping them outside the session folders means the library never
lists them and a folder of sessions stays tidy. The newest ``KEEP`` versions are kept.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

from piritimer import paths

KEEP = 10
ORIGIN_FILE = "origin.txt"
"""Names the file the backups in a folder belong to, for a person browsing by hand."""


def backups_root() -> Path:
    return paths.user_data_dir() / "backups"


def backup_folder(path: Path) -> Path:
    resolved = path.resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:10]
    return backups_root() / f"{resolved.stem}-{digest}"


def list_backups(path: Path) -> list[Path]:
    """The backups of ``path``, newest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{path.suffix or '.yaml'}"), reverse=True)


def keep_backup(path: Path, new_data: bytes) -> Path | None:
    """Copy the current contents of ``path`` aside before it is replaced by ``new_data``.

    Nothing is kept when the file does not exist yet or is not changing. Best effort: a backup
    that cannot be written must not stop the save itself, which is the more important write.
    """
    try:
        old = path.read_bytes()
    except OSError:
        return None
    if old == new_data:
        return None
    folder = backup_folder(path)
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S_%f")
    target = folder / f"{stamp}{path.suffix or '.yaml'}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ORIGIN_FILE).write_text(f"{path.resolve()}\n", encoding="utf-8")
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(old)
        os.replace(partial, target)
    except OSError:
        return None
    for stale in list_backups(path)[KEEP:]:
        stale.unlink(missing_ok=True)
    return target
