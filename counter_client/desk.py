"""What the clerk's desk shows and which actions make sense, from the site state alone.

Plain Python (no Qt): the widgets only render a :class:`DeskView`. The counter's current
ticket comes from the engine only — its retained state and its events, in ``seq`` order
through :class:`civiq.transport.state.SiteStateModel` — never from what the clerk just
pressed: two counters competing for a queue must each see what the engine gave them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.appointments import AppointmentInfo, AppointmentStatus
from civiq.protocol.errors import ProtocolError
from civiq.protocol.models import (
    CounterState,
    CounterStatus,
    QueueState,
    TicketEvent,
    TicketInfo,
    TicketKind,
    TicketStatus,
    WaitingTicket,
)
from civiq.transport.devices import DeviceProblems
from civiq.transport.state import SiteStateModel
from civiq.waits import Wait, say_wait

#: Events that bring this counter's current ticket (the ticket in the event is it).
_BRINGS = ("called", "recalled", "started")
#: Events after which a ticket is no longer any counter's current one.
_ENDS = ("finished", "no_show", "transferred", "parked", "cancelled")
#: Pause reasons that the word "paused" already says.
SAID_BY_PAUSED = ("break",)
#: Appointments listed as due: those in the next hour.
APPOINTMENTS_AHEAD = timedelta(hours=1)

# Actions, by name; the widgets map each to its key and its words.
CALL_NEXT = "call_next"
RECALL = "recall"
START = "start"
FINISH = "finish"
NO_SHOW = "no_show"
TRANSFER = "transfer"
PARK = "park"
CALL_SELECTED = "call_ticket"
CANCEL_SELECTED = "cancel"
PAUSE = "pause"
RESUME = "resume"
CLOSE = "close"
OPEN = "open"
LOGOUT = "logout"


def clock_minute(when: datetime) -> int:
    """Which minute ``when`` falls in (minutes since the epoch)."""
    return int(when.timestamp() // 60)


def minutes_since(then: datetime, now: datetime) -> int:
    """Whole clock minutes from ``then`` to ``now`` (08:55:40 to 09:00:00 is 5): the
    figure changes when the clock's minute does, which is when the desk redraws its
    lists, so a shown age is never a minute behind."""
    return max(0, clock_minute(now) - clock_minute(then))

@dataclass(frozen=True)
class Current:
    """The ticket at this counter, as the clerk reads it."""

    number: str
    service: str  # service id
    status: TicketStatus
    appointment: bool
    slot_start: datetime | None
    waited_min: int  # from arrival to the (first) call
    recalls: int
    note: str | None
    no_show_in_s: int  # seconds until No-show is offered; 0: offered now
    assistance: bool = False  # the visitor asked for assistance


@dataclass(frozen=True)
class ServiceRow:
    id: str
    waiting: int
    longest_min: int | None
    eta_min: float | None
    eta_p10_min: float | None
    eta_p90_min: float | None
    light: str  # "green", "amber", "red"; "none" when nothing waits and no estimate
    open_counters: int

    @property
    def wait(self) -> Wait | None:
        """The estimate as the board and the kiosk say it: a range where it is wide."""
        return say_wait(self.eta_min, self.eta_p10_min, self.eta_p90_min)


@dataclass(frozen=True)
class ListRow:
    number: str
    service: str
    appointment: bool
    slot_start: datetime | None
    waited_min: int
    here: bool  # sent or parked to this counter
    note: str | None = None
    assistance: bool = False


@dataclass(frozen=True)
class DeviceRow:
    """A device of the site staff must see to: a kiosk out of paper, a board offline."""

    device: str  # client id, e.g. kiosk-1
    role: str  # kiosk, display
    kind: str  # offline, clock_behind, printer_paper_out, printer_paper_near_end, printer_offline
    since: datetime | None = None  # offline: since when (site time); None: unknown
    earlier_day: bool = False  # since is before today (the date is shown too)


@dataclass(frozen=True)
class DeskView:
    logged_in: bool
    online: bool  # broker connected and engine online
    # "up", "broker_down", "engine_down", "connecting"; "taken_over": another desk with
    # this desk's client id (by default the counter id) is connected, and this one is off
    link: str
    status: CounterStatus | None
    pause_reason: str | None
    current: Current | None
    services: tuple[ServiceRow, ...]
    waiting: tuple[ListRow, ...]
    parked: tuple[ListRow, ...]
    appointments: tuple[AppointmentInfo, ...]
    served_today: int
    handling_avg_min: float | None
    enabled: frozenset[str]
    busy: str | None  # the action waiting for its reply
    message: tuple[str, str] | None = None  # (kind: "done"/"refused"/"not_done", text)
    counter_services: tuple[str, ...] = ()
    unlisted: int = 0
    selected: str | None = None  # the listed ticket F8/F9 act on
    devices: tuple[DeviceRow, ...] = ()  # the site's device problems now
    # the day changed and closed this counter at midnight (said until the clerk acts)
    new_day: bool = False

    @property
    def pause_note(self) -> str | None:
        """The pause's reason where it says more than "paused" itself: none for a break
        (the status already says it), the reason for back office, phone, a site's own."""
        if self.status is not CounterStatus.PAUSED or self.pause_reason in SAID_BY_PAUSED:
            return None
        return self.pause_reason


