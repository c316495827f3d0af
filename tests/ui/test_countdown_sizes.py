"""The countdowns as X draws them on a 1366×768 screen: none smaller than a hold's digits."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.xvfb import private_xvfb, run_on_display

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.hardware
def test_setup_ready_and_paused_are_at_least_the_hold_digits_on_a_laptop_screen() -> None:
    if shutil.which("Xvfb") is None and os.environ.get("CI") != "true":
        pytest.skip("needs Xvfb")
    with private_xvfb("-screen", "0", "1366x768x24") as display:
        result = run_on_display(
            [sys.executable, "-m", "tests.ui.countdown_sizes_scenario"],
            display,
            timeout=120,
            cwd=str(ROOT),
        )
    assert result.returncode == 0, result.stderr
    heights = json.loads(result.stdout.strip().splitlines()[-1])
    # Measured, in screen pixels, from the glyphs' own colour in the grabbed screen.
    assert heights["hold"] >= 40
    assert heights["setup"] >= heights["hold"]
    assert heights["ready"] >= heights["hold"]
    assert heights["paused_banner"] >= heights["hold"]
