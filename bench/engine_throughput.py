"""Durable commands per second through MQTT, end to end, against raw durable SQLite commits.

The engine runs as a real ``civiq engine`` process on a private Mosquitto. Ten clients
(counter role, each with its own counter serving its own service) each run
issue_ticket -> call_next -> finish cycles, one command at a time, with the library's
MqttClient. Every ok reply is counted: the engine replies only after the transaction that
holds the command has committed (WAL, synchronous=FULL), so each is a durable command.

Baseline, same run, same disk: single-row commits per second with raw sqlite3 in WAL and
synchronous=FULL, measured just before and just after the engine's run and averaged (on
these machines the disk's rate drifts by a third from one minute to the next).
Target (issue 8): >= 1,000 durable commands/s. The ratio to raw SQLite commits is reported
as a figure, not a target: throughput beyond what a site needs is not a goal.
Last line: {"commands_per_s", "sqlite_commits_per_s", "ratio", ...}.

    .venv/bin/python bench/engine_throughput.py [--clients 10] [--seconds 10]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from concurrent.futures import Future
from pathlib import Path

import psutil
from _support import (
    SITE_ID,
    Mosquitto,
    emit,
    engine_process,
    site_config,
    sqlite_commits_per_s,
    write_bench_site,
)

from civiq.transport.mqtt import MqttClient, RequestFailed


class Worker:
    """One client's cycle, issue_ticket -> call_next -> finish, one command at a time.

    Each reply sends the next command from the client's network thread (a future's
    callback), as an event-driven app would; no extra thread waits per client."""

    CYCLE = ("issue_ticket", "call_next", "finish")

    def __init__(self, client: MqttClient, index: int, stop: threading.Event,
                 measuring: threading.Event) -> None:
        self.client = client
        self.args = {"issue_ticket": {"service": f"svc-{index}"},
                     "call_next": {"counter": f"platz-{index + 1}"},
                     "finish": {"counter": f"platz-{index + 1}"}}
        self.stop_flag = stop
        self.measuring = measuring
        self.acked = 0
        self.refused: dict[str, int] = {}
        self.failure: BaseException | None = None
        self.done = threading.Event()
        self._step = 0

    def start(self) -> None:
        self._send()

    def _send(self) -> None:
        if self.stop_flag.is_set():
            self.done.set()
            return
        command = self.CYCLE[self._step % 3]
        fut = self.client.request_async(command, self.args[command], timeout=5.0, retries=1)
        fut.add_done_callback(self._replied)

    def _replied(self, fut: Future) -> None:
        exc = fut.exception()
        if isinstance(exc, RequestFailed):
            self.refused[exc.code] = self.refused.get(exc.code, 0) + 1
            if exc.code == "engine_unavailable":
                self.failure = exc
                self.done.set()
                return
        elif exc is not None:
            self.failure = exc
            self.done.set()
            return
        elif self.measuring.is_set():
            self.acked += 1
        self._step += 1
        self._send()

    def join(self, timeout: float) -> None:
        self.done.wait(timeout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--warmup", type=float, default=2.0)
    ap.add_argument("--engine", choices=("driven", "threaded"), default="driven",
                    help="driven: civiq engine as shipped (its worker drives paho); threaded: "
                    "paho's own thread and a queue to the worker (the alternative design)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="civiq-bench-") as tmp, Mosquitto() as broker:
        folder = Path(tmp)
        before = sqlite_commits_per_s(folder, seconds=1.5)
        print(f"raw SQLite (WAL, synchronous=FULL) single-row commits: {before:,.0f}/s")

        site = write_bench_site(folder, args.clients)
        cfg = site_config(site, broker.port)
        with engine_process(site, broker.port, folder,
                            threaded=args.engine == "threaded") as engine:
            procs = {"engine": psutil.Process(engine.pid),
                     "broker": psutil.Process(broker.proc.pid),
                     "clients": psutil.Process(os.getpid())}
            clients = [
                MqttClient(cfg.broker, SITE_ID, "counter", f"bench-{i}").start(wait=10)
                for i in range(args.clients)
            ]
            for i, c in enumerate(clients):
                c.request("open_counter", {"counter": f"platz-{i + 1}"}, timeout=10)
            stop, measuring = threading.Event(), threading.Event()
            workers = [Worker(c, i, stop, measuring) for i, c in enumerate(clients)]
            for w in workers:
                w.start()
            time.sleep(args.warmup)
            cpu0 = {k: sum(p.cpu_times()[:2]) for k, p in procs.items()}
            measuring.set()
            t0 = time.perf_counter()
            time.sleep(args.seconds)
            measuring.clear()
            elapsed = time.perf_counter() - t0
            cpu = {k: sum(p.cpu_times()[:2]) - cpu0[k] for k, p in procs.items()}
            stop.set()
            for w in workers:
                w.join(15)
            for c in clients:
                c.stop()
        after = sqlite_commits_per_s(folder, seconds=1.5)
        baseline = (before + after) / 2
        print(f"raw SQLite commits again after the run: {after:,.0f}/s; "
              f"baseline {baseline:,.0f}/s")

    failures = [w.failure for w in workers if w.failure]
    if failures:
        raise SystemExit(f"a client failed: {failures[0]!r}")
    acked = sum(w.acked for w in workers)
    refused: dict[str, int] = {}
    for w in workers:
        for code, n in w.refused.items():
            refused[code] = refused.get(code, 0) + n
    rate = acked / elapsed
    print(f"{args.clients} clients, {elapsed:.1f} s: {acked:,} acknowledged durable commands "
          f"= {rate:,.0f}/s; refusals: {refused or 'none'}")
    # Where the two cores went: CPU per acknowledged command, by process.
    print("CPU per command: " + ", ".join(
        f"{k} {v * 1000 / max(acked, 1):.2f} ms ({v / elapsed:.0%} of a core)"
        for k, v in cpu.items()) + f"; load average {os.getloadavg()[0]:.1f}")
    ratio = rate / baseline
    print(f"ratio to raw SQLite commits {ratio:.3f}; target >= 1,000 commands/s")
    emit({"commands_per_s": round(rate, 1), "sqlite_commits_per_s": round(baseline, 1),
          "ratio": round(ratio, 3), "sqlite_before": round(before, 1),
          "sqlite_after": round(after, 1), "clients": args.clients, "seconds": round(elapsed, 2),
          "refused": sum(refused.values()), "engine": args.engine,
          "engine_cpu_ms": round(cpu["engine"] * 1000 / max(acked, 1), 3),
          "clients_cpu_ms": round(cpu["clients"] * 1000 / max(acked, 1), 3)})


if __name__ == "__main__":
    main()
