"""The counter app's protocol additions: a transfer's note for the next clerk, and each
counter's served count and handling time in the retained state."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from civiq.config import SiteConfig
from civiq.transport.mqtt import MqttClient, RequestFailed
from queue_engine.service import EngineService
from tests.queue_engine.helpers import StateWatch, db_rows

ClientFactory = Callable[[str, str], MqttClient]


def _current(q, counter: str):
    return next(c for c in q.counters if c.id == counter).current


def test_a_transfer_note_reaches_the_next_clerk_and_ends_with_the_ticket(
        engine, kiosk: MqttClient, client_factory: ClientFactory, clock, watch: StateWatch,
        site_config: SiteConfig) -> None:
    p1 = client_factory("counter", "platz-1")
    p4 = client_factory("counter", "platz-4")
    p1.request("open_counter", {"counter": "platz-1"})
    p4.request("open_counter", {"counter": "platz-4"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    p1.request("call_next", {"counter": "platz-1"})
    t = p1.request("transfer", {"counter": "platz-1", "to_counter": "platz-4",
                                "note": "Foto fehlt noch"})["ticket"]
    assert (t["counter"], t["note"]) == ("platz-4", "Foto fehlt noch")
    called = p4.request("call_next", {"counter": "platz-4"})["ticket"]
    assert (called["number"], called["note"]) == ("A001", "Foto fehlt noch")
    q = watch.wait_queue(lambda q: _current(q, "platz-4") is not None, what="A001 at platz-4")
    assert _current(q, "platz-4").note == "Foto fehlt noch"
    assert db_rows(site_config, "select note from tickets") == [("Foto fehlt noch",)]
    clock.advance(300)
    done = p4.request("finish", {"counter": "platz-4"})["ticket"]
    assert done["note"] is None
    assert db_rows(site_config, "select note from tickets") == [(None,)]


def test_a_note_is_short_and_never_empty(engine, kiosk: MqttClient, counter: MqttClient
                                         ) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    counter.request("call_next", {"counter": "platz-1"})
    for note in ("", "x" * 81):
        with pytest.raises(RequestFailed) as exc:
            counter.request("transfer", {"counter": "platz-1", "to_service": "melde",
                                         "note": note})
        assert exc.value.code == "invalid_arguments"
    assert counter.request("transfer", {"counter": "platz-1", "to_service": "melde",
                                        "note": "x" * 80})["ticket"]["note"] == "x" * 80


def test_each_counter_has_its_served_count_and_mean_handling_time(
        engine_factory: Callable[..., EngineService], kiosk: MqttClient, counter: MqttClient,
        clock, watch: StateWatch) -> None:
    engine = engine_factory()
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(3):
        kiosk.request("issue_ticket", {"service": "melde"})
    counter.request("call_next", {"counter": "platz-1"})
    counter.request("start", {"counter": "platz-1"})
    clock.advance(240)
    counter.request("finish", {"counter": "platz-1"})  # 4 minutes from start
    counter.request("call_next", {"counter": "platz-1"})
    clock.advance(360)
    counter.request("no_show", {"counter": "platz-1"})  # not served: not counted
    counter.request("call_next", {"counter": "platz-1"})
    clock.advance(480)
    counter.request("call_next", {"counter": "platz-1"})  # finishes it: 8 minutes from call
    q = watch.wait_queue(lambda q: q.counters[0].served_today == 2, what="two served")
    assert q.counters[0].handling_avg_min == pytest.approx(6.0)
    assert q.counters[1].served_today == 0 and q.counters[1].handling_avg_min is None
    # rebuilt from the store after a restart
    engine.stop()
    engine_factory()
    q = watch.wait_queue(lambda q: q.counters[0].served_today == 2
                         and q.counters[0].current is None, what="after restart")
    assert q.counters[0].handling_avg_min == pytest.approx(6.0)
