"""The attacks an outside client ran against an open broker (issue 11), replayed against
the generated, secured site broker with the real engine: each fails."""

from __future__ import annotations

import itertools
import json
import threading
import uuid
from collections.abc import Iterator

import pytest

from broker_config.mosquitto import Mosquitto
from civiq.clock import ManualClock
from civiq.protocol import envelope as env
from civiq.transport.mqtt import MqttClient
from queue_engine.service import EngineService
from tests.broker_config.secured import SITE, P, RawClient, SecuredSite
from tests.queue_engine.helpers import StateWatch, command_payload, wait_until

NOT_AUTHORIZED = 135
HUGE_SEQ = 2**53 - 1


@pytest.fixture
def engine(secured: SecuredSite, clock: ManualClock) -> Iterator[EngineService]:
    svc = EngineService(secured.config("engine"), clock).start()
    assert svc.ready.wait(10), "the engine did not get in with its credentials"
    yield svc
    svc.stop()


@pytest.fixture
def clients(secured: SecuredSite) -> Iterator[dict[str, MqttClient]]:
    made: dict[str, MqttClient] = {}
    for user, role, tls in (("kiosk-1", "kiosk", True), ("platz-1", "counter", True),
                            ("display-1", "display", False)):
        cfg = secured.config(user, tls=tls)
        made[user] = MqttClient(cfg.broker, SITE, role, user).start(wait=10)
    yield made
    for c in made.values():
        c.stop()


def test_forged_events_and_state_from_a_kiosk_never_reach_a_display(
        secured: SecuredSite, engine: EngineService, clients: dict[str, MqttClient]) -> None:
    display = StateWatch(clients["display-1"], SITE)
    display.wait_queue(lambda q: True, what="the engine's retained state")
    attacker = secured.raw("kiosk-2")
    forged_call = env.encode(env.make(SITE, "called", {"ticket": {"number": "A666"},
                                                        "counter": "platz-1"},
                                      seq=HUGE_SEQ))
    forged_calls = env.encode(env.make(SITE, "calls", {"calls": []}, seq=HUGE_SEQ))
    try:
        assert attacker.publish(f"{P}/event/called", forged_call) == NOT_AUTHORIZED
        assert attacker.publish(f"{P}/state/calls", forged_calls, retain=True) == \
            NOT_AUTHORIZED
        assert attacker.publish(f"{P}/state/queue", forged_calls, retain=True) == \
            NOT_AUTHORIZED
    finally:
        attacker.close()
    # The real call after the attempt is shown: no seq of 2^53-1 blocks it.
    kiosk, counter = clients["kiosk-1"], clients["platz-1"]
    number = kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"]
    counter.request("open_counter", {"counter": "platz-1"})
    counter.request("call_next", {"counter": "platz-1"})
    wait_until(lambda: ("called", number) in [(k, d["ticket"]["number"]) for k, d in
                                              display.events if k == "called"],
               what="the real call on the display")
    assert all(e.seq < HUGE_SEQ for es in display.raw.values() for e in es)
    assert "A666" not in json.dumps([d for _, d in display.events])
    # A display starting now gets the engine's retained state, not the forgery.
    late = MqttClient(secured.config("display-1").broker, SITE, "display", "display-1")
    clients["display-1"].stop()
    late_view = StateWatch(late.start(wait=10), SITE)
    try:
        calls = wait_until(lambda: (e := late_view.last(f"{P}/state/calls")) and
                           number in json.dumps(e.data) and e, what="the real retained calls")
        assert calls.seq < HUGE_SEQ
    finally:
        late.stop()


def test_a_device_cannot_command_as_another_device_or_role(
        secured: SecuredSite, engine: EngineService, clients: dict[str, MqttClient]) -> None:
    display = StateWatch(clients["display-1"], SITE)
    clients["kiosk-1"].request("issue_ticket", {"service": "ausweis"})
    display.wait_queue(lambda q: len(q.waiting) == 1, what="one waiting")
    attacker = secured.raw("kiosk-2")
    try:
        for topic, command, data in (
                (f"{P}/cmd/counter/anything", "open_counter", {"counter": "platz-2"}),
                (f"{P}/cmd/counter/anything", "call_next", {"counter": "platz-2"}),
                (f"{P}/cmd/counter/platz-1", "open_counter", {"counter": "platz-1"}),
                (f"{P}/cmd/counter/platz-1", "call_next", {"counter": "platz-1"}),
                (f"{P}/cmd/kiosk/kiosk-1", "cancel", {"number": "A001"}),
                (f"{P}/cmd/operator/operator-1", "call_next", {"counter": "platz-1"})):
            payload = command_payload(SITE, command, data, request_id=uuid.uuid4().hex)
            assert attacker.publish(topic, payload) == NOT_AUTHORIZED, topic
        # Its own topic works, as a kiosk: counter commands are refused by role.
        reply = RawClientReplies(attacker, "kiosk-2")
        own = command_payload(SITE, "call_next", {"counter": "platz-1"}, request_id="x1")
        assert attacker.publish(f"{P}/cmd/kiosk/kiosk-2", own) in (0, 16)
        assert reply.wait()["data"]["error"]["code"] == "forbidden"
    finally:
        attacker.close()
    q = display.wait_queue(lambda q: len(q.waiting) == 1, what="still one waiting")
    assert all(c.status == "closed" for c in q.counters), "a counter was opened by an attacker"


