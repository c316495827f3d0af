"""The library page: every session as a card, filtered by words and tag.

Broken files are listed like the others, with their first message, so nothing vanishes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from piritimer.ui.library import LibraryEntry, LibraryModel
from piritimer.widgets.plain import plain_tooltip

ALL_TAGS = "All tags"
TWO_COLUMNS_MIN_WIDTH = 900


def _label(text: str, name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


class SessionCard(QFrame):
    """One session: title, time, exercise count, summary, tags, and its error if any.

    Signals:
        activated(object): the Path of the session to open.
    """

    activated = Signal(object)

    def __init__(self, entry: LibraryEntry) -> None:
        super().__init__()
        self.entry = entry
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title_label = _label(entry.title, "cardTitle")
        count = entry.exercise_count
        meta = (
            f"{entry.duration_text} · {count} exercise{'s' if count != 1 else ''}"
            if entry.usable
            else "cannot be opened"
        )
        self.meta_label = _label(meta, "meta", wrap=False)
        self.summary_label = _label(entry.summary)
        self.tags_label = _label("  ".join(f"#{t}" for t in entry.tags), "meta")
        self.error_label = _label(f"Error: {entry.first_error}" if entry.broken else "", "warning")
        origin = "Bundled with piritimer" if entry.bundled else str(entry.path)
        self.origin_label = _label(origin, "small")
        self.setToolTip(plain_tooltip(str(entry.path)))
        self.setAccessibleName(f"{entry.title}, {meta}")

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.meta_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.tags_label)
        layout.addWidget(self.origin_label)
        # Only after the layout owns them: showing a parentless widget opens a window.
        self.summary_label.setHidden(not entry.summary)
        self.tags_label.setHidden(not entry.tags)
        self.error_label.setHidden(not entry.broken)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() is Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.entry.path)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.entry.path)
            return
        super().keyPressEvent(event)


class LibraryPage(QWidget):
    """Lists the library's sessions and lets the person pick one.

    Signals:
        sessionActivated(object): the Path of the chosen session.
        openFileRequested(): "Open…" was pressed.
        openFolderRequested(): "My sessions folder" was pressed.
    """

    sessionActivated = Signal(object)
    openFileRequested = Signal()
    openFolderRequested = Signal()

    def __init__(self, library: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._cards: list[SessionCard] = []
        self._columns = 1

        self.heading = _label("Sessions", "heading", wrap=False)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by words…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter sessions")
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName("Filter by tag")
        self.tag_combo.setMinimumContentsLength(10)
        self.open_button = QPushButton("Open file…")
        self.open_button.setToolTip("Open a session file from anywhere (Ctrl+O)")
        self.folder_button = QPushButton("My sessions folder")
        self.folder_button.setToolTip("Open the folder where your own sessions live")
        self.empty_label = _label("", "lead")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.filter_edit.textChanged.connect(self.apply_filter)
        self.tag_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.open_button.clicked.connect(self.openFileRequested)
        self.folder_button.clicked.connect(self.openFolderRequested)
        library.entriesChanged.connect(self.rebuild)

        bar = QHBoxLayout()
        bar.setSpacing(10)
        bar.addWidget(self.heading)
        bar.addSpacing(12)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.tag_combo)
        bar.addWidget(self.open_button)
        bar.addWidget(self.folder_button)

        self.grid = QGridLayout()
        self.grid.setSpacing(14)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 14, 0)  # clear of the scroll bar
        column.addLayout(self.grid)
        column.addWidget(self.empty_label)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 16)
        layout.setSpacing(18)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.rebuild()

    # -- content --------------------------------------------------------------------------------

    @property
    def cards(self) -> list[SessionCard]:
        return list(self._cards)

    def visible_cards(self) -> list[SessionCard]:
        return [c for c in self._cards if not c.isHidden()]

    def card_for(self, path: Path) -> SessionCard | None:
        return next((c for c in self._cards if c.entry.path == Path(path).absolute()), None)

    def rebuild(self) -> None:
        for card in self._cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self._cards = []
        for entry in self.library.entries():
            card = SessionCard(entry)
            card.activated.connect(self.sessionActivated)
            self._cards.append(card)
        self._rebuild_tags()
        self.apply_filter()

    def _rebuild_tags(self) -> None:
        current = self.tag_combo.currentText()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(ALL_TAGS)
        for tag in self.library.tags():
            self.tag_combo.addItem(f"#{tag}", tag)
        index = self.tag_combo.findText(current)
        self.tag_combo.setCurrentIndex(max(0, index))
        self.tag_combo.blockSignals(False)
        self.tag_combo.setVisible(self.tag_combo.count() > 1)

    def selected_tag(self) -> str | None:
        data = self.tag_combo.currentData()
        return data if isinstance(data, str) else None

    def apply_filter(self) -> None:
        text = self.filter_edit.text()
        tag = self.selected_tag()
        shown = [c for c in self._cards if c.entry.matches(text, tag)]
        for card in self._cards:
            self.grid.removeWidget(card)
            card.setHidden(card not in shown)
        for position, card in enumerate(shown):
            self.grid.addWidget(card, position // self._columns, position % self._columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < self._columns else 0)
        if not self._cards:
            self.empty_label.setText(
                "No sessions yet. Press “My sessions folder” and put a session file there, "
                "or open one with “Open file…”."
            )
        elif not shown:
            self.empty_label.setText("No session matches this filter.")
        self.empty_label.setVisible(not shown)

    # -- scaling --------------------------------------------------------------------------------

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        columns = 2 if self.width() >= TWO_COLUMNS_MIN_WIDTH else 1
        if columns != self._columns:
            self._columns = columns
            self.apply_filter()
