"""The drawings of one-sided poses come in a mirrored copy, showing the other side.

A side view seen from the same side of the room shows the other leg working once it is flipped
left to right, so each ``NAME-mirrored.svg`` is ``NAME.svg`` with its figure flipped inside the
same card. The copies are generated, never edited by hand; after changing a drawing, rewrite
them with::

    python tests/test_mirrored_images.py

No session names a mirrored copy: while the second side of a two-sided exercise is worked, the
runner and the audience view show ``NAME-mirrored.svg`` when it sits beside ``NAME.svg``
(``piritimer.widgets.image.picture_for``; tests/content/test_side_pictures.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

IMAGES = Path(__file__).resolve().parent.parent / "assets" / "images"

SIDED_IMAGES = (
    "figure-four.svg",
    "figure-four-pull.svg",
    "seated-figure-four.svg",
    "pigeon.svg",
    "supine-cross-connect.svg",
    "sciatic-nerve-floss.svg",
    "peroneal-nerve-floss.svg",
    "positional-release-psoas.svg",
    "positional-release-piriformis.svg",
)
"""Every drawing used by an exercise that works one side, then the other."""

WIDTH = 480
_CARD = re.compile(r"(  <rect x=\"4\" y=\"4\" width=\"472\" [^\n]*/>\n)")
_TITLE = re.compile(r"<title>(.*?)</title>")
_DESC = re.compile(r"<desc>(.*?)</desc>")


def mirrored_name(name: str) -> str:
    return name.removesuffix(".svg") + "-mirrored.svg"


def mirrored(name: str, text: str) -> str:
    """``text`` (the drawing ``name``) with everything on its card flipped left to right."""
    card = _CARD.search(text)
    end = text.rindex("</svg>")
    if card is None:
        raise ValueError(f"{name}: no card rectangle to keep in place")
    flipped = (
        text[: card.end()]
        + f'  <g transform="matrix(-1 0 0 1 {WIDTH} 0)">\n'
        + text[card.end() : end]
        + "  </g>\n"
        + text[end:]
    )
    flipped = _TITLE.sub(lambda m: f"<title>{m.group(1)}, other side</title>", flipped, count=1)
    return _DESC.sub(
        lambda m: f"<desc>{name} mirrored, for the other side. {m.group(1)}</desc>",
        flipped,
        count=1,
    )


def test_every_sided_exercise_image_is_listed() -> None:
    from piritimer import paths
    from piritimer.core.loader import load_session

    used = set()
    for path in paths.bundled_sessions_dir().glob("*.yaml"):
        session = load_session(path).session
        assert session is not None
        used |= {e.image.name for e in session.exercises if e.image and e.sides.sides}
    assert used == set(SIDED_IMAGES)


@pytest.mark.parametrize("name", SIDED_IMAGES)
def test_mirrored_copy_is_the_drawing_flipped(name: str) -> None:
    base = (IMAGES / name).read_text(encoding="utf-8")
    copy = IMAGES / mirrored_name(name)
    assert copy.is_file(), f"{copy.name} missing: run python tests/test_mirrored_images.py"
    assert copy.read_text(encoding="utf-8") == mirrored(name, base), (
        f"{copy.name} is stale: run python tests/test_mirrored_images.py"
    )


def test_mirroring_flips_and_keeps_the_card() -> None:
    text = (
        '<svg viewBox="0 0 480 320"><title>T</title><desc>D</desc>\n'
        '  <rect x="4" y="4" width="472" height="312"/>\n'
        '  <circle cx="100" cy="50" r="5"/>\n</svg>\n'
    )
    result = mirrored("t.svg", text)
    assert (
        '<rect x="4" y="4" width="472" height="312"/>\n  <g transform="matrix(-1 0 0 1 480 0)">'
        in result
    )
    assert result.endswith('  <circle cx="100" cy="50" r="5"/>\n  </g>\n</svg>\n')
    assert "<title>T, other side</title>" in result


def regenerate() -> None:
    for name in SIDED_IMAGES:
        text = (IMAGES / name).read_text(encoding="utf-8")
        (IMAGES / mirrored_name(name)).write_text(mirrored(name, text), encoding="utf-8")


if __name__ == "__main__":
    regenerate()
