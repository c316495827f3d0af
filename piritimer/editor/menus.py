"""The editor's menus, toolbar and keyboard shortcuts, built from one table per menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

from piritimer.core.i18n import _

if TYPE_CHECKING:
    from piritimer.editor.window import EditorWindow

Keys = QKeySequence.StandardKey
Icons = QStyle.StandardPixmap


@dataclass(frozen=True)
class EditorActions:
    """The actions the window enables, disables or triggers itself."""

    save: QAction
    copy: QAction
    undo: QAction
    redo: QAction
    try_exercise: QAction


def _action(
    window: EditorWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: Keys | str | None = None,
    icon: Icons | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, Keys):
        action.setShortcuts(shortcut)  # every platform binding, e.g. both Ctrl+Y and Ctrl+Shift+Z
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.setToolTip(tip or text.replace("&", "").replace("…", ""))
    action.triggered.connect(slot)
    return action


def build_menus(window: EditorWindow) -> EditorActions:
    """Add the File, Edit, View and Run menus and the toolbar to ``window``, in the app's
    language (each menu's & accelerators are unique in every shipped language: a test checks)."""
    find_bar, editor = window.find_bar, window.editor
    new = _action(window, _("&New session"), window.new_window, Keys.New, Icons.SP_FileIcon)
    open_ = _action(window, _("&Open…"), window.open_dialog, Keys.Open, Icons.SP_DialogOpenButton)
    save = _action(window, _("&Save"), window.save, Keys.Save, Icons.SP_DialogSaveButton)
    save_as = _action(window, _("Save &as…"), window.save_as, Keys.SaveAs)
    copy = _action(window, _("Make a co&py in my sessions"), window.make_copy)
    export = _action(
        window,
        _("&Export with pictures…"),
        window.export_bundle,
        tip=_("Write the session and its pictures as one .piritimer file to send"),
    )
    backups = _action(window, _("Show &backups folder"), window.show_backups)
    close = _action(window, _("&Close"), window.close, Keys.Close)
    undo = _action(window, _("&Undo"), editor.undo, Keys.Undo, Icons.SP_ArrowBack)
    redo = _action(window, _("&Redo"), editor.redo, Keys.Redo, Icons.SP_ArrowForward)
    undo.setEnabled(False)
    redo.setEnabled(False)
    find = _action(
        window, _("&Find…"), find_bar.open_bar, Keys.Find, Icons.SP_FileDialogContentsView
    )
    find_next = _action(window, _("Find &next"), find_bar.find_next, Keys.FindNext)
    find_previous = _action(window, _("Find &previous"), find_bar.find_previous, Keys.FindPrevious)
    go_to = _action(window, _("&Go to line…"), window.ask_line, "Ctrl+L")
    try_exercise = _action(
        window,
        _("&Try this exercise"),
        window.try_exercise,
        "Ctrl+T",
        Icons.SP_MediaPlay,
        _("Run only the exercise under the cursor"),
    )
    wrap = _action(window, _("&Wrap long lines"), editor.toggle_wrap, "Alt+Z")
    wrap.setCheckable(True)
    menus = (
        (_("&File"), (new, open_, save, save_as, copy, export, None, backups, None, close)),
        (_("&Edit"), (undo, redo, None, find, find_next, find_previous, go_to)),
        (_("&View"), (wrap,)),
        (_("&Run"), (try_exercise,)),
    )
    for title, actions in menus:
        menu = window.menuBar().addMenu(title)
        for action in actions:
            menu.addAction(action) if action else menu.addSeparator()
    toolbar = window.addToolBar(_("Editor"))
    toolbar.setObjectName("editorToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (new, open_, save, None, undo, redo, find, None, try_exercise):
        toolbar.addAction(action) if action else toolbar.addSeparator()
    return EditorActions(save, copy, undo, redo, try_exercise)
