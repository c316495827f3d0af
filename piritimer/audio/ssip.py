"""Speech-dispatcher's own protocol (SSIP), the part the voice uses. Pure: no Qt.

SSIP is a line protocol over a unix socket: a command is one line ending in CR LF, a reply is
one or more lines ``CCC-text`` closed by ``CCC text`` (2xx success, 3xx/4xx/5xx failure), and
with notifications on, the server also sends events (7xx: a message began, ended, was
cancelled) whenever they happen. ``SPEAK`` is answered 230, then takes the text as lines
closed by a line holding one dot, and answers 225 with the message's id.

Everything a session file says is sent as text, never as protocol: ``speak_data`` gives every
line CR LF, doubles a leading dot (so no line of the text can end the data early, and the
terminator appears only at the end) and turns other control characters into spaces;
``command`` refuses an argument with a line break in it. See ``/usr/share/info/ssip.info``.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from piritimer.core.i18n import base_language

CRLF = b"\r\n"
END_OF_DATA = b"\r\n.\r\n"
SOCKET_NAME = "speech-dispatcher/speechd.sock"
PROGRAM = "speech-dispatcher"
DEFAULT_LANGUAGE = "en-US"
"""What the voice speaks until told the session's language (speechd's factory default)."""
DEFAULT_VOICE_TYPE = "MALE1"
"""``SET self VOICE_TYPE`` forgets any ``SYNTHESIS_VOICE`` (speech-dispatcher 0.11 keeps one
across ``SET self LANGUAGE``, and would read French with an English voice): the engine then
speaks the language with its own voice for it."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Server:
    """Where speech-dispatcher listens, and how to start it there if it is not running."""

    path: str
    spawn: tuple[str, ...] | None
    """The command that starts it on ``path`` (as libspeechd autospawns), or None."""


def find_server(
    env: Mapping[str, str],
    which: Callable[[str], str | None],
    exists: Callable[[str], bool] = os.path.exists,
    posix: bool = os.name == "posix",
) -> Server | None:
    """speech-dispatcher's socket as libspeechd finds it (``SPEECHD_ADDRESS``, else
    ``$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock``, else under ``~/.cache``), if a
    server runs there or can be started there; None where there is no speech-dispatcher
    (another platform, an ``inet_socket`` address, not installed)."""
    if not posix:
        return None
    address = env.get("SPEECHD_ADDRESS", "")
    path: str | None = None
    if address:
        method, _, rest = address.partition(":")
        if method != "unix_socket":
            return None
        path = rest if rest and rest != "default" else None
    if path is None:
        base = env.get("XDG_RUNTIME_DIR") or (
            os.path.join(env["HOME"], ".cache") if env.get("HOME") else None
        )
        if base is None:
            return None
        path = os.path.join(base, SOCKET_NAME)
    program = which(PROGRAM)
    spawn = None
    if program is not None:
        spawn = (program, "--spawn", "--communication-method", "unix_socket", "--socket-path", path)
    if spawn is None and not exists(path):
        return None
    return Server(path, spawn)


def command(*words: str) -> bytes:
    """One command line. An argument holding a control character (a line break would start
    a second command) is refused: ValueError."""
    for word in words:
        if _CONTROL.search(word):
            raise ValueError(f"not a single SSIP argument: {word!r}")
    return " ".join(words).encode("utf-8", errors="replace") + CRLF


def speak_data(text: str) -> bytes:
    """``text`` as the data of a SPEAK, terminator included: plain text whatever it holds."""
    lines = [_CONTROL.sub(" ", line) for line in text.splitlines()] or [""]
    stuffed = ["." + line if line.startswith(".") else line for line in lines]
    return "\r\n".join(stuffed).encode("utf-8", errors="replace") + END_OF_DATA


def volume_value(volume: float) -> int:
    """0..1 (the app's volume) as SSIP's -100..100, as Qt's speechd engine maps it."""
    return max(-100, min(100, round(volume * 200 - 100)))


