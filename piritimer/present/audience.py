"""The audience view: what the class sees on the projector.

It renders only what the EngineDriver says (its signals and ``status()``) plus what the
Presentation tells it (holding countdown, blank, captions), so every view of one driver shows
the same step at the same second.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QLocale, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QStyle, QWidget

from piritimer.core.durations import format_clock, format_duration
from piritimer.core.engine import State, Status
from piritimer.core.i18n import _, ngettext, pgettext
from piritimer.core.timeline import Step, StepKind
from piritimer.present import theme
from piritimer.present.countdown import CountdownDisplay, countdown_text, seconds_left
from piritimer.present.fitted import FittedLabel
from piritimer.present.layout import step_layout
from piritimer.present.outline import upcoming, where_text
from piritimer.present.pacer import BreathPacer
from piritimer.qt.driver import EngineDriver
from piritimer.widgets.image import ImageView, picture_for

Align = Qt.AlignmentFlag
CAPTION_MIN_MS = 3000
CAPTION_MAX_MS = 10000
CAPTION_MS_PER_WORD = 400


class Mode(Enum):
    STEP = auto()
    """A session is under way (or finished): the current step."""
    READY = auto()
    """Loaded and not started, with no countdown: title, length, "F5 to start"."""
    HOLDING = auto()
    """Counting down to the start: "Starts in 2:00"."""


class AudienceView(QWidget):
    """High-contrast, chrome-free view of the current step, sized for the back of a room."""

    def __init__(self, driver: EngineDriver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.driver = driver
        self.setObjectName("audience")
        self.setWindowTitle(_("piritimer — audience"))
        self.setAutoFillBackground(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._mode = Mode.READY
        self._blank = False
        self._holding_s = 0
        self._holding_paused = False
        self._laid_out: tuple[object, ...] | None = None

        # Created first so that it paints beneath the digits.
        self.pacer = BreathPacer(driver, self)
        self.image = ImageView(self)  # the window's own: drawings on paper, never stretched
        self.header_left = FittedLabel(self, color=theme.MUTED, alignment=Align.AlignLeft)
        self.header_right = FittedLabel(self, color=theme.MUTED, alignment=Align.AlignRight)
        self.instruction = FittedLabel(self)
        self.countdown = CountdownDisplay(self)
        self.detail = FittedLabel(
            self, weight=QFont.Weight.DemiBold, alignment=Align.AlignHCenter | Align.AlignTop
        )
        self.hint = FittedLabel(self, color=theme.MUTED, weight=QFont.Weight.Normal)
        self.caption = FittedLabel(self, weight=QFont.Weight.DemiBold)
        # Padding as contents margins, not style-sheet padding, so that the fitting sees it.
        self.caption.setStyleSheet(
            f"color: {theme.TEXT.name()}; background: {theme.PANEL.name()}; border-radius: 6px;"
        )
        self.next = FittedLabel(self, color=theme.MUTED, alignment=Align.AlignLeft)
        self.badge = FittedLabel(self, color=theme.BACKGROUND)
        self.badge.setStyleSheet(
            f"color: {theme.BACKGROUND.name()}; background: {theme.ACCENT.name()};"
            "border-radius: 8px;"
        )
        self.badge.setText(pgettext("presentation", "PAUSED"))
        # The teacher's message, over the bottom of the screen, until cleared (blank or not).
        self.message = FittedLabel(self, color=theme.BACKGROUND)
        self.message.setStyleSheet(
            f"color: {theme.BACKGROUND.name()}; background: {theme.ACCENT.name()};"
            "border-radius: 10px;"
        )
        self.message.hide()
        self._caption_timer = QTimer(self)
        self._caption_timer.setSingleShot(True)
        self._caption_timer.timeout.connect(self.clear_caption)

        driver.timelineChanged.connect(self.render)
        driver.stepStarted.connect(self.render)
        driver.stateChanged.connect(self.render)
        driver.secondsLeftChanged.connect(self.render)
        self.render()

    # -- what the presentation tells us --------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def blank(self) -> bool:
        return self._blank

    def set_blank(self, blank: bool) -> None:
        """Black out everything (the class looks at the teacher); the state is kept."""
        if blank != self._blank:
            self._blank = blank
            self.render()

    def show_holding(self, seconds_left: int, paused: bool = False) -> None:
        self._holding_s = seconds_left
        self._holding_paused = paused
        self._mode = Mode.HOLDING
        self.render()

    def end_holding(self) -> None:
        if self._mode is Mode.HOLDING:
            self._mode = Mode.READY
            self.render()

    def show_caption(self, text: str) -> None:
        """Show what the voice is saying, for those who cannot hear it; clears itself."""
        text = " ".join(text.split())
        if not text:
            self.clear_caption()
            return
        self.caption.setText(text)
        words = len(text.split())
        self._caption_timer.start(
            min(CAPTION_MAX_MS, max(CAPTION_MIN_MS, 1500 + words * CAPTION_MS_PER_WORD))
        )
        self._layout()
        self.render()

    def show_message(self, text: str) -> None:
        """Show the teacher's message (already one clean line); "" takes it away."""
        self.message.setText(text)
        self._place_message()
        self.message.setVisible(bool(text))
        self.message.raise_()

    def clear_caption(self) -> None:
        self._caption_timer.stop()
        if self.caption.text():
            self.caption.setText("")
            self._layout()
            self.render()

    # -- rendering -----------------------------------------------------------------------------

    def render(self, *_signal: object) -> None:
        """Bring every part up to date with the driver; cheap enough to run on each signal."""
        status = self.driver.status()
        if self._mode is Mode.READY and status.state is not State.IDLE:
            self._mode = Mode.STEP
        elif self._mode is Mode.STEP and status.state is State.IDLE:
            self._mode = Mode.READY
        if self._mode is Mode.STEP:
            self._render_step(status)
        else:
            self._render_title_page(status)
        self._show_parts()
        self.update()

    def _render_step(self, status: Status) -> None:
        step = status.step
        timeline = self.driver.engine.timeline
        session = timeline.session
        exercise = (
            session.exercises[step.exercise_index] if step.exercise_index is not None else None
        )
        heading = (
            session.title if step.kind is StepKind.SETUP or exercise is None else exercise.name
        )
        self.header_left.setText(heading)
        self.header_right.setText(step.position_text())
        self.instruction.setText(step.title)
        self.countdown.set_text(countdown_text(seconds_left(status)))
        paused = status.state is State.PAUSED
        color = theme.REST if step.kind in (StepKind.REST, StepKind.SWITCH_SIDES) else theme.ACCENT
        self.countdown.set_color(theme.MUTED if paused else color)
        self.detail.setText(step.detail)
        self.image.set_path(picture_for(exercise, step.side))
        coming = upcoming(timeline, step.index, 1)
        if step.kind is StepKind.DONE:
            self.next.setText("")
        elif not coming:
            self.next.setText(_("Next: finish"))
        else:
            item = coming[0]
            where = _shorten(item.where, step)
            # Neutral separators only, so the sentence around it is one translatable string.
            what = item.title
            if item.duration_s:
                what = f"{what} · {format_duration(item.duration_s)}"
            if where:
                what = f"{what} — {where}"
            if status.state is State.WAITING:
                self.next.setText(_("When ready, next: {step}").format(step=what))
            else:
                self.next.setText(_("Next: {step}").format(step=what))
        self.pacer.refresh()

    def _render_title_page(self, status: Status) -> None:
        timeline = self.driver.engine.timeline
        session = timeline.session
        self.instruction.setText(session.title)
        self.image.set_path(None)
        if self._mode is Mode.HOLDING:
            self.header_left.setText("")
            self.header_right.setText("")
            self.detail.setText(
                pgettext("presentation", "Paused") if self._holding_paused else _("Starts in")
            )
            self.countdown.set_text(format_clock(self._holding_s))
            self.countdown.set_color(theme.MUTED if self._holding_paused else theme.ACCENT)
            self.hint.setText(session.summary or "")
        else:
            self.header_left.setText("")
            self.header_right.setText("")
            self.detail.setText(session.summary or "")
            self.countdown.set_text("")
            self.hint.setText(_("F5 starts the session"))
        count = len(session.exercises)
        total = format_clock(timeline.total_s)
        self.next.setText(
            ngettext("{count} exercise · {total}", "{count} exercises · {total}", count).format(
                count=QLocale().toString(count), total=total
            )
        )

    def _show_parts(self) -> None:
        visible = not self._blank
        step = self._mode is Mode.STEP
        paused = self.driver.state is State.PAUSED
        self.pacer.setVisible(visible and step)
        self.image.setVisible(visible and step and self.image.has_image())
        for part in (self.header_left, self.header_right, self.instruction, self.countdown):
            part.setVisible(visible)
        self.detail.setVisible(visible)
        self.hint.setVisible(visible and not step)
        self.next.setVisible(visible)
        self.caption.setVisible(visible and bool(self.caption.text()))
        self.badge.setVisible(visible and step and paused)
        if self._layout_key() != self._laid_out:
            self._layout()

    # -- geometry ------------------------------------------------------------------------------

    def _layout_key(self) -> tuple[object, ...]:
        return (
            self.width(),
            self.height(),
            self._mode,
            self.image.has_image() and self._mode is Mode.STEP,
            bool(self.caption.text()),
        )

    def _layout(self) -> None:
        self._laid_out = self._layout_key()
        h = self.height()
        if self._mode is not Mode.STEP:
            self._layout_title_page()
            return
        rects = step_layout(
            self.width(),
            h,
            image=self.image.has_image(),
            caption=bool(self.caption.text()),
        )
        self._put(self.header_left, rects.header)
        self._put(self.header_right, rects.header)
        self.header_left.set_pixel_range(rects.header_px)
        self.header_right.set_pixel_range(rects.header_px)
        self._put(self.instruction, rects.instruction)
        self.instruction.set_pixel_range(rects.instruction_px, rects.instruction_px // 2)
        self._put(self.countdown, rects.countdown)
        self.countdown.set_max_pixel_size(rects.countdown_px)
        self._put(self.pacer, rects.pacer)
        self._put(self.detail, rects.detail)
        self.detail.set_pixel_range(rects.detail_px, rects.detail_px // 2)
        if rects.caption is not None:
            pad = round(h * 0.015)
            self.caption.setContentsMargins(pad, 0, pad, 0)
            self._put(self.caption, rects.caption)
            self.caption.set_pixel_range(rects.caption_px, rects.caption_px // 2)
        self._put(self.next, rects.next)
        self.next.setAlignment(Align.AlignLeft | Align.AlignVCenter)
        self.next.set_pixel_range(rects.next_px, rects.next_px // 2)
        if rects.image is not None:
            self._put(self.image, rects.image)
        badge = QRect(0, 0, round(h * 0.2), round(h * 0.06))
        badge.moveCenter(rects.header.center())
        self._put(self.badge, badge)
        self.badge.set_pixel_range(round(h * 0.036))

    def _layout_title_page(self) -> None:
        w, h = self.width(), self.height()
        margin = round(0.06 * h)
        column = w - 2 * margin
        self._put(self.header_left, QRect(margin, margin, column // 2, round(0.06 * h)))
        self._put(self.header_right, QRect(margin + column // 2, margin, column // 2, 1))
        self._put(self.instruction, QRect(margin, round(0.12 * h), column, round(0.22 * h)))
        self.instruction.set_pixel_range(round(theme.HOLDING_TITLE_EM * h), round(0.04 * h))
        holding = self._mode is Mode.HOLDING
        detail_height = round((0.1 if holding else 0.2) * h)
        self._put(self.detail, QRect(margin, round(0.36 * h), column, detail_height))
        self.detail.set_pixel_range(round(theme.DETAIL_EM * h), round(0.025 * h))
        self._put(self.countdown, QRect(margin, round(0.47 * h), column, round(0.32 * h)))
        self.countdown.set_max_pixel_size(round(theme.COUNTDOWN_EM * h))
        self._put(
            self.hint,
            QRect(margin, round((0.8 if holding else 0.62) * h), column, round(0.075 * h)),
        )
        self.hint.set_pixel_range(round(0.034 * h))
        self._put(
            self.next,
            QRect(margin, round((0.89 if holding else 0.55) * h), column, round(0.06 * h)),
        )
        self.next.set_pixel_range(round(theme.NEXT_EM * h))
        self.next.setAlignment(Align.AlignCenter)
        if self.caption.text():
            self._put(self.caption, QRect(margin, round(0.8 * h), column, round(0.09 * h)))
            self.caption.set_pixel_range(round(theme.CAPTION_EM * h))

    def _place_message(self) -> None:
        w, h = self.width(), self.height()
        margin = round(0.03 * h)
        height = round(0.14 * h)
        pad = round(0.02 * h)
        self.message.setContentsMargins(pad, 0, pad, 0)
        self._put(self.message, QRect(margin, h - margin - height, w - 2 * margin, height))
        self.message.set_pixel_range(round(0.07 * h), round(0.03 * h))

    def _put(self, widget: QWidget, rect: QRect) -> None:
        """Place ``widget`` at ``rect`` as laid out left to right, mirrored in a right-to-left
        language (these views are placed by hand, so no layout mirrors them)."""
        widget.setGeometry(QStyle.visualRect(self.layoutDirection(), self.rect(), rect))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._layout()
        self._place_message()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black if self._blank else theme.BACKGROUND)
        if not self._blank and self._mode is Mode.STEP:
            self._paint_progress(painter)
        painter.end()

    def _paint_progress(self, painter: QPainter) -> None:
        """A thin bar along the top: how much of the whole session is done."""
        status = self.driver.status()
        total = status.session_elapsed_s + status.session_remaining_s
        share = status.session_elapsed_s / total if total > 0 else 0.0
        thickness = max(3, round(self.height() * 0.006))
        painter.fillRect(QRect(0, 0, self.width(), thickness), theme.LINE)
        painter.fillRect(QRect(0, 0, round(self.width() * share), thickness), theme.BREATH)


def _shorten(where: str, current: Step) -> str:
    """Say only what changes: nothing if "next" is at the same place, no repeated name."""
    if where == where_text(current):
        return ""
    name = current.exercise_name
    return where.removeprefix(f"{name} · ") if name else where
