"""Fuzz the session loader as a stranger would: every file gets diagnostics, never a traceback.

Two generators, run in turn:

* structured: a bundled session read into Python values, then mutated (values swapped for
  hostile ones: 5,000-digit numbers, escape sequences, bidi overrides, markup, absolute and
  climbing image paths, links, pipes; keys dropped, added or misspelt; lists multiplied;
  nesting deepened) and written back as YAML, so most cases reach deep into the checks;
* byte-level: a bundled file's bytes mutated (flips, inserts of YAML syntax and hostile bytes,
  cuts, repeats), or plain random bytes, so the YAML and UTF-8 layers are hit too.

Each case runs the loader, and for a valid session the timeline compile and the ``show`` table;
it must raise nothing, give no "internal error" diagnostic, pin every diagnostic to
``label:line:col`` (both >= 1), render no terminal control characters, and the loader's
arithmetic session length (which enforces the 6-hour bound) must equal the timeline's.

Run: python bench/fuzz.py [--cases 100000] [--seed 1]
"""

from __future__ import annotations

import argparse
import copy
import math
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from piritimer import paths  # noqa: E402
from piritimer.core import spec  # noqa: E402
from piritimer.core.loader import INTERNAL_ERROR, load_session_bytes  # noqa: E402
from piritimer.core.timeline import compile_session, total_seconds  # noqa: E402
from piritimer.core.timeline_table import render_table  # noqa: E402

LABEL = "fuzz.yaml"
_DUMPER: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_POSITION = re.compile(rf"^{re.escape(LABEL)}:(\d+):(\d+): ")
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE_VALUES: tuple[Any, ...] = (
    "30s", "0", "-1", "0.1", "0.0001", "0.5", "3h", "3h1s", "1:30", "1:99:99", "59:59",
    "9" * 5000, "1:" + "9" * 5000 + ":00", "9" * 5000 + " breaths", "5 breaths", "1001 breaths",
    "wait", "none", "on", "off", "NO", "~", "", " ", "1e308", "nan", "inf",
    "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "line\rover", "\x00", "\x7f", "\x85", "\x9b",
    "turn \u202etfel", "\u2066isolate\u2069", "\u05e9\u05dc\u05d5\u05dd\u200f",
    '<img src="/dev/zero">', "<table><tr><td>x</td></tr></table>", "<a href='file:///'>x</a>",
    "/proc/self/environ", "/dev/zero", "../../etc/passwd.png", "pictures/../../x.svg",
    "~/photo.jpg", "C:\\Windows\\x.png", "a" * 300 + ".png", "knee.png", "drawing.svg",
    "link-out.png", "pipe.png", "empty.png", "loop.png", "missing.png", "figure-four.svg",
    "javascript:alert(1)", "file:///etc/passwd", "https://example.org/x", "http://x y",
    "left then right", "both", "rigth", "1", "1000", "1001", "2" * 50,
    None, True, False, 0, -5, 1.5, 10**30, 1e308, [], {}, [1, 2], {"a": 1},
)  # fmt: skip
KEYS = tuple(
    {f.key for s in (spec.SESSION, spec.EXERCISE, spec.DEFAULTS, spec.BREATHING, spec.SOURCE,
                     spec.CUES) for f in s.fields}
) + ("bogus", "rest_after", "Hold", "", "k" * 1000, "\u202ekey", "<b>key</b>")  # fmt: skip
INSERTS: tuple[bytes, ...] = (
    b"&a ", b"*a", b"!!python/object:os.system ", b"!!binary ", b"{", b"}", b"[", b"]", b": ",
    b"- ", b"\t", b"\n", b"\r\n", b"'", b'"', b"\\e", b"\\u202e", b"\\x1b", b"\xff", b"\x00",
    b"\xc3", "\u202e".encode(), "\x85".encode(), b"---\n", b"...\n", b"%YAML 1.1\n", b"#",
    b"? ", b"|\n", b">-\n", b"<<: ", b"9" * 5000, b"[" * 100, b"{a: " * 70,
)  # fmt: skip


@dataclass
class Outcome:
    ok: bool
    diagnostics: int
    first_message: str


