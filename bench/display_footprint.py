"""A wall display's footprint: memory after start and after 5,000 calls, and the time
from start to the first correct frame.

The display runs as a real ``civiq display`` process (sound on, as in a hall: espeak-ng
renders in child processes, the queue drops what it cannot say in time) against a private
Mosquitto. Calls come from this script acting as the engine: the same retained state and
``called`` events the engine publishes, with rising ``seq``, as fast as the board takes
them (the script waits for the board every 25 calls) — a long day compressed. Memory is
the display process's resident set (psutil), read when the process has gone quiet.

First frame: from starting the process to its (debug) log line saying the board shows
the newest retained call. Baseline, same run: the time to start a bare
Python interpreter that imports PySide6 and opens a window (the floor for any Qt app).

Targets: rss <= 200 MB, growth <= 10 %, first frame <= 2 s.
Last line: {"rss_start_mb", "rss_after_mb", "growth_pct", "first_frame_s", ...}.

    .venv/bin/python bench/display_footprint.py [--calls 5000]
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
from datetime import datetime, timedelta
from pathlib import Path

import psutil
from _support import ROOT, SITE_ID, Mosquitto, emit, site_config, write_bench_site

from broker_config.mosquitto import stop_process
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import (
    Call,
    CallsState,
    EngineState,
    QueueState,
    ServiceState,
    TicketEvent,
    TicketInfo,
    TicketStatus,
)
from civiq.transport.mqtt import MqttClient

SHOWS = re.compile(r"board shows (\S+ \S+) \(t=")
T0 = datetime.fromisoformat("2026-11-24T09:00:00+01:00")


class FakeEngine:
    """Publishes what the engine would for a stream of calls (engine role)."""

    def __init__(self, client: MqttClient) -> None:
        self.c = client
        self.seq = int(time.time() * 1000)
        self.calls: list[Call] = []
        self.n = 0

    def _send(self, topic: str, kind: str, body, *, retain: bool = False) -> None:
        self.seq += 1
        self.c.publish(topic, env.encode(env.make(SITE_ID, kind, body, seq=self.seq)),
                       retain=retain)

    def online(self) -> None:
        self.c.publish(topics.state_engine(SITE_ID),
                       env.encode(env.make(SITE_ID, "engine", EngineState(online=True))),
                       retain=True)

    def call(self) -> str:
        self.n += 1
        prefix, service = ("A", "svc-0") if self.n % 3 else ("B", "svc-1")
        number = f"{prefix}{self.n % 1000:03d}"
        counter = f"platz-{1 + self.n % 2}"
        at = T0 + timedelta(seconds=6 * self.n)
        t = TicketInfo(number=number, service=service, status=TicketStatus.CALLED,
                       arrival=at - timedelta(minutes=20), issued_at=at - timedelta(minutes=20),
                       counter=counter, called_at=at)
        self._send(topics.event(SITE_ID, "called"), "called", TicketEvent(
            ticket=t, counter=counter, counter_name=f"Platz {counter[-1]}"))
        call = Call(number=number, service=service, counter=counter,
                    counter_name=f"Platz {counter[-1]}", at=at)
        self.calls = [call, *self.calls][:20]
        self._send(topics.state_queue(SITE_ID), "queue", QueueState(
            day="2026-11-24", counters=[], waiting=[], served_today=self.n,
            issued_today=self.n + 12,
            services=[ServiceState(id=s, waiting=(self.n * 7 + i) % 15, eta_min=5.0 + i * 3,
                                   open_counters=1) for i, s in enumerate(("svc-0", "svc-1"))]),
            retain=True)
        self._send(topics.state_calls(SITE_ID), "calls", CallsState(calls=self.calls),
                   retain=True)
        return f"{number[0]} {number[1:]}"


def rss_mb(proc: psutil.Process) -> float:
    return proc.memory_info().rss / 2**20


def wait_quiet(proc: psutil.Process, timeout: float = 20.0) -> None:
    """Until the process has used < 3 % of a core for half a second."""
    deadline = time.monotonic() + timeout
    last = sum(proc.cpu_times()[:2])
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = sum(proc.cpu_times()[:2])
        if now - last < 0.015:
            return
        last = now


def qt_floor_s() -> float:
    code = ("import sys; from PySide6.QtWidgets import QApplication, QLabel; "
            "a = QApplication([]); w = QLabel('x'); w.show(); a.processEvents(); "
            "print('shown', flush=True)")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=30)
    return time.perf_counter() - t0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--calls", type=int, default=5000)
    args = p.parse_args()
    # A timeout's SIGTERM unwinds like an error: the broker and engine children stop too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    floor = qt_floor_s()
    with tempfile.TemporaryDirectory(prefix="civiq-bench-footprint-") as tmp, \
            Mosquitto() as broker:
        folder = Path(tmp)
        site_file = write_bench_site(folder, 2)
        cfg = site_config(site_file, broker.port)
        engine = FakeEngine(MqttClient(cfg.broker, SITE_ID, "engine", SITE_ID).start(wait=10))
        engine.online()
        for _ in range(8):
            last_shown = engine.call()  # a morning's retained state before the board starts

        current = threading.Event()
        stopped_showing: list[str] = []
        log_lines: list[str] = []
        cmd = [str(ROOT / ".venv" / "bin" / "civiq"), "-v", "display", "--site", str(site_file),
               "--broker-port", str(broker.port), "--id", "footprint"]
        t_start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, cwd=ROOT,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                     "PYTHONUNBUFFERED": "1"})
        first_frame = [0.0]
        shown_now = [""]
        shown_cv = threading.Condition()

        def read_log() -> None:
            assert proc.stderr is not None
            for line in proc.stderr:
                log_lines.append(line.rstrip())
                m = SHOWS.search(line)
                if m:
                    with shown_cv:
                        shown_now[0] = m.group(1)
                        shown_cv.notify_all()
                if (f"board shows {last_shown} (" in line and not current.is_set()):
                    first_frame[0] = time.perf_counter() - t_start
                    current.set()
                if "stopped, showing" in line:
                    stopped_showing.append(line.rsplit("showing ", 1)[1].strip())

        threading.Thread(target=read_log, daemon=True).start()
        try:
            if not current.wait(30):
                raise SystemExit("display did not show the retained state in 30 s:\n"
                                 + "\n".join(log_lines[-60:]))
            ps = psutil.Process(proc.pid)
            wait_quiet(ps)
            rss_start = rss_mb(ps)

            t_calls = time.perf_counter()
            for i in range(args.calls):
                last_shown = engine.call()
                if i % 25 == 24:
                    # As fast as the board takes them, no faster: a backlog of queued
                    # messages would measure the burst, not the board.
                    target = last_shown
                    with shown_cv:
                        if not shown_cv.wait_for(lambda t=target: shown_now[0] == t, 10):
                            raise SystemExit(f"the board fell behind: showing {shown_now[0]}"
                                             f", sent {target}")
            calls_s = time.perf_counter() - t_calls
            wait_quiet(ps)
            rss_after = rss_mb(ps)
        finally:
            stop_process(proc, timeout=15)
            engine.c.stop()
        time.sleep(0.2)
        if not stopped_showing or stopped_showing[-1] != last_shown:
            raise SystemExit(f"display ended showing {stopped_showing[-1:]} instead of "
                             f"{last_shown}:\n" + "\n".join(log_lines[-60:]))

    growth = (rss_after - rss_start) / rss_start * 100
    result = {
        "rss_start_mb": round(rss_start, 1),
        "rss_after_mb": round(rss_after, 1),
        "growth_pct": round(growth, 2),
        "first_frame_s": round(first_frame[0], 3),
        "qt_window_floor_s": round(floor, 3),
        "first_frame_ratio": round(first_frame[0] / floor, 2),
        "calls": args.calls,
        "calls_published_s": round(calls_s, 1),
        "targets": {"rss_mb": 200, "growth_pct": 10, "first_frame_s": 2},
    }
    print(f"display footprint: {rss_start:.1f} MB after start, {rss_after:.1f} MB after "
          f"{args.calls} calls ({growth:+.2f} %); first correct frame {first_frame[0]:.2f} s "
          f"after start (bare Qt window: {floor:.2f} s); the board ended on {last_shown}")
    emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
