"""Wait estimates by running the dispatch policy forward over the open counters.

Not "position x average": each open counter becomes free when its current ticket is
expected to end, takes the ticket the policy would give it at that moment, and is busy
for that service's handling time. A ticket's estimate is the moment it is taken.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from queue_engine.dispatch import Candidate, PolicyParams, choose_next, group_key, in_group_order


@dataclass(frozen=True)
class SimCounter:
    id: str
    services: frozenset[str]
    free_at: datetime  # when its current visitor is expected to leave (<= now: free)


@dataclass(frozen=True)
class Forecast:
    start: dict[str, datetime]  # number -> expected call time
    order: list[str]  # numbers in expected call order

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
) -> Forecast:
    """``due``: appointments not yet checked in that will take counters when their
    slot comes (they join the simulated queue at their slot start)."""
    groups: dict[tuple, list[Candidate]] = {}
    for c in sorted(waiting, key=in_group_order, reverse=True):
        groups.setdefault(group_key(c), []).append(c)  # each list: last element is head
    future = sorted(due, key=lambda c: (c.slot_start or now, c.order))
    fi = 0
    heap = [(max(c.free_at, now), i, c) for i, c in enumerate(counters)]
    heapq.heapify(heap)
    start: dict[str, datetime] = {}
    order: list[str] = []
    remaining = sum(len(g) for g in groups.values())
    while heap and (remaining or fi < len(future)):
        t, i, counter = heapq.heappop(heap)
        while fi < len(future) and (future[fi].slot_start or now) <= t:
            c = future[fi]
            fi += 1
            key = group_key(c)
            lst = groups.setdefault(key, [])
            lst.append(c)
            lst.sort(key=in_group_order, reverse=True)
            remaining += 1
        heads = [g[-1] for g in groups.values() if g]
        pick = choose_next(heads, counter.id, counter.services, t, params)
        if pick is None:
            if fi < len(future):
                # Idle until the next booked visitor arrives.
                nxt = future[fi].slot_start or now
                heapq.heappush(heap, (max(nxt, t), i, counter))
            continue
        groups[group_key(pick)].pop()
        remaining -= 1
        if pick.number not in start:
            start[pick.number] = t
            order.append(pick.number)
        minutes = handle_min.get(pick.service, 10.0)
        heapq.heappush(heap, (t + timedelta(minutes=minutes), i, counter))
    return Forecast(start=start, order=order)
