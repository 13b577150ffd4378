"""Counter command -> the number on the wall board, with 20 boards connected.

A private Mosquitto, the engine as a real ``civiq engine`` process, and 20 real board
widgets (offscreen Qt, one process, each board with its own MQTT connection, as 20
displays in a hall would have). A driver thread sends ``call_next`` 200 times, one at a
time; each sample is the time from sending the command to the moment one board's big
number label holds the called number (its ``newest_shown`` signal, on the GUI thread).
So each call gives 20 samples; the slowest board of each call is reported too.

Baseline, same run, same broker: the raw MQTT round trip, paho publish (QoS 1) from one
client to another subscribed client, 200 times. Target: p99 <= 50 ms.
Last line: {"p50_ms", "p99_ms", "raw_p99_ms", "ratio_p99", ...}.

    .venv/bin/python bench/display_latency.py [--boards 20] [--calls 200]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _support import (
    SITE_ID,
    Mosquitto,
    emit,
    engine_process,
    percentile,
    site_config,
    write_bench_site,
)

from civiq.mqtt_client import MqttClient


def raw_round_trip(port: int, n: int) -> list[float]:
    cfg_broker = site_config_broker(port)
    got = threading.Event()
    sender = MqttClient(cfg_broker, SITE_ID, "operator", "raw-send").start(wait=10)
    receiver = MqttClient(cfg_broker, SITE_ID, "display", "raw-recv")
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


def site_config_broker(port: int):
    from civiq.config import Broker

    return Broker(host="127.0.0.1", port=port)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--boards", type=int, default=20)
    p.add_argument("--calls", type=int, default=200)
    args = p.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from display_board.app import DisplayApp

    qapp = QApplication([])
    with tempfile.TemporaryDirectory(prefix="civiq-bench-display-") as tmp, \
            Mosquitto() as broker:
        folder = Path(tmp)
        site_file = write_bench_site(folder, 2)
        cfg = site_config(site_file, broker.port)
        raw = raw_round_trip(broker.port, args.calls)
        with engine_process(site_file, broker.port, folder):
            kiosk = MqttClient(cfg.broker, SITE_ID, "kiosk", "bench-kiosk").start(wait=10)
            counter = MqttClient(cfg.broker, SITE_ID, "counter", "platz-1").start(wait=10)
            counter.request("open_counter", {"counter": "platz-1"})
            for _ in range(args.calls + 1):
                kiosk.request("issue_ticket", {"service": "svc-0"})

            boards = []
            for i in range(args.boards):
                app = DisplayApp(cfg, f"bench-{i:02d}", sound=False)
                app.board.resize(1920, 1080)
                app.board.show()
                app.start()
                boards.append(app)

            sent: dict[str, float] = {}
            samples: list[float] = []
            per_call_worst: list[float] = []
            seen: dict[str, int] = {}
            all_shown = threading.Event()
            lock = threading.Lock()

            def on_shown(number: str) -> None:
                now = time.perf_counter()
                with lock:
                    t0 = sent.get(number)
                    if t0 is None:
                        return
                    samples.append((now - t0) * 1000)
                    seen[number] = seen.get(number, 0) + 1
                    if seen[number] == len(boards):
                        per_call_worst.append((now - t0) * 1000)
                        all_shown.set()

            for b in boards:
                b.board.newest_shown.connect(on_shown)

            failure: list[str] = []

            def drive() -> None:
                try:
                    # wait until every board is current before measuring
                    deadline = time.monotonic() + 20
                    while not all(b.board.view is not None and not b.board.view.stale
                                  for b in boards):
                        if time.monotonic() > deadline:
                            raise RuntimeError("boards did not become current in 20 s")
                        time.sleep(0.05)
                    counter.request("call_next", {"counter": "platz-1"})  # warm-up: A 001
                    time.sleep(0.3)
                    for i in range(2, args.calls + 2):
                        number = f"A {i:03d}"
                        all_shown.clear()
                        with lock:
                            sent[number] = time.perf_counter()
                        counter.request_async("call_next", {"counter": "platz-1"})
                        if not all_shown.wait(10):
                            raise RuntimeError(f"{number}: not on every board in 10 s")
                        time.sleep(0.02)  # a hall is not called at machine speed
                except Exception as exc:  # reported below, the event loop must end
                    failure.append(str(exc))
                finally:
                    QTimer.singleShot(0, qapp.quit)

            threading.Thread(target=drive, daemon=True).start()
            qapp.exec()
            for b in boards:
                b.stop()
            kiosk.stop()
            counter.stop()
            if failure:
                raise SystemExit(f"display_latency failed: {failure[0]}")

    p50, p99 = percentile(samples, 50), percentile(samples, 99)
    raw_p50, raw_p99 = percentile(raw, 50), percentile(raw, 99)
    result = {
        "p50_ms": round(p50, 2),
        "p99_ms": round(p99, 2),
        "raw_p50_ms": round(raw_p50, 3),
        "raw_p99_ms": round(raw_p99, 3),
        "ratio_p99": round(p99 / raw_p99, 1),
        "slowest_board_p50_ms": round(percentile(per_call_worst, 50), 2),
        "slowest_board_p99_ms": round(percentile(per_call_worst, 99), 2),
        "boards": len(boards),
        "calls": len(per_call_worst),
        "samples": len(samples),
        "target_p99_ms": 50,
    }
    print(f"{len(per_call_worst)} calls x {len(boards)} boards: command -> number on the "
          f"board p50 {p50:.1f} ms, p99 {p99:.1f} ms (slowest board per call: p99 "
          f"{result['slowest_board_p99_ms']} ms); raw MQTT round trip p50 {raw_p50:.2f} ms, "
          f"p99 {raw_p99:.2f} ms; ratio p99 {result['ratio_p99']}")
    emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
