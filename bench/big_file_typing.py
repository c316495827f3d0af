"""Typing into a 1,000-exercise session in the editor: the GUI's longest stall.

The parent writes a session of ``--exercises`` exercises (the editor tests' hip-care
exercises, repeated under new names) and opens it in the real editor window in a child
process (bench/big_common.py). After the window has shown the file, the child types
``--chars`` characters into a cue in the middle of the file, one every 90 ms, pausing
1.5 s after every 8 (longer than the checker's delay, so a check starts at each pause, as
when a person stops to think). A 5 ms timer records the event loop's gaps from the first
key until the check of the final text is shown; the longest gap is the longest stall the
person could feel. Also printed: how many checks were shown while typing, how many
finished too late for text that had changed meanwhile (dropped), and the time from the
last key to the final check on screen. Peak whole-app RSS is sampled from /proc.

Run: python bench/big_file_typing.py [--exercises 1000] [--chars 40]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_common import StallMonitor, child_value, run_child  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "editor" / "sessions" / "hip-care.yaml"
STALL_TARGET_MS = 100.0
KEY_INTERVAL_MS = 90
PAUSE_MS = 1500
KEYS_PER_BURST = 8
TYPED = " and slowly, breathing out through the mouth with ease"
TIMEOUT_S = 900.0
FINAL_CHECK_S = 60.0


def write_session(path: Path, count: int) -> int:
    """The session file; returns the 1-based line of the cue the bench types into."""
    text = FIXTURE.read_text(encoding="utf-8")
    head, body = text.split("exercises:\n", 1)
    blocks = [b for b in body.strip("\n").split("\n\n") if b.strip()]
    # The stretch and the wind-down: ~14 steps each, so 1,000 stay under the step limit.
    blocks = [blocks[0], blocks[2]]
    lines = [*head.split("\n")[:-1], "exercises:"]
    target, middle = 0, count // 2 - (count // 2) % len(blocks)
    for number in range(count):
        block = blocks[number % len(blocks)]
        first, rest = block.split("\n", 1)
        lines.append(f"{first} {number + 1}")
        for line in rest.split("\n"):
            lines.append(line)
            if number == middle and "hold: push the knee" in line:
                target = len(lines)
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    if not target:
        raise SystemExit("no cue to type into: the fixture changed")
    return target


def child(argv: list[str]) -> None:
    spawned = float(child_value(argv, "--spawned-at"))
    path = Path(child_value(argv, "--file"))
    line = int(child_value(argv, "--line"))
    chars = int(child_value(argv, "--chars"))
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from piritimer.app import create_application

    app = create_application([])
    from piritimer.editor.window import EditorWindow

    window = EditorWindow(path)
    window.show()
    marks: dict[str, float] = {"opened": time.monotonic() - spawned}
    checks = [0]

    def on_checked(_check: object) -> None:
        checks[0] += 1
        marks["checked_at"] = time.monotonic()

    window.checker.checked.connect(on_checked)
    monitor = StallMonitor()
    text = (TYPED * (chars // len(TYPED) + 1))[:chars]

    def begin() -> None:
        window.editor.go_to(line, len(window.text().split("\n")[line - 1]) + 1)
        checks[0] = 0
        marks["typing_from"] = time.monotonic() - spawned
        monitor.start()
        type_key(0)

    def type_key(index: int) -> None:
        if index == len(text):
            wait_for_final_check()
            return
        QTest.keyClicks(window.editor, text[index])
        marks["last_key"] = time.monotonic()
        pause = PAUSE_MS if (index + 1) % KEYS_PER_BURST == 0 else KEY_INTERVAL_MS
        QTimer.singleShot(pause, lambda: type_key(index + 1))

    def wait_for_final_check() -> None:
        if window.checker.pending and time.monotonic() - marks["last_key"] < FINAL_CHECK_S:
            QTimer.singleShot(20, wait_for_final_check)
        else:
            last_key = marks.pop("last_key")
            marks["final_check_s"] = marks.pop("checked_at", last_key) - last_key
            finish()

    def finish() -> None:
        monitor.stop()
        typed_line = window.text().split("\n")[line - 1]
        figures = {
            **marks,
            **monitor.summary(),
            "checks": checks[0],
            "dropped": getattr(window.checker, "stale_dropped", 0),
            "typed_ok": typed_line.endswith(text),
        }
        window.editor.document().setModified(False)
        print(json.dumps(figures), flush=True)
        app.quit()

    # Let the first paint and the opening check settle before the first key.
    QTimer.singleShot(1500, begin)
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exercises", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=40)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="piritimer-big-file-") as home:
        path = Path(home) / "sessions" / "big.yaml"
        path.parent.mkdir()
        line = write_session(path, options.exercises)
        size_kb = path.stat().st_size / 1024
        run = run_child(
            Path(__file__).resolve(),
            ["--file", str(path), "--line", str(line), "--chars", str(options.chars)],
            {"PIRITIMER_HOME": home},
            TIMEOUT_S,
        )
    figures = run.figures
    print(f"{options.exercises} exercises ({size_kb:.0f} KB), {options.chars} characters typed")
    print(f"  editor opened       {figures['opened']:7.2f} s after spawn")
    print(
        f"  checks shown        {figures['checks']:7d}   (typed as expected: {figures['typed_ok']})"
    )
    print(f"  stale checks dropped{figures['dropped']:7d}")
    print(f"  last key to check   {figures['final_check_s']:7.2f} s")
    stall = figures["longest_stall_ms"]
    print(f"  longest stall       {stall:7.0f} ms  (target <= {STALL_TARGET_MS:.0f} ms)")
    print(f"  five longest        {figures['longest_five_ms']} ms")
    print(f"  99th pct gap        {figures['p99_gap_ms']:7.0f} ms")
    print(f"  stalls > 100 ms     {figures['stalls_over_100ms']:7d}")
    print(f"  peak RSS (tree)     {run.peak_rss_mb:7.0f} MB")


if __name__ == "__main__":
    if "--child" in sys.argv:
        child(sys.argv)
    else:
        main()
