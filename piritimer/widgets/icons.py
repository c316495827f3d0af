"""Control icons drawn with QPainter: crisp at any size, in the theme's text colour, and free
of any dependence on which symbol fonts a system happens to have."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

ICON_PX = 96


def _triangle(painter: QPainter, x: float, pointing_right: bool) -> None:
    tip, base = (x + 34, x) if pointing_right else (x, x + 34)
    painter.drawPolygon(QPolygonF([QPointF(base, 20), QPointF(base, 76), QPointF(tip, 48)]))


def _draw(painter: QPainter, name: str, color: QColor) -> None:
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    stroke = QPen(color, 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    stroke.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if name == "play":
        painter.drawPolygon(QPolygonF([QPointF(28, 16), QPointF(28, 80), QPointF(80, 48)]))
    elif name == "pause":
        painter.drawRoundedRect(QRectF(24, 18, 17, 60), 4, 4)
        painter.drawRoundedRect(QRectF(55, 18, 17, 60), 4, 4)
    elif name == "stop":
        painter.drawRoundedRect(QRectF(22, 22, 52, 52), 6, 6)
    elif name == "next":
        _triangle(painter, 18, True)
        _triangle(painter, 44, True)
        painter.drawRect(QRectF(74, 20, 8, 56))
    elif name == "previous":
        painter.drawRect(QRectF(14, 20, 8, 56))
        _triangle(painter, 24, False)
        _triangle(painter, 50, False)
    elif name == "restart":
        painter.setPen(stroke)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(20, 20, 56, 56), 100 * 16, 290 * 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([QPointF(30, 8), QPointF(54, 20), QPointF(32, 34)]))
    elif name == "fullscreen":
        painter.setPen(stroke)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        corners = (
            ((16, 38), (16, 16), (38, 16)),
            ((58, 16), (80, 16), (80, 38)),
            ((80, 58), (80, 80), (58, 80)),
            ((38, 80), (16, 80), (16, 58)),
        )
        for first, corner, last in corners:
            painter.drawPolyline(QPolygonF([QPointF(*first), QPointF(*corner), QPointF(*last)]))
    elif name in ("help", "where"):
        painter.setPen(QPen(color, 7))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(12, 12, 72, 72))
        font = painter.font()
        font.setPixelSize(52)
        font.setBold(True)
        painter.setFont(font)
        mark = "?" if name == "help" else "i"
        painter.drawText(QRectF(12, 12, 72, 72), Qt.AlignmentFlag.AlignCenter, mark)
    elif name == "ready":
        painter.setPen(QPen(color, 11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(18, 50))
        path.lineTo(40, 72)
        path.lineTo(80, 26)
        painter.drawPath(path)


def make_icon(name: str, color: QColor | str) -> QIcon:
    pixmap = QPixmap(ICON_PX, ICON_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw(painter, name, QColor(color))
    painter.end()
    return QIcon(pixmap)
