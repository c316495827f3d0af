"""A media remote (MPRIS: headset buttons, desktop media widgets, playerctl) drives the window
as its own keys do, and hears what the session is doing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piritimer.core.engine import Command, State
from piritimer.platform.media_remote import MediaRemote, PlaybackStatus, RemoteCommand
from piritimer.ui.controls import Action

if TYPE_CHECKING:
    from piritimer.ui.main_window import MainWindow

STATUS = {
    State.RUNNING: PlaybackStatus.PLAYING,
    State.WAITING: PlaybackStatus.PLAYING,
    State.PAUSED: PlaybackStatus.PAUSED,
}
"""What a media widget shows; every other state is Stopped."""

ACTIONS = {
    RemoteCommand.PLAY_PAUSE: Action.TOGGLE,
    RemoteCommand.NEXT: Action.NEXT,
    RemoteCommand.PREVIOUS: Action.PREVIOUS,
    RemoteCommand.STOP: Action.STOP,
}


def connect_remote(remote: MediaRemote, window: MainWindow) -> None:
    """Route ``remote``'s buttons to ``window`` and keep its status current."""
    driver = window.driver

    def command(received: object) -> None:
        if not isinstance(received, RemoteCommand):
            return
        if received is RemoteCommand.RAISE:
            window.showNormal()
            window.raise_()
            window.activateWindow()
        elif received is RemoteCommand.PLAY:
            # Play is never a pause: it starts, resumes, or says "I'm ready" at a wait.
            if driver.state is not State.RUNNING:
                window.perform(Action.TOGGLE)
        elif received is RemoteCommand.PAUSE:
            if driver.can(Command.PAUSE):
                driver.pause()
        else:
            window.perform(ACTIONS[received])

    def status(state: object) -> None:
        step = driver.engine.step
        title = step.exercise_name or driver.engine.timeline.session.title
        remote.set_status(STATUS.get(driver.state, PlaybackStatus.STOPPED), title)

    remote.commandReceived.connect(command)
    driver.stateChanged.connect(status)
    driver.stepStarted.connect(status)
