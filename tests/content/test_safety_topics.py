"""Every bundled session carries the safety topics a careful clinician would ask for.

The check reads the text, topic by topic. A topic is a few keyword groups; it is covered when
every group has at least one of its words in the session's safety note (or, for the rolling
explanation, its notes). Some topics apply only where they matter: the roller caution where a
roller is handed out, the joint-replacement caution where pigeon appears. Where a caution comes
from a source page, one of the session's ``sources:`` must say so in its note.

Words are matched in lower case with runs of white space and hyphens made single spaces, so
"foam-roll" and "foam roll", or a line break inside a phrase, match alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from piritimer import paths
from piritimer.core.loader import load_session
from piritimer.core.model import Session

SESSION_FILES = sorted(paths.bundled_sessions_dir().glob("*.yaml"))

Groups = tuple[tuple[str, ...], ...]


def normalised(text: str | None) -> str:
    return " ".join(re.sub(r"[-\s]+", " ", (text or "").lower()).split())


def covers(text: str, groups: Groups) -> bool:
    return all(any(normalised(word) in text for word in group) for group in groups)


def _always(_: Session) -> bool:
    return True


def _hands_out_a_roller(session: Session) -> bool:
    return any("roller" in normalised(" ".join(e.setup)) for e in session.exercises)


def _has_pigeon(session: Session) -> bool:
    return any("pigeon" in e.name.lower() for e in session.exercises)


def _stretches_the_piriformis(session: Session) -> bool:
    # A minute's demo is a tour of the app, not a treatment; its note still sends people to a
    # doctor, which the general topic checks.
    if "demo" in session.tags:
        return False
    return any(word in e.name.lower() for e in session.exercises for word in ("figure", "pigeon"))


def _rolls_and_cites_the_trainer(session: Session) -> bool:
    return _hands_out_a_roller(session) and any(
        "roll" in normalised(s.note) for s in session.sources if s.site == "Westerfeld Fitness"
    )


@dataclass(frozen=True)
class Topic:
    name: str
    groups: Groups
    applies: Callable[[Session], bool] = _always
    in_notes: bool = False
    """Look in the session's notes (shown in the preview) instead of its safety note."""
    credit: Groups = ()
    """Words one source's note must hold, when the caution comes from a source."""


TOPICS = (
    Topic("stop on sharp pain", (("stop",), ("sharp pain",))),
    Topic(
        "stop on numbness or tingling only when new or worse",
        (("numbness", "numb"), ("tingling",), ("new or worse", "worse than usual")),
    ),
    Topic(
        "get help at once: bladder or bowel, saddle area, a weakening leg",
        (
            ("bladder",),
            ("bowel",),
            ("saddle",),
            ("weaker", "weakness"),
            ("straight away", "at once", "immediately", "urgently"),
        ),
    ),
    Topic(
        "pregnant or nursing: consult first",
        (("pregnant",), ("breastfeeding", "nursing"), ("ask", "consult", "check with")),
        credit=(("pregnant", "pregnancy"), ("nursing", "breastfeeding")),
    ),
    Topic(
        "not medical advice; see a professional",
        (("not medical advice",), ("doctor", "physiotherapist")),
    ),
    Topic(
        "never foam-roll the piriformis itself",
        (("never foam roll the piriformis", "do not foam roll over the piriformis"),),
        applies=_hands_out_a_roller,
        credit=(("foam roll", "foam roller"), ("piriformis",)),
    ),
    Topic(
        "why the roller is not rolled, though the trainer's page lists rolling",
        (("trainer",), ("rolling",), ("guard",)),
        applies=_rolls_and_cites_the_trainer,
        in_notes=True,
    ),
    Topic(
        "rule out lower back and sacroiliac causes",
        (("lower back", "lumbar"), ("sacroiliac", "si joint")),
        applies=_stretches_the_piriformis,
        credit=(("lower back", "lumbar"), ("sacroiliac",)),
    ),
    Topic(
        "pigeon after a hip or knee replacement",
        (("pigeon",), ("replacement",), ("hip",), ("knee",)),
        applies=_has_pigeon,
    ),
)


def missing_topics(session: Session) -> list[str]:
    """The topics ``session`` should cover and does not, each with what is lacking."""
    safety = normalised(session.safety)
    notes = normalised(session.notes)
    problems: list[str] = []
    for topic in TOPICS:
        if not topic.applies(session):
            continue
        if not covers(notes if topic.in_notes else safety, topic.groups):
            where = "notes" if topic.in_notes else "safety note"
            problems.append(f"{topic.name} — not in the {where}")
        elif topic.credit and not any(
            covers(normalised(s.note), topic.credit) for s in session.sources
        ):
            problems.append(f"{topic.name} — no source's note credits it")
    # "Stop on tingling" would stop many people with sciatica before they start: every
    # sentence that names tingling must say new or worse.
    for sentence in re.split(r"(?<=[.;:])\s", safety):
        if "tingling" in sentence and not covers(sentence, TOPICS[1].groups[2:]):
            problems.append(f"tingling without 'new or worse' — {sentence!r}")
    return problems


def _load(path: Path) -> Session:
    result = load_session(path)
    assert result.session is not None, [str(d) for d in result.diagnostics]
    return result.session


@pytest.mark.parametrize("path", SESSION_FILES, ids=[p.name for p in SESSION_FILES])
def test_every_bundled_session_covers_its_safety_topics(path: Path) -> None:
    assert missing_topics(_load(path)) == []


def _session(tmp_path: Path, text: str) -> Session:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return _load(path)


def test_the_check_names_every_topic_a_bare_session_lacks(tmp_path: Path) -> None:
    session = _session(
        tmp_path,
        "title: Bare\n"
        "safety: Stop on sharp pain, numbness or tingling.\n"
        "exercises:\n"
        "  - name: Pigeon\n"
        "    setup: Sit on a foam roller\n"
        "    hold: 30s\n",
    )
    problems = missing_topics(session)
    names = {problem.split(" — ")[0] for problem in problems}
    assert names == {topic.name for topic in TOPICS if topic.applies(session)} - {
        "stop on sharp pain"
    } | {"tingling without 'new or worse'"}


def test_a_caution_from_a_source_must_be_credited(tmp_path: Path) -> None:
    session = _session(
        tmp_path,
        "title: Uncredited\n"
        "safety: >-\n"
        "  Stop on sharp pain, or on numbness or tingling that is new or worse. Get help\n"
        "  straight away on loss of bladder or bowel control, saddle numbness or a leg that\n"
        "  grows weaker. If pregnant or breastfeeding, ask a doctor first. Not medical advice.\n"
        "sources:\n"
        "  - title: A page\n"
        "    site: Somewhere\n"
        "    note: The hold time.\n"
        "exercises:\n"
        "  - name: Knee hug\n"
        "    hold: 30s\n",
    )
    assert missing_topics(session) == [
        "pregnant or nursing: consult first — no source's note credits it"
    ]


def test_words_match_across_hyphens_and_line_breaks() -> None:
    text = normalised("Never foam-roll the\n  piriformis itself.")
    assert covers(text, (("never foam roll the piriformis",),))
