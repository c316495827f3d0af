"""Shows an exercise illustration (SVG or bitmap), scaled to fit and centred.

Pictures come from the shared ImageCache, decoded once for every view; one that cannot be shown
is drawn as a placeholder frame (the cache tells the user why, once).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from piritimer.core.model import Exercise, Side
from piritimer.paths import mirrored_image
from piritimer.widgets.image_cache import ImageCache, Picture, shared_cache

PAPER = "#fbf9f5"
PLACEHOLDER_SIZE = QSize(4, 3)


def picture_for(exercise: Exercise | None, side: Side | None) -> Path | None:
    """The drawing to show for ``exercise`` while working ``side``.

    A pose worked on both sides shows its drawing for the first side and, when a
    ``NAME-mirrored`` copy sits beside it, that copy for the second, so the picture turns
    round with the person. Unsided exercises, and drawings without a copy, never change.
    """
    if exercise is None or exercise.image is None:
        return None
    sides = exercise.sides.sides
    if len(sides) == 2 and side is sides[1]:
        return mirrored_image(exercise.image) or exercise.image
    return exercise.image


class ImageView(QWidget):
    """Paints one picture, keeping its aspect ratio; nothing at all when there is none."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        hint: QSize | None = None,
        cache: ImageCache | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache = cache if cache is not None else shared_cache()
        self._path: Path | None = None
        self._picture: Picture | None = None
        self._hint = hint or QSize(240, 240)
        self.padding = 0.02
        """Fraction of the shorter side kept clear around the picture, inside its paper."""
        self._paper: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    @property
    def path(self) -> Path | None:
        return self._path

    def has_image(self) -> bool:
        """Something to draw: the picture, or the placeholder for one that cannot be shown."""
        return self._picture is not None

    @property
    def problem(self) -> str | None:
        """Why the picture is not shown (the placeholder is drawn instead), or None."""
        return self._picture.problem if self._picture is not None else None

    def set_path(self, path: Path | None) -> None:
        if path == self._path:
            return
        self._path = path
        self._picture = self._cache.picture(path) if path is not None else None
        self.update()

    def set_paper(self, color: str | None) -> None:
        """A light backing for dark themes, where dark line drawings would vanish."""
        self._paper = color
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._hint

    def natural_size(self) -> QSize:
        if self._picture is None:
            return QSize()
        if self._picture.problem is not None:
            return PLACEHOLDER_SIZE
        return self._picture.natural

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
        picture = self._picture
        assert picture is not None
        if picture.svg is not None:
            picture.svg.render(painter, target)
        elif picture.pixmap is not None:
            painter.drawPixmap(target.toRect(), picture.pixmap)
        else:
            self._paint_placeholder(painter, target)
        painter.end()

    def _paint_placeholder(self, painter: QPainter, target: QRectF) -> None:
        """A framed, crossed-out box: clearly "a picture belongs here", with no file's text."""
        color = self.palette().placeholderText().color()
        pen = QPen(color, max(1.0, min(target.width(), target.height()) / 60))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
        pen.setStyle(Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        inset = target.adjusted(
            target.width() * 0.3,
            target.height() * 0.3,
            -target.width() * 0.3,
            -target.height() * 0.3,
        )
        painter.drawLine(inset.topLeft(), inset.bottomRight())
        painter.drawLine(QPointF(inset.right(), inset.top()), QPointF(inset.left(), inset.bottom()))
