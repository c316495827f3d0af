"""The remote's page in a real browser (headless chromium through Selenium): the buttons
drive the class, the countdown is read off the page, the follow page only follows, and the
page reconnects by itself when the server restarts; its fixed words are the app's language,
and a translation full of markup stays text.

Marked ``hardware``: it needs chromium and chromedriver; under CI=true it never skips.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from piritimer.remote.words import page_words, render_page
from tests.present.english_left import english_left
from tests.remote.conftest import Served

WAIT_S = 10


def text(page: webdriver.Chrome, element: str) -> str:
    return str(page.find_element(By.ID, element).text)


def wait_for(page: webdriver.Chrome, check: object) -> None:
    WebDriverWait(page, WAIT_S).until(lambda _page: check())  # type: ignore[operator]


@pytest.mark.hardware
def test_the_remote_page_drives_the_class(browser: webdriver.Chrome, served: Served) -> None:
    page = browser
    page.get(served.urls["remote"])
    wait_for(
        page,
        lambda: page.find_element(By.TAG_NAME, "body").get_attribute("data-connected") == "yes",
    )
    assert text(page, "step") == "Hip class"  # the title page, as on the projector
    page.find_element(By.ID, "next-step").click()  # Next starts the class
    wait_for(page, lambda: text(page, "step") == "Figure-four stretch")
    assert re.fullmatch(r"\d{1,2}", text(page, "countdown")), text(page, "countdown")
    first = int(text(page, "countdown"))
    wait_for(page, lambda: text(page, "countdown") != str(first))  # it counts down, live
    assert int(text(page, "countdown")) < first
    page.find_element(By.ID, "pause").click()
    wait_for(page, lambda: text(page, "pause") == "Resume")
    assert served.tell("state")["state"] == "PAUSED"
    page.find_element(By.ID, "blank").click()
    wait_for(page, lambda: text(page, "blank") == "Show")
    assert text(page, "step") == ""  # blanked: the phone shows what the room sees
    page.find_element(By.ID, "blank").click()
    wait_for(page, lambda: text(page, "step") == "Figure-four stretch")

    served.tell("restart")  # the remote goes off and on again: the page finds it by itself
    wait_for(
        page,
        lambda: (
            page.find_element(By.TAG_NAME, "body").get_attribute("data-connected") == "yes"
            and "connected" in text(page, "connection")
        ),
    )
    page.find_element(By.ID, "next-step").click()
    wait_for(page, lambda: text(page, "step") != "Figure-four stretch")
    page.find_element(By.ID, "previous").click()
    wait_for(page, lambda: text(page, "step") == "Figure-four stretch")


@pytest.mark.hardware
def test_the_follow_page_has_no_buttons_and_follows(
    browser: webdriver.Chrome,
    served: Served,
) -> None:
    page = browser
    page.get(served.urls["follow"])
    wait_for(page, lambda: text(page, "step") == "Hip class")
    assert not page.find_element(By.ID, "controls").is_displayed()
    # Even a hand-made command from a follower does nothing.
    page.execute_script("""
        const s = new WebSocket(`ws://${location.host}/ws/${location.pathname.split('/')[2]}`);
        s.onopen = () => s.send('next');
    """)
    served.tell("state")
    assert served.tell("state")["state"] == "IDLE"


@pytest.mark.hardware
def test_the_page_speaks_the_apps_language(
    browser: webdriver.Chrome, served_in_french: Served
) -> None:
    page = browser
    page.get(served_in_french.urls["remote"])
    wait_for(
        page,
        lambda: page.find_element(By.TAG_NAME, "body").get_attribute("data-connected") == "yes",
    )
    root = page.find_element(By.TAG_NAME, "html")
    assert (root.get_attribute("lang"), root.get_attribute("dir")) == ("fr", "ltr")
    assert text(page, "connection") == "Télécommande — connectée"
    buttons = ("previous", "pause", "next-step", "blank")
    assert [text(page, b) for b in buttons] == [
        "◀ Précédent",
        "Reprendre",
        "Suivant ▶",
        "Écran noir",
    ]
    assert text(page, "step") == "Hip class"  # the session's words, as written
    assert re.fullmatch(r"2 exercices · \d+:\d\d", text(page, "next")), text(page, "next")
    page.find_element(By.ID, "next-step").click()
    wait_for(page, lambda: text(page, "pause") == "Pause")
    assert text(page, "next").startswith("Ensuite\u202f: ")
    page.find_element(By.ID, "blank").click()
    wait_for(page, lambda: text(page, "blank") == "Afficher")
    body = str(page.find_element(By.TAG_NAME, "body").text)
    assert english_left([body, *body.splitlines()], ["remote", "present"], "fr") == []
    served_in_french.tell("restart")
    wait_for(page, lambda: text(page, "connection") == "Connexion perdue — reconnexion…")
    wait_for(page, lambda: text(page, "connection") == "Télécommande — connectée")
    page.get(served_in_french.urls["follow"])
    wait_for(page, lambda: text(page, "connection") == "Suivi — connecté")


@pytest.mark.hardware
def test_hostile_words_stay_text(browser: webdriver.Chrome, tmp_path: Path) -> None:
    """A translation full of markup (a catalog is a file anyone can edit) is shown as text:
    it neither ends the words block nor runs."""
    hostile = '</script><script>window.pwned = 1</script><!-- <img src=x onerror="pwned=2">'
    words = dict.fromkeys(page_words(), hostile)
    folder = resources.files("piritimer.remote").joinpath("page")
    template = folder.joinpath("page.html").read_text(encoding="utf-8")
    (tmp_path / "page.html").write_text(render_page(template, words), encoding="utf-8")
    for name in ("app.js", "app.css"):
        (tmp_path / name).write_bytes(folder.joinpath(name).read_bytes())
    page = browser
    page.get((tmp_path / "page.html").as_uri())  # no server: the words are all it shows
    wait_for(page, lambda: text(page, "connection") != "")
    assert page.find_element(By.ID, "connection").get_attribute("textContent") == hostile
    assert page.execute_script("return typeof window.pwned") == "undefined"
    assert len(page.find_elements(By.TAG_NAME, "script")) == 2
    assert page.find_elements(By.TAG_NAME, "img") == []
