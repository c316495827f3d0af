"""The presenter window: the teacher's own screen, with controls, what comes next and notes.

It renders the same EngineDriver as the audience view, from the same signals and
``status()``, so the two can never disagree. Buttons do not act themselves: they ask the
Presentation for the same actions the clicker keys trigger.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from piritimer.core.durations import format_clock, format_duration
from piritimer.core.engine import State
from piritimer.core.i18n import _, pgettext
from piritimer.present import theme
from piritimer.present.audience import AudienceView
from piritimer.present.countdown import countdown_text, seconds_left
from piritimer.present.elided import ElidedLabel
from piritimer.present.keys import Action
from piritimer.present.message import MAX_MESSAGE_CHARS
from piritimer.present.outline import upcoming, where_text
from piritimer.present.qr_view import QrView
from piritimer.qt.driver import EngineDriver
from piritimer.widgets.plain import escape, plain_label

WallClock = Callable[[], datetime]
UPCOMING_COUNT = 6

# Selectors name the presenter's own widgets: a bare ``QWidget {font-size}`` would also reach
# the preview's labels and override the sizes they fit to their boxes.
_STYLE = f"""
QWidget#presenter {{ background: {theme.BACKGROUND.name()}; }}
QWidget {{ color: {theme.TEXT.name()}; }}
QLabel#body, QLabel#muted {{ font-size: 17px; }}
QFrame#panel {{ background: {theme.PANEL.name()}; border-radius: 10px; }}
QLabel#caption {{ color: {theme.MUTED.name()}; font-size: 14px; font-weight: 600;
    text-transform: uppercase; letter-spacing: 1px; }}
QLabel#clock {{ font-size: 40px; font-weight: 700; }}
QLabel#title {{ font-size: 24px; font-weight: 700; }}
QLabel#now {{ font-size: 34px; font-weight: 700; }}
QWidget#preview {{ border: 1px solid {theme.LINE.name()}; }}
QLabel#countdown {{ font-size: 120px; font-weight: 800; color: {theme.ACCENT.name()}; }}
QLabel#muted {{ color: {theme.MUTED.name()}; }}
QLabel#figure {{ font-size: 28px; font-weight: 700; }}
QLabel#banner {{ background: {theme.ACCENT.name()}; color: {theme.BACKGROUND.name()};
    border-radius: 6px; padding: 6px 12px; font-weight: 700; }}
QLineEdit {{ background: {theme.PANEL.name()}; border: 1px solid #3a414a; border-radius: 8px;
    padding: 6px 10px; font-size: 17px; }}
QListWidget, QTextBrowser {{ background: {theme.PANEL.name()}; border: none;
    border-radius: 10px; padding: 8px; font-size: 18px; }}
