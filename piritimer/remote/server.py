"""RemoteServer: the phone remote and follow-along page, served while the teacher has it on.

One TCP port. Plain requests are read here (piritimer.remote.http) and answered at once;
a WebSocket upgrade with a good token is handed, unread, to a QWebSocketServer, which then
pushes the class view's state to the page on every change. Tokens are made for each
presentation: the remote token may control, the follow token only reads, anything else gets
403 and nothing more. Off by default, and listening only while on.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import partial
from importlib import resources

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import (
    QAbstractSocket,
    QHostAddress,
    QNetworkInterface,
    QTcpServer,
    QTcpSocket,
)
from PySide6.QtWebSockets import QWebSocket, QWebSocketServer

from piritimer.core.i18n import _
from piritimer.present.keys import Action
from piritimer.present.presentation import Presentation
from piritimer.remote.http import (
    MAX_HEAD_BYTES,
    BadRequest,
    Request,
    head_complete,
    parse_head,
    response,
)
from piritimer.remote.status import class_view_json
from piritimer.remote.words import render_page

COMMANDS = {
    "next": Action.NEXT,
    "previous": Action.PREVIOUS,
    "pause": Action.TOGGLE,
    "blank": Action.BLANK,
}
"""The API's verbs: what a clicker does, by name (pause also starts and resumes)."""
PAGE_FILES = {
    "": ("page.html", "text/html; charset=utf-8"),
    "app.js": ("app.js", "text/javascript; charset=utf-8"),
    "app.css": ("app.css", "text/css; charset=utf-8"),
}
HEAD_TIMEOUT_MS = 5000
"""A connection that has not sent its request head by then is dropped."""
MAX_WEBSOCKET_MESSAGE = 32
"""A command is a word: longer messages are ignored."""
MAX_CLIENTS = 32


