"""Whatever bytes arrive, the loader answers with diagnostics, never an exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from piritimer.core import spec
from piritimer.core.loader import INTERNAL_ERROR, load_session_bytes

keys = st.sampled_from(
    [f.key for section in (spec.SESSION, spec.EXERCISE, spec.DEFAULTS, spec.BREATHING)
     for f in section.fields] + ["bogus", "rest_after", ""]
)  # fmt: skip
scalars = st.one_of(
    st.sampled_from(["30s", "0", "-1", "1:30", "5 breaths", "wait", "none", "on", "NO", "~", ""]),
    st.integers(-5, 2000),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=25,
)


def dump(value: object) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True)


# Generating deep documents is slow on a loaded 2-core machine; that says nothing about the loader.
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, values, max_size=8))
def test_structured_nonsense_gets_diagnostics_not_exceptions(document: dict[str, object]) -> None:
    result = load_session_bytes(dump(document), label="fuzz.yaml")
    assert all(INTERNAL_ERROR not in d.message for d in result.diagnostics), result.diagnostics
    assert result.ok or result.diagnostics


# Generating deep documents is slow on a loaded 2-core machine; that says nothing about the loader.
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_get_diagnostics_not_exceptions(data: bytes) -> None:
    result = load_session_bytes(data, label="fuzz.yaml")
    assert all(INTERNAL_ERROR not in d.message for d in result.diagnostics)
    assert not result.ok
    assert result.diagnostics


# -- the bench/fuzz.py target, a few thousand cases of it ---------------------------------------


def test_fuzz_target_a_few_thousand_cases_escape_nothing(tmp_path: Path) -> None:
    from bench import fuzz

    tallies = fuzz.run(2_000, seed=7, base_dir=fuzz.picture_folder(tmp_path))
    structured, byte_level = tallies["structured"], tallies["byte-level"]
    assert structured.cases == byte_level.cases == 1_000
    # Both generators must reach past the first checks, or they test nothing deep.
    assert structured.valid > 50
    assert byte_level.valid > 50
    assert structured.refused > 100
    assert byte_level.refused > 100


def test_fuzz_check_catches_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # The target itself must be able to fail: a loader that breaks is reported with its case.
    from bench import fuzz
    from piritimer.core import loader

    def broken(*_: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(loader.SpecReader, "session", broken)
    with pytest.raises(fuzz.EscapedError, match="internal error"):
        fuzz.check_case("title: T\nexercises: [{name: A, hold: 30s}]\n", None)


@pytest.mark.parametrize("value", [
    "9" * 5000, "1:" + "9" * 5000 + ":00", "\x1b[2J", "\u202e", "a" * 5000 + ".png",
    "/proc/self/environ", "../x.png", "0.0001", "1e308",
])  # fmt: skip
def test_hostile_values_in_every_field_get_positioned_messages(value: str) -> None:
    from bench import fuzz

    for section, where in (
        (spec.SESSION, "{key}: {value}\nexercises: [{{name: A, hold: 30s}}]\n"),
        (spec.EXERCISE, "title: T\nexercises:\n  - name: A\n    hold: 30s\n    {key}: {value}\n"),
    ):
        for field in section.fields:
            if field.key in ("title", "exercises", "name", "hold"):
                continue
            text = where.format(key=field.key, value=json.dumps(value))
            fuzz.check_case(text, None)
