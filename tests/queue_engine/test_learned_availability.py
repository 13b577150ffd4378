"""Without any roster the engine learns when each counter is staffed from its own event
log (queue_engine/roster.py): the estimate a kiosk gets counts a closed counter that is
usually staffed at this hour on this weekday, and only then. The real engine over a real
broker, its history made by playing two earlier Tuesdays through it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from civiq.clock import ManualClock
from civiq.transport.mqtt import MqttClient
from queue_engine.estimator import LATE_GRACE
from queue_engine.service import EngineService
from tests.conftest import BERLIN


def _usual_tuesday(clock: ManualClock, day: datetime, kiosk: MqttClient,
                   counter: MqttClient) -> None:
    """platz-2 is staffed 09:00-12:00 and calls someone every 20 minutes."""
    clock.set(day.replace(hour=9))
    counter.request("open_counter", {"counter": "platz-2"})
    for i in range(9):
        clock.set(day.replace(hour=9) + timedelta(minutes=20 * i))
        kiosk.request("issue_ticket", {"service": "ausweis"})
        assert counter.request("call_next", {"counter": "platz-2"})["ticket"] is not None
    clock.set(day.replace(hour=12))
    counter.request("finish", {"counter": "platz-2"})
    counter.request("close_counter", {"counter": "platz-2"})


def _second_in_line(clock: ManualClock, at: datetime, kiosk: MqttClient,
                    counter: MqttClient) -> float:
    """A new day: platz-1 open, platz-2 closed, two ID-card visitors; the second one's
    estimate."""
    clock.set(at)
    counter.request("open_counter", {"counter": "platz-1"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    return kiosk.request("issue_ticket", {"service": "ausweis"})["eta_min"]


def test_a_counter_usually_staffed_at_this_hour_counts_for_the_estimate(
        engine_factory: Callable[..., EngineService],
        client_factory: Callable[[str, str], MqttClient]) -> None:
    first = datetime(2026, 11, 10, 8, 0, tzinfo=BERLIN)  # a Tuesday
    clock = ManualClock(first)
    engine_factory(clock=clock)
    kiosk = client_factory("kiosk", "kiosk-1")
    counter = client_factory("counter", "platz-1")
    _usual_tuesday(clock, first, kiosk, counter)
    _usual_tuesday(clock, first + timedelta(days=7), kiosk, counter)

    # Tuesday 09:00, platz-2 not logged in yet: it usually is by now, so it is expected
    # any moment (LATE_GRACE), and the second visitor need not wait for platz-1's first
    # visit to end.
    tuesday = _second_in_line(clock, first + timedelta(days=14, hours=1), kiosk, counter)
    assert tuesday == LATE_GRACE.total_seconds() / 60

    # Wednesday 09:00: no Wednesday was ever staffed at platz-2, so the second visitor
    # waits for platz-1 — the learned ID-card visit (20 minutes each in the history,
    # blended with the configured 12): clearly more than the grace of a late clerk.
    wednesday = _second_in_line(clock, first + timedelta(days=15, hours=1), kiosk, counter)
    assert wednesday >= 12
    assert wednesday > tuesday + 5


def test_without_history_a_closed_counter_is_not_expected(
        engine_factory: Callable[..., EngineService],
        client_factory: Callable[[str, str], MqttClient]) -> None:
    tuesday = datetime(2026, 11, 24, 9, 0, tzinfo=BERLIN)
    clock = ManualClock(tuesday)
    engine_factory(clock=clock)
    kiosk = client_factory("kiosk", "kiosk-1")
    counter = client_factory("counter", "platz-1")
    # The same morning as above with no past days: only platz-1 serves, and the second
    # visitor waits one whole ID-card visit (the configured 12 minutes).
    assert _second_in_line(clock, tuesday, kiosk, counter) == 12
