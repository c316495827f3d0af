"""The projector theme: colours and type sizes, as fractions of the screen's height.

Projectors wash out colour and thin strokes, and a class sits metres away, so the audience view
uses light type on near-black, bold weights and sizes tied to the screen rather than to points.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

BACKGROUND = QColor("#0b0d10")
TEXT = QColor("#f5f6f7")
MUTED = QColor("#a9b0b8")
ACCENT = QColor("#ffd25a")
"""Warm yellow: the countdown and what the class must act on."""
BREATH = QColor("#4fc3c8")
"""Teal for the breathing pacer: calm, and distinct from the countdown."""
REST = QColor("#8fd694")
PANEL = QColor("#171a1f")
LINE = QColor("#2a2f36")

COUNTDOWN_EM = 0.36
"""Countdown type size as a share of the height; its digits come out at ~27 % of the height."""
INSTRUCTION_EM = 0.095
DETAIL_EM = 0.05
HEADER_EM = 0.042
NEXT_EM = 0.045
CAPTION_EM = 0.045
HOLDING_TITLE_EM = 0.085

FONT_FAMILIES = ["Inter", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"]


def font(pixel_size: int, weight: QFont.Weight = QFont.Weight.Bold) -> QFont:
    """A screen-sized sans-serif face; pixel sizes so the result follows the screen, not DPI."""
    result = QFont()
    result.setFamilies(FONT_FAMILIES)
    result.setPixelSize(max(1, pixel_size))
    result.setWeight(weight)
    return result


def digits_font(pixel_size: int) -> QFont:
    """The countdown's face: tabular figures so the digits do not shuffle as they change."""
    result = font(pixel_size, QFont.Weight.Bold)
    result.setFeature(QFont.Tag("tnum"), 1)
    return result


def css(color: QColor) -> str:
    return color.name()
