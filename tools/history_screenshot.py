"""docs/screenshots/history.png: the history window over four months of made-up practice.

Runs a private Xvfb (tests/xvfb.py), shows the window at 1280x800 and grabs the screen with
ImageMagick's ``import -window root``. Run: python tools/history_screenshot.py [OUT.png]
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SESSIONS = (
    ("Figure four stretches", 16),
    ("Nerve flosses", 9),
    ("Positional release", 22),
)


def made_up_runs(days: int = 120) -> list[object]:
    from piritimer.core.practice import Outcome, Run

    chooser = random.Random(4)
    today = datetime.now().astimezone().replace(hour=7, minute=40, second=0, microsecond=0)
    runs = []
    for back in range(days, -1, -1):
        if back not in (0, 1, 2, 3, 4, 5) and chooser.random() < 0.18:
            continue  # a day missed now and then, none in the current streak
        progress = 1 - back / days
        for slot in range(1 if chooser.random() < 0.6 else 2):
            title, minutes = SESSIONS[(back + slot) % len(SESSIONS)]
            started = (today - timedelta(days=back, hours=-10 * slot)).astimezone(UTC)
            if started > datetime.now(UTC):
                continue  # no runs from later today
            before = max(0, min(10, round(6.5 - 3.5 * progress + chooser.uniform(-1, 1))))
            stopped = chooser.random() < 0.08
            runs.append(
                Run(
                    id=f"shot-{back}-{slot}",
                    title=title,
                    file=f"/home/you/sessions/{title.lower().replace(' ', '-')}.yaml",
                    content_hash="sha256:0",
                    started_at=started,
                    ended_at=started + timedelta(minutes=minutes // (2 if stopped else 1)),
                    paused_s=chooser.choice((0, 0, 45, 90)),
                    outcome=Outcome.STOPPED if stopped else Outcome.COMPLETED,
                    step_index=18 if stopped else 39,
                    step_count=40,
                    pain_before=before,
                    pain_after=max(0, before - chooser.choice((1, 1, 2, 2, 3))),
                    note=chooser.choice(("", "", "", "left hip looser", "sat all day")),
                )
            )
    return runs


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "history.png"
    from tests.xvfb import private_xvfb

    with tempfile.TemporaryDirectory() as home, private_xvfb("-screen", "0", "1280x800x24") as x:
        env = dict(os.environ, DISPLAY=x, QT_QPA_PLATFORM="xcb", PIRITIMER_HOME=home)
        env["PYTHONPATH"] = str(ROOT)
        subprocess.run([sys.executable, __file__, "--show", home, str(out)], env=env, check=True)


def show(home: str, out: str) -> None:
    from PySide6.QtCore import QSettings, QTimer

    from piritimer.app import create_application
    from piritimer.practice.store import PracticeStore
    from piritimer.ui.history import HistoryWindow

    app = create_application([])
    store = PracticeStore(Path(home) / "practice.sqlite3")
    store.add_runs(made_up_runs()).result()  # type: ignore[arg-type]
    settings = QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    window = HistoryWindow(store, settings)
    window.move(0, 0)
    window.resize(1280, 800)
    window.show()

    def grab() -> None:
        subprocess.run(["import", "-window", "root", out], check=True)
        app.quit()

    QTimer.singleShot(1500, grab)
    app.exec()
    store.close()


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--show":
        show(sys.argv[2], sys.argv[3])
    else:
        main()
