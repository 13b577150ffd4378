"""Wait estimates by running the dispatch policy forward over the open counters.

Not "position x average": each open counter becomes free when its current ticket is
expected to end, takes the ticket the policy would give it at that moment, and is busy
for that service's handling time. A ticket's estimate is the moment it is taken.

What else takes counters is in the run as well: booked visitors still due join at their
slot (weighted by the share who come), walk-ins still to come join at the recent arrival
rate (with the policy's weights they may go first), and a paused counter comes back
after the usual break.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from civiq.protocol.models import CounterStatus
from queue_engine.dispatch import Candidate, PolicyParams, choose_next, group_key, in_group_order

if TYPE_CHECKING:
    from queue_engine.domain import CounterRt, Ticket
    from queue_engine.handling_times import HandlingTimes
    from queue_engine.roster import CounterPlan

#: Phantom walk-ins are ordered from here (after every real ticket).
_PHANTOM_ORDER = 1 << 50
#: Numbers of what is not a real ticket: "~" and then "~" (phantom walk-ins), "+" (a
#: newcomer, see NEWCOMER) or a booking id (bookings still due). Booking ids begin with a
#: letter or digit, so no booking is ever taken for a phantom or a newcomer.
_PHANTOM = "~~"
NEWCOMER = "~+"
#: Walk-ins still to come are imagined this far ahead; beyond it the run has no new
#: arrivals (and ends, even when a ticket has no counter that could serve it).
PHANTOM_HORIZON = timedelta(hours=3)


class _Later:
    """Sort key for the groups' lists, which run from the last to be called to the head."""

    __slots__ = ("key",)

    def __init__(self, c: Candidate) -> None:
        self.key = in_group_order(c)

    def __lt__(self, other: _Later) -> bool:
        return other.key < self.key


@dataclass(frozen=True)
class SimCounter:
    id: str
    services: frozenset[str]
    free_at: datetime  # when its current visitor is expected to leave (<= now: free)
    #: When it may begin a visit (start, end; end None: until the queue is empty), in
    #: order; None: at any time (no roster). After the last it takes no one.
    shifts: tuple[tuple[datetime, datetime | None], ...] | None = None
    #: Planned breaks still to take: (planned start, minutes). The clerk goes once free
    #: at or after the start and is away that long.
    breaks: tuple[tuple[datetime, float], ...] = ()


@dataclass(frozen=True)
class Forecast:
    start: dict[str, datetime]  # number -> expected call time
    order: list[str]  # numbers in expected call order
    counter: dict[str, str] = field(default_factory=dict)  # number -> counter that takes it

    def wait_min(self, number: str, now: datetime) -> float | None:
        at = self.start.get(number)
        if at is None:
            return None
        return round(max(0.0, (at - now).total_seconds() / 60), 1)

    def ahead(self, number: str) -> int:
        try:
            return self.order.index(number)
        except ValueError:
            return len(self.order)


