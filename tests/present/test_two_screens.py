"""Two screens: the class's view on the projector, the presenter window on the laptop.

Qt's offscreen platform takes a JSON file describing its screens; the QApplication of this
test run already exists with one screen, so each arrangement runs in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCENARIO = Path(__file__).with_name("two_screens_scenario.py")
SCREENS = {
    "screens": [
        {
            "name": "Laptop",
            "x": 0,
            "y": 0,
            "width": 1280,
            "height": 720,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "Projector",
            "x": 1280,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}


def run_scenario(tmp_path: Path, choice: str) -> dict[str, object]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, str(SCENARIO), choice],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr.lower(), done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize(
    ("choice", "audience", "presenter", "geometry"),
    [
        ("2", "Projector", "Laptop", [1280, 0, 1920, 1080]),
        ("1", "Laptop", "Projector", [0, 0, 1280, 720]),
    ],
)
def test_audience_on_the_chosen_screen_presenter_on_the_other(
    tmp_path: Path, choice: str, audience: str, presenter: str, geometry: list[int]
) -> None:
    result = run_scenario(tmp_path, choice)
    assert result["screens"] == ["Laptop", "Projector"]
    assert result["audience_screen"] == audience
    assert result["audience_geometry"] == geometry
    assert result["audience_full_screen"] is True
    assert result["presenter_screen"] == presenter
    assert result["presenter_visible"] is True


def test_both_views_follow_one_driver(tmp_path: Path) -> None:
    result = run_scenario(tmp_path, "2")
    seen = result["seen"]
    assert isinstance(seen, list)
    titles = set()
    for moment in seen:
        instruction, countdown = moment["audience"]
        now, presenter_countdown = moment["presenter"]
        assert now == instruction
        assert presenter_countdown == (countdown or "—")
        titles.add(instruction)
    assert len(titles) >= 3  # the driver really moved through several steps


def test_the_picker_names_the_screens_and_suggests_the_projector(tmp_path: Path) -> None:
    result = run_scenario(tmp_path, "pick")
    offered = result["offered"]
    assert offered == [
        "1 · Laptop · 1280×720 at 0,0 · primary",
        "2 · Projector · 1920×1080 at 1280,0",
    ]
    assert result["audience_screen"] == "Projector"
    assert result["presenter_screen"] == "Laptop"
