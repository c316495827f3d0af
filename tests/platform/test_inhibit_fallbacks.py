"""Choosing an inhibitor, and the platforms that need no D-Bus: fallback, Windows, macOS."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication

from piritimer.platform import NullInhibitor, create_inhibitor
from piritimer.platform.inhibit import (
    NO_CAFFEINATE,
    NO_EXECUTION_STATE,
    NO_QTDBUS,
    NO_SESSION_BUS,
)
from piritimer.platform.inhibit_macos import CaffeinateInhibitor, caffeinate_command
from piritimer.platform.inhibit_windows import (
    BACK_TO_NORMAL,
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    ES_SYSTEM_REQUIRED,
    KEEP_AWAKE,
    WindowsInhibitor,
)

NOWHERE = "unix:path=/nonexistent/piritimer-test/bus"


@pytest.fixture
def unreachable_bus(qapp: QApplication) -> Iterator[QDBusConnection]:
    name = f"piritimer-test-{uuid.uuid4().hex}"
    yield QDBusConnection.connectToBus(NOWHERE, name)
    QDBusConnection.disconnectFromBus(name)


def test_the_fallback_accepts_every_call_and_does_nothing() -> None:
    inhibitor = NullInhibitor()
    inhibitor.inhibit("a reason")
    inhibitor.inhibit("a reason")
    assert not inhibitor.active
    inhibitor.release()
    inhibitor.release()
    assert inhibitor.name == "none"
    assert inhibitor.notice is None


def test_no_session_bus_means_the_fallback(unreachable_bus: QDBusConnection) -> None:
    assert not unreachable_bus.isConnected()
    inhibitor = create_inhibitor(platform="linux", bus=unreachable_bus)
    assert isinstance(inhibitor, NullInhibitor)
    assert inhibitor.notice == NO_SESSION_BUS
    assert "the screen may blank" in inhibitor.notice
    inhibitor.inhibit("nobody to ask")
    inhibitor.release()
    assert not inhibitor.active


def test_the_default_session_bus_missing_is_quiet() -> None:
    """The app's own call, create_inhibitor() on a session bus that is not there: the
    fallback with its one notice for the app to show, and not one line on stderr (no Qt or
    D-Bus warnings)."""
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QCoreApplication
        from piritimer.platform import create_inhibitor
        app = QCoreApplication([])
        inhibitor = create_inhibitor()
        inhibitor.inhibit("x")
        inhibitor.release()
        print(inhibitor.name, inhibitor.active)
        print(inhibitor.notice)
        """
    )
    environment = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": NOWHERE}
    environment.pop("DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    expected = f"none False\n{NO_SESSION_BUS}\n"
    assert (done.returncode, done.stdout, done.stderr) == (0, expected, "")


def test_windows_asks_for_display_and_system_and_lets_go() -> None:
    calls: list[int] = []

    def set_state(flags: int) -> int:
        calls.append(flags)
        return ES_CONTINUOUS

    inhibitor = WindowsInhibitor(set_state)
    assert inhibitor.notice is None
    inhibitor.release()
    inhibitor.inhibit("session")
    inhibitor.inhibit("again")
    assert inhibitor.active
    inhibitor.release()
    inhibitor.release()
    assert not inhibitor.active
    assert calls == [KEEP_AWAKE, BACK_TO_NORMAL]
    assert KEEP_AWAKE == ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED == 0x80000003


def test_windows_refusal_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    inhibitor = WindowsInhibitor(lambda flags: 0)
    inhibitor.inhibit("session")
    assert not inhibitor.active
    assert "SetThreadExecutionState refused" in caplog.text


@pytest.mark.skipif(sys.platform == "win32", reason="kernel32 exists there")
def test_windows_choice_without_kernel32_is_the_fallback() -> None:
    inhibitor = create_inhibitor(platform="win32")
    assert isinstance(inhibitor, NullInhibitor)
    assert inhibitor.notice == NO_EXECUTION_STATE


def test_caffeinate_command_ties_itself_to_our_process() -> None:
    assert caffeinate_command("/usr/bin/caffeinate", 4321) == [
        "/usr/bin/caffeinate",
        "-d",
        "-i",
        "-w",
        "4321",
    ]


def test_macos_choice_depends_on_caffeinate_being_there() -> None:
    found = shutil.which("caffeinate")
    inhibitor = create_inhibitor(platform="darwin")
    assert isinstance(inhibitor, CaffeinateInhibitor if found else NullInhibitor)
    assert inhibitor.notice == (None if found else NO_CAFFEINATE)


def test_caffeinate_runs_while_inhibiting_and_stops_on_release() -> None:
    """A stand-in child (sleep) in place of caffeinate: one child, stopped on release."""
    sleep = shutil.which("sleep")
    assert sleep is not None
    inhibitor = CaffeinateInhibitor([sleep, "60"])
    inhibitor.inhibit("session")
    child = inhibitor._process
    assert child is not None
    inhibitor.inhibit("again")
    assert inhibitor._process is child
    assert inhibitor.active

    inhibitor.release()

    assert child.returncode is not None
    assert not inhibitor.active
    inhibitor.release()


def test_caffeinate_missing_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    inhibitor = CaffeinateInhibitor(["/nonexistent/caffeinate", "-d"])
    inhibitor.inhibit("session")
    assert not inhibitor.active
    assert "could not start /nonexistent/caffeinate" in caplog.text
    inhibitor.release()


def test_the_notice_is_in_the_apps_language_when_it_is_shown(
    unreachable_bus: QDBusConnection, in_language: Callable[[str], None]
) -> None:
    inhibitor = create_inhibitor(platform="linux", bus=unreachable_bus)  # made in English
    in_language("fr")  # and read once the window is up, in the app's language
    assert inhibitor.notice == (
        "Pas de bus de session D-Bus\u202f: l’écran risque de s’éteindre ou de se verrouiller "
        "pendant une séance."
    )
    in_language("de")
    assert inhibitor.notice is not None
    assert inhibitor.notice.startswith("Kein D-Bus-Sitzungsbus: Der Bildschirm")
    for notice in (NO_SESSION_BUS, NO_CAFFEINATE, NO_EXECUTION_STATE, NO_QTDBUS):
        in_language("es")
        spanish = NullInhibitor(notice).notice
        assert spanish is not None
        assert spanish.endswith("la pantalla puede apagarse o bloquearse durante una sesión.")
