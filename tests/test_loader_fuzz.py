"""Whatever bytes arrive, the loader answers with diagnostics, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
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


@settings(max_examples=300)
@given(st.dictionaries(keys, values, max_size=8))
def test_structured_nonsense_gets_diagnostics_not_exceptions(document: dict[str, object]) -> None:
    result = load_session_bytes(dump(document), label="fuzz.yaml")
    assert all(INTERNAL_ERROR not in d.message for d in result.diagnostics), result.diagnostics
    assert result.ok or result.diagnostics


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_random_bytes_get_diagnostics_not_exceptions(data: bytes) -> None:
    result = load_session_bytes(data, label="fuzz.yaml")
    assert all(INTERNAL_ERROR not in d.message for d in result.diagnostics)
    assert not result.ok
    assert result.diagnostics
