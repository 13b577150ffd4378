"""Wait estimates run the dispatch policy forward over the open counters (basic cases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from queue_engine.dispatch import Candidate, PolicyParams
from queue_engine.estimator import SimCounter, forecast

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
P = PolicyParams()
MINUTES = {"ausweis": 10.0, "melde": 5.0}


def walk_ins(*services: str) -> list[Candidate]:
    return [Candidate(f"T{i:03d}", s, NOW - timedelta(minutes=len(services) - i), order=i)
            for i, s in enumerate(services)]


def test_one_counter_serves_one_after_the_other() -> None:
    f = forecast(walk_ins("ausweis", "ausweis", "ausweis"),
                 [SimCounter("p1", frozenset({"ausweis"}), NOW)], NOW, P, MINUTES)
    assert [f.wait_min(n, NOW) for n in f.order] == [0, 10, 20]
    assert [f.ahead(n) for n in ("T000", "T001", "T002")] == [0, 1, 2]


def test_two_counters_halve_the_wait_and_a_busy_one_counts_its_current_visitor() -> None:
    busy_until = NOW + timedelta(minutes=4)
    f = forecast(walk_ins("ausweis", "ausweis", "ausweis"),
                 [SimCounter("p1", frozenset({"ausweis"}), NOW),
                  SimCounter("p2", frozenset({"ausweis"}), busy_until)], NOW, P, MINUTES)
    assert [f.wait_min(n, NOW) for n in ("T000", "T001", "T002")] == [0, 4, 10]


def test_each_service_has_its_own_time_and_counters() -> None:
    f = forecast(walk_ins("ausweis", "melde", "melde"),
                 [SimCounter("p1", frozenset({"ausweis"}), NOW),
                  SimCounter("p4", frozenset({"melde"}), NOW)], NOW, P, MINUTES)
    assert f.wait_min("T000", NOW) == 0
    assert f.wait_min("T001", NOW) == 0
    assert f.wait_min("T002", NOW) == 5


def test_no_counter_for_a_service_means_no_estimate() -> None:
    f = forecast(walk_ins("melde"), [SimCounter("p1", frozenset({"ausweis"}), NOW)],
                 NOW, P, MINUTES)
    assert f.wait_min("T000", NOW) is None
    assert f.ahead("T000") == 0  # nothing will be called before it either
