"""The remote's HTTP API on loopback: tokens, verbs, and bad requests answered and forgotten."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

import pytest

from piritimer.remote.http import BadRequest, parse_head
from tests.remote.conftest import Served, serving


def call(
    url: str, method: str = "GET", data: bytes | None = None
) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def raw(served: Served, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", served.urls["port"]), timeout=10) as conn:
        conn.sendall(data)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


FORBIDDEN = b"This link is not (or no longer) valid: scan the code on the presenter view again.\n"


def test_without_the_token_nothing_but_403(served: Served) -> None:
    remote = served.token("remote")
    for path in (
        "/",
        "/r/",
        "/r/wrong/",
        "/api/wrong/status",
        "/api/status",
        f"/x/{remote}",
        "/favicon.ico",
        f"/r/{remote[:-1]}/",
    ):
        status, body, _ = call(served.base + path)
        assert status == 403, path
        assert body == FORBIDDEN  # one answer for every refusal: it tells nothing
    status, _, _ = call(f"{served.base}/api/wrong/next", "POST", b"")
    assert status == 403
    assert served.tell("state") == {"state": "IDLE", "blank": False}


def test_the_remote_token_controls(served: Served) -> None:
    api = f"{served.base}/api/{served.token('remote')}"
    status, body, headers = call(f"{api}/next", "POST", b"")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert headers["Cache-Control"] == "no-store"
    state = json.loads(body)
    assert state["state"] == "running"
    assert state["step"] == "Figure-four stretch"
    assert call(f"{api}/pause", "POST", b"")[0] == 200
    assert served.tell("state")["state"] == "PAUSED"
    assert json.loads(call(f"{api}/blank", "POST", b"")[1]) == {
        "blank": True,
        "message": "",
        "state": "blank",
        "open": True,
    }
    assert call(f"{api}/next", "GET")[0] == 405  # a link preview must not move the class on
    assert call(f"{api}/jump", "POST", b"")[0] == 404


def test_the_follow_token_only_reads(served: Served) -> None:
    follow = served.token("follow")
    status, body, _ = call(f"{served.base}/api/{follow}/status")
    assert status == 200
    assert json.loads(body)["step"] == "Hip class"
    for verb in ("next", "previous", "pause", "blank"):
        assert call(f"{served.base}/api/{follow}/{verb}", "POST", b"")[0] == 403
    assert call(f"{served.base}/r/{follow}/")[0] == 403  # not the remote page either
    status, page, headers = call(f"{served.base}/f/{follow}/")
    assert status == 200
    assert b'<script src="app.js"' in page
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert served.tell("state") == {"state": "IDLE", "blank": False}


def test_only_what_the_class_view_shows_is_sent(served: Served) -> None:
    body = call(f"{served.base}/api/{served.token('follow')}/status")[1]
    text = body.decode()
    # The teacher's notes and the session's safety text are on the presenter view only.
    assert "Bring mats" not in text
    assert "Watch that the knees" not in text
    assert set(json.loads(body)) == {
        "blank",
        "message",
        "state",
        "open",
        "header",
        "step",
        "countdown",
        "detail",
        "next",
    }


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Long: " + b"a" * 9000 + b"\r\n\r\n", 431),
        (b"POST /api/t/next HTTP/1.1\r\nContent-Length: 999999\r\n\r\n", 413),
        (b"GET /\xff HTTP/1.1\r\n\r\n", 400),
    ],
)
def test_bad_or_huge_requests_are_answered_and_forgotten(
    served: Served, request_bytes: bytes, status: int
) -> None:
    answer = raw(served, request_bytes)
    assert answer.startswith(f"HTTP/1.1 {status} ".encode())
    assert b"Connection: close" in answer
    assert call(f"{served.base}/api/{served.token('follow')}/status")[0] == 200  # still serving


def test_a_websocket_with_a_wrong_token_is_refused(served: Served) -> None:
    handshake = (
        b"GET /ws/wrong HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        b"Sec-WebSocket-Version: 13\r\n\r\n"
    )
    assert raw(served, handshake).startswith(b"HTTP/1.1 403 ")
    good = handshake.replace(b"/ws/wrong", f"/ws/{served.token('follow')}".encode())
    with socket.create_connection(("127.0.0.1", served.urls["port"]), timeout=10) as conn:
        conn.sendall(good)
        assert conn.recv(4096).startswith(b"HTTP/1.1 101")


def test_restarting_keeps_the_port_and_tokens(served: Served) -> None:
    assert served.tell("restart") == {"restarted": served.urls["port"]}
    assert call(f"{served.base}/api/{served.token('follow')}/status")[0] == 200


def test_the_presenter_view_shows_the_remote_qr(served: Served) -> None:
    qr = served.urls["qr"]
    assert qr.endswith(f"/r/{served.token('remote')}/")


def test_parse_head_limits() -> None:
    with pytest.raises(BadRequest) as error:
        parse_head(b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
    assert error.value.status == 413
    request = parse_head(b"POST /api/T/next?x=1 HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")
    assert request.segments == ("api", "T", "next")
    assert request.body_length == 2


def test_a_stale_link_says_so_in_the_apps_language() -> None:
    with serving("es") as spanish:
        for path in ("/r/last-weeks-token/", f"/f/{spanish.token('remote')}/"):
            status, body, headers = call(spanish.base + path)
            assert status == 403
            assert body.decode() == (
                "Este enlace no es válido (o ya no lo es): "
                "escanea de nuevo el código de la vista del presentador.\n"
            )
            assert headers["Content-Type"] == "text/plain; charset=utf-8"