class RemoteServer(QObject):
    """The page and the API for one presentation at a time.

    Signals:
        runningChanged(bool): the server started listening (True) or stopped.
    """

    runningChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, port: int = 0) -> None:
        super().__init__(parent)
        self._port = port
        self._tcp: QTcpServer | None = None
        self._sockets = QWebSocketServer("piritimer", QWebSocketServer.SslMode.NonSecureMode, self)
        self._sockets.newConnection.connect(self._on_websocket)
        self._readers: dict[QTcpSocket, tuple[Callable[[], None], Callable[[], None]]] = {}
        """Connections of ours, with their readyRead and disconnected handlers."""
        self._clients: dict[QWebSocket, bool] = {}
        """Open page connections, each with whether it may control."""
        self.presentation: Presentation | None = None
        self.remote_token = ""
        self.follow_token = ""
        self._push = QTimer(self)
        self._push.setSingleShot(True)
        self._push.setInterval(0)  # coalesce a burst of signals into one message
        self._push.timeout.connect(self.broadcast)

    # -- lifetime -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._tcp is not None

    @property
    def port(self) -> int:
        return self._tcp.serverPort() if self._tcp is not None else self._port

    def attach(self, presentation: Presentation) -> None:
        """Serve ``presentation`` from now on, with new tokens; off until ``start``."""
        self.stop()
        self.presentation = presentation
        self.remote_token = secrets.token_urlsafe(18)
        self.follow_token = secrets.token_urlsafe(18)
        self._port = 0
        driver = presentation.driver
        for signal in (driver.stepStarted, driver.stateChanged, driver.secondsLeftChanged):
            signal.connect(self._changed)
        for changed in (
            presentation.blankChanged,
            presentation.messageChanged,
            presentation.holdingChanged,
        ):
            changed.connect(self._changed)
        presentation.remoteRequested.connect(self.toggle)
        presentation.closed.connect(self._detach)

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self, address: QHostAddress | None = None) -> bool:
        """Listen (on every interface unless told), on the same port as last time if it was
        on before, so an open page finds it again."""
        if self.presentation is None or self.running:
            return self.running
        tcp = QTcpServer(self)
        tcp.setMaxPendingConnections(MAX_CLIENTS)
        where = address if address is not None else QHostAddress(QHostAddress.SpecialAddress.Any)
        if not tcp.listen(where, self._port):
            tcp.deleteLater()
            return False
        tcp.newConnection.connect(self._on_connection)
        self._tcp = tcp
        self._port = tcp.serverPort()
        self.presentation.show_remote(self.remote_url(), self.follow_url())
        self.runningChanged.emit(True)
        return True

    def stop(self) -> None:
        """Stop listening and close every connection (the tokens stay, for a restart)."""
        for client in list(self._clients):
            client.close()
        self._clients.clear()
        if self._tcp is not None:
            self._tcp.close()
            self._tcp.deleteLater()
            self._tcp = None
            if self.presentation is not None and self.presentation.is_open:
                self.presentation.show_remote(None, None)
            self.runningChanged.emit(False)

    def _detach(self) -> None:
        self.stop()
        self.presentation = None

    # -- addresses ----------------------------------------------------------------------------

    def remote_url(self, host: str | None = None) -> str:
        return f"http://{host or self.host()}:{self.port}/r/{self.remote_token}/"

    def follow_url(self, host: str | None = None) -> str:
        return f"http://{host or self.host()}:{self.port}/f/{self.follow_token}/"

    @staticmethod
    def host() -> str:
        """This computer's address on the local network (a phone cannot reach 127.0.0.1)."""
        for address in QNetworkInterface.allAddresses():
            if (
                address.protocol() is QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
                and not address.isLoopback()
                and not address.isLinkLocal()
            ):
                return address.toString()
        return "127.0.0.1"

    # -- plain requests -----------------------------------------------------------------------

    def _on_connection(self) -> None:
        assert self._tcp is not None
        while self._tcp.hasPendingConnections():
            socket = self._tcp.nextPendingConnection()
            timer = QTimer(socket)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda s=socket: s.abort())
            timer.start(HEAD_TIMEOUT_MS)
            handlers = (partial(self._on_ready, socket, timer), partial(self._gone, socket))
            self._readers[socket] = handlers
            socket.readyRead.connect(handlers[0])
            socket.disconnected.connect(handlers[1])

    def _on_ready(self, socket: QTcpSocket, timer: QTimer) -> None:
        # Peek, do not read: a WebSocket upgrade goes to QWebSocketServer with its head unread.
        data = bytes(socket.peek(MAX_HEAD_BYTES + 4).data())
        if not head_complete(data):
            if len(data) > MAX_HEAD_BYTES:
                self._answer(socket, response(431, b"request head too large\n"))
            return
        timer.stop()
        try:
            request = parse_head(data)
        except BadRequest as error:
            self._answer(socket, response(error.status, f"{error}\n".encode()))
            return
        if request.is_websocket:
            self._upgrade(socket, request)
            return
        socket.readAll()
        self._answer(socket, self._respond(request))

    def _stop_reading(self, socket: QTcpSocket, *, hand_over: bool = False) -> None:
        """No more reading here; ``hand_over``: the socket now belongs to the WebSocket
        server, which deletes it itself."""
        handlers = self._readers.get(socket)
        if handlers is None:
            return
        socket.readyRead.disconnect(handlers[0])
        if hand_over:
            socket.disconnected.disconnect(handlers[1])
            del self._readers[socket]

    def _gone(self, socket: QTcpSocket) -> None:
        self._readers.pop(socket, None)
        socket.deleteLater()

    def _answer(self, socket: QTcpSocket, data: bytes) -> None:
        """Send and forget: the connection closes once the answer is out."""
        self._stop_reading(socket)
        socket.readAll()
        socket.write(data)
        socket.disconnectFromHost()

    def _respond(self, request: Request) -> bytes:
        may_control = self._access(request.segments[1] if len(request.segments) > 1 else "")
        if may_control is None or self.presentation is None:
            return _forbidden()
        kind, rest = request.segments[0], request.segments[2:]
        if kind in ("r", "f"):
            if (kind == "r") != may_control:
                return _forbidden()  # the follow token opens no remote
            name = "/".join(rest)
            if name not in PAGE_FILES or request.method != "GET":
                return response(404, b"not found\n")
            file_name, content_type = PAGE_FILES[name]
            body = resources.files("piritimer.remote").joinpath("page", file_name).read_bytes()
            if file_name == "page.html":  # its words, in the app's language as it is now
                body = render_page(body.decode("utf-8")).encode("utf-8")
            return response(200, body, content_type)
        if kind == "api" and len(rest) == 1:
            verb = rest[0]
            if verb == "status" and request.method == "GET":
                return self._status()
            if verb in COMMANDS:
                if not may_control:
                    return _forbidden()
                if request.method != "POST":
                    return response(405, b"use POST\n", extra=(("Allow", "POST"),))
                self.presentation.perform(COMMANDS[verb])
                return self._status()
        return response(404, b"not found\n") if kind in ("r", "f", "api") else _forbidden()

    def _status(self) -> bytes:
        assert self.presentation is not None
        return response(200, class_view_json(self.presentation), "application/json")

    def _access(self, token: str) -> bool | None:
        """True: may control; False: may read; None: no access (a wrong or missing token)."""
        if self.remote_token and secrets.compare_digest(token, self.remote_token):
            return True
        if self.follow_token and secrets.compare_digest(token, self.follow_token):
            return False
        return None

    # -- the page's live connection -----------------------------------------------------------

    def _upgrade(self, socket: QTcpSocket, request: Request) -> None:
        may_control = self._access(request.segments[1] if len(request.segments) == 2 else "")
        if request.segments[:1] != ("ws",) or may_control is None:
            self._answer(socket, _forbidden())
            return
        if len(self._clients) >= MAX_CLIENTS:
            self._answer(socket, response(403, b"too many pages open\n"))
            return
        self._stop_reading(socket, hand_over=True)
        self._sockets.handleConnection(socket)

    def _on_websocket(self) -> None:
        while self._sockets.hasPendingConnections():
            client = self._sockets.nextPendingConnection()
            may_control = self._access(client.requestUrl().path().rstrip("/").split("/")[-1])
            if may_control is None or self.presentation is None:
                client.close()
                continue
            self._clients[client] = may_control
            client.textMessageReceived.connect(lambda text, c=client: self._on_message(c, text))
            client.disconnected.connect(lambda c=client: self._forget(c))
            client.sendTextMessage(class_view_json(self.presentation).decode("utf-8"))

    def _on_message(self, client: QWebSocket, text: str) -> None:
        if len(text) > MAX_WEBSOCKET_MESSAGE or not self._clients.get(client):
            return  # a follower, or not a command: ignored
        action = COMMANDS.get(text.strip())
        if action is not None and self.presentation is not None:
            self.presentation.perform(action)
            self.broadcast()  # at once, not after the next signal

    def _forget(self, client: QWebSocket) -> None:
        self._clients.pop(client, None)
        client.deleteLater()

    def _changed(self, *_signal: object) -> None:
        if self._clients:
            self._push.start()

    def broadcast(self) -> None:
        if self.presentation is None or not self._clients:
            return
        text = class_view_json(self.presentation).decode("utf-8")
        for client in list(self._clients):
            client.sendTextMessage(text)


def _forbidden() -> bytes:
    """The one answer to a wrong, old or missing token, whatever was asked (it tells nothing
    about what exists); a phone that scanned last week's code shows it, so it says what to do."""
    text = _("This link is not (or no longer) valid: scan the code on the presenter view again.")
    return response(403, f"{text}\n".encode())
