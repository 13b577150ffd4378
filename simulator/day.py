"""Playing a planned day against the engine, one event at a time.

Events are processed in time order: the driver moves the clock to the event's time, the
command goes to the engine as the role a real device would use (kiosk for tickets and
check-ins, counter for the clerks, booking for the booking system), and the reply decides
what happens next (a called visitor walks up, or has left; a visit ends after a lognormal
time). Commands are sent one after the other, so a seed always gives the same day.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from civiq.config import SiteConfig
from civiq.transport.mqtt import MqttClient, RequestFailed
from simulator.events_csv import Row
from simulator.plan import WALK_MIN, Booking, DayPlan, Shift, WalkIn, make_plan
from simulator.settings import SimSettings

log = logging.getLogger(__name__)

RECALL_AFTER_MIN = 1.0
NO_SHOW_AFTER_MIN = 3.0
#: A clerk sees a new ticket on the screen and presses "call" within this many minutes.
REACTION_MIN = (0.05, 0.4)
#: Stop playing this long after closing, whatever is left.
OVERTIME = timedelta(hours=3)
KEY_DIR = Path(__file__).resolve().parent.parent / "sites" / "keys"


class Driver(Protocol):
    def advance_to(self, when: datetime) -> bool:
        """Move (or wait) to ``when``; False when the run should stop."""
        ...

    def now(self) -> datetime: ...


@dataclass
class Clerk:
    shift: Shift
    state: str = "closed"  # closed, idle, calling, serving, wrapup, paused
    current: str | None = None
    idle_since: datetime | None = None
    waking: bool = False
    token: int = 0  # bumps on every change, so stale timers do nothing
    breaks_taken: int = 0
    break_due: bool = False
    leave_due: bool = False

    @property
    def id(self) -> str:
        return self.shift.counter


@dataclass
class Visitor:
    number: str
    service: str
    issued_at: datetime
    appointment: bool = False
    called_once: bool = False


@dataclass
class Requester:
    """The three devices the simulation plays: kiosk, counter clerks, booking system."""

    kiosk: MqttClient
    counter: MqttClient
    booking: MqttClient
    timeout: float = 10.0

    @classmethod
    def connect(cls, config: SiteConfig, prefix: str = "sim",
                credentials: dict[str, SiteConfig] | None = None) -> Requester:
        """``credentials``: per role, the site config with that device's credentials
        applied (a secured broker has a user per device)."""
        site = config.site.id
        creds = credentials or {}
        made = []
        for role in ("kiosk", "counter", "booking"):
            b = creds[role].broker if role in creds else config.broker
            made.append(MqttClient(b, site, role, b.username or f"{prefix}-{role}"))
        try:
            for c in made:
                c.start(wait=10)
        except Exception:
            for c in made:
                c.stop()
            raise
        return cls(*made)

    def close(self) -> None:
        for c in (self.kiosk, self.counter, self.booking):
            c.stop()


@dataclass
class DayResult:
    rows: list[Row] = field(default_factory=list)
    plan: DayPlan | None = None
    stopped_early: bool = False

    def count(self, kind: str) -> int:
        return sum(1 for r in self.rows if r.kind == kind)


class DaySimulation:
    def __init__(self, config: SiteConfig, settings: SimSettings, requester: Requester,
                 driver: Driver, *, plan: DayPlan | None = None,
                 start_at: datetime | None = None,
                 on_row: Callable[[Row], None] | None = None) -> None:
        self.config = config
        self.settings = settings
        self.req = requester
        self.driver = driver
        self.plan = plan or make_plan(config, settings)
        # Reactions draw from their own stream, so the plan does not shift with them.
        self.rng = random.Random(settings.seed * 7919 + 17)
        self.start_at = start_at
        self.on_row = on_row
        self.result = DayResult(plan=self.plan)
        self._heap: list[tuple[datetime, int, Callable[..., None], tuple]] = []
        self._ids = itertools.count()
        self.clerks = {s.counter: Clerk(s) for s in self.plan.shifts}
        self.visitors: dict[str, Visitor] = {}
        self.waiting: dict[str, str] = {}  # number -> service, as the clerks see it
        self.closing_time = False
        self.appointments_on = False
        self._signer: tuple[Any, str] | None = None

    # ----- the event loop ----------------------------------------------------------
    def at(self, when: datetime, fn: Callable[..., None], *args: Any,
           clamp: bool = False) -> None:
        if self.start_at is not None and when < self.start_at:
            if not clamp:
                return  # joined the day late: what was before is gone
            when = self.start_at  # but the staff and the bookings are there
        heapq.heappush(self._heap, (when, next(self._ids), fn, args))

    def run(self) -> DayResult:
        p = self.plan
        if self.settings.appointments and p.bookings:
            self.at(p.opens - timedelta(minutes=20), self._import_bookings, clamp=True)
        if self.settings.send_roster:
            self.at(p.opens - timedelta(minutes=25), self._send_roster, clamp=True)
        for s in p.shifts:
            if s.close_at > (self.start_at or s.close_at - timedelta(1)):
                self.at(s.open_at, self._login, s.counter, clamp=True)
            for i, b in enumerate(s.breaks):
                self.at(b.at, self._break_time, s.counter, i)
            self.at(s.close_at, self._leave_time, s.counter)
        for w in p.walk_ins:
            self.at(w.at, self._walk_in, w)
        self.at(p.closes, self._closing)
        end = p.closes + OVERTIME
        while self._heap:
            when, _, fn, args = heapq.heappop(self._heap)
            if when > end:
                break
            if not self.driver.advance_to(when):
                self.result.stopped_early = True
                break
            fn(*args)
        return self.result

    # ----- recording ---------------------------------------------------------------
    def record(self, kind: str, **kw: Any) -> None:
        row = Row(seq=len(self.result.rows) + 1,
                  time=self.driver.now().astimezone(self.config.tz), kind=kind, **kw)
        self.result.rows.append(row)
        if self.on_row is not None:
            self.on_row(row)

    def _send(self, client: MqttClient, command: str, data: dict[str, Any]
              ) -> dict[str, Any] | RequestFailed:
        try:
            return client.request(command, data, timeout=self.req.timeout)
        except RequestFailed as exc:
            return exc

    def _counter_cmd(self, c: Clerk, command: str, **extra: Any) -> dict | None:
        r = self._send(self.req.counter, command, {"counter": c.id, **extra})
        if isinstance(r, RequestFailed):
            # The simulation lost step with the engine (it should not): say so and
            # carry on from what the engine says.
            log.warning("%s %s refused: %s", c.id, command, r)
            self.record("error", counter=c.id, detail=f"{command}: {r.code}")
            return None
        return r

    # ----- visitors ----------------------------------------------------------------
    def _walk_in(self, w: WalkIn) -> None:
        r = self._send(self.req.kiosk, "issue_ticket",
                       {"service": w.service, "language": w.language})
        if isinstance(r, RequestFailed):
            until = r.details.get("until") or ""
            self.record("refused", service=w.service, detail=f"{r.code} until {until}".strip())
            return
        t = r["ticket"]
        self.visitors[t["number"]] = Visitor(t["number"], t["service"], self.driver.now())
        self.record("issued", ticket=t["number"], service=t["service"], eta_min=r["eta_min"],
                    ahead=r["ahead"], eta_p10_min=r.get("eta_p10_min"),
                    eta_p90_min=r.get("eta_p90_min"))
        self._add_waiting(t["number"], t["service"])

    def _add_waiting(self, number: str, service: str) -> None:
        self.waiting[number] = service
        idle = [c for c in self.clerks.values()
                if c.state == "idle" and not c.waking and service in c.shift.services]
        if not idle:
            return
        c = min(idle, key=lambda c: (c.idle_since or self.driver.now(), c.id))
        c.waking = True
        self.at(self.driver.now() + timedelta(minutes=self.rng.uniform(*REACTION_MIN)),
                self._wake, c.id, c.token)

    # ----- appointments ------------------------------------------------------------
    def _signing_key(self) -> tuple[Any, str] | None:
        if self._signer is None:
            from civiq.appointments import token as at

            pem = next(KEY_DIR.glob("*private*.pem"), None)
            if pem is None:
                return None
            keys = getattr(self.config, "appointments", None)
            ids = list(getattr(keys, "public_keys", {}) or {})
            key_id = ids[0] if ids else "demo"
            self._signer = (at.load_private_key(pem.read_bytes()), key_id)
        return self._signer

    def _import_bookings(self) -> None:
        items = [{"booking_id": b.booking_id, "service": b.service,
                  "slot_start": b.slot_start.isoformat(), "slot_minutes": b.slot_minutes}
                 for b in self.plan.bookings]
        r = self._send(self.req.booking, "import_appointments", {"appointments": items})
        if isinstance(r, RequestFailed):
            log.info("no appointments in this simulation: %s", r)
            self.record("error", detail=f"import_appointments: {r.code}")
            return
        self.appointments_on = True
        for b in self.plan.bookings:
            self.record("booked", service=b.service, detail=b.booking_id)
            if b.cancel_at is not None:
                self.at(b.cancel_at, self._cancel_booking, b)
            elif not b.no_show:
                self.at(b.arrive_at, self._check_in, b)
            else:  # the visitor never comes: a row at the slot's end says so
                self.at(b.slot_start + timedelta(minutes=b.slot_minutes),
                        self._missed, b)

    def _missed(self, b: Booking) -> None:
        self.record("appointment_missed", service=b.service, detail=b.booking_id)

    def _send_roster(self) -> None:
        """The staff-planning system sends the day's planned shifts and breaks."""
        def hm(t: datetime) -> str:
            return t.astimezone(self.config.tz).strftime("%H:%M")
        entries = []
        for s in self.plan.shifts:
            entries.append({
                "counter": s.counter, "services": list(s.services),
                "shifts": [f"{hm(s.planned_open)}-{hm(s.planned_close)}"],
                "breaks": [f"{hm(b.at)}-{hm(b.at + timedelta(minutes=b.planned_min))}"
                           for b in s.breaks],
            })
        day = self.plan.opens.astimezone(self.config.tz).date().isoformat()
        r = self._send(self.req.booking, "set_roster", {"day": day, "counters": entries})
        if isinstance(r, RequestFailed):
            self.record("error", detail=f"set_roster: {r.code}")

    def _cancel_booking(self, b: Booking) -> None:
        r = self._send(self.req.booking, "cancel_appointment", {"booking_id": b.booking_id})
        detail = b.booking_id if not isinstance(r, RequestFailed) else f"{b.booking_id} {r.code}"
        self.record("booking_cancelled", service=b.service, detail=detail)

    def _check_in(self, b: Booking) -> None:
        signer = self._signing_key()
        if signer is None:
            return
        from civiq.appointments import token as at

        key, key_id = signer
        token = at.sign_token(key, key_id, b.booking_id, self.config.site.id,
                              b.slot_start.astimezone(self.config.tz).date(), b.slot_start)
        r = self._send(self.req.kiosk, "check_in", {"token": token, "language": "de"})
        if isinstance(r, RequestFailed):
            self.record("refused", service=b.service, detail=f"check_in: {r.code}")
            return
        t = r["ticket"]
        self.visitors[t["number"]] = Visitor(t["number"], t["service"], self.driver.now(),
                                             appointment=True)
        self.record("checked_in", ticket=t["number"], service=t["service"],
                    eta_min=r.get("eta_min"), ahead=r.get("ahead"), detail=b.booking_id)
        self._add_waiting(t["number"], t["service"])

    # ----- clerks ------------------------------------------------------------------
    def _timer(self, clerk: Clerk, minutes: float, fn: Callable[..., None], *args: Any) -> None:
        self.at(self.driver.now() + timedelta(minutes=minutes), self._if_current, clerk.id,
                clerk.token, fn, args)

    def _if_current(self, cid: str, token: int, fn: Callable[..., None], args: tuple) -> None:
        c = self.clerks[cid]
        if c.token == token:
            fn(c, *args)

    def _set(self, c: Clerk, state: str) -> None:
        c.state = state
        c.token += 1
        c.waking = False
        if state == "idle":
            c.idle_since = self.driver.now()

    def _login(self, cid: str, attempt: int = 1) -> None:
        c = self.clerks[cid]
        if c.state != "closed" or (self.closing_time and not self.waiting):
            return
        if self._counter_cmd(c, "open_counter", clerk=f"sim-{cid}") is None:
            if attempt < 5:  # the engine may be starting: try again in a minute
                self.at(self.driver.now() + timedelta(minutes=1), self._login, cid,
                        attempt + 1)
            return
        self.record("counter", counter=cid, detail="open")
        self._set(c, "idle")
        self._call(c)

    def _wake(self, cid: str, token: int) -> None:
        c = self.clerks[cid]
        if c.token == token and c.state == "idle":
            self._call(c)

    def _call(self, c: Clerk) -> None:
        previous = c.current
        r = self._counter_cmd(c, "call_next")
        if r is None:
            c.current = None
            self._set(c, "idle")
            return
        if previous is not None:
            self.record("finished", ticket=previous, service=self.visitors[previous].service,
                        counter=c.id)
            c.current = None
        t = r.get("ticket")
        if not t:
            self._set(c, "idle")
            if self.closing_time and c.shift.last and not self._waiting_for(c):
                self._close(c)
            return
        number = t["number"]
        self.waiting.pop(number, None)
        v = self.visitors.setdefault(number, Visitor(number, t["service"], self.driver.now()))
        v.service = t["service"]
        c.current = number
        self._set(c, "calling")
        self.record("called", ticket=number, service=v.service, counter=c.id)
        waited_h = (self.driver.now() - v.issued_at).total_seconds() / 3600
        if v.appointment:
            gone = self.rng.random() < 0.01
        else:
            gone = self.rng.random() < (self.settings.walk_in_abandon
                                        + self.settings.abandon_per_hour * waited_h)
        if not gone:
            # Most walk straight up; some are at the coffee machine.
            walk = (self.rng.uniform(1.1, 2.6) if self.rng.random() < 0.08
                    else self.rng.lognormvariate(math.log(WALK_MIN * 0.6), 0.5))
            self._vtimer(c, walk, self._arrive, number)
        self._vtimer(c, RECALL_AFTER_MIN, self._recall, number, 1)

    def _waiting_for(self, c: Clerk) -> bool:
        return any(s in c.shift.services for s in self.waiting.values())

    def _vtimer(self, c: Clerk, minutes: float, fn: Callable[..., None], number: str,
                *args: Any) -> None:
        """A timer about one visitor: void once the counter has moved on from them."""
        self.at(self.driver.now() + timedelta(minutes=minutes), self._if_visitor, c.id,
                number, fn, args)

    def _if_visitor(self, cid: str, number: str, fn: Callable[..., None], args: tuple) -> None:
        c = self.clerks[cid]
        if c.current == number:
            fn(c, number, *args)

    def _recall(self, c: Clerk, number: str, n: int) -> None:
        if c.state != "calling":
            return
        if self._counter_cmd(c, "recall") is None:
            return
        self.record("recalled", ticket=number, service=self.visitors[number].service,
                    counter=c.id, detail=str(n))
        if n < 2:
            self._vtimer(c, RECALL_AFTER_MIN, self._recall, number, n + 1)
        else:
            self._vtimer(c, NO_SHOW_AFTER_MIN - 2 * RECALL_AFTER_MIN, self._no_show, number)

    def _arrive(self, c: Clerk, number: str) -> None:
        if c.state != "calling":
            return
        if self._counter_cmd(c, "start") is None:
            return
        v = self.visitors[number]
        self.record("started", ticket=number, service=v.service, counter=c.id)
        self._set(c, "serving")
        st = self.settings
        mean = self.plan.handling_mean.get(v.service, 10.0) * c.shift.speed
        if st.drift:
            p = self.plan
            x = (self.driver.now() - p.opens) / (p.closes - p.opens)
            mean *= 1 + st.drift * (min(max(x, 0.0), 1.0) - 0.5)
        sigma = st.handling_sigma
        minutes = self.rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma)
        if st.long_visit_share and self.rng.random() < st.long_visit_share:
            minutes *= st.long_visit_factor
        self._vtimer(c, minutes, self._visit_done, number)

    def _no_show(self, c: Clerk, number: str) -> None:
        if c.state != "calling":
            return
        if self._counter_cmd(c, "no_show") is None:
            return
        self.record("no_show", ticket=number, service=self.visitors[number].service,
                    counter=c.id)
        c.current = None
        self._after_visit(c)

    def _visit_done(self, c: Clerk, number: str) -> None:
        if c.state != "serving":
            return
        v = self.visitors[number]
        targets = [s.id for s in self.config.services
                   if s.walk_in and s.id != v.service
                   and any(s.id in k.shift.services for k in self.clerks.values())]
        if targets and not v.appointment and self.rng.random() < self.settings.transfer_share:
            to = self.rng.choice(targets)
            if self._counter_cmd(c, "transfer", to_service=to) is None:
                return
            self.record("transferred", ticket=number, service=to, counter=c.id,
                        detail=f"from {v.service}")
            v.service = to
            c.current = None
            self._set(c, "wrapup")
            self._add_waiting(number, to)
            self._after_visit(c)
            return
        if c.break_due or c.leave_due or self.rng.random() < 0.3:
            # Paperwork first, or a break or the end of the shift: finish, then decide.
            if self._counter_cmd(c, "finish") is None:
                return
            self.record("finished", ticket=number, service=v.service, counter=c.id)
            c.current = None
            self._set(c, "wrapup")
            self._after_visit(c, gap=self.rng.uniform(0.2, 1.2))
            return
        self._call(c)  # call_next finishes the current ticket

    def _after_visit(self, c: Clerk, gap: float = 0.0) -> None:
        if c.leave_due:
            self._close(c)
        elif c.break_due:
            self._pause(c)
        elif gap > 0:
            self._set(c, "wrapup")
            self._timer(c, gap, self._call)
        else:
            self._call(c)

    def _break_time(self, cid: str, index: int) -> None:
        c = self.clerks[cid]
        if c.breaks_taken > index or c.state in ("closed", "paused", "away"):
            return
        if c.state == "idle":
            self._pause(c)
        else:
            c.break_due = True

    def _pause(self, c: Clerk) -> None:
        b = c.shift.breaks[min(c.breaks_taken, len(c.shift.breaks) - 1)]
        c.break_due = False
        c.breaks_taken += 1
        if c.current is not None and self._counter_cmd(c, "finish") is not None:
            self.record("finished", ticket=c.current, counter=c.id)
            c.current = None
        if b.silent:
            # Away without pressing "pause": the counter stays open, nobody calls.
            self._set(c, "away")
            self._timer(c, b.actual_min, self._back_silently)
            return
        if self._counter_cmd(c, "pause_counter", reason="break") is None:
            return
        self.record("counter", counter=c.id, detail="paused")
        self._set(c, "paused")
        self._timer(c, b.actual_min, self._back_from_break)

    def _back_silently(self, c: Clerk) -> None:
        self._set(c, "idle")
        if c.leave_due:
            self._close(c)
        else:
            self._call(c)

    def _back_from_break(self, c: Clerk) -> None:
        if self._counter_cmd(c, "open_counter", clerk=f"sim-{c.id}") is None:
            return
        self.record("counter", counter=c.id, detail="open")
        self._set(c, "idle")
        if c.leave_due:
            self._close(c)
        else:
            self._call(c)

    def _leave_time(self, cid: str) -> None:
        c = self.clerks[cid]
        if c.shift.last:
            return  # the last shift stays until the queue is empty (see _closing)
        if c.state in ("idle", "paused", "away"):
            self._close(c)
        elif c.state != "closed":
            c.leave_due = True

    def _closing(self) -> None:
        self.closing_time = True
        for c in self.clerks.values():
            if c.state == "idle" and not self._waiting_for(c):
                self._close(c)

    def _close(self, c: Clerk) -> None:
        if c.state == "closed":
            return
        if c.current is not None and self._counter_cmd(c, "finish") is not None:
            self.record("finished", ticket=c.current, counter=c.id)
            c.current = None
        if self._counter_cmd(c, "close_counter") is None:
            return
        self.record("counter", counter=c.id, detail="closed")
        c.leave_due = False
        self._set(c, "closed")
