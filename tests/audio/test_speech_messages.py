"""The speech helper's messages: every one survives the wire; anything else is ignored."""

from __future__ import annotations

import pytest

from piritimer.audio.speech_messages import (
    Enqueue,
    Message,
    Ping,
    Pong,
    Problem,
    Ready,
    Say,
    SetLanguage,
    SetRate,
    SetVoice,
    SetVolume,
    Speaking,
    Stop,
    decode,
    encode,
)

EVERY_MESSAGE: list[Message] = [
    Say("Breathe in."),
    Enqueue("Hold."),
    Stop(),
    SetVolume(0.5),
    SetRate(-1.0),
    SetVoice("English (America)"),
    SetVoice(None),
    Ping(7),
    Ready(("a", "b"), ("en-US", "fr-FR")),
    SetLanguage("fr"),
    Speaking(True),
    Problem("no engine"),
    Pong(7),
]


@pytest.mark.parametrize("message", EVERY_MESSAGE, ids=repr)
def test_each_message_is_one_line_and_decodes_to_itself(message: Message) -> None:
    line = encode(message)
    assert line.endswith(b"\n")
    assert line.count(b"\n") == 1
    assert decode(line) == message


def test_whole_numbers_are_accepted_where_a_fraction_is_expected() -> None:
    assert decode(b'{"type": "SetVolume", "volume": 1}') == SetVolume(1.0)


@pytest.mark.parametrize(
    "line",
    [
        b"not json",
        b"\xff\xfe",
        b"[1, 2]",
        b'{"say": "old style"}',
        b'{"type": "Format", "disk": "c:"}',
        b'{"type": "Say"}',
        b'{"type": "Say", "text": 3}',
        b'{"type": "SetVolume", "volume": true}',
        b'{"type": "SetVolume", "volume": "loud"}',
        b'{"type": "Speaking", "speaking": 1}',
        b'{"type": "Ready", "voices": ["a", 2], "languages": ["en", "fr"]}',
        b'{"type": "Ready", "voices": ["a", "b"], "languages": ["en", 2]}',
        b'{"type": "SetLanguage", "language": null}',
        b'{"type": "Ping", "number": 1.5}',
    ],
)
def test_anything_else_is_ignored(line: bytes) -> None:
    assert decode(line) is None
