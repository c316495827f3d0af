"""The guided view: what to do now, how long is left, what comes next.

It renders the engine's state and forwards button presses to the driver; all timing lives in
the engine. The only timer here is the frame timer of the breathing pacer, which runs while a
breath is being drawn in or let out and at no other time. Its rate follows the circle's speed
(breathing.frame_interval_ms): 30 frames a second while it moves fast, fewer at the turn of a
breath, where a frame would move it by less than half a pixel.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from piritimer.core import i18n
from piritimer.core.breathing import FASTEST_FRAME_MS, frame_interval_ms
from piritimer.core.durations import format_clock
from piritimer.core.engine import State, Status
from piritimer.core.i18n import N_, Catalog, _
from piritimer.core.timeline import Step, StepKind, Timeline
from piritimer.qt.driver import EngineDriver
from piritimer.ui.announcer import Announcer
from piritimer.ui.controls import BY_ACTION, Action, Control
from piritimer.ui.local_format import duration_text
from piritimer.widgets.dial import Dial, DialMode
from piritimer.widgets.fit import FitLabel
from piritimer.widgets.icons import make_icon
from piritimer.widgets.image import PAPER, ImageView, picture_for
from piritimer.widgets.theme import LIGHT, Colors

FRAME_MS = FASTEST_FRAME_MS
"""The frame timer's first interval; later ones follow the circle's speed."""

ANIMATED_KINDS = frozenset({StepKind.INHALE, StepKind.EXHALE})
ICON_ONLY = (Action.FULL_SCREEN, Action.HELP)
"""Window controls, not session controls: an icon and a tooltip are enough for them."""
WORD_STRETCH = {StepKind.SETUP: (2, 10, 5)}
"""Heights of instruction, dial and detail. A setup's list of cues gets more room than a
hold's detail line, but its dial keeps at least a hold's share (10 of 17 against 9 of 16),
so its count is never smaller than a hold's digits."""
DEFAULT_WORD_STRETCH = (4, 9, 3)
FLASH_MS = 300
"""How long the page flashes at a boundary: seen from the corner of an eye, over before the
next second."""
FLASH_ALPHA = 140
PAUSED_OPACITY = 0.3
"""While paused, everything but the dial (which writes PAUSED) and the controls fades to this."""

STATE_NOTES = {
    State.PAUSED: N_("Paused — press Space to go on"),
    State.WAITING: N_("Take your time — press Space when you are ready"),
    State.IDLE: N_("Press Space to start"),
    State.STOPPED: N_("Stopped"),
}
"""Marked with ``N_``: shown through ``_`` (the language is chosen after import)."""


TOGGLE_LABELS = {
    State.IDLE: N_("Start"),
    State.STOPPED: N_("Start"),
    State.RUNNING: N_("Pause"),
    State.PAUSED: N_("Resume"),
    State.WAITING: N_("I'm ready"),
    State.FINISHED: N_("Start again"),
}


def state_note(state: State) -> str:
    """The muted words beside "Next", in the app's language."""
    note = STATE_NOTES.get(state)
    return _(note) if note else ""


def toggle_label(state: State) -> str:
    return _(TOGGLE_LABELS[state])


def count_text(status: Status) -> str:
    """The big number: whole seconds left, the same rounding as the engine's own count."""
    step = status.step
    if step.kind is StepKind.DONE:
        return ""
    if step.duration_s is None or status.step_remaining_s is None:
        return _("Ready?") if status.state is State.WAITING else ""
    left = max(0, math.ceil(status.step_remaining_s - 1e-9))
    return str(left) if left < 60 else format_clock(left)


def next_text(timeline: Timeline, step: Step) -> str:
    following = timeline.next_step(step.index)
    if following is None:
        return ""
    if following.kind is StepKind.DONE:
        return _("Next: the end of the session")
    setup = following.kind is StepKind.SETUP
    if following.duration_s:
        duration = duration_text(following.duration_s)
        if setup:
            return _("Next: {step} (get into position) · {duration}").format(
                step=following.title, duration=duration
            )
        return _("Next: {step} · {duration}").format(step=following.title, duration=duration)
    if setup:
        return _("Next: {step} (get into position)").format(step=following.title)
    return _("Next: {step}").format(step=following.title)


def instruction_text(step: Step, words: Catalog | None = None) -> str:
    """The large words. A setup step's own title is the exercise name, already in the header,
    so it shows "Get into position" instead, in the session's words (``i18n.for_session``) as
    the step titles are."""
    if step.kind is not StepKind.SETUP:
        return step.title
    return (words or i18n.current()).gettext("Get into position")


def detail_text(step: Step) -> str:
    if step.kind is StepKind.SETUP and step.detail:
        return "\n".join(f"• {line}" for line in step.detail.splitlines() if line.strip())
    return step.detail