def rate_value(rate: float) -> int:
    """-1..1 (the app's rate) as SSIP's -100..100."""
    return max(-100, min(100, round(rate * 100)))


def same_language(a: str, b: str) -> bool:
    """``fr-FR`` and ``fr``, ``en-GB`` and ``en-US``: the same language, whatever the region."""
    return base_language(a) == base_language(b)


def choose_voice(voices: Mapping[str, str], wanted: str | None, language: str) -> str | None:
    """``wanted`` if the server has it and it speaks ``language``; else None: the engine's
    own voice for ``language`` (``voices`` maps each name to its language tag)."""
    if wanted is None or wanted not in voices:
        return None
    return wanted if same_language(voices[wanted], language) else None


class EventKind(enum.Enum):
    INDEX_MARK = 700
    BEGIN = 701
    END = 702
    CANCEL = 703
    PAUSE = 704
    RESUME = 705


@dataclass(frozen=True)
class Reply:
    """The answer to one command: its final code and text, and every line before the last
    as the server sent it (``lines`` decodes them; a voice list is 13,000 of them, so
    ``base_voices`` reads the bytes)."""

    code: int
    raw_lines: tuple[bytes, ...]
    text: str

    @property
    def ok(self) -> bool:
        return 100 <= self.code < 300

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(line.decode("utf-8", errors="replace") for line in self.raw_lines)


@dataclass(frozen=True)
class Event:
    kind: EventKind
    message_id: int


@dataclass
class Parser:
    """Turns the bytes the server sends into replies and events, whatever the chunking.

    Event lines (7xx) are gathered apart from reply lines, so an event that arrives in the
    middle of a long reply does not break it. A line that is not SSIP is ignored.
    """

    keep: bytes | None = None
    """While set, a reply keeps only the lines (before its last) that contain it: the voice
    list is filtered as it arrives, a chunk per turn of the event loop, never all at once."""
    _pending: bytes = b""
    _reply: list[bytes] | None = None
    _event: list[bytes] | None = None

    def feed(self, data: bytes) -> list[Reply | Event]:
        *lines, self._pending = (self._pending + data).split(b"\n")
        found: list[Reply | Event] = []
        for raw in lines:
            line = raw.rstrip(b"\r")
            head, separator = line[:3], line[3:4]
            if not head.isdigit() or separator not in (b"-", b" "):
                continue
            text, last = line[4:], separator == b" "
            if head[:1] == b"7":
                self._event = [*(self._event or []), text]
                if last:
                    event = _event(int(head), self._event)
                    self._event = None
                    if event is not None:
                        found.append(event)
            elif last:
                reply = Reply(int(head), tuple(self._reply or ()), text.decode(errors="replace"))
                found.append(reply)
                self._reply = None
            elif self.keep is not None and self.keep not in text:
                if self._reply is None:
                    self._reply = []
            elif self._reply is None:
                self._reply = [text]
            else:
                self._reply.append(text)
        return found


def _event(code: int, lines: list[bytes]) -> Event | None:
    try:
        kind = EventKind(code)
        return Event(kind, int(lines[0]))
    except (ValueError, IndexError):
        return None


BASE_VOICE_LINE = b"\tnone"
"""What every line of a base voice holds (``name TAB language TAB none``), as against its
variants (``name TAB language TAB variant``): the ``Parser.keep`` that filters espeak-ng's
13,000-line voice list down to its hundred-odd voices, one per language and region."""


def base_voices(raw_lines: tuple[bytes, ...]) -> dict[str, str]:
    """From a ``LIST SYNTHESIS_VOICES`` reply (``name TAB language TAB variant`` each), each
    base voice (not a variant) and the language tag it speaks."""
    voices: dict[str, str] = {}
    for line in raw_lines:
        name, _, rest = line.decode("utf-8", errors="replace").partition("\t")
        language, _, variant = rest.partition("\t")
        if name and language and variant in ("", "none") and not _CONTROL.search(name + language):
            voices[name] = language
    return voices
