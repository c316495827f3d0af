"""Opening presentation mode on the right screen, with a presenter view where there is room."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from piritimer.present.presentation import Presentation
from piritimer.present.screens import pick_screen, presenter_screen, screen_by_number
from piritimer.qt.driver import EngineDriver

Picker = Callable[[QWidget | None], QScreen | None]


def open_presentation(
    driver: EngineDriver,
    screen: int | None = None,
    parent: QWidget | None = None,
    *,
    starts_in_s: float | None = None,
    pick: Picker = pick_screen,
) -> Presentation | None:
    """Open presentation mode for ``driver`` and return it, shown.

    ``screen`` counts from 1 as the picker lists screens; out of range raises ValueError with
    the list. Without it, one screen is used as is, and with several a picker asks (None comes
    back if the teacher cancels). With two or more screens the presenter window opens on a
    screen other than the audience's. ``starts_in_s`` opens on the holding screen.
    """
    if screen is not None:
        audience = screen_by_number(screen)
    elif len(QGuiApplication.screens()) > 1:
        chosen = pick(parent)
        if chosen is None:
            return None
        audience = chosen
    else:
        audience = QGuiApplication.primaryScreen()
    presentation = Presentation(driver, audience, presenter_screen(audience), parent)
    presentation.show()
    if starts_in_s:
        presentation.hold(starts_in_s)
    return presentation
