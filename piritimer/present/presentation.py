"""Presentation mode: the audience view on the projector, the presenter window on the laptop,
one EngineDriver behind both, and clicker keys anywhere while it is open.

Every input (clicker key, presenter button) becomes an Action handled in ``perform``, so a key
and a button can never behave differently. Leaving the mode closes its windows and nothing
else: the engine keeps its state, and the session carries on in the main window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from piritimer.core.engine import Command, State
from piritimer.present.audience import AudienceView
from piritimer.present.cursor import CursorHider
from piritimer.present.holding import HoldingTimer
from piritimer.present.keys import Action, ClickerKeys
from piritimer.present.message import clean_message
from piritimer.present.presenter import PresenterWindow
from piritimer.present.screens import arrange
from piritimer.qt.driver import EngineDriver

MINUTE_S = 60.0
SCREENS_SETTLE_MS = 150
"""How long screens must stay unchanged before the views move (xrandr changes come in bursts)."""


class Presentation(QObject):
    """One open presentation. Create it with ``open_presentation``.

    Signals:
        closed(): the teacher left the mode (Esc, the Leave button, or a window closed).
        blankChanged(bool): the audience screen was blanked (True) or shown again.
        holdingChanged(int): seconds left on the holding screen; -1 once it has ended.
        messageChanged(str): the message to the class changed ("" once cleared).
        remoteRequested(): the teacher asked to turn the phone remote on or off.
    """

    closed = Signal()
    blankChanged = Signal(bool)
    holdingChanged = Signal(int)
    messageChanged = Signal(str)
    remoteRequested = Signal()

    def __init__(
        self,
        driver: EngineDriver,
        audience_screen: QScreen,
        presenter_screen: QScreen | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.driver = driver
        self.audience_screen = audience_screen
        self.presenter_screen = presenter_screen
        self._clock = clock
        self._blank = False
        self._open = False
        self._message = ""
        self.holding: HoldingTimer | None = None

        self.projector = audience_screen.name()
        """The screen the class sees whenever it is connected (S swaps it)."""
        # Asked for on the class's own screen (one screen, or a test): shown as if P was pressed.
        self._summoned = presenter_screen is audience_screen

        self.audience = AudienceView(driver, parent)
        self.audience.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.cursor = CursorHider(self.audience)
        # Always built: a screen for it may turn up mid-class.
        self.presenter: PresenterWindow | None = PresenterWindow(
            driver, parent, wall_clock=wall_clock
        )
        self.presenter.setWindowFlags(Qt.WindowType.Window)
        self.presenter.actionRequested.connect(self.perform)
        self.presenter.messageRequested.connect(self.set_message)
        self.keys = ClickerKeys(self)
        self.keys.triggered.connect(self.perform)
        driver.stateChanged.connect(self._state_changed)
        # Cables come and go in bursts (a screen leaves, the primary changes, sizes change):
        # arrange once the burst is over.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SCREENS_SETTLE_MS)
        self._settle.timeout.connect(self.arrange)
        self._watched_screens: list[QScreen] = []

    # -- lifetime -----------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._open

    def show(self) -> None:
        """Full screen on the projector; the presenter window maximised on the other screen."""
        self._open = True
        self.audience.installEventFilter(self)
        if self.presenter is not None:
            self.presenter.installEventFilter(self)
        app = _gui_app()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        app.primaryScreenChanged.connect(self._screens_changed)
        self.arrange()
        self.keys.install()

    # -- screens ------------------------------------------------------------------------------

    def arrange(self) -> None:
        """Put each view where it belongs on the screens there are now (see screens.arrange)."""
        if not self._open:
            return
        self._watch_screens()
        screens = {s.name(): s for s in QGuiApplication.screens()}
        primary = QGuiApplication.primaryScreen()
        if not screens or primary is None:
            return
        plan = arrange(list(screens), primary.name(), self.projector)
        self.audience_screen = screens[plan.audience]
        self.presenter_screen = screens[plan.presenter] if plan.presenter else None
        _full_screen_on(self.audience, self.audience_screen)
        if self.presenter is None:
            self.audience.activateWindow()
            return
        self.presenter.set_shares_screen(self.presenter_screen is None)
        if self.presenter_screen is not None:
            self._summoned = False
            _maximised_on(self.presenter, self.presenter_screen)
            self.presenter.activateWindow()
        elif self._summoned:
            _maximised_on(self.presenter, self.audience_screen)
            self.presenter.raise_()
            self.presenter.activateWindow()
        else:
            self.presenter.hide()
            self.audience.activateWindow()

    def swap_screens(self) -> None:
        """S: the class view to the presenter's screen, the presenter view to the class's."""
        if self.presenter_screen is None:
            return  # one screen: nothing to swap with
        self.projector = self.presenter_screen.name()
        self.arrange()

    def toggle_presenter_view(self) -> None:
        """P: on a lone screen, the presenter view over the class view, or away again; with
        two screens, the presenter view to the front."""
        if self.presenter is None:
            return
        if self.presenter_screen is None:
            self._summoned = not self._summoned
            self.arrange()
        else:
            self.presenter.raise_()
            self.presenter.activateWindow()

    @property
    def presenter_summoned(self) -> bool:
        return self._summoned

    def _screens_changed(self, *_: object) -> None:
        self._settle.start()

    def _watch_screens(self) -> None:
        """Follow every screen's size too: a resolution change refits both views."""
        for screen in QGuiApplication.screens():
            if screen not in self._watched_screens:
                screen.geometryChanged.connect(self._screens_changed)
                self._watched_screens.append(screen)
        self._watched_screens = [s for s in self._watched_screens if s in QGuiApplication.screens()]

    def _stop_watching_screens(self) -> None:
        app = _gui_app()
        for signal in (app.screenAdded, app.screenRemoved, app.primaryScreenChanged):
            signal.disconnect(self._screens_changed)
        for screen in self._watched_screens:
            if screen in QGuiApplication.screens():
                screen.geometryChanged.disconnect(self._screens_changed)
        self._watched_screens = []
        self._settle.stop()

    def leave(self) -> None:
        """Close (and delete) the mode's windows; the engine keeps its state. A presentation
        is not reopened: open a new one."""
        if not self._open:
            return
        self._open = False
        self.keys.remove()
        self._stop_watching_screens()
        self._end_holding()
        self.driver.stateChanged.disconnect(self._state_changed)
        for window in (self.audience, self.presenter):
            if window is not None:
                window.removeEventFilter(self)
                window.close()
                # The windows may have the main window as parent; without this each visit to
                # the mode would leave two hidden windows behind.
                window.deleteLater()
        self.closed.emit()

    def on_closed(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` when the mode is left (for the home window, which sees only
        the protocol piritimer.ui.services.Captioned)."""
        self.closed.connect(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() is QEvent.Type.Close and self._open:
            self.leave()
        return False

    # -- the holding screen -------------------------------------------------------------------

    def hold(self, seconds: float) -> None:
        """Show "Starts in m:ss" and start the session by itself when it reaches zero."""
        if self.driver.state is not State.IDLE and self.driver.state is not State.STOPPED:
            return
        self._end_holding()
        self.holding = HoldingTimer(seconds, self._clock, self)
        self.holding.secondsLeftChanged.connect(self._holding_tick)
        self.holding.pausedChanged.connect(lambda _paused: self._holding_tick())
        self.holding.expired.connect(self._holding_expired)
        self.holding.begin()

    def _holding_tick(self, *_: object) -> None:
        if self.holding is None:
            return
        seconds, paused = self.holding.seconds_left(), self.holding.paused
        self.audience.show_holding(seconds, paused)
        if self.presenter is not None:
            self.presenter.set_holding(seconds, paused)
        self.holdingChanged.emit(seconds)

    def _holding_expired(self) -> None:
        self._end_holding()
        if self.driver.can(Command.START):
            self.driver.start()

    def _end_holding(self) -> None:
        if self.holding is None:
            return
        self.holding.cancel()
        # Not deleteLater(): a deferred delete of a child can run while the garbage collector
        # frees a parentless Presentation, deleting the child twice. Unparented, the timer
        # goes with its last Python reference.
        self.holding.setParent(None)
        self.holding = None
        self.audience.end_holding()
        if self.presenter is not None:
            self.presenter.set_holding(None)
        self.holdingChanged.emit(-1)

    # -- actions ------------------------------------------------------------------------------

    @property
    def blank(self) -> bool:
        return self._blank

    @Slot(str)
    def show_caption(self, text: str) -> None:
        """Slot for the voice's captions: shown on the audience view (and its preview)."""
        if not self._open:
            return  # left: the windows are gone, and the voice may still be connected here
        self.audience.show_caption(text)
        if self.presenter is not None:
            self.presenter.show_caption(text)

    @property
    def message(self) -> str:
        return self._message

    @Slot(str)
    def set_message(self, text: str) -> None:
        """Show a short line to the class until cleared (``""``); plain text, one line."""
        message = clean_message(text)
        if message == self._message:
            return
        self._message = message
        self.audience.show_message(message)
        if self.presenter is not None:
            self.presenter.set_message(message)
        self.messageChanged.emit(message)

    def show_remote(self, remote_url: str | None, follow_url: str | None) -> None:
        """The phone remote is on at these addresses (None: off): the presenter view shows
        the remote's QR code."""
        if self.presenter is not None:
            self.presenter.set_remote(remote_url, follow_url)

    @Slot(object)
    def perform(self, action: Action) -> None:
        """Do what a clicker key or presenter button asks."""
        handlers: dict[Action, Callable[[], None]] = {
            Action.NEXT: self.next,
            Action.PREVIOUS: self.previous,
            Action.BLANK: self.toggle_blank,
            Action.START: self.start_from_beginning,
            Action.START_HERE: self.start_here,
            Action.TOGGLE: self.toggle,
            Action.LEAVE: self.leave,
            Action.ADD_MINUTE: lambda: self._move_start(MINUTE_S),
            Action.REMOVE_MINUTE: lambda: self._move_start(-MINUTE_S),
            Action.SWAP_SCREENS: self.swap_screens,
            Action.PRESENTER_VIEW: self.toggle_presenter_view,
            Action.REMOTE: self.remoteRequested.emit,
        }
        handlers[action]()

    def next(self) -> None:
        """Next step; before the start, start (a basic clicker has no F5)."""
        state = self.driver.state
        self._set_blank(False)
        if state in (State.IDLE, State.STOPPED):
            self.start_here()
        elif state is State.WAITING:
            self.driver.ready()
        elif self.driver.can(Command.NEXT):
            self.driver.next()

    def previous(self) -> None:
        self._set_blank(False)
        if self.driver.can(Command.PREVIOUS):
            self.driver.previous()

    def toggle(self) -> None:
        """Space: start, pause, resume or "ready", as the state calls for."""
        if self.driver.state is State.PAUSED or self.driver.state is State.IDLE:
            self._set_blank(False)
        self.driver.toggle()

    def start_from_beginning(self) -> None:
        """F5: the session from its first step, running."""
        self._end_holding()
        self._set_blank(False)
        if self.driver.can(Command.START):
            self.driver.start()
            return
        self.driver.jump(0)
        if self.driver.state is State.PAUSED:
            self.driver.resume()

    def start_here(self) -> None:
        """Shift+F5: start, or carry on from the current step if it is paused or stopped."""
        self._end_holding()
        self._set_blank(False)
        state = self.driver.state
        if state is State.PAUSED:
            self.driver.resume()
        elif state is State.STOPPED:
            self.driver.jump(self.driver.engine.index)
        elif self.driver.can(Command.START):
            self.driver.start()

    def toggle_blank(self) -> None:
        """B or ".": black out and pause; again to show the screen, still paused."""
        if self._blank:
            self._set_blank(False)
            return
        if self.driver.can(Command.PAUSE):
            self.driver.pause()
        if self.holding is not None:
            self.holding.pause()
        self._set_blank(True)

    def _set_blank(self, blank: bool) -> None:
        if blank == self._blank:
            return
        self._blank = blank
        self.audience.set_blank(blank)
        if self.presenter is not None:
            self.presenter.set_blank(blank)
        if not blank and self.holding is not None:
            self.holding.resume()
        self.blankChanged.emit(blank)

    def _move_start(self, seconds: float) -> None:
        if self.holding is None:
            return
        if seconds > 0:
            self.holding.add_minute()
        else:
            self.holding.remove_minute()

    def _state_changed(self, state: State) -> None:
        # However the session got going (Space, a button in the main window), the wait is over.
        if state not in (State.IDLE, State.STOPPED):
            self._end_holding()


def _gui_app() -> QGuiApplication:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    return app


def _full_screen_on(window: QWidget, screen: QScreen) -> None:
    """Full screen on ``screen``: moved there first, as a window manager makes a window full
    screen on the monitor it stands on."""
    if (
        window.isFullScreen()
        and window.screen() is screen
        and window.geometry() == screen.geometry()
    ):
        return
    if window.isFullScreen():
        window.showNormal()
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()


def _maximised_on(window: QWidget, screen: QScreen) -> None:
    area = screen.availableGeometry()
    if window.isVisible() and window.screen() is screen and area.contains(window.geometry()):
        window.showMaximized()
        return
    if window.isMaximized():
        window.showNormal()
    window.setScreen(screen)
    window.setGeometry(area)
    window.showMaximized()
