"""Faults told once, nothing lost: a full disk, an unwritable folder, a corrupt settings file,
and a change of time zone between saves."""

from __future__ import annotations

import errno
import os
import resource
import signal
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from piritimer import paths
from piritimer.core.schema import SCHEMA_FILE_NAME
from piritimer.editor import backups, recovery
from piritimer.editor.saving import write_atomically
from piritimer.editor.schema_file import SchemaCopyError, ensure_schema_beside
from piritimer.editor.window import EditorWindow
from piritimer.ui.settings import open_settings, sync_settings
from piritimer.widgets.notices import OnceNotice
from tests.editor.helpers import ScriptedPrompts

MODELINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}\n"


def disk_full(path: Path, data: bytes) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


# -- a save whose schema copy fails -------------------------------------------------------------


def test_a_full_disk_for_the_schema_copy_is_reported_and_the_save_stands(
    make_editor: Callable[[Path | None], EditorWindow],
    session_file: Path,
    answers: ScriptedPrompts,
) -> None:
    session_file.write_text(MODELINE + session_file.read_text(encoding="utf-8"), "utf-8")
    window = make_editor(session_file)
    window.schema_writer = disk_full
    window.editor.appendPlainText("# one more line")
    assert window.isWindowModified()

    assert window.save() is True
    assert session_file.read_text(encoding="utf-8").rstrip().endswith("# one more line")
    assert not window.isWindowModified(), "the file is saved: the window must say so"
    assert not window.editor.document().isModified()
    [error] = answers.errors
    assert "is saved" in error
    assert "No space left on device" in error
    assert sorted(p.name for p in session_file.parent.iterdir()) == [session_file.name]

    window.schema_writer = write_atomically
    window.editor.appendPlainText("# and another")
    assert window.save() is True
    assert (session_file.parent / SCHEMA_FILE_NAME).is_file(), "saving again tries again"
    assert len(answers.errors) == 1