class RunnerPage(QWidget):
    """Shows the current step and forwards the controls to the driver.

    Signals:
        actionRequested(object): an Action the window handles itself (full screen, help).
    """

    actionRequested = Signal(object)

    def __init__(self, driver: EngineDriver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.driver = driver
        self._colors: Colors = LIGHT
        self._compact = False
        self._icons: dict[tuple[str, str], QIcon] = {}
        """Icons drawn for the current colours, by (name, tint): drawn once, not per step."""
        self._shown_icons: dict[Action, tuple[str, str]] = {}
        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._on_frame)
        self._build()
        self.announcer = Announcer(driver, self)
        driver.timelineChanged.connect(self._on_change)
        driver.stepStarted.connect(self._on_change)
        driver.stepStarted.connect(lambda *_: self._flash())
        driver.stateChanged.connect(self._on_change)
        driver.secondsLeftChanged.connect(self._on_second)
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        bold = QFont.Weight.DemiBold
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.exercise_label = FitLabel(weight=bold, alignment=left, wrap=False, max_pixel_size=44)
        self.position_label = FitLabel(alignment=right, wrap=False, max_pixel_size=34)
        self.state_label = FitLabel(wrap=False, max_pixel_size=30, alignment=right)
        self.state_label.setObjectName("muted")
        self.instruction_label = FitLabel(weight=QFont.Weight.Bold, max_pixel_size=150)
        self.detail_label = FitLabel(max_pixel_size=48, max_fraction=0.45)
        self.dial = Dial()
        self.dial.setAccessibleName(_("Countdown: click or tap to pause or resume"))
        self.dial.clicked.connect(lambda: self.trigger(Action.TOGGLE))
        self.image_view = ImageView()
        self.next_label = FitLabel(wrap=False, max_pixel_size=32, alignment=left)
        self.next_label.setObjectName("muted")
        self.caption_label = FitLabel(max_pixel_size=30, max_fraction=0.45)
        caption_font = self.caption_label.font()
        caption_font.setItalic(True)
        self.caption_label.setFont(caption_font)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(_("Session progress"))
        self.time_left_label = FitLabel(
            wrap=False, max_pixel_size=28, alignment=right, tabular=True
        )
        self.time_left_label.setObjectName("muted")

        header = QHBoxLayout()
        header.addWidget(self.exercise_label, 3)
        header.addWidget(self.position_label, 2)

        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.instruction_label)
        words.addWidget(self.dial)
        words.addWidget(self.detail_label)
        self.words = words
        self._set_word_stretch(StepKind.HOLD)

        next_row = QHBoxLayout()
        next_row.addWidget(self.next_label, 3)
        next_row.addWidget(self.state_label, 2)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.image_view, 5)
        body.addLayout(words, 6)

        progress_row = QHBoxLayout()
        progress_row.setSpacing(16)
        progress_row.addWidget(self.progress_bar, 6)
        progress_row.addWidget(self.time_left_label, 1)

        self.buttons: dict[Action, QPushButton] = {}
        controls = QHBoxLayout()
        controls.setSpacing(10)
        # No stretch factors: each button gets its natural width, and the spare room goes to
        # the gap before the window buttons.
        for action in (Action.PREVIOUS, Action.RESTART_STEP, Action.TOGGLE, Action.NEXT):
            controls.addWidget(self._button(BY_ACTION[action]))
        controls.addSpacing(24)
        controls.addWidget(self._button(BY_ACTION[Action.STOP]))
        controls.addWidget(self._button(BY_ACTION[Action.WHERE]))
        controls.addStretch(1)
        for action in ICON_ONLY:
            button = self._button(BY_ACTION[action])
            button.setText("")
            controls.addWidget(button)
        self.buttons[Action.TOGGLE].setObjectName("controlPrimary")

        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(28, 16, 28, 16)
        layout.setSpacing(8)
        layout.addLayout(header, 5)
        layout.addLayout(body, 58)
        layout.addLayout(next_row, 4)
        layout.addWidget(self.caption_label, 6)
        layout.addLayout(progress_row, 4)
        layout.addLayout(controls, 7)
        self.caption_label.hide()
        self._text_caps = {
            label: label._max_pixel_size  # noqa: SLF001 - the caps as built, scaled later
            for label in self.findChildren(FitLabel)
        }
        self.flash_overlay = QWidget(self)
        self.flash_overlay.setObjectName("boundaryFlash")
        self.flash_overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.flash_overlay.hide()
        self._flash_on = False
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self.flash_overlay.hide)

    def _button(self, control: Control) -> QPushButton:
        button = QPushButton(control.label)
        button.setObjectName("control")
        button.setToolTip(control.tooltip)
        # Its words go when the row is narrow (an icon only): the name stays for screen readers.
        button.setAccessibleName(control.label)
        button.setAccessibleDescription(control.tooltip)
        # Keys reach the window's shortcuts, never a focused button (Space would click it).
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        button.setMinimumWidth(1)  # below its text width it turns to an icon (see _fit_buttons)
        button.clicked.connect(lambda: self.trigger(control.action))
        self.buttons[control.action] = button
        return button

    # -- input --------------------------------------------------------------------------------

    def trigger(self, action: Action) -> None:
        """Carry out a control: engine commands go to the driver, the rest to the window."""
        driver = self.driver
        commands = {
            Action.PREVIOUS: driver.previous,
            Action.RESTART_STEP: driver.restart_step,
            Action.TOGGLE: driver.toggle,
            Action.NEXT: driver.next,
            Action.STOP: driver.stop,
        }
        command = commands.get(action)
        if command is None:
            self.actionRequested.emit(action)
        else:
            command()

    # -- appearance ---------------------------------------------------------------------------

    def set_colors(self, colors: Colors) -> None:
        if colors != self._colors:
            self._icons.clear()
            self._shown_icons.clear()
        self._colors = colors
        self.dial.set_colors(colors)
        self.image_view.set_paper(PAPER if colors.dark else None)
        self._update_icons()

    def set_text_scale(self, scale: float) -> None:
        """Let the words grow up to ``scale`` times their usual caps (the text-size setting)."""
        for label, cap in self._text_caps.items():
            label.set_max_pixel_size(round(cap * scale))

    def set_flash(self, on: bool) -> None:
        """Flash the page as each step begins, for people who cannot hear the cues."""
        self._flash_on = on
        if not on:
            self.flash_overlay.hide()

    def _flash(self) -> None:
        if not self._flash_on or self.driver.state is State.PAUSED or not self.isVisible():
            return
        accent = QColor(self._colors.accent)
        self.flash_overlay.setStyleSheet(
            f"#boundaryFlash {{ background: rgba({accent.red()}, {accent.green()}, "
            f"{accent.blue()}, {FLASH_ALPHA}); }}"
        )
        self.flash_overlay.setGeometry(self.rect())
        self.flash_overlay.raise_()
        self.flash_overlay.show()
        self._flash_timer.start()

    def set_caption(self, text: str) -> None:
        self.caption_label.setText(text)

    def set_captions_shown(self, shown: bool) -> None:
        """The caption line takes room only when something (the audio guide) fills it."""
        self.caption_label.setHidden(not shown)

    def set_base_pixel_size(self, pixels: int) -> None:
        for button in self.buttons.values():
            button.setIconSize(QSize(pixels, pixels))
        # The main button stays a generous target even when its word is short ("Pause").
        self.buttons[Action.TOGGLE].setMinimumWidth(pixels * 9)
        self._fit_buttons()
        # Style-sheet fonts reach the buttons on the next polish; fit again once they have.
        QTimer.singleShot(0, self, self._fit_buttons)

    @property
    def compact(self) -> bool:
        """True when the buttons other than play/pause show only their icons."""
        return self._compact

    def _fit_buttons(self) -> None:
        """Drop the secondary buttons' words when the row is too narrow for them all."""
        wanted = 0
        for action, button in self.buttons.items():
            button.ensurePolished()
            wanted += button.sizeHint().width()
            if action not in ICON_ONLY and not button.text():
                # Its hint without words, plus the words and the gap before them.
                wanted += button.fontMetrics().horizontalAdvance(self._label(action)) + 6
        margins = self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - 10 * len(self.buttons) - 48
        compact = wanted > room
        self._compact = compact
        for action, button in self.buttons.items():
            if action not in ICON_ONLY:
                shown = compact and action is not Action.TOGGLE
                button.setText("" if shown else self._label(action))
                button.setAccessibleName(self._label(action))

    def _label(self, action: Action) -> str:
        """The words a button shows in the current state."""
        state = self.driver.state
        if action is Action.TOGGLE:
            return toggle_label(state)
        if action is Action.STOP and state is State.FINISHED:
            return _("Back")
        return BY_ACTION[action].label

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_buttons()

    # -- rendering ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Render everything from one status snapshot."""
        status = self.driver.status()
        step = status.step
        timeline = self.driver.engine.timeline
        session = timeline.session
        exercise = (
            session.exercises[step.exercise_index] if step.exercise_index is not None else None
        )
        self.exercise_label.setText(exercise.name if exercise else session.title)
        self.position_label.setText(step.position_text())
        self.state_label.setText(state_note(status.state))
        self.instruction_label.setText(instruction_text(step, i18n.for_session(session.language)))
        self.detail_label.setText(detail_text(step))
        self._set_word_stretch(step.kind)
        centre = Qt.AlignmentFlag.AlignCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.detail_label.setAlignment(left if step.kind is StepKind.SETUP else centre)
        self.next_label.setText(next_text(timeline, step))
        self.image_view.set_path(picture_for(exercise, step.side))
        self.image_view.setVisible(self.image_view.has_image())
        self._render_time(status)
        self._update_buttons(status.state)
        self._update_animation(status)
        self._dim(status.state is State.PAUSED)

    def _dim(self, paused: bool) -> None:
        """Fade the picture and the words while paused: seen from across the room, the
        whole page looks different, not just one number standing still."""
        for widget in (self.image_view, self.instruction_label, self.detail_label):
            effect = widget.graphicsEffect()
            if not paused:
                if effect is not None:
                    widget.setGraphicsEffect(None)  # type: ignore[arg-type]
                continue
            if effect is None:
                effect = QGraphicsOpacityEffect(widget)
                effect.setOpacity(PAUSED_OPACITY)
                widget.setGraphicsEffect(effect)

    @property
    def dimmed(self) -> bool:
        return self.instruction_label.graphicsEffect() is not None

    def _set_word_stretch(self, kind: StepKind) -> None:
        stretch = WORD_STRETCH.get(kind, DEFAULT_WORD_STRETCH)
        for index, factor in enumerate(stretch):
            self.words.setStretch(index, factor)

    def _render_time(self, status: Status) -> None:
        total = self.driver.engine.timeline.total_s
        self.progress_bar.setValue(
            1000 if total <= 0 else round(1000 * status.session_elapsed_s / total)
        )
        if status.state is State.FINISHED:
            self.time_left_label.setText(_("{time} done").format(time=format_clock(total)))
        else:
            self.time_left_label.setText(
                _("{time} left").format(time=format_clock(status.session_remaining_s))
            )
        self._render_dial(status)

    def _render_dial(self, status: Status) -> None:
        step = status.step
        paused = status.state is State.PAUSED
        text = count_text(status)
        if step.kind is StepKind.DONE or status.state is State.FINISHED:
            self.dial.show_state(DialMode.DONE)
        elif step.kind.is_breath:
            self.dial.show_state(
                DialMode.BREATH,
                kind=step.kind,
                progress=status.step_progress,
                text=text,
                paused=paused,
            )
        elif step.duration_s is None:
            self.dial.show_state(DialMode.WAIT, text=text, paused=paused)
        else:
            self.dial.show_state(
                DialMode.TIMER, progress=status.step_progress, text=text, paused=paused
            )

    def _update_buttons(self, state: State) -> None:
        live = state in (State.RUNNING, State.WAITING, State.PAUSED)
        self.buttons[Action.PREVIOUS].setEnabled(live or state is State.FINISHED)
        self.buttons[Action.RESTART_STEP].setEnabled(live)
        self.buttons[Action.NEXT].setEnabled(live)
        self._fit_buttons()
        self._update_icons()

    def _update_icons(self) -> None:
        """Give each button its icon for the current state, drawing each icon once per theme.

        This runs at every step boundary; drawing six fresh pixmaps each time made memory
        climb by megabytes a minute, so icons are kept, and a button whose icon is already
        right is left alone.
        """
        state = self.driver.state
        toggle_icon = {State.RUNNING: "pause", State.WAITING: "ready"}.get(state, "play")
        for action, button in self.buttons.items():
            name = toggle_icon if action is Action.TOGGLE else BY_ACTION[action].icon
            tint = self._colors.accent_text if action is Action.TOGGLE else self._colors.text
            key = (name, tint)
            if self._shown_icons.get(action) == key:
                continue
            icon = self._icons.get(key)
            if icon is None:
                icon = self._icons[key] = make_icon(name, tint)
            button.setIcon(icon)
            self._shown_icons[action] = key

    # -- time ---------------------------------------------------------------------------------

    def _on_change(self, *_args: object) -> None:
        self.refresh()

    def _on_second(self, _seconds_left: int = 0) -> None:
        self._render_time(self.driver.status())

    def _update_animation(self, status: Status) -> None:
        animate = (
            status.state is State.RUNNING
            and status.step.kind in ANIMATED_KINDS
            and self.isVisible()
        )
        if animate and not self._frame.isActive():
            self._frame.start(self._next_interval(status))
        elif not animate:
            self._frame.stop()

    @property
    def animating(self) -> bool:
        return self._frame.isActive()

    def _on_frame(self) -> None:
        status = self.driver.status()
        if status.state is not State.RUNNING or status.step.kind not in ANIMATED_KINDS:
            self._frame.stop()
            return
        self._render_dial(status)
        interval = self._next_interval(status)
        if interval != self._frame.interval():
            self._frame.setInterval(interval)

    def _next_interval(self, status: Status) -> int:
        """Time to the frame that moves the circle by about half a device pixel."""
        duration = status.step.duration_s or 0.0
        return frame_interval_ms(self.dial.radius_speed(duration))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)  # type: ignore[arg-type]
        self._frame.stop()
