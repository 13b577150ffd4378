"""Call latency: ``call_next`` sent -> ``called`` event received by 20 subscribers.

The engine runs as a real ``civiq engine`` process on a private Mosquitto. A counter client
sends call_next (the library's MqttClient, as the counter app does); 20 display-like
subscribers on ``event/called`` note when the event arrives. The engine commits the call
(WAL, synchronous=FULL) before it publishes, so this is the latency of a durable call.

Baseline, same run, same 20 subscribers, interleaved call by call: a plain QoS 1 publish
of a payload of the same size on a bench topic -> received, i.e. Mosquitto's own round
trip through paho. Target: p99 ratio <= 5.
Last line: {"p50_ms", "p99_ms", "raw_p99_ms", "ratio_p99", ...}.

    .venv/bin/python bench/call_latency.py [--calls 300] [--subscribers 20]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

from _support import (
    SITE_ID,
    Mosquitto,
    emit,
    engine_process,
    percentile,
    site_config,
    write_bench_site,
)

from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient

RAW_TOPIC = f"{topics.PREFIX}/{SITE_ID}/bench/raw"


class IssuedSeen:
    """How many tickets the engine's retained queue state counts: a ticket's issue has
    settled (its state published) before the timed call, so the call never queues behind
    that state's build."""

    def __init__(self, client: MqttClient) -> None:
        self._issued = 0
        self._cv = threading.Condition()
        client.route(topics.state_queue(SITE_ID), self._on_state)

    def _on_state(self, _topic: str, payload: bytes, _props: object) -> None:
        issued = json.loads(payload)["data"]["issued_today"]
        with self._cv:
            self._issued = max(self._issued, issued)
            self._cv.notify_all()

    def wait(self, n: int, timeout: float = 10.0) -> None:
        with self._cv:
            if not self._cv.wait_for(lambda: self._issued >= n, timeout):
                raise SystemExit(f"the engine's state never counted {n} tickets")


class Subscribers:
    """N clients on the called event and the raw topic; each arrival is time-stamped."""

    def __init__(self, cfg, n: int, brokers: list | None = None) -> None:
        """``n`` displays on ``cfg``'s broker, or one per broker settings in ``brokers``
        (each its own broker user, as through a secured broker)."""
        self._lock = threading.Lock()
        self._arrived: list[tuple[float, str, bytes]] = []
        self._enough = threading.Condition(self._lock)
        self.clients = []
        each = brokers or [cfg.broker] * n
        self.n = len(each)
        for i, b in enumerate(each):
            c = MqttClient(b, SITE_ID, "display", b.username or f"bench-display-{i}")
            c.route(topics.event(SITE_ID, "called"), self._on_message)
            if not brokers:  # the raw baseline runs on the plain broker only
                c.route(RAW_TOPIC, self._on_message)
            self.clients.append(c.start(wait=10))

    def _on_message(self, topic: str, payload: bytes, _props: object) -> None:
        t = time.perf_counter()
        with self._lock:
            self._arrived.append((t, topic, payload))
            if len(self._arrived) >= self.n:
                self._enough.notify_all()

    def reset(self) -> None:
        with self._lock:
            self._arrived = []

    def wait_all(self, timeout: float = 5.0) -> list[tuple[float, str, bytes]]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self._arrived) < self.n:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"only {len(self._arrived)} of {self.n} subscribers "
                                       "received the message")
                self._enough.wait(left)
            return list(self._arrived)

    def stop(self) -> None:
        for c in self.clients:
            c.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=300)
    ap.add_argument("--subscribers", type=int, default=20)
    args = ap.parse_args()

    called_ms: list[float] = []
    raw_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="civiq-bench-") as tmp, Mosquitto() as broker:
        folder = Path(tmp)
        site = write_bench_site(folder, 1)
        cfg = site_config(site, broker.port)
        with engine_process(site, broker.port, folder):
            counter = MqttClient(cfg.broker, SITE_ID, "counter", "bench-platz-1")
            issued = IssuedSeen(counter)
            counter.start(wait=10)
            publisher = MqttClient(cfg.broker, SITE_ID, "display", "bench-raw").start(wait=10)
            subs = Subscribers(cfg, args.subscribers)
            counter.request("open_counter", {"counter": "platz-1"}, timeout=10)

            for i in range(-5, args.calls):  # the first five warm up
                # A visitor takes a ticket; the counter will call it.
                counter.request("issue_ticket", {"service": "svc-0"}, timeout=10)
                issued.wait(i + 6)
                # Raw baseline: a called-sized payload straight through the broker.
                subs.reset()
                payload = json.dumps({"i": i, "pad": "x" * 600}).encode()
                t0 = time.perf_counter()
                publisher.publish(RAW_TOPIC, payload, qos=1)
                got = subs.wait_all()
                if i >= 0:
                    raw_ms += [(t - t0) * 1000 for t, topic, _ in got if topic == RAW_TOPIC]

                # The real thing: call_next -> called event at every subscriber.
                subs.reset()
                t0 = time.perf_counter()
                reply = counter.request_async("call_next", {"counter": "platz-1"})
                got = subs.wait_all()
                number = reply.result(timeout=10)["ticket"]["number"]
                arrived = [t for t, topic, p in got if topic.endswith("/event/called")
                           and json.loads(p)["data"]["ticket"]["number"] == number]
                if len(arrived) != args.subscribers:
                    raise SystemExit(f"call {i}: {len(arrived)} subscribers saw {number}")
                if i >= 0:
                    called_ms += [(t - t0) * 1000 for t in arrived]
                time.sleep(0.02)
            subs.stop()
            counter.stop()
            publisher.stop()

    p50, p99 = percentile(called_ms, 50), percentile(called_ms, 99)
    raw50, raw99 = percentile(raw_ms, 50), percentile(raw_ms, 99)
    print(f"{args.calls} calls x {args.subscribers} subscribers = {len(called_ms)} deliveries")
    print(f"call_next -> called:   p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
          f"max {max(called_ms):.2f} ms")
    print(f"raw publish -> receive: p50 {raw50:.2f} ms, p99 {raw99:.2f} ms, "
          f"max {max(raw_ms):.2f} ms")
    print(f"p99 ratio {p99 / raw99:.2f} (target <= 5)")
    emit({"p50_ms": round(p50, 2), "p99_ms": round(p99, 2), "raw_p50_ms": round(raw50, 2),
          "raw_p99_ms": round(raw99, 2), "ratio_p99": round(p99 / raw99, 2),
          "calls": args.calls, "subscribers": args.subscribers})


if __name__ == "__main__":
    main()
