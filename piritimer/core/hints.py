"""Suggestions that know the format: where a misplaced key belongs, what a wrong word meant.

A spelling match alone sends ``cycles`` to ``cues`` and ``inhale`` to ``name``; these rules look
at the other sections first, so a key that is right but in the wrong place is told where it goes.
"""

from __future__ import annotations

import difflib

from piritimer.core import spec
from piritimer.core.durations import DurationError, parse_duration
from piritimer.core.i18n import N_, _
from piritimer.core.spec import Section
from piritimer.core.yaml_source import invisible_characters

_IN_EXERCISE = N_("`{key}` goes in an exercise (an item of `exercises:`)")
_TOP = N_("`{key}` belongs at the top level of the file")
_PLACES: dict[str, tuple[tuple[Section, str], ...]] = {
    # section name: (other section, where its keys go), nearest first
    "session": (
        (
            spec.DEFAULTS,
            N_("`{key}` goes under `defaults:` (for every exercise) or in an exercise"),
        ),
        (spec.EXERCISE, _IN_EXERCISE),
        (spec.SOURCE, N_("`{key}` goes in a source, under `sources:`")),
    ),
    "defaults": (
        (spec.BREATH_PATTERN, N_("`{key}` goes under `breathing:` in `defaults:`")),
        (
            spec.BREATHING,
            N_("`{key}` is given per exercise, in its `breathing:`; `defaults:` sets the pace"),
        ),
        (spec.EXERCISE, N_("`{key}` is given per exercise, not in `defaults:`")),
        (spec.SESSION, _TOP),
    ),
    "exercise": (
        (spec.BREATHING, N_("`{key}` goes under the exercise's `breathing:`")),
        (spec.CUES, N_("`{key}` is a cue: it goes under the exercise's `cues:`")),
        (spec.DEFAULTS, N_("`{key}` goes under `defaults:`, at the top level")),
        (spec.SESSION, _TOP),
    ),
    "breathing": ((spec.EXERCISE, N_("`{key}` goes in the exercise, beside `breathing:`")),),
    "breathing pattern": (
        (spec.BREATHING, N_("`{key}` is given per exercise, under its `breathing:`")),
        (spec.DEFAULTS, N_("`{key}` goes directly under `defaults:`")),
    ),
    "cues": ((spec.EXERCISE, N_("`{key}` goes in the exercise, beside `cues:`")),),
    "source": ((spec.SESSION, _TOP),),
}

_REST_KEYS = ("rest between reps", "rest between sets", "rest after")


def _is_duration(text: str | None) -> bool:
    if text is None:
        return False
    try:
        parse_duration(text)
    except DurationError:
        return text.strip().lower() in spec.NONE_WORDS
    return True


def where_key_goes(key: str, section: Section, value: str | None) -> str | None:
    """``"`cycles` goes under the exercise's `breathing:`"``, or None when no section has it.

    ``value`` is the text written after the key (None for a list or mapping): ``inhale: 4s``
    belongs in ``breathing:``, ``inhale: fill the belly`` in ``cues:``.
    """
    if section is spec.EXERCISE and key == "rest" and _is_duration(value):
        return _("`rest` alone is not a key; write `{first}`, `{second}` or `{third}`").format(
            first=_REST_KEYS[0], second=_REST_KEYS[1], third=_REST_KEYS[2]
        )
    places = [(other, where) for other, where in _PLACES.get(section.name, ()) if key in other.keys]
    if not places:
        return None
    if section is spec.EXERCISE and len(places) > 1 and places[0][0] is spec.BREATHING:
        if not _is_duration(value):  # `exhale: let go` is a cue, `exhale: 6s` a breath
            places = [p for p in places if p[0] is not spec.BREATHING] or places
    return _(places[0][1]).format(key=key)


def invisible_in_key(key: str) -> str | None:
    """What is wrong with a key that holds characters which look like a space, or like nothing."""
    found = invisible_characters(key, in_key=True)
    if not found:
        return None
    return _("the key holds {found}; retype it with ordinary spaces").format(found=found)


_SIDE_SYNONYMS = {
    "both sides": spec.SIDE_WORDS[1],
    "each side": spec.SIDE_WORDS[1],
    "left and right": spec.SIDE_WORDS[1],
    "right and left": spec.SIDE_WORDS[2],
    "left": spec.SIDE_WORDS[3],
    "right": spec.SIDE_WORDS[4],
    "neither": spec.SIDE_WORDS[0],
}


def nearest_word(word: str, words: tuple[str, ...]) -> str | None:
    """The valid word ``word`` most probably meant (synonyms for sides, then spelling)."""
    normal = " ".join(word.strip().lower().split())
    if words == spec.SIDE_WORDS and normal in _SIDE_SYNONYMS:
        return _SIDE_SYNONYMS[normal]
    close = difflib.get_close_matches(normal, words, n=1, cutoff=0.5)
    return close[0] if close else None