def forecast(
    waiting: Sequence[Candidate],
    counters: Sequence[SimCounter],
    now: datetime,
    params: PolicyParams,
    handle_min: Mapping[str, float],
    due: Sequence[Candidate] = (),
    *,
    due_share: float | Mapping[str, float] = 1.0,
    arrivals: Mapping[str, float] | None = None,
    probes: Sequence[Candidate] = (),
    all_phantoms: bool = False,
) -> Forecast:
    """``due``: appointments not yet checked in that will take counters when their
    slot comes (they join the run at their slot start and hold a counter for
    ``due_share`` of the handling time: the share of booked visitors who come; a mapping
    gives each booking its own, by number).
    ``arrivals``: walk-ins per minute per service still to come; they join the run as
    phantoms (never in the result), since with weights they may go first.
    ``probes``: tickets that could be taken now, one per service, each at the place a
    new ticket would take: they are placed like waiting tickets but hold their counter
    for no time, so they change no one else's time and one run gives every service's
    wait for a newcomer (what the state shows), not one run per service."""
    instant = {c.number for c in probes}
    waiting = [*waiting, *probes]
    groups: dict[tuple, list[Candidate]] = {}
    for c in sorted(waiting, key=in_group_order, reverse=True):
        groups.setdefault(group_key(c), []).append(c)  # each list: last element is head
    joins: list[tuple[datetime, int, Candidate]] = [(c.slot_start or now, c.order, c)
                                                    for c in due]
    heapq.heapify(joins)
    booked = {c.number for c in due}
    rates = {s: r for s, r in (arrivals or {}).items() if r > 0}
    endless = bool(rates)  # decided before pruning: it decides when the run ends
    # Only counters linked (through the services they share) to a real ticket's service
    # can change a real ticket's time; the rest, and walk-ins to come for their services
    # only, are left out of the run: the same result, without simulating every arrival
    # at counters that never serve anyone who is waiting.
    linked_services, linked = _linked({c.service for c in waiting} |
                                      {c.service for c in due}, counters,
                                      {c.counter for c in waiting if c.counter})
    rates = {s: r for s, r in rates.items() if s in linked_services}
    # All or none: phantoms that cannot pass a waiting ticket can still pass, and so
    # delay, phantoms that can.
    if not all_phantoms and not _phantoms_matter(rates, waiting, due, now, params):
        rates = {}
    phantoms = 0

    def next_phantom(service: str, after: datetime) -> None:
        nonlocal phantoms
        phantoms += 1
        at = after + timedelta(minutes=1 / rates[service])
        if at > now + PHANTOM_HORIZON:
            return
        order = _PHANTOM_ORDER + phantoms
        heapq.heappush(joins, (at, order, Candidate(
            number=f"{_PHANTOM}{phantoms}", service=service, arrival=at, order=order)))

    for service in sorted(rates):
        next_phantom(service, now)
    heap = [(max(c.free_at, now), i, c) for i, c in enumerate(counters) if linked[i]]
    heapq.heapify(heap)
    shifts = {i: list(c.shifts) for i, c in enumerate(counters)
              if linked[i] and c.shifts is not None}
    breaks = {i: list(c.breaks) for i, c in enumerate(counters) if linked[i] and c.breaks}
    start: dict[str, datetime] = {}
    order: list[str] = []
    taken_by: dict[str, str] = {}
    # The real tickets decide when the run is over; phantoms would go on for ever.
    remaining = len(waiting)
    booked_left = len(due)
    while heap and (remaining or (booked_left and not endless)):
        t, i, counter = heapq.heappop(heap)
        if i in shifts or i in breaks:
            at = _on_duty(t, shifts.get(i), breaks.get(i))
            if at is None:
                continue  # the clerk's day is over: takes no one any more
            if at > t:
                heapq.heappush(heap, (at, i, counter))
                continue
        while joins and joins[0][0] <= t:
            _, _, c = heapq.heappop(joins)
            if c.number.startswith(_PHANTOM):
                next_phantom(c.service, c.arrival)
            # Insert in place: re-sorting the group at every join made a run quadratic
            # in the queue's length (seconds per issue_ticket with a few hundred waiting).
            bisect.insort(groups.setdefault(group_key(c), []), c, key=_Later)
        heads = [g[-1] for g in groups.values() if g]
        pick = choose_next(heads, counter.id, counter.services, t, params)
        if pick is None:
            if joins:
                # Idle until the next visitor arrives (or a planned break begins).
                wake = max(joins[0][0], t)
                if breaks.get(i):
                    wake = max(min(wake, breaks[i][0][0]), t)
                heapq.heappush(heap, (wake, i, counter))
            continue
        groups[group_key(pick)].pop()
        minutes = 0.0 if pick.number in instant else handle_min.get(pick.service, 10.0)
        if pick.number in booked:
            booked_left -= 1
            minutes *= (due_share if isinstance(due_share, float | int)
                        else due_share.get(pick.number, 1.0))
        elif not pick.number.startswith(_PHANTOM):
            remaining -= 1
        if not pick.number.startswith(_PHANTOM) and pick.number not in start:
            start[pick.number] = t
            order.append(pick.number)
            taken_by[pick.number] = counter.id
        heapq.heappush(heap, (t + timedelta(minutes=minutes), i, counter))
    return Forecast(start=start, order=order, counter=taken_by)


def _on_duty(t: datetime, shifts: list | None, breaks: list | None) -> datetime | None:
    """When a counter free at ``t`` can begin a visit (``t`` itself when it can now); None
    when its clerk's day is over. Takes the planned breaks that are due on the way: a
    break begins when the clerk is free at or after its planned start, also while off
    shift (a break planned in the gap before a shift costs that shift nothing)."""
    while True:
        if shifts is not None:
            while shifts and shifts[0][1] is not None and shifts[0][1] <= t:
                shifts.pop(0)
            if not shifts:
                return None
            begin = max(shifts[0][0], t)
        else:
            begin = t
        if not breaks or breaks[0][0] > begin:
            return begin
        planned, minutes = breaks.pop(0)
        t = max(t, planned) + timedelta(minutes=minutes)


def _phantoms_matter(services: Iterable[str], waiting: Sequence[Candidate],
                     due: Sequence[Candidate], now: datetime, params: PolicyParams) -> bool:
    """Whether walk-ins still to come for ``services`` can change a waiting ticket's time.

    They arrive after everyone waiting, so by the policy they go first only before a
    walk-in of a lighter service (a weighted wait), or before an appointment whose slot
    has not come. Without those they take a counter only when no waiting ticket can use
    it, and with no booking still to join, no waiting ticket ever will: leaving them out
    of the run changes nothing but its cost (the phantoms were most of it)."""
    if due:
        return True
    lightest = None
    for c in waiting:
        if c.arrival > now:
            return True  # the clock stepped back: later walk-ins may have waited longer
        if c.priority > 0 or c.counter is not None:
            continue
        if c.appointment and c.slot_start is not None:
            if c.slot_start - params.appointment_early > now:
                return True
            continue
        w = params.weight(c.service)
        lightest = w if lightest is None else min(lightest, w)
    return lightest is not None and any(params.weight(s) > lightest for s in services)


