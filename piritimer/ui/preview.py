"""The session overview: what the session holds, how long it takes, the safety note, Start."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from piritimer.core.durations import format_clock
from piritimer.core.i18n import _, ngettext, pgettext
from piritimer.core.model import DEFAULT_SAFETY_NOTE, Exercise, PacedBreathing, Session, SideOrder
from piritimer.core.progression import with_values
from piritimer.core.timeline import Timeline, compile_session
from piritimer.ui.library import LibraryEntry
from piritimer.ui.local_format import duration_text, keys_text, number_text
from piritimer.ui.preview_notes import SessionNotes, exercise_note_labels
from piritimer.ui.progress_book import ProgressBook
from piritimer.ui.reminders import Reminders
from piritimer.ui.today_values import TodayPanel
from piritimer.widgets.image import PAPER, ImageView
from piritimer.widgets.plain import escape
from piritimer.widgets.theme import Colors

WEB_SCHEMES = ("http", "https")


def sides_text(order: SideOrder) -> str:
    """Which sides, in the app's words (the file writes ``left then right``)."""
    return {
        SideOrder.NONE: "",
        SideOrder.LEFT_THEN_RIGHT: pgettext("sides", "left then right"),
        SideOrder.RIGHT_THEN_LEFT: pgettext("sides", "right then left"),
        SideOrder.LEFT: pgettext("sides", "left only"),
        SideOrder.RIGHT: pgettext("sides", "right only"),
    }[order]


def work_text(exercise: Exercise) -> str:
    """ "2 sets × 8 reps · 30s hold · left then right", in the app's language."""
    parts: list[str] = []
    if exercise.sets > 1:
        parts.append(
            ngettext("{n} set", "{n} sets", exercise.sets).format(n=number_text(exercise.sets))
        )
    if exercise.reps > 1:
        parts.append(
            ngettext("{n} rep", "{n} reps", exercise.reps).format(n=number_text(exercise.reps))
        )
    work = exercise.work
    if isinstance(work, PacedBreathing):
        pattern = work.pattern
        pace = [_("in {duration}").format(duration=duration_text(pattern.inhale_s))]
        if pattern.hold_in_s:
            pace.append(_("hold {duration}").format(duration=duration_text(pattern.hold_in_s)))
        pace.append(_("out {duration}").format(duration=duration_text(pattern.exhale_s)))
        if pattern.hold_out_s:
            pace.append(_("hold {duration}").format(duration=duration_text(pattern.hold_out_s)))
        parts.append(
            ngettext("{n} breath ({pace})", "{n} breaths ({pace})", work.cycles).format(
                n=number_text(work.cycles), pace=", ".join(pace)
            )
        )
    else:
        parts.append(_("{duration} hold").format(duration=duration_text(work.hold_s)))
    if exercise.sides is not SideOrder.NONE:
        parts.append(sides_text(exercise.sides))
    return " · ".join(parts)


def exercise_duration_s(timeline: Timeline, index: int) -> float:
    return sum(timeline.steps[i].duration_s or 0.0 for i in timeline.exercise_range(index))


