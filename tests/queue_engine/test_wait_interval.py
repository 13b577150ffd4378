"""What widens the 80 % interval and what the forward run books for a visitor still due:
the calibration with the handling times learned from real visits (no engine needed)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civiq.config import SiteConfig
from queue_engine.calibration import Calibration, spread_factor
from queue_engine.handling_times import HandlingTimes, still_coming
from tests.conftest import TUESDAY_9


def test_heavy_tailed_visits_widen_the_interval_and_even_ones_narrow_it(
        site_config: SiteConfig) -> None:
    h = HandlingTimes(site_config)
    prior = Calibration().interval(20.0, spread_factor(h.cv("ausweis")))
    # Before any visit the interval is the prior's (spread 1).
    assert prior == Calibration().interval(20.0)
    for minutes in [3, 4, 3, 45, 4, 3, 5, 60, 4, 3] * 3:  # a few visits take ten times as long
        h.observe("ausweis", minutes)
    for minutes in [10, 11, 9, 10, 12, 10, 9, 11, 10, 10] * 3:
        h.observe("melde", minutes)
    heavy = Calibration().interval(20.0, spread_factor(h.cv("ausweis")))
    even = Calibration().interval(20.0, spread_factor(h.cv("melde")))
    assert heavy is not None and even is not None and prior is not None
    assert heavy[0] < prior[0] < even[0] < 20.0
    assert heavy[2] > prior[2] > even[2] > 20.0
    assert heavy[1] == prior[1] == even[1] == 20.0  # the median stays the run's estimate


def test_a_wait_learned_at_a_wide_spread_is_read_in_that_spread() -> None:
    # The same error, made where visits spread twice as much, says half as much about
    # the usual interval: errors are kept in units of the spread at issuance.
    wide, usual = Calibration(), Calibration()
    for cal, spread in ((wide, 2.0), (usual, 1.0)):
        for i in range(100):
            cal.issued(f"A{i:03d}", 20.0, TUESDAY_9, spread)
            cal.called(f"A{i:03d}", TUESDAY_9 + timedelta(minutes=40))
    assert wide.interval(20.0)[2] < usual.interval(20.0)[2]
    # Where the visits spread that much again, the 40-minute waits are inside.
    assert wide.interval(20.0, 2.0)[2] >= 40 > usual.interval(20.0)[2]


def test_the_interval_and_the_waits_it_learns_from_survive_a_restart() -> None:
    cal = Calibration()
    for i in range(30):
        cal.issued(f"A{i:03d}", 20.0, TUESDAY_9, 1.5)
        cal.called(f"A{i:03d}", TUESDAY_9 + timedelta(minutes=30))
    cal.issued("A100", 20.0, TUESDAY_9, 1.5)
    again = Calibration()
    again.load(cal.dump())
    assert again.interval(20.0, 1.5) == cal.interval(20.0, 1.5)
    for c in (cal, again):
        c.called("A100", TUESDAY_9 + timedelta(minutes=60))
    assert again.interval(20.0, 1.5) == cal.interval(20.0, 1.5)


WINDOW = (30.0, 15.0)


@given(st.floats(0.05, 0.95), st.floats(-60, 30), st.floats(0, 20),
       st.lists(st.floats(-30, 15), max_size=40))
def test_the_later_past_the_slot_the_fewer_still_come(
        show: float, late: float, later: float, offsets: list[float]) -> None:
    now, after = still_coming(show, late, offsets, WINDOW), still_coming(
        show, late + later, offsets, WINDOW)
    assert 0 <= after <= now <= 1
    # Before anyone could have checked in, it is the show rate itself.
    assert still_coming(show, -31, offsets, WINDOW) == pytest.approx(show)


def test_a_booked_visitor_late_past_every_check_in_seen_is_unlikely_to_come() -> None:
    # 40 visitors checked in, all by 2 minutes after their slot: 5 minutes past it, a
    # visitor not here yet is most likely a no-show.
    offsets = [-10.0 + i * 0.3 for i in range(40)]
    assert still_coming(0.85, -15, offsets, WINDOW) > 0.8
    assert still_coming(0.85, 5, offsets, WINDOW) < 0.3


def test_a_free_counter_gets_an_interval_of_seconds_learned_from_its_own_calls() -> None:
    # Told 0 (a counter was free), called within 6-24 seconds: the interval is those
    # seconds, not the minutes a queue errs by, and it holds about 80 % of such calls.
    cal = Calibration()
    first = cal.interval(0.0)
    assert first is not None and first[2] <= 0.5
    calls = [0.1 + 0.3 * i / 99 for i in range(100)]  # minutes
    for i, wait in enumerate(calls):
        cal.issued(f"A{i:03d}", 0.0, TUESDAY_9)
        cal.called(f"A{i:03d}", TUESDAY_9 + timedelta(minutes=wait))
    lo, mid, hi = cal.interval(0.0)
    assert mid == 0.0
    assert 0.1 < lo < 0.16 and 0.33 < hi < 0.4
    # About 80 %: the prior (within half a minute), worth 5 calls, still widens it a little.
    assert 0.78 <= sum(1 for w in calls if lo <= w <= hi) / len(calls) <= 0.88
    # Queue estimates keep their own band: a 2-minute estimate is read in minutes.
    assert cal.interval(2.0) == Calibration().interval(2.0)


def test_a_calibration_stored_before_the_free_counter_band_loads_into_the_right_bands(
        ) -> None:
    cal = Calibration()
    for i in range(60):
        cal.issued(f"A{i:03d}", 20.0, TUESDAY_9)
        cal.called(f"A{i:03d}", TUESDAY_9 + timedelta(minutes=35))
    d = json.loads(cal.dump())
    old = {"errors": d["errors"][1:], "open": d["open"]}  # the earlier layout: no "bands"
    again = Calibration()
    again.load(json.dumps(old))
    assert again.interval(20.0) == cal.interval(20.0)
    assert again.interval(0.0) == Calibration().interval(0.0)
