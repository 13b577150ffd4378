"""The dispatch policy: a pure function (waiting tickets, calling counter, now) -> next ticket.

Order, first to last:

0. manual priority (higher first, then arrival);
1. tickets sent to this very counter (by arrival);
2. checked-in appointments whose slot has come (by slot start);
3. walk-ins waiting longer than ``escalate_after`` (by arrival), so that nobody starves;
4. other walk-ins by weighted wait (wait x service weight), then arrival;
5. appointments whose slot has not come yet (by slot start): better than an idle counter.

A ticket that needs assistance is called only by an accessible counter (site file:
``accessible = true``) when one serves its service; where none does, by any counter, so it
never waits for a counter that cannot come.

Ties fall to the earlier issue order, so the same input always gives the same choice.
A transferred ticket keeps its original arrival, so it does not lose its place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class Candidate:
    number: str
    service: str
    arrival: datetime
    order: int = 0  # issue order, the final tie-break
    priority: int = 0
    appointment: bool = False
    slot_start: datetime | None = None
    counter: str | None = None  # when set, only this counter may call it
    assistance: bool = False  # needs an accessible counter where one serves the service


@dataclass(frozen=True)
class PolicyParams:
    weights: Mapping[str, float] = field(default_factory=dict)
    escalate_after: timedelta = timedelta(minutes=45)
    appointment_early: timedelta = timedelta(minutes=5)
    accessible_counters: frozenset[str] = frozenset()
    #: Services some accessible counter serves: only there is an assistance ticket held
    #: back for an accessible counter.
    assisted_services: frozenset[str] = frozenset()

    def weight(self, service: str) -> float:
        return self.weights.get(service, 1.0)


def eligible(c: Candidate, counter: str, services: Iterable[str],
             params: PolicyParams | None = None) -> bool:
    if c.counter is not None:
        return c.counter == counter
    if c.service not in services:
        return False
    if c.assistance and params is not None and c.service in params.assisted_services:
        return counter in params.accessible_counters
    return True


def rank(c: Candidate, counter: str, now: datetime, p: PolicyParams) -> tuple:
    """Smaller is called first. Assumes ``c`` is eligible for ``counter``."""
    if c.priority > 0:
        return (0, -c.priority, c.arrival, c.order)
    if c.counter == counter:
        return (1, 0.0, c.arrival, c.order)
    if c.appointment and c.slot_start is not None:
        if c.slot_start - p.appointment_early <= now:
            return (2, 0.0, c.slot_start, c.order)
        return (5, 0.0, c.slot_start, c.order)
    waited = now - c.arrival
    if waited >= p.escalate_after:
        return (3, 0.0, c.arrival, c.order)
    return (4, -waited.total_seconds() * p.weight(c.service), c.arrival, c.order)


def choose_next(
    waiting: Sequence[Candidate],
    counter: str,
    services: Iterable[str],
    now: datetime,
    params: PolicyParams,
) -> Candidate | None:
    served = set(services)
    best: Candidate | None = None
    best_key: tuple | None = None
    for c in waiting:
        if not eligible(c, counter, served, params):
            continue
        key = rank(c, counter, now, params)
        if best_key is None or key < best_key:
            best, best_key = c, key
    return best


def group_key(c: Candidate) -> tuple:
    """Tickets in one group keep their relative order at any ``now`` (the estimator
    relies on that: it compares only the head of each group)."""
    return (c.service, c.counter, c.priority > 0, c.appointment, c.assistance)


def in_group_order(c: Candidate) -> tuple:
    if c.priority > 0:
        return (-c.priority, c.arrival, c.order)
    if c.appointment and c.slot_start is not None:
        return (0, c.slot_start, c.order)
    return (0, c.arrival, c.order)