class EscapedError(AssertionError):
    """A case broke a rule; the message holds the case for reproducing it."""


def bundled_texts() -> list[bytes]:
    return [p.read_bytes() for p in sorted(paths.bundled_sessions_dir().glob("*.yaml"))]


def picture_folder(root: Path) -> Path:
    """A session folder holding every kind of picture name the generators use."""
    folder = root / "sessions"
    folder.mkdir()
    (folder / "knee.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "drawing.svg").write_text("<svg/>")
    (folder / "empty.png").write_bytes(b"")
    (root / "secret.png").write_bytes(b"secret")
    (folder / "link-out.png").symlink_to(root / "secret.png")
    (folder / "loop.png").symlink_to(folder / "loop.png")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.png")
    return folder


def check_case(data: bytes | str, base_dir: Path | None) -> Outcome:
    """Run one case through loader, compile and table; raise EscapedError if a rule breaks."""
    try:
        result = load_session_bytes(data, label=LABEL, base_dir=base_dir)
        for diagnostic in result.diagnostics:
            text = str(diagnostic)
            match = _POSITION.match(text)
            if match is None or diagnostic.line < 1 or diagnostic.column < 1:
                raise EscapedError(f"diagnostic without file:line:col: {text!r}")
            if INTERNAL_ERROR in diagnostic.message:
                raise EscapedError(f"internal error: {text!r}")
        if result.ok != (not result.errors):
            raise EscapedError("ok disagrees with the errors")
        if result.session is None:
            if not result.diagnostics:
                raise EscapedError("refused without a message")
        else:
            timeline = compile_session(result.session)
            if not math.isclose(total_seconds(result.session), timeline.total_s, rel_tol=1e-9):
                raise EscapedError("the loader's length check disagrees with the timeline")
            table = render_table(timeline)
            if _TERMINAL_CONTROLS.search(table):
                raise EscapedError("the show table holds a terminal control character")
    except EscapedError as error:
        raise EscapedError(f"{error}\ncase: {data!r}"[:4000]) from None
    except Exception as error:  # noqa: BLE001 - the point: nothing may escape
        raise EscapedError(f"{type(error).__name__}: {error}\ncase: {data!r}"[:4000]) from error
    first = result.diagnostics[0].message if result.diagnostics else ""
    return Outcome(result.ok, len(result.diagnostics), first)


# -- structured cases -------------------------------------------------------------------------


def _containers(value: Any, found: list[Any]) -> None:
    if isinstance(value, dict):
        found.append(value)
        for item in value.values():
            _containers(item, found)
    elif isinstance(value, list):
        found.append(value)
        for item in value:
            _containers(item, found)


def _hostile(rng: random.Random) -> Any:
    value = rng.choice(HOSTILE_VALUES)
    return copy.deepcopy(value) if isinstance(value, list | dict) else value


def mutate_document(document: Any, rng: random.Random) -> Any:
    document = copy.deepcopy(document)
    for _ in range(rng.randint(1, 4)):
        containers: list[Any] = []
        _containers(document, containers)
        if not containers:
            return _hostile(rng)
        target = rng.choice(containers)
        move = rng.random()
        if isinstance(target, dict):
            keys = list(target)
            if move < 0.5 and keys:
                target[rng.choice(keys)] = _hostile(rng)
            elif move < 0.65 and keys:
                del target[rng.choice(keys)]
            elif move < 0.85:
                target[rng.choice(KEYS)] = _hostile(rng)
            elif keys:
                key = rng.choice(keys)
                target[key] = {rng.choice(KEYS): target[key]}  # one level deeper
        elif target:
            if move < 0.5:
                target[rng.randrange(len(target))] = _hostile(rng)
            elif move < 0.6:
                target.extend(copy.deepcopy(target) * rng.randint(1, 3))  # more exercises
            elif move < 0.85:
                del target[rng.randrange(len(target))]
            else:
                target.append(_hostile(rng))
    return document


def _excerpt(document: Any, rng: random.Random) -> Any:
    """One to three of the session's exercises: small cases, so mutations hit densely."""
    exercises = document.get("exercises") if isinstance(document, dict) else None
    if not isinstance(exercises, list) or rng.random() < 0.1:
        return document
    start = rng.randrange(len(exercises))
    return {**document, "exercises": exercises[start : start + rng.randint(1, 3)]}


def structured_cases(rng: random.Random, texts: list[bytes]) -> Iterator[bytes | str]:
    documents = [yaml.safe_load(t) for t in texts]
    while True:
        document = _excerpt(rng.choice(documents), rng)
        document = mutate_document(document, rng)
        style = rng.choice((None, True, False))
        try:
            yield yaml.dump(document, Dumper=_DUMPER, allow_unicode=rng.random() < 0.7,
                            default_flow_style=style, sort_keys=False)  # fmt: skip
        except yaml.YAMLError:
            continue


# -- byte-level cases -------------------------------------------------------------------------


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(buffer) + 1)
        move = rng.random()
        if move < 0.3 and buffer:
            # Mostly ASCII: a random high byte is nearly always "not UTF-8", which the first
            # check already refuses, and the layers behind it would go unvisited.
            byte = rng.randrange(256) if rng.random() < 0.1 else rng.randrange(9, 127)
            buffer[min(at, len(buffer) - 1)] = byte
        elif move < 0.6:
            buffer[at:at] = rng.choice(INSERTS)
        elif move < 0.75:
            del buffer[at : at + rng.randint(1, 64)]
        elif move < 0.9:
            buffer[at:at] = buffer[at : at + rng.randint(1, 200)] * rng.randint(1, 20)
        else:
            del buffer[at:]
    return bytes(buffer)


