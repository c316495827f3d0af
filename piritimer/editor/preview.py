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

from piritimer.core.durations import format_clock
from piritimer.core.i18n import _, ngettext
from piritimer.core.timeline import Timeline
from piritimer.editor.banner import Banner
from piritimer.editor.preview_rows import (
    ExerciseRow,
    StepRow,
    preview_rows,
)
from piritimer.editor.theme import EditorTheme
from piritimer.widgets.numbers import whole
from piritimer.widgets.plain import escape, plain_label, plain_tooltip

_EXERCISE = Qt.ItemDataRole.UserRole
_LAZY = "…"


def _faded_palette(base: QPalette, color: QColor) -> QPalette:
    palette = QPalette(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            palette.setColor(group, role, color)
    return palette


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
        self.tree.setHeaderLabels([_("Exercise / step"), _("Starts"), _("Length")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemExpanded.connect(self._fill_steps)
        self.tree.itemClicked.connect(self._pick)
        self.try_button = QPushButton(_("▶  Try this exercise"))
        self.try_button.setToolTip(_("Run only the exercise under the cursor (Ctrl+T)"))
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
        layout.setContentsMargins(8, 6, 8, 6)  # even: a right-to-left layout keeps them
        layout.setSpacing(6)
        layout.addWidget(self.stale)
        layout.addWidget(content, 1)
        layout.addWidget(self.try_button)
        self._current: int | None = None
        self._bold: int | None = None
        self._rows: list[ExerciseRow] = []
        """What each exercise row shows now (compared, not read back from the items)."""
        self.show_timeline(None)

    # -- content -------------------------------------------------------------------------------

    def show_timeline(
        self, timeline: Timeline | None, rows: tuple[ExerciseRow, ...] | None = None
    ) -> None:
        """Show a fresh, valid timeline (None: nothing valid yet); ``rows`` are its
        preview_rows when the caller has them already (the checker makes them off the GUI
        thread).

        The tree is updated, not rebuilt: only rows whose text changed are touched, so a
        check of a 1,000-exercise session after one typed letter costs next to nothing (and
        opened exercises stay open).
        """
        self.timeline = timeline
        self.set_out_of_date(False)
        if timeline is None:
            self.tree.clear()
            self._rows = []
            self._bold = None
            self.title.setText(_("No preview yet"))
            self.summary.setText(_("Fix the problems listed below to see the session here."))
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
        steps = len(timeline.steps)
        parts = [
            _("Total <b>{clock}</b>").format(clock=escape(format_clock(timeline.total_s))),
            ngettext("{count} exercise", "{count} exercises", count).format(count=whole(count)),
            ngettext("{count} step", "{count} steps", steps).format(count=whole(steps)),
        ]
        if timeline.wait_count:
            waits = timeline.wait_count
            parts.append(
                ngettext("waits for you {count} time", "waits for you {count} times", waits).format(
                    count=whole(waits)
                )
            )
        self.total.setText(" · ".join(parts))
        self._update_rows(list(rows if rows is not None else preview_rows(timeline)))
        self.set_current_exercise(self._current)

    def _update_rows(self, rows: list[ExerciseRow]) -> None:
        tree = self.tree
        while tree.topLevelItemCount() > len(rows):
            tree.takeTopLevelItem(tree.topLevelItemCount() - 1)
            self._rows.pop()
            if self._bold is not None and self._bold >= len(self._rows):
                self._bold = None
        for index, (row, old) in enumerate(zip(rows, self._rows, strict=False)):
            if row != old:
                item = tree.topLevelItem(index)
                if item is not None:
                    self._apply_row(item, row, old)
                self._rows[index] = row
        fresh = rows[len(self._rows) :]
        if fresh:
            items = []
            for index, row in enumerate(fresh, start=len(self._rows)):
                item = QTreeWidgetItem()
                item.setData(0, _EXERCISE, index)
                for column in (1, 2):
                    item.setTextAlignment(
                        column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self._apply_row(item, row, None)
                items.append(item)
            tree.addTopLevelItems(items)
            self._rows.extend(fresh)

    def _apply_row(self, item: QTreeWidgetItem, row: ExerciseRow, old: ExerciseRow | None) -> None:
        for column, text in enumerate(row.texts):
            if old is None or old.texts[column] != text:
                item.setText(column, text)
        if old is None or old.tooltip != row.tooltip:
            item.setToolTip(0, plain_tooltip(row.tooltip))
        if old is not None and old.steps == row.steps:
            return
        # Steps are added when the exercise is opened: a long session has thousands of them.
        first = item.child(0)
        filled = first is not None and first.text(0) != _LAZY
        if filled and row.steps:
            self._fill_children(item, row.steps)
        else:
            item.takeChildren()
            if row.steps:
                item.addChild(QTreeWidgetItem([_LAZY]))

    def set_out_of_date(self, out_of_date: bool, problems: int = 0) -> None:
        """Mark what is shown as an older version (the text now has ``problems`` errors)."""
        self.out_of_date = out_of_date and self.timeline is not None
        if self.out_of_date:
            self.stale.show_message(
                ngettext(
                    "<b>Out of date</b> — showing the last version without errors. "
                    "Fix the {count} problem to update.",
                    "<b>Out of date</b> — showing the last version without errors. "
                    "Fix the {count} problems to update.",
                    problems,
                ).format(count=whole(problems)),
                [],
            )
        else:
            self.stale.hide()
        if self.tree.isEnabled() == self.out_of_date:
            self.tree.setEnabled(not self.out_of_date)
            # Faded as well as disabled: some palettes draw disabled text much like enabled
            # text. Only on a change: a new palette restyles every row of a long tree.
            self._content.setPalette(self._faded if self.out_of_date else QPalette())
        self._update_try()

    def set_current_exercise(self, index: int | None) -> None:
        """Mark the exercise under the cursor; it is the one "Try" runs."""
        self._current = index
        count = self.tree.topLevelItemCount()
        wanted = index if index is not None and index < count else None
        if wanted != self._bold:
            # Only the two rows that change: this runs on every cursor move.
            for row, bold in ((self._bold, False), (wanted, True)):
                item = self.tree.topLevelItem(row) if row is not None else None
                if item is not None:
                    font = item.font(0)
                    font.setBold(bold)
                    item.setFont(0, font)
            self._bold = wanted
        if wanted is not None:
            item = self.tree.topLevelItem(wanted)
            if item is not None and self.tree.currentItem() is not item:
                self.tree.setCurrentItem(item)
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
            self.try_button.setText(_("▶  Try “{name}”").format(name=exercises[index].name))
        elif self.out_of_date:
            self.try_button.setText(_("▶  Try this exercise (fix the problems first)"))
        else:
            self.try_button.setText(_("▶  Try this exercise (put the cursor in one)"))

    # -- tree ----------------------------------------------------------------------------------

    def _fill_steps(self, item: QTreeWidgetItem) -> None:
        placeholder = item.child(0)
        if self.timeline is None or placeholder is None or placeholder.text(0) != _LAZY:
            return
        index = item.data(0, _EXERCISE)
        if index is None or index >= len(self._rows):
            return
        item.takeChildren()
        self._fill_children(item, self._rows[index].steps)

    def _fill_children(self, item: QTreeWidgetItem, steps: tuple[StepRow, ...]) -> None:
        """Make ``item``'s children show ``steps``, touching only what differs."""
        while item.childCount() > len(steps):
            item.takeChild(item.childCount() - 1)
        for position, step in enumerate(steps):
            child = item.child(position) if position < item.childCount() else None
            if child is None:
                child = QTreeWidgetItem(list(step.texts))
                for column in (1, 2):
                    child.setTextAlignment(
                        column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                child.setToolTip(0, plain_tooltip(step.tooltip))
                item.addChild(child)
                continue
            for column, text in enumerate(step.texts):
                if child.text(column) != text:
                    child.setText(column, text)
            tooltip = plain_tooltip(step.tooltip)
            if child.toolTip(0) != tooltip:
                child.setToolTip(0, tooltip)

    def _pick(self, item: QTreeWidgetItem) -> None:
        index = (item.parent() or item).data(0, _EXERCISE)
        if self.timeline is not None and index is not None:
            self.lineRequested.emit(self.timeline.session.exercises[index].line)
