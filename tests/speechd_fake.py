"""A stand-in speech-dispatcher on a Unix socket: one that answers SSIP's first question,
or one that accepts and never answers (a hung daemon), for the speechd probe's tests."""

from __future__ import annotations

import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def fake_speechd(answers: bool) -> Iterator[Path]:
    """Yields a runtime folder (for XDG_RUNTIME_DIR) whose speech-dispatcher/speechd.sock
    is served by this fake; short, in /tmp: a Unix socket path has at most 107 bytes."""
    with tempfile.TemporaryDirectory(prefix="sd-", dir="/tmp") as runtime:
        path = Path(runtime) / "speech-dispatcher" / "speechd.sock"
        path.parent.mkdir()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.listen(8)
        server.settimeout(0.1)
        stop = threading.Event()
        held: list[socket.socket] = []  # a hung daemon keeps its clients connected

        def serve() -> None:
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except TimeoutError:
                    continue
                held.append(conn)
                if not answers:
                    continue
                conn.settimeout(1)
                try:
                    if conn.recv(256).startswith(b"SET SELF CLIENT_NAME"):
                        conn.sendall(b"208 OK CLIENT NAME SET\r\n")
                    if conn.recv(256).startswith(b"QUIT"):
                        conn.sendall(b"231 HAPPY HACKING\r\n")
                except OSError:
                    pass

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        try:
            yield Path(runtime)
        finally:
            stop.set()
            thread.join()
            for conn in held:
                conn.close()
            server.close()
