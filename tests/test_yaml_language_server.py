"""The schema in the real YAML language server, the one VS Code, Neovim and Helix run.

Driven over LSP on stdio as an editor drives it: diagnostics for a few files, completion of a
value, and hover text. The server is installed by tools/yaml-language-server.sh into
.cache/yls (pinned version); without it the tests skip, except under CI, where they must run.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from piritimer.core.schema import SCHEMA_FILE_NAME, schema_json

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / ".cache" / "yls" / "node_modules" / "yaml-language-server" / "bin"
SERVER_SCRIPT = SERVER / "yaml-language-server"
TIMEOUT_S = 60.0

pytestmark = pytest.mark.hardware


class LanguageServer:
    """A minimal LSP client: JSON-RPC messages with Content-Length headers on stdio."""

    def __init__(self, root: Path) -> None:
        node = shutil.which("node")
        assert node is not None
        self.process = subprocess.Popen(
            [node, str(SERVER_SCRIPT), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        capabilities = {
            "textDocument": {
                "hover": {"contentFormat": ["plaintext", "markdown"]},
                "completion": {"completionItem": {"snippetSupport": True}},
            }
        }
        self.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": capabilities},
        )
        self.notify("initialized", {})
        settings = {"yaml": {"validate": True, "hover": True, "completion": True}}
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)["result"]

    def wait(self, wanted: Any) -> dict[str, Any]:
        while True:
            message = self.messages.get(timeout=TIMEOUT_S)
            if "method" in message and "id" in message:  # a request from the server
                result: Any = None
                if message["method"] == "workspace/configuration":
                    result = [None for _ in message["params"]["items"]]
                self._send({"id": message["id"], "result": result})
                continue
            if wanted(message):
                return message

    def open(self, path: Path, text: str) -> list[dict[str, Any]]:
        """Open a document; the diagnostics the server publishes for it."""
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        message = self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )
        diagnostics: list[dict[str, Any]] = message["params"]["diagnostics"]
        return diagnostics

    def ask(self, method: str, path: Path, text: str, line: int, character: int) -> Any:
        """Open ``text`` as ``path`` and ask ``method`` (completion, hover) at a position."""
        self.open(path, text)
        position = {"line": line, "character": character}
        return self.request(method, {"textDocument": {"uri": path.as_uri()}, "position": position})

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.reader.join(timeout=10)
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LanguageServer, Path]]:
    if not SERVER_SCRIPT.is_file() or shutil.which("node") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("yaml-language-server is not installed: run tools/yaml-language-server.sh")
        pytest.skip("yaml-language-server not installed (tools/yaml-language-server.sh)")
    folder = tmp_path_factory.mktemp("yls")
    (folder / SCHEMA_FILE_NAME).write_text(schema_json(), encoding="utf-8")
    client = LanguageServer(folder)
    yield client, folder
    client.close()


HEAD = f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}\n"
COUNTER = iter(range(1000))


def check(server: tuple[LanguageServer, Path], body: str) -> list[dict[str, Any]]:
    client, folder = server
    return client.open(folder / f"s{next(COUNTER)}.yaml", HEAD + body)


def test_files_piritimer_accepts_have_no_problems_in_the_editor(
    server: tuple[LanguageServer, Path],
) -> None:
    body = (
        "format: 1.0\ntitle: NO\ntags: [hip, 2015]\n"
        "defaults: {voice: NO, sounds: On, rest after: none}\n"
        "exercises:\n"
        "  - name: A\n    sides: Left then right\n    setup time: Wait\n"
        "    reps: '3'\n    hold: 1:30\n"
        "  - name: B\n    hold: 5 breaths\n    breathing: {inhale: 4s}\n"
        "  - name: C\n    breathing: {inhale: 4s, exhale: 6s, cycles: 5}\n"
    )
    assert check(server, body) == []


@pytest.mark.parametrize(
    ("line", "value", "said"),
    [
        (4, "hold: half a minute", "Expected a duration such as 30s, 1m30s"),
        (4, "hold: 1:90", "Expected a duration"),
        (4, "hold: 4h", "Expected a duration"),
        (4, "hold: 0 breaths", "or a number of breaths"),
        (5, "sides: sideways", "Expected one of: none, left then right"),
    ],
)
def test_mistakes_read_as_what_was_expected(
    server: tuple[LanguageServer, Path], line: int, value: str, said: str
) -> None:
    work = "" if value.startswith("hold") else "    hold: 30s\n"
    body = f"title: T\nexercises:\n  - name: A\n{work}    {value}\n"
    diagnostics = check(server, body)
    messages = [d["message"] for d in diagnostics]
    assert any(said in m for m in messages), messages
    assert not any("Incorrect type" in m for m in messages), messages
    assert {d["range"]["start"]["line"] for d in diagnostics} == {line}


def test_completing_tags_inserts_a_yaml_list(server: tuple[LanguageServer, Path]) -> None:
    client, folder = server
    body = "title: T\ntags: \nexercises:\n  - name: A\n    hold: 30s\n"
    result = client.ask("textDocument/completion", folder / "complete.yaml", HEAD + body, 2, 6)
    items = result["items"] if isinstance(result, dict) else result
    inserted = [item.get("insertText") or item.get("textEdit", {}).get("newText") for item in items]
    assert inserted, items
    assert not any(text and '"[' in text for text in inserted), inserted
    assert any(text and text.lstrip().startswith("- ") for text in inserted), inserted


def test_hover_shows_the_key_description_once(server: tuple[LanguageServer, Path]) -> None:
    client, folder = server
    body = "title: T\nexercises:\n  - name: A\n    hold: 30s\n"
    result = client.ask("textDocument/hover", folder / "hover.yaml", HEAD + body, 4, 5)
    contents = result["contents"]
    text = contents["value"] if isinstance(contents, dict) else str(contents)
    assert text.startswith("#### hold\n"), text
    assert "How long each repetition holds" in text, text
    assert "||" not in text, text
    assert text.count("How long each repetition holds") == 1, text
