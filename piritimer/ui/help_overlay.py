"""The `?` overlay: every key the window knows, drawn over the page, gone on any key or click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from piritimer.core.i18n import N_, _
from piritimer.ui.controls import CONTROLS
from piritimer.ui.local_format import keys_text
from piritimer.widgets.theme import LIGHT, Colors

EXTRA_KEYS = (("Ctrl+O", N_("Open a session file")),)
"""Keys beyond the runner's controls, with their words marked ``N_``."""
PANEL_MARGIN_PX = 16
ROW_GAP_PX = 10
TIGHT_ROW_GAP_PX = 2


class HelpOverlay(QWidget):
    """Dims the window and lists the controls with their keys."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._colors: Colors = LIGHT
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.panel = QFrame(self)
        self.panel.setObjectName("panel")
        self.title = QLabel(_("Keys"))
        self.title.setObjectName("helpTitle")
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(ROW_GAP_PX)
        self.grid = grid
        self.key_labels: list[QLabel] = []
        self.rows: list[tuple[str, str]] = [
            (
                control.keys_text,
                _("{control} — {explanation}").format(
                    control=control.label, explanation=control.help
                ),
            )
            for control in CONTROLS
        ]
        self.rows[2] = (self.rows[2][0], _("Start, pause, resume, or “I'm ready”"))
        self.rows += [(keys_text(keys), _(words)) for keys, words in EXTRA_KEYS]
        for row, (keys, words) in enumerate(self.rows):
            key = QLabel(keys)
            key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            key.setObjectName("helpKey")
            text = QLabel(words)
            text.setObjectName("helpText")
            # Long key names ("Espace ou B ou Média Lecture…") and words wrap in a narrow window.
            key.setWordWrap(True)
            text.setWordWrap(True)
            self.key_labels.append(key)
            grid.addWidget(key, row, 0)
            grid.addWidget(text, row, 1)
        self.hint = QLabel(_("Press any key to close"))
        self.hint.setObjectName("muted")
        # The rows scroll only where even closed-up rows cannot fit the window (a small window
        # and a long language): then nothing is cut off, it is one scroll away.
        rows = QWidget()
        rows.setLayout(grid)
        self.rows_area = QScrollArea()
        self.rows_area.setWidget(rows)
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rows_area.viewport().setAutoFillBackground(False)
        rows.setAutoFillBackground(False)
        self.rows_area.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(18)
        layout.addWidget(self.title)
        layout.addWidget(self.rows_area, 1)
        layout.addWidget(self.hint)
        self.hide()
        parent.installEventFilter(self)

    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.update()

    def set_base_pixel_size(self, pixels: int) -> None:
        self._place()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.show_over_parent()

    def show_over_parent(self) -> None:
        self._place()
        self.show()
        self.raise_()
        self.setFocus()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        # Never wider or taller than the window: its words wrap to fit instead.
        width = max(1, min(self._width_hint(), self.width() - 2 * PANEL_MARGIN_PX))
        room = self.height() - 2 * PANEL_MARGIN_PX
        self.grid.setVerticalSpacing(ROW_GAP_PX)
        height = self._height_for(width)
        if height > room:  # closer rows before anything is cut
            self.grid.setVerticalSpacing(TIGHT_ROW_GAP_PX)
            height = self._height_for(width)
        height = max(1, min(height, room))
        self.panel.setGeometry(
            (self.width() - width) // 2, (self.height() - height) // 2, width, height
        )

    def _width_hint(self) -> int:
        layout = self.panel.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        content = max(self.grid.totalSizeHint().width(), self.title.sizeHint().width())
        bar = self.rows_area.verticalScrollBar().sizeHint().width()
        return content + bar + margins.left() + margins.right()

    def _height_for(self, width: int) -> int:
        """The panel's height at ``width`` with every row shown (the rows wrap)."""
        layout = self.panel.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        inner -= self.rows_area.verticalScrollBar().sizeHint().width()
        if self.grid.hasHeightForWidth():
            rows = self.grid.totalHeightForWidth(inner)
        else:
            rows = self.grid.totalSizeHint().height()
        words = self.title.sizeHint().height() + self.hint.sizeHint().height()
        return margins.top() + margins.bottom() + 2 * layout.spacing() + words + rows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        shade = QColor(0, 0, 0, 150 if self._colors.dark else 110)
        painter.fillRect(self.rect(), shade)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self.hide()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.hide()
        event.accept()
