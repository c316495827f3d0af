"""Every question the editor asks the person, in one place.

Each is a plain function so tests can replace it (monkeypatch) instead of driving a modal
dialog, and so the wording of all of them can be read together.
"""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from piritimer.widgets.plain import plain_message_box

FILE_FILTER = "Session files (*.yaml *.yml);;All files (*)"


class UnsavedChoice(Enum):
    SAVE = auto()
    DISCARD = auto()
    CANCEL = auto()


def unsaved_changes_box(parent: QWidget | None, name: str) -> QMessageBox:
    """The question before closing; ``name`` is the file's, so it is shown as plain text."""
    box = plain_message_box(
        parent,
        QMessageBox.Icon.Warning,
        "Unsaved changes",
        f"Save the changes to “{name}” before closing?",
        "If you don't save, your changes since the last save are lost.",
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return box


def ask_unsaved_changes(parent: QWidget | None, name: str) -> UnsavedChoice:
    answer = unsaved_changes_box(parent, name).exec()
    return {
        QMessageBox.StandardButton.Save: UnsavedChoice.SAVE,
        QMessageBox.StandardButton.Discard: UnsavedChoice.DISCARD,
    }.get(QMessageBox.StandardButton(answer), UnsavedChoice.CANCEL)


def confirm_save_with_errors(parent: QWidget | None, problems: int) -> bool:
    count = f"{problems} problem{'s' if problems != 1 else ''}"
    answer = QMessageBox.warning(
        parent,
        "Save with problems?",
        f"This session has {count}. You can save it and fix it later, but piritimer cannot "
        "run it until it is fixed; the library keeps showing the last version that worked.",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, "Save session as", str(suggested), FILE_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix in (".yaml", ".yml") else path.with_name(path.name + ".yaml")


BUNDLE_FILTER = "piritimer bundles (*.piritimer);;All files (*)"


def ask_export_path(parent: QWidget | None, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export session with its pictures", str(suggested), BUNDLE_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix == ".piritimer" else path.with_name(path.name + ".piritimer")


def ask_open_path(parent: QWidget | None, directory: Path) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, "Open session", str(directory), FILE_FILTER)
    return Path(chosen) if chosen else None


def ask_line(parent: QWidget | None, current: int, last: int) -> int | None:
    line, ok = QInputDialog.getInt(parent, "Go to line", f"Line (1–{last}):", current, 1, last)
    return line if ok else None


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    plain_message_box(parent, QMessageBox.Icon.Critical, title, text).exec()
