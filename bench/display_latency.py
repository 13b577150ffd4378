"""Counter command -> the number on the wall board, with 20 boards connected.

A private Mosquitto, the engine as a real ``civiq engine`` process, and 20 real board
widgets (offscreen Qt, 1920x1080) in this process, each with its own MQTT connection. A
counter sends ``call_next`` 200 times, one call at a time; each sample is the time from
sending the command to the moment one board first paints the called number in its big
number label (its ``newest_shown`` signal, from the label's paint on the GUI thread).
Each call gives 20 samples; the slowest board of each call is reported too. The 20
boards share one GUI thread and one Python interpreter lock here, where in a hall they
are 20 devices: board k waits for boards 1..k-1, so the figure is a hall's worth of work
on one small machine. A first pass with one board (100 calls) gives what a single
display sees.

The default stays one process, the worst case on purpose: a hall has one device per
board, which a 2-core machine cannot stand for (``--processes 20`` oversubscribes it);
the one-board figures in the same JSON are the nearest to what a hall's board sees.

``--processes N`` hosts the boards in N processes instead (they log the moment with the
monotonic clock, which Linux shares between processes): ``--processes 2`` gives each
core its own interpreter; ``--processes 20`` runs each board as its own ``civiq
display``, which on 2 cores mostly measures the scheduler.

Baseline, same run, same broker: the raw MQTT round trip, paho publish (QoS 1) from one
client to another subscribed client, 200 times. Target: p99 <= 50 ms.
Last line: {"p50_ms", "p99_ms", "raw_p99_ms", "ratio_p99", ...}.

    .venv/bin/python bench/display_latency.py [--boards 20] [--calls 200] [--processes N]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from _support import ROOT, SITE_ID, Mosquitto, emit, engine_process, percentile, site_config

from broker_config.mosquitto import stop_process
from civiq.config import Broker
from civiq.transport.mqtt import MqttClient

SHOWS = re.compile(r"board shows (\S+ \S+) \(t=([0-9.]+)\)")
GAP_S = 0.02  # between calls: a hall is not called at machine speed


def raw_round_trip(port: int, n: int) -> list[float]:
    broker = Broker(host="127.0.0.1", port=port)
    got = threading.Event()
    sender = MqttClient(broker, SITE_ID, "operator", "raw-send").start(wait=10)
    receiver = MqttClient(broker, SITE_ID, "display", "raw-recv")
    receiver.route("bench/raw", lambda *_: got.set())
    receiver.start(wait=10)
    time.sleep(0.2)  # the subscription is in place
    out = []
    try:
        for _ in range(n + 10):
            got.clear()
            t0 = time.perf_counter()
            sender.publish("bench/raw", b'{"x": 1}', qos=1)
            if not got.wait(5):
                raise RuntimeError("raw round trip: message lost")
            out.append((time.perf_counter() - t0) * 1000)
    finally:
        sender.stop()
        receiver.stop()
    return out[10:]  # the first few warm up the connection


def write_site(folder: Path) -> Path:
    """One quick walk-in service, so 200 waiting tickets stay within opening hours."""
    path = folder / "display-bench-site.toml"
    path.write_text("\n".join([
        # demo: any counter device may act on any counter (no [[counters]] devices here).
        "[site]", f'id = "{SITE_ID}"', 'name = "Kundenzentrum Wandsbek (bench)"', "demo = true",
        'timezone = "Europe/Berlin"', "[hours]", 'tuesday = "08:00-18:00"',
        "[[services]]", 'id = "svc-0"', 'prefix = "A"', "minutes = 1",
        'names = { de = "Abholung", en = "Collecting documents" }',
        "[[counters]]", 'id = "platz-1"', 'name = "Platz 1"', 'services = ["svc-0"]',
    ]) + "\n")
    return path


class Tally:
    """Shown times per number per board; the driver waits until every board has it."""

    def __init__(self, boards: int) -> None:
        self.boards = boards
        self.sent: dict[str, float] = {}
        self.samples: list[float] = []
        self.worst: list[float] = []
        self._seen: dict[str, int] = {}
        self._cv = threading.Condition()

    def mark_sent(self, number: str) -> None:
        with self._cv:
            self.sent[number] = time.monotonic()

    def shown(self, number: str, at: float) -> None:
        with self._cv:
            t0 = self.sent.get(number)
            if t0 is None:
                return
            ms = (at - t0) * 1000
            self.samples.append(ms)
            self._seen[number] = self._seen.get(number, 0) + 1
            if self._seen[number] == self.boards:
                self.worst.append(ms)
                self._cv.notify_all()

    def wait_all(self, number: str, timeout: float) -> bool:
        with self._cv:
            return self._cv.wait_for(lambda: self._seen.get(number, 0) >= self.boards,
                                     timeout)


def drive(counter: MqttClient, tally: Tally, calls: int, ready: Callable[[], bool],
          first: int) -> None:
    """Calls ``first``-1 (warm-up) .. ``first`` + ``calls`` - 1 (measured)."""
    deadline = time.monotonic() + 40
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError("boards did not become current in 40 s")
        time.sleep(0.05)
    counter.request("call_next", {"counter": "platz-1"})  # warm-up
    time.sleep(0.3)
    for i in range(first, first + calls):
        number = f"A {i:03d}"
        tally.mark_sent(number)
        counter.request_async("call_next", {"counter": "platz-1"})
        if not tally.wait_all(number, 10):
            raise RuntimeError(f"{number}: not on every board in 10 s")
        time.sleep(GAP_S)


def boards_as_processes(site_file: Path, port: int, n: int, counter: MqttClient,
                        tally: Tally, calls: int, first: int, processes: int) -> None:
    """``processes`` == ``n``: each board a ``civiq display``; fewer: that many worker
    processes of this script, each with its share of the boards."""
    current: list[int] = []
    procs: list[subprocess.Popen] = []
    logs: list[list[str]] = []

    def read(i: int, proc: subprocess.Popen) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "board current" in line:
                current.append(i)
            m = SHOWS.search(line)
            if m:
                tally.shown(m.group(1), float(m.group(2)))
            elif len(logs[i]) < 50:
                logs[i].append(line.rstrip())

    shares = [n // processes + (1 if i < n % processes else 0) for i in range(processes)]
    try:
        for i, share in enumerate(shares):
            if processes == n:
                cmd = [str(ROOT / ".venv" / "bin" / "civiq"), "-v", "display", "--site",
                       str(site_file), "--broker-port", str(port), "--id", f"bench-{i:02d}",
                       "--mute", "--size", "1920x1080"]
            else:
                cmd = [sys.executable, __file__, "--worker", str(site_file), "--port",
                       str(port), "--boards", str(share), "--first-id", str(sum(shares[:i]))]
            proc = subprocess.Popen(
                cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"})
            procs.append(proc)
            logs.append([])
            threading.Thread(target=read, args=(i, proc), daemon=True).start()
        try:
            drive(counter, tally, calls, lambda: len(current) >= n, first)
        except RuntimeError as exc:
            dead = [f"board {i}: exit {p.poll()}: {logs[i][-5:]}" for i, p in enumerate(procs)
                    if p.poll() is not None]
            raise RuntimeError(f"{exc}; {dead[:3]}") from exc
    finally:
        for p in procs:
            p.terminate()  # all at once; then each gets its grace time
        for p in procs:
            stop_process(p, timeout=10)


def worker(site_file: Path, port: int, n: int, first_id: int) -> int:
    """Host ``n`` boards until terminated; they log "board current" and "board shows"."""
    import logging

    from PySide6.QtWidgets import QApplication

    from display_board.app import DisplayApp

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("display_board.app").setLevel(logging.DEBUG)
    qapp = QApplication([])
    cfg = site_config(site_file, port)
    boards = []
    for i in range(n):
        app = DisplayApp(cfg, f"bench-{first_id + i:02d}", sound=False)
        app.board.resize(1920, 1080)
        app.board.show()
        app.start()
        boards.append(app)
    signal.signal(signal.SIGTERM, lambda *_: qapp.quit())
    from PySide6.QtCore import QTimer

    wake = QTimer()  # lets Python see SIGTERM while Qt waits
    wake.timeout.connect(lambda: None)
    wake.start(200)
    qapp.exec()
    for b in boards:
        b.stop()
    return 0


def boards_in_process(cfg, n: int, counter: MqttClient, tally: Tally, calls: int,
                      first: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from display_board.app import DisplayApp

    qapp = QApplication.instance() or QApplication([])

    class Done(QObject):
        finished = Signal()  # emitted on the driver thread, handled on the GUI thread

    done = Done()
    done.finished.connect(qapp.quit)
    boards = []
    for i in range(n):
        app = DisplayApp(cfg, f"bench-{i:02d}", sound=False)
        app.board.resize(1920, 1080)
        app.board.show()
        app.board.newest_shown.connect(lambda num: tally.shown(num, time.monotonic()))
        app.start()
        boards.append(app)
    failure: list[Exception] = []

    def run() -> None:
        try:
            drive(counter, tally, calls, lambda: all(
                b.board.view is not None and not b.board.view.stale for b in boards), first)
        except Exception as exc:  # re-raised below; the event loop must end first
            failure.append(exc)
        finally:
            done.finished.emit()

    threading.Thread(target=run, daemon=True).start()
    qapp.exec()
    for b in boards:
        b.stop()
        b.board.close()
        b.board.deleteLater()
    qapp.processEvents()
    if failure:
        raise failure[0]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--boards", type=int, default=20)
    p.add_argument("--calls", type=int, default=200)
    p.add_argument("--processes", type=int, default=0,
                   help="host the boards in this many processes (20: each board its own "
                   "civiq display); default 0: in this process")
    p.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--port", type=int, help=argparse.SUPPRESS)
    p.add_argument("--first-id", type=int, default=0, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        return worker(args.worker, args.port, args.boards, args.first_id)
    # A timeout's SIGTERM unwinds like an error: the broker and engine children stop too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    single = Tally(1)
    tally = Tally(args.boards)
    with tempfile.TemporaryDirectory(prefix="civiq-bench-display-") as tmp, \
            Mosquitto() as broker:
        folder = Path(tmp)
        site_file = write_site(folder)
        cfg = site_config(site_file, broker.port)
        raw = raw_round_trip(broker.port, args.calls)
        with engine_process(site_file, broker.port, folder):
            kiosk = MqttClient(cfg.broker, SITE_ID, "kiosk", "bench-kiosk").start(wait=10)
            counter = MqttClient(cfg.broker, SITE_ID, "counter", "platz-1").start(wait=10)
            try:
                counter.request("open_counter", {"counter": "platz-1"})
                single_calls = 100
                for _ in range(single_calls + 1):
                    kiosk.request("issue_ticket", {"service": "svc-0"})
                boards_in_process(cfg, 1, counter, single, single_calls, first=2)
                for _ in range(args.calls + 1):
                    kiosk.request("issue_ticket", {"service": "svc-0"})
                first = single_calls + 3
                if args.processes:
                    boards_as_processes(site_file, broker.port, args.boards, counter, tally,
                                        args.calls, first, args.processes)
                else:
                    boards_in_process(cfg, args.boards, counter, tally, args.calls, first)
            finally:
                kiosk.stop()
                counter.stop()

    samples, worst = tally.samples, tally.worst
    p50, p99 = percentile(samples, 50), percentile(samples, 99)
    raw_p50, raw_p99 = percentile(raw, 50), percentile(raw, 99)
    mode = f"{args.processes} processes" if args.processes else "one process"
    result = {
        "p50_ms": round(p50, 2),
        "p99_ms": round(p99, 2),
        "raw_p50_ms": round(raw_p50, 3),
        "raw_p99_ms": round(raw_p99, 3),
        "ratio_p99": round(p99 / raw_p99, 1),
        "slowest_board_p50_ms": round(percentile(worst, 50), 2),
        "slowest_board_p99_ms": round(percentile(worst, 99), 2),
        "single_board_p50_ms": round(percentile(single.samples, 50), 2),
        "single_board_p99_ms": round(percentile(single.samples, 99), 2),
        "boards": args.boards,
        "mode": mode,
        "calls": len(worst),
        "samples": len(samples),
        "target_p99_ms": 50,
    }
    print(f"{len(worst)} calls x {args.boards} boards ({mode}): command -> number on the "
          f"board p50 {p50:.1f} ms, p99 {p99:.1f} ms (slowest board per call: p99 "
          f"{result['slowest_board_p99_ms']} ms); raw MQTT round trip p50 {raw_p50:.2f} ms, "
          f"p99 {raw_p99:.2f} ms; ratio p99 {result['ratio_p99']}; one board alone: p50 "
          f"{result['single_board_p50_ms']} ms, p99 {result['single_board_p99_ms']} ms")
    emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
