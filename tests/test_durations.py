"""Reading and writing lengths of time: every form a person may write, and every refusal."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from piritimer.core.durations import (
    MAX_STEP_S,
    Breaths,
    DurationError,
    format_clock,
    format_duration,
    parse_duration,
    parse_hold,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30", 30),
        ("2.5", 2.5),
        (" 45 ", 45),
        ("30s", 30),
        ("30 s", 30),
        ("30S", 30),
        ("30 sec", 30),
        ("30 secs", 30),
        ("1 second", 1),
        ("30 seconds", 30),
        ("2m", 120),
        ("2 min", 120),
        ("2 mins", 120),
        ("1 minute", 60),
        ("2 minutes", 120),
        ("1m30s", 90),
        ("1m 30s", 90),
        ("1 min 30 s", 90),
        ("1 Min 30 Sec", 90),
        ("1.5m", 90),
        ("1h", 3600),
        ("1 hr", 3600),
        ("2 hrs", 7200),
        ("1 hour", 3600),
        ("2 hours", 7200),
        ("1h2m3s", 3723),
        ("1h 30s", 3630),
        ("1:30", 90),
        ("0:10", 10),
        ("10:00", 600),
        ("0:02.5", 2.5),
        ("1:00:00", 3600),
        ("1:02:03", 3723),
        ("3h", MAX_STEP_S),
        ("3:00:00", MAX_STEP_S),
        ("0.5", 0.5),
    ],
)
def test_valid_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "found nothing"),
        ("   ", "found nothing"),
        ("0", "longer than zero"),
        ("0s", "longer than zero"),
        ("0:00", "longer than zero"),
        ("0m0s", "longer than zero"),
        ("-5", "cannot be negative"),
        ("-5s", "cannot be negative"),
        ("- 1:30", "cannot be negative"),
        ("3h1s", "longer than 3 hours"),
        ("181m", "longer than 3 hours"),
        ("3:00:01", "longer than 3 hours"),
        ("99999999999", "longer than 3 hours"),
        ("0.1", "shorter than 0.5 seconds"),
        ("0.0001s", "shorter than 0.5 seconds"),
        ("9" * 5000, "this one is 5,000 characters long"),
        ("1:" + "9" * 5000 + ":00", "this one is 5,005 characters long"),
        ("1:60", "seconds and minutes go to 59"),
        ("1:75", "seconds and minutes go to 59"),
        ("1:60:00", "seconds and minutes go to 59"),
        ("30x", "unknown unit 'x'"),
        ("3 weeks", "unknown unit 'weeks'"),
        ("1e3", "write numbers in plain digits"),
        ("0x10", "write numbers in plain digits"),
        ("30s 1m", "repeats or reorders units"),
        ("1m1m", "repeats or reorders units"),
        ("30s30s", "repeats or reorders units"),
        ("banana", "is not a duration"),
        ("half a minute", "is not a duration"),
        (".5", "write numbers in plain digits"),
        ("5.", "write numbers in plain digits"),
        ("1:5", "is not a duration"),
        ("1::30", "is not a duration"),
        ("s", "is not a duration"),
        ("1m30", "is not a duration"),
        ("nan", "is not a duration"),
        ("inf", "is not a duration"),
        ("+5", "write numbers in plain digits"),
        ("5 breaths", "unknown unit 'breaths'"),
        ("٣٠", "is not a duration"),  # Arabic-Indic digits: float() reads them, editors do not
    ],
)
def test_invalid_durations(text: str, message: str) -> None:
    with pytest.raises(DurationError, match=message.replace("(", r"\(")):
        parse_duration(text)


def test_error_messages_quote_what_was_written() -> None:
    with pytest.raises(DurationError, match=r"'Half A Minute' is not a duration; write e\.g\. 30"):
        parse_duration("Half A Minute")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 breaths", Breaths(5)),
        ("5breaths", Breaths(5)),
        ("1 breath", Breaths(1)),
        ("  12 Breaths ", Breaths(12)),
        ("30s", 30.0),
        ("1:30", 90.0),
        ("45", 45.0),
    ],
)
def test_parse_hold(text: str, expected: float | Breaths) -> None:
    assert parse_hold(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0 breaths", "at least 1 breath"),
        ("1.5 breaths", "unknown unit 'breaths'"),
        ("-2 breaths", "cannot be negative"),
        ("breaths", "is not a duration"),
        ("five breaths", "is not a duration"),
        ("0", "longer than zero"),
    ],
)
def test_parse_hold_refuses(text: str, message: str) -> None:
    with pytest.raises(DurationError, match=message):
        parse_hold(text)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0s"),
        (1, "1s"),
        (45, "45s"),
        (59, "59s"),
        (60, "1m"),
        (61, "1m01s"),
        (90, "1m30s"),
        (600, "10m"),
        (3599, "59m59s"),
        (3600, "1h00m"),
        (3900, "1h05m"),
        (10800, "3h00m"),
        (2.5, "2.5s"),
        (0.25, "0.25s"),
        (59.5, "59.5s"),
        (89.6, "1m30s"),  # past a minute, fractions round to whole seconds
        (30.0000000001, "30s"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (0.2, "0:01"),  # a countdown shows 0:01 until the last moment, never 0:00 early
        (1, "0:01"),
        (1.0000000001, "0:01"),
        (59.5, "1:00"),
        (60, "1:00"),
        (90, "1:30"),
        (600, "10:00"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3723, "1:02:03"),
        (36000, "10:00:00"),
        (-5, "0:00"),
    ],
)
def test_format_clock(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


@given(st.integers(min_value=1, max_value=MAX_STEP_S))
def test_format_duration_of_whole_seconds_below_an_hour_reads_back(seconds: int) -> None:
    text = format_duration(seconds)
    if seconds < 3600:
        assert parse_duration(text) == seconds
    else:  # hours are shown to the minute: "1h05m" reads back as the whole minutes
        assert parse_duration(text) == seconds - seconds % 60


@given(st.integers(min_value=1, max_value=MAX_STEP_S))
def test_format_clock_of_whole_seconds_reads_back(seconds: int) -> None:
    assert parse_duration(format_clock(seconds)) == seconds


@given(
    st.integers(min_value=0, max_value=2),
    st.integers(min_value=0, max_value=59),
    st.integers(min_value=0, max_value=59),
    st.sampled_from(["", " "]),
)
def test_any_units_form_equals_its_clock_form(
    hours: int, minutes: int, secs: int, gap: str
) -> None:
    total = hours * 3600 + minutes * 60 + secs
    parts = [f"{n}{gap}{u}" for n, u in ((hours, "h"), (minutes, "m"), (secs, "s")) if n]
    assume(parts)
    assert parse_duration(gap.join(parts)) == total
    assert parse_duration(f"{hours}:{minutes:02d}:{secs:02d}") == total


@given(st.floats(min_value=0.5, max_value=59.99, allow_nan=False))
def test_fractional_seconds_format_and_read_back_close(seconds: float) -> None:
    assert parse_duration(format_duration(seconds)) == pytest.approx(seconds, rel=1e-5)
