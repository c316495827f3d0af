"""Render the window's pages to PNGs in a real X window: ``python tools/screenshots.py``.

Starts its own Xvfb (1280×800) when DISPLAY is unset, drives the engine with a fake clock to
each state worth showing, and captures the screen with ImageMagick's ``import -window root``
into docs/screenshots/. Uses the bundled sessions, or the test fixtures with ``--fixtures``
(or when no bundled session exists yet). The window is built by the app's composition root;
the audio guide captions each step's spoken words on its silent outputs (no sound device opens).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 1280, 800
OUTPUT = ROOT / "docs" / "screenshots"
FIXTURES = ROOT / "tests" / "ui" / "fixtures"


def start_xvfb() -> subprocess.Popen[bytes]:
    """A private X server; -displayfd picks a free display so parallel runs never collide."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{WIDTH}x{HEIGHT}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("Xvfb did not start")
    os.environ["DISPLAY"] = f":{number}"
    return server


@dataclass(frozen=True)
class Shot:
    name: str
    prepare: Callable[[], bool]
    """Puts the window in the state to capture; False if no session offers that state."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fixtures", action="store_true", help="use tests/ui/fixtures")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    options = parser.parse_args()
    if shutil.which("import") is None:
        raise SystemExit("ImageMagick's `import` is needed (apt install imagemagick)")
    server = start_xvfb() if not os.environ.get("DISPLAY") else None
    home = tempfile.mkdtemp(prefix="piritimer-shots-")
    os.environ["PIRITIMER_HOME"] = home  # no real settings or sessions leak into the pictures
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        return capture_all(options.out, options.fixtures)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if server is not None:
            server.terminate()
            server.wait()


def capture_all(out: Path, use_fixtures: bool) -> int:
    from PySide6.QtWidgets import QApplication

    from piritimer import paths
    from piritimer.app import build_services, build_window
    from piritimer.core.engine import State
    from piritimer.core.timeline import StepKind, compile_session
    from piritimer.ui import main_window
    from piritimer.ui.library import LibraryModel

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    bundled = paths.bundled_sessions_dir()
    if use_fixtures or not any(bundled.glob("*.yaml")):
        library = LibraryModel([FIXTURES])
    else:
        library = LibraryModel([paths.user_sessions_dir()], bundled_folder=bundled)
    library.finish_scan()  # the library reads files in the background; shoot it complete
    now = [1000.0]
    services = build_services(clock=lambda: now[0], library=library)
    window = build_window(services, restore=False)
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    usable = [e for e in library.entries() if e.session is not None]

    def settle() -> None:
        deadline = time.monotonic() + 0.6
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)

    def at_step(predicate: Callable[..., bool], fraction: float) -> Callable[[], bool]:
        """Run the first session that has a step matching ``predicate`` to that step."""

        def prepare() -> bool:
            for entry in usable:
                assert entry.session is not None
                timeline = compile_session(entry.session)
                for step in timeline.steps:
                    if predicate(step):
                        window.show_preview(entry.path)
                        window.driver.set_timeline(timeline)
                        window.driver.jump(step.index)
                        if step.duration_s:
                            now[0] += step.duration_s * fraction
                            window.driver.poke()
                            window.runner_page.refresh()
                        return True
            return False

        return prepare

    def library_page() -> bool:
        window.show_library()
        return True

    def preview_page() -> bool:
        richest = max(usable, key=lambda e: (bool(e.summary), e.exercise_count))
        window.show_preview(richest.path)
        return True

    def finished() -> bool:
        if not at_step(lambda s: s.kind is StepKind.DONE, 0)():
            return False
        return window.driver.state is State.FINISHED

    def keys_overlay() -> bool:
        at_step(lambda s: s.kind is StepKind.HOLD, 0.3)()
        window.help_overlay.show_over_parent()
        return True

    def side(step: object) -> bool:
        return getattr(step, "side", None) is not None

    shots = [
        Shot("library", library_page),
        Shot("preview", preview_page),
        Shot("runner-setup", at_step(lambda s: s.kind is StepKind.SETUP and s.detail, 0.2)),
        Shot(
            "runner-inhale",
            at_step(lambda s: s.kind is StepKind.INHALE and s.cycle_number == 2, 0.6),
        ),
        Shot(
            "runner-breath-hold",
            at_step(lambda s: s.kind in (StepKind.HOLD_IN, StepKind.HOLD_OUT), 0.3),
        ),
        Shot("runner-timed-hold", at_step(lambda s: s.kind is StepKind.HOLD and side(s), 0.35)),
        Shot("runner-rest", at_step(lambda s: s.kind is StepKind.REST, 0.4)),
        Shot("runner-finished", finished),
        Shot("runner-keys", keys_overlay),
    ]
    out.mkdir(parents=True, exist_ok=True)
    missing: list[str] = []
    for shot in shots:
        window.help_overlay.hide()
        if window.driver.state in (State.RUNNING, State.WAITING, State.PAUSED):
            window.driver.stop()
        if not shot.prepare():
            missing.append(shot.name)
            continue
        capture(out / f"{shot.name}.png", settle)
    # The dark theme, as a system set to dark would show it.
    window.help_overlay.hide()
    main_window.system_prefers_dark = lambda: True  # type: ignore[assignment]
    window.apply_theme()
    at_step(lambda s: s.kind is StepKind.EXHALE and s.cycle_number == 1, 0.5)()
    capture(out / "runner-exhale-dark.png", settle)
    window.driver.stop()
    window.show_library()
    capture(out / "library-dark.png", settle)
    window.close()
    if missing:
        print(f"no session offers: {', '.join(missing)}", file=sys.stderr)
    return 1 if missing else 0


def capture(path: Path, settle: Callable[[], None]) -> None:
    settle()
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    raise SystemExit(main())
