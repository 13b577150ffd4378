"""A command its client gave up on is never done later: not when the engine comes back
and takes it from its persistent session at the broker."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from civiq.config import SiteConfig
from civiq.transport.mqtt import MqttClient, RequestFailed
from queue_engine.service import EngineService
from tests.queue_engine.helpers import db_rows


def test_a_command_given_up_while_the_engine_was_down_is_not_done_when_it_returns(
        engine_factory: Callable[..., EngineService], kiosk: MqttClient,
        site_config: SiteConfig) -> None:
    first = engine_factory()
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"
    first.stop()

    # The kiosk tells the visitor "no ticket" after its overall timeout (2 x 0.3 s)...
    with pytest.raises(RequestFailed) as exc:
        kiosk.request("issue_ticket", {"service": "melde"}, timeout=0.3, retries=1)
    assert exc.value.code == "engine_unavailable"

    # ...so when the engine is back and the broker hands it the queued command, it must
    # not print a phantom ticket. The next intention is the first B ticket.
    engine_factory()
    assert kiosk.request("issue_ticket", {"service": "melde"})["ticket"]["number"] == "B001"
    assert db_rows(site_config, "select number from tickets order by ord") == [
        ("A001",), ("B001",)]
    assert db_rows(site_config, "select count(*) from events where kind = 'issued'") == [
        (2,)]