def _label(text: str, name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class ExerciseCard(QFrame):
    """One exercise: its picture, name, work, setup cues and time."""

    def __init__(
        self, number: int, exercise: Exercise, duration_s: float, paper: str | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("card")
        self.image_view = ImageView(hint=QSize(150, 150))
        self.image_view.set_path(exercise.image)
        self.image_view.set_paper(paper)
        self.image_view.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.name_label = _label(f"{number}. {exercise.name}", "cardTitle")
        self.time_label = _label(format_clock(duration_s), "meta", wrap=False)
        self.work_label = _label(work_text(exercise), "meta")
        texts = QVBoxLayout()
        texts.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.name_label, 1)
        top.addWidget(self.time_label, 0, Qt.AlignmentFlag.AlignTop)
        texts.addLayout(top)
        texts.addWidget(self.work_label)
        if exercise.about:
            texts.addWidget(_label(exercise.about))
        self.setup_labels = [_label(f"• {cue}") for cue in exercise.setup]
        for cue_label in self.setup_labels:
            texts.addWidget(cue_label)
        self.note_labels = exercise_note_labels(exercise)
        for note_label in self.note_labels:
            texts.addWidget(note_label)
        texts.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 14, 16, 14)
        row.setSpacing(18)
        row.addWidget(self.image_view, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        self.image_view.setHidden(not self.image_view.has_image())

    def set_base_pixel_size(self, pixels: int) -> None:
        side = pixels * 8
        self.image_view.setFixedSize(side, side)


class PreviewPage(QWidget):
    """Shows one library entry and offers to start it.

    Signals:
        startRequested(): start from the beginning.
        resumeRequested(int): continue a stopped session at this step index.
        backRequested(): return to the library.
        editRequested(): open the file in the editor.
    """

    startRequested = Signal()
    resumeRequested = Signal(int)
    backRequested = Signal()
    editRequested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        progress: ProgressBook | None = None,
        reminders: Reminders | None = None,
    ) -> None:
        super().__init__(parent)
        self.entry: LibraryEntry | None = None
        self.progress = progress
        """Today's values and the plan; without it ranges run at their start."""
        self.today_panel = TodayPanel(progress, reminders) if progress is not None else None
        if progress is not None:
            progress.changed.connect(self._progress_changed)
        self._resume_index: int | None = None
        self._base_px = 16
        self._cards: list[ExerciseCard] = []
        self._paper: str | None = None

        self.title_label = _label("", "title")
        self.summary_label = _label("", "lead")
        self.meta_label = _label("", "meta")
        self.error_label = _label("", "warning")
        self.safety_label = _label("")
        self.safety_title = _label(_("Safety"), "section", wrap=False)
        self.sources_label = _label("", "meta")
        self.notes_panel = SessionNotes()
        self.sources_label.setTextFormat(Qt.TextFormat.RichText)  # app-written, file text escaped
        # Not setOpenExternalLinks: a link is opened only when it is http(s), checked again here.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.sources_label.linkActivated.connect(self._open_source)
        self.start_button = QPushButton(_("Start"))
        self.start_button.setObjectName("primary")
        self.start_button.setToolTip(
            _("{action} ({keys})").format(
                action=_("Start the session from the beginning"), keys=keys_text("Space")
            )
        )
        self.resume_button = QPushButton(_("Continue"))
        self._resume_words = ""
        self.back_button = QPushButton(_("All sessions"))
        self.back_button.setToolTip(_("Back to the list of sessions"))
        self.edit_button = QPushButton(_("Edit"))
        self.edit_button.setToolTip(_("Open this session file in the editor"))
        self.start_button.clicked.connect(self.startRequested)
        self.resume_button.clicked.connect(
            lambda: self.resumeRequested.emit(self._resume_index or 0)
        )
        self.back_button.clicked.connect(self.backRequested)
        self.edit_button.clicked.connect(self.editRequested)

        safety = QFrame()
        safety.setObjectName("panel")
        safety_layout = QVBoxLayout(safety)
        safety_layout.setContentsMargins(18, 12, 18, 12)
        safety_layout.addWidget(self.safety_title)
        safety_layout.addWidget(self.safety_label)

        actions = QHBoxLayout()
        actions.setSpacing(12)
        actions.addWidget(self.start_button)
        actions.addWidget(self.resume_button)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.back_button)

        self.exercise_list = QVBoxLayout()
        self.exercise_list.setSpacing(12)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(40, 28, 40, 32)
        column.setSpacing(14)
        column.addWidget(self.title_label)
        column.addWidget(self.summary_label)
        column.addWidget(self.meta_label)
        column.addWidget(self.error_label)
        column.addLayout(actions)
        column.addSpacing(6)
        column.addWidget(safety)
        column.addWidget(self.notes_panel)
        column.addSpacing(6)
        if self.today_panel is not None:
            column.addWidget(self.today_panel)
        column.addLayout(self.exercise_list)
        column.addWidget(self.sources_label)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.scroll_area = scroll

    # -- content --------------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self.entry.session if self.entry else None

    def show_entry(self, entry: LibraryEntry, resume: tuple[int, str] | None = None) -> None:
        """Render ``entry``; ``resume`` is (step index, words) of a session stopped midway."""
        self.entry = entry
        session = entry.session
        self.title_label.setText(entry.title)
        self.summary_label.setText(entry.summary)
        self.summary_label.setVisible(bool(entry.summary))
        error = entry.first_error
        if error and session is not None:
            error = _(
                "This file has an error now ({error}). Showing the last version that worked."
            ).format(error=error)
        elif error:
            error = _("This session cannot be used until the file is fixed: {error}").format(
                error=error
            )
        self.error_label.setText(error or "")
        self.error_label.setVisible(bool(error))
        self.start_button.setEnabled(session is not None)
        self._resume_index = resume[0] if resume else None
        self.resume_button.setVisible(resume is not None)
        self._resume_words = resume[1] if resume else ""
        if resume is not None:
            self.resume_button.setText(_("Continue from {step}").format(step=resume[1]))
            self.resume_button.setToolTip(_("Go on from the step where you stopped"))
        if session is None:
            self.meta_label.setText(str(entry.path))
            self.safety_label.setText(_(DEFAULT_SAFETY_NOTE))
            self.sources_label.setText("")
            self.notes_panel.show_session(None)
            self._set_cards([])
            if self.today_panel is not None:
                self.today_panel.show_session(None)
            return
        today = self.progress.today_values(session) if self.progress is not None else {}
        if self.today_panel is not None:
            self.today_panel.show_session(session)
        timeline = compile_session(session, today=today)
        count = len(session.exercises)
        length = format_clock(timeline.total_s)
        total = (
            _("{time} in all plus setup at your own pace").format(time=length)
            if timeline.wait_count
            else _("{time} in all").format(time=length)
        )
        exercises = ngettext("{count} exercise", "{count} exercises", count)
        meta = [total, exercises.format(count=number_text(count))]
        meta += [f"#{tag}" for tag in session.tags]
        self.meta_label.setText(" · ".join(meta))
        self.safety_label.setText(session.safety or _(DEFAULT_SAFETY_NOTE))
        self.sources_label.setText(_sources_html(session))
        self.sources_label.setVisible(bool(self.sources_label.text()))
        self.notes_panel.show_session(session)
        self._set_cards(
            [
                ExerciseCard(
                    i + 1,
                    with_values(exercise, today[i]) if i in today else exercise,
                    exercise_duration_s(timeline, i),
                    self._paper,
                )
                for i, exercise in enumerate(session.exercises)
            ]
        )
        self.scroll_area.verticalScrollBar().setValue(0)

    def _progress_changed(self, path: object) -> None:
        # None: any session's runs may have changed (an import, a deletion).
        mine = path is None or path == self.entry.path if self.entry is not None else False
        if self.entry is not None and self.entry.session is not None and mine:
            scrolled = self.scroll_area.verticalScrollBar().value()
            self.show_entry(self.entry, self._resume_offer())
            self.scroll_area.verticalScrollBar().setValue(scrolled)

    def _resume_offer(self) -> tuple[int, str] | None:
        if self._resume_index is None:
            return None
        return self._resume_index, self._resume_words

    def _open_source(self, link: str) -> None:
        if is_web_link(link):
            self.open_url(QUrl(link))

    def _set_cards(self, cards: list[ExerciseCard]) -> None:
        for card in self._cards:
            self.exercise_list.removeWidget(card)
            card.deleteLater()
        self._cards = cards
        for card in cards:
            self.exercise_list.addWidget(card)
        self.set_base_pixel_size(self._base_px)

    @property
    def cards(self) -> list[ExerciseCard]:
        return list(self._cards)

    def set_colors(self, colors: Colors) -> None:
        self._paper = PAPER if colors.dark else None
        for card in self._cards:
            card.image_view.set_paper(self._paper)

    # -- scaling --------------------------------------------------------------------------------

    def set_base_pixel_size(self, pixels: int) -> None:
        self._base_px = pixels
        self.start_button.setMinimumWidth(pixels * 9)
        for card in self._cards:
            card.set_base_pixel_size(pixels)


def is_web_link(url: str) -> bool:
    """Only http and https open from a session file; ``file:``, ``javascript:``… stay text."""
    parsed = QUrl(url, QUrl.ParsingMode.StrictMode)
    return parsed.isValid() and parsed.scheme().lower() in WEB_SCHEMES and bool(parsed.host())


def _sources_html(session: Session) -> str:
    lines: list[str] = []
    for source in session.sources:
        text = escape(source.citation())
        if source.url and is_web_link(source.url):
            href = html.escape(source.url, quote=True)
            text = text.replace(
                escape(f"({source.url})"), f'(<a href="{href}">{escape(source.url)}</a>)'
            )
        lines.append(text)
    parts: list[str] = []
    if lines:
        heading = escape(_("Sources"))
        parts.append(f"<b>{heading}</b><br>" + "<br>".join(lines))
    if session.credits:
        heading = escape(_("Credits"))
        parts.append(f"<b>{heading}</b><br>{escape(session.credits)}")
    return "<br><br>".join(parts)
