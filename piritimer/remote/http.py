"""Reading an HTTP/1.1 request head, with hard limits, and writing small responses. Pure.

Why not QtHttpServer: from Python (PySide6 6.11) its routes take no path arguments, and a
handler can return text but cannot set the status code, so a 403 cannot be answered; a request
head is small enough to read here, and QtWebSockets takes over the upgraded connections.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

MAX_HEAD_BYTES = 8192
MAX_BODY_BYTES = 1024
"""The API takes no body; a little is tolerated (some controllers send "{}"), more is refused."""

REASONS = {
    200: "OK",
    204: "No Content",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Content Too Large",
    431: "Request Header Fields Too Large",
}
SECURITY_HEADERS = (
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
)


class BadRequest(ValueError):
    """The request cannot be served; ``status`` says how to answer it."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class Request:
    method: str
    segments: tuple[str, ...]
    """The path, split on "/", empty parts dropped: ``/api/T/next`` → ("api", "T", "next")."""
    headers: dict[str, str]
    body_length: int

    @property
    def is_websocket(self) -> bool:
        return (
            self.method == "GET"
            and self.headers.get("upgrade", "").lower() == "websocket"
            and "upgrade" in self.headers.get("connection", "").lower()
        )


def head_complete(data: bytes) -> bool:
    return b"\r\n\r\n" in data


def parse_head(data: bytes) -> Request:
    """The request in ``data`` (which holds at least the whole head). Raises BadRequest."""
    head, _, _ = data.partition(b"\r\n\r\n")
    if len(head) > MAX_HEAD_BYTES:
        raise BadRequest(431, "request head too large")
    try:
        text = head.decode("ascii")
    except UnicodeDecodeError:
        raise BadRequest(400, "request head is not ASCII") from None
    lines = text.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise BadRequest(400, "not an HTTP/1.x request line")
    method, target, _version = parts
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip():
            raise BadRequest(400, "malformed header line")
        headers[name.lower()] = value.strip()
    try:
        length = int(headers.get("content-length", "0"))
    except ValueError:
        raise BadRequest(400, "bad Content-Length") from None
    if length < 0:
        raise BadRequest(400, "bad Content-Length")
    if length > MAX_BODY_BYTES or "transfer-encoding" in headers:
        raise BadRequest(413, "this API takes no request body")
    path = urlsplit(target).path
    segments = tuple(unquote(part) for part in path.split("/") if part)
    return Request(method.upper(), segments, headers, length)


def response(
    status: int,
    body: bytes = b"",
    content_type: str = "text/plain; charset=utf-8",
    extra: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """A whole response, closing the connection after it (one request per connection)."""
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}"]
    headers = (
        ("Content-Type", content_type),
        ("Content-Length", str(len(body))),
        ("Connection", "close"),
        *SECURITY_HEADERS,
        *extra,
    )
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body
