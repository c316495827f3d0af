"""The wheel is the app and nothing else, and installed (non-editable) it still finds the
bundled sessions and assets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

AUDIO_MODULES = {
    "__init__", "cues", "guide", "hardware", "helper", "mixer", "narration", "outputs", "player",
    "settings", "settings_dialog", "settings_store", "sink_output", "speech_messages",
    "speech_output", "speech_policy", "speech_worker", "ssip", "ssip_output", "voice", "wav",
}  # fmt: skip
"""What the app runs of piritimer.audio. The measuring rigs (tests/lab) are not in the wheel."""


def test_wheel_ships_sessions_and_assets_and_paths_finds_them(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next((tmp_path / "dist").glob("piritimer-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    bundled_sessions = sorted(p.name for p in (ROOT / "sessions").glob("*.yaml"))
    assert bundled_sessions, "no bundled sessions to ship"
    for name in bundled_sessions:
        assert f"piritimer/_bundled/sessions/{name}" in names
    assert any(n.startswith("piritimer/_bundled/assets/") for n in names)
    audio = {Path(n).stem for n in names if n.startswith("piritimer/audio/") and n.endswith(".py")}
    assert audio == AUDIO_MODULES
    lab = {"measure", "pulse_lab", "lab_session", "proctree", "sound_worker", "worker_process"}
    assert not [n for n in names if Path(n).stem in lab]
    assert not [n for n in names if n.startswith(("tests/", "bench/"))]

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    probe = (
        "from piritimer import paths; "
        "print(paths.bundled_sessions_dir()); print(paths.assets_dir())"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,  # not the source tree: nothing may be found relative to it
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    sessions_dir, assets_dir = (Path(line) for line in done.stdout.splitlines())
    assert sessions_dir.is_relative_to(target)
    assert assets_dir.is_relative_to(target)
    assert sorted(p.name for p in sessions_dir.glob("*.yaml")) == bundled_sessions
