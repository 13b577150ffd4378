"""A virtual network ticket printer on a loopback TCP port, for the tests and the demo.

It speaks the ESC/POS subset of a network thermal printer (raw TCP, like port 9100):
records the bytes of each ticket (from ``ESC @`` to the cut), and answers the real-time
status requests ``DLE EOT n`` and ``GS r n`` as a printer that is online with paper, near
the paper's end, out of paper, offline — or that accepts the connection and never answers
at all. The state can be switched while it runs. Plain Python (``socketserver``)::

    with VirtualPrinter() as vp:            # 127.0.0.1, a free port
        settings = PrinterSettings(backend="network", host=vp.host, port=vp.port)
        vp.state = VirtualState.PAPER_OUT
        ...
        job = vp.wait_for_jobs(1)[0]
        decode(job.data).qr_payloads

``python -m printers.virtual [--port 9100]`` runs one and prints what it receives.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from printers.escpos_stream import DecodeError, Token, next_token


class VirtualState(StrEnum):
    OK = "ok"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    SILENT = "silent"  # accepts connections, reads, never answers


# DLE EOT 1: bit 3 set = offline. DLE EOT 4: bits 2-3 near end, bits 5-6 paper out.
_DLE_EOT = {
    1: {VirtualState.OFFLINE: 0x1A},
    4: {VirtualState.PAPER_NEAR_END: 0x1E, VirtualState.PAPER_OUT: 0x72},
}
# GS r 1 (paper sensor): bits 0-1 near end, bits 2-3 paper out.
_GS_R1 = {VirtualState.PAPER_NEAR_END: 0x03, VirtualState.PAPER_OUT: 0x0F}


@dataclass(frozen=True)
class PrintJob:
    data: bytes  # ESC/POS bytes of one ticket, status requests left out
    complete: bool  # ended with a cut (else the connection closed first)
    at: float  # time.monotonic() when the last byte arrived


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, printer: VirtualPrinter, address: tuple[str, int]) -> None:
        self.printer = printer
        super().__init__(address, _Connection)


class _Connection(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        vp: VirtualPrinter = self.server.printer  # type: ignore[attr-defined]
        sock: socket.socket = self.request
        vp._opened(sock)
        # One-byte answers go out at once (Nagle would hold the second for an ACK).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buf, job = b"", bytearray()
        sock.settimeout(0.2)
        try:
            while not vp._stopping.is_set():
                try:
                    chunk = sock.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                buf += chunk
                i = 0
                while i < len(buf):
                    try:
                        step = next_token(buf, i)
                    except DecodeError:
                        # A real printer ignores what it does not know; keep the byte.
                        step = (Token("unknown", raw=buf[i:i + 1]), i + 1)
                    if step is None:
                        break
                    tok, i = step
                    if tok.kind == "status":
                        answer = vp._answer(tok)
                        if answer is not None:
                            sock.sendall(bytes([answer]))
                    else:
                        job += tok.raw
                        if tok.kind == "cut":
                            vp._job(bytes(job), complete=True)
                            job.clear()
                buf = buf[i:]
        except OSError:
            pass
        finally:
            if job.strip(b"\x00"):
                vp._job(bytes(job + buf), complete=False)
            vp._closed(sock)


class VirtualPrinter:
    def __init__(self, host: str = "127.0.0.1", port: int = 0,
                 state: VirtualState = VirtualState.OK,
                 on_job: Callable[[PrintJob], None] | None = None) -> None:
        self.state = state
        self.on_job = on_job
        self.jobs: list[PrintJob] = []
        self.status_requests = 0
        self.connections = 0
        self._cond = threading.Condition()
        self._stopping = threading.Event()
        self._open: set[socket.socket] = set()
        self._server = _Server(self, (host, port))
        self.host, self.port = self._server.server_address[:2]
        self._thread: threading.Thread | None = None

    # ----- life -----------------------------------------------------------------------
    def start(self) -> VirtualPrinter:
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.1},
                                        name="virtual-printer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Close the port and every open connection (a printer switched off)."""
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._cond:
            for s in list(self._open):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def __enter__(self) -> VirtualPrinter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ----- what it received -----------------------------------------------------------
    @property
    def tickets(self) -> list[bytes]:
        """The bytes of every complete ticket (ended by a cut), oldest first."""
        with self._cond:
            return [j.data for j in self.jobs if j.complete]

    def wait_for_jobs(self, n: int, timeout: float = 5.0) -> list[PrintJob]:
        """The first ``n`` complete jobs; TimeoutError if they do not arrive in time."""
        with self._cond:
            if not self._cond.wait_for(
                    lambda: sum(j.complete for j in self.jobs) >= n, timeout):
                got = sum(j.complete for j in self.jobs)
                raise TimeoutError(f"virtual printer: {got} of {n} tickets in {timeout} s")
            return [j for j in self.jobs if j.complete][:n]

    # ----- the connection's side ------------------------------------------------------
    def _opened(self, s: socket.socket) -> None:
        with self._cond:
            self._open.add(s)
            self.connections += 1

    def _closed(self, s: socket.socket) -> None:
        with self._cond:
            self._open.discard(s)

    def _answer(self, tok: Token) -> int | None:
        state = self.state
        with self._cond:
            self.status_requests += 1
        if state is VirtualState.SILENT:
            return None
        n = tok.args[0] if tok.args else 0
        if tok.cmd == b"\x04":  # DLE EOT n
            return _DLE_EOT.get(n, {}).get(state, 0x12)
        if tok.cmd == b"r":  # GS r n
            return _GS_R1.get(state, 0x00) if n in (1, 49) else 0x00
        return None

    def _job(self, data: bytes, complete: bool) -> None:
        job = PrintJob(data, complete, time.monotonic())
        with self._cond:
            self.jobs.append(job)
            self._cond.notify_all()
        if self.on_job is not None:
            self.on_job(job)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from printers.escpos_stream import decode

    ap = argparse.ArgumentParser(prog="python -m printers.virtual",
                                 description="A virtual ESC/POS network printer.")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=9100)
    ap.add_argument("--state", choices=[s.value for s in VirtualState], default="ok")
    args = ap.parse_args(argv)

    def show(job: PrintJob) -> None:
        try:
            d = decode(job.data)
            print("\n".join(d.lines), f"\nQR: {d.qr_payloads}  images: {len(d.images)}",
                  "\n" + "-" * 40, flush=True)
        except DecodeError as exc:
            print(f"({len(job.data)} bytes, not decoded: {exc})", flush=True)

    try:
        vp = VirtualPrinter(args.host, args.port, VirtualState(args.state), on_job=show)
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
        return 1
    print(f"virtual printer on {vp.host}:{vp.port} ({vp.state}); Ctrl+C ends", flush=True)
    vp.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        vp.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
