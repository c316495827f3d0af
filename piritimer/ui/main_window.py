"""The home window: the library, a session's preview, and the guided runner, in one stack.

It is given its services (settings, library, engine driver, audio guide, screen-saver
inhibit, editors, presentation mode) by the composition root, piritimer.app, and switches
pages as the engine's state changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from piritimer import paths
from piritimer.core.bundle import SUFFIX as BUNDLE_SUFFIX
from piritimer.core.bundle import BundleError, open_bundle
from piritimer.core.engine import State
from piritimer.core.i18n import _, pgettext
from piritimer.core.model import Session
from piritimer.core.timeline import StepKind, Timeline, compile_session
from piritimer.ui.controls import CONTROLS, Action
from piritimer.ui.display_settings import DisplaySettings, load_display_settings
from piritimer.ui.help_overlay import HelpOverlay
from piritimer.ui.library import LibraryEntry, LibraryModel, is_session_file
from piritimer.ui.library_view import LibraryPage
from piritimer.ui.local_format import duration_text, keys_text
from piritimer.ui.practice_window import PracticeHooks
from piritimer.ui.preview import PreviewPage
from piritimer.ui.runner import RunnerPage
from piritimer.ui.services import Captioned, Services
from piritimer.ui.settings import GEOMETRY_KEY, LAST_SESSION_KEY, sync_settings
from piritimer.widgets.image_cache import shared_cache
from piritimer.widgets.notices import OnceNotice
from piritimer.widgets.theme import colors_for, palette_for, style_sheet, system_prefers_dark

if TYPE_CHECKING:
    from piritimer.core.class_plan import Prepared

DEFAULT_SIZE = (1280, 800)
FRAME_ROOM_PX = (16, 48)
"""Room a first window leaves for the window manager's frame and title bar."""
LIVE_STATES = frozenset({State.RUNNING, State.WAITING, State.PAUSED})
TOOLBAR_MIN_PX = 11
"""The toolbar's words never shrink below this to fit."""
TOOLBAR_SLACK_PX = 24
"""Room kept free at the toolbar's end (Qt's own overflow button would need it)."""


def base_pixel_size(width: int, height: int) -> int:
    """Body text size for a window: grows with the window so it reads from across a room."""
    return max(13, min(34, round(min(height / 38, width / 62))))


def empty_timeline() -> Timeline:
    return compile_session(Session(title="", exercises=()))


