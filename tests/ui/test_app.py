"""``piritimer FILE`` end to end: the app starts, opens the file, and shows it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.ui.helpers import FIXTURES

ROOT = Path(__file__).resolve().parents[2]

# Replaces Qt's event loop with a few passes over pending events, then reports what is shown.
# The start is the real one, hardware included: sound and voice open their helpers (silent
# stand-ins where the machine has no device) and close with the window.
PROBE = """
import sys
from PySide6.QtWidgets import QApplication

def one_pass(*_args):
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    (window,) = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    preview = window.preview_page
    print(window.isVisible(), window.page is preview, preview.title_label.text())
    print(app.applicationName(), app.style().name(), not window.windowIcon().isNull())
    print(type(window.audio_guide).__name__)
    window.close()
    return 0

QApplication.exec = one_pass
from piritimer.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_app(
    tmp_path: Path, *args: str, probe: str = PROBE, env: dict[str, str] | None = None
) -> list[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PIRITIMER_HOME": str(tmp_path / "home"),
        **(env or {}),
    }
    result = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_command_line_file_opens_in_the_preview(tmp_path: Path) -> None:
    session = tmp_path / "mine.yaml"
    shutil.copy(FIXTURES / "quick.yaml", session)
    shown, app, guide = run_app(tmp_path, str(session))
    assert shown == "True True Quick calm"
    assert app.startswith("piritimer fusion")
    assert guide == "AudioGuide"  # the real outputs reach it after the first paint


def test_no_session_bus_is_told_in_the_window(tmp_path: Path) -> None:
    """Nothing can keep the screen awake: the person is told so, in the window, once."""
    probe = PROBE.replace(
        "    window.close()", "    print(window.statusBar().currentMessage())\n    window.close()"
    )
    nowhere = {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}
    *_, message = run_app(tmp_path, probe=probe, env=nowhere)
    assert "screen may blank" in message


def test_the_app_has_its_icon(tmp_path: Path) -> None:
    _shown, app, _guide = run_app(tmp_path)
    assert app == "piritimer fusion True"


def test_the_window_is_built_without_the_slow_parts(tmp_path: Path) -> None:
    """Up to the first paint: no sound device, speech, D-Bus or SVG module, no editor or
    presentation window module; those load after the paint or on first use."""
    code = (
        "import sys\n"
        "from piritimer.app import build_services, build_window, create_application\n"
        "app = create_application([])\n"
        "window = build_window(build_services(app))\n"
        "window.show()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6.', 'piritimer.'))))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PIRITIMER_HOME": str(tmp_path)}
    loaded = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=True,
    ).stdout
    assert "piritimer.ui.main_window" in loaded
    for late in (
        "QtMultimedia",
        "QtTextToSpeech",
        "QtDBus",
        "QtSvg",
        "piritimer.audio.hardware",
        "piritimer.editor.window'",
        "piritimer.present.presentation",
    ):
        assert late not in loaded, late
