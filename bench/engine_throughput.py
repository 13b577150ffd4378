"""Durable commands per second through MQTT, end to end, against raw durable SQLite commits.

The engine runs as a real ``civiq engine`` process on a private Mosquitto. Ten clients
(counter role, each with its own counter serving its own service) each run
issue_ticket -> call_next -> finish cycles, one command at a time, with the library's
MqttClient. Every ok reply is counted: the engine replies only after the transaction that
holds the command has committed (WAL, synchronous=FULL), so each is a durable command.

Baseline, same run, same disk: single-row commits per second with raw sqlite3 in WAL and
synchronous=FULL. Target: >= 1,000 commands/s and commands_per_s / sqlite_commits_per_s
>= 0.25. Last line: {"commands_per_s", "sqlite_commits_per_s", "ratio", ...}.

    .venv/bin/python bench/engine_throughput.py [--clients 10] [--seconds 10]
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from _support import (
    SITE_ID,
    Mosquitto,
    emit,
    engine_process,
    site_config,
    sqlite_commits_per_s,
    write_bench_site,
)

from civiq.mqtt_client import MqttClient, RequestFailed


class Worker(threading.Thread):
    def __init__(self, client: MqttClient, index: int, stop: threading.Event,
                 measuring: threading.Event) -> None:
        super().__init__(daemon=True, name=f"bench-client-{index}")
        self.client = client
        self.service = f"svc-{index}"
        self.counter = f"platz-{index + 1}"
        self.stop_flag = stop
        self.measuring = measuring
        self.acked = 0
        self.refused: dict[str, int] = {}
        self.failure: BaseException | None = None

    def _send(self, command: str, data: dict) -> None:
        try:
            self.client.request(command, data, timeout=5.0, retries=1)
        except RequestFailed as exc:
            self.refused[exc.code] = self.refused.get(exc.code, 0) + 1
            if exc.code == "engine_unavailable":
                raise
            return
        if self.measuring.is_set():
            self.acked += 1

    def run(self) -> None:
        try:
            while not self.stop_flag.is_set():
                self._send("issue_ticket", {"service": self.service})
                self._send("call_next", {"counter": self.counter})
                self._send("finish", {"counter": self.counter})
        except BaseException as exc:  # reported by the main thread
            self.failure = exc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--warmup", type=float, default=2.0)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="civiq-bench-") as tmp, Mosquitto() as broker:
        folder = Path(tmp)
        baseline = sqlite_commits_per_s(folder)
        print(f"raw SQLite (WAL, synchronous=FULL) single-row commits: {baseline:,.0f}/s")

        site = write_bench_site(folder, args.clients)
        cfg = site_config(site, broker.port)
        with engine_process(site, broker.port, folder):
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
            measuring.set()
            t0 = time.perf_counter()
            time.sleep(args.seconds)
            measuring.clear()
            elapsed = time.perf_counter() - t0
            stop.set()
            for w in workers:
                w.join(15)
            for c in clients:
                c.stop()

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
    ratio = rate / baseline
    print(f"ratio {ratio:.3f} (target >= 0.25 and >= 1,000 commands/s)")
    emit({"commands_per_s": round(rate, 1), "sqlite_commits_per_s": round(baseline, 1),
          "ratio": round(ratio, 3), "clients": args.clients, "seconds": round(elapsed, 2),
          "refused": sum(refused.values())})


if __name__ == "__main__":
    main()
