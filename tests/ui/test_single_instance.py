"""One window: a second launch hands its file to the first (two real processes under Xvfb),
and a first window fits the screen it opens on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer.app import build_window
from piritimer.platform.single_instance import InstanceServer, hand_over, socket_name
from piritimer.ui.main_window import DEFAULT_SIZE
from piritimer.ui.services import Services
from tests.ui.helpers import FIXTURES
from tests.xvfb import private_xvfb

ROOT = Path(__file__).resolve().parents[2]


def test_socket_names_differ_by_user_and_data_folder(tmp_path: Path) -> None:
    one = socket_name(tmp_path / "a", user="1000")
    assert one == socket_name(tmp_path / "a", user="1000")
    assert one != socket_name(tmp_path / "b", user="1000")
    assert one != socket_name(tmp_path / "a", user="1001")
    assert one.startswith("piritimer-1000-")


def test_a_second_launch_hands_over_its_file(qtbot: QtBot, tmp_path: Path) -> None:
    name = socket_name(tmp_path)
    assert not hand_over(name, None)  # nobody listens yet: this copy starts on its own
    server = InstanceServer(name)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.launched, timeout=5000) as blocker:
            assert hand_over(name, FIXTURES / "quick.yaml")
        assert blocker.args == [(FIXTURES / "quick.yaml").resolve()]
        with qtbot.waitSignal(server.launched, timeout=5000) as blocker:
            assert hand_over(name, None)
        assert blocker.args == [None]
    finally:
        server.close()


def test_a_stale_socket_does_not_stop_the_next_copy(qtbot: QtBot, tmp_path: Path) -> None:
    name = socket_name(tmp_path)
    first = InstanceServer(name)
    assert first.listen()
    second = InstanceServer(name)  # as after a crash: the name is taken
    assert second.listen()
    second.close()
    first.close()


def test_a_first_window_fits_the_screen(qtbot: QtBot, services: Services) -> None:
    window = build_window(services, restore=False)
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert window.width() <= min(DEFAULT_SIZE[0], free.width())
    assert window.height() <= min(DEFAULT_SIZE[1], free.height())
    assert free.contains(window.geometry())


@pytest.mark.hardware
def test_two_real_launches_make_one_window_that_fits_a_laptop_screen(tmp_path: Path) -> None:
    if shutil.which("Xvfb") is None and os.environ.get("CI") != "true":
        pytest.skip("needs Xvfb")
    session = tmp_path / "quick.yaml"
    shutil.copy(FIXTURES / "quick.yaml", session)
    with private_xvfb("-screen", "0", "1366x768x24") as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PIRITIMER_HOME": str(tmp_path / "home"),
        }
        first = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.single_instance_scenario"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert first.stdout is not None
            shown = json.loads(first.stdout.readline())
            # The real app, second: it hands the file over and ends at once.
            second = subprocess.run(
                [sys.executable, "-m", "piritimer", str(session)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert second.returncode == 0, second.stderr
            handed = json.loads(first.stdout.readline())
            assert first.wait(timeout=30) == 0, first.communicate()[1]
        finally:
            if first.poll() is None:
                first.kill()
            first.communicate(timeout=30)  # and close its pipes
    x, y, width, height = shown["window"]
    free_x, free_y, free_width, free_height = shown["free"]
    assert (free_width, free_height) == (1366, 768)
    assert free_x <= x
    assert x + width <= free_x + free_width
    assert free_y <= y
    assert y + height <= free_y + free_height
    assert handed == {"handed": str(session.resolve()), "shows": str(session.resolve())}
