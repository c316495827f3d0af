"""The SSIP wire format: text stays text, replies and events parse however they arrive."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piritimer.audio import ssip
from piritimer.audio.ssip import END_OF_DATA, Event, EventKind, Reply, Server, find_server

HOSTILE = [
    ".",
    "Breathe in.\r\n.\r\nQUIT",
    "Hold\n.\nSET self VOLUME -100\n",
    "..leading dots",
    ".\r\n.\r\n.",
    "\r\n.\r\n",
    "a\rb\x00c\x1b[31m",
    "<speak>not markup</speak>",
]


def unstuff(data: bytes) -> list[str]:
    """What the server takes the data for: its lines, up to the first lone dot."""
    assert data.endswith(END_OF_DATA)
    lines = data.decode().split("\r\n")
    end = lines.index(".")
    return [line[1:] if line.startswith(".") else line for line in lines[:end]]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_line_of_text_can_end_the_data_or_start_a_command(text: str) -> None:
    data = ssip.speak_data(text)
    lines = data.decode().split("\r\n")
    assert data.count(END_OF_DATA) == 1
    assert lines.index(".") == len(lines) - 2  # the one lone dot is the terminator
    assert not data.startswith(b".\r\n")
    assert "\r" not in "".join(unstuff(data))
    assert "\x00" not in "".join(unstuff(data))


@given(st.text())
def test_the_server_gets_back_every_line_of_the_text(text: str) -> None:
    data = ssip.speak_data(text)
    assert data.count(END_OF_DATA) == 1
    expected = [ssip._CONTROL.sub(" ", line) for line in text.splitlines()] or [""]
    assert unstuff(data) == [line.encode("utf-8", "replace").decode() for line in expected]


@pytest.mark.parametrize("word", ["English\r\nQUIT", "a\nb", "tab\there", "nul\x00"])
def test_a_command_argument_cannot_hold_a_second_command(word: str) -> None:
    with pytest.raises(ValueError, match="not a single SSIP argument"):
        ssip.command("SET", "self", "SYNTHESIS_VOICE", word)


def test_a_command_is_one_line() -> None:
    assert ssip.command("SET", "self", "RATE", "-20") == b"SET self RATE -20\r\n"


WIRE = (
    b"225-17\r\n701-17\r\n701-3\r\n701 BEGIN\r\n225 OK MESSAGE QUEUED\r\n"
    b"garbage\r\n702-17\r\n702-3\r\n702 END\r\n200 OK\r\n"
)


@pytest.mark.parametrize("chunk", [1, 3, 7, len(WIRE)])
def test_replies_and_events_parse_whatever_the_chunking(chunk: int) -> None:
    parser = ssip.Parser()
    found: list[Reply | Event] = []
    for start in range(0, len(WIRE), chunk):
        found += parser.feed(WIRE[start : start + chunk])
    assert found == [
        Event(EventKind.BEGIN, 17),
        Reply(225, (b"17",), "OK MESSAGE QUEUED"),
        Event(EventKind.END, 17),
        Reply(200, (), "OK"),
    ]
    assert [item.ok for item in found if isinstance(item, Reply)] == [True, True]
    assert not Reply(409, (), "ERR").ok


def test_base_voices_and_their_languages() -> None:
    lines = (
        b"Afrikaans\taf\tnone",
        b"English (America)\ten-US\tnone",
        b"English (America)+Andy\ten-US\tAndy",
        b"French (France)\tfr-FR\tnone",
        b"German\tde\tnone",
        b"bad\x07name\ten\tnone",
        b"Odd\tx\x1bx\tnone",
    )
    assert ssip.base_voices(lines) == {
        "Afrikaans": "af",
        "English (America)": "en-US",
        "French (France)": "fr-FR",
        "German": "de",
    }


VOICES = {"English (Scotland)": "en-GB-SCOTLAND", "French (France)": "fr-FR", "German": "de"}


@pytest.mark.parametrize(
    ("wanted", "language", "chosen"),
    [
        ("English (Scotland)", "en-US", "English (Scotland)"),  # same language, other region
        ("English (Scotland)", "en", "English (Scotland)"),
        ("French (France)", "fr-CA", "French (France)"),
        ("English (Scotland)", "fr", None),  # a French line: the engine's own French voice
        ("German", "es", None),
        ("Klingon", "en-US", None),  # gone from the server: the engine's own
        (None, "de", None),
    ],
)
def test_the_chosen_voice_speaks_only_its_own_language(
    wanted: str | None, language: str, chosen: str | None
) -> None:
    assert ssip.choose_voice(VOICES, wanted, language) == chosen


def test_volume_and_rate_as_ssip_numbers() -> None:
    assert [ssip.volume_value(v) for v in (0.0, 0.5, 1.0, 2.0)] == [-100, 0, 100, 100]
    assert [ssip.rate_value(r) for r in (-1.0, 0.0, 0.25, 3.0)] == [-100, 0, 25, 100]


def which(found: str | None) -> object:
    return lambda name: found if name == "speech-dispatcher" else None


def test_the_server_is_found_where_libspeechd_looks() -> None:
    spawn = "/usr/bin/speech-dispatcher"
    env = {"XDG_RUNTIME_DIR": "/run/user/7", "HOME": "/home/me"}
    found = find_server(env, which(spawn), exists=lambda p: False, posix=True)
    assert found == Server(
        "/run/user/7/speech-dispatcher/speechd.sock",
        (spawn, "--spawn", "--communication-method", "unix_socket", "--socket-path",
         "/run/user/7/speech-dispatcher/speechd.sock"),
    )  # fmt: skip
    home = find_server({"HOME": "/home/me"}, which(None), exists=lambda p: True, posix=True)
    assert home == Server("/home/me/.cache/speech-dispatcher/speechd.sock", None)
    address = {"SPEECHD_ADDRESS": "unix_socket:/tmp/s.sock", **env}
    assert find_server(address, which(None), exists=lambda p: True, posix=True) == Server(
        "/tmp/s.sock", None
    )


@pytest.mark.parametrize(
    ("env", "program", "exists", "posix"),
    [
        ({"XDG_RUNTIME_DIR": "/run/user/7"}, None, False, True),  # not installed, not running
        ({"SPEECHD_ADDRESS": "inet_socket:127.0.0.1:6560"}, "/usr/bin/x", True, True),
        ({"XDG_RUNTIME_DIR": "/run/user/7"}, "/usr/bin/x", True, False),  # another platform
        ({}, "/usr/bin/x", True, True),  # nowhere to look
    ],
)
def test_no_server_means_the_fallback(
    env: dict[str, str], program: str | None, exists: bool, posix: bool
) -> None:
    assert find_server(env, which(program), exists=lambda p: exists, posix=posix) is None


def test_a_long_reply_is_filtered_as_it_arrives() -> None:
    parser = ssip.Parser(keep=ssip.BASE_VOICE_LINE)
    wire = (
        b"249-Afrikaans+Max\taf\tMax\r\n249-English (America)\ten-US\tnone\r\n"
        b"701-4\r\n701-1\r\n701 BEGIN\r\n249-Welsh+Anna\tcy\tAnna\r\n249 OK VOICE LIST SENT\r\n"
    )
    found = [
        item for start in range(0, len(wire), 5) for item in parser.feed(wire[start : start + 5])
    ]
    assert found == [
        Event(EventKind.BEGIN, 4),
        Reply(249, (b"English (America)\ten-US\tnone",), "OK VOICE LIST SENT"),
    ]
