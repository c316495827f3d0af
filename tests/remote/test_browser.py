"""The remote's page in a real browser (headless chromium through Selenium): the buttons
drive the class, the countdown is read off the page, the follow page only follows, and the
page reconnects by itself when the server restarts.

Marked ``hardware``: it needs chromium and chromedriver; under CI=true it never skips.
"""

from __future__ import annotations

import re

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

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
