"""One truth: generated sessions, valid and broken, checked by the loader and by ``jsonschema``.

Every file the loader accepts, the schema accepts (read as an editor reads it, YAML 1.2). When
the schema accepts a file the loader refuses, every one of the loader's errors must be one that
JSON Schema cannot express; those are listed in ``INEXPRESSIBLE`` and in
docs/session-format.md ("What the schema cannot check").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import jsonschema
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from piritimer.core import spec
from piritimer.core.loader import load_session_bytes
from piritimer.core.schema import session_schema
from piritimer.core.spec import Field, Kind, Section
from tests import yaml12

VALIDATOR = jsonschema.Draft202012Validator(session_schema())

INEXPRESSIBLE = {
    "a whole session's length or step count": re.compile(r"this session would (last|have)"),
    "that an image exists": re.compile(r"`image`: image .* not found"),
    "how a number is spelt (1e2, +30, .5, 3.0)": re.compile(r"write numbers in plain digits"),
    "the 0.5 s to 3 h range of a duration written as text": re.compile(
        r"is (shorter than 0\.5 seconds|longer than 3 hours)"
    ),
    "values of more than 40 characters": re.compile(r"characters long|digits long"),
    "that a range goes up (a pattern cannot compare its two ends)": re.compile(
        r"the range .* (goes down|has one value)"
    ),
    "which range a `progression:` step moves (its unit must fit the ranged value)": re.compile(
        r"`(reps )?step` (moves|counts)"
    ),
    "where a rest item sits (first, or two in a row)": re.compile(
        r"rest item needs an exercise|two rests in a row"
    ),
}


@dataclass(frozen=True)
class Scalar:
    text: str
    quoted: bool = False


Tree = Scalar | list["Tree"] | dict[str, "Tree"]


def _plain_ok(text: str) -> bool:
    """True when ``key: text`` reads back as exactly ``text``, written plain."""
    try:
        node = yaml.compose(f"k: {text}\n", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    value = node.value[0][1] if isinstance(node, yaml.MappingNode) else None
    return isinstance(value, yaml.ScalarNode) and not value.style and value.value == text


def _scalar(value: Scalar) -> str:
    if value.quoted or not _plain_ok(value.text):
        return json.dumps(value.text)  # a JSON string is a YAML double-quoted scalar
    return value.text


def emit(tree: Tree, indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(tree, dict):
        for key, value in tree.items():
            if isinstance(value, Scalar):
                lines.append(f"{pad}{key}: {_scalar(value)}".rstrip())
            elif not value:
                lines.append(f"{pad}{key}: {'{}' if isinstance(value, dict) else '[]'}")
            else:
                lines += [f"{pad}{key}:", *emit(value, indent + 2)]
    elif isinstance(tree, list):
        for item in tree:
            if isinstance(item, Scalar):
                lines.append(f"{pad}- {_scalar(item)}".rstrip())
            elif not item:
                lines.append(f"{pad}- {'{}' if isinstance(item, dict) else '[]'}")
            else:
                inner = emit(item, indent + 2)
                lines += [f"{pad}- {inner[0].lstrip()}", *inner[1:]]
    return lines


_DURATIONS = ["30s", "1m30s", "1:30", "45", "2.5", "1 min 30 s", "0:10", "3h", "1.5h", "90 SEC"]
_BAD_DURATIONS = ["0", "0s", "-5s", "half a minute", "1:90", "4h", "30s 1m", "5:00:00", "1m30"]
_ODD_DURATIONS = ["0.4", "0.1", "1e2", "+30", ".5", "200:00", "3h30m", ".inf", "20000", "0:00.2"]
_COUNTS = ["1", "3", "12", "+2", "007"]
_BAD_COUNTS = ["0", "1.5", "three", "1001", "-1", "3.0", "0x3", "1000", ""]
_TEXTS = ["Figure four", "yes", "2015", "1:30", "x", "Lie down, knees bent", "null text"]
_BAD_TEXTS = ["", "   ", "~"]
VALUES: dict[Kind, tuple[list[str], list[str]]] = {
    Kind.TEXT: (_TEXTS, _BAD_TEXTS),
    Kind.COUNT: (_COUNTS, _BAD_COUNTS),
    Kind.DURATION: (_DURATIONS, _BAD_DURATIONS + _ODD_DURATIONS + ["none"]),
    Kind.DURATION_OR_NONE: (
        [*_DURATIONS, "none", "None", "off", "NO", "false", "False"],
        _BAD_DURATIONS + _ODD_DURATIONS + ["true", "wait"],
    ),
    Kind.DURATION_OR_WAIT: (
        [*_DURATIONS, "wait", "WAIT"],
        _BAD_DURATIONS + _ODD_DURATIONS + ["none"],
    ),
    Kind.HOLD: (
        [*_DURATIONS, "5 breaths", "1 breath", "12 Breaths"],
        _BAD_DURATIONS + _ODD_DURATIONS + ["0 breaths", "1001 breaths", "5 breathes"],
    ),
    Kind.COUNT_OR_RANGE: (
        [*_COUNTS, "5 to 10", "2 TO 3"],
        [*_BAD_COUNTS, "10 to 5", "5 to 5", "5-10", "5 to", "0 to 3", "5 to ten"],
    ),
    Kind.HOLD_OR_RANGE: (
        [*_DURATIONS, "5 breaths", "30s to 60s", "1m to 1m30s", "5 to 8 breaths"],
        [*_BAD_DURATIONS, "60s to 30s", "30s to 8 breaths", "0s to 30s", "30s-60s", "to 60s"],
    ),
    Kind.PLAN: (
        ["daily", "twice a day", "3 times a day", "3 days a week", "once a week", "Weekly"],
        ["now and then", "8 days a week", "13 times a day", "0 times a day", "3 days a month", ""],
    ),
    Kind.LANGUAGE: (
        ["fr", "de-CH", "pt_BR", "es-419", "EN", " fr "],
        ["french", "f", "fr-", "fr CA", "", "1", "fr--CA"],
    ),
    Kind.SWITCH: (
        ["on", "off", "yes", "no", "true", "false", "ON", "No"],
        ["loud", "maybe", "1", ""],
    ),
    Kind.SIDES: (
        [*spec.SIDE_WORDS, "Left then right", "left  only"],
        ["both", "left and right", "", "left"],
    ),
    Kind.VERSION: (["1", "1.0", "1.00"], ["2", "1.5", "one", "1e0", "+1", "0"]),
    Kind.IMAGE: (["wall-thigh-squeeze.svg"], ["no-such-picture.png", ""]),
    Kind.URL: (
        ["https://example.org/x", "HTTP://x.y"],
        ["ftp://x", "https://", "example.org", "https://a b"],
    ),
}


def scalar_value(kind: Kind, broken: bool) -> st.SearchStrategy[Tree]:
    good, bad = VALUES.get(kind, (_TEXTS, _BAD_TEXTS))
    texts = st.sampled_from(good)
    if broken:  # mostly good values, so that a broken file often has one mistake alone
        texts = st.one_of(*[texts] * 6, st.sampled_from(bad))
    return st.builds(Scalar, texts, st.booleans())


def field_value(field: Field, broken: bool) -> st.SearchStrategy[Tree]:
    kind = field.kind
    if kind is Kind.TEXT_LIST:
        items = st.lists(scalar_value(Kind.TEXT, broken), max_size=3)
        return st.one_of(scalar_value(Kind.TEXT, broken), items)
    if kind is Kind.SECTION:
        assert field.section is not None
        return section_value(field.section, broken)
    if kind is Kind.SOURCES:
        assert field.section is not None
        item = st.one_of(scalar_value(Kind.TEXT, broken), section_value(field.section, broken))
        return st.lists(item, max_size=2)
    if kind is Kind.SECTION_LIST:
        assert field.section is not None
        return st.lists(section_value(field.section, broken), min_size=1, max_size=3)
    return scalar_value(kind, broken)


def section_value(section: Section, broken: bool) -> st.SearchStrategy[Tree]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Tree]:
        mapping: dict[str, Tree] = {}
        for field in section.fields:
            wanted = field.required and not (broken and draw(st.integers(0, 9)) == 0)
            if section is spec.EXERCISE and field.key in ("hold", "breathing") and not broken:
                continue  # the work is chosen below, so that a valid exercise has one
            if wanted or draw(st.integers(0, 3)) == 0:
                mapping[field.key] = draw(field_value(field, broken))
        if section is spec.EXERCISE:
            mapping.update(draw(work(broken)))
        if broken and draw(st.integers(0, 9)) == 0:
            mapping[draw(st.sampled_from(["cycles", "inhale", "rest", "holdd", "Name"]))] = Scalar(
                "3"
            )
        if broken and mapping and draw(st.integers(0, 9)) == 0:
            key = draw(st.sampled_from(sorted(mapping)))
            mapping[key] = draw(st.sampled_from([Scalar(""), [Scalar("x")], {"a": Scalar("b")}]))
        return mapping

    return build()


def work(broken: bool) -> st.SearchStrategy[dict[str, Tree]]:
    hold = scalar_value(Kind.HOLD, broken)
    pace = st.fixed_dictionaries(
        {},
        optional={"inhale": scalar_value(Kind.DURATION, broken), "exhale": st.just(Scalar("6s"))},
    )
    cycles = st.fixed_dictionaries({"cycles": scalar_value(Kind.COUNT, broken)})
    breathing_with_cycles = st.builds(lambda p, c: {**p, **c}, pace, cycles)
    options = [
        st.fixed_dictionaries({"hold": hold}),
        st.fixed_dictionaries({"breathing": breathing_with_cycles}),
        st.fixed_dictionaries({"hold": st.just(Scalar("5 breaths")), "breathing": pace}),
    ]
    if broken:
        options += [
            st.just({}),
            st.fixed_dictionaries({"hold": hold, "breathing": breathing_with_cycles}),
            st.fixed_dictionaries({"breathing": pace}),
            st.fixed_dictionaries({"hold": hold, "breathing": pace}),
        ]
    return st.one_of(options)


sessions = st.booleans().flatmap(lambda broken: section_value(spec.SESSION, broken))


def check(text: str) -> None:
    result = load_session_bytes(text)
    data = yaml12.load(text)
    schema_errors = [error.message for error in VALIDATOR.iter_errors(data)]
    if result.ok:
        assert not schema_errors, f"piritimer accepts, the schema refuses:\n{text}\n{schema_errors}"
        return
    if schema_errors:
        return
    expressible = [
        str(d)
        for d in result.errors
        if not any(rule.search(d.message) for rule in INEXPRESSIBLE.values())
    ]
    assert not expressible, f"piritimer refuses, the schema accepts:\n{text}\n{expressible}"


# Building a tree and its YAML is slow next to a loader's check; the machine is shared.
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
@example({"title": Scalar("T"), "exercises": [{"name": Scalar("A"), "hold": Scalar("30s")}]})
def test_loader_and_schema_agree(tree: dict[str, Tree]) -> None:
    check("\n".join(emit(tree)) + "\n")


def test_the_emitter_writes_what_the_tree_says() -> None:
    tree: dict[str, Any] = {
        "title": Scalar("no"),
        "tags": [Scalar("a"), Scalar("1:30", quoted=True)],
        "exercises": [{"name": Scalar("A"), "hold": Scalar("")}],
    }
    text = "\n".join(emit(tree)) + "\n"
    assert text == 'title: no\ntags:\n  - a\n  - "1:30"\nexercises:\n  - name: A\n    hold:\n'
    assert yaml12.load(text)["title"] == "no"


def _one_value_sessions() -> list[tuple[str, dict[str, Tree]]]:
    """A small valid session with one value changed, for every key and every value above."""

    def base(**exercise: Tree) -> dict[str, Tree]:
        return {
            "title": Scalar("T"),
            "exercises": [{"name": Scalar("A"), **(exercise or {"hold": Scalar("30s")})}],
        }

    def values(field: Field) -> list[Scalar]:
        good, bad = VALUES.get(field.kind, (_TEXTS, _BAD_TEXTS))
        return [Scalar(text, quoted) for text in good + bad for quoted in (False, True)]

    cases: list[tuple[str, dict[str, Tree]]] = []
    for field in spec.SESSION.fields:
        if field.kind in (Kind.SECTION, Kind.SECTION_LIST, Kind.SOURCES):
            continue
        for value in values(field):
            tree = base()
            tree[field.key] = [value] if field.kind is Kind.TEXT_LIST else value
            cases.append((f"{field.key}={value}", tree))
    nested: list[tuple[str, Section, Any]] = [
        ("defaults", spec.DEFAULTS, lambda f, v: {**base(), "defaults": {f: v}}),
        (
            "pattern",
            spec.BREATH_PATTERN,
            lambda f, v: {**base(), "defaults": {"breathing": {f: v}}},
        ),
        ("exercise", spec.EXERCISE, lambda f, v: base(**{"hold": Scalar("30s"), f: v})),
        (
            "breathing",
            spec.BREATHING,
            lambda f, v: base(breathing={"cycles": Scalar("3"), f: v}),
        ),
        ("cues", spec.CUES, lambda f, v: base(hold=Scalar("30s"), cues={f: v})),
        ("source", spec.SOURCE, lambda f, v: {**base(), "sources": [{"title": Scalar("S"), f: v}]}),
    ]
    for where, section, make in nested:
        for field in section.fields:
            if field.kind in (Kind.SECTION, Kind.SECTION_LIST, Kind.SOURCES, Kind.TEXT_LIST):
                continue
            for value in values(field):
                cases.append((f"{where}.{field.key}={value}", make(field.key, value)))
    return cases


ONE_VALUE = _one_value_sessions()


def test_every_single_value_change_agrees() -> None:
    """Exhaustive where the generated test samples: each listed value, alone, at each key."""
    assert len(ONE_VALUE) > 500
    for _name, tree in ONE_VALUE:
        check("\n".join(emit(tree)) + "\n")
