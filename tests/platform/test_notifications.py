"""Desktop notifications against a stand-in org.freedesktop.Notifications on a private bus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer.platform.notifications import NullNotifier, create_notifier
from piritimer.platform.notifications_dbus import FreedesktopNotifier
from tests.platform.screensaver_bus import StandInBus

pytestmark = pytest.mark.hardware

StartBus = Callable[..., StandInBus]
STANDIN = Path(__file__).with_name("notifications_standin.py")


def test_notify_sends_the_specifications_types(standin_bus: StartBus) -> None:
    bus = standin_bus(script=STANDIN)
    notifier = create_notifier(bus.connection)
    assert isinstance(notifier, FreedesktopNotifier)
    notifier.notify("Time for Hip release", "Twice a day: 0 of 2 today <b>", "/s/hip.yaml")
    assert bus.next_record() == {
        "call": "Notify",
        "app_name": "piritimer",
        "replaces_id": 0,
        "icon": "io.github.piritimer.Piritimer",
        "summary": "Time for Hip release",
        "body": "Twice a day: 0 of 2 today &lt;b&gt;",  # never markup
        "actions": ["default", "Open"],
        "hints": ["desktop-entry"],
        "timeout_ms": -1,
        "id": 1,
    }
    bus.assert_no_more_records()


def test_a_click_calls_back_with_the_key(qtbot: QtBot, standin_bus: StartBus) -> None:
    bus = standin_bus("--click", script=STANDIN)
    notifier = create_notifier(bus.connection)
    clicked: list[str] = []
    notifier.on_click(clicked.append)
    notifier.notify("Time for A", "", "/s/a.yaml")
    notifier.notify("Time for B", "", "/s/b.yaml")
    qtbot.waitUntil(lambda: len(clicked) == 2, timeout=5000)
    assert clicked == ["/s/a.yaml", "/s/b.yaml"]


def test_without_the_service_nothing_is_shown(standin_bus: StartBus) -> None:
    bus = standin_bus("--no-service")  # the screen-saver stand-in, joined without a service
    notifier = create_notifier(bus.connection)
    assert isinstance(notifier, NullNotifier)
    notifier.notify("Time for A", "", "key")
    assert notifier.last == ("Time for A", "", "key")


def test_a_due_reminder_reaches_the_server_and_its_click_opens_the_session(
    qtbot: QtBot, standin_bus: StartBus, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import QSettings

    from piritimer.core.reminders import ReminderTimes, parse_times
    from piritimer.ui.reminders import Reminders

    bus = standin_bus("--click", script=STANDIN)
    now = [datetime(2026, 5, 4, 7, 59, 30, tzinfo=UTC)]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    reminders = Reminders(
        settings, create_notifier(bus.connection), now=lambda: now[0], zone=lambda: UTC
    )
    session = tmp_path / "hip.yaml"
    reminders.set_times(session, "Hip release", ReminderTimes(parse_times("08:00")))
    now[0] += timedelta(seconds=31)
    with qtbot.waitSignal(reminders.openRequested, timeout=5000) as opened:
        reminders.wake()
    record = bus.next_record()
    assert (record["summary"], record["id"]) == ("Time for Hip release", 1)
    assert opened.args == [session]


def test_the_open_button_is_in_the_apps_language(
    standin_bus: StartBus, in_language: Callable[[str], None]
) -> None:
    in_language("es")
    bus = standin_bus(script=STANDIN)
    notifier = create_notifier(bus.connection)
    notifier.notify("Hora de Hip release", "", "/s/hip.yaml")  # the caller's words, as given
    record = bus.next_record()
    assert record["actions"] == ["default", "Abrir"]
    assert record["summary"] == "Hora de Hip release"
