"""Wait estimates run the dispatch policy forward over the open counters (basic cases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from queue_engine.dispatch import Candidate, PolicyParams
from queue_engine.estimator import NEWCOMER, SimCounter, forecast

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


# ----- one run for every newcomer (what the state shows) ------------------------------
SERVICES = ("ausweis", "melde", "kfz")


def newcomer(service: str) -> Candidate:
    return Candidate(f"{NEWCOMER}{service}", service, NOW, order=1 << 40)


@st.composite
def situations(draw: st.DrawFn) -> dict:
    waiting = []
    for i in range(draw(st.integers(0, 12))):
        service = draw(st.sampled_from(SERVICES))
        kind = draw(st.sampled_from(("walk_in", "walk_in", "priority", "appointment", "sent")))
        arrival = NOW - timedelta(minutes=draw(st.integers(0, 90)))
        waiting.append(Candidate(
            f"T{i:03d}", service, arrival, order=i,
            priority=1 if kind == "priority" else 0,
            appointment=kind == "appointment",
            slot_start=arrival + timedelta(minutes=draw(st.integers(-10, 30)))
            if kind == "appointment" else None,
            counter="p1" if kind == "sent" else None))
    counters = [SimCounter(f"p{i + 1}", frozenset(draw(st.sets(st.sampled_from(SERVICES),
                                                                min_size=1))),
                           NOW + timedelta(minutes=draw(st.integers(0, 20))))
                for i in range(draw(st.integers(0, 4)))]
    due = [Candidate(f"~BK{i}", draw(st.sampled_from(SERVICES)),
                     NOW + timedelta(minutes=m), order=(1 << 39) + i, appointment=True,
                     slot_start=NOW + timedelta(minutes=m))
           for i, m in enumerate(draw(st.lists(st.integers(0, 60), max_size=3)))]
    arrivals = {s: draw(st.sampled_from((0.0, 0.1, 0.5))) for s in SERVICES}
    weights = {s: draw(st.sampled_from((1.0, 1.5, 3.0))) for s in SERVICES}
    minutes = {s: draw(st.sampled_from((3.0, 10.0, 25.0))) for s in SERVICES}
    return {"waiting": waiting, "counters": counters, "due": due, "arrivals": arrivals,
            "params": PolicyParams(weights=weights), "minutes": minutes,
            "share": draw(st.sampled_from((1.0, 0.8)))}


def run(s: dict, extra: list[Candidate] = (), probes: list[Candidate] = ()):
    return forecast([*s["waiting"], *extra], s["counters"], NOW, s["params"], s["minutes"],
                    s["due"], due_share=s["share"], arrivals=s["arrivals"], probes=probes)


@settings(max_examples=300, deadline=None)
@given(situations())
def test_one_run_with_probes_gives_each_newcomer_its_own_runs_answer(s: dict) -> None:
    probes = [newcomer(x) for x in SERVICES]
    together = run(s, probes=probes)
    alone = run(s)
    # The waiting tickets keep their times and order: probes hold no counter.
    assert {n: together.start[n] for n in alone.start} == alone.start
    assert [n for n in together.order if n in alone.start] == alone.order
    for p in probes:
        own = run(s, extra=[p])
        assert together.wait_min(p.number, NOW) == own.wait_min(p.number, NOW), p.service


@settings(max_examples=400, deadline=None)
@given(situations(), st.booleans())
def test_leaving_out_walk_ins_to_come_that_cannot_pass_anyone_changes_nothing(
        s: dict, with_probes: bool) -> None:
    probes = [newcomer(x) for x in SERVICES] if with_probes else []
    lean = run(s, probes=probes)
    full = forecast([*s["waiting"]], s["counters"], NOW, s["params"], s["minutes"],
                    s["due"], due_share=s["share"], arrivals=s["arrivals"], probes=probes,
                    all_phantoms=True)
    assert lean == full


def test_walk_ins_to_come_of_a_heavier_service_still_go_first() -> None:
    # Passport (weight 3) walk-ins to come pass the waiting registration ticket.
    p = PolicyParams(weights={"ausweis": 3.0, "melde": 1.0})
    waiting = [Candidate("B001", "melde", NOW - timedelta(minutes=1), order=1)]
    counters = [SimCounter("p1", frozenset({"ausweis", "melde"}), NOW + timedelta(minutes=5))]
    alone = forecast(waiting, counters, NOW, p, MINUTES)
    busy = forecast(waiting, counters, NOW, p, MINUTES, arrivals={"ausweis": 0.5})
    assert busy.wait_min("B001", NOW) > alone.wait_min("B001", NOW)


def test_walk_ins_to_come_go_before_an_appointment_checked_in_early() -> None:
    # The booked visitor came 30 minutes early: until shortly before the slot a walk-in
    # who arrives meanwhile goes first (better than an idle counter, not better than him).
    slot = NOW + timedelta(minutes=30)
    early = Candidate("C001", "melde", NOW, order=1, appointment=True, slot_start=slot)
    counters = [SimCounter("p1", frozenset({"melde"}), NOW + timedelta(minutes=3))]
    alone = forecast([early], counters, NOW, P, MINUTES)
    assert alone.wait_min("C001", NOW) == 3
    busy = forecast([early], counters, NOW, P, MINUTES, arrivals={"melde": 0.5})
    # Walk-ins to come (one each 2 min, 5 min each) keep the counter until the slot nears.
    assert busy.wait_min("C001", NOW) >= 25


def test_a_ticket_sent_to_a_counter_of_other_services_gets_its_estimate() -> None:
    # Transferred to platz-1, which serves registration only: that counter calls it.
    sent = Candidate("A007", "ausweis", NOW - timedelta(minutes=20), order=7, counter="p1")
    f = forecast([sent], [SimCounter("p1", frozenset({"melde"}), NOW + timedelta(minutes=4))],
                 NOW, P, MINUTES)
    assert f.wait_min("A007", NOW) == 4


def test_walk_ins_to_come_count_when_the_clock_stepped_back() -> None:
    # The wall clock went back 5 minutes (a time correction): a waiting ticket seems to
    # arrive after now, so walk-ins to come may have waited longer than it has.
    ahead = Candidate("A001", "ausweis", NOW + timedelta(minutes=5), order=1)
    counters = [SimCounter("p1", frozenset({"ausweis"}), NOW + timedelta(minutes=10))]
    lean = forecast([ahead], counters, NOW, P, MINUTES, arrivals={"ausweis": 0.5})
    full = forecast([ahead], counters, NOW, P, MINUTES, arrivals={"ausweis": 0.5},
                    all_phantoms=True)
    assert lean == full
