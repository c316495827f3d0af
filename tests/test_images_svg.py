"""What makes an SVG self-contained enough to draw (pure checks, no Qt)."""

from __future__ import annotations

import pytest

from piritimer.core.svg_check import svg_problem

OUTSIDE = "outside the drawing; piritimer shows only self-contained pictures"


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
        b'<?xml version="1.0" encoding="UTF-8"?><svg><use xlink:href="#a"/></svg>',
        b'\xef\xbb\xbf<svg><rect fill="url(#grad)" style="stroke: url( \'#g2\' )"/></svg>',
        b"<svg><use href='#part.1'/></svg>",
    ],
)
def test_self_contained_drawings_pass(svg: bytes) -> None:
    assert svg_problem(svg) is None


@pytest.mark.parametrize(
    ("svg", "problem"),
    [
        (b'<svg><image xlink:href="/etc/passwd"/></svg>', f"it refers to '/etc/passwd' {OUTSIDE}"),
        (b"<svg><image href='photo.jpg'/></svg>", f"it refers to 'photo.jpg' {OUTSIDE}"),
        (
            b'<svg><image xlink:href="file:///dev/zero"/></svg>',
            f"it refers to 'file:///dev/zero' {OUTSIDE}",
        ),
        (
            b'<svg><image href="https://example.org/x.png"/></svg>',
            f"it refers to 'https://example.org/x.png' {OUTSIDE}",
        ),
        (
            b'<svg><image href="&#47;etc&#47;passwd"/></svg>',
            f"it refers to '&#47;etc&#47;passwd' {OUTSIDE}",
        ),
        (b'<svg><rect fill="url(/x.svg#a)"/></svg>', f"it refers to '/x.svg#a' {OUTSIDE}"),
        (
            b'<svg><image href="data:image/png;base64,AAAA"/></svg>',
            "it embeds another picture (a data: link), whose size piritimer cannot cap; "
            "export the drawing without embedded images",
        ),
        (
            b'<!DOCTYPE svg [<!ENTITY x "y">]><svg/>',
            "it declares a DOCTYPE (entities can hide references and multiply text)",
        ),
        (b'<?xml-stylesheet href="a.css"?><svg/>', "it links a style sheet"),
        (b"<svg><style>@import 'a.css';</style></svg>", "it imports a style sheet"),
        (
            b'<?xml version="1.0" encoding="UTF-16"?><svg/>',
            "it declares the encoding 'UTF-16'; save it as UTF-8",
        ),
        (
            b"\x1f\x8b\x08\x00compressed",
            "it is not UTF-8 text (compressed .svgz and other encodings are not shown)",
        ),
        (
            b"<svg><image href=/etc/passwd /></svg>",
            "it has a link attribute piritimer cannot check",
        ),
    ],
)
def test_drawings_that_reach_outside_are_refused(svg: bytes, problem: str) -> None:
    assert svg_problem(svg) == problem
