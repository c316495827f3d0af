"""When reminders are due: times, weekdays, and daylight-saving changes, on a given clock."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piritimer.core.reminders import (
    EVERY_DAY,
    WEEKDAYS,
    ReminderTimes,
    next_reminder,
    parse_times,
    wall_time,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def local(zone: ZoneInfo, *parts: int, fold: int = 0) -> datetime:
    return datetime(*parts, tzinfo=zone, fold=fold)  # type: ignore[misc]


def at(*times: str, days: frozenset[int] = EVERY_DAY) -> ReminderTimes:
    return ReminderTimes(parse_times(", ".join(times)), days)


def test_later_today_then_tomorrow() -> None:
    morning_evening = at("08:00", "18:30")
    after = local(BERLIN, 2026, 5, 4, 9, 0)
    assert next_reminder([morning_evening], after, BERLIN) == local(BERLIN, 2026, 5, 4, 18, 30)
    after = local(BERLIN, 2026, 5, 4, 18, 30)  # strictly after: the one now is done
    assert next_reminder([morning_evening], after, BERLIN) == local(BERLIN, 2026, 5, 5, 8, 0)


def test_only_on_chosen_days() -> None:
    weekdays = at("07:00", days=WEEKDAYS)
    friday_evening = local(BERLIN, 2026, 5, 8, 20, 0)
    assert next_reminder([weekdays], friday_evening, BERLIN) == local(BERLIN, 2026, 5, 11, 7, 0)


def test_the_earliest_of_several_sessions() -> None:
    reminders = [at("18:00"), at("12:00", days=frozenset({0})), at("10:00", days=frozenset({3}))]
    monday_morning = local(BERLIN, 2026, 5, 4, 9, 0)
    assert next_reminder(reminders, monday_morning, BERLIN) == local(BERLIN, 2026, 5, 4, 12, 0)


def test_nothing_to_remind() -> None:
    assert next_reminder([], datetime(2026, 1, 1, tzinfo=UTC), BERLIN) is None
    assert next_reminder([at()], datetime(2026, 1, 1, tzinfo=UTC), BERLIN) is None
    assert next_reminder([at("8:00", days=frozenset())], datetime.now(UTC), BERLIN) is None


def test_a_time_in_the_spring_forward_gap_is_due_as_far_after_it() -> None:
    # 29 March 2026: Berlin's clocks go from 02:00 to 03:00.
    reminder = at("02:30", "03:15")
    after = local(BERLIN, 2026, 3, 29, 1, 0)
    first = next_reminder([reminder], after, BERLIN)
    assert first == datetime(2026, 3, 29, 1, 15, tzinfo=UTC)  # 03:15 CEST comes first
    second = next_reminder([reminder], first, BERLIN)  # type: ignore[arg-type]
    assert second == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # "02:30" is 03:30 CEST
    third = next_reminder([reminder], second, BERLIN)  # type: ignore[arg-type]
    assert third == local(BERLIN, 2026, 3, 30, 2, 30)


def test_a_time_that_happens_twice_in_the_autumn_is_due_once() -> None:
    # 25 October 2026: Berlin's clocks go back from 03:00 to 02:00; 02:30 happens twice.
    reminder = at("02:30")
    first = next_reminder([reminder], local(BERLIN, 2026, 10, 25, 0, 0), BERLIN)
    assert first == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    again = next_reminder([reminder], first, BERLIN)  # type: ignore[arg-type]
    assert again == local(BERLIN, 2026, 10, 26, 2, 30)


def test_the_day_keeps_its_wall_time_across_the_change() -> None:
    reminder = at("08:00")
    before = local(NEW_YORK, 2026, 3, 7, 9, 0)  # Saturday; clocks go forward on Sunday 8th
    sunday = next_reminder([reminder], before, NEW_YORK)
    assert sunday is not None
    assert sunday.astimezone(NEW_YORK).hour == 8
    assert sunday == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)  # 08:00 EDT
    assert sunday - before == timedelta(hours=22)  # 23 hours of wall clock, one of them lost


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("8:00, 18:30", (time(8), time(18, 30))),
        ("18.30 08:00 08:00", (time(8), time(18, 30))),
        ("", ()),
    ],
)
def test_times_are_read_sorted_without_repeats(text: str, times: tuple[time, ...]) -> None:
    assert parse_times(text) == times


@pytest.mark.parametrize("text", ["8", "24:00", "7:60", "noon", "8:00am"])
def test_times_that_are_not_times(text: str) -> None:
    with pytest.raises(ValueError, match="is not a time of day; write e.g. 08:00"):
        parse_times(text)


zones = st.sampled_from([BERLIN, NEW_YORK, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")])
instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 1, 1), timezones=st.just(UTC)
)
reminder_lists = st.lists(
    st.builds(
        ReminderTimes,
        st.lists(st.times().map(lambda t: t.replace(second=0, microsecond=0)), max_size=4).map(
            lambda ts: tuple(sorted(set(ts)))
        ),
        st.frozensets(st.integers(0, 6)),
    ),
    max_size=3,
)


@given(reminder_lists, instants, zones)
def test_the_next_reminder_is_due_after_now_on_a_chosen_day_and_time(
    reminders: list[ReminderTimes], after: datetime, zone: ZoneInfo
) -> None:
    due = next_reminder(reminders, after, zone)
    if due is None:
        assert all(not r.times or not r.days for r in reminders)
        return
    assert due > after
    assert due - after <= timedelta(days=8)
    assert any(
        wall_time(due.astimezone(zone).date() + timedelta(days=shift), t, zone) == due
        and (due.astimezone(zone).date() + timedelta(days=shift)).weekday() in r.days
        for r in reminders
        for t in r.times
        for shift in (-1, 0, 1)
    )


@given(reminder_lists, instants, st.integers(1, 10**6), zones)
def test_later_now_never_gives_an_earlier_reminder(
    reminders: list[ReminderTimes], after: datetime, later_s: int, zone: ZoneInfo
) -> None:
    first = next_reminder(reminders, after, zone)
    later = after + timedelta(seconds=later_s)
    second = next_reminder(reminders, later, zone)
    if first is not None and second is not None:
        assert second >= first
        if later < first:
            assert second == first  # nothing was skipped between the two
