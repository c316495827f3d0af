"""Light and dark palettes that follow the system, and the few colours the window adds.

Fusion draws every widget from the palette, so one palette per scheme themes the whole app.
Colours were chosen for contrast of at least 7:1 for body text (WCAG AAA) on both schemes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colors:
    window: str
    surface: str
    raised: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    warning: str
    warning_surface: str
    breath_fill: str
    breath_ring: str
    dark: bool


LIGHT = Colors(
    window="#f4f1ec",
    surface="#ffffff",
    raised="#ebe6de",
    text="#1d1b19",
    muted="#514c46",
    accent="#1f5f7a",
    accent_text="#ffffff",
    border="#cfc7bb",
    warning="#8a2c0d",
    warning_surface="#fbe6dc",
    breath_fill="#cfe5ee",
    breath_ring="#1f5f7a",
    dark=False,
)

DARK = Colors(
    window="#15171a",
    surface="#1e2125",
    raised="#2a2e33",
    text="#f2efe9",  # not translated: a colour
    muted="#c2bcb2",
    accent="#7cc4e0",
    accent_text="#0b1a21",
    border="#3b4047",
    warning="#ffb59a",
    warning_surface="#3a2018",
    breath_fill="#1d3a47",
    breath_ring="#7cc4e0",
    dark=True,
)


_system_palette: list[QPalette] = []


def system_prefers_dark() -> bool:
    """The system's colour scheme; where it is not reported, the lightness of its palette."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme is not Qt.ColorScheme.Unknown:
        return scheme is Qt.ColorScheme.Dark
    if not _system_palette:  # remembered before our own palette replaces it
        _system_palette.append(QGuiApplication.palette())
    return _system_palette[0].window().color().lightness() < 128


def colors_for(dark: bool) -> Colors:
    return DARK if dark else LIGHT


def palette_for(colors: Colors) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    values = {
        role.Window: colors.window,
        role.WindowText: colors.text,
        role.Base: colors.surface,
        role.AlternateBase: colors.raised,
        role.Text: colors.text,
        role.Button: colors.raised,
        role.ButtonText: colors.text,
        role.Highlight: colors.accent,
        role.HighlightedText: colors.accent_text,
        role.ToolTipBase: colors.surface,
        role.ToolTipText: colors.text,
        role.PlaceholderText: colors.muted,
        role.Link: colors.accent,
        role.Mid: colors.border,
        role.Accent: colors.accent,
    }
    for color_role, value in values.items():
        palette.setColor(color_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.Text, role.ButtonText, role.WindowText):
        palette.setColor(disabled, color_role, QColor(colors.border if colors.dark else "#9a938a"))
    return palette


FONT_SCALES: dict[str, tuple[float, int]] = {
    "title": (2.2, 700),
    "heading": (1.9, 700),
    "lead": (1.2, 400),
    "cardTitle": (1.3, 600),
    "section": (1.05, 600),
    "meta": (0.9, 400),
    "small": (0.8, 400),
    "helpTitle": (1.8, 700),
    "helpKey": (1.15, 700),
    "helpText": (1.15, 400),
}
"""Text roles by object name: size relative to the window's body text, and weight."""


def font_rules(base_px: int) -> str:
    """Font sizes for every role. Style sheets stop Qt's font inheritance, so sizes are set
    here; ``.QLabel`` (exact class) leaves the self-fitting FitLabel alone."""
    rules = [
        f".QLabel, .QPushButton, .QLineEdit, .QComboBox, .QCheckBox, QStatusBar, QToolTip "
        f"{{ font-size: {base_px}px; }}",
        f"QToolBar QToolButton {{ font-size: {max(12, round(base_px * 0.8))}px; }}",
        f"QPushButton#primary {{ font-size: {round(base_px * 1.3)}px; }}",
        f"QPushButton#control {{ font-size: {round(base_px * 0.95)}px; }}",
        f"QPushButton#controlPrimary {{ font-size: {round(base_px * 1.1)}px; }}",
    ]
    for name, (scale, weight) in FONT_SCALES.items():
        rules.append(
            f"QLabel#{name} {{ font-size: {max(11, round(base_px * scale))}px; "
            f"font-weight: {weight}; }}"
        )
    return "\n".join(rules)


def style_sheet(colors: Colors, base_px: int = 16) -> str:
    """Shapes the palette cannot express (cards, the primary button, banners), and fonts."""
    c = colors
    return (
        font_rules(base_px)
        + f"""
    QFrame#card {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 12px; }}
    QFrame#card:hover {{ border-color: {c.accent}; }}
    QFrame#card:focus {{ border: 2px solid {c.accent}; }}
    QFrame#panel {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 16px; }}
    QLabel#muted, QLabel#meta, QLabel#small {{ color: {c.muted}; }}
    QLabel#warning {{ color: {c.warning}; background: {c.warning_surface};
        border-radius: 8px; padding: 6px 10px; }}
    QPushButton {{ padding: 0.35em 1em; border-radius: 8px; border: 1px solid {c.border};
        background: {c.raised}; color: {c.text}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:focus {{ border: 2px solid {c.accent}; }}
    QPushButton#primary, QPushButton#controlPrimary {{ background: {c.accent};
        color: {c.accent_text}; border: none; font-weight: 600; }}
    QPushButton#primary:focus {{ border: 3px solid {c.text}; }}
    QPushButton:disabled {{ color: {c.muted}; background: {c.window}; }}
    QProgressBar {{ border: none; border-radius: 4px; background: {c.raised}; max-height: 8px;
        min-height: 8px; }}
    QProgressBar::chunk {{ border-radius: 4px; background: {c.accent}; }}
    QScrollArea {{ background: transparent; border: none; }}
    QToolBar {{ border: none; spacing: 6px; padding: 4px 8px; background: {c.window}; }}
    QToolBar QToolButton {{ padding: 4px 10px; border-radius: 6px; }}
    QToolBar QToolButton:hover {{ background: {c.raised}; }}
    QLineEdit, QComboBox {{ padding: 0.3em 0.6em; border-radius: 8px;
        border: 1px solid {c.border}; background: {c.surface}; color: {c.text}; }}
    QLineEdit:focus, QComboBox:focus {{ border: 2px solid {c.accent}; }}
    QStatusBar {{ color: {c.muted}; }}
    """
    )