QListWidget::item {{ padding: 6px 4px; border-bottom: 1px solid {theme.LINE.name()}; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar::handle:vertical {{ background: #3a414a; border-radius: 3px; min-height: 28px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QPushButton {{ background: {theme.LINE.name()}; border: 1px solid #3a414a; border-radius: 8px;
    padding: 8px 16px; font-size: 17px; font-weight: 600; }}
QPushButton:hover {{ background: #343b44; }}
QPushButton#primary {{ background: {theme.ACCENT.name()}; color: {theme.BACKGROUND.name()}; }}
"""


class PresenterWindow(QWidget):
    """Controls, the current step, the next few, the teacher's notes, times and the clock.

    Signals:
        actionRequested(object): a button asked for an Action (handled by the Presentation).
        messageRequested(str): show this line to the class ("" clears it).
    """

    actionRequested = Signal(object)
    messageRequested = Signal(str)

    def __init__(
        self,
        driver: EngineDriver,
        parent: QWidget | None = None,
        wall_clock: WallClock = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.driver = driver
        self._wall_clock = wall_clock
        self._blank = False
        self._holding: tuple[int, bool] | None = None
        self._shares_screen = False
        self._notes_html = ""
        self.setObjectName("presenter")
        self.setWindowTitle(_("piritimer — presenter view"))
        self.setStyleSheet(_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        self.title = _elided("title")
        self.clock = _label("clock")
        self.elapsed = _label("figure")
        self.remaining = _label("figure")
        self.banner = _label("banner")
        # Wrapped and across the whole window, above both columns: a long banner takes the
        # width of neither (on a laptop it used to squeeze "Coming up" to one word).
        self.banner.setWordWrap(True)
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.now = _label("now")
        self.now.setWordWrap(True)
        self.where = _elided("muted")
        self.countdown = _label("countdown")
        self.detail = _label("body")
        self.detail.setWordWrap(True)
        self.coming = QListWidget()
        self.coming.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.coming.setWordWrap(True)
        self.notes = QTextBrowser()
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes.setOpenExternalLinks(False)
        # What the class sees, live: a second audience view on the same driver.
        self.preview = AudienceView(driver, self)
        self.preview.setObjectName("preview")
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.buttons: dict[Action, QPushButton] = {}
        self.message_field = QLineEdit()
        self.message_field.setMaxLength(MAX_MESSAGE_CHARS)
        # Focus only when clicked: as the window's one focusable widget it would otherwise
        # take every key, and the clicker keys stop while it has focus.
        self.message_field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.message_field.setPlaceholderText(_("A message for the class…"))
        self.message_field.returnPressed.connect(self._send_message)
        self.show_message_button = QPushButton(pgettext("message", "Show"))
        self.show_message_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_message_button.clicked.connect(self._send_message)
        self.clear_message_button = QPushButton(pgettext("message", "Clear"))
        self.clear_message_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_message_button.clicked.connect(lambda: self.messageRequested.emit(""))
        self.clear_message_button.setEnabled(False)
        # The phone remote, when on: its QR code and both addresses (plain text).
        self.remote_panel = _panel()
        self.remote_qr = QrView()
        # Elided, never wider than the column: a URL does not wrap (hover shows it whole).
        self.remote_address = _elided("muted")
        self.follow_address = _elided("muted")
        self._remote_on = False
        self._build()

        self._clock_timer = QTimer(self)
        self._clock_timer.setSingleShot(True)
        self._clock_timer.timeout.connect(self.tick_clock)
        self.tick_clock()
        for signal in (
            driver.timelineChanged,
            driver.stepStarted,
            driver.stateChanged,
            driver.secondsLeftChanged,
        ):
            signal.connect(self.render)
        self.render()

    # -- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for caption, value in ((_("Elapsed"), self.elapsed), (_("Remaining"), self.remaining)):
            top.addLayout(_figure(caption, value))
            top.addSpacing(24)
        top.addLayout(_figure(_("Clock"), self.clock))

        now_panel = _panel()
        now_layout = QVBoxLayout(now_panel)
        now_layout.setContentsMargins(20, 16, 20, 16)
        now_layout.addWidget(_label("caption", _("The class sees")))
        now_layout.addWidget(AspectBox(self.preview), 1)
        now_layout.addSpacing(8)
        row = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(_label("caption", pgettext("presenter", "Now")))
        text.addWidget(self.now)
        text.addWidget(self.where)
        text.addWidget(self.detail)
        text.addStretch(1)
        row.addLayout(text, 1)
        row.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        now_layout.addLayout(row)

        controls = QGridLayout()
        specs = (
            # The keys as the keyboard prints them (Espace, Leertaste, Espacio...).
            (Action.PREVIOUS, _("◀  Previous"), pgettext("key", "PgUp / ←"), 0, 0),
            (Action.TOGGLE, pgettext("presenter", "Start"), pgettext("key", "Space"), 0, 1),
            (Action.NEXT, _("Next  ▶"), pgettext("key", "PgDn / →"), 0, 2),
            (Action.BLANK, _("Blank screen"), "B / .", 1, 0),
            (Action.START, _("From the beginning"), "F5", 1, 1),
            (Action.LEAVE, _("Leave presentation"), pgettext("key", "Esc"), 1, 2),
            (Action.REMOVE_MINUTE, _("− 1 min"), "−", 2, 0),
            (Action.START_HERE, _("Start now"), pgettext("key", "Shift+F5"), 2, 1),
            (Action.ADD_MINUTE, _("+ 1 min"), "+", 2, 2),
            (Action.SWAP_SCREENS, _("Swap screens"), "S", 0, 3),
            (Action.REMOTE, _("Phone remote"), _remote_state(False), 1, 3),
            (Action.PRESENTER_VIEW, _("Class view only"), "P", 2, 3),
        )
        for action, name, key, line, column in specs:
            button = QPushButton(name)
            button.setProperty("key", key)
            button.setToolTip(
                _("Turns the phone remote on or off")
                if action is Action.REMOTE  # no key: its second line says on or off
                else _("Key: {key}").format(key=key)
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, a=action: self.actionRequested.emit(a))
            controls.addWidget(button, line, column)
            self.buttons[action] = button
        self.buttons[Action.TOGGLE].setObjectName("primary")

        left = QVBoxLayout()
        left.addWidget(now_panel, 1)
        left.addLayout(controls)
        remote_row = QHBoxLayout(self.remote_panel)
        remote_row.setContentsMargins(10, 10, 10, 10)
        remote_row.addWidget(self.remote_qr)
        addresses = QVBoxLayout()
        addresses.addWidget(_elided("caption", _("Remote — scan")))
        addresses.addWidget(self.remote_address)
        addresses.addWidget(_elided("caption", _("Follow (read only)")))
        addresses.addWidget(self.follow_address)
        addresses.addStretch(1)
        remote_row.addLayout(addresses, 1)
        self.remote_panel.hide()
        right = QVBoxLayout()
        right.addWidget(self.remote_panel)
        right.addWidget(_label("caption", _("Coming up")))
        right.addWidget(self.coming, 3)
        right.addWidget(_label("caption", pgettext("presenter", "Notes")))
        right.addWidget(self.notes, 2)
        right.addWidget(_label("caption", _("Message to the class")))
        # The field on its own line: beside two buttons in the narrow column it had room for
        # a few letters, less in the longer languages.
        right.addWidget(self.message_field)
        message_row = QHBoxLayout()
        message_row.addWidget(self.show_message_button, 1)
        message_row.addWidget(self.clear_message_button, 1)
        right.addLayout(message_row)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(16)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.addLayout(top)
        outer.addSpacing(8)
        outer.addWidget(self.banner)
        outer.addSpacing(8)
        outer.addLayout(body, 1)

    # -- what the presentation tells us --------------------------------------------------------

    def set_blank(self, blank: bool) -> None:
        self._blank = blank
        self.preview.set_blank(blank)
        self.render()

    def set_holding(self, seconds_left: int | None, paused: bool = False) -> None:
        self._holding = None if seconds_left is None else (seconds_left, paused)
        if seconds_left is None:
            self.preview.end_holding()
        else:
            self.preview.show_holding(seconds_left, paused)
        self.render()

    def show_caption(self, text: str) -> None:
        self.preview.show_caption(text)

    def set_remote(self, remote_url: str | None, follow_url: str | None) -> None:
        """Show the phone remote's QR code and addresses (None: the remote is off)."""
        self._remote_on = remote_url is not None
        self.remote_qr.set_text(remote_url or "")
        self.remote_address.setText(remote_url or "")
        self.follow_address.setText(follow_url or "")
        self.remote_panel.setVisible(self._remote_on)
        self.render()

    def set_message(self, text: str) -> None:
        """The message the class sees now ("" for none), in the preview and the field."""
        self.preview.show_message(text)
        self.clear_message_button.setEnabled(bool(text))

    def _send_message(self) -> None:
        self.messageRequested.emit(self.message_field.text())
        self.message_field.clearFocus()  # the clicker keys work again at once

    # -- rendering -----------------------------------------------------------------------------

    def tick_clock(self) -> None:
        """Show the wall clock; wake again just after the next minute turns."""
        now = self._wall_clock()
        self.clock.setText(
            QLocale().toString(QTime(now.hour, now.minute), QLocale.FormatType.ShortFormat)
        )
        self._clock_timer.start(max(50, (60 - now.second) * 1000 - now.microsecond // 1000 + 20))

    def render(self, *_signal: object) -> None:
        status = self.driver.status()
        timeline = self.driver.engine.timeline
        session = timeline.session
        step = status.step
        started = status.state is not State.IDLE
        self.title.setText(session.title)
        self.elapsed.setText(format_clock(status.session_elapsed_s))
        self.remaining.setText(format_clock(status.session_remaining_s))
        if started:
            self.now.setText(step.title)
            self.where.setText(where_text(step))
            self.countdown.setText(countdown_text(seconds_left(status)) or "—")
            self.detail.setText(step.detail)
        else:
            self.now.setText(_("Not started"))
            self.where.setText(session.summary or "")
            self.countdown.setText(format_clock(self._holding[0]) if self._holding else "—")
            self.detail.setText("")
        self._render_banner(status.state)
        self._render_upcoming(step.index if started else -1)
        self._render_notes(step.exercise_index if started else None)
        self._render_buttons(status.state)

    def _render_banner(self, state: State) -> None:
        parts = []
        if self._blank:
            parts.append(_("Audience screen is BLANK — press B to show it"))
        if self._holding is not None:
            seconds, paused = self._holding
            holding = (
                _("Holding screen: starts in {time} (paused)")
                if paused
                else _("Holding screen: starts in {time}")
            )
            parts.append(holding.format(time=format_clock(seconds)))
        elif state is State.PAUSED:
            parts.append(_("Paused — Space resumes"))
        elif state is State.WAITING:
            parts.append(_("Waiting for you — Next when the class is ready"))
        self.banner.setText("   ·   ".join(parts))
        self.banner.setVisible(bool(parts))

    def _render_upcoming(self, index: int) -> None:
        timeline = self.driver.engine.timeline
        lines = []
        for item in upcoming(timeline, index, UPCOMING_COUNT):
            length = (
                format_duration(item.duration_s)
                if item.duration_s
                else pgettext("a step's length", "wait")
            )
            lines.append(
                f"{item.title}  ·  {length}\n{item.where}"
                if item.where
                else f"{item.title}  ·  {length}"
            )
        if not lines:
            lines = [_("End of the session")]
        if [self.coming.item(i).text() for i in range(self.coming.count())] != lines:
            self.coming.clear()
            self.coming.addItems(lines)

    def _render_notes(self, exercise_index: int | None) -> None:
        session = self.driver.engine.timeline.session
        blocks = []
        if exercise_index is not None:
            exercise = session.exercises[exercise_index]
            if exercise.notes:
                blocks.append((exercise.name, exercise.notes))
        if session.notes:
            blocks.append((session.title, session.notes))
        text = (
            "".join(
                f"<p><b>{escape(title)}</b><br>{_paragraphs(body)}</p>" for title, body in blocks
            )
            or f"<p style='color:#a9b0b8'>{escape(_('No notes in the session file.'))}</p>"
        )
        if text != self._notes_html:
            self._notes_html = text
            self.notes.setHtml(text)

    def _render_buttons(self, state: State) -> None:
        toggle = {
            State.IDLE: pgettext("presenter", "Start"),
            State.RUNNING: pgettext("presenter", "Pause"),
            State.WAITING: pgettext("presenter", "Ready"),
            State.PAUSED: pgettext("presenter", "Resume"),
            State.FINISHED: _("Start again"),
            State.STOPPED: pgettext("presenter", "Start"),
        }[state]
        self.buttons[Action.TOGGLE].setText(toggle)
        self.buttons[Action.BLANK].setText(_("Show screen") if self._blank else _("Blank screen"))
        self.buttons[Action.REMOTE].setProperty("key", _remote_state(self._remote_on))
        for button in self.buttons.values():
            name = button.text().split("\n")[0]
            button.setText(f"{name}\n{button.property('key')}")
        holding = self._holding is not None
        for action in (Action.ADD_MINUTE, Action.REMOVE_MINUTE, Action.START_HERE):
            self.buttons[action].setVisible(holding)
        # Over the class view on a lone screen: the way back to the class view.
        self.buttons[Action.PRESENTER_VIEW].setVisible(self._shares_screen)
        self.buttons[Action.SWAP_SCREENS].setVisible(not self._shares_screen)

    def set_shares_screen(self, shared: bool) -> None:
        """The presenter view is over the class view, on the one screen left (or not)."""
        self._shares_screen = shared
        self.render()


class AspectBox(QWidget):
    """Holds one child at 16:9, as large as fits and centred: the preview of the projector."""

    def __init__(self, child: QWidget, ratio: float = 16 / 9) -> None:
        super().__init__()
        self._child = child
        self._ratio = ratio
        child.setParent(self)
        self.setMinimumHeight(120)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        width = min(self.width(), round(self.height() * self._ratio))
        height = round(width / self._ratio)
        self._child.setGeometry(
            (self.width() - width) // 2, (self.height() - height) // 2, width, height
        )


def _remote_state(on: bool) -> str:
    """The phone remote button's second line, where the others show their key."""
    return pgettext("phone remote", "on") if on else pgettext("phone remote", "off")


def _paragraphs(text: str) -> str:
    return escape(text)


def _label(name: str = "", text: str = "") -> QLabel:
    label = plain_label(text)  # titles, steps, details and summaries come from the file
    if name:
        label.setObjectName(name)
    return label


def _elided(name: str, text: str = "") -> ElidedLabel:
    label = ElidedLabel(text)
    label.setObjectName(name)
    return label


def _panel() -> QFrame:
    panel = QFrame()
    panel.setObjectName("panel")
    return panel


def _figure(caption: str, value: QLabel) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(0)
    column.addWidget(_label("caption", caption))
    column.addWidget(value)
    return column
