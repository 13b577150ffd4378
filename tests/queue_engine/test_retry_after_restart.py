"""A retry whose first answer was lost while the engine restarted gets that answer from
the database, never a second ticket (the engine keeps only ids it answered in memory)."""

from __future__ import annotations

from collections.abc import Callable

from civiq.transport.mqtt import MqttClient
from queue_engine.service import EngineService


def test_a_retry_after_a_restart_gets_the_first_ticket_not_a_second(
        engine_factory: Callable[..., EngineService], kiosk: MqttClient) -> None:
    first_engine = engine_factory()
    first = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="print-7")
    first_engine.stop()

    engine_factory()  # the same site, the same database
    again = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="print-7",
                          timeout=5)
    assert again == first
    assert again["ticket"]["number"] == "A001"
    fresh = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="print-8")
    assert fresh["ticket"]["number"] == "A002"
