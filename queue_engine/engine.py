"""The engine without its transport: messages in, messages out, one transaction a batch.

:class:`QueueEngine` turns a batch of inbound command messages into replies, events and
state. It is driven by :mod:`queue_engine.service` over MQTT and by tests directly.
"""

from __future__ import annotations

import collections
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine

from civiq import __version__, topics
from civiq.clock import Clock
from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol.commands import (
    COMMANDS,
    CallTicket,
    CounterCommand,
    CounterResult,
    IssueTicket,
    IssueTicketResult,
    OpenCounter,
    PauseCounter,
    SetPriority,
    TicketRef,
    TicketResult,
    Transfer,
)
from civiq.protocol.errors import ErrorCode, ProtocolError
from civiq.protocol.models import (
    WAITING_LISTED,
    CallsState,
    CounterEvent,
    CounterState,
    CounterStatus,
    EngineState,
    ErrorInfo,
    QueueState,
    Reply,
    ServiceState,
    TicketEvent,
    TicketKind,
    TicketStatus,
)
from queue_engine.dispatch import Candidate
from queue_engine.domain import Ticket
from queue_engine.estimator import NEWCOMER, Forecast, SimCounter, forecast, sim_counters
from queue_engine.handling_times import HandlingTimes, show_rate
from queue_engine.recent_requests import RecentRequests
from queue_engine.retention import CHUNK, RetentionPolicy
from queue_engine.store import repository as repo

log = logging.getLogger(__name__)

SEQ_RESERVE = 100_000
#: Replies go at QoS 0. Clients connect with a clean session, so QoS 1 would add an
#: acknowledgement each way and deliver nothing more: a reply to a client that is gone is
#: dropped either way, and the client's retry with the same request id gets it again
#: (docs/protocol.md, "Requests and replies").
REPLY_QOS = 0


@dataclass(frozen=True)
class Inbound:
    topic: str
    payload: bytes
    correlation: bytes | None = None


@dataclass(frozen=True)
class Outbound:
    topic: str
    payload: bytes
    qos: int = 1
    retain: bool = False
    correlation: bytes | None = None


@dataclass
class Context:
    now: datetime
    client: str
    role: str


@dataclass
class Outcome:
    result: BaseModel
    events: list[tuple[str, BaseModel]]