@pytest.fixture
def file_size_limit() -> Iterator[Callable[[int | None], None]]:
    """Writes past ``limit`` bytes fail for real (EFBIG), as on a full disk, then restored."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a killed process

    def limit(size: int | None) -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft if size is None else size, hard))

    yield limit
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    signal.signal(signal.SIGXFSZ, previous)


def test_a_real_write_failure_of_the_schema_leaves_nothing_behind(
    make_editor: Callable[[Path | None], EditorWindow],
    session_file: Path,
    answers: ScriptedPrompts,
    file_size_limit: Callable[[int | None], None],
) -> None:
    session_file.write_text(MODELINE + session_file.read_text(encoding="utf-8"), "utf-8")
    window = make_editor(session_file)
    window.editor.appendPlainText("# one more line")

    def write_on_a_small_disk(path: Path, data: bytes) -> None:
        file_size_limit(8_000)  # only around the real writer: the 30 kB schema does not fit
        try:
            write_atomically(path, data)
        finally:
            file_size_limit(None)

    window.schema_writer = write_on_a_small_disk
    assert window.save() is True
    assert not window.isWindowModified()
    [error] = answers.errors
    assert "schema" in error
    assert "is saved" in error
    assert sorted(p.name for p in session_file.parent.iterdir()) == [session_file.name]


def test_the_schema_copy_leaves_no_partial_file_when_it_fails(tmp_path: Path) -> None:
    session = tmp_path / "s.yaml"
    with pytest.raises(SchemaCopyError, match="No space left on device"):
        ensure_schema_beside(session, MODELINE, disk_full)
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / SCHEMA_FILE_NAME).mkdir()  # the real writer refused: a folder in the way
    with pytest.raises(SchemaCopyError, match="not written"):
        ensure_schema_beside(taken / "s.yaml", MODELINE)
    assert sorted(p.name for p in taken.iterdir()) == [SCHEMA_FILE_NAME]


# -- recovery that cannot be written ------------------------------------------------------------


@pytest.fixture
def blocked_recovery() -> Iterator[Path]:
    """A file where the recovery folder should be: no write there can succeed, even as root."""
    blocker = recovery.recovery_dir()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("in the way\n", encoding="utf-8")
    yield blocker
    blocker.unlink(missing_ok=True)


def test_recovery_that_cannot_be_written_is_told_once(
    make_editor: Callable[[Path | None], EditorWindow],
    session_file: Path,
    blocked_recovery: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_editor(session_file)
    shown: list[str] = []
    show = window.fault_bar.show_message

    def record(text: str, actions: list[tuple[str, Callable[[], object]]]) -> None:
        shown.append(text)
        show(text, actions)

    monkeypatch.setattr(window.fault_bar, "show_message", record)
    window.editor.appendPlainText("# unsaved")
    for _ in range(5):  # the autosave timer firing every interval
        window._recovery_timer.timeout.emit()
    assert len(shown) == 1
    assert "not being kept safe" in shown[0]
    assert str(blocked_recovery) in shown[0]
    assert window.fault_bar.isVisible()

    blocked_recovery.unlink()  # the folder can be written again: the notice goes
    window._recovery_timer.timeout.emit()
    assert not window.fault_bar.isVisible()
    assert recovery.find_for(session_file) is not None

    blocked_recovery.parent.joinpath("recovery", f"{window.recovery_key}.json").unlink()
    blocked_recovery.rmdir()
    blocked_recovery.write_text("in the way again\n", encoding="utf-8")
    window._recovery_timer.timeout.emit()
    window._recovery_timer.timeout.emit()
    assert len(shown) == 2, "a new fault after a good write is told again, once"


def test_saving_and_closing_survive_an_unwritable_recovery_folder(
    make_editor: Callable[[Path | None], EditorWindow],
    session_file: Path,
    blocked_recovery: Path,
) -> None:
    window = make_editor(session_file)
    window.editor.appendPlainText("# saved anyway")
    assert window.save() is True
    assert not window.isWindowModified()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # pytest-qt closes it later
    assert window.close()


def test_backups_that_cannot_be_written_are_told_once_and_saves_go_on(
    make_editor: Callable[[Path | None], EditorWindow],
    session_file: Path,
    blocked_recovery: Path,
) -> None:
    blocker = backups.backups_root()
    blocker.write_text("in the way\n", encoding="utf-8")
    window = make_editor(session_file)
    texts: list[str] = []
    for number in range(3):
        window.editor.appendPlainText(f"# save {number}")
        window._recovery_timer.timeout.emit()  # recovery fails as well: both stand
        assert window.save() is True
        texts.append(window.fault_bar.label.text())
    assert session_file.read_text(encoding="utf-8").rstrip().endswith("# save 2")
    assert set(window.faults.active()) == {"recovery", "backups"}
    assert "Previous versions are not being kept" in texts[0]
    assert str(blocker) in texts[0]

    blocker.unlink()
    window.editor.appendPlainText("# save 3")
    assert window.save() is True
    assert backups.list_backups(session_file)
    assert set(window.faults.active()) == {"recovery"}
    assert window.fault_bar.isVisible()
    assert "not being kept safe" in window.fault_bar.label.text()
    assert "Previous versions" not in window.fault_bar.label.text()


def test_a_backup_that_fails_midway_leaves_no_part_file(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_bytes(b"old\n")
    folder = backups.backup_folder(target)
    folder.mkdir(parents=True)
    errors: list[OSError] = []
    stamp = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    (folder / f"{stamp:%Y-%m-%dT%H-%M-%S_%fZ}.yaml").mkdir()  # the rename target is taken
    assert backups.keep_backup(target, b"new\n", now=lambda: stamp, on_error=errors.append) is None
    assert len(errors) == 1
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith("Z.yaml")) == [
        backups.ORIGIN_FILE
    ]


# -- settings ------------------------------------------------------------------------------------


def test_a_corrupt_settings_file_is_kept_aside_and_reset() -> None:
    file = paths.user_data_dir() / "settings.ini"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(b"[window\ngeometry=\xff\xfe broken\n")
    notices: list[str] = []
    when = datetime(2026, 3, 10, 9, 41, 30, tzinfo=UTC)

    settings = open_settings(notices.append, now=lambda: when)
    kept = file.with_name("settings.ini.corrupt-20260310T094130Z")
    assert kept.read_bytes() == b"[window\ngeometry=\xff\xfe broken\n"
    assert settings.status() is QSettings.Status.NoError
    assert settings.allKeys() == []
    [notice] = notices
    assert kept.name in notice
    settings.setValue("library/last_session", "x")
    settings.sync()
    assert settings.status() is QSettings.Status.NoError

    again = open_settings(notices.append)
    assert again.value("library/last_session") == "x"
    assert len(notices) == 1


def test_settings_that_cannot_be_written_are_told_once(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    settings = QSettings(str(blocker / "settings.ini"), QSettings.Format.IniFormat)
    shown: list[str] = []
    notices = OnceNotice(shown.append)
    for number in range(4):
        settings.setValue("library/last_session", f"session {number}")
        assert sync_settings(settings, notices) is False
    assert len(shown) == 1
    assert "cannot be saved" in shown[0]
    assert str(blocker) in shown[0]


def test_a_notice_is_told_once_per_fault() -> None:
    shown: list[str] = []
    notices = OnceNotice(shown.append)
    assert notices.fault("a", "A is broken")
    assert not notices.fault("a", "A is broken")
    assert notices.fault("b", "B is broken")
    notices.cleared("a")
    assert notices.active() == {"b": "B is broken"}
    assert notices.fault("a", "A is broken again")
    assert shown == ["A is broken", "B is broken", "A is broken again"]


# -- backups across a change of time zone ---------------------------------------------------------


@pytest.fixture
def time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    def switch(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield switch
    monkeypatch.undo()
    time.tzset()


def test_backups_are_named_and_pruned_in_utc_across_time_zones(
    tmp_path: Path, time_zone: Callable[[str], None]
) -> None:
    """Flying west: local clocks go back 14 hours, the newest backups must survive."""
    target = tmp_path / "s.yaml"
    target.write_bytes(b"version 0\n")
    instant = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    saves = backups.KEEP + 2
    for number in range(1, saves + 1):
        time_zone("JST-9" if number <= saves // 2 else "EST5")  # POSIX rules: no tzdata needed
        # What datetime.now() gives in each zone: the local wall clock, naive.
        local_now = (instant + timedelta(minutes=number)).astimezone().replace(tzinfo=None)
        assert backups.keep_backup(
            target, f"version {number}\n".encode(), now=lambda t=local_now: t.astimezone()
        )
        target.write_bytes(f"version {number}\n".encode())
    kept = backups.list_backups(target)
    assert len(kept) == backups.KEEP
    assert [k.read_bytes() for k in kept] == [
        f"version {n}\n".encode() for n in range(saves - 1, saves - 1 - backups.KEEP, -1)
    ]
    assert all(k.stem.endswith("Z") for k in kept)
    assert kept[0].stem == "2026-03-10T12-12-00_000000Z"


def test_backups_named_in_local_time_before_still_sort_by_their_instant(
    tmp_path: Path, time_zone: Callable[[str], None]
) -> None:
    time_zone("EST5")
    target = tmp_path / "s.yaml"
    target.write_bytes(b"new\n")
    folder = backups.backup_folder(target)
    folder.mkdir(parents=True)
    old = folder / "2026-03-10_06-00-00_000000.yaml"  # 11:00 UTC, written in local time
    old.write_bytes(b"old\n")
    (folder / "notes.yaml").write_bytes(b"not a backup\n")
    newer = backups.keep_backup(
        target, b"newer\n", now=lambda: datetime(2026, 3, 10, 11, 30, tzinfo=UTC)
    )
    assert backups.list_backups(target) == [newer, old]
