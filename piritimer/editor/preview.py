"""The live preview: the session's exercises and compiled timeline, with the total duration.

It always shows the last version of the text without errors; while the text is broken that
version stays on screen under an "out of date" note, so the person keeps their bearings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from piritimer.core.durations import format_clock, format_duration
from piritimer.core.model import Exercise
from piritimer.core.timeline import Step, StepKind, Timeline, work_summary
from piritimer.editor.banner import Banner
from piritimer.editor.theme import EditorTheme
from piritimer.widgets.plain import plain_label, plain_tooltip

_EXERCISE = Qt.ItemDataRole.UserRole
_LAZY = "…"


def _exercise_steps(timeline: Timeline, index: int) -> tuple[Step, ...]:
    span = timeline.exercise_range(index)
    return timeline.steps[span.start : span.stop]


def _faded_palette(base: QPalette, color: QColor) -> QPalette:
    palette = QPalette(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            palette.setColor(group, role, color)
    return palette


def work_text(exercise: Exercise) -> str:
    """ "2 × 30s hold · left then right" — the gist of an exercise in a few words."""
    sides = f" · {exercise.sides.value}" if exercise.sides.sides else ""
    return f"{work_summary(exercise)}{sides}"


def step_text(step: Step) -> str:
    where = step.position_text()
    title = step.title if step.kind is not StepKind.SETUP else "Setup"
    return f"{title} · {where[:1].lower()}{where[1:]}" if where else title


class PreviewPane(QWidget):
    """Shows a compiled Timeline; knows nothing of YAML.

    Signals:
        tryRequested(): the person asked to run the exercise under the cursor.
        lineRequested(int): the person picked an exercise; the editor should go to this line.
    """

    tryRequested = Signal()
    lineRequested = Signal(int)

    def __init__(self, theme: EditorTheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.out_of_date = False
        self.title = plain_label()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"color: {theme.comment.name()};")
        self.total = plain_label()
        total_font = QFont(self.font())
        total_font.setPointSizeF(total_font.pointSizeF() * 1.1)
        self.total.setFont(total_font)
        self.stale = Banner(theme.warning_background)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Exercise / step", "Starts", "Length"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemExpanded.connect(self._fill_steps)
        self.tree.itemClicked.connect(self._pick)
        self.try_button = QPushButton("▶  Try this exercise")
        self.try_button.setToolTip("Run only the exercise under the cursor (Ctrl+T)")
        self.try_button.clicked.connect(self.tryRequested)
        # Everything that describes the shown version fades together while it is out of date.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(6)
        for widget in (self.title, self.summary, self.total):
            content_layout.addWidget(widget)
        content_layout.addWidget(self.tree, 1)
        content_layout.addStretch(0)  # takes the space while there is no tree to show
        self._content = content
        self._faded = _faded_palette(content.palette(), theme.comment)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.stale)
        layout.addWidget(content, 1)
        layout.addWidget(self.try_button)
        self._current: int | None = None
        self.show_timeline(None)

    # -- content -------------------------------------------------------------------------------

    def show_timeline(self, timeline: Timeline | None) -> None:
        """Show a fresh, valid timeline (None: nothing valid yet)."""
        expanded = self._expanded_exercises()
        self.timeline = timeline
        self.tree.clear()
        self.set_out_of_date(False)
        if timeline is None:
            self.title.setText("No preview yet")
            self.summary.setText("Fix the problems listed below to see the session here.")
            self.total.setText("")
            self.tree.hide()
            self._update_try()
            return
        session = timeline.session
        self.tree.show()
        self.title.setText(session.title)
        self.summary.setText(session.summary or "")
        self.summary.setVisible(bool(session.summary))
        count = len(session.exercises)
        parts = [
            f"Total <b>{format_clock(timeline.total_s)}</b>",
            f"{count} exercise{'s' if count != 1 else ''}",
            f"{len(timeline.steps)} steps",
        ]
        if timeline.wait_count:
            waits = timeline.wait_count
            parts.append(f"waits for you {waits} time{'s' if waits != 1 else ''}")
        self.total.setText(" · ".join(parts))
        for index, exercise in enumerate(session.exercises):
            self.tree.addTopLevelItem(self._exercise_item(timeline, index, exercise))
        for index, item in enumerate(self._exercise_items()):
            item.setExpanded(index in expanded)
        self.set_current_exercise(self._current)

    def set_out_of_date(self, out_of_date: bool, problems: int = 0) -> None:
        """Mark what is shown as an older version (the text now has ``problems`` errors)."""
        self.out_of_date = out_of_date and self.timeline is not None
        if self.out_of_date:
            count = f"{problems} problem{'s' if problems != 1 else ''}"
            self.stale.show_message(
                f"<b>Out of date</b> — showing the last version without errors. "
                f"Fix the {count} to update.",
                [],
            )
        else:
            self.stale.hide()
        self.tree.setEnabled(not self.out_of_date)
        # Faded as well as disabled: some palettes draw disabled text much like enabled text.
        self._content.setPalette(self._faded if self.out_of_date else QPalette())
        self._update_try()

    def set_current_exercise(self, index: int | None) -> None:
        """Mark the exercise under the cursor; it is the one "Try" runs."""
        self._current = index
        items = self._exercise_items()
        for row, item in enumerate(items):
            font = item.font(0)
            font.setBold(row == index)
            item.setFont(0, font)
        if index is not None and index < len(items):
            self.tree.setCurrentItem(items[index])
        else:
            self.tree.clearSelection()
        self._update_try()

    @property
    def current_exercise(self) -> int | None:
        return self._current

    def _update_try(self) -> None:
        exercises = self.timeline.session.exercises if self.timeline else ()
        index = self._current
        usable = not self.out_of_date and index is not None and index < len(exercises)
        self.try_button.setEnabled(usable)
        if usable and index is not None:
            self.try_button.setText(f"▶  Try “{exercises[index].name}”")
        elif self.out_of_date:
            self.try_button.setText("▶  Try this exercise (fix the problems first)")
        else:
            self.try_button.setText("▶  Try this exercise (put the cursor in one)")

    # -- tree ----------------------------------------------------------------------------------

    def _exercise_item(self, timeline: Timeline, index: int, exercise: Exercise) -> QTreeWidgetItem:
        steps = _exercise_steps(timeline, index)
        length = sum(step.duration_s or 0.0 for step in steps)
        item = QTreeWidgetItem(
            [
                f"{index + 1}. {exercise.name}  —  {work_text(exercise)}",
                format_clock(steps[0].start_s) if steps else "",
                format_clock(length),
            ]
        )
        item.setData(0, _EXERCISE, index)
        item.setToolTip(0, f"Line {exercise.line} · {len(steps)} steps · click to go there")
        for column in (1, 2):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        # Steps are added when the exercise is opened: a long session has thousands of them.
        if steps:
            item.addChild(QTreeWidgetItem([_LAZY]))
        return item

    def _fill_steps(self, item: QTreeWidgetItem) -> None:
        placeholder = item.child(0)
        if self.timeline is None or placeholder is None or placeholder.text(0) != _LAZY:
            return
        item.takeChild(0)
        index = item.data(0, _EXERCISE)
        for step in _exercise_steps(self.timeline, index):
            length = "wait" if step.waits else format_duration(step.duration_s or 0.0)
            child = QTreeWidgetItem([step_text(step), format_clock(step.start_s), length])
            child.setToolTip(0, plain_tooltip(step.detail or step.title))
            for column in (1, 2):
                child.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            item.addChild(child)

    def _expanded_exercises(self) -> list[int]:
        return [row for row, item in enumerate(self._exercise_items()) if item.isExpanded()]

    def _exercise_items(self) -> list[QTreeWidgetItem]:
        rows = (self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount()))
        return [item for item in rows if item is not None]

    def _pick(self, item: QTreeWidgetItem) -> None:
        index = (item.parent() or item).data(0, _EXERCISE)
        if self.timeline is not None and index is not None:
            self.lineRequested.emit(self.timeline.session.exercises[index].line)
