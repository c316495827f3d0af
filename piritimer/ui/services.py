"""Services: everything the windows are given, built once by the composition root.

``piritimer.app.build_services`` makes the real ones; tests build their own with fakes. The
windows never look a service up or create one themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from piritimer.qt.driver import EngineDriver
from piritimer.ui.keep_awake import KeepAwake
from piritimer.ui.library import LibraryModel

if TYPE_CHECKING:
    # Types only: the audio, editor and presentation modules load after the first paint.
    from piritimer.audio.guide import AudioGuide
    from piritimer.editor.windows import EditorWindows
    from piritimer.remote.service import RemoteService


class Captioned(Protocol):
    """An open presentation, as the home window sees it: it shows the spoken lines, and
    says when it is left."""

    def show_caption(self, text: str) -> None: ...

    def on_closed(self, callback: Callable[[], None]) -> None: ...


class PresentationOpener(Protocol):
    """Opens presentation mode for ``driver``; None when the teacher cancelled the picker.

    Raises ValueError, with the screens listed, for a screen number that is not there.
    """

    def __call__(
        self,
        driver: EngineDriver,
        screen: int | None,
        parent: QWidget | None,
        *,
        starts_in_s: float | None = None,
    ) -> Captioned | None: ...


@dataclass(frozen=True)
class Services:
    """The app's services, one of each.

    The services of later issues (the practice log, the remote control) join this list and
    are built in ``piritimer.app.build_services`` like the others.
    """

    settings: QSettings
    library: LibraryModel
    """The sessions on show, with their folders and files watched for changes."""
    driver: EngineDriver
    """The one engine that runs sessions, for the home window and presentation mode alike."""
    audio: AudioGuide
    """Sound cues and voice; silent until the root gives it the real outputs."""
    keep_awake: KeepAwake
    editors: EditorWindows
    present: PresentationOpener
    remote: RemoteService | None = None
    """The phone remote, which the presentation opener attaches to each presentation; None
    where there is none (tests)."""
    startup_notices: tuple[str, ...] = ()
    """What went wrong while the services were built (a settings file kept aside), for the
    window to tell once it exists."""
