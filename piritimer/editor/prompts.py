"""Every question the editor asks the person, in one place.

Each is a plain function so tests can replace it (monkeypatch) instead of driving a modal
dialog, and so the wording of all of them can be read together. Buttons are labelled here in
the app's language rather than left to Qt's own translations, which a system may lack.
"""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from piritimer.core.i18n import _, ngettext
from piritimer.widgets.numbers import whole
from piritimer.widgets.plain import plain_message_box

Button = QMessageBox.StandardButton
SESSION_PATTERNS = "*.yaml *.yml"
BUNDLE_PATTERNS = "*.piritimer"
"""File name patterns: the same in every language (only the words around them are translated)."""


class UnsavedChoice(Enum):
    SAVE = auto()
    DISCARD = auto()
    CANCEL = auto()


def file_filter(kind: str, patterns: str) -> str:
    """A file dialog's filter list: ``kind`` (already translated, with a ``{patterns}`` field),
    then every file."""
    all_files = _("All files ({patterns})").format(patterns="*")
    return f"{kind.format(patterns=patterns)};;{all_files}"


def session_filter() -> str:
    return file_filter(_("Session files ({patterns})"), SESSION_PATTERNS)


def bundle_filter() -> str:
    return file_filter(_("piritimer bundles ({patterns})"), BUNDLE_PATTERNS)


def _label_buttons(box: QMessageBox, labels: dict[Button, str]) -> None:
    for which, label in labels.items():
        button = box.button(which)
        if button is not None:
            button.setText(label)


def unsaved_changes_box(parent: QWidget | None, name: str) -> QMessageBox:
    """The question before closing; ``name`` is the file's, so it is shown as plain text."""
    box = plain_message_box(
        parent,
        QMessageBox.Icon.Warning,
        _("Unsaved changes"),
        _("Save the changes to “{name}” before closing?").format(name=name),
        _("If you don't save, your changes since the last save are lost."),
    )
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    box.setDefaultButton(Button.Save)
    _label_buttons(
        box,
        {
            Button.Save: _("&Save"),
            Button.Discard: _("&Don't save"),
            Button.Cancel: _("Cancel"),
        },
    )
    return box


def ask_unsaved_changes(parent: QWidget | None, name: str) -> UnsavedChoice:
    answer = unsaved_changes_box(parent, name).exec()
    return {
        Button.Save: UnsavedChoice.SAVE,
        Button.Discard: UnsavedChoice.DISCARD,
    }.get(Button(answer), UnsavedChoice.CANCEL)


def save_with_errors_box(parent: QWidget | None, problems: int) -> QMessageBox:
    """The question before saving text the loader rejects (it has ``problems`` errors)."""
    box = plain_message_box(
        parent,
        QMessageBox.Icon.Warning,
        _("Save with problems?"),
        ngettext(
            "This session has {count} problem. You can save it and fix it later, but piritimer "
            "cannot run it until it is fixed; the library keeps showing the last version that "
            "worked.",
            "This session has {count} problems. You can save it and fix it later, but "
            "piritimer cannot run it until it is fixed; the library keeps showing the last "
            "version that worked.",
            problems,
        ).format(count=whole(problems)),
    )
    box.setStandardButtons(Button.Save | Button.Cancel)
    box.setDefaultButton(Button.Cancel)
    _label_buttons(box, {Button.Save: _("&Save anyway"), Button.Cancel: _("Cancel")})
    return box


def confirm_save_with_errors(parent: QWidget | None, problems: int) -> bool:
    return Button(save_with_errors_box(parent, problems).exec()) == Button.Save


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save session as"), str(suggested), session_filter()
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix in (".yaml", ".yml") else path.with_name(path.name + ".yaml")


def ask_export_path(parent: QWidget | None, suggested: Path) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Export session with its pictures"), str(suggested), bundle_filter()
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix == ".piritimer" else path.with_name(path.name + ".piritimer")


def ask_open_path(parent: QWidget | None, directory: Path) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _("Open session"), str(directory), session_filter()
    )
    return Path(chosen) if chosen else None


def go_to_line_dialog(parent: QWidget | None, current: int, last: int) -> QInputDialog:
    """The question behind Ctrl+L (not yet shown): a line number from 1 to ``last``."""
    dialog = QInputDialog(parent)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setWindowTitle(_("Go to line"))
    dialog.setLabelText(_("Line (1–{last}):").format(last=last))
    dialog.setIntRange(1, last)
    dialog.setIntValue(current)
    dialog.setOkButtonText(_("&Go"))
    dialog.setCancelButtonText(_("Cancel"))
    return dialog


def ask_line(parent: QWidget | None, current: int, last: int) -> int | None:
    dialog = go_to_line_dialog(parent, current, last)
    try:
        return dialog.intValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    plain_message_box(parent, QMessageBox.Icon.Critical, title, text).exec()
