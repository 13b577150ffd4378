"""The day change closes every counter: the clerk's first command of the new day is
refused with a reason that says so, the displays see the counter closed, and opening it
again is all it takes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from civiq.transport.mqtt import MqttClient, RequestFailed
from tests.conftest import BERLIN
from tests.queue_engine.helpers import StateWatch


def test_first_command_after_midnight_says_the_day_changed(
        engine, kiosk: MqttClient, counter: MqttClient, watch: StateWatch, clock) -> None:
    counter.request("open_counter", {"counter": "platz-1", "clerk": "k.meier"})
    kiosk.request("issue_ticket", {"service": "melde"})
    assert counter.request("call_next", {"counter": "platz-1"})["ticket"]["number"] == "B001"

    # The clerk leaves the desk logged in; next morning, 07:30 (Wednesday opens 07:00).
    clock.set(clock.now() + timedelta(hours=22, minutes=30))
    with pytest.raises(RequestFailed) as exc:
        counter.request("call_next", {"counter": "platz-1"})
    assert exc.value.code == "counter_not_open"
    assert exc.value.message == (
        "counter Platz 1 has not been opened today: it was still open at the day change "
        "(midnight), which closes every counter; open it again")
    # A counter nobody opened yesterday was not closed by the day change: never opened.
    with pytest.raises(RequestFailed) as exc:
        counter.request("call_next", {"counter": "platz-2"})
    assert exc.value.message == "counter Platz 2 has not been opened today; open it first"
    q = watch.wait_queue(lambda q: q.day == "2026-11-25", what="the new day's state")
    assert q.counters[0].status == "closed" and q.counters[0].current is None

    assert counter.request("open_counter", {"counter": "platz-1"})["status"] == "open"
    kiosk.request("issue_ticket", {"service": "melde"})
    assert counter.request("call_next", {"counter": "platz-1"})["ticket"]["number"] == "B001"
    # Closed by the clerk (not by the day change): when, and what to do.
    counter.request("finish", {"counter": "platz-1"})
    counter.request("close_counter", {"counter": "platz-1"})
    at = clock.now().astimezone(BERLIN)
    with pytest.raises(RequestFailed) as exc:
        counter.request("recall", {"counter": "platz-1"})
    assert exc.value.message == (f"counter Platz 1 is closed: its clerk logged out "
                                 f"(close_counter) at {at:%H:%M}; open it again")
    with pytest.raises(RequestFailed) as exc:
        counter.request("pause_counter", {"counter": "platz-1", "reason": "break"})
    assert exc.value.message.startswith("counter Platz 1 is closed: its clerk logged out")
