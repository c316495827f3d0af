"""Choosing the screen to present on: by number (``--screen N``) or from a picker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from piritimer.core.i18n import _, ngettext


def describe(screen: QScreen, number: int) -> str:
    """ "2 · HDMI-1 — Epson EB-X41 · 1920×1080 at 1920,0", the way a teacher tells them apart."""
    make = " ".join(part for part in (screen.manufacturer(), screen.model()) if part).strip()
    name = screen.name() or _("screen")
    label = f"{number} · {name}" + (f" — {make}" if make and make != name else "")
    size = screen.geometry()
    # Pixels are not a quantity to group by thousands: plain digits, as the screen settings say.
    where = _("{width}×{height} at {x},{y}").format(
        width=size.width(), height=size.height(), x=size.x(), y=size.y()
    )
    if screen is QGuiApplication.primaryScreen():
        return _("{screen} · {where} · primary").format(screen=label, where=where)
    return f"{label} · {where}"


def screen_by_number(number: int) -> QScreen:
    """Screen ``number``, counting from 1 in the order the picker lists them."""
    screens = QGuiApplication.screens()
    if not 1 <= number <= len(screens):
        listing = "; ".join(describe(s, i) for i, s in enumerate(screens, 1))
        raise ValueError(
            ngettext(
                "no screen {number}: this computer has {count} screen: {listing}",
                "no screen {number}: this computer has {count} screens: {listing}",
                len(screens),
            ).format(number=number, count=len(screens), listing=listing)
        )
    return screens[number - 1]


def likely_projector() -> QScreen:
    """The first screen that is not the primary one: laptops keep their own panel primary."""
    primary = QGuiApplication.primaryScreen()
    return next((s for s in QGuiApplication.screens() if s is not primary), primary)


def presenter_screen(audience: QScreen) -> QScreen | None:
    """Where the presenter window goes: the primary screen, else any other; None if alone."""
    others = [s for s in QGuiApplication.screens() if s is not audience]
    primary = QGuiApplication.primaryScreen()
    return primary if primary in others else (others[0] if others else None)


@dataclass(frozen=True)
class Arrangement:
    """Which screen (by name) each view goes to; ``presenter`` None: no screen of its own."""

    audience: str
    presenter: str | None


def arrange(names: Sequence[str], primary: str, projector: str) -> Arrangement:
    """Where the views go on the screens there are now.

    ``projector`` is the screen the class is meant to see (chosen when the mode opened, or
    swapped since): the class view is on it whenever it is connected, so it goes back there
    when a cable comes back. Without it, the class view takes a screen other than the primary
    (the laptop's panel), or the one screen left. The presenter view never shares the class's
    screen: it goes to the primary screen, else any other, else nowhere.
    """
    if not names:
        raise ValueError("no screens")
    if projector in names:
        audience = projector
    else:
        audience = next((n for n in names if n != primary), names[0])
    others = [n for n in names if n != audience]
    presenter = primary if primary in others else (others[0] if others else None)
    return Arrangement(audience, presenter)


class ScreenPicker(QDialog):
    """Asks which screen the class sees, naming each so a teacher can tell them apart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Present on which screen?"))
        self.screens = QGuiApplication.screens()
        self.choices = QListWidget(self)
        projector = likely_projector()
        for number, screen in enumerate(self.screens, 1):
            item = QListWidgetItem(describe(screen, number), self.choices)
            if screen is projector:
                self.choices.setCurrentItem(item)
        self.choices.itemDoubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Present"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(_("The class sees the screen you choose; the other shows your presenter view."))
        )
        layout.addWidget(self.choices)
        layout.addWidget(buttons)

    def chosen(self) -> QScreen | None:
        row = self.choices.currentRow()
        return self.screens[row] if 0 <= row < len(self.screens) else None


def pick_screen(parent: QWidget | None = None) -> QScreen | None:
    """Run the picker; None if the teacher cancels."""
    picker = ScreenPicker(parent)
    return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None