@dataclass
class DeskState:
    """What the desk knows beyond the site state: who is logged in, the action in flight,
    the last outcome, the connection, the appointments list."""

    clerk: str | None = None
    services: list[str] = field(default_factory=list)
    connected: bool = False
    taken_over: bool = False  # another desk with this client id took the connection
    busy: str | None = None
    message: tuple[str, str] | None = None
    appointments: list[AppointmentInfo] = field(default_factory=list)
    selected: str | None = None  # a ticket number chosen in the waiting or parked list
    day: str | None = None  # the site's day of the last queue state
    new_day: bool = False  # the day change closed the counter; cleared when the clerk acts


class CounterDesk:
    """Feed it MQTT messages (:meth:`apply`); ask it for a :class:`DeskView`."""

    def __init__(self, config: SiteConfig, counter: str) -> None:
        cfg = config.counter(counter)
        if cfg is None:
            known = ", ".join(c.id for c in config.counters)
            raise ValueError(f"no counter {counter!r} in the site file (it has {known})")
        self.config = config
        self.counter = counter
        self.counter_name = cfg.name
        self.default_services = list(cfg.services)
        self.site = config.site.id
        self.model = SiteStateModel(self.site)
        self.state = DeskState(services=list(cfg.services))
        # This counter's current ticket: from the queue state, then from each newer event.
        self.current: TicketInfo | None = None
        self.appointments_stale = True  # a check-in or no-show since the last list
        self.devices = DeviceProblems(self.site)

    # ----- inputs ------------------------------------------------------------------------
    def topic_filters(self) -> list[str]:
        return [*self.model.topic_filters(), self.devices.topic_filter()]

    def apply(self, topic: str, payload: bytes, now: datetime | None = None) -> bool:
        """One MQTT message, received at ``now``; True when it changed what the desk
        shows."""
        if topics.device_of_status(topic) is not None:
            return self.devices.apply(topic, payload, now or datetime.now(UTC))
        before = self.me
        if not self.model.apply(topic, payload):
            return False
        kind = topics.event_kind(topic)
        if topic == topics.state_queue(self.site):
            me = self.me
            self.current = me.current if me else None
            self._day(before)
        elif kind in _BRINGS or kind in _ENDS:
            try:
                ev = TicketEvent.model_validate(env.decode(payload).data)
            except (ProtocolError, ValueError):
                self._drop_gone_selection()
                return True
            t = ev.ticket
            if kind in _BRINGS and ev.counter == self.counter:
                self.current = t
            elif self.current is not None and self.current.number == t.number:
                self.current = None
        elif kind in ("checked_in", "appointment_no_show"):
            self.appointments_stale = True
        self._drop_gone_selection()
        return True

    def _day(self, before: CounterState | None) -> None:
        """A queue state of another day than the last one: yesterday's outcome ("Done:
        Call next (A001)") is history, and where the day change closed this counter the
        desk says so."""
        s = self.state
        day = self.queue.day if self.queue else None
        if day is None or day == s.day:
            return
        changed = s.day is not None
        s.day = day
        if not changed:
            return
        s.message = None
        s.new_day = before is not None and before.status is not CounterStatus.CLOSED

    def acting(self, action: str) -> None:
        """The clerk's ``action`` goes out: the last outcome and the day's notice go."""
        s = self.state
        s.busy = action
        s.message = None
        s.new_day = False

    @property
    def queue(self) -> QueueState | None:
        return self.model.snapshot.queue

    @property
    def me(self) -> CounterState | None:
        q = self.queue
        return next((c for c in q.counters if c.id == self.counter), None) if q else None

    @property
    def engine_online(self) -> bool:
        return bool(self.model.snapshot.engine_online)

    @property
    def online(self) -> bool:
        return self.state.connected and self.engine_online and self.queue is not None

    def set_appointments(self, items: list[AppointmentInfo]) -> None:
        self.state.appointments = items
        self.appointments_stale = False

    def set_services(self, services: list[str]) -> None:
        """The services the clerk chose at login; a closed counter's lists follow them."""
        self.state.services = list(services)
        self._drop_gone_selection()

    def select(self, number: str | None) -> None:
        """The ticket chosen in the waiting or parked list (F8/F9 act on it); a number
        that is not listed chooses none."""
        self.state.selected = number if number in self._listed() else None

    def _drop_gone_selection(self) -> None:
        """The lists changed: a selected ticket that was called, cancelled or went
        elsewhere is no longer selected, and F8/F9 go off with it."""
        s = self.state
        if s.selected is not None and s.selected not in self._listed():
            s.selected = None

    def _serves(self) -> list[str]:
        """The services this counter's lists show: the engine's for an open or paused
        counter, the clerk's choice for a closed one."""
        me = self.me
        return list(me.services) if me and me.status is not CounterStatus.CLOSED \
            else list(self.state.services)

    def _listed(self) -> set[str]:
        serves = self._serves()
        return {w.number for parked in (False, True) for w in self._tickets(serves, parked)}

    # ----- the view ---------------------------------------------------------------------
    def build(self, now: datetime) -> DeskView:
        s = self.state
        me = self.me
        status = me.status if me else None
        if s.taken_over:
            link = "taken_over"
        elif not s.connected:
            link = "broker_down" if self.model.snapshot.engine_online is not None \
                or self.queue is not None else "connecting"
        elif self.model.snapshot.engine_online is False:
            link = "engine_down"
        elif self.queue is None:
            link = "connecting"
        else:
            link = "up"
        serves = self._serves()
        current = self._current(now)
        waiting = tuple(self._row(w, now) for w in self._tickets(serves, False))
        parked = tuple(self._row(w, now) for w in self._tickets(serves, True))
        return DeskView(
            logged_in=s.clerk is not None,
            online=link == "up",
            link=link,
            status=status,
            pause_reason=me.pause_reason if me else None,
            current=current,
            services=self._services(now, serves),
            waiting=waiting,
            parked=parked,
            appointments=self._appointments(now, serves),
            served_today=me.served_today if me else 0,
            handling_avg_min=me.handling_avg_min if me else None,
            enabled=self._enabled(link == "up", status, current),
            busy=s.busy,
            message=s.message,
            counter_services=tuple(serves),
            unlisted=self.queue.waiting_unlisted if self.queue else 0,
            selected=s.selected,
            devices=self._devices(now),
            new_day=s.new_day and s.message is None,
        )

    def _devices(self, now: datetime) -> tuple[DeviceRow, ...]:
        tz = self.config.tz
        today = now.astimezone(tz).date()
        rows = []
        for p in self.devices.problems():
            since = p.since.astimezone(tz) if p.since else None
            rows.append(DeviceRow(p.device, p.role, p.kind, since,
                                  since is not None and since.date() < today))
        return tuple(rows)

    def _current(self, now: datetime) -> Current | None:
        t = self.current
        if t is None:
            return None
        called = t.called_at
        waited = ((called or now) - t.arrival).total_seconds() / 60
        grace = timedelta(minutes=self.config.desk.no_show_grace_min)
        left = (called + grace - now).total_seconds() if called else 0
        return Current(
            number=t.number, service=t.service, status=t.status,
            appointment=t.kind is TicketKind.APPOINTMENT, slot_start=t.slot_start,
            waited_min=max(0, int(waited)), recalls=t.recalls, note=t.note,
            no_show_in_s=max(0, int(left + 0.999)),
            assistance=t.assistance,
        )

    def _light(self, minutes: float | None) -> str:
        if minutes is None:
            return "none"
        d = self.config.desk
        if minutes >= d.wait_red_min:
            return "red"
        return "amber" if minutes >= d.wait_amber_min else "green"

    def _services(self, now: datetime, serves: list[str]) -> tuple[ServiceRow, ...]:
        q = self.queue
        if q is None:
            return ()
        longest: dict[str, float] = {}
        for w in q.waiting:
            if not w.parked:
                m = minutes_since(w.arrival, now)
                longest[w.service] = max(longest.get(w.service, 0.0), m)
        rows = []
        order = {sid: i for i, sid in enumerate(serves)}
        for st in sorted(q.services, key=lambda st: (st.id not in order,
                                                     order.get(st.id, 0))):
            long_ = longest.get(st.id)
            worst = max((x for x in (long_, st.eta_min) if x is not None), default=None)
            rows.append(ServiceRow(
                id=st.id, waiting=st.waiting,
                longest_min=int(long_) if long_ is not None else None,
                eta_min=st.eta_min, eta_p10_min=st.eta_p10_min, eta_p90_min=st.eta_p90_min,
                light=self._light(worst) if (st.waiting or st.eta_min is not None)
                else "none",
                open_counters=st.open_counters,
            ))
        return tuple(rows)

    def _row(self, w: WaitingTicket, now: datetime) -> ListRow:
        return ListRow(number=w.number, service=w.service,
                       appointment=w.kind is TicketKind.APPOINTMENT, slot_start=w.slot_start,
                       waited_min=minutes_since(w.arrival, now),
                       here=w.counter == self.counter, assistance=w.assistance)

    def _tickets(self, serves: list[str], parked: bool) -> list[WaitingTicket]:
        """The tickets in the waiting list (``parked`` False) or the parked list."""
        q = self.queue
        if q is None:
            return []
        rows = []
        for w in q.waiting:
            if w.parked != parked:
                continue
            mine = w.counter == self.counter
            if parked:
                # every parked ticket: the clerk who parked one must find it again, and a
                # colleague's may be resumed here when the visitor comes to this desk
                rows.append(w)
            elif mine or (w.service in serves and w.counter is None):
                rows.append(w)
        return rows

    def _appointments(self, now: datetime, serves: list[str]) -> tuple[AppointmentInfo, ...]:
        until = now + APPOINTMENTS_AHEAD
        return tuple(a for a in self.state.appointments
                     if a.service in serves and a.status is AppointmentStatus.BOOKED
                     and now - timedelta(minutes=15) <= a.slot_start <= until)

    def _enabled(self, online: bool, status: CounterStatus | None,
                 cur: Current | None) -> frozenset[str]:
        s = self.state
        if not online or s.busy is not None or s.clerk is None:
            return frozenset()
        on: set[str] = set()
        if status is CounterStatus.OPEN:
            on.add(CALL_NEXT)
            if cur is None:  # a paused counter serves nobody (the engine refuses it too)
                on.add(PAUSE)
            if s.selected is not None:
                on.add(CALL_SELECTED)
        if s.selected is not None:
            on.add(CANCEL_SELECTED)
        if status is CounterStatus.PAUSED:
            on.add(RESUME)
        if status is CounterStatus.CLOSED or status is None:
            on.add(OPEN)
        if cur is not None:
            on |= {TRANSFER, PARK}
            called = cur.status is TicketStatus.CALLED
            start_on_call = self.config.desk.start_on_call
            if called:
                on.add(RECALL)
                if not start_on_call:
                    on.add(START)
                if cur.no_show_in_s == 0:
                    on.add(NO_SHOW)
            if cur.status is TicketStatus.SERVING or (called and start_on_call):
                on.add(FINISH)
        elif status in (CounterStatus.OPEN, CounterStatus.PAUSED):
            on.add(CLOSE)
        if cur is None:
            on.add(LOGOUT)
        return frozenset(on)
