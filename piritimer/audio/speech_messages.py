"""What the app and the speech helper say to each other: typed messages, one JSON line each.

The one transport is the helper's stdin (commands) and stdout (replies). ``encode`` and
``decode`` are the only places the wire format is spelled out; a line that does not decode
to a known message is ignored (``decode`` returns None), so neither side trusts the other's
bytes. Pure: no Qt.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class Enqueue:
    """Say ``text`` once what is being said has ended."""

    text: str


@dataclass(frozen=True)
class Stop:
    pass


@dataclass(frozen=True)
class SetVolume:
    volume: float


@dataclass(frozen=True)
class SetRate:
    rate: float


@dataclass(frozen=True)
class SetVoice:
    name: str | None


@dataclass(frozen=True)
class SetLanguage:
    """Speak ``language`` (a tag: ``fr``, ``de-CH``) from now on."""

    language: str


@dataclass(frozen=True)
class Ping:
    number: int


@dataclass(frozen=True)
class Ready:
    """The engine is up; the names of its voices, sorted, and the language each speaks."""

    voices: tuple[str, ...]
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Speaking:
    speaking: bool


@dataclass(frozen=True)
class Problem:
    text: str


@dataclass(frozen=True)
class Pong:
    number: int


Command = Say | Enqueue | Stop | SetVolume | SetRate | SetVoice | SetLanguage | Ping
Reply = Ready | Speaking | Problem | Pong
Message = Command | Reply

_TYPES: dict[str, type[Message]] = {
    cls.__name__: cls
    for cls in (Say, Enqueue, Stop, SetVolume, SetRate, SetVoice, SetLanguage, Ping)
    + (Ready, Speaking, Problem, Pong)
}
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "volume": (int, float),
    "rate": (int, float),
    "name": (str, type(None)),
    "number": (int,),
    "speaking": (bool,),
    "voices": (list,),
    "languages": (list,),
    "language": (str,),
}


def encode(message: Message) -> bytes:
    return (json.dumps({"type": type(message).__name__, **asdict(message)}) + "\n").encode()


def decode(line: bytes | str) -> Message | None:
    """The message on ``line``, or None for anything else (garbage, an unknown type)."""
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    cls = _TYPES.get(str(data.pop("type", "")))
    if cls is None:
        return None
    values: dict[str, Any] = {}
    for field in fields(cls):
        value = data.get(field.name)
        if not isinstance(value, _FIELD_TYPES[field.name]) or (
            field.name != "speaking" and isinstance(value, bool)
        ):
            return None
        if field.name in ("voices", "languages"):
            assert isinstance(value, list)
            if not all(isinstance(v, str) for v in value):
                return None
            value = tuple(value)
        elif field.name in ("volume", "rate"):
            assert isinstance(value, int | float)
            value = float(value)
        values[field.name] = value
    return cls(**values)
