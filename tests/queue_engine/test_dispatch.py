"""The dispatch policy is a pure function; these are its promises, checked on generated
queues: same input same choice, only eligible tickets, and nobody starves."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from queue_engine.dispatch import Candidate, PolicyParams, choose_next

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SERVICES = ("ausweis", "melde", "abholung", "fuehrerschein")
COUNTERS = ("platz-1", "platz-2", "platz-3")
PARAMS = PolicyParams(
    weights={"ausweis": 1.0, "melde": 1.2, "abholung": 1.5, "fuehrerschein": 10.0},
    escalate_after=timedelta(minutes=45),
    appointment_early=timedelta(minutes=5),
)


@st.composite
def queues(draw: st.DrawFn, min_size: int = 0) -> list[Candidate]:
    n = draw(st.integers(min_size, 25))
    out = []
    for i in range(n):
        appointment = draw(st.booleans()) and draw(st.booleans())
        out.append(Candidate(
            number=f"X{i:03d}",
            service=draw(st.sampled_from(SERVICES)),
            arrival=NOW - timedelta(minutes=draw(st.integers(0, 180))),
            order=i + 1,  # issue order is unique: the final tie-break
            priority=draw(st.sampled_from((0, 0, 0, 0, 1, 5))),
            appointment=appointment,
            slot_start=(NOW + timedelta(minutes=draw(st.integers(-60, 60)))
                        if appointment else None),
            counter=draw(st.sampled_from((None, None, None, *COUNTERS))),
        ))
    return out


served_sets = st.lists(st.sampled_from(SERVICES), min_size=0, max_size=4, unique=True)


@settings(max_examples=80, deadline=None)
@given(queues(), st.sampled_from(COUNTERS), served_sets, st.randoms(use_true_random=False))
def test_same_input_same_choice_in_any_order(waiting, counter, served, rnd) -> None:
    first = choose_next(waiting, counter, served, NOW, PARAMS)
    assert choose_next(list(waiting), counter, list(served), NOW, PARAMS) == first
    shuffled = list(waiting)
    rnd.shuffle(shuffled)
    assert choose_next(shuffled, counter, served, NOW, PARAMS) == first


@settings(max_examples=80, deadline=None)
@given(queues(), st.sampled_from(COUNTERS), served_sets)
def test_a_counter_only_gets_tickets_it_may_serve(waiting, counter, served) -> None:
    pick = choose_next(waiting, counter, served, NOW, PARAMS)
    eligible = [c for c in waiting
                if c.counter == counter or (c.counter is None and c.service in served)]
    if pick is None:
        assert eligible == []
    else:
        assert pick in eligible
        # Reserved for another counter: never, whatever its service.
        assert pick.counter in (None, counter)


@settings(max_examples=80, deadline=None)
@given(queues(min_size=1), st.sampled_from(COUNTERS))
def test_priority_goes_first(waiting, counter) -> None:
    pick = choose_next(waiting, counter, SERVICES, NOW, PARAMS)
    eligible_prio = [c for c in waiting if c.priority > 0 and c.counter in (None, counter)]
    if eligible_prio:
        assert pick is not None
        assert pick.priority == max(c.priority for c in eligible_prio)


@settings(max_examples=80, deadline=None)
@given(queues(min_size=1), st.sampled_from(COUNTERS))
def test_a_long_wait_goes_ahead_of_every_later_walk_in(waiting, counter) -> None:
    """Once a walk-in has waited escalate_after, no walk-in that came later (without
    manual priority or a reservation for this counter) is called before it, whatever
    the service weights say."""
    pick = choose_next(waiting, counter, SERVICES, NOW, PARAMS)
    plain = [c for c in waiting if not c.appointment and c.priority == 0 and c.counter is None]
    for old in plain:
        if NOW - old.arrival < PARAMS.escalate_after:
            continue
        later = [c for c in plain if (c.arrival, c.order) > (old.arrival, old.order)]
        assert pick not in later, f"{pick.number} came after {old.number} but went first"


def test_weights_order_walk_ins_before_the_escalation() -> None:
    a = Candidate("A001", "ausweis", NOW - timedelta(minutes=20), order=1)
    d = Candidate("D001", "abholung", NOW - timedelta(minutes=15), order=2)
    # 15 min x 1.5 beats 20 min x 1.0 ...
    assert choose_next([a, d], "platz-1", SERVICES, NOW, PARAMS) == d
    # ... until A001 has waited 45 minutes.
    later = NOW + timedelta(minutes=25)
    assert choose_next([a, d], "platz-1", SERVICES, later, PARAMS) == a


def test_a_transferred_ticket_keeps_its_place_by_arrival() -> None:
    early = Candidate("A001", "melde", NOW - timedelta(minutes=30), order=1)  # transferred
    late = Candidate("B007", "melde", NOW - timedelta(minutes=5), order=40)
    assert choose_next([late, early], "platz-1", ["melde"], NOW, PARAMS) == early


def test_appointments_due_come_before_walk_ins_and_early_ones_fill_idle_time() -> None:
    walk = Candidate("A001", "ausweis", NOW - timedelta(minutes=40), order=1)
    due = Candidate("A002", "ausweis", NOW - timedelta(minutes=1), order=2, appointment=True,
                    slot_start=NOW + timedelta(minutes=3))
    early = Candidate("A003", "ausweis", NOW, order=3, appointment=True,
                      slot_start=NOW + timedelta(minutes=30))
    assert choose_next([walk, due, early], "platz-1", ["ausweis"], NOW, PARAMS) == due
    assert choose_next([walk, early], "platz-1", ["ausweis"], NOW, PARAMS) == walk
    assert choose_next([early], "platz-1", ["ausweis"], NOW, PARAMS) == early


def _simulate(arrivals: list[tuple[float, str]], handle_min: float,
              params: PolicyParams) -> dict[str, tuple[float, int]]:
    """One counter serving every service; returns number -> (wait in minutes, how many
    others were waiting when it arrived)."""
    pending = sorted(arrivals)
    cands = [Candidate(f"T{i:03d}", svc, NOW + timedelta(minutes=at), order=i + 1)
             for i, (at, svc) in enumerate(pending)]
    t = NOW
    waiting: list[Candidate] = []
    nxt = 0
    out: dict[str, tuple[float, int]] = {}
    ahead_at_arrival: dict[str, int] = {}
    while nxt < len(cands) or waiting:
        while nxt < len(cands) and cands[nxt].arrival <= t:
            ahead_at_arrival[cands[nxt].number] = len(waiting)
            waiting.append(cands[nxt])
            nxt += 1
        if not waiting:
            t = cands[nxt].arrival
            continue
        pick = choose_next(waiting, "platz-1", SERVICES, t, params)
        assert pick is not None
        waiting.remove(pick)
        out[pick.number] = ((t - pick.arrival).total_seconds() / 60,
                            ahead_at_arrival[pick.number])
        t += timedelta(minutes=handle_min)
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 240, allow_nan=False), st.sampled_from(SERVICES)),
                min_size=1, max_size=40))
def test_nobody_starves_even_when_later_arrivals_are_weighted_higher(arrivals) -> None:
    """Whatever comes later, a ticket waits at most the escalation time plus serving those
    who were already waiting when it came (and the one at the counter)."""
    handle = 6.0
    result = _simulate(arrivals, handle, PARAMS)
    assert len(result) == len(arrivals)
    limit_e = PARAMS.escalate_after.total_seconds() / 60
    for number, (wait, ahead) in result.items():
        assert wait <= limit_e + handle * (ahead + 1) + 1e-6, (number, wait, ahead)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SERVICES), min_size=1, max_size=40),
       st.floats(6.5, 20, allow_nan=False))
def test_one_counter_faster_than_arrivals_keeps_every_wait_short(services, gap) -> None:
    handle = 6.0
    arrivals = [(i * gap, s) for i, s in enumerate(services)]
    result = _simulate(arrivals, handle, PARAMS)
    assert max(w for w, _ in result.values()) <= handle


def test_overload_with_a_heavy_service_still_serves_the_light_one() -> None:
    """A stream of high-weight tickets must not keep an ausweis ticket waiting for ever."""
    rnd = random.Random(7)
    arrivals = [(0.0, "ausweis")] + [(rnd.uniform(0, 300), "fuehrerschein") for _ in range(80)]
    result = _simulate(arrivals, 6.0, PARAMS)
    wait, _ = result["T000"]
    assert wait <= 45 + 6


# ----- tickets that need assistance -----------------------------------------------------
ACCESSIBLE = PolicyParams(
    weights=PARAMS.weights, escalate_after=PARAMS.escalate_after,
    appointment_early=PARAMS.appointment_early,
    accessible_counters=frozenset({"platz-1"}),
    assisted_services=frozenset({"ausweis", "melde"}),
)


def _ticket(number: str, service: str, minutes_ago: int, assistance: bool = False
            ) -> Candidate:
    return Candidate(number=number, service=service, order=int(number[1:]),
                     arrival=NOW - timedelta(minutes=minutes_ago), assistance=assistance)


def test_assistance_ticket_is_called_only_by_an_accessible_counter() -> None:
    waiting = [_ticket("A001", "ausweis", 30, assistance=True), _ticket("A002", "ausweis", 5)]
    other = choose_next(waiting, "platz-2", ["ausweis"], NOW, ACCESSIBLE)
    assert other is not None and other.number == "A002"
    assert choose_next(waiting[:1], "platz-2", ["ausweis"], NOW, ACCESSIBLE) is None
    mine = choose_next(waiting, "platz-1", ["ausweis"], NOW, ACCESSIBLE)
    assert mine is not None and mine.number == "A001"


def test_assistance_ticket_goes_to_any_counter_when_no_accessible_one_serves_it() -> None:
    waiting = [_ticket("C001", "fuehrerschein", 10, assistance=True)]
    # An accessible counter exists, but none serves this service: it must not wait forever.
    got = choose_next(waiting, "platz-5", ["fuehrerschein"], NOW, ACCESSIBLE)
    assert got is not None and got.number == "C001"
    # No accessible counter configured at all: any counter calls it.
    waiting = [_ticket("A001", "ausweis", 10, assistance=True)]
    got = choose_next(waiting, "platz-2", ["ausweis"], NOW, PARAMS)
    assert got is not None and got.number == "A001"


def test_an_accessible_counter_still_serves_everyone_in_order() -> None:
    waiting = [_ticket("A001", "ausweis", 30), _ticket("A002", "ausweis", 5, assistance=True)]
    got = choose_next(waiting, "platz-1", ["ausweis"], NOW, ACCESSIBLE)
    assert got is not None and got.number == "A001"
