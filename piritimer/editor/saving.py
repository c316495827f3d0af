"""Saving a file so that a crash can never leave it half-written.

QSaveFile writes to a temporary file in the same folder and renames it over the target only
once every byte is written and synced, so at any instant the target is either the complete old
version or the complete new one. Before replacing, the old version is copied into the backup
folder (see ``backups``), so a bad save can always be undone by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from piritimer.core.i18n import _
from piritimer.editor.backups import keep_backup


class SaveError(OSError):
    """The file could not be written; the old version on disk is untouched."""


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (or not at all); raises SaveError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(
            _("cannot create the folder {folder}: {reason}").format(
                folder=path.parent, reason=error.strerror or error
            )
        ) from None
    target = QSaveFile(str(path))
    # Never fall back to writing the target in place (read-only folder): that is exactly the
    # half-written state this module exists to prevent.
    target.setDirectWriteFallback(False)
    if not target.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveError(_cannot_write(path, target.errorString()))
    if target.write(data) != len(data):
        message = target.errorString()
        target.cancelWriting()
        target.commit()  # discards the temporary file
        raise SaveError(_cannot_write(path, message))
    if not target.commit():
        raise SaveError(
            _("cannot save {path}: {reason}").format(path=path, reason=target.errorString())
        )


def _cannot_write(path: Path, reason: str) -> str:
    return _("cannot write {path}: {reason}").format(path=path, reason=reason)


def save_file(
    path: Path,
    data: bytes,
    *,
    backup: bool = True,
    on_backup_error: Callable[[OSError], object] | None = None,
) -> Path | None:
    """Save ``data`` to ``path`` atomically, first keeping the old version as a backup.

    Returns the backup's path (None when there was nothing to back up, or it failed: then
    ``on_backup_error`` hears why, and the save goes ahead).
    """
    kept = keep_backup(path, data, on_error=on_backup_error) if backup else None
    write_atomically(path, data)
    return kept
