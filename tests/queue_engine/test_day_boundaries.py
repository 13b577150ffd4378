"""What crosses midnight and what must not: yesterday's unserved walk-ins are not taken
for today's tickets of the same number, and a roster for a day that does not exist is
refused, not a failed batch."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from civiq.transport.mqtt import MqttClient, RequestFailed


def test_yesterdays_unserved_walk_in_teaches_the_interval_nothing(
        engine, kiosk: MqttClient, counter: MqttClient, clock) -> None:
    # Tuesday: A001 is still waiting when the centre closes (its estimate was taken with
    # a counter open).
    counter.request("open_counter", {"counter": "platz-1", "clerk": "k.meier"})
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"
    # Wednesday 07:30: today's first ausweis ticket is A001 again, a priority one issued
    # at the counter, and it is called at once.
    clock.set(clock.now() + timedelta(hours=22, minutes=30))
    counter.request("open_counter", {"counter": "platz-1", "clerk": "k.meier"})
    today = counter.request("issue_ticket", {"service": "ausweis", "priority": 1})
    assert today["ticket"]["number"] == "A001"
    assert counter.request("call_next", {"counter": "platz-1"})["ticket"]["number"] == "A001"
    learned = json.loads(engine.engine.calibration.dump())
    # Without the day's cut the call was read as a wait of 22.5 hours for Tuesday's A001.
    assert all(errors == [] for errors in learned["errors"])
    assert learned["open"] == {}


def test_a_roster_for_a_day_that_does_not_exist_is_refused(
        engine, client_factory) -> None:
    operator = client_factory("operator", "ops-1")
    with pytest.raises(RequestFailed) as exc:
        operator.request("set_roster", {"day": "2026-02-30", "counters": [
            {"counter": "platz-1", "shifts": ["08:00-12:00"]}]})
    assert exc.value.code == "invalid_arguments"
    assert "2026-02-30" in exc.value.message and "not a date" in exc.value.message


def test_a_roster_may_not_list_a_counter_twice(engine, client_factory) -> None:
    operator = client_factory("operator", "ops-1")
    with pytest.raises(RequestFailed) as exc:
        operator.request("set_roster", {"day": "2026-11-25", "counters": [
            {"counter": "platz-1", "shifts": ["08:00-12:00"]},
            {"counter": "platz-1", "shifts": ["13:00-17:00"]}]})
    assert exc.value.code == "invalid_arguments"
    assert "platz-1 is listed twice" in exc.value.message


def test_pausing_a_paused_counter_again_is_the_same_break(
        engine, kiosk: MqttClient, counter: MqttClient, client_factory, clock) -> None:
    operator = client_factory("operator", "ops-1")
    operator.request("set_roster", {"day": "2026-11-24", "counters": [
        {"counter": "platz-3", "shifts": ["08:00-18:00"],
         "breaks": ["10:00-10:30", "12:00-12:15"]}]})
    clock.set(clock.now() + timedelta(hours=1))  # 10:00
    counter.request("open_counter", {"counter": "platz-3", "clerk": "k.meier"})
    counter.request("pause_counter", {"counter": "platz-3", "reason": "break"})
    # The clerk picks another reason on the way out: still the 10:00 break.
    counter.request("pause_counter", {"counter": "platz-3", "reason": "meeting"})
    wait = kiosk.request("issue_ticket", {"service": "ausweis"})["eta_min"]
    # Back at 10:30 from the first planned break; counted twice, the run took it for the
    # 15-minute second break and promised 15 minutes.
    assert wait is not None and 28 <= wait <= 32
