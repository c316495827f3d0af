"""Time to first paint of the history window over ten years of daily practice.

The parent fills a practice log with 7,300 runs (two a day for ten years, pain before and
after on most, a note on some), then starts a fresh process per measurement, on $DISPLAY or a
private Xvfb (QT_QPA_PLATFORM=xcb). Each child builds the QApplication, imports the home
window's modules and opens the store (all done at app start-up, before the person asks for
history), then measures from the moment History is asked for (the ``piritimer.ui.history``
import is inside the measurement) to the window's first paint flushed to the X server: an
event filter sees the window's first Paint and queues a zero-length timer, which fires once
that paint is done. The pain chart (and QtCharts) is drawn just after the first paint; the
time its own first paint is done is shown too. Prints each run, the median, and the part
spent reading the log (measured again on its own after the window is up).

Run: python bench/history_open.py [--runs 7] [--days 3650] [--per-day 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

TARGET_MS = 200.0


def fill(database: Path, days: int, per_day: int) -> int:
    from piritimer.core.practice import Outcome, Run
    from piritimer.practice.store import PracticeStore

    titles = ("Figure four stretches", "Nerve flosses", "Positional release")
    start = datetime.now(UTC).replace(hour=7, minute=30) - timedelta(days=days)
    runs = []
    for day in range(days):
        for slot in range(per_day):
            started = start + timedelta(days=day, hours=10 * slot)
            number = day * per_day + slot
            runs.append(
                Run(
                    id=f"bench-{number}",
                    title=titles[number % len(titles)],
                    file=f"/home/someone/sessions/{number % len(titles)}.yaml",
                    content_hash="sha256:" + "0" * 64,
                    started_at=started,
                    ended_at=started + timedelta(minutes=14),
                    paused_s=30.0,
                    outcome=Outcome.STOPPED if number % 9 == 0 else Outcome.COMPLETED,
                    step_index=20,
                    step_count=40,
                    step_title="Hold",
                    done=("Figure four · left", "Figure four · right"),
                    pain_before=None if number % 5 == 0 else 3 + number % 5,
                    pain_after=None if number % 5 == 0 else 1 + number % 4,
                    note="felt looser" if number % 7 == 0 else "",
                )
            )
    store = PracticeStore(database)
    count = store.add_runs(runs).result(120)
    store.close()
    return count


def child(database: Path) -> None:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from piritimer.app import create_application
    from piritimer.practice.store import PracticeStore

    app = create_application([])
    # What the app has loaded by the time History is asked for: the home window's modules.
    import piritimer.ui.main_window  # noqa: F401

    store = PracticeStore(database)
    settings_dir = Path(os.environ["PIRITIMER_HOME"])
    settings = QSettings(str(settings_dir / "settings.ini"), QSettings.Format.IniFormat)
    figures: dict[str, float] = {}

    class FirstPaint(QObject):
        def __init__(self, key: str, then: Callable[[], None]) -> None:
            super().__init__()
            self.key = key
            self.then = then

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and self.key not in figures:
                figures[self.key] = 0.0
                QTimer.singleShot(0, self.flushed)
            return False

        def flushed(self) -> None:
            figures[self.key] = (time.perf_counter() - started) * 1000.0
            self.then()

    def wait_for_chart() -> None:
        if window.chart is None:
            QTimer.singleShot(0, wait_for_chart)
            return
        window.chart.viewport().installEventFilter(chart_watcher)
        window.chart.viewport().update()

    watcher = FirstPaint("paint_ms", wait_for_chart)
    chart_watcher = FirstPaint("chart_ms", QApplication.quit)
    started = time.perf_counter()
    from piritimer.ui.history import HistoryWindow

    window = HistoryWindow(store, settings)
    window.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    read_started = time.perf_counter()  # the read alone, again, for the breakdown
    figures["runs"] = len(store.history_rows())
    store.session_counts()
    figures["read_ms"] = (time.perf_counter() - read_started) * 1000.0
    store.close()
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--per-day", type=int, default=2)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child)
        return
    from window_xvfb import display

    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "practice.sqlite3"
        count = fill(database, options.days, options.per_day)
        print(f"practice log: {count:,} runs over {options.days:,} days")
        with display() as screen:
            env = dict(os.environ, DISPLAY=screen.name, QT_QPA_PLATFORM="xcb")
            env["PIRITIMER_HOME"] = folder
            results = []
            for number in range(options.runs):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(database)],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=120,
                    check=True,
                ).stdout
                figures = json.loads(out.strip().splitlines()[-1])
                results.append(figures)
                print(
                    f"run {number + 1}: first paint {figures['paint_ms']:.0f} ms, chart "
                    f"{figures['chart_ms']:.0f} ms (reading {figures['runs']:.0f} runs alone "
                    f"{figures['read_ms']:.0f} ms)"
                )
    paint = statistics.median(r["paint_ms"] for r in results)
    read = statistics.median(r["read_ms"] for r in results)
    chart = statistics.median(r["chart_ms"] for r in results)
    low = min(r["paint_ms"] for r in results)
    high = max(r["paint_ms"] for r in results)
    verdict = "within" if paint <= TARGET_MS else "OVER"
    print(
        f"median first paint {paint:.0f} ms (range {low:.0f}–{high:.0f}), of which reading "
        f"{read:.0f} ms; target ≤ {TARGET_MS:.0f} ms: {verdict}; pain chart drawn at "
        f"{chart:.0f} ms; load average "
        f"{os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
