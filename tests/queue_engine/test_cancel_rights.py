"""Who may withdraw a ticket: a kiosk only its own of today, staff any (over MQTT)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from civiq.config import SiteConfig
from civiq.transport.mqtt import MqttClient, RequestFailed
from tests.queue_engine.helpers import StateWatch, db_rows

ClientFactory = Callable[[str, str], MqttClient]


def test_a_kiosk_cancels_only_tickets_it_issued(
        engine, client_factory: ClientFactory, counter: MqttClient, watch: StateWatch,
        site_config: SiteConfig, clock) -> None:
    kiosk_1 = client_factory("kiosk", "kiosk-1")
    kiosk_2 = client_factory("kiosk", "kiosk-2")
    a1 = kiosk_1.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"]
    a2 = kiosk_1.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"]
    b1 = kiosk_2.request("issue_ticket", {"service": "melde"})["ticket"]["number"]

    # The next kiosk guesses a number: refused with a reason, and nothing changes.
    with pytest.raises(RequestFailed) as exc:
        kiosk_2.request("cancel", {"number": a1})
    assert exc.value.code == "forbidden"
    assert "only tickets it issued" in exc.value.message
    watch.wait_queue(lambda q: {w.number for w in q.waiting} == {a1, a2, b1},
                     what="all three still waiting")

    # The kiosk that issued it may; so may a counter, for any ticket.
    assert kiosk_1.request("cancel", {"number": a1})["ticket"]["status"] == "cancelled"
    assert kiosk_2.request("cancel", {"number": b1})["ticket"]["status"] == "cancelled"
    assert counter.request("cancel", {"number": a2})["ticket"]["status"] == "cancelled"
    rows = db_rows(site_config, "select number, status, issued_by from tickets order by number")
    assert rows == [(a1, "cancelled", "kiosk-1"), (a2, "cancelled", "kiosk-1"),
                    (b1, "cancelled", "kiosk-2")]
