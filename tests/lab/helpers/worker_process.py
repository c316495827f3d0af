"""A helper process spoken to in JSON lines: commands on its stdin, replies on its stdout.

Commands are written straight to the pipe (no Qt write buffer waiting for the event loop),
so a cue handed over at its moment leaves at once. Replies are read by a plain thread and
delivered on the main thread through a queued signal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

from PySide6.QtCore import QObject, Signal

from piritimer import paths


class WorkerProcess(QObject):
    """Runs ``python -m <module> <args>``.

    Signals:
        message(object): a reply (a dict), on the main thread.
        ended(): the helper exited or could not be started.
    """

    message = Signal(object)
    ended = Signal()

    def __init__(self, module: str, args: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        env = dict(os.environ)
        # The helper imports piritimer from wherever this process did, installed or not.
        source_root = str(paths.PACKAGE_DIR.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (source_root, env.get("PYTHONPATH")) if p)
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-m", module, *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=None if os.environ.get("PIRITIMER_DEBUG_WORKERS") else subprocess.DEVNULL,
                env=env,
            )
        except OSError:
            self._process = None
        self._lock = threading.Lock()
        self._reader: threading.Thread | None = None
        if self._process is not None:
            self._reader = threading.Thread(target=self._read, args=(self._process,), daemon=True)
            self._reader.start()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            try:
                self.message.emit(json.loads(line))
            except json.JSONDecodeError:
                continue
        self.ended.emit()

    def send(self, **command: object) -> None:
        process = self._process
        if process is None or process.stdin is None:
            return
        data = (json.dumps(command) + "\n").encode()
        with self._lock:
            try:
                os.write(process.stdin.fileno(), data)
            except OSError:
                pass  # it has gone; ``ended`` says so

    def kill(self) -> None:
        """End a helper that has stopped answering."""
        process = self._process
        if process is not None:
            process.kill()
        self.close()

    def close(self) -> None:
        process = self._process
        if process is None:
            return
        self._process = None
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if self._reader is not None:
            self._reader.join(3)
        if process.stdout is not None:
            process.stdout.close()
