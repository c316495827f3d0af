"""The session editor window: text on the left, live preview on the right, problems below.

The window wires the parts together and owns the file's life cycle (open, save, back up,
recover); the parts (CodeEditor, LiveChecker, PreviewPane, ProblemList, FindBar) each do one job.
"""

from __future__ import annotations

import weakref
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from piritimer import paths
from piritimer.core.bundle import BundleError, bundle_images, write_bundle
from piritimer.core.diagnostics import Severity
from piritimer.core.i18n import _, ngettext
from piritimer.core.timeline import compile_session
from piritimer.editor import prompts, recovery
from piritimer.editor.backups import backup_folder, backups_root
from piritimer.editor.banner import Banner
from piritimer.editor.checker import Check, LiveChecker
from piritimer.editor.code_editor import CodeEditor
from piritimer.editor.disk_watch import DiskWatch
from piritimer.editor.document import SessionDocument, unique_copy_path
from piritimer.editor.find_bar import FindBar
from piritimer.editor.menus import build_menus
from piritimer.editor.outline import exercise_at_line
from piritimer.editor.preview import PreviewPane
from piritimer.editor.problems import ProblemList
from piritimer.editor.saving import SaveError, save_file, write_atomically
from piritimer.editor.schema_file import SchemaCopyError, Writer, ensure_schema_beside
from piritimer.editor.template import template
from piritimer.editor.text_codec import NotUtf8Error, decode
from piritimer.widgets.notices import OnceNotice, cannot_write
from piritimer.widgets.numbers import date_and_time, whole
from piritimer.widgets.plain import escape, plain_label

RECOVERY_INTERVAL_MS = 2000
"""Unsaved text reaches the recovery folder at most this long after it was typed."""

_live: weakref.WeakSet[EditorWindow] = weakref.WeakSet()
"""Open editors: their recovery files belong to them, not to a crash."""


