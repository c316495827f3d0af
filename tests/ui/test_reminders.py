"""Reminders in the app: stored from the preview, shown when due on a fake clock, a click opens
the session; the tray's options and the autostart entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from piritimer.core.reminders import WEEKDAYS, ReminderTimes, parse_times
from piritimer.platform.autostart import ENTRY_NAME, autostart_enabled, entry_text, set_autostart
from piritimer.ui.main_window import MainWindow
from piritimer.ui.reminders import STALE_AFTER_S, WAKE_AT_LEAST_S, Reminders
from piritimer.ui.tray import Tray

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_7 = datetime(2026, 5, 4, 7, 0, tzinfo=BERLIN)


class FakeNotifier:
    name = "fake"

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.handlers: list[object] = []

    def notify(self, title: str, body: str, key: str) -> None:
        self.shown.append((title, body, key))

    def on_click(self, handler: object) -> None:
        self.handlers.append(handler)

    def click(self, key: str) -> None:
        for handler in self.handlers:
            handler(key)  # type: ignore[operator]


class WallClock:
    def __init__(self) -> None:
        self.now = MONDAY_7.astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


@pytest.fixture
def notifier() -> FakeNotifier:
    return FakeNotifier()


@pytest.fixture
def reminders(
    qapp: object, settings: QSettings, notifier: FakeNotifier, wall: WallClock
) -> Reminders:
    return Reminders(
        settings, notifier, now=wall, zone=lambda: BERLIN, body=lambda r: f"{r.title}!"
    )


def times(text: str, days: frozenset[int] = frozenset(range(7))) -> ReminderTimes:
    return ReminderTimes(parse_times(text), days)


def test_a_reminder_is_stored_and_the_timer_armed_for_it(
    reminders: Reminders, settings: QSettings, tmp_path: Path
) -> None:
    path = tmp_path / "hip.yaml"
    reminders.set_times(path, "Hip release", times("08:00, 18:30", WEEKDAYS))
    assert [(r.path, r.title, r.times) for r in reminders.stored()] == [
        (path, "Hip release", times("08:00, 18:30", WEEKDAYS))
    ]
    assert reminders.next_due() == datetime(2026, 5, 4, 8, 0, tzinfo=BERLIN)
    assert reminders.timer.isActive()
    assert reminders.timer.interval() == WAKE_AT_LEAST_S * 1000 + 1  # an hour away: wake sooner
    reloaded = Reminders(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert reloaded.of(path) is not None
    reminders.set_times(path, "Hip release", None)
    assert reminders.stored() == []


def test_due_reminders_are_shown_once_and_a_click_asks_to_open(
    qtbot: QtBot, reminders: Reminders, notifier: FakeNotifier, wall: WallClock, tmp_path: Path
) -> None:
    hip, knee = tmp_path / "hip.yaml", tmp_path / "knee.yaml"
    reminders.set_times(hip, "Hip release", times("08:00"))
    reminders.set_times(knee, "Knee <b>hugs</b>", times("08:00, 12:00"))
    wall.now += timedelta(minutes=59)
    reminders.wake()
    assert notifier.shown == []
    wall.now += timedelta(minutes=1, seconds=1)
    reminders.wake()
    assert sorted(notifier.shown) == [
        ("Time for Hip release", "Hip release!", str(hip)),
        ("Time for Knee <b>hugs</b>", "Knee <b>hugs</b>!", str(knee)),  # the notifier escapes
    ]
    reminders.wake()
    assert len(notifier.shown) == 2
    with qtbot.waitSignal(reminders.openRequested) as opened:
        notifier.click(str(hip))
    assert opened.args == [hip]


def test_a_reminder_missed_while_asleep_is_not_shown_late(
    reminders: Reminders, notifier: FakeNotifier, wall: WallClock, tmp_path: Path
) -> None:
    reminders.set_times(tmp_path / "hip.yaml", "Hip release", times("08:00"))
    wall.now += timedelta(hours=1, seconds=STALE_AFTER_S + 1)
    reminders.wake()
    assert notifier.shown == []


def test_the_preview_sets_a_reminder_and_refuses_a_wrong_time(
    window: MainWindow, sessions_dir: Path
) -> None:
    path = next(sessions_dir.glob("*.yaml")).absolute()
    window.show_preview(path)
    panel = window.preview_page.today_panel
    assert panel is not None
    panel.remind_times.setText("18:30, 8:00")
    panel.remind_days.setCurrentIndex(panel.remind_days.findText("on weekdays"))
    panel.remind_times.editingFinished.emit()
    reminder = window.services.reminders.of(path)
    assert reminder is not None
    assert reminder.times == times("08:00, 18:30", WEEKDAYS)
    assert panel.remind_times.text() == "08:00, 18:30"
    panel.remind_times.setText("half past six")
    panel.remind_times.editingFinished.emit()
    assert panel.remind_problem.isVisibleTo(panel)
    assert "is not a time of day" in panel.remind_problem.text()
    assert window.services.reminders.of(path) == reminder
    panel.remind_times.setText("")
    panel.remind_times.editingFinished.emit()
    assert window.services.reminders.of(path) is None


def test_a_click_on_a_reminder_opens_its_session(window: MainWindow, sessions_dir: Path) -> None:
    path = next(sessions_dir.glob("*.yaml")).absolute()
    window.show_library()
    window.services.reminders.openRequested.emit(path)
    assert window.stack.currentWidget() is window.preview_page
    assert window.current_path == path


def test_tray_options_are_off_by_default_and_write_the_autostart_entry(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    folder = tmp_path / "autostart"
    tray = Tray(settings, folder, QIcon(), available=lambda: True)
    assert not tray.keeps_running
    assert not tray.autostart_action.isChecked()
    with qtbot.waitSignal(tray.keepRunningChanged) as changed:
        tray.keep_running_action.setChecked(True)
    assert changed.args == [True]
    assert tray.keeps_running
    tray.autostart_action.setChecked(True)
    assert autostart_enabled(folder)
    assert "--tray" in (folder / ENTRY_NAME).read_text(encoding="utf-8")
    tray.autostart_action.setChecked(False)
    assert not (folder / ENTRY_NAME).exists()


def test_without_a_tray_nothing_keeps_running(settings: QSettings, tmp_path: Path) -> None:
    settings.setValue("tray/keep_running", True)
    tray = Tray(settings, tmp_path, QIcon(), available=lambda: False)
    assert not tray.keeps_running
    assert not tray.icon.isVisible()


def test_an_autostart_folder_that_cannot_be_written_unticks_the_option(
    settings: QSettings, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    tray = Tray(settings, blocker / "autostart", QIcon(), available=lambda: False)
    tray.autostart_action.setChecked(True)
    assert not tray.autostart_action.isChecked()


def test_the_entry_quotes_its_command() -> None:
    text = entry_text(["/opt/my apps/python", "-m", "piritimer", "--tray", "100%"])
    assert 'Exec="/opt/my apps/python" -m piritimer --tray 100%%\n' in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")


def test_set_autostart_is_idempotent(tmp_path: Path) -> None:
    set_autostart(tmp_path, False)
    set_autostart(tmp_path, True, ["piritimer", "--tray"])
    set_autostart(tmp_path, True, ["piritimer", "--tray"])
    assert [p.name for p in tmp_path.iterdir()] == [ENTRY_NAME]
    set_autostart(tmp_path, False)
    set_autostart(tmp_path, False)
    assert list(tmp_path.iterdir()) == []


def test_the_autostart_entry_names_the_installed_icon_and_starts_a_frozen_build_directly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from piritimer.paths import APP_ID
    from piritimer.platform import autostart

    assert f"Icon={APP_ID}\n" in entry_text(["piritimer", "--tray"])
    monkeypatch.setattr(autostart.sys, "frozen", True, raising=False)
    monkeypatch.setattr(autostart.sys, "executable", "/opt/piritimer/piritimer")
    # A frozen executable is the app: `-m piritimer` would hand it an unknown option.
    assert autostart.launch_command() == ["/opt/piritimer/piritimer", "--tray"]