def _linked(services: set[str], counters: Sequence[SimCounter], named: set[str]
            ) -> tuple[set[str], list[bool]]:
    """The services reachable from ``services`` through counters that serve several,
    and which counters serve any of them or were named for a ticket (sent to that
    counter, whatever it serves)."""
    reach = set(services)
    linked = [False] * len(counters)
    for i, c in enumerate(counters):
        if c.id in named:
            linked[i] = True
            reach |= c.services
    grown = True
    while grown:
        grown = False
        for i, c in enumerate(counters):
            if not linked[i] and c.services & reach:
                linked[i] = True
                if not c.services <= reach:
                    reach |= c.services
                    grown = True
    return reach, linked


#: A rostered clerk who has not logged in yet is expected this soon...
LATE_GRACE = timedelta(minutes=5)
#: ...until this long after the shift's start: then not for that shift any more.
GIVE_UP = timedelta(minutes=30)
#: A planned break this long past its end, and no pause seen: it was skipped.
BREAK_SKIPPED = timedelta(minutes=15)


def sim_counters(counters: Iterable[CounterRt], tickets: Mapping[str, Ticket],
                 now: datetime, handling: HandlingTimes,
                 roster: Mapping[str, CounterPlan] | None = None,
                 pauses: Mapping[str, int] | None = None,
                 closing: datetime | None = None) -> list[SimCounter]:
    """The counters that will serve: open ones become free when their visit is expected
    to end (its remaining time grows the longer it has lasted), paused ones when their
    break is over.

    Without a roster, open counters stay open, paused ones come back after the usual
    break and closed ones are not coming back today. With one (``roster``: per counter;
    ``pauses``: breaks already begun today), each counter follows its shifts and planned
    breaks from its live state on: a closed counter opens when its shift begins (a clerk
    late for it is expected ``LATE_GRACE`` from now, for ``GIVE_UP``), a clerk whose
    shift ends takes no one after, and a shift that ends at ``closing`` lasts until the
    queue is empty (the last clerks serve everyone admitted)."""
    out = []
    for c in counters:
        plan = roster.get(c.id) if roster else None
        if plan is None:
            sc = _unplanned(c, tickets, now, handling)
            if sc is not None:
                out.append(sc)
            continue
        shifts: list[tuple[datetime, datetime | None]] = [
            (a, None if closing is not None and b >= closing else b)
            for a, b in plan.shifts if b > now or (closing is not None and b >= closing)]
        taken = (pauses or {}).get(c.id, 0)
        due = [(a, (b - a).total_seconds() / 60) for a, b in plan.breaks[taken:]
               if b + BREAK_SKIPPED > now]
        services = frozenset(c.services if c.status is not CounterStatus.CLOSED
                             else plan.services or c.services)
        if c.status is CounterStatus.OPEN:
            free_at = _visit_end(c, tickets, now, handling)
            if not any(a <= now and (b is None or now < b) for a, b in shifts):
                # Working outside the plan: until the next planned shift ends, or the day.
                later = [b for a, b in shifts if a > now]
                shifts = [(now, later[0] if later else None)] + [
                    x for x in shifts[1:] if x[0] > now]
        elif c.status is CounterStatus.PAUSED:
            if c.current is not None:
                continue
            minutes = handling.break_minutes()
            if 0 < taken <= len(plan.breaks):
                a, b = plan.breaks[taken - 1]
                minutes = (b - a).total_seconds() / 60
            back = (c.since or now) + timedelta(minutes=minutes)
            free_at = max(back, now + timedelta(minutes=1))
        else:
            while shifts and shifts[0][0] + GIVE_UP <= now:
                shifts.pop(0)  # not come for that shift: not expected for it any more
            if not shifts:
                continue
            free_at = max(shifts[0][0], now + LATE_GRACE)
        out.append(SimCounter(c.id, services, free_at, tuple(shifts), tuple(due)))
    return out


def _visit_end(c: CounterRt, tickets: Mapping[str, Ticket], now: datetime,
               handling: HandlingTimes) -> datetime:
    if c.current is None:
        return now
    t = tickets[c.current]
    began = t.called_at or t.started_at or now
    elapsed = max(0.0, (now - began).total_seconds() / 60)
    return now + timedelta(minutes=handling.remaining(t.service, elapsed))


def _unplanned(c: CounterRt, tickets: Mapping[str, Ticket], now: datetime,
               handling: HandlingTimes) -> SimCounter | None:
    if c.status is CounterStatus.OPEN:
        free_at = _visit_end(c, tickets, now, handling)
    elif c.status is CounterStatus.PAUSED and c.current is None:
        back = (c.since or now) + timedelta(minutes=handling.break_minutes())
        # Overdue: back any moment, but not this very minute.
        free_at = max(back, now + timedelta(minutes=2))
    else:
        return None
    return SimCounter(c.id, frozenset(c.services), free_at)
