"""Tickets that ask for assistance, against the real engine over a real broker: the flag
travels in the reply, the waiting list and the events, and only the accessible counter
(the example site's Platz 1) calls such a ticket."""

from __future__ import annotations

from collections.abc import Callable

from civiq.config import SiteConfig
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient
from queue_engine.service import EngineService
from tests.queue_engine.helpers import StateWatch, db_rows, wait_until


def test_assistance_ticket_waits_for_the_accessible_counter(
        engine: EngineService, kiosk: MqttClient, watch: StateWatch,
        client_factory: Callable[[str, str], MqttClient], site_config: SiteConfig) -> None:
    assert [c.id for c in site_config.counters if c.accessible] == ["platz-1"]
    got = kiosk.request("issue_ticket", {"service": "ausweis", "assistance": True})
    assert got["ticket"]["number"] == "A001" and got["ticket"]["assistance"] is True
    plain = kiosk.request("issue_ticket", {"service": "ausweis"})
    assert plain["ticket"]["assistance"] is False
    q = watch.wait_queue(lambda q: len(q.waiting) == 2, what="two waiting")
    assert {w.number: w.assistance for w in q.waiting} == {"A001": True, "A002": False}
    wait_until(lambda: len(watch.event_kinds()) == 2, what="issued events")
    issued = [e for t, items in watch.raw.items() if t.endswith("/event/issued")
              for e in items]
    assert [e.data["ticket"]["assistance"] for e in issued] == [True, False]

    platz3 = client_factory("counter", "platz-3")
    platz3.request("open_counter", {"counter": "platz-3"})
    called = platz3.request("call_next", {"counter": "platz-3"})
    assert called["ticket"]["number"] == "A002"  # later, but A001 waits for Platz 1
    platz3.request("finish", {"counter": "platz-3"})
    assert platz3.request("call_next", {"counter": "platz-3"}).get("ticket") is None

    platz1 = client_factory("counter", "platz-1")
    platz1.request("open_counter", {"counter": "platz-1"})
    called = platz1.request("call_next", {"counter": "platz-1"})
    assert called["ticket"]["number"] == "A001" and called["ticket"]["assistance"] is True
    # The retained calls say it too: a board heads the call "with assistance".
    def a001() -> dict | None:
        e = watch.last(topics.state_calls(site_config.site.id))
        return next((c for c in e.data["calls"] if c["number"] == "A001"), None) if e else None

    assert wait_until(a001, what="A001 in the retained calls")["assistance"] is True
    wait_until(lambda: db_rows(site_config, "SELECT number FROM tickets WHERE assistance")
               == [("A001",)], what="stored with the flag")
