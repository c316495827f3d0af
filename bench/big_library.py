"""A sessions folder of thousands of files: how soon the window is usable, and its memory.

The parent writes ``--files`` session files (the bundled sessions, each copied under many
titles) into a private PIRITIMER_HOME and starts the real app window in a child process
(bench/big_common.py), which reports:

- first paint: from just before the child was spawned to the window's first paint (a Paint
  event on the window, then a zero-length timer that fires once that paint is done);
- usable: the first moment after the first paint, with at least one session card shown,
  that a zero-length timer fires within 50 ms of being posted (the event loop answers);
- all loaded: every file is in the library (and, where the library scans in the
  background, the scan has finished);
- the longest event-loop stall from the first paint to all loaded (a 5 ms timer's gaps);
- peak whole-app RSS: the parent samples VmRSS of the child's process tree every 20 ms.

Run: python bench/big_library.py [--files 5000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_common import USABLE_LATENCY_S, StallMonitor, child_value, run_child  # noqa: E402

USABLE_TARGET_S = 2.0
MEMORY_TARGET_MB = 250.0
TIMEOUT_S = 900.0


def write_folder(folder: Path, count: int) -> None:
    from piritimer import paths

    sources = sorted(paths.bundled_sessions_dir().glob("*.yaml"))
    texts = [s.read_text(encoding="utf-8") for s in sources]
    folder.mkdir(parents=True)
    for number in range(count):
        text = texts[number % len(texts)]
        lines = [
            f"title: Copy {number:05d} of{line[len('title:') :]}"
            if line.startswith("title:")
            else line
            for line in text.split("\n")
        ]
        (folder / f"session-{number:05d}.yaml").write_text("\n".join(lines), encoding="utf-8")


def child(argv: list[str]) -> None:
    spawned = float(child_value(argv, "--spawned-at"))
    expected = int(child_value(argv, "--expected"))
    from PySide6.QtCore import QEvent, QObject, QTimer

    from piritimer.app import create_application

    app = create_application([])
    from piritimer.ui.main_window import MainWindow

    window = MainWindow(restore=False)
    marks: dict[str, float] = {"built": time.monotonic() - spawned}
    monitor = StallMonitor()

    def painted() -> None:
        marks["first_paint"] = time.monotonic() - spawned
        monitor.start()
        probe()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() is QEvent.Type.Paint and "first_paint_seen" not in marks:
                marks["first_paint_seen"] = 1.0
                QTimer.singleShot(0, painted)
            return False

    def probe() -> None:
        posted = time.monotonic()

        def fired() -> None:
            now = time.monotonic()
            cards = window.library_page.visible_cards()
            if "usable" not in marks and cards and now - posted < USABLE_LATENCY_S:
                marks["usable"] = now - spawned
            if "usable" not in marks or not finished():
                QTimer.singleShot(10, probe)
            elif "all_loaded" not in marks:
                marks["all_loaded"] = now - spawned
                monitor.stop()
                report()

        QTimer.singleShot(0, fired)

    def finished() -> bool:
        library = window.library
        return len(library.entries()) >= expected and not getattr(library, "scanning", False)

    def report() -> None:
        figures = {
            **{k: round(v, 3) for k, v in marks.items() if k != "first_paint_seen"},
            **monitor.summary(),
            "entries": len(window.library.entries()),
            "cards_built": len(window.library_page.cards),
        }
        print(json.dumps(figures), flush=True)
        app.quit()

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=5000)
    options = parser.parse_args()
    from piritimer import paths

    bundled = len([p for p in paths.bundled_sessions_dir().iterdir() if p.suffix == ".yaml"])
    with tempfile.TemporaryDirectory(prefix="piritimer-big-library-") as home:
        write_folder(Path(home) / "sessions", options.files)
        run = run_child(
            Path(__file__).resolve(),
            ["--expected", str(options.files + bundled)],
            {"PIRITIMER_HOME": home},
            TIMEOUT_S,
        )
    figures = run.figures
    print(f"{options.files} session files (+{bundled} bundled), offscreen window")
    print(f"  window built        {figures['built']:7.2f} s after spawn")
    print(f"  first paint         {figures['first_paint']:7.2f} s")
    usable = figures["usable"]
    print(f"  usable              {usable:7.2f} s   (target <= {USABLE_TARGET_S} s)")
    print(f"  all loaded          {figures['all_loaded']:7.2f} s   ({figures['entries']} entries)")
    print(f"  longest stall       {figures['longest_stall_ms']:7.0f} ms  after first paint")
    print(f"  five longest        {figures['longest_five_ms']} ms")
    print(f"  card widgets built  {figures['cards_built']:7d}")
    print(f"  peak RSS (tree)     {run.peak_rss_mb:7.0f} MB  (target < {MEMORY_TARGET_MB:.0f} MB)")


if __name__ == "__main__":
    if "--child" in sys.argv:
        child(sys.argv)
    else:
        main()
