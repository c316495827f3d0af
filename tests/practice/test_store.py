"""The practice store: writes on its own thread, recovery of interrupted runs, corruption."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from piritimer import paths
from piritimer.core.practice import Outcome
from piritimer.practice import NullPracticeLog, open_practice_log
from piritimer.practice.store import PracticeStore
from tests.practice.helpers import a_run

NOW = datetime(2026, 5, 4, 3, 2, 1, tzinfo=UTC)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "practice.sqlite3"


def test_the_log_lives_in_the_users_data_folder(private_home: Path) -> None:
    assert paths.practice_log_path() == private_home / "practice.sqlite3"


def test_a_saved_run_reads_back_equal_and_the_journal_is_wal(database: Path) -> None:
    store = PracticeStore(database)
    run = a_run(1, done=("Figure four · left",), pain_before=4, pain_after=2, note="<b>ok</b>")
    store.save(run)
    store.save(replace(run, paused_s=12.5))  # the second write replaces the first
    store.flush()
    assert store.runs() == [replace(run, paused_s=12.5)]
    mode = sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    store.close()


def test_runs_come_oldest_first_and_the_latest_of_a_file_is_found(database: Path) -> None:
    store = PracticeStore(database)
    for number in (3, 1, 2):
        store.save(a_run(number))
    store.save(a_run(9, file="/other.yaml"))
    store.flush()
    assert [r.id for r in store.runs()] == ["run-1", "run-2", "run-3", "run-9"]
    latest = store.latest_for_file("/sessions/figure-four.yaml")
    assert latest is not None
    assert latest.id == "run-3"
    assert store.latest_for_file("/nowhere.yaml") is None
    store.close()


def test_delete_removes_one_run(database: Path) -> None:
    store = PracticeStore(database)
    store.save(a_run(1))
    store.save(a_run(2))
    store.delete("run-1").result()
    assert [r.id for r in store.runs()] == ["run-2"]
    store.close()


def test_adding_runs_skips_those_already_there(database: Path) -> None:
    store = PracticeStore(database)
    store.save(a_run(1, note="mine"))
    added = store.add_runs([a_run(1, note="imported"), a_run(2)]).result()
    assert added == 1
    assert [r.note for r in store.runs()] == ["mine", ""]
    store.close()


def test_a_failed_write_reaches_its_future_and_the_writer_carries_on(database: Path) -> None:
    store = PracticeStore(database)
    bad = a_run(1, pain_after=11)  # the table's CHECK refuses it
    with pytest.raises(sqlite3.IntegrityError):
        store.save(bad).result()
    store.save(a_run(2)).result()
    assert [r.id for r in store.runs()] == ["run-2"]
    store.close()


def test_a_run_left_running_by_a_dead_process_becomes_interrupted(database: Path) -> None:
    store = PracticeStore(database)
    store.save(a_run(1, outcome=Outcome.RUNNING, ended_at=None, pid=4242, step_index=5))
    store.save(a_run(2, outcome=Outcome.RUNNING, ended_at=None, pid=4343))
    store.close()
    reopened = PracticeStore(database, alive=lambda pid: pid == 4343)
    assert reopened.recovered == 1
    outcomes = {r.id: (r.outcome, r.step_index) for r in reopened.runs()}
    assert outcomes == {"run-1": (Outcome.INTERRUPTED, 5), "run-2": (Outcome.RUNNING, 0)}
    reopened.close()


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda data: b"this is not a database at all" * 200, id="garbage"),
        pytest.param(lambda data: data[: len(data) // 2 + 100], id="truncated"),
        pytest.param(lambda data: data[:100] + b"\xff" * 3000 + data[3100:], id="overwritten"),
    ],
)
def test_a_corrupt_log_is_kept_aside_and_a_new_one_started(database: Path, spoil) -> None:  # type: ignore[no-untyped-def]
    store = PracticeStore(database)
    store.add_runs([a_run(n, note="x" * 400) for n in range(60)]).result()
    store.close()
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    spoiled = spoil(database.read_bytes())
    database.write_bytes(spoiled)
    fresh = PracticeStore(database, now=lambda: NOW)
    kept = database.with_name("practice.sqlite3.corrupt-20260504T030201Z")
    assert kept.read_bytes() == spoiled
    assert fresh.opening_notice is not None
    assert kept.name in fresh.opening_notice
    assert str(database) in fresh.opening_notice
    assert fresh.runs() == []
    assert fresh.integrity() == "ok"
    fresh.close()
    again = PracticeStore(database)
    assert again.opening_notice is None  # told once, not at every start
    again.close()


def test_a_folder_that_cannot_hold_the_log_gives_a_null_log_and_a_reason(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    log, notice = open_practice_log(blocker / "practice.sqlite3")
    assert isinstance(log, NullPracticeLog)
    assert notice is not None
    assert "not recorded" in notice
    assert log.runs() == []
    assert log.add_runs([a_run()]).result() == 0


def test_a_log_from_a_newer_piritimer_is_left_alone(database: Path) -> None:
    database.parent.mkdir(parents=True)
    sqlite3.connect(database).execute("PRAGMA user_version = 99")
    log, notice = open_practice_log(database)
    assert isinstance(log, NullPracticeLog)
    assert notice is not None
    assert "99" in notice
    assert not list(database.parent.glob("*.corrupt-*"))


def test_history_rows_give_the_local_day_newest_first(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        store = PracticeStore(database)
        late = datetime(2025, 12, 31, 10, 30, tzinfo=UTC)  # 23:30 in Auckland (NZDT, +13)
        early = datetime(2025, 12, 31, 11, 30, tzinfo=UTC)  # 00:30 on 1 January there
        second = a_run(2, started_at=early, ended_at=early + timedelta(minutes=10), paused_s=60)
        store.add_runs([a_run(1, started_at=late), second]).result()
        rows = store.history_rows()
        assert [(r.id, r.day) for r in rows] == [("run-2", "2026-01-01"), ("run-1", "2025-12-31")]
        assert rows[0].active_s == pytest.approx(540)
        assert store.session_counts() == [("Figure four", 2, 2)]
        store.close()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_only_a_running_piritimer_keeps_a_run_open(tmp_path: Path) -> None:
    import subprocess
    import sys

    from piritimer.practice.store import process_alive

    sleep = "import time; time.sleep(60)"
    ours = subprocess.Popen([sys.executable, "-c", sleep, "piritimer"])
    other = subprocess.Popen([sys.executable, "-c", sleep, "something else"])
    try:
        assert process_alive(ours.pid)
        assert not process_alive(other.pid)  # a reused number is not a piritimer
        assert process_alive(other.pid, proc=tmp_path / "no-proc-here")  # no /proc: the number
    finally:
        for process in (ours, other):
            process.kill()
            process.wait()
    assert not process_alive(ours.pid)
