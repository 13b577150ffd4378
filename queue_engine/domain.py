"""The site's queue in memory: tickets, counters, numbering and every transition.

The engine is the single writer, so this object is the truth while it runs; the store
writes each change through inside the same batch transaction that precedes any reply.
Every method checks everything before it changes anything: a refused command leaves no
trace.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from civiq.config import SiteConfig
from civiq.protocol.errors import ErrorCode, ProtocolError
from civiq.protocol.models import (
    Call,
    CounterStatus,
    TicketInfo,
    TicketKind,
    TicketStatus,
    WaitingTicket,
)
from queue_engine.dispatch import Candidate, PolicyParams, choose_next

RECENT_CALLS = 20
ACTIVE = (TicketStatus.CALLED, TicketStatus.SERVING)
#: Numbers have up to four digits (A001 ... A9999), as the protocol's number pattern says.
MAX_NUMBER = 9999
ENDED = frozenset({TicketStatus.FINISHED, TicketStatus.NO_SHOW, TicketStatus.CANCELLED})


@dataclass(eq=False)
class Ticket:
    day: date
    number: str
    service: str
    order: int
    status: TicketStatus
    arrival: datetime
    issued_at: datetime
    kind: TicketKind = TicketKind.WALK_IN
    priority: int = 0
    counter: str | None = None
    called_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    recalls: int = 0
    slot_start: datetime | None = None
    language: str | None = None
    booking_id: str | None = None
    issued_service: str | None = None
    issued_by: str | None = None
    assistance: bool = False
    note: str | None = None

    @property
    def waiting(self) -> bool:
        return self.status in (TicketStatus.WAITING, TicketStatus.PARKED)

    def info(self, eta_min: float | None = None) -> TicketInfo:
        return TicketInfo(
            number=self.number,
            service=self.service,
            status=self.status,
            kind=self.kind,
            priority=self.priority,
            arrival=self.arrival,
            issued_at=self.issued_at,
            counter=self.counter,
            called_at=self.called_at,
            recalls=self.recalls,
            slot_start=self.slot_start,
            eta_min=eta_min,
            language=self.language,
            assistance=self.assistance,
            note=self.note,
        )

    def candidate(self) -> Candidate:
        return Candidate(
            number=self.number,
            service=self.service,
            arrival=self.arrival,
            order=self.order,
            priority=self.priority,
            appointment=self.kind is TicketKind.APPOINTMENT,
            slot_start=self.slot_start,
            counter=self.counter,
            assistance=self.assistance,
        )


@dataclass(eq=False)
class CounterRt:
    id: str
    name: str
    services: list[str]
    status: CounterStatus = CounterStatus.CLOSED
    pause_reason: str | None = None
    clerk: str | None = None
    current: str | None = None  # ticket number
    since: datetime | None = None
    # Not opened today, but still open when the day changed (which closed it).
    left_open: bool = False


@dataclass
class Change:
    """What one command did: to be stored and published after commit."""

    events: list[tuple[str, object]] = field(default_factory=list)


class SiteQueue:
    def __init__(self, config: SiteConfig, day: date) -> None:
        self.config = config
        self.day = day
        self.tickets: dict[str, Ticket] = {}
        self.counters: dict[str, CounterRt] = {
            c.id: CounterRt(id=c.id, name=c.name, services=list(c.services))
            for c in config.counters
        }
        self.last_number: dict[str, int] = {}
        self.calls: deque[Call] = deque(maxlen=RECENT_CALLS)
        self.dirty_tickets: set[str] = set()
        # Tickets not known to have ended: the queue views scan these, not the whole day
        # (thousands of finished tickets by the afternoon). Every change goes through
        # _touch, which puts a ticket back should it ever leave an ended state.
        self._live: dict[str, Ticket] = {}
        # Finished tickets, for the day's count the state carries (a scan of every ticket
        # of the day per state cost more than building the rest of it).
        self._finished: set[str] = set()
        self.dirty_counters: set[str] = set()
        # Per counter: tickets finished today and their handling seconds, for the desk.
        self._handled: dict[str, tuple[int, float]] = {}
        self.dirty_numbers: set[str] = set()
        self._order = 0
        self.params = PolicyParams(
            weights={s.id: s.weight for s in config.services},
            escalate_after=timedelta(minutes=config.dispatch.escalate_after_min),
            appointment_early=timedelta(minutes=config.dispatch.appointment_early_min),
            accessible_counters=frozenset(c.id for c in config.counters if c.accessible),
            assisted_services=frozenset(s for c in config.counters if c.accessible
                                        for s in c.services),
        )

    # ----- lookups --------------------------------------------------------------------
    def _counter(self, counter_id: str) -> CounterRt:
        c = self.counters.get(counter_id)
        if c is None:
            raise ProtocolError(ErrorCode.UNKNOWN_COUNTER, f"no counter {counter_id!r}")
        return c

    def _open_counter(self, counter_id: str) -> CounterRt:
        c = self._counter(counter_id)
        if c.status is CounterStatus.CLOSED:
            raise ProtocolError(ErrorCode.COUNTER_NOT_OPEN, self._closed_reason(c))
        if c.status is not CounterStatus.OPEN:
            raise ProtocolError(
                ErrorCode.COUNTER_NOT_OPEN, f"counter {c.name} is {c.status.value}"
            )
        return c

    def _closed_reason(self, c: CounterRt) -> str:
        """Why a closed counter is closed, as the clerk (or the operator) needs to hear
        it: never opened today, closed by the day change, or closed at its desk."""
        if c.since is None and c.left_open:
            # The clerk's desk may still show yesterday.
            return (f"counter {c.name} has not been opened today: it was still open at the "
                    "day change (midnight), which closes every counter; open it again")
        if c.since is None:
            return f"counter {c.name} has not been opened today; open it first"
        at = c.since.astimezone(self.config.tz)
        return (f"counter {c.name} is closed: its clerk logged out (close_counter) at "
                f"{at:%H:%M}; open it again")

    def _ticket(self, number: str) -> Ticket:
        t = self.tickets.get(number)
        if t is None:
            raise ProtocolError(ErrorCode.UNKNOWN_TICKET, f"no ticket {number} today")
        return t

    def _current(self, counter: CounterRt) -> Ticket:
        if counter.current is None:
            raise ProtocolError(
                ErrorCode.NO_CURRENT_TICKET, f"counter {counter.name} has no current ticket"
            )
        return self.tickets[counter.current]

    def _not_ended(self) -> list[Ticket]:
        ended = [n for n, t in self._live.items() if t.status in ENDED]
        for n in ended:
            del self._live[n]
        return list(self._live.values())

    def waiting_tickets(self) -> list[Ticket]:
        return [t for t in self._not_ended() if t.status is TicketStatus.WAITING]

    def parked_tickets(self) -> list[Ticket]:
        return [t for t in self._not_ended() if t.status is TicketStatus.PARKED]

    def served_today(self) -> int:
        return len(self._finished)

    def handled_by(self, counter_id: str) -> tuple[int, float | None]:
        """Tickets ``counter_id`` finished today and their mean handling minutes."""
        n, seconds = self._handled.get(counter_id, (0, 0.0))
        return n, (seconds / n / 60 if n else None)

    def _count_handled(self, t: Ticket) -> None:
        if t.status is not TicketStatus.FINISHED or t.counter is None or t.ended_at is None:
            return
        start = t.started_at or t.called_at or t.ended_at
        n, seconds = self._handled.get(t.counter, (0, 0.0))
        self._handled[t.counter] = (n + 1, seconds + max(0.0, (t.ended_at - start)
                                                          .total_seconds()))

    def _touch(self, t: Ticket) -> None:
        self.dirty_tickets.add(t.number)
        if t.status not in ENDED:
            self._live.setdefault(t.number, t)
        if t.status is TicketStatus.FINISHED:
            self._finished.add(t.number)
        else:
            self._finished.discard(t.number)

    def _touch_counter(self, c: CounterRt) -> None:
        self.dirty_counters.add(c.id)

    # ----- loading (from the store) ---------------------------------------------------
    def load_ticket(self, t: Ticket) -> None:
        self.tickets[t.number] = t
        if t.status not in ENDED:
            self._live[t.number] = t
        if t.status is TicketStatus.FINISHED:
            self._finished.add(t.number)
            self._count_handled(t)
        self._order = max(self._order, t.order)

    def next_order(self) -> int:
        self._order += 1
        return self._order

    # ----- tickets --------------------------------------------------------------------
    def new_number(self, prefix: str) -> str:
        n = self.last_number.get(prefix, 0) + 1
        self.last_number[prefix] = n
        self.dirty_numbers.add(prefix)
        return f"{prefix}{n:03d}" if n < 1000 else f"{prefix}{n:04d}"

    def issue(
        self,
        service_id: str,
        now: datetime,
        *,
        language: str | None = None,
        priority: int = 0,
        kind: TicketKind = TicketKind.WALK_IN,
        slot_start: datetime | None = None,
        booking_id: str | None = None,
        issued_by: str | None = None,
        assistance: bool = False,
    ) -> Ticket:
        service = self.config.service(service_id)
        if service is None:
            raise ProtocolError(ErrorCode.UNKNOWN_SERVICE, f"no service {service_id!r}")
        if kind is TicketKind.WALK_IN and not service.walk_in:
            raise ProtocolError(
                ErrorCode.WALK_IN_NOT_ALLOWED,
                f"{service.name('en')} is by appointment only",
            )
        if self.last_number.get(service.prefix, 0) >= MAX_NUMBER:
            # Checked before a number is taken: a refusal must leave no trace.
            until = self.config.next_opening(now)
            raise ProtocolError(
                ErrorCode.TICKET_STOP, f"all {service.prefix} numbers are used up for today",
                {"until": until.isoformat() if until else None},
            )
        number = self.new_number(service.prefix)
        t = Ticket(
            day=self.day,
            number=number,
            service=service_id,
            order=self.next_order(),
            status=TicketStatus.WAITING,
            arrival=now,
            issued_at=now,
            kind=kind,
            priority=priority,
            slot_start=slot_start,
            language=language,
            booking_id=booking_id,
            issued_service=service_id,
            issued_by=issued_by,
            assistance=assistance,
        )
        self.tickets[number] = t
        self._touch(t)
        return t

    def _call(self, counter: CounterRt, t: Ticket, now: datetime) -> None:
        t.status = TicketStatus.CALLED
        t.counter = counter.id
        t.called_at = now
        t.recalls = 0
        counter.current = t.number
        self._touch(t)
        self._touch_counter(counter)
        self.remember_call(
            Call(number=t.number, service=t.service, counter=counter.id,
                 counter_name=counter.name, at=now, assistance=t.assistance)
        )

    def remember_call(self, call: Call) -> None:
        """The newest call first, each ticket once: a recall (or a second call after a
        transfer) replaces the ticket's earlier entry instead of pushing another ticket
        out of the list."""
        for old in [c for c in self.calls if c.number == call.number]:
            self.calls.remove(old)
        self.calls.appendleft(call)

    def _end_current(self, counter: CounterRt, now: datetime) -> Ticket | None:
        if counter.current is None:
            return None
        t = self.tickets[counter.current]
        t.status = TicketStatus.FINISHED
        t.ended_at = now
        t.note = None
        if t.started_at is None:
            t.started_at = t.called_at or now
        counter.current = None
        self._touch(t)
        self._count_handled(t)
        self._touch_counter(counter)
        return t

    def call_next(self, counter_id: str, now: datetime) -> tuple[Ticket | None, Ticket | None]:
        """Returns (finished previous ticket or None, called ticket or None)."""
        counter = self._open_counter(counter_id)
        pick = choose_next(
            [t.candidate() for t in self.waiting_tickets()],
            counter.id,
            counter.services,
            now,
            self.params,
        )
        finished = self._end_current(counter, now)
        if pick is None:
            return finished, None
        t = self.tickets[pick.number]
        self._call(counter, t, now)
        return finished, t

    def call_ticket(
        self, counter_id: str, number: str, now: datetime, reason: str | None = None
    ) -> tuple[Ticket | None, Ticket]:
        """Call one ticket. A counter calls tickets of the services it serves, tickets sent
        or parked there, and others only with a ``reason`` (the clerk helps the visitor in
        front of them): a mistyped number must not take another service's visitor."""
        counter = self._open_counter(counter_id)
        t = self._ticket(number)
        if not t.waiting:
            raise ProtocolError(
                ErrorCode.INVALID_TRANSITION, f"ticket {number} is {t.status.value}, not waiting"
            )
        if t.counter is not None and t.counter != counter.id and t.status is TicketStatus.WAITING:
            other = self.counters.get(t.counter)
            raise ProtocolError(
                ErrorCode.INVALID_TRANSITION,
                f"ticket {number} is reserved for {other.name if other else t.counter}",
            )
        if t.service not in counter.services and t.counter != counter.id and not reason:
            service = self.config.service(t.service)
            raise ProtocolError(
                ErrorCode.INVALID_TRANSITION,
                f"{counter.name} does not serve "
                f"{service.name('en') if service else t.service}; give a reason to call "
                f"{number} anyway, or have it transferred to this counter",
            )
        finished = self._end_current(counter, now)
        self._call(counter, t, now)
        return finished, t

    def recall(self, counter_id: str, now: datetime) -> Ticket:
        counter = self._open_counter(counter_id)
        t = self._current(counter)
        if t.status is not TicketStatus.CALLED:
            raise ProtocolError(
                ErrorCode.INVALID_TRANSITION, f"ticket {t.number} is {t.status.value}; "
                "only a called ticket can be recalled",
            )
        t.recalls += 1
        self._touch(t)
        self.remember_call(
            Call(number=t.number, service=t.service, counter=counter.id,
                 counter_name=counter.name, at=now, recall=t.recalls,
                 assistance=t.assistance)
        )
        return t

    def start(self, counter_id: str, now: datetime) -> Ticket:
        counter = self._counter(counter_id)
        t = self._current(counter)
        if t.status is not TicketStatus.CALLED:
            raise ProtocolError(
                ErrorCode.INVALID_TRANSITION, f"ticket {t.number} is {t.status.value}, not called"
            )
        t.status = TicketStatus.SERVING
        t.started_at = now
        self._touch(t)
        return t

    def finish(self, counter_id: str, now: datetime) -> Ticket:
        counter = self._counter(counter_id)
        self._current(counter)
        t = self._end_current(counter, now)
        assert t is not None
        return t

    def no_show(self, counter_id: str, now: datetime) -> Ticket:
        counter = self._counter(counter_id)
        t = self._current(counter)
        if t.status is not TicketStatus.CALLED:
            raise ProtocolError(
                ErrorCode.INVALID_TRANSITION,
                f"ticket {t.number} is {t.status.value}; only a called ticket can be a no-show",
            )
        t.status = TicketStatus.NO_SHOW
        t.ended_at = now
        t.note = None
        counter.current = None
        self._touch(t)
        self._touch_counter(counter)
        return t

    def transfer(
        self, counter_id: str, to_service: str | None, to_counter: str | None, now: datetime,
        note: str | None = None,
    ) -> tuple[Ticket, str]:
        counter = self._counter(counter_id)
        t = self._current(counter)
        if to_service is None and to_counter is None:
            raise ProtocolError(
                ErrorCode.INVALID_ARGUMENTS, "transfer needs to_service, to_counter or both"
            )
        if to_service is not None and self.config.service(to_service) is None:
            raise ProtocolError(ErrorCode.UNKNOWN_SERVICE, f"no service {to_service!r}")
        if to_counter is not None:
            self._counter(to_counter)
        from_service = t.service
        t.status = TicketStatus.WAITING
        t.service = to_service or t.service
        t.counter = to_counter
        t.note = note  # the last transfer's note; one without a note leaves none
        t.called_at = None
        t.started_at = None
        t.recalls = 0
        counter.current = None
        self._touch(t)
        self._touch_counter(counter)
        return t, from_service

    def park(self, counter_id: str, now: datetime) -> Ticket:
        counter = self._counter(counter_id)
        t = self._current(counter)
        t.status = TicketStatus.PARKED
        t.counter = counter.id
        counter.current = None
        self._touch(t)
        self._touch_counter(counter)
        return t

    def cancel(self, number: str, now: datetime) -> Ticket:
        t = self._ticket(number)
        if not t.waiting:
            raise ProtocolError(
                ErrorCode.INVALID_TRANSITION,
                f"ticket {number} is {t.status.value}; only waiting tickets can be cancelled",
            )
        t.status = TicketStatus.CANCELLED
        t.ended_at = now
        t.note = None
        self._touch(t)
        return t

    def set_priority(self, number: str, priority: int) -> Ticket:
        t = self._ticket(number)
        if not t.waiting:
            raise ProtocolError(
                ErrorCode.INVALID_TRANSITION, f"ticket {number} is {t.status.value}, not waiting"
            )
        t.priority = priority
        self._touch(t)
        return t

    # ----- counters -------------------------------------------------------------------
    def open_counter(
        self, counter_id: str, clerk: str | None, services: list[str] | None, now: datetime
    ) -> CounterRt:
        c = self._counter(counter_id)
        if services is not None:
            unknown = [s for s in services if self.config.service(s) is None]
            if unknown:
                raise ProtocolError(ErrorCode.UNKNOWN_SERVICE, f"no service {unknown[0]!r}")
            if not services:
                raise ProtocolError(ErrorCode.INVALID_ARGUMENTS, "services must not be empty")
        c.status = CounterStatus.OPEN
        c.pause_reason = None
        c.clerk = clerk or c.clerk
        c.since = now
        if services is not None:
            c.services = list(dict.fromkeys(services))
        self._touch_counter(c)
        return c

    def pause_counter(self, counter_id: str, reason: str, now: datetime) -> CounterRt:
        c = self._counter(counter_id)
        if c.status is CounterStatus.CLOSED:
            raise ProtocolError(ErrorCode.COUNTER_NOT_OPEN, self._closed_reason(c))
        if c.current is not None:
            # a paused counter serves nobody: no ticket called or served while it pauses
            raise ProtocolError(
                ErrorCode.COUNTER_BUSY,
                f"counter {c.name} still has ticket {c.current}: finish, park or transfer it",
            )
        c.status = CounterStatus.PAUSED
        c.pause_reason = reason
        c.since = now
        self._touch_counter(c)
        return c

    def close_counter(self, counter_id: str, now: datetime) -> CounterRt:
        c = self._counter(counter_id)
        if c.current is not None:
            raise ProtocolError(
                ErrorCode.COUNTER_BUSY,
                f"counter {c.name} still has ticket {c.current}: finish, park or transfer it",
            )
        c.status = CounterStatus.CLOSED
        c.pause_reason = None
        c.clerk = None
        c.since = now
        # Config services are the default again at the next login.
        cfg = self.config.counter(c.id)
        c.services = list(cfg.services) if cfg else c.services
        self._touch_counter(c)
        return c

    # ----- views ----------------------------------------------------------------------
    def waiting_view(self, etas: dict[str, float | None], order: list[str],
                     ranges: dict[str, tuple[float, float, float] | None] | None = None
                     ) -> list[WaitingTicket]:
        ranges = ranges or {}
        pos = {n: i for i, n in enumerate(order)}
        items = self.waiting_tickets() + self.parked_tickets()
        items.sort(key=lambda t: (t.status is TicketStatus.PARKED, pos.get(t.number, 1 << 30),
                                  t.order))
        return [
            WaitingTicket(
                number=t.number, service=t.service, kind=t.kind, priority=t.priority,
                arrival=t.arrival, parked=t.status is TicketStatus.PARKED, counter=t.counter,
                slot_start=t.slot_start, eta_min=etas.get(t.number),
                assistance=t.assistance,
                eta_p10_min=r[0] if (r := ranges.get(t.number)) else None,
                eta_p90_min=r[2] if r else None,
            )
            for t in items
        ]
