"""Run in a child process on Qt's offscreen platform configured with two screens.

Usage: ``python two_screens_scenario.py CHOICE`` where CHOICE is a screen number for
``open_presentation(screen=N)`` or ``pick`` to go through the picker (which then answers with
the screen it suggests). Prints one JSON object describing where the windows landed and what
both views showed as one driver moved on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from piritimer.core.engine import Engine  # noqa: E402
from piritimer.core.timeline import compile_session  # noqa: E402
from piritimer.present.opening import open_presentation  # noqa: E402
from piritimer.present.screens import ScreenPicker  # noqa: E402
from piritimer.qt.driver import EngineDriver  # noqa: E402
from tests.present.conftest import FakeClock, make_session  # noqa: E402


def main(choice: str) -> dict[str, object]:
    app = QApplication([])
    clock = FakeClock()
    driver = EngineDriver(Engine(compile_session(make_session(None)), clock=clock))
    offered: list[str] = []

    def pick(parent: object) -> object:
        picker = ScreenPicker()
        offered.extend(picker.choices.item(i).text() for i in range(picker.choices.count()))
        return picker.chosen()

    number = None if choice == "pick" else int(choice)
    presentation = open_presentation(driver, screen=number, pick=pick)
    assert presentation is not None
    app.processEvents()
    presenter = presentation.presenter
    seen = []
    driver.start()
    for _ in range(12):
        clock.advance(4.3)
        driver.poke()
        app.processEvents()
        seen.append(
            {
                "audience": [
                    presentation.audience.instruction.text(),
                    presentation.audience.countdown.text(),
                ],
                "presenter": [presenter.now.text(), presenter.countdown.text()]
                if presenter
                else None,
            }
        )
    result = {
        "screens": [s.name() for s in app.screens()],
        "offered": offered,
        "audience_screen": presentation.audience.screen().name(),
        "audience_geometry": presentation.audience.geometry().getRect(),
        "audience_full_screen": presentation.audience.isFullScreen(),
        "presenter_screen": presenter.screen().name() if presenter else None,
        "presenter_visible": presenter.isVisible() if presenter else False,
        "seen": seen,
    }
    presentation.leave()
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
