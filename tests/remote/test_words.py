"""The phone page's words: in the app's language, in a JSON block no text can break out of."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from importlib import resources

import pytest

from piritimer.remote.words import direction, page_words, render_page, script_json

HOSTILE = [
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!--<script>",
    "]]>&lt;&amp;",
    "\u2028\u2029\"'\\",
]


class Page(HTMLParser):
    """What a browser's tokenizer makes of the page: the root's attributes, each script."""

    def __init__(self) -> None:
        super().__init__()
        self.root: dict[str, str | None] = {}
        self.scripts: list[dict[str, str | None]] = []
        self.data: dict[int, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.root = dict(attrs)
        if tag == "script":
            self.scripts.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and self.scripts:
            self.data[len(self.scripts) - 1] = self.data.get(len(self.scripts) - 1, "") + data


def parse(words: dict[str, str] | None = None) -> Page:
    template = resources.files("piritimer.remote").joinpath("page", "page.html")
    page = Page()
    page.feed(render_page(template.read_text(encoding="utf-8"), words))
    return page


@pytest.mark.parametrize("text", HOSTILE)
def test_no_text_ends_or_changes_the_words_block(text: str) -> None:
    words = dict.fromkeys(page_words(), text)
    page = parse(words)
    assert [script.get("src") for script in page.scripts] == [None, "app.js"]
    assert page.scripts[0] == {"id": "words", "type": "application/json"}
    assert json.loads(page.data[0]) == words
    assert "<" not in script_json(text)
    assert ">" not in script_json(text)


def test_the_page_is_in_the_apps_language(in_language: Callable[[str], None]) -> None:
    in_language("fr")
    page = parse()
    assert page.root == {"lang": "fr", "dir": "ltr"}
    words = json.loads(page.data[0])
    assert words["lost"] == "Connexion perdue — reconnexion…"
    assert words["previous"] == "◀ Précédent"
    assert set(words) == set(page_words())
    in_language("en")
    assert json.loads(parse().data[0])["lost"] == "Connection lost — reconnecting…"


def test_the_page_names_every_word_it_uses() -> None:
    """Each data-word in page.html and each word(...) in app.js is one the server sends."""
    folder = resources.files("piritimer.remote").joinpath("page")
    html = folder.joinpath("page.html").read_text(encoding="utf-8")
    script = folder.joinpath("app.js").read_text(encoding="utf-8")
    used = set(re.findall(r'data-word="([^"]+)"', html))
    calls = " ".join(re.findall(r"word\(([^)]*)\)", script))
    used |= set(re.findall(r'(?<!=== )"(\w+)"', calls))  # not the state compared against
    assert used
    assert used <= set(page_words())


def test_right_to_left_languages_get_rtl() -> None:
    assert direction("ar") == "rtl"
    assert direction("he") == "rtl"
    assert direction("de") == "ltr"
