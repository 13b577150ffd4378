"""Wait estimates on hand-made situations with known answers, as the kiosk and the
retained state show them: the real engine over a real broker, on a manual clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from civiq.clock import ManualClock
from civiq.config import SiteConfig
from civiq.protocol.models import QueueState
from civiq.transport.mqtt import MqttClient, RequestFailed
from queue_engine.handling_times import HandlingTimes
from tests.conftest import BERLIN, TUESDAY_9
from tests.queue_engine.helpers import StateWatch


@pytest.fixture
def watch(client_factory: Callable[[str, str], MqttClient], site_config: SiteConfig
          ) -> StateWatch:
    return StateWatch(client_factory("display", "watch-eta"), site_config.site.id)


def service(q: QueueState, sid: str):
    return next(s for s in q.services if s.id == sid)


def issue(kiosk: MqttClient, sid: str) -> dict:
    return kiosk.request("issue_ticket", {"service": sid})


def test_one_counter_three_tickets_of_known_length(
        engine, kiosk: MqttClient, counter: MqttClient, watch: StateWatch,
        clock: ManualClock) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    # ID cards take 12 minutes (site file); one counter: one after the other.
    replies = [issue(kiosk, "ausweis") for _ in range(3)]
    assert [r["eta_min"] for r in replies] == [0, 12, 24]
    assert [r["ahead"] for r in replies] == [0, 1, 2]
    q = watch.wait_queue(lambda q: q.issued_today == 3)
    assert service(q, "ausweis").eta_min == 36  # the next walk-in
    assert [(w.number, w.eta_min) for w in q.waiting] == [
        ("A001", 0), ("A002", 12), ("A003", 24)]

    # The first visit takes 6 minutes from the call: learned, blended with the 12
    # configured minutes (worth 5 visits): (5 x 12 + 6) / 6 = 11 minutes.
    counter.request("call_next", {"counter": "platz-1"})
    clock.advance(6 * 60)
    counter.request("call_next", {"counter": "platz-1"})
    q = watch.wait_queue(lambda q: q.served_today == 1 and len(q.waiting) == 1)
    assert [(w.number, w.eta_min) for w in q.waiting] == [("A003", 11)]


def test_two_services_sharing_counters(engine, kiosk: MqttClient, counter: MqttClient,
                                       watch: StateWatch, clock: ManualClock) -> None:
    # platz-1 serves ID cards, registrations and collections; platz-4 only the last two.
    counter.request("open_counter", {"counter": "platz-1"})
    counter.request("open_counter", {"counter": "platz-4"})
    a1 = issue(kiosk, "ausweis")
    clock.advance(60)
    b1 = issue(kiosk, "melde")
    clock.advance(60)
    b2 = issue(kiosk, "melde")
    # A001 goes to platz-1, B001 to platz-4, B002 waits for platz-4 (6-minute visits).
    assert (a1["eta_min"], b1["eta_min"], b2["eta_min"]) == (0, 0, 6)
    q = watch.wait_queue(lambda q: q.issued_today == 3)
    # Nobody is called yet: from now, platz-1 takes A001 for 12 minutes, platz-4 B001
    # and then B002 for 6 each. A new ID-card visitor needs platz-1: 12 minutes.
    assert service(q, "ausweis").eta_min == 12
    # A new registration: both counters are free again after 12 minutes.
    assert service(q, "melde").eta_min == 12


def test_an_appointment_due_in_ten_minutes_takes_the_counter_first(
        engine, kiosk: MqttClient, counter: MqttClient,
        client_factory: Callable[[str, str], MqttClient]) -> None:
    booking = client_factory("booking", "booking-1")
    slot = TUESDAY_9 + timedelta(minutes=10)
    booking.request("import_appointments", {"appointments": [{
        "booking_id": "BK-10", "service": "ausweis", "slot_start": slot.isoformat(),
        "slot_minutes": 15}]})
    counter.request("open_counter", {"counter": "platz-1"})
    w1, w2 = issue(kiosk, "ausweis"), issue(kiosk, "ausweis")
    assert w1["eta_min"] == 0
    # platz-1 is free at 09:12; the booked visitor (due since 09:10) goes first and holds
    # the counter for 12 minutes x the chance that he comes: 80 % of booked visitors come
    # (prior), and of those, the ones checking in during the first 20 of the window's 45
    # minutes (30 before the slot to 15 after, the prior spread) would be here by now.
    later = 25 / 45
    coming = 0.8 * later / (0.8 * later + 0.2)
    assert w2["eta_min"] == round(12 + 12 * coming, 1)
    assert w2["ahead"] == 2  # the first walk-in and the booked visitor


def test_a_paused_counter_is_expected_back_after_the_usual_break(
        engine, kiosk: MqttClient, counter: MqttClient) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    counter.request("pause_counter", {"counter": "platz-1", "reason": "break"})
    # 30 minutes (the statutory break) until breaks are learned, without a roster.
    assert issue(kiosk, "ausweis")["eta_min"] == 30


def test_ticket_stop_near_closing_time(engine, kiosk: MqttClient, counter: MqttClient,
                                       watch: StateWatch, clock: ManualClock) -> None:
    # Tuesday closes at 18:00; walk-ins stop when the upper end of the interval (p90)
    # comes within 10 minutes of it. Before any wait is measured the p90 of an estimate
    # e is e + 0.5 x (e + 5) (the prior); at a free counter (e = 0) half a minute.
    clock.set(datetime(2026, 11, 24, 17, 20, tzinfo=BERLIN))
    counter.request("open_counter", {"counter": "platz-1"})
    replies = [issue(kiosk, "ausweis") for _ in range(2)]
    assert [(r["eta_min"], r["eta_p90_min"]) for r in replies] == [(0, 0.5), (12, 20.5)]
    with pytest.raises(RequestFailed) as refused:
        issue(kiosk, "ausweis")  # 17:20 + 38.5 + 10 minutes: past closing
    assert refused.value.code == "ticket_stop"
    assert "closing" in refused.value.message
    assert refused.value.details["until"] == "2026-11-25T07:00:00+01:00"  # Wednesday
    q = watch.wait_queue(lambda q: service(q, "ausweis").ticket_stop)
    a = service(q, "ausweis")
    assert (a.ticket_stop_reason, a.eta_min, a.eta_p90_min) == ("ticket_stop", 24, 38.5)
    assert a.ticket_stop_until == datetime(2026, 11, 25, 7, 0, tzinfo=BERLIN)
    assert q.issued_today == 2  # the refusal left nothing behind


def test_a_long_visit_is_expected_to_last_longer_than_mean_minus_elapsed(
        site_config: SiteConfig) -> None:
    h = HandlingTimes(site_config)
    assert h.remaining("ausweis", 0) == 12
    # Lognormal visits: more than "mean minus elapsed" is left, also past the mean, and
    # a visit that has lasted very long is one of the long kind: its rest grows again.
    six, twelve, thirty, sixty = (h.remaining("ausweis", e) for e in (6, 12, 30, 60))
    assert six > 12 - 6
    assert twelve > 4
    assert sixty > thirty > 4
