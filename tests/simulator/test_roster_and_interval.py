"""The duty roster and the 80 % interval, as a kiosk, a counter and a staff-planning
system see them: the real engine over a real broker, on a manual clock (Tuesday 09:00)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from civiq.clock import ManualClock
from civiq.transport.mqtt import MqttClient, RequestFailed
from queue_engine.calibration import Calibration
from tests.conftest import TUESDAY_9


@pytest.fixture
def planner(client_factory: Callable[[str, str], MqttClient]) -> MqttClient:
    return client_factory("booking", "staff-planning")


def roster(planner: MqttClient, *entries: dict) -> dict:
    return planner.request("set_roster", {"day": "2026-11-24", "counters": list(entries)})


def issue(kiosk: MqttClient, sid: str = "ausweis") -> dict:
    return kiosk.request("issue_ticket", {"service": sid})


def test_a_closed_counter_on_the_roster_is_expected_when_its_shift_begins(
        engine, kiosk: MqttClient, planner: MqttClient) -> None:
    # Without a roster a closed counter is not coming back: no estimate at all.
    assert issue(kiosk)["eta_min"] is None
    assert roster(planner, {"counter": "platz-1", "shifts": ["09:30-18:00"]}) == {
        "day": "2026-11-24", "counters": 1}
    r = issue(kiosk)
    # Two ID-card visitors wait now; platz-1 opens at 09:30 and takes them 12 minutes each.
    assert r["eta_min"] == 42
    assert r["eta_p10_min"] <= r["eta_min"] <= r["eta_p90_min"]


def test_a_planned_break_is_taken_after_the_visit_under_way(
        engine, kiosk: MqttClient, counter: MqttClient, planner: MqttClient) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    roster(planner, {"counter": "platz-1", "shifts": ["08:00-18:00"],
                     "breaks": ["09:10-09:40"]})
    # A001 from 09:00 to 09:12; then the 30-minute break: A002 at 09:42, A003 at 09:54.
    assert [issue(kiosk)["eta_min"] for _ in range(3)] == [0, 42, 54]


def test_a_clerk_whose_shift_ends_takes_no_one_after(
        engine, kiosk: MqttClient, counter: MqttClient, planner: MqttClient) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    counter.request("open_counter", {"counter": "platz-2"})
    roster(planner, {"counter": "platz-1", "shifts": ["08:00-09:20"]},
           {"counter": "platz-2", "shifts": ["08:00-18:00"]})
    etas = [issue(kiosk)["eta_min"] for _ in range(4)]
    # 09:00 both take one; 09:12 both again (platz-1 is still on shift); at 09:24 only
    # platz-2 is left: the fifth visitor would wait 36 minutes, not 24.
    assert etas == [0, 0, 12, 12]
    assert issue(kiosk)["eta_min"] == 24
    assert issue(kiosk)["eta_min"] == 36


def test_a_roster_is_refused_whole_with_a_reason_and_only_planners_may_send_it(
        engine, kiosk: MqttClient, planner: MqttClient) -> None:
    with pytest.raises(RequestFailed) as bad:
        roster(planner, {"counter": "platz-99", "shifts": ["08:00-12:00"]})
    assert bad.value.code == "invalid_arguments" and "platz-99" in bad.value.message
    with pytest.raises(RequestFailed) as bad:
        roster(planner, {"counter": "platz-1", "shifts": ["12:00-08:00"]})
    assert bad.value.code == "invalid_arguments" and "ends before it starts" in bad.value.message
    with pytest.raises(RequestFailed) as bad:
        kiosk.request("set_roster", {"day": "2026-11-24", "counters": []})
    assert bad.value.code == "forbidden"
    # Nothing of the refused rosters took effect: platz-1 is still not expected.
    assert issue(kiosk)["eta_min"] is None


def test_a_roster_sent_before_a_restart_still_holds(
        engine_factory, kiosk: MqttClient, planner: MqttClient) -> None:
    first = engine_factory()
    roster(planner, {"counter": "platz-1", "shifts": ["09:30-18:00"]})
    first.stop()
    engine_factory()
    assert issue(kiosk)["eta_min"] == 30


def test_the_interval_widens_where_waits_were_longer_than_estimated(
        clock: ManualClock) -> None:
    cal = Calibration()
    before = cal.interval(20.0)
    assert before is not None and before[0] < 20.0 == before[1] < before[2]
    for i in range(60):  # every 20-minute estimate came true only after 35 minutes
        cal.issued(f"A{i:03d}", 20.0, TUESDAY_9)
        cal.called(f"A{i:03d}", TUESDAY_9 + timedelta(minutes=35))
    after = cal.interval(20.0)
    assert after is not None and after[1] == 20.0
    assert after[2] > before[2] and after[2] > 30
    # Other bands keep their own errors.
    assert cal.interval(2.0) == Calibration().interval(2.0)