class QueueEngine:
    def __init__(self, config: SiteConfig, store: Engine, clock: Clock) -> None:
        self.config = config
        self.site = config.site.id
        self.store = store
        self.clock = clock
        self.started_at = clock.now()
        self.handling = HandlingTimes(config)
        self.requests = RecentRequests()
        self._stale = False  # True while the store could not be reloaded after a failure
        self.retention = RetentionPolicy(config.retention)
        with store.begin() as conn:
            day = config.local_day(clock.now())
            repo.close_days_before(conn, day, clock.now())
            self.q = repo.load_day(conn, config, day)
            stored = int(repo.get_meta(conn, "seq_reserved") or 0)
            # Wall-clock milliseconds as a floor keep seq rising even after a database reset.
            self.seq = max(stored, int(time.time() * 1000))
            self._reserved = self.seq + SEQ_RESERVE
            repo.set_meta(conn, "seq_reserved", str(self._reserved))
            # Older replies are deleted by the retention policy, in steps (tidy()).
            for client, rid, at in repo.answered_requests(conn, clock.now()
                                                          - self.requests.window):
                self.requests.add((client, rid), at)
            # Imported here: appointments.py builds on this module's types.
            from queue_engine.appointments import AppointmentDesk

            self.appointments = AppointmentDesk(self, conn)
        self._learn_from_today()
        self.retention.start(self.q.day, clock.now())
        self._handlers: dict[str, Callable[[Any, Context], Outcome]] = {
            "issue_ticket": self._issue_ticket,
            "call_next": self._call_next,
            "call_ticket": self._call_ticket,
            "recall": self._recall,
            "start": self._start,
            "finish": self._finish,
            "no_show": self._no_show,
            "transfer": self._transfer,
            "park": self._park,
            "cancel": self._cancel,
            "set_priority": self._set_priority,
            "open_counter": self._open_counter,
            "pause_counter": self._pause_counter,
            "close_counter": self._close_counter,
            **self.appointments.handlers(),
        }
        missing = set(COMMANDS) - set(self._handlers)
        assert not missing, f"commands without handler: {missing}"

    # ----- sequence numbers -------------------------------------------------------------
    def next_seq(self) -> int:
        self.seq += 1
        if self.seq >= self._reserved - SEQ_RESERVE // 10:
            self._reserved = self.seq + SEQ_RESERVE
            with self.store.begin() as conn:
                repo.set_meta(conn, "seq_reserved", str(self._reserved))
        return self.seq

    # ----- the day --------------------------------------------------------------------
    def _learn_from_today(self) -> None:
        for t in sorted(self.q.tickets.values(), key=lambda t: t.ended_at or t.issued_at):
            if t.status in (TicketStatus.FINISHED, TicketStatus.NO_SHOW):
                self.handling.ticket_ended(t)
            if t.kind is TicketKind.WALK_IN:
                self.handling.issued(t.issued_service or t.service, t.issued_at)

    def roll_day_if_needed(self) -> bool:
        """A new local day: numbers restart, counters close, yesterday's queue is closed."""
        today = self.config.local_day(self.clock.now())
        if today == self.q.day:
            return False
        log.info("new day %s (was %s)", today, self.q.day)
        with self.store.begin() as conn:
            old = self.q
            for t in old.tickets.values():
                if t.status in (TicketStatus.WAITING, TicketStatus.PARKED,
                                TicketStatus.CALLED, TicketStatus.SERVING):
                    t.status = TicketStatus.CANCELLED if t.waiting else TicketStatus.FINISHED
                    t.ended_at = self.clock.now()
                    old.dirty_tickets.add(t.number)
            repo.flush(conn, old)
            self.q = repo.load_day(conn, self.config, today)
        self.requests.forget_before(self.clock.now())
        self.retention.start(today, self.clock.now())
        return True

    def tidy(self, max_rows: int = CHUNK) -> int:
        """One bounded step of the retention policy, in its own transaction, between
        batches; how many rows went. Nothing to do (0) until the next day change."""
        if not self.retention.pending:
            return 0
        with self.store.begin() as conn:
            return self.retention.step(conn, max_rows)

    def expire_appointments(self) -> list[Outbound]:
        """Called periodically: bookings past their check-in window become no-shows."""
        return self.appointments.expire()

    # ----- batches --------------------------------------------------------------------
    def handle_batch(self, batch: list[Inbound]) -> list[Outbound]:
        """Apply commands, commit once, then hand back replies and events to publish."""
        try:
            if self._stale:
                self._reload()  # the last reload failed: memory is not the stored truth
            self.roll_day_if_needed()
            return self._handle(batch)
        except Exception:
            # A bug or a lost database, not a refusal: the memory may be half-changed.
            # Reload from the last commit and apply each command on its own, so one bad
            # command fails alone.
            log.exception("batch failed; reloading and retrying one by one")
        if not self._try_reload():
            return [self._failed(msg) for msg in batch]
        out: list[Outbound] = []
        for i, msg in enumerate(batch):
            try:
                out += self._handle([msg])
            except Exception:
                log.exception("command failed: %s", msg.topic)
                out.append(self._failed(msg))
                if not self._try_reload():
                    return out + [self._failed(m) for m in batch[i + 1:]]
        return out

    @property
    def stale(self) -> bool:
        """True while memory may hold changes the store does not: do nothing from it."""
        return self._stale

    def _failed(self, msg: Inbound) -> Outbound:
        return self._error_out(msg, None, ProtocolError(
            ErrorCode.INTERNAL_ERROR, "the engine failed; nothing was changed"))

    def _try_reload(self) -> bool:
        """Reload from the store; when that fails too (database away) every later batch
        tries again first and nothing is done from memory that may be half-changed."""
        try:
            self._reload()
        except Exception:
            log.exception("cannot reload from the store; refusing commands until it works")
            self._stale = True
            return False
        self._stale = False
        return True

    def _reload(self) -> None:
        with self.store.begin() as conn:
            self.q = repo.load_day(conn, self.config, self.q.day)
            self.appointments.reload(conn)

    def _handle(self, batch: list[Inbound]) -> list[Outbound]:
        out: list[Outbound] = []
        pending_replies: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        seen: dict[tuple[str, str], bytes] = {}
        changed = False
        with self.store.begin() as conn:
            for msg in batch:
                reply_topic, request_id = self._reply_address(msg)
                try:
                    ctx, name, args, rid = self._parse(msg)
                    key = (ctx.client, rid)
                    if key in seen:
                        out.append(Outbound(reply_topic, seen[key], REPLY_QOS,
                                            correlation=msg.correlation))
                        continue
                    # A retry: the first reply, from the store (memory holds only keys).
                    cached = repo.get_reply(conn, *key) if key in self.requests else None
                    if cached is not None:
                        out.append(Outbound(reply_topic, cached.encode(), REPLY_QOS,
                                            correlation=msg.correlation))
                        continue
                    outcome = self._handlers[name](args, ctx)
                except ProtocolError as exc:
                    out.append(self._error_out(msg, request_id, exc, reply_topic))
                    continue
                changed = True
                reply = env.encode_parts(
                    self.site, "reply", env.ok_reply_body(name, outcome.result),
                    seq=self.next_seq(), request_id=rid, ts=ctx.now,
                )
                seen[key] = reply
                pending_replies.append({
                    "client": ctx.client, "request_id": rid, "command": name,
                    "reply": reply.decode(), "created_at": ctx.now,
                })
                for kind, body in outcome.events:
                    seq = self.next_seq()
                    out.append(Outbound(
                        topics.event(self.site, kind),
                        env.encode_parts(self.site, kind, body, seq=seq, ts=ctx.now),
                    ))
                    event_rows.append(self._event_row(seq, kind, body, ctx.now))
                out.append(Outbound(reply_topic, reply, REPLY_QOS, correlation=msg.correlation))
            if changed:
                repo.flush(conn, self.q)
                self.appointments.flush(conn)
                repo.save_replies(conn, pending_replies)
                repo.save_events(conn, event_rows)
        # Only now, after the commit, may anything be published.
        for row in pending_replies:
            self.requests.add((row["client"], row["request_id"]), row["created_at"])
        self.requests.forget_before(self.clock.now())
        return out

    def _event_row(self, seq: int, kind: str, body: BaseModel, now: datetime) -> dict[str, Any]:
        row: dict[str, Any] = {"seq": seq, "day": self.q.day, "at": now, "kind": kind,
                               "number": None, "service": None, "counter": None}
        if isinstance(body, TicketEvent):
            row.update(number=body.ticket.number, service=body.ticket.service,
                       counter=body.counter)
        elif isinstance(body, CounterEvent):
            row.update(counter=body.counter)
        return row

    def _reply_address(self, msg: Inbound) -> tuple[str, str | None]:
        # Replies go only to the sender's own reply topic, whatever response topic it
        # named: a hostile client must not make the engine publish elsewhere.
        ct = topics.parse_command_topic(msg.topic)
        client = ct.client if ct else "unknown"
        rid = None
        if msg.correlation:
            try:
                rid = msg.correlation.decode()[:128]
            except UnicodeDecodeError:
                rid = None
        return topics.reply(self.site, client), rid

    def _error_out(self, msg: Inbound, request_id: str | None, exc: ProtocolError,
                   reply_topic: str | None = None) -> Outbound:
        topic = reply_topic or self._reply_address(msg)[0]
        body = Reply(ok=False, error=ErrorInfo(code=exc.code.value, message=exc.message,
                                               details=exc.details))
        payload = env.encode(env.make(self.site, "reply", body, seq=self.next_seq(),
                                      request_id=request_id, ts=self.clock.now()))
        return Outbound(topic, payload, REPLY_QOS, correlation=msg.correlation)

    def _parse(self, msg: Inbound) -> tuple[Context, str, Any, str]:
        ct = topics.parse_command_topic(msg.topic)
        if ct is None:
            raise ProtocolError(ErrorCode.INVALID_ENVELOPE, f"not a command topic: {msg.topic}")
        e = env.decode(msg.payload)
        if e.site != self.site:
            raise ProtocolError(ErrorCode.WRONG_SITE,
                                f"message for site {e.site!r}; this is {self.site!r}")
        spec = COMMANDS.get(e.type)
        if spec is None:
            raise ProtocolError(ErrorCode.UNKNOWN_COMMAND, f"no command {e.type!r}")
        if ct.role not in spec.roles:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                f"role {ct.role!r} may not send {e.type}")
        if not e.request_id:
            raise ProtocolError(ErrorCode.INVALID_ENVELOPE, "request_id: commands need one")
        try:
            args = spec.args.model_validate(e.data)
        except ValidationError as exc:
            raise ProtocolError(ErrorCode.INVALID_ARGUMENTS, env.describe(exc)) from exc
        return Context(now=self.clock.now(), client=ct.client, role=ct.role), e.type, args, \
            e.request_id

    # ----- estimates ------------------------------------------------------------------
    def _sim_counters(self, now: datetime) -> list[SimCounter]:
        return sim_counters(self.q.counters.values(), self.q.tickets, now, self.handling)

    def _candidates(self) -> list[Candidate]:
        return [t.candidate() for t in self.q.waiting_tickets()]

    def forecast(self, now: datetime, extra: Candidate | None = None,
                 probes: list[Candidate] | None = None) -> Forecast:
        waiting = self._candidates() + ([extra] if extra else [])
        came = [b.status for b in self.appointments.bookings.values()]
        return forecast(waiting, self._sim_counters(now), now, self.q.params,
                        self.handling.as_dict(), due=self.appointments.due(now),
                        due_share=show_rate(came.count("checked_in"), came.count("no_show")),
                        arrivals={s: self.handling.arrival_rate(s, now)
                                  for s in self.handling.as_dict()},
                        probes=probes or ())

    @staticmethod
    def newcomer(service: str, now: datetime, priority: int = 0,
                 number: str = NEWCOMER) -> Candidate:
        """A ticket taken now: it stands last of its group, exactly where the real ticket
        will stand."""
        return Candidate(number=number, service=service, arrival=now, order=1 << 40,
                         priority=priority)

    def walk_in_eta(self, service: str, now: datetime, priority: int = 0
                    ) -> tuple[float | None, int]:
        """The wait of a ticket taken now (with that manual priority) and how many go
        before it."""
        f = self.forecast(now, self.newcomer(service, now, priority))
        return f.wait_min(NEWCOMER, now), self.ahead_of(f, NEWCOMER, service)

    def ahead_of(self, f: Forecast, number: str, service: str) -> int:
        """Tickets called before this one. When no open counter serves it the forecast
        cannot place it: then those waiting for the same service are ahead, not every
        ticket in the building."""
        if number in f.start:
            return f.ahead(number)
        return sum(1 for t in self.q.waiting_tickets()
                   if t.service == service and t.number != number)

    def ticket_stop(self, service: str, now: datetime, eta: float | None
                    ) -> tuple[ErrorCode, datetime | None] | None:
        interval = self.config.open_interval(now)
        if interval is None:
            return ErrorCode.SITE_CLOSED, self.config.next_opening(now)
        margin = timedelta(minutes=self.config.dispatch.ticket_stop_margin_min)
        _, closes = interval
        wait = timedelta(minutes=eta or 0)
        if now + wait + margin > closes:
            return ErrorCode.TICKET_STOP, self.config.next_opening(closes)
        return None

    # ----- state ----------------------------------------------------------------------
    def queue_state(self) -> QueueState:
        now = self.clock.now()
        # One run for the waiting tickets and every service's newcomer at once.
        f = self.forecast(now, probes=[self.newcomer(s.id, now, number=NEWCOMER + s.id)
                                       for s in self.config.services if s.walk_in])
        etas = {n: f.wait_min(n, now) for n in f.start}
        waiting_by_service = collections.Counter(t.service for t in self.q.waiting_tickets())
        services = []
        for s in self.config.services:
            waiting = waiting_by_service[s.id]
            open_counters = sum(
                1 for c in self.q.counters.values()
                if c.status is CounterStatus.OPEN and s.id in c.services
            )
            eta = f.wait_min(NEWCOMER + s.id, now) if s.walk_in else None
            stop = self.ticket_stop(s.id, now, eta) if s.walk_in else None
            services.append(ServiceState(
                id=s.id, waiting=waiting, eta_min=eta, open_counters=open_counters,
                ticket_stop=stop is not None,
                ticket_stop_reason=stop[0].value if stop else None,
                ticket_stop_until=stop[1] if stop else None,
            ))
        counters = [
            CounterState(
                id=c.id, name=c.name, status=c.status, pause_reason=c.pause_reason,
                services=c.services,
                current=self.q.tickets[c.current].info() if c.current else None,
            )
            for c in self.q.counters.values()
        ]
        view = self.q.waiting_view(etas, f.order)
        # Parked tickets come last in the view; a long queue must not push them out of it
        # (the clerk who parked one needs to find it again).
        waiting = [w for w in view if not w.parked]
        parked = [w for w in view if w.parked]
        listed = waiting[:WAITING_LISTED] + parked[:WAITING_LISTED]
        return QueueState(
            day=self.q.day.isoformat(),
            services=services,
            counters=counters,
            waiting=listed,
            waiting_unlisted=len(view) - len(listed),
            served_today=self.q.served_today(),
            issued_today=len(self.q.tickets),
        )

    def state_messages(self, include_calls: bool = True) -> list[Outbound]:
        now = self.clock.now()
        out = [Outbound(
            topics.state_queue(self.site),
            env.encode(env.make(self.site, "queue", self.queue_state(), seq=self.next_seq(),
                                ts=now)),
            retain=True,
        )]
        if include_calls:
            out.append(Outbound(
                topics.state_calls(self.site),
                env.encode(env.make(self.site, "calls", CallsState(calls=list(self.q.calls)),
                                    seq=self.next_seq(), ts=now)),
                retain=True,
            ))
        return out

    def engine_state(self, online: bool) -> bytes:
        body = EngineState(online=online, version=__version__,
                           started_at=self.started_at if online else None)
        # seq 0: the will message is fixed at connect time; receivers take the latest.
        return env.encode(env.make(self.site, "engine", body, seq=0, ts=self.clock.now()))

    # ----- command handlers -----------------------------------------------------------
    def _tev(self, t: Ticket, ctx: Context, **kw: Any) -> TicketEvent:
        counter = self.q.counters.get(t.counter) if t.counter else None
        return TicketEvent(ticket=t.info(), counter=t.counter,
                           counter_name=counter.name if counter else None, by=ctx.client, **kw)

    def _issue_ticket(self, a: IssueTicket, ctx: Context) -> Outcome:
        if a.priority > 0 and ctx.role == "kiosk":
            raise ProtocolError(ErrorCode.FORBIDDEN, "kiosks cannot issue priority tickets")
        service = self.config.service(a.service)
        if service is None:
            raise ProtocolError(ErrorCode.UNKNOWN_SERVICE, f"no service {a.service!r}")
        if not service.walk_in:
            raise ProtocolError(ErrorCode.WALK_IN_NOT_ALLOWED,
                                f"{service.name('en')} is by appointment only")
        # A priority ticket is judged by its own place in the queue, not a walk-in's.
        eta, ahead = self.walk_in_eta(a.service, ctx.now, a.priority)
        stop = self.ticket_stop(a.service, ctx.now, eta)
        if stop is not None:
            code, until = stop
            msg = ("the customer centre is closed" if code is ErrorCode.SITE_CLOSED
                   else "the wait would pass closing time")
            raise ProtocolError(code, msg, {"until": until.isoformat() if until else None})
        t = self.q.issue(a.service, ctx.now, language=a.language, priority=a.priority,
                         issued_by=ctx.client)
        self.handling.issued(a.service, ctx.now)
        # The run above placed a ticket exactly where this one now stands (walk-ins still
        # to come queue behind it), so its wait is this ticket's: no second run.
        info = t.info(eta)
        return Outcome(
            IssueTicketResult(ticket=info, ahead=ahead, eta_min=eta),
            [("issued", TicketEvent(ticket=info, by=ctx.client))],
        )

    def _finished_event(self, t: Ticket | None, ctx: Context) -> list[tuple[str, BaseModel]]:
        if t is None:
            return []
        self.handling.ticket_ended(t)
        return [("finished", self._tev(t, ctx))]

    def _call_next(self, a: CounterCommand, ctx: Context) -> Outcome:
        finished, t = self.q.call_next(a.counter, ctx.now)
        events = self._finished_event(finished, ctx)
        if t is not None:
            events.append(("called", self._tev(t, ctx)))
        return Outcome(TicketResult(ticket=t.info() if t else None), events)

    def _call_ticket(self, a: CallTicket, ctx: Context) -> Outcome:
        finished, t = self.q.call_ticket(a.counter, a.number, ctx.now)
        events = self._finished_event(finished, ctx)
        events.append(("called", self._tev(t, ctx)))
        return Outcome(TicketResult(ticket=t.info()), events)

    def _recall(self, a: CounterCommand, ctx: Context) -> Outcome:
        t = self.q.recall(a.counter, ctx.now)
        return Outcome(TicketResult(ticket=t.info()), [("recalled", self._tev(t, ctx))])

    def _start(self, a: CounterCommand, ctx: Context) -> Outcome:
        t = self.q.start(a.counter, ctx.now)
        return Outcome(TicketResult(ticket=t.info()), [("started", self._tev(t, ctx))])

    def _finish(self, a: CounterCommand, ctx: Context) -> Outcome:
        t = self.q.finish(a.counter, ctx.now)
        return Outcome(TicketResult(ticket=t.info()), self._finished_event(t, ctx))

    def _no_show(self, a: CounterCommand, ctx: Context) -> Outcome:
        t = self.q.no_show(a.counter, ctx.now)
        self.handling.ticket_ended(t)  # the wait for a no-show keeps the counter too
        return Outcome(TicketResult(ticket=t.info()), [("no_show", self._tev(t, ctx))])

    def _transfer(self, a: Transfer, ctx: Context) -> Outcome:
        t, from_service = self.q.transfer(a.counter, a.to_service, a.to_counter, ctx.now)
        return Outcome(TicketResult(ticket=t.info()),
                       [("transferred", self._tev(t, ctx, from_service=from_service))])

    def _park(self, a: CounterCommand, ctx: Context) -> Outcome:
        t = self.q.park(a.counter, ctx.now)
        return Outcome(TicketResult(ticket=t.info()), [("parked", self._tev(t, ctx))])

    def _cancel(self, a: TicketRef, ctx: Context) -> Outcome:
        if ctx.role == "kiosk":
            # Numbers are sequential: a kiosk could otherwise withdraw anybody's ticket.
            # Tickets are the day's, so "its own" is "its own today" (counters and
            # operators still cancel any).
            t = self.q.tickets.get(a.number)
            if t is not None and t.issued_by != ctx.client:
                raise ProtocolError(
                    ErrorCode.FORBIDDEN,
                    f"ticket {a.number} was not issued by this kiosk; a kiosk may cancel "
                    "only tickets it issued today", {"number": a.number})
        t = self.q.cancel(a.number, ctx.now)
        return Outcome(TicketResult(ticket=t.info()), [("cancelled", self._tev(t, ctx))])

    def _set_priority(self, a: SetPriority, ctx: Context) -> Outcome:
        t = self.q.set_priority(a.number, a.priority)
        return Outcome(TicketResult(ticket=t.info()), [("priority", self._tev(t, ctx))])

    def _counter_outcome(self, cid: str, ctx: Context, reason: str | None = None) -> Outcome:
        c = self.q.counters[cid]
        return Outcome(
            CounterResult(counter=c.id, status=c.status.value),
            [("counter", CounterEvent(counter=c.id, status=c.status, reason=reason,
                                      by=ctx.client))],
        )

    def _open_counter(self, a: OpenCounter, ctx: Context) -> Outcome:
        before = self.q.counters.get(a.counter)
        paused = before.since if before and before.status is CounterStatus.PAUSED else None
        self.q.open_counter(a.counter, a.clerk, a.services, ctx.now)
        if paused is not None:
            self.handling.break_ended((ctx.now - paused).total_seconds() / 60)
        return self._counter_outcome(a.counter, ctx)

    def _pause_counter(self, a: PauseCounter, ctx: Context) -> Outcome:
        self.q.pause_counter(a.counter, a.reason, ctx.now)
        return self._counter_outcome(a.counter, ctx, a.reason)

    def _close_counter(self, a: CounterCommand, ctx: Context) -> Outcome:
        self.q.close_counter(a.counter, ctx.now)
        return self._counter_outcome(a.counter, ctx)