def byte_cases(rng: random.Random, texts: list[bytes]) -> Iterator[bytes]:
    while True:
        if rng.random() < 0.1:
            yield rng.randbytes(rng.randint(0, 400))
        else:
            yield mutate_bytes(rng.choice(texts), rng)


# -- running ----------------------------------------------------------------------------------


@dataclass
class Tally:
    cases: int = 0
    valid: int = 0
    refused: int = 0
    diagnostics: int = 0
    seconds: float = 0.0

    def __post_init__(self) -> None:
        self.reasons: Counter[str] = Counter()


def run(
    cases: int, seed: int, base_dir: Path | None, on_case: Callable[[int], None] | None = None
) -> dict[str, Tally]:
    """``cases`` cases, split evenly between the two generators."""
    rng = random.Random(seed)
    texts = bundled_texts()
    generators = {"structured": structured_cases(rng, texts), "byte-level": byte_cases(rng, texts)}
    tallies = {name: Tally() for name in generators}
    for index in range(cases):
        name = "structured" if index % 2 == 0 else "byte-level"
        data = next(generators[name])
        tally = tallies[name]
        started = time.perf_counter()
        outcome = check_case(data, base_dir)
        tally.seconds += time.perf_counter() - started
        tally.cases += 1
        tally.diagnostics += outcome.diagnostics
        if outcome.ok:
            tally.valid += 1
        else:
            tally.refused += 1
            tally.reasons[_reason_kind(outcome.first_message)] += 1
        if on_case is not None:
            on_case(index)
    return tallies


def _reason_kind(message: str) -> str:
    """A message's first words, without the file's own text: enough to see what was hit."""
    message = re.sub(r"^`[^`]*`:? ", "", message)
    head = re.split(r"[`'\"(:;0-9]", message, maxsplit=1)[0].strip()
    return " ".join(head.split()[:6]) or "(other)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        base_dir = picture_folder(Path(root))
        started = time.perf_counter()
        tallies = run(options.cases, options.seed, base_dir)
        wall_s = time.perf_counter() - started
    total = sum(t.cases for t in tallies.values())
    print(f"{total:,} cases in {wall_s:.1f} s: {total / wall_s:,.0f} cases/s, none escaped")
    for name, tally in tallies.items():
        rate = tally.cases / tally.seconds if tally.seconds else 0.0
        print(
            f"  {name:10} {tally.cases:>8,} cases  {rate:>7,.0f}/s  valid {tally.valid:>7,}  "
            f"refused {tally.refused:>7,}  diagnostics {tally.diagnostics:>9,}"
        )
        for reason, count in tally.reasons.most_common(12):
            print(f"      {count:>7,}  {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
