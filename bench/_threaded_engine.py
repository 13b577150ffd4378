"""The engine with paho's own network thread and a queue to the worker: the design that
``queue_engine/service.py`` does NOT use, kept runnable so that the choice stays a
measurement (``bench/engine_throughput.py --engine threaded``), not a memory.

    .venv/bin/python bench/_threaded_engine.py --site FILE --broker-port N --data DIR
"""

from __future__ import annotations

import argparse
import queue
import signal
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from civiq.clock import clock_from_spec  # noqa: E402
from civiq.config import load_site_overridden  # noqa: E402
from civiq.protocol import topics  # noqa: E402
from queue_engine.messages import Inbound  # noqa: E402
from queue_engine.service import MAX_BATCH, STATE_INTERVAL_S, EngineService  # noqa: E402


class ThreadedEngineService(EngineService):
    """Commands arrive on paho's network thread and wait in a queue for the worker."""

    def start(self) -> ThreadedEngineService:
        self._queue: queue.SimpleQueue[Inbound] = queue.SimpleQueue()
        self.client.start()
        self._worker.start()
        return self

    def _on_command(self, topic: str, payload: bytes, props: Any) -> None:
        self._queue.put(Inbound(topic=topic, payload=payload,
                                correlation=getattr(props, "CorrelationData", None)))

    def _read(self) -> None:
        try:
            self._inbox.append(self._queue.get(timeout=STATE_INTERVAL_S / 2))
        except queue.Empty:
            return
        while len(self._inbox) < MAX_BATCH:
            try:
                self._inbox.append(self._queue.get_nowait())
            except queue.Empty:
                return

    def stop(self) -> None:
        self._stop.set()
        self._worker.join(timeout=5)
        info = self.client.publish(topics.state_engine(self.site),
                                   self.engine.engine_state(False), retain=True)
        info.wait_for_publish(2)
        self.client.stop()
        self.store.dispose()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--broker-port", type=int, required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--clock")
    a = ap.parse_args()
    cfg = load_site_overridden(a.site, broker_host="127.0.0.1", broker_port=a.broker_port,
                               data_folder=a.data)
    svc = ThreadedEngineService(cfg, clock_from_spec(a.clock)).start()
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    svc.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
