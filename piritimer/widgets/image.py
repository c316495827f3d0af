"""Shows an exercise illustration (SVG or bitmap), scaled to fit and centred.

QtSvg is imported on first use, not at start-up: the library page never needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImageReader, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

PAPER = "#fbf9f5"


class ImageView(QWidget):
    """Paints one picture, keeping its aspect ratio; nothing at all when there is none."""

    def __init__(self, parent: QWidget | None = None, *, hint: QSize | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._svg: QSvgRenderer | None = None
        self._pixmap: QPixmap | None = None
        self._hint = hint or QSize(240, 240)
        self.padding = 0.02
        """Fraction of the shorter side kept clear around the picture, inside its paper."""
        self._paper: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    @property
    def path(self) -> Path | None:
        return self._path

    def has_image(self) -> bool:
        return self._svg is not None or self._pixmap is not None

    def set_path(self, path: Path | None) -> None:
        if path == self._path:
            return
        self._path = path
        self._svg = None
        self._pixmap = None
        if path is not None and path.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgRenderer

            renderer = QSvgRenderer(str(path), self)
            self._svg = renderer if renderer.isValid() else None
        elif path is not None:
            reader = QImageReader(str(path))
            image = reader.read()
            self._pixmap = QPixmap.fromImage(image) if not image.isNull() else None
        self.update()

    def set_paper(self, color: str | None) -> None:
        """A light backing for dark themes, where dark line drawings would vanish."""
        self._paper = color
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._hint

    def natural_size(self) -> QSize:
        if self._svg is not None:
            return self._svg.defaultSize()
        if self._pixmap is not None:
            return self._pixmap.size()
        return QSize()

    def target_rect(self) -> QRectF:
        natural = self.natural_size()
        if natural.isEmpty():
            return QRectF()
        pad = int(min(self.width(), self.height()) * self.padding)
        room = QSize(max(1, self.width() - 2 * pad), max(1, self.height() - 2 * pad))
        scaled = natural.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            (self.width() - scaled.width()) / 2,
            (self.height() - scaled.height()) / 2,
            scaled.width(),
            scaled.height(),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self.has_image():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self.target_rect()
        if self._paper is not None:
            pad = min(self.width(), self.height()) * self.padding
            paper = target.adjusted(-pad, -pad, pad, pad)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self._paper))
            painter.drawRoundedRect(paper, pad, pad)
        if self._svg is not None:
            self._svg.render(painter, target)
        elif self._pixmap is not None:
            painter.drawPixmap(target.toRect(), self._pixmap)
        painter.end()
