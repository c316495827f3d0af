"""The layout checks of tests/i18n/clipping.py, each on made-up widgets: what does not fit is
reported, what fits is not. If a check stops seeing, these fail."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from piritimer.present.elided import ElidedLabel
from piritimer.widgets.dial import Dial, DialMode
from tests.i18n.clipping import Problem, clipped_text, not_mirrored, outside, overlapping, placement

LONG = "[Ŝţàŕţ ţĥé šéššîöñ àĝàîñ ƒŕöɱ ţĥé ƀéĝîññîñĝ ·········]"
SHORT = "Go"


def window_with(qtbot: QtBot, child: QWidget, width: int, height: int = 60) -> QWidget:
    """``child`` alone in a window of fixed size, shown (no layout: its size is what it is)."""
    window = QWidget()
    qtbot.addWidget(window)
    child.setParent(window)
    child.setGeometry(0, 0, width, height)
    window.resize(max(width, 10), max(height, 10))
    window.show()
    qtbot.waitExposed(window)
    return window


def kinds(found: list[Problem]) -> list[str]:
    return [str(problem) for problem in found]


@pytest.mark.parametrize(
    "make",
    [
        QLabel,
        QPushButton,
        QCheckBox,
        QRadioButton,
        QToolButton,
    ],
)
def test_a_text_too_wide_for_its_widget_is_clipped_and_a_fitting_one_is_not(
    qtbot: QtBot, make: Callable[[], QWidget]
) -> None:
    narrow = make()
    narrow.setText(LONG)  # type: ignore[attr-defined]
    found = clipped_text(window_with(qtbot, narrow, 80, 40))
    assert len(found) == 1, kinds(found)
    assert found[0].kind == "clipped"
    assert "Ŝţàŕţ" in found[0].widget
    roomy = make()
    roomy.setText(SHORT)  # type: ignore[attr-defined]
    assert clipped_text(window_with(qtbot, roomy, 400, 40)) == []


def test_a_wrapped_label_too_short_for_its_lines_is_clipped(qtbot: QtBot) -> None:
    words = " ".join([LONG] * 4).replace("[", "").replace("]", "")
    short = QLabel(words)
    short.setWordWrap(True)
    found = clipped_text(window_with(qtbot, short, 200, 20))
    assert [p.kind for p in found] == ["clipped"]
    assert "high" in found[0].detail
    tall = QLabel(words)
    tall.setWordWrap(True)
    window = window_with(qtbot, tall, 200, tall.heightForWidth(200) + 2)
    assert clipped_text(window) == []


def test_rich_text_is_measured_as_it_is_drawn(qtbot: QtBot) -> None:
    narrow = QLabel(f"<b>{LONG}</b>")
    assert [p.kind for p in clipped_text(window_with(qtbot, narrow, 90, 40))] == ["clipped"]
    roomy = QLabel(f"<b>{SHORT}</b>")
    assert clipped_text(window_with(qtbot, roomy, 300, 40)) == []


def test_an_elided_label_may_shorten_a_files_words_but_not_the_programs(qtbot: QtBot) -> None:
    label = ElidedLabel(LONG)
    window = window_with(qtbot, label, 90, 30)
    assert label.shown_text() != LONG
    assert [p.kind for p in clipped_text(window)] == ["clipped"]
    assert clipped_text(window, is_data=lambda text: text == LONG) == []
    whole = ElidedLabel(SHORT)
    assert clipped_text(window_with(qtbot, whole, 200, 30)) == []


def test_a_group_box_title_wider_than_the_box_is_clipped(qtbot: QtBot) -> None:
    box = QGroupBox(LONG)
    assert [p.kind for p in clipped_text(window_with(qtbot, box, 80, 80))] == ["clipped"]
    fits = QGroupBox(SHORT)
    assert clipped_text(window_with(qtbot, fits, 300, 80)) == []


def test_a_squeezed_tab_is_clipped(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    tabs.tabBar().setUsesScrollButtons(False)
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
    for _ in range(3):
        tabs.addTab(QWidget(), LONG)
    found = clipped_text(window_with(qtbot, tabs, 240, 120))
    assert found, "a squeezed tab was not seen"
    assert all("tab" in p.detail for p in found), kinds(found)
    roomy = QTabWidget()
    roomy.addTab(QWidget(), SHORT)
    assert clipped_text(window_with(qtbot, roomy, 300, 120)) == []


def test_a_combo_box_narrower_than_its_choice_is_clipped(qtbot: QtBot) -> None:
    combo = QComboBox()
    combo.addItem(LONG)
    assert [p.kind for p in clipped_text(window_with(qtbot, combo, 120, 30))] == ["clipped"]
    fits = QComboBox()
    fits.addItem(SHORT)
    assert clipped_text(window_with(qtbot, fits, 300, 30)) == []


class Headers(QAbstractTableModel):
    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return self.label
        return None


@pytest.mark.parametrize(("label", "width", "clipped"), [(LONG, 70, True), (SHORT, 120, False)])
def test_a_header_section_narrower_than_its_label_is_clipped(
    qtbot: QtBot, label: str, width: int, clipped: bool
) -> None:
    table = QTableView()
    model = Headers(label)
    table.setModel(model)
    table.horizontalHeader().setMinimumSectionSize(10)
    for column in range(2):
        table.setColumnWidth(column, width)
    found = clipped_text(window_with(qtbot, table, 400, 120))
    assert bool(found) is clipped, kinds(found)
    assert all("section" in p.detail for p in found)


def test_a_placeholder_wider_than_its_field_is_clipped(qtbot: QtBot) -> None:
    field = QLineEdit()
    field.setPlaceholderText(LONG)
    assert [p.kind for p in clipped_text(window_with(qtbot, field, 100, 30))] == ["clipped"]
    fits = QLineEdit()
    fits.setPlaceholderText(SHORT)
    assert clipped_text(window_with(qtbot, fits, 300, 30)) == []


def test_a_toolbar_that_hides_actions_behind_its_extension_is_clipped(qtbot: QtBot) -> None:
    bar = QToolBar()
    for n in range(6):
        bar.addAction(f"{LONG} {n}")
    found = clipped_text(window_with(qtbot, bar, 300, 40))
    assert any("behind" in p.detail for p in found), kinds(found)
    roomy = QToolBar()
    roomy.addAction(SHORT)
    assert clipped_text(window_with(qtbot, roomy, 300, 40)) == []


def test_a_dial_count_that_cannot_fit_is_clipped(qtbot: QtBot) -> None:
    dial = Dial()
    dial.show_state(DialMode.TIMER, progress=0.5, text="25")
    assert clipped_text(window_with(qtbot, dial, 300, 300)) == []
    # Narrower than even the smallest font: the fitting has nowhere left to go.
    tiny = Dial()
    tiny.show_state(DialMode.WAIT, text=LONG)
    found = clipped_text(window_with(qtbot, tiny, 40, 40))
    assert [p.kind for p in found] == ["clipped"], kinds(found)


def two_in_a_row(qtbot: QtBot, width: int) -> tuple[QWidget, QLabel, QLabel]:
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    first, second = QLabel(SHORT), QLabel(SHORT)
    row.addWidget(first)
    row.addWidget(second)
    window.resize(width, 40)
    window.show()
    qtbot.waitExposed(window)
    return window, first, second


def test_widgets_of_one_layout_laid_over_each_other_overlap(qtbot: QtBot) -> None:
    window, first, second = two_in_a_row(qtbot, 300)
    assert overlapping(window) == []
    second.setGeometry(first.geometry().translated(10, 0))  # as a too-small layout squeezes
    found = overlapping(window)
    assert [p.kind for p in found] == ["overlap"]
    assert "overlaps" in found[0].detail


def test_text_reaching_past_its_window_is_outside(qtbot: QtBot) -> None:
    label = QLabel(LONG)
    window = window_with(qtbot, label, 200, 30)
    assert outside(window) == []
    label.move(150, 0)
    assert [p.kind for p in outside(window)] == ["outside"]


def test_a_mirrored_row_passes_and_an_unmirrored_one_does_not(qtbot: QtBot) -> None:
    left_to_right, first, _ = two_in_a_row(qtbot, 300)
    left_to_right.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    right_to_left, *_ = two_in_a_row(qtbot, 300)
    right_to_left.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    row = right_to_left.layout()
    assert row is not None
    row.activate()
    assert first.x() < 150
    before = placement(left_to_right)
    assert not_mirrored(before, right_to_left) == []
    same, *_ = two_in_a_row(qtbot, 300)
    same.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    found = not_mirrored(before, same)
    assert [p.kind for p in found] == ["not mirrored", "not mirrored"]
    assert not_mirrored(before, same, exempt=(QLabel,)) == []