class RawClientReplies:
    def __init__(self, client: RawClient, user: str) -> None:
        self.client, self.topic = client, f"{P}/reply/{user}"
        assert client.subscribe(self.topic) in (0, 1)

    def wait(self) -> dict:
        assert self.client.wait_message(lambda t, *_: t == self.topic)
        return json.loads(next(p for t, p, _ in self.client.received if t == self.topic))


def test_a_device_reads_no_other_devices_commands_or_replies_and_cannot_forge_them(
        secured: SecuredSite, engine: EngineService, clients: dict[str, MqttClient]) -> None:
    spy = secured.raw("kiosk-2")
    try:
        for f in (f"{P}/cmd/#", f"{P}/reply/#", f"{P}/reply/kiosk-1", "#"):
            spy.subscribe(f)
        forged = env.encode(env.make(SITE, "reply", {"ok": False, "command": "issue_ticket",
                                                     "error": {"code": "closed",
                                                               "message": "go home"}}))
        assert spy.publish(f"{P}/reply/kiosk-1", forged) == NOT_AUTHORIZED
        kiosk = clients["kiosk-1"]
        for _ in range(20):  # the attacker answered first 19 of 20 times on an open broker
            result = kiosk.request("issue_ticket", {"service": "ausweis"})
            assert result["ticket"]["number"].startswith("A")
        marker = f"{P}/state/queue"
        assert spy.wait_message(lambda t, *_: t == marker)  # what it may read arrives
        seen = {t for t, _, _ in spy.received}
        assert not [t for t in seen if "/cmd/" in t or "/reply/" in t], sorted(seen)
    finally:
        spy.close()


def test_nobody_but_the_engine_can_use_the_engines_connection(
        secured: SecuredSite, engine: EngineService, clients: dict[str, MqttClient]) -> None:
    display = StateWatch(clients["display-1"], SITE)
    wait_until(lambda: (e := display.last(f"{P}/state/engine")) and e.data["online"],
               what="engine online")
    drops = threading.Event()
    engine.client.on_connection_change(lambda up: None if up else drops.set())
    takers = [secured.raw("kiosk-2", client_id=cid) for cid in
              ("engine", f"civiq-engine-{SITE}", SITE)]
    try:
        assert all(t.accepted for t in takers[:1])
        # The broker made each the user kiosk-2 (use_username_as_clientid): the engine's
        # session is untouched, and it keeps serving.
        for _ in range(5):
            clients["kiosk-1"].request("issue_ticket", {"service": "melde"})
        assert not drops.is_set(), "the engine's connection was pushed off"
        assert all(e.data["online"] for e in display.raw.get(f"{P}/state/engine", []))
    finally:
        for t in takers:
            t.close()
    # Without the engine's password nobody is the engine.
    impostor = secured.raw("engine", password="not-it", client_id="engine")
    assert not impostor.accepted
    impostor.close()
    assert engine.client.connected.is_set()


def test_request_ids_are_random_not_counters(broker: Mosquitto) -> None:
    """An attacker who could predict the next request id could answer it first; ids are
    uuid4 (122 random bits), never a sequence."""
    from civiq.config import Broker

    sniffer = RawClient("sniffer").connect(broker.port)
    sniffer.subscribe(f"{P}/cmd/#")
    kiosk = MqttClient(Broker(host="127.0.0.1", port=broker.port), SITE, "kiosk",
                       "kiosk-1").start(wait=10)
    try:
        for _ in range(50):
            kiosk.request_async("issue_ticket", {"service": "ausweis"}, timeout=0.2,
                                retries=0)
        wait_until(lambda: len(sniffer.received) >= 50, what="50 commands")
    finally:
        kiosk.stop()
        sniffer.close()
    ids = [json.loads(p)["request_id"] for _, p, _ in sniffer.received]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 4 for i in ids)
    assert not any(int(a, 16) + 1 == int(b, 16) for a, b in itertools.pairwise(ids))
