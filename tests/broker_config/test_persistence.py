"""The generated site broker loses nothing it acknowledged: a QoS 1 command acknowledged
while the engine is away survives a SIGKILL of the broker and reaches the engine."""

from __future__ import annotations

import time
import uuid

from civiq.clock import ManualClock
from civiq.transport.mqtt import MqttClient
from queue_engine.service import EngineService
from tests.broker_config.secured import SITE, P, SecuredSite
from tests.queue_engine.helpers import StateWatch, command_payload, wait_until


def test_an_acknowledged_command_survives_a_sigkill_of_the_broker(
        secured: SecuredSite, clock: ManualClock) -> None:
    # The engine's persistent session exists at the broker, then the engine is away.
    first = EngineService(secured.config("engine"), clock).start()
    assert first.ready.wait(10)
    first.stop()
    kiosk = secured.raw("kiosk-1")
    rid = uuid.uuid4().hex
    payload = command_payload(SITE, "issue_ticket", {"service": "melde"}, request_id=rid)
    before = time.time_ns()
    assert kiosk.publish(f"{P}/cmd/kiosk/kiosk-1", payload) in (0, 16)  # PUBACK: it is the
    kiosk.close()                                                        # broker's now
    # autosave_on_changes writes the store right after the change (milliseconds after the
    # PUBACK: Mosquitto 2.0 cannot save before it acknowledges; a command lost in that
    # window is sent again by its client with the same request id, docs/deploy.md).
    store = secured.folder / "data" / "mosquitto.db"
    wait_until(lambda: store.exists() and store.stat().st_mtime_ns >= before and
               not store.with_name("mosquitto.db.new").exists(), what="the store saved")
    secured.broker.kill()  # SIGKILL: no goodbye, no last save
    secured.broker.start()
    engine = EngineService(secured.config("engine"), clock).start()
    display = MqttClient(secured.config("display-1").broker, SITE, "display",
                         "display-1").start(wait=10)
    try:
        assert engine.ready.wait(10)
        watch = StateWatch(display, SITE)
        q = watch.wait_queue(lambda q: len(q.waiting) == 1, timeout=10,
                             what="the command acknowledged before the SIGKILL, done")
        assert q.waiting[0].number.startswith("B")
    finally:
        display.stop()
        engine.stop()


def test_a_command_caught_by_a_sigkill_is_done_once_by_the_clients_retry(
        secured: SecuredSite, clock: ManualClock) -> None:
    """Whether the broker saved it or not (the milliseconds after the PUBACK), the kiosk
    gets its ticket once the broker and the engine are back, and only one."""
    first = EngineService(secured.config("engine"), clock).start()
    assert first.ready.wait(10)
    first.stop()
    kiosk = MqttClient(secured.config("kiosk-1").broker, SITE, "kiosk", "kiosk-1").start(
        wait=10)
    try:
        pending = kiosk.request_async("issue_ticket", {"service": "melde"}, timeout=3,
                                      retries=4)
        secured.broker.kill()
        secured.broker.start()
        engine = EngineService(secured.config("engine"), clock).start()
        try:
            ticket = pending.result(timeout=20)["ticket"]
            display = MqttClient(secured.config("display-1").broker, SITE, "display",
                                 "display-1").start(wait=10)
            q = StateWatch(display, SITE).wait_queue(lambda q: q.waiting, what="the queue")
            assert [w.number for w in q.waiting] == [ticket["number"]]
            display.stop()
        finally:
            engine.stop()
    finally:
        kiosk.stop()
