"""The D-Bus screen-saver inhibitor against a stand-in service on a private session bus."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from piritimer.platform import NullInhibitor, create_inhibitor
from piritimer.platform.inhibit import NO_SCREENSAVER_SERVICE
from piritimer.platform.inhibit_dbus import FreedesktopInhibitor
from tests.platform.screensaver_bus import StandInBus

pytestmark = pytest.mark.hardware

StartBus = Callable[..., StandInBus]


def test_inhibit_and_release_round_trip_the_cookie(standin_bus: StartBus) -> None:
    bus = standin_bus()
    inhibitor = create_inhibitor(platform="linux", bus=bus.connection)
    assert isinstance(inhibitor, FreedesktopInhibitor)
    assert inhibitor.name == "org.freedesktop.ScreenSaver"
    assert not inhibitor.active
    assert inhibitor.notice is None  # it does the work: nothing to tell

    inhibitor.inhibit("Guided session running")

    assert bus.next_record() == {
        "call": "Inhibit",
        "application": "piritimer",
        "reason": "Guided session running",
        "cookie": 3_000_000_001,
    }
    assert inhibitor.active
    assert inhibitor.cookie == 3_000_000_001

    inhibitor.release()

    # The stand-in only accepts UnInhibit(uint32): the cookie, above int32, came back intact.
    assert bus.next_record() == {"call": "UnInhibit", "cookie": 3_000_000_001, "known": True}
    assert not inhibitor.active
    bus.assert_no_more_records()


def test_inhibit_and_release_are_idempotent(standin_bus: StartBus) -> None:
    bus = standin_bus()
    inhibitor = create_inhibitor(platform="linux", bus=bus.connection, app_name="Trainer")

    inhibitor.release()
    inhibitor.inhibit("first")
    inhibitor.inhibit("second")
    assert bus.next_record()["reason"] == "first"
    inhibitor.release()
    inhibitor.release()
    assert bus.next_record()["call"] == "UnInhibit"
    bus.assert_no_more_records()

    inhibitor.inhibit("again")
    record = bus.next_record()
    assert record["application"] == "Trainer"
    assert record["cookie"] == 3_000_000_002
    inhibitor.release()
    assert bus.next_record() == {"call": "UnInhibit", "cookie": 3_000_000_002, "known": True}


def test_the_older_kde_object_path_is_used_when_it_is_the_only_one(
    standin_bus: StartBus,
) -> None:
    bus = standin_bus("--path", "/ScreenSaver")
    inhibitor = create_inhibitor(platform="linux", bus=bus.connection)
    assert isinstance(inhibitor, FreedesktopInhibitor)
    assert inhibitor.object_path == "/ScreenSaver"
    inhibitor.inhibit("KDE")
    inhibitor.release()
    assert bus.next_record()["call"] == "Inhibit"
    assert bus.next_record()["known"] is True


def test_the_specification_path_wins_when_both_exist(standin_bus: StartBus) -> None:
    bus = standin_bus("--path", "/ScreenSaver", "--path", "/org/freedesktop/ScreenSaver")
    inhibitor = create_inhibitor(platform="linux", bus=bus.connection)
    assert isinstance(inhibitor, FreedesktopInhibitor)
    assert inhibitor.object_path == "/org/freedesktop/ScreenSaver"


def test_a_bus_without_the_service_gets_the_fallback(standin_bus: StartBus) -> None:
    bus = standin_bus("--no-service")
    inhibitor = create_inhibitor(platform="linux", bus=bus.connection)
    assert isinstance(inhibitor, NullInhibitor)
    assert inhibitor.notice == NO_SCREENSAVER_SERVICE
    inhibitor.inhibit("nobody listens")
    assert not inhibitor.active
    inhibitor.release()
    bus.assert_no_more_records()


def test_a_service_that_went_away_is_survived(
    standin_bus: StartBus, caplog: pytest.LogCaptureFixture
) -> None:
    """If the bus and screen saver vanish mid-session, failures are logged, never raised."""
    bus = standin_bus()
    inhibitor = create_inhibitor(platform="linux", bus=bus.connection)
    inhibitor.inhibit("session")
    assert bus.next_record()["call"] == "Inhibit"
    bus.stop()

    inhibitor.release()

    assert not inhibitor.active
    inhibitor.inhibit("next session")
    assert not inhibitor.active
    assert [record.getMessage().split(":")[0] for record in caplog.records] == [
        "screen-saver UnInhibit failed",
        "screen-saver Inhibit failed",
    ]