class MainWindow(QMainWindow):
    """The app's one window.

    Signals:
        sessionShown(object): the Path of the session now in the preview or runner.
    """

    sessionShown = Signal(object)

    def __init__(
        self, services: Services, *, restore: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("piritimer")  # not translated: the product's name
        self.setAcceptDrops(True)
        self.notices = OnceNotice(lambda text: self.statusBar().showMessage(text, 15_000))
        self.services = services
        self.settings = services.settings
        self.driver = services.driver
        self.library: LibraryModel = services.library
        self.audio_guide = services.audio
        self.keep_awake = services.keep_awake
        self.editors = services.editors
        self.current_path: Path | None = None
        self.display = load_display_settings(self.settings)
        self.presentation: Captioned | None = None
        self._base_px = 0
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.choose_file: Callable[[], Path | None] = self._choose_file

        self.library_page = LibraryPage(self.library, progress=services.progress)
        self.preview_page = PreviewPage(progress=services.progress, reminders=services.reminders)
        self.runner_page = RunnerPage(self.driver)
        self.stack = QStackedWidget()
        for page in (self.library_page, self.preview_page, self.runner_page):
            # Pages shrink with the window; their fonts follow the window, not the reverse.
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.help_overlay = HelpOverlay(self.stack)
        self._build_toolbar()
        self.practice = PracticeHooks(self)
        self._build_shortcuts()
        self._connect()
        for text in services.startup_notices:
            self.notices.show(text)
        self.apply_theme()
        self.apply_display(self.display)
        self.setWindowIcon(app_icon())
        if restore:
            self._restore()
        else:
            self.fit_first_size()

    # -- building -----------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(_("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.toolbar = bar

        def action(text: str, tip: str, slot: Callable[[], object], keys: str = "") -> QAction:
            item = QAction(text, self)
            item.setToolTip(
                _("{action} ({keys})").format(action=tip, keys=keys_text(keys)) if keys else tip
            )
            if keys:
                item.setShortcut(QKeySequence(keys))
            item.triggered.connect(lambda _checked=False: slot())
            bar.addAction(item)
            return item

        # Short forms (context "short") where translations run long; the tooltips say it all.
        self.library_action = action(
            pgettext("short", "All sessions"),
            _("Back to the list of sessions"),
            self.show_library,
        )
        self.open_action = action(_("Open…"), _("Open a session file"), self.open_dialog, "Ctrl+O")
        self.folder_action = action(
            pgettext("short", "My sessions folder"),
            _("Open the folder for your own sessions"),
            self.open_user_folder,
        )
        bar.addSeparator()
        self.new_action = action(
            _("New session"), _("Write a new session"), self.new_session, "Ctrl+N"
        )
        self.edit_action = action(
            pgettext("short", "Edit session"),
            _("Edit this session file"),
            self.edit_current,
            "Ctrl+E",
        )
        self.present_action = action(
            _("Present"), _("Presentation mode for a class"), lambda: self.open_presentation(None)
        )
        self.audio_action = action(
            _("Sound && voice"), _("Sound and voice settings"), self.open_audio
        )
        self.display_action = action(
            _("Display && language"),
            _("Text size, a flash at each step, and the app's language"),
            self.open_display,
        )
        self.history_action = action(
            _("History"),
            _("Your practice: runs, days, pain"),
            lambda: self.practice.open_history(),
            "Ctrl+H",
        )
        self.statusBar().setSizeGripEnabled(False)

    def _build_shortcuts(self) -> None:
        self.shortcuts: dict[Action, list[QShortcut]] = {}
        for control in CONTROLS:
            for sequence in control.sequences:
                shortcut = QShortcut(sequence, self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(lambda action=control.action: self.perform(action))
                self.shortcuts.setdefault(control.action, []).append(shortcut)

    def _connect(self) -> None:
        self.library_page.sessionActivated.connect(self.show_preview)
        self.library_page.openFileRequested.connect(self.open_dialog)
        self.library_page.openFolderRequested.connect(self.open_user_folder)
        self.preview_page.startRequested.connect(self.start_session)
        self.preview_page.resumeRequested.connect(self.resume_session)
        self.preview_page.backRequested.connect(self.show_library)
        self.preview_page.editRequested.connect(self.edit_current)
        self.runner_page.actionRequested.connect(self.perform)
        self.audio_guide.caption.connect(self.runner_page.set_caption)
        self.runner_page.set_captions_shown(True)
        # Bound methods, not lambdas: the services outlive the window, and Qt drops a bound
        # method's connection when its window goes.
        self.audio_guide.notice.connect(self._show_notice)
        self.driver.stateChanged.connect(self._on_state)
        self.library.entryChanged.connect(self._on_entry_changed)
        self.library.entryRemoved.connect(self._on_entry_removed)
        self.stack.currentChanged.connect(lambda _index: self._update_actions())
        # A bound method, not a lambda: Qt drops the connection when the window goes.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme)
        shared_cache().notice.connect(self._show_notice)
        self.driver.suspendDetected.connect(self._on_suspend)

    # -- pages ----------------------------------------------------------------------------------

    @property
    def page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_library(self) -> None:
        if self.driver.state in LIVE_STATES:
            self.driver.stop()
        self.stack.setCurrentWidget(self.library_page)

    def open_file(self, path: Path) -> LibraryEntry:
        """Open a session from anywhere (dialog, command line, drop) and show its preview."""
        entry = self.library.add_file(Path(path))
        self.show_preview(entry.path)
        return entry

    def show_preview(self, path: Path) -> None:
        path = Path(path).absolute()
        entry = self.library.entry(path) or self.library.add_file(path)
        if self.driver.state in LIVE_STATES and path != self.current_path:
            self.driver.stop()
        self.current_path = path
        self.settings.setValue(LAST_SESSION_KEY, str(path))
        sync_settings(self.settings, self.notices)
        self.preview_page.show_entry(entry, self._resume_offer(entry))
        self.stack.setCurrentWidget(self.preview_page)
        self.sessionShown.emit(path)

    def current_entry(self) -> LibraryEntry | None:
        return self.library.entry(self.current_path) if self.current_path else None

    def start_session(self) -> bool:
        entry = self.current_entry()
        if entry is None or entry.session is None:
            return False
        self.practice.recorder.expect(entry.path, entry.session)
        self.driver.set_timeline(self.todays_timeline(entry.session))
        return self.driver.start()

    def todays_timeline(self, session: Session) -> Timeline:
        """The session with today's values of its ranges (the person's choice or the rule's)."""
        return compile_session(session, today=self.services.progress.today_values(session))

    def resume_session(self, index: int) -> bool:
        entry = self.current_entry()
        if entry is not None and entry.session is not None:
            if self.driver.engine.timeline.session is not entry.session:
                # Stopped in an earlier run of the app: the practice log knows the step.
                self.practice.expect_continued(entry)
                # Today's values, as the offer's step was found in (practice_window).
                self.driver.set_timeline(self.todays_timeline(entry.session))
        return self.driver.jump(index)

    def try_timeline(self, timeline: Timeline) -> bool:
        """Run ``timeline`` (one exercise, from the editor's "Try this exercise") in the runner.

        Whatever ran before stops; the window comes to the front to guide the exercise.
        """
        if self.driver.state in LIVE_STATES:
            self.driver.stop()
        self.driver.set_timeline(timeline)
        started = self.driver.start()
        self.show()
        self.raise_()
        self.activateWindow()
        return started

    def _resume_offer(self, entry: LibraryEntry) -> tuple[int, str] | None:
        engine = self.driver.engine
        if (
            engine.state is not State.STOPPED
            or entry.session is None
            or engine.timeline.session is not entry.session
            or engine.index == 0
            or engine.step.kind is StepKind.DONE
        ):
            return self.practice.resume_offer(entry)
        step = engine.step
        where = f"{step.exercise_name} · {step.title}" if step.exercise_name else step.title
        return engine.index, where

    # -- engine ---------------------------------------------------------------------------------

    def _show_notice(self, text: str) -> None:
        self.notices.show(text)  # a status bar paints plain text

    def _on_suspend(self, slept_s: float) -> None:
        slept = duration_text(max(1, round(slept_s)))
        self.notices.show(
            _(
                "The computer slept for {duration}. The session is paused on this step, with "
                "its time as it was: press Space to go on."
            ).format(duration=slept)
        )

    def _on_state(self, state: State) -> None:
        if state in LIVE_STATES or state is State.FINISHED:
            self.stack.setCurrentWidget(self.runner_page)
        elif state is State.STOPPED:
            entry = self.current_entry()
            if entry is not None:
                self.preview_page.show_entry(entry, self._resume_offer(entry))
                self.stack.setCurrentWidget(self.preview_page)
            else:
                self.stack.setCurrentWidget(self.library_page)
        self.keep_awake.update(state)
        self._update_actions()

    # -- library --------------------------------------------------------------------------------

    def _on_entry_changed(self, entry: LibraryEntry) -> None:
        if entry.path == self.current_path and self.page is self.preview_page:
            self.preview_page.show_entry(entry, self._resume_offer(entry))

    def _on_entry_removed(self, path: Path) -> None:
        if path == self.current_path and self.page is self.preview_page:
            self.current_path = None
            self.stack.setCurrentWidget(self.library_page)

    def open_dialog(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.open_file(path)

    def _choose_file(self) -> Path | None:
        start = self.current_path.parent if self.current_path else paths.user_sessions_dir()
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open a session"),
            str(start if start.is_dir() else Path.home()),
            _("Session files (*.yaml *.yml);;All files (*)"),
        )
        return Path(name) if name else None

    def open_user_folder(self) -> Path:
        folder = paths.user_sessions_dir()
        self.library.add_folder(folder, create=True)
        self.open_url(QUrl.fromLocalFile(str(folder)))
        return folder

    # -- editor, presentation, sound settings ---------------------------------------------------

    def edit_current(self) -> bool:
        if self.current_path is None:
            return False
        self.editors.open(self.current_path, self)
        return True

    def new_session(self) -> None:
        self.editors.open(None, self)

    def open_presentation(self, screen: int | None, prepared: Prepared | None = None) -> bool:
        """Present the current session, or ``prepared`` (a session or class from --present)."""
        starts_in_s = None
        if prepared is not None and prepared.session is not None:
            self.driver.set_timeline(compile_session(prepared.session))
            starts_in_s = prepared.starts_in_s
        else:
            entry = self.current_entry()
            if (
                entry is not None
                and entry.session is not None
                and self.driver.state not in LIVE_STATES
                and self.driver.engine.timeline.session is not entry.session
            ):
                self.driver.set_timeline(self.todays_timeline(entry.session))
            if entry is not None and entry.plan is not None and self.driver.state is State.IDLE:
                starts_in_s = entry.plan.starts_in_s  # a class not yet begun: its wait
        try:
            presentation = self.services.present(self.driver, screen, self, starts_in_s=starts_in_s)
        except ValueError as error:  # e.g. --screen 3 with two screens; the text lists them
            self.statusBar().showMessage(str(error), 15_000)
            return False
        if presentation is None:
            return False
        self.presentation = presentation
        # Spoken lines also appear on the projector.
        self.audio_guide.caption.connect(presentation.show_caption)
        self.keep_awake.set_presenting(True)
        presentation.on_closed(lambda: self.keep_awake.set_presenting(False))
        return True

    def open_audio(self) -> None:
        # The dialog's module loads when it is first asked for, not before the first paint.
        from piritimer.audio.settings_dialog import open_settings_dialog

        open_settings_dialog(self.audio_guide, self, self.settings)

    def open_display(self) -> None:
        from piritimer.ui.display_settings import open_display_dialog

        dialog = open_display_dialog(self.display, self.settings, self)
        dialog.changed.connect(self.apply_display)

    def apply_display(self, display: DisplaySettings) -> None:
        """Text size and the boundary flash, from the Display dialog or the saved choice."""
        self.display = display
        self.runner_page.set_text_scale(display.text_scale)
        self.runner_page.set_flash(display.flash)
        self._fit_text()

    # -- keys -----------------------------------------------------------------------------------

    def perform(self, action: Action) -> None:
        """One entry point for every control, from a key or a button, on any page."""
        if action is Action.HELP:
            self.help_overlay.toggle()
            return
        if self.help_overlay.isVisible():
            self.help_overlay.hide()
            return
        if action is Action.FULL_SCREEN:
            self.toggle_full_screen()
        elif action is Action.WHERE:
            if self.page is self.runner_page:
                self.audio_guide.where_am_i()
        elif self.page is self.runner_page:
            self.runner_page.trigger(action)
        elif action is Action.STOP and self.isFullScreen():
            self.toggle_full_screen()
        elif self.page is self.preview_page:
            if action is Action.TOGGLE:
                self.start_session()
            elif action is Action.STOP:
                self.show_library()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _update_actions(self) -> None:
        has_file = self.current_path is not None
        self.edit_action.setEnabled(has_file)
        self.present_action.setEnabled(has_file)
        self.library_action.setEnabled(self.page is not self.library_page)

    # -- drag and drop --------------------------------------------------------------------------

    @staticmethod
    def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [f for f in files if is_session_file(f) or f.suffix.lower() == BUNDLE_SUFFIX]

    def unpacked(self, files: list[Path]) -> list[Path]:
        """``files`` with each ``.piritimer`` bundle replaced by its unpacked session; a refused
        bundle is left out, and the notice says why."""
        sessions: list[Path] = []
        for path in files:
            if path.suffix.lower() != BUNDLE_SUFFIX:
                sessions.append(path)
                continue
            try:
                sessions.append(open_bundle(path, paths.bundles_dir()))
            except BundleError as error:
                self.notices.show(
                    _("{file} was not opened: {reason}").format(file=path.name, reason=error)
                )
        return sessions

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = self.unpacked(self.dropped_files(event))
        if not files:
            event.ignore()
            return
        for extra in files[1:]:
            self.library.add_file(extra)
        self.open_file(files[0])
        event.acceptProposedAction()

    # -- appearance and memory ------------------------------------------------------------------

    def _on_color_scheme(self, _scheme: Qt.ColorScheme) -> None:
        self.apply_theme()

    def apply_theme(self) -> None:
        colors = colors_for(system_prefers_dark())
        self.colors = colors
        QGuiApplication.setPalette(palette_for(colors))
        self.setStyleSheet(style_sheet(colors, self._base_px or 16))
        self.runner_page.set_colors(colors)
        self.preview_page.set_colors(colors)
        self.help_overlay.set_colors(colors)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_text()

    def _fit_text(self) -> None:
        pixels = round(base_pixel_size(self.width(), self.height()) * self.display.text_scale)
        if pixels != self._base_px:
            self._base_px = pixels
            self.setStyleSheet(style_sheet(self.colors, pixels))
            self.preview_page.set_base_pixel_size(pixels)
            self.runner_page.set_base_pixel_size(pixels)
            self.help_overlay.set_base_pixel_size(pixels)
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        """Shrink the toolbar's words until every action shows: French, German and Spanish
        labels run 10-20 % longer than English, and a toolbar hides what does not fit.

        Worked out from font metrics, not from the buttons' size hints: right after a new
        style sheet, the buttons keep their old font until Qt polishes them again."""
        bar = self.toolbar
        buttons: list[QToolButton] = []
        fixed = TOOLBAR_SLACK_PX
        layout = bar.layout()
        if layout is not None:
            margins = layout.contentsMargins()
            fixed += margins.left() + margins.right() + layout.spacing() * len(bar.actions())
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if isinstance(widget, QToolButton):
                buttons.append(widget)
                # Its padding and frame, the same at any font size.
                fixed += widget.sizeHint().width() - widget.fontMetrics().horizontalAdvance(
                    widget.text()
                )
            elif widget is not None:
                fixed += widget.sizeHint().width()  # the separator
        font = QFont(bar.font())

        def words_px(pixels: int) -> int:
            font.setPixelSize(pixels)
            metrics = QFontMetrics(font)
            return sum(metrics.horizontalAdvance(button.text()) for button in buttons)

        full_px = max(TOOLBAR_MIN_PX, round(self._base_px * 0.8))  # the theme's size
        pixels = full_px
        while pixels > TOOLBAR_MIN_PX and fixed + words_px(pixels) > self.width():
            pixels -= 1
        # An id selector outweighs the theme's "QToolBar QToolButton" rule.
        bar.setStyleSheet(
            "" if pixels == full_px else f"#mainToolbar QToolButton {{ font-size: {pixels}px; }}"
        )

    def _restore(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if not (geometry and self.restoreGeometry(geometry)):
            self.fit_first_size()
        last = self.settings.value(LAST_SESSION_KEY)
        if isinstance(last, str) and last and Path(last).is_file():
            self.show_preview(Path(last))

    def fit_first_size(self) -> None:
        """DEFAULT_SIZE, or less on a smaller screen (1366×768 has room for about 1350×720),
        centred in the screen's free area: a first window must never open cut off."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(*DEFAULT_SIZE)
            return
        free = screen.availableGeometry()
        width = max(1, min(DEFAULT_SIZE[0], free.width() - FRAME_ROOM_PX[0]))
        height = max(1, min(DEFAULT_SIZE[1], free.height() - FRAME_ROOM_PX[1]))
        self.resize(width, height)
        self.move(free.x() + (free.width() - width) // 2, free.y() + (free.height() - height) // 2)

    def save_state(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        sync_settings(self.settings, self.notices)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Editors are this window's children: Qt would destroy them without asking about
        # their unsaved changes.
        if not self.editors.close_all():
            event.ignore()
            return
        self.save_state()
        self.practice.recorder.close()
        self.keep_awake.release()
        super().closeEvent(event)


def app_icon() -> QIcon:
    path = paths.icon_path()
    return QIcon(str(path)) if path.is_file() else QIcon()
