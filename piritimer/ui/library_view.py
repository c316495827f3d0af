"""The library page: every session as a card, filtered by words and tag.

Broken files are listed like the others, with their first message, so nothing vanishes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
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

from piritimer.core.i18n import N_, _, ngettext, pgettext
from piritimer.ui.library import LibraryEntry, LibraryModel
from piritimer.ui.local_format import keys_text, number_text
from piritimer.ui.progress_book import ProgressBook
from piritimer.widgets.plain import plain_tooltip

ALL_TAGS = N_("All tags")
"""The tag filter's first choice, marked ``N_`` and shown through ``_``."""
TWO_COLUMNS_MIN_WIDTH = 900
PAGE_CARDS = 40
"""Cards built at a time: more than a tall window shows in two columns."""
REBUILD_WHILE_SCANNING_MS = 400
CARDS_PER_PASS = 6


def meta_text(duration: str, count: int) -> str:
    """ "12:30 · 4 exercises": a card's length and size."""
    return ngettext(
        "{duration} · {count} exercise", "{duration} · {count} exercises", count
    ).format(duration=duration, count=number_text(count))


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
        meta = (
            meta_text(entry.duration_text, entry.exercise_count)
            if entry.usable
            else _("cannot be opened")
        )
        if entry.is_class:
            meta = f"{entry.kind_text} · {meta}"
        self.meta_label = _label(meta, "meta", wrap=False)
        self.summary_label = _label(entry.summary)
        self.tags_label = _label("  ".join(f"#{t}" for t in entry.tags), "meta")
        problem = _("Error: {message}").format(message=entry.first_error) if entry.broken else ""
        if entry.first_warning:
            problem = _("Warning: {message}").format(message=entry.first_warning)
        self.error_label = _label(problem, "warning")
        origin = _("Bundled with piritimer") if entry.bundled else str(entry.path)
        self.origin_label = _label(origin, "small")
        self.plan_label = _label("", "meta")
        self.plan_label.setAccessibleName(_("Plan progress"))
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
        layout.addWidget(self.plan_label)
        layout.addWidget(self.origin_label)
        # Only after the layout owns them: showing a parentless widget opens a window.
        self.summary_label.setHidden(not entry.summary)
        self.tags_label.setHidden(not entry.tags)
        self.error_label.setHidden(not problem)
        self.plan_label.setHidden(True)

    def set_plan_progress(self, text: str, duration: str = "") -> None:
        """ "1 of 2 today · 4 days in a row"; "" hides the line (no plan). ``duration``: the
        session's length with today's values, where its ranges make it differ."""
        self.plan_label.setText(text)
        self.plan_label.setHidden(not text)
        if duration and self.entry.usable:
            self.meta_label.setText(meta_text(duration, self.entry.exercise_count))

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

    A card is a frame of six labels, so a folder of 5,000 files as 5,000 cards would cost
    seconds and hundreds of MB: the page builds the first PAGE_CARDS cards that match the
    filter and more as the person scrolls towards the end. Cards of unchanged entries are
    kept when the library changes, so a big folder filling in only adds what is new.

    Signals:
        sessionActivated(object): the Path of the chosen session.
        openFileRequested(): "Open…" was pressed.
        openFolderRequested(): "My sessions folder" was pressed.
    """

    sessionActivated = Signal(object)
    openFileRequested = Signal()
    openFolderRequested = Signal()

    def __init__(
        self,
        library: LibraryModel,
        parent: QWidget | None = None,
        *,
        progress: ProgressBook | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.progress = progress
        if progress is not None:
            progress.changed.connect(self._progress_changed)
        self._cards: list[SessionCard] = []
        self._shown: list[LibraryEntry] = []
        self._limit = PAGE_CARDS
        self._laid_out: tuple[tuple[int, ...], int] = ((), 0)
        self._tags: list[str] = []
        self._columns = 1

        self.heading = _label(_("Sessions"), "heading", wrap=False)
        self.status_label = _label("", "small", wrap=False)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(_("Filter by words…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(_("Filter sessions"))
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName(_("Filter by tag"))
        # Room for "all tags" in the person's language, however narrow the window gets.
        self.tag_combo.setMinimumContentsLength(max(10, len(_(ALL_TAGS))))
        self.open_button = QPushButton(_("Open file…"))
        self.open_button.setToolTip(
            _("{action} ({keys})").format(
                action=_("Open a session file from anywhere"), keys=keys_text("Ctrl+O")
            )
        )
        # The short form, as on the toolbar: the filter beside it needs the room.
        self.folder_button = QPushButton(pgettext("short", "My sessions folder"))
        self.folder_button.setToolTip(_("Open the folder where your own sessions live"))
        self.empty_label = _label("", "lead")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more_label = _label("", "small")
        self.more_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._more_timer = QTimer(self)
        self._more_timer.setSingleShot(True)
        self._more_timer.setInterval(0)
        self._more_timer.timeout.connect(self._maybe_more)
        self._pass_timer = QTimer(self)
        self._pass_timer.setSingleShot(True)
        self._pass_timer.setInterval(0)
        self._pass_timer.timeout.connect(self._layout_cards)
        self._spare: dict[Path, SessionCard] = {}

        self.filter_edit.textChanged.connect(lambda _text: self._filter_changed())
        self.tag_combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.open_button.clicked.connect(self.openFileRequested)
        self.folder_button.clicked.connect(self.openFolderRequested)
        # While a big folder fills in, batches arrive ~10 times a second: follow them at a
        # calmer pace (re-sorting and re-filtering 5,000 entries each time adds up).
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(REBUILD_WHILE_SCANNING_MS)
        self._rebuild_timer.timeout.connect(self.rebuild)
        library.entriesChanged.connect(self._library_changed)
        library.scanFinished.connect(self.rebuild)

        bar = QHBoxLayout()
        bar.setSpacing(10)
        bar.addWidget(self.heading)
        bar.addWidget(self.status_label)
        bar.addSpacing(12)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.tag_combo)
        bar.addWidget(self.open_button)
        bar.addWidget(self.folder_button)

        self.grid = QGridLayout()
        self.grid.setSpacing(14)
        content = QWidget()
        column = QVBoxLayout(content)
        # Clear of the scroll bar, which a right-to-left layout puts on the left (Qt does not
        # mirror a layout's margins).
        if content.layoutDirection() is Qt.LayoutDirection.RightToLeft:
            column.setContentsMargins(14, 0, 0, 0)
        else:
            column.setContentsMargins(0, 0, 14, 0)
        column.addLayout(self.grid)
        column.addWidget(self.empty_label)
        column.addWidget(self.more_label)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._more_timer.start())
        scroll.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self._more_timer.start())
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
        """The cards built so far, in the order shown."""
        return list(self._cards)

    def visible_cards(self) -> list[SessionCard]:
        return [c for c in self._cards if not c.isHidden()]

    def shown_count(self) -> int:
        """How many sessions match the filter (cards or not yet)."""
        return len(self._shown)

    def card_for(self, path: Path) -> SessionCard | None:
        """The card of ``path`` if it matches the filter, built now if it was not yet."""
        path = Path(path).absolute()
        index = next((i for i, e in enumerate(self._shown) if e.path == path), None)
        if index is None:
            return None
        if index >= len(self._cards):
            self._limit = max(self._limit, index + 1)
            self._layout_cards(at_once=True)
        return self._cards[index]

    def _library_changed(self) -> None:
        if self.library.scanning:
            if not self._rebuild_timer.isActive():
                self._rebuild_timer.start()
        else:
            self.rebuild()

    def rebuild(self) -> None:
        """Follow the library: re-sort and re-filter, reusing the cards of unchanged entries."""
        self._rebuild_timer.stop()
        tags = self.library.tags()
        if tags != self._tags:
            self._tags = tags
            self._rebuild_tags()
        self.apply_filter()

    def _rebuild_tags(self) -> None:
        current = self.tag_combo.currentText()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(_(ALL_TAGS))
        for tag in self._tags:
            self.tag_combo.addItem(f"#{tag}", tag)
        index = self.tag_combo.findText(current)
        self.tag_combo.setCurrentIndex(max(0, index))
        self.tag_combo.blockSignals(False)
        self.tag_combo.setVisible(self.tag_combo.count() > 1)

    def selected_tag(self) -> str | None:
        data = self.tag_combo.currentData()
        return data if isinstance(data, str) else None

    def _filter_changed(self) -> None:
        self._limit = PAGE_CARDS
        self.apply_filter()

    def apply_filter(self) -> None:
        text = self.filter_edit.text()
        tag = self.selected_tag()
        entries = self.library.entries()
        # The common case, no filter at all, skips 5,000 calls.
        self._shown = (
            entries
            if not text.split() and tag is None
            else [e for e in entries if e.matches(text, tag)]
        )
        self._layout_cards()

    def _layout_cards(self, *, at_once: bool = False) -> None:
        """Show cards for the first ``_limit`` matching entries.

        New cards are built CARDS_PER_PASS at a time, the rest on the next turn of the event
        loop, so that their first show and paint never hold the window up for long.
        """
        wanted = self._shown[: self._limit]
        pool = {card.entry.path: card for card in [*self._cards, *self._spare.values()]}
        self._spare = {}
        cards: list[SessionCard] = []
        fresh = 0
        cut = False
        for entry in wanted:
            card = pool.pop(entry.path, None)
            if card is not None and card.entry is not entry:
                self._discard(card)
                card = None
            if card is None:
                if fresh == CARDS_PER_PASS and not at_once:
                    cut = True
                    break
                card = self._make_card(entry)
                fresh += 1
            cards.append(card)
        still_wanted = {entry.path for entry in wanted} if cut else set()
        for path, card in pool.items():
            if path in still_wanted:
                self.grid.removeWidget(card)
                card.hide()
                self._spare[path] = card  # for the next pass
            else:
                self._discard(card)
        arrangement = (tuple(id(card) for card in cards), self._columns)
        if arrangement != self._laid_out:
            for card in self._cards:
                self.grid.removeWidget(card)
            for position, card in enumerate(cards):
                self.grid.addWidget(card, position // self._columns, position % self._columns)
                if card.isHidden():
                    card.show()  # a spare card from a pass cut short
            for column in range(2):
                self.grid.setColumnStretch(column, 1 if column < self._columns else 0)
            self._laid_out = arrangement
        self._cards = cards
        if cut:
            self._pass_timer.start()
        self._update_status()

    def _make_card(self, entry: LibraryEntry) -> SessionCard:
        card = SessionCard(entry)
        card.activated.connect(self.sessionActivated)
        if self.progress is not None:
            self._show_progress(card)
        return card

    def _show_progress(self, card: SessionCard) -> None:
        assert self.progress is not None
        session = card.entry.session
        card.set_plan_progress(
            self.progress.progress_text(session),
            self.progress.duration_text(session) if session is not None else "",
        )

    def _progress_changed(self, _path: object = None) -> None:
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """Say again how each plan stands (after a run, or a plan of one's own)."""
        if self.progress is None:
            return
        for card in self._cards:
            self._show_progress(card)

    def _discard(self, card: SessionCard) -> None:
        self.grid.removeWidget(card)
        card.hide()
        card.deleteLater()

    def _update_status(self) -> None:
        scanning = self.library.scanning
        count = len(self.library.entries())
        self.status_label.setText(
            _("reading files… {count} so far").format(count=number_text(count)) if scanning else ""
        )
        self.status_label.setVisible(scanning)
        shown = len(self._shown)
        if not self._cards:
            if scanning:
                self.empty_label.setText(_("Reading your session files…"))
            elif count == 0:
                self.empty_label.setText(
                    _(
                        "No sessions yet. Press “My sessions folder” and put a session file "
                        "there, or open one with “Open file…”."
                    )
                )
            else:
                self.empty_label.setText(_("No session matches this filter."))
        self.empty_label.setVisible(not self._cards)
        more = shown - len(self._cards)
        self.more_label.setText(
            ngettext(
                "Showing {shown} of {total} session — scroll down for more",
                "Showing {shown} of {total} sessions — scroll down for more",
                shown,
            ).format(shown=number_text(len(self._cards)), total=number_text(shown))
            if more > 0
            else ""
        )
        self.more_label.setVisible(more > 0)

    def _maybe_more(self) -> None:
        """Build the next page of cards once the person scrolls near the end."""
        if len(self._cards) >= len(self._shown) or not self.scroll_area.isVisible():
            return
        bar = self.scroll_area.verticalScrollBar()
        if bar.value() >= bar.maximum() - self.scroll_area.viewport().height():
            self._limit = len(self._cards) + PAGE_CARDS
            self._layout_cards()

    # -- scaling --------------------------------------------------------------------------------

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        columns = 2 if self.width() >= TWO_COLUMNS_MIN_WIDTH else 1
        if columns != self._columns:
            self._columns = columns
            self._layout_cards()