class EditorWindow(QMainWindow):
    """Edits one session file.

    Signals:
        saved(Path): the file was written (the library may reload it at once).
        tryTimeline(object): a fresh Timeline of one exercise that the main window should run.
        openRequested(object): a Path (None: a new session) to open in another editor window;
            EditorWindows, which made this window, opens it.
    """

    saved = Signal(Path)
    tryTimeline = Signal(object)
    openRequested = Signal(object)

    def __init__(self, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _live.add(self)
        self.document = SessionDocument()
        self.editor = CodeEditor()
        theme = self.editor.theme
        self.checker = LiveChecker(self)
        self.preview = PreviewPane(theme)
        self.problems = ProblemList(theme.error, theme.string)
        self.find_bar = FindBar(self.editor)
        self.read_only_bar = Banner(theme.info_background)
        self.recovery_bar = Banner(theme.warning_background)
        self.disk_bar = Banner(theme.warning_background)
        self.fault_bar = Banner(theme.warning_background)
        self.schema_writer: Writer = write_atomically  # tests inject a full disk here
        self.faults = OnceNotice(lambda text: self.fault_bar.show_message(text, []))
        self.position_label = plain_label()
        self.state_label = plain_label()
        self.recovery_key = recovery.key_for(None)
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_INTERVAL_MS)
        self.disk = DiskWatch(self)
        self._build_layout()
        self.commands = build_menus(self)
        self._connect()
        self.resize(1180, 760)
        if path is None:
            self.new_from_template()
        else:
            self.load(path)

    # -- building ------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.editor)
        left_layout.addWidget(self.find_bar)
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.addWidget(left)
        columns.addWidget(self.preview)
        columns.setStretchFactor(0, 3)
        columns.setStretchFactor(1, 2)
        columns.setSizes([680, 480])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        for bar in (self.read_only_bar, self.recovery_bar, self.disk_bar, self.fault_bar):
            layout.addWidget(bar)
        layout.addWidget(columns, 1)
        layout.addWidget(self.problems)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.state_label)
        self.statusBar().addPermanentWidget(self.position_label)

    def _connect(self) -> None:
        text_document = self.editor.document()
        text_document.contentsChanged.connect(self._text_changed)
        text_document.modificationChanged.connect(self.setWindowModified)
        text_document.undoAvailable.connect(self.commands.undo.setEnabled)
        text_document.redoAvailable.connect(self.commands.redo.setEnabled)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.checker.checked.connect(self._show_check)
        self.problems.jumpRequested.connect(self.editor.go_to)
        self.preview.lineRequested.connect(self.editor.go_to)
        self.preview.tryRequested.connect(self.try_exercise)
        self._recovery_timer.timeout.connect(self.write_recovery)
        self.disk.changed.connect(self._file_changed_on_disk)

    # -- loading -------------------------------------------------------------------------------

    def text(self) -> str:
        # toRawText keeps non-breaking spaces that toPlainText would turn into plain ones.
        return self.editor.document().toRawText().replace("\u2029", "\n")

    def load(self, path: Path) -> bool:
        """Show the file at ``path``; False (with the reason shown) when it cannot be read."""
        try:
            data = path.read_bytes()
            text, text_format = decode(data)
        except NotUtf8Error as error:
            prompts.show_error(
                self,
                _("Cannot open session"),
                _("Cannot open {path}: it is not UTF-8 text ({detail}).").format(
                    path=path, detail=error
                ),
            )
            return False
        except OSError as error:
            prompts.show_error(
                self,
                _("Cannot open session"),
                _("Cannot open {path}: {reason}").format(path=path, reason=error.strerror or error),
            )
            return False
        self.document = SessionDocument(path, text_format, data)
        self._set_text(text)
        self.disk.watch(path, data)
        self.recovery_key = recovery.key_for(path)
        self._offer_recovery(recovery.find_for(path))
        return True

    def new_from_template(self) -> None:
        self.document = SessionDocument()
        self._set_text(template())
        taken = {window.recovery_key for window in _live if window is not self}
        untitled = [r for r in recovery.pending() if r.original is None and r.key not in taken]
        self._offer_recovery(untitled[0] if untitled else None)

    def _set_text(self, text: str) -> None:
        self.editor.setPlainText(text)  # also clears undo history and the modified flag
        self.editor.document().setModified(False)
        self._recovery_timer.stop()  # loading is not an edit
        self.editor.setReadOnly(self.document.bundled)
        self.checker.label = self.document.name
        self.checker.base_dir = self.document.base_dir
        self.preview.show_timeline(None)  # never show another file's last good version
        self.checker.check_now(text)
        self._update_title()
        self._update_read_only_bar()
        self.disk_bar.hide()
        self._cursor_moved()

    def _update_title(self) -> None:
        # [*] is where Qt shows the unsaved mark; it stays in every language.
        title = (
            _("{name}[*] (read-only) — piritimer editor")
            if self.document.bundled
            else _("{name}[*] — piritimer editor")
        )
        self.setWindowTitle(title.format(name=self.document.name))
        self.setWindowModified(self.editor.document().isModified())
        self.commands.save.setEnabled(not self.document.bundled)
        self.commands.copy.setEnabled(self.document.bundled)

    def _update_read_only_bar(self) -> None:
        if self.document.bundled:
            self.read_only_bar.show_message(
                _(
                    "<b>This is a bundled session</b> — it comes with piritimer and cannot be "
                    "changed here. Make a copy to edit your own version."
                ),
                [(_("Make a copy in my sessions"), self.make_copy)],
            )
        else:
            self.read_only_bar.hide()

    # -- typing and checking -------------------------------------------------------------------

    def _text_changed(self) -> None:
        self.checker.schedule(self.text())
        self._set_state(_("Checking…"), None)
        if self.editor.document().isModified() and not self._recovery_timer.isActive():
            # Throttled, not restarted: steady typing still reaches the disk every interval.
            self._recovery_timer.start()

    def _show_check(self, check: Check) -> None:
        diagnostics = check.result.diagnostics
        self.editor.set_diagnostics(diagnostics)
        self.problems.set_diagnostics(diagnostics)
        errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
        warnings = len(diagnostics) - errors
        if check.timeline is not None:
            self.preview.show_timeline(check.timeline, check.rows)
            state = (
                ngettext("✔ Valid, {count} warning", "✔ Valid, {count} warnings", warnings).format(
                    count=whole(warnings)
                )
                if warnings
                else _("✔ Valid")
            )
            self._set_state(state, self.editor.theme.string)
        else:
            self.preview.set_out_of_date(True, errors)
            self._set_state(
                ngettext("✖ {count} problem", "✖ {count} problems", errors).format(
                    count=whole(errors)
                ),
                self.editor.theme.error,
            )
        self._cursor_moved()

    def _set_state(self, text: str, color: QColor | None) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(
            f"color: {color.name()}; padding: 0 8px;" if color else "padding: 0 8px;"
        )

    def _cursor_moved(self) -> None:
        cursor = self.editor.textCursor()
        line, column = cursor.blockNumber() + 1, cursor.positionInBlock() + 1
        # Line numbers as the gutter paints them: digits, never grouped ("Line 1234").
        self.position_label.setText(
            _("Line {line}, column {column}").format(line=line, column=column)
        )
        self.preview.set_current_exercise(self.exercise_under_cursor())
        self.commands.try_exercise.setEnabled(self.preview.try_button.isEnabled())

    def exercise_under_cursor(self) -> int | None:
        check = self.checker.last
        if check is None or check.result.session is None or self.checker.pending:
            return self.preview.current_exercise if self.checker.pending else None
        return exercise_at_line(check.result.session, self.text(), self.editor.cursor_line())

    def try_exercise(self) -> None:
        """Emit a fresh timeline of just the exercise under the cursor (never a running one)."""
        check = self.checker.check_now(self.text()) if self.checker.pending else self.checker.last
        if check is None or check.result.session is None:
            self.statusBar().showMessage(_("Fix the problems first to try an exercise."), 5000)
            return
        index = exercise_at_line(check.result.session, self.text(), self.editor.cursor_line())
        if index is None:
            self.statusBar().showMessage(_("Put the cursor inside an exercise to try it."), 5000)
            return
        self.tryTimeline.emit(compile_session(check.result.session, only_exercise=index))

    def ask_line(self) -> None:
        line = prompts.ask_line(self, self.editor.cursor_line(), self.editor.blockCount())
        if line is not None:
            self.editor.go_to(line)

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the current file (asking for one if new); True when the text is on disk."""
        if self.document.bundled:
            self.make_copy()
            return False
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        suggested = self.document.path or paths.user_sessions_dir() / _("my-session.yaml")
        if self.document.bundled and self.document.path is not None:
            suggested = unique_copy_path(self.document.path, paths.user_sessions_dir())
        target = prompts.ask_save_path(self, suggested)
        if target is None:
            return False
        if paths.is_bundled(target):
            prompts.show_error(
                self, _("Cannot save here"), _("Bundled sessions cannot be changed.")
            )
            return False
        return self._write(target)

    def _write(self, target: Path) -> bool:
        text = self.text()
        check = self.checker.check_now(text)
        if not check.ok and not prompts.confirm_save_with_errors(self, len(check.result.errors)):
            return False
        data = self.document.text_format.encode(text)
        backup_errors: list[OSError] = []
        try:
            backup = save_file(target, data, on_backup_error=backup_errors.append)
        except SaveError as error:
            prompts.show_error(
                self,
                _("Not saved"),
                _("{reason}\n\nThe file on disk is unchanged.").format(reason=error),
            )
            return False
        recovery.discard(self.recovery_key)
        renamed = target != self.document.path
        self.document = SessionDocument(target, self.document.text_format, data)
        self.recovery_key = recovery.key_for(target)
        self._recovery_timer.stop()
        self.editor.document().setModified(False)
        if renamed:
            self.checker.label = self.document.name
            self.checker.base_dir = self.document.base_dir
            self.checker.check_now(text)
        self.disk.watch(target, data)
        self._update_title()
        self.disk_bar.hide()
        if backup_errors:
            self.faults.fault(
                "backups",
                _(
                    "<b>Previous versions are not being kept</b> — {reason}. "
                    "Saving itself still works."
                ).format(reason=escape(cannot_write(backup_errors[0], backups_root()))),
            )
        elif backup:
            self._fault_cleared("backups")
        saved = (
            _("Saved {name} · previous version kept in backups") if backup else _("Saved {name}")
        )
        self.statusBar().showMessage(saved.format(name=target.name), 6000)
        self.saved.emit(target)
        try:  # after the state above: the session is saved whatever happens to the schema
            ensure_schema_beside(target, text, self.schema_writer)
        except SchemaCopyError as error:
            prompts.show_error(
                self,
                _("Saved, without the schema"),
                _(
                    "{name} is saved, but the schema beside it ({schema}) was not written: "
                    "{reason}.\n\nEditors that check session files against the schema will "
                    "not check this one until it is written; saving again tries again."
                ).format(name=target.name, schema=error.target, reason=error.reason),
            )
        return True

    def make_copy(self) -> Path | None:
        """Copy a bundled session, byte for byte, into the user's sessions and open the copy."""
        source = self.document.path
        if source is None:
            return None
        target = unique_copy_path(source, paths.user_sessions_dir())
        try:
            write_atomically(target, self.document.disk_bytes or source.read_bytes())
        except (SaveError, OSError) as error:
            prompts.show_error(self, _("Cannot make a copy"), str(error))
            return None
        self.load(target)
        self.statusBar().showMessage(
            _("Copied to {path}; this copy is yours to edit.").format(path=target), 8000
        )
        self.saved.emit(target)
        return target

    def export_bundle(self) -> Path | None:
        """Write the text as typed, with the pictures it takes from its folder, as one
        ``.piritimer`` file to send to someone; the bundle's path, or None."""
        check = self.checker.check_now(self.text())
        if check.result.session is None:
            prompts.show_error(
                self,
                _("Cannot export"),
                _("Fix the problems first: a bundle holds a working session."),
            )
            return None
        folder = self.document.base_dir or paths.user_sessions_dir()
        stem = self.document.path.stem if self.document.path else _("my-session")
        target = prompts.ask_export_path(self, folder / f"{stem}.piritimer")
        if target is None:
            return None
        images = bundle_images(check.result.session, folder / f"{stem}.yaml")
        try:
            written = write_bundle(self.document.text_format.encode(self.text()), images, target)
        except BundleError as error:
            prompts.show_error(self, _("Not exported"), str(error))
            return None
        self.statusBar().showMessage(_("Exported to {path}").format(path=written), 8000)
        return written

    def show_backups(self) -> None:
        folder = backup_folder(self.document.path) if self.document.path else backups_root()
        folder = folder if folder.is_dir() else backups_root()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- recovery ------------------------------------------------------------------------------

    def write_recovery(self) -> None:
        """Put the unsaved text where the next start can find it (or clear it when saved).

        A recovery folder that cannot be written is said once (the timer retries quietly),
        and again only after a write has succeeded in between.
        """
        try:
            if self.editor.document().isModified() and not self.document.bundled:
                recovery.write(self.recovery_key, self.document.path, self.text())
            else:
                recovery.discard(self.recovery_key)
        except OSError as error:
            self.faults.fault(
                "recovery",
                _(
                    "<b>Unsaved changes are not being kept safe</b> — {reason}. "
                    "Save your work to keep it; piritimer keeps trying."
                ).format(reason=escape(recovery.reason(error))),
            )
        else:
            self._fault_cleared("recovery")

    def _fault_cleared(self, key: str) -> None:
        if key not in self.faults.active():
            return
        self.faults.cleared(key)
        standing = self.faults.active()
        if standing:
            self.fault_bar.show_message("<br>".join(standing.values()), [])
        else:
            self.fault_bar.hide()

    def _offer_recovery(self, found: recovery.Recovered | None) -> None:
        if found is None or found.text == self.text():
            if found is not None:
                recovery.discard(found.key)
            self.recovery_bar.hide()
            return
        when = date_and_time(found.saved_at)

        def restore() -> None:
            self.recovery_key = found.key
            self.editor.selectAll()
            self.editor.insertPlainText(found.text)  # one undo step back to the file's text
            self.editor.moveCursor(self.editor.textCursor().MoveOperation.Start)
            self.recovery_bar.hide()
            self.write_recovery()

        def dismiss() -> None:
            recovery.discard(found.key)
            self.recovery_bar.hide()

        self.recovery_bar.show_message(
            _(
                "<b>Unsaved changes were recovered</b> — piritimer closed before they were "
                "saved (last kept {when})."
            ).format(when=escape(when)),
            [(_("Restore them"), restore), (_("Discard"), dismiss)],
        )

    # -- changes made outside --------------------------------------------------------------------

    def _file_changed_on_disk(self, _data: bytes) -> None:
        if not self.editor.document().isModified():
            self.reload_from_disk()
            return
        name = self.document.name
        self.disk_bar.show_message(
            _(
                "<b>{name} changed on disk.</b> Reload it and lose your unsaved changes, or "
                "keep editing yours (saving replaces the other version, which stays in backups)."
            ).format(name=escape(name)),
            [(_("Reload"), self.reload_from_disk), (_("Keep mine"), self.disk_bar.hide)],
        )

    def reload_from_disk(self) -> None:
        path = self.document.path
        if path is None:
            return
        line = self.editor.cursor_line()
        recovery.discard(self.recovery_key)
        if self.load(path):
            self.editor.go_to(line)
            self.statusBar().showMessage(
                _("Reloaded {name}: it changed on disk.").format(name=path.name), 6000
            )

    # -- opening others and closing ------------------------------------------------------------

    def new_window(self) -> None:
        self.openRequested.emit(None)

    def open_dialog(self) -> None:
        folder = self.document.base_dir or paths.user_sessions_dir()
        path = prompts.ask_open_path(self, folder if folder.is_dir() else Path.home())
        if path is None:
            return
        untouched = self.document.path is None and not self.editor.document().isModified()
        if untouched:
            self.load(path)
        else:
            self.openRequested.emit(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.editor.document().isModified() and not self.document.bundled:
            choice = prompts.ask_unsaved_changes(self, self.document.name)
            if choice is prompts.UnsavedChoice.CANCEL or (
                choice is prompts.UnsavedChoice.SAVE and not self.save()
            ):
                event.ignore()
                return
        self._recovery_timer.stop()
        recovery.discard(self.recovery_key)
        _live.discard(self)
        event.accept()
