"""The remote in the app: off by default, on and off from the presenter view, bound only while
on, new tokens for each presentation, gone with the presentation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QHostAddress, QTcpSocket
from pytestqt.qtbot import QtBot

from piritimer.core.engine import Engine
from piritimer.core.qr import encode
from piritimer.core.timeline import compile_session
from piritimer.present.keys import Action
from piritimer.present.presentation import Presentation
from piritimer.qt.driver import EngineDriver
from piritimer.remote.server import RemoteServer
from tests.present.conftest import FakeClock, make_session

LOOPBACK = QHostAddress(QHostAddress.SpecialAddress.LocalHost)


@pytest.fixture
def presentation(qtbot: QtBot) -> Iterator[Presentation]:
    driver = EngineDriver(Engine(compile_session(make_session(None)), clock=FakeClock()))
    screen = QGuiApplication.primaryScreen()
    shown = Presentation(driver, screen, screen)
    shown.show()
    yield shown
    shown.leave()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def can_connect(port: int) -> bool:
    probe = QTcpSocket()
    probe.connectToHost(LOOPBACK, port)
    connected = probe.waitForConnected(2000)
    probe.abort()
    return connected


def test_off_by_default_and_bound_only_while_on(qtbot: QtBot, presentation: Presentation) -> None:
    server = RemoteServer()
    server.attach(presentation)
    presenter = presentation.presenter
    assert presenter is not None
    assert not server.running
    assert not presenter.remote_panel.isVisibleTo(presenter)
    assert server.start(LOOPBACK)
    port = server.port
    assert can_connect(port)
    assert presenter.remote_panel.isVisibleTo(presenter)
    assert presenter.remote_qr.text() == server.remote_url()
    assert presenter.remote_qr.matrix() == encode(server.remote_url())
    assert presenter.remote_address.text() == server.remote_url()
    assert presenter.follow_address.text() == server.follow_url()
    with qtbot.waitSignal(server.runningChanged):
        presenter.buttons[Action.REMOTE].click()  # off, from the presenter view
    assert not server.running
    assert not can_connect(port)
    assert not presenter.remote_panel.isVisibleTo(presenter)
    presentation.perform(Action.REMOTE)
    assert server.running


def test_each_presentation_gets_new_tokens_and_leaving_stops_it(
    qtbot: QtBot, presentation: Presentation
) -> None:
    server = RemoteServer()
    server.attach(presentation)
    first = (server.remote_token, server.follow_token)
    assert len(set(first)) == 2
    assert all(len(token) >= 24 for token in first)
    server.start(LOOPBACK)
    port = server.port
    presentation.leave()
    assert not server.running
    assert not can_connect(port)
    assert server.presentation is None
    assert not server.start(LOOPBACK)  # nothing to serve
    again = Presentation(presentation.driver, QGuiApplication.primaryScreen())
    again.show()
    server.attach(again)
    assert (server.remote_token, server.follow_token) != first
    again.leave()
