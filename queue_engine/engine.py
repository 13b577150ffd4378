"""The engine without its transport: messages in, messages out, one transaction a batch.

:class:`QueueEngine` turns a batch of inbound command messages into replies, events and
state. It is driven by :mod:`queue_engine.service` over MQTT and by tests directly.
"""

from __future__ import annotations

import collections
import json
import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine

from civiq import __version__
from civiq.clock import Clock, SystemClock
from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.commands import (
    COMMANDS,
    CallResult,
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
from civiq.protocol.roster import SetRoster, SetRosterResult
from queue_engine import command_log
from queue_engine import roster as rosters
from queue_engine.appointment_desk import AppointmentDesk
from queue_engine.calibration import Calibration, spread_factor
from queue_engine.dispatch import Candidate
from queue_engine.domain import Ticket
from queue_engine.estimator import NEWCOMER, Forecast, SimCounter, forecast, sim_counters
from queue_engine.handling_times import HandlingTimes, show_rate, still_coming
from queue_engine.messages import Context, Inbound, Outbound, Outcome
from queue_engine.recent_requests import RecentRequests
from queue_engine.retention import CHUNK, RetentionPolicy
from queue_engine.store import repository as repo

log = logging.getLogger(__name__)

#: Replies go at QoS 0. Clients connect with a clean session, so QoS 1 would add an
#: acknowledgement each way and deliver nothing more: a reply to a client that is gone is
#: dropped either way, and the client's retry with the same request id gets it again
#: (docs/protocol.md, "Requests and replies").
REPLY_QOS = topics.TOPICS["reply"].qos
#: A restart continues ``seq`` at least this far above the last number stored (numbers
#: handed out since are fewer: the engine stores ``seq`` before it has published half as
#: many without storing), or at the wall clock in milliseconds when that is higher.
SEQ_GAP = 1_000
#: A command whose ``ts`` is further ahead of the engine's wall clock is refused: its
#: sender's clock is wrong, and ``ts + ttl_s`` would keep it alive too long.
MAX_CLOCK_AHEAD_S = 5.0
#: A (re)started engine learns handling times from this many of the last visits before
#: today, so that it begins with the site's own times rather than the configured minutes
#: (a running engine keeps them across midnight anyway). Enough for every service's window
#: (handling_times.WINDOW) to fill at a site whose services differ a lot in demand.
HISTORY_VISITS = 2_000
#: Clients whose expired commands were logged; forgotten all at once beyond this many.
EXPIRED_TOLD_MAX = 10_000


class QueueEngine:
    def __init__(self, config: SiteConfig, store: Engine, clock: Clock,
                 wall: Clock | None = None) -> None:
        """``clock`` runs the site's day (opening hours, estimates; simulated in tests and
        the demo); ``wall`` is real time, which clients stamp into ``ts`` and which
        ``seq`` follows."""
        self.config = config
        self.site = config.site.id
        self.store = store
        self.clock = clock
        self.wall = wall or SystemClock()
        self.started_at = clock.now()
        self.handling = HandlingTimes(config)
        self.requests = RecentRequests()
        self._stale = False  # True while the store could not be reloaded after a failure
        self._expired_told: set[str] = set()  # clients whose expired commands were logged
        self.retention = RetentionPolicy(config.retention)
        with store.begin() as conn:
            day = config.local_day(clock.now())
            repo.close_days_before(conn, day, clock.now())
            self.q = repo.load_day(conn, config, day)
            # "seq_reserved": what engines before 0.x stored, always above what they used.
            stored = repo.get_meta(conn, "seq") or repo.get_meta(conn, "seq_reserved")
            # Wall-clock milliseconds as a floor keep seq rising even after a database reset.
            self.seq = max(int(stored) + SEQ_GAP if stored else 0, self._wall_ms())
            self._save_seq(conn)
            # Older replies are deleted by the retention policy, in steps (tidy()).
            for client, rid, at in repo.answered_requests(conn, clock.now()
                                                          - self.requests.window):
                self.requests.add((client, rid), at)
            self.appointments = AppointmentDesk(self, conn)
            self.roster = rosters.for_day(conn, config, day)
            self.calibration = self._stored_calibration(conn)
            self.calibration.forget_before(self._day_start(day))
            earlier = repo.counter_times_before(conn, day, HISTORY_VISITS)
            stored_pauses = repo.get_meta(conn, "pauses")
        # Breaks begun today per counter: they match the roster's planned breaks in order.
        # Stored with the batch that begins one, so that a restart at noon does not
        # expect the morning's breaks again.
        self._pauses_stored = self._stored_pauses(stored_pauses, day)  # as of the last commit
        self._pauses: collections.Counter[str] = self._pauses_stored.copy()
        self._rosters_to_store: list[SetRoster] = []
        for visit in earlier:
            self.handling.ticket_ended(visit)
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
            "set_roster": self._set_roster,
            **self.appointments.handlers(),
        }
        missing = set(COMMANDS) - set(self._handlers)
        assert not missing, f"commands without handler: {missing}"

    # ----- sequence numbers -------------------------------------------------------------
    def next_seq(self) -> int:
        """The next ``seq``; it is stored by the transaction that stores what it numbers
        (see :meth:`save_seq`), never in a transaction of its own."""
        self.seq += 1
        return self.seq

    def _wall_ms(self) -> int:
        return int(self.wall.now().timestamp() * 1000)

    def _save_seq(self, conn: Any) -> None:
        repo.set_meta(conn, "seq", str(self.seq))
        self._saved_seq = self.seq

    def save_seq(self, conn: Any, changed: bool = True) -> None:
        """Store ``seq`` in the caller's transaction: exactly, when it stores a change; else
        only when the numbers handed out since the last store approach ``SEQ_GAP``."""
        if changed or self.seq - self._saved_seq >= SEQ_GAP // 2:
            self._save_seq(conn)

    def _save_seq_if_far(self) -> None:
        """For numbers handed out outside a batch (state, failures): keep them below what
        a restart starts from."""
        if self.seq - self._saved_seq >= SEQ_GAP // 2:
            with self.store.begin() as conn:
                self._save_seq(conn)

    # ----- the day --------------------------------------------------------------------
    def _learn_from_today(self) -> None:
        for t in sorted(self.q.tickets.values(), key=lambda t: t.ended_at or t.issued_at):
            if t.status in (TicketStatus.FINISHED, TicketStatus.NO_SHOW):
                self.handling.ticket_ended(t)
            if t.kind is TicketKind.WALK_IN:
                self.handling.issued(t.issued_service or t.service, t.issued_at)

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time.min, tzinfo=self.config.tz)

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
            self.calibration.forget_before(self._day_start(today))
            self.roster = rosters.for_day(conn, self.config, today)
        self._pauses.clear()
        self._pauses_stored.clear()
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
            return [o for msg in batch for o in self._failed(msg)]
        out: list[Outbound] = []
        for i, msg in enumerate(batch):
            try:
                out += self._handle([msg])
            except Exception:
                log.exception("command failed: %s", msg.topic)
                out += self._failed(msg)
                if not self._try_reload():
                    return out + [o for m in batch[i + 1:] for o in self._failed(m)]
        return out

    @property
    def stale(self) -> bool:
        """True while memory may hold changes the store does not: do nothing from it."""
        return self._stale

    def _failed(self, msg: Inbound) -> list[Outbound]:
        topic = self._reply_topic(msg)
        if topic is None:
            return []
        return [self._error_out(msg, topic, self._request_id_of(msg), ProtocolError(
            ErrorCode.INTERNAL_ERROR, "the engine failed; nothing was changed"))]

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
        # Everything a failed batch may have changed in memory comes back from the store:
        # a roster or calibration of a rolled-back command must not live on.
        with self.store.begin() as conn:
            self.q = repo.load_day(conn, self.config, self.q.day)
            self.appointments.reload(conn)
            self.roster = rosters.for_day(conn, self.config, self.q.day)
            self.calibration = self._stored_calibration(conn)
        self._rosters_to_store.clear()
        self._pauses = self._pauses_stored.copy()  # a rolled-back pause took no break

    @staticmethod
    def _stored_pauses(raw: str | None, day: date) -> collections.Counter[str]:
        """Today's breaks per counter as stored; none when they were another day's."""
        try:
            d = json.loads(raw) if raw else {}
            if d.get("day") == day.isoformat():
                return collections.Counter({str(k): int(v) for k, v in d["counts"].items()})
        except (ValueError, TypeError, KeyError, AttributeError):
            log.warning("stored break counts unreadable; counting today's breaks from now")
        return collections.Counter()

    @staticmethod
    def _stored_calibration(conn: Any) -> Calibration:
        cal = Calibration()
        cal.load(repo.get_meta(conn, "calibration"))
        return cal

    def _handle(self, batch: list[Inbound]) -> list[Outbound]:
        out: list[Outbound] = []
        pending_replies: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        seen: dict[tuple[str, str], str] = {}
        changed = False
        audit: list[command_log.Entry] | None = [] if command_log.enabled() else None
        with self.store.begin() as conn:
            for msg in batch:
                reply_topic = self._reply_topic(msg)
                if reply_topic is None:
                    continue
                name = None
                try:
                    e = env.decode(msg.payload)
                except env.EnvelopeError as exc:
                    rid = self._refused_request_id(msg, exc)
                    out.append(self._error_out(msg, reply_topic, rid, exc))
                    if audit is not None:
                        audit.append((msg.topic, None, exc.code.value, None))
                    continue
                try:
                    ctx, name, args, rid = self._parse(msg, e)
                    key = (ctx.client, rid)
                    cached = seen.get(key)
                    if cached is None and key in self.requests:
                        # A retry: the first reply, from the store (memory holds only keys).
                        cached = repo.get_reply(conn, *key)
                    if cached is not None:
                        out.append(Outbound(reply_topic, self._replayed(cached), REPLY_QOS,
                                            correlation=msg.correlation))
                        continue
                    self._check_fresh(e, ctx.client)
                    self._check_counter_device(ctx, args)
                    outcome = self._handlers[name](args, ctx)
                except ProtocolError as exc:
                    out.append(self._error_out(msg, reply_topic, e.request_id, exc))
                    if audit is not None:
                        audit.append((msg.topic, name, exc.code.value, None))
                    continue
                changed = True
                if audit is not None:
                    audit.append((msg.topic, name, "ok", outcome.result))
                reply = env.encode_parts(
                    self.site, "reply", env.ok_reply_body(name, outcome.result),
                    seq=self.next_seq(), request_id=rid, ts=ctx.now,
                )
                seen[key] = text = reply.decode()
                pending_replies.append({
                    "client": ctx.client, "request_id": rid, "command": name,
                    "reply": text, "created_at": ctx.now,
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
                for r in self._rosters_to_store:
                    rosters.store_roster(conn, r)
                if self.calibration.changed:
                    # Kept so that a restart publishes the same intervals.
                    repo.set_meta(conn, "calibration", self.calibration.dump())
                    self.calibration.changed = False
                if self._pauses != self._pauses_stored:
                    repo.set_meta(conn, "pauses", json.dumps(
                        {"day": self.q.day.isoformat(), "counts": dict(self._pauses)}))
                repo.save_replies(conn, pending_replies)
                repo.save_events(conn, event_rows)
            # In this transaction: a second one inside it would hold on SQLite only by
            # how Python's driver starts transactions, and deadlock on PostgreSQL.
            self.save_seq(conn, changed)
        # Only now, after the commit, may anything be published.
        self._rosters_to_store.clear()
        self._pauses_stored = self._pauses.copy()
        if audit:
            command_log.write(audit)
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

    def _reply_topic(self, msg: Inbound) -> str | None:
        """The sender's own reply topic, whatever response topic it named: a hostile client
        must not make the engine publish elsewhere. None when the topic holds no valid
        client id (``$SYS``, spaces, empty, too long): there is no address to answer, so
        the command is dropped unanswered with a warning (the broker's ACL should never
        let one through)."""
        ct = topics.parse_command_topic(msg.topic)
        if ct is None or not topics.valid_id(ct.client):
            log.warning("dropped a message on %r: not a command topic with a valid client "
                        "id, so there is nobody to answer", msg.topic[:200])
            return None
        return topics.reply(self.site, ct.client)

    @staticmethod
    def _correlation_id(msg: Inbound) -> str | None:
        """The correlation data as a request id, when it is one (UTF-8, 1-128 chars)."""
        if not msg.correlation:
            return None
        try:
            rid = msg.correlation.decode()
        except UnicodeDecodeError:
            return None
        return rid if len(rid) <= env.REQUEST_ID_MAX else None

    def _refused_request_id(self, msg: Inbound, exc: env.EnvelopeError) -> str | None:
        """The request id of a refused payload, as docs/protocol.md says ("Refusals and
        their request id"): its own well-formed one; the correlation data only when the
        payload was not read as JSON at all (invalid_json, payload_too_large); else
        none."""
        if exc.request_id is not None:
            return exc.request_id
        if exc.code in (ErrorCode.INVALID_JSON, ErrorCode.PAYLOAD_TOO_LARGE):
            return self._correlation_id(msg)
        return None

    def _request_id_of(self, msg: Inbound) -> str | None:
        try:
            return env.decode(msg.payload).request_id
        except env.EnvelopeError as exc:
            return self._refused_request_id(msg, exc)

    def _replayed(self, reply: str) -> bytes:
        """A stored reply sent again: the first answer, with a fresh ``seq`` (``seq`` rises
        on everything published; receivers drop what is not newer)."""
        e = env.decode(reply.encode())
        return env.encode_parts(self.site, e.type, json.dumps(e.data).encode(),
                                seq=self.next_seq(), request_id=e.request_id, ts=e.ts)

    def _error_out(self, msg: Inbound, topic: str, request_id: str | None,
                   exc: ProtocolError) -> Outbound:
        body = Reply(ok=False, error=ErrorInfo(code=exc.code.value, message=exc.message,
                                               details=exc.details))
        payload = env.encode(env.make(self.site, "reply", body, seq=self.next_seq(),
                                      request_id=request_id, ts=self.clock.now()))
        return Outbound(topic, payload, REPLY_QOS, correlation=msg.correlation)

    def _parse(self, msg: Inbound, e: env.Envelope) -> tuple[Context, str, Any, str]:
        ct = topics.parse_command_topic(msg.topic)
        assert ct is not None  # _reply_topic dropped the rest
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
        if e.ttl_s is None:
            raise ProtocolError(ErrorCode.INVALID_ENVELOPE,
                                "ttl_s: commands need one (the sender's overall timeout)")
        try:
            # From JSON, strictly: dates are ISO strings there, and nothing is coerced.
            args = spec.args.model_validate_json(json.dumps(e.data))
        except ValidationError as exc:
            raise ProtocolError(ErrorCode.INVALID_ARGUMENTS, env.describe(exc)) from exc
        return Context(now=self.clock.now(), client=ct.client, role=ct.role), e.type, args, \
            e.request_id

    def _check_counter_device(self, ctx: Context, args: Any) -> None:
        """A counter device acts only on the counters the site file assigns to it. (That
        the topic's client is the connection's own is the broker's to enforce: its ACL
        lets each user write only cmd/{role}/{its user}, docs/deploy.md.)"""
        counter = getattr(args, "counter", None)
        if ctx.role != "counter" or not isinstance(counter, str):
            return
        if not self.config.counter_device_may_act(counter, ctx.client):
            raise ProtocolError(
                ErrorCode.FORBIDDEN,
                f"counter device {ctx.client!r} is not assigned to counter {counter!r} "
                "(the site file's [[counters]] devices)")

    def _check_fresh(self, e: env.Envelope, client: str) -> None:
        """Refuse a command its sender has given up on (older than ``ttl_s``), and one
        stamped in the future, which would live too long. The first expired command of
        each client is logged as a warning: a device whose clock is slow, or whose
        commands are held up, would otherwise fail without a word in the engine's log."""
        assert e.ttl_s is not None  # _parse refused the rest
        age = (self.wall.now() - e.ts).total_seconds()
        if age < -MAX_CLOCK_AHEAD_S:
            raise ProtocolError(
                ErrorCode.INVALID_ENVELOPE,
                f"ts is {-age:.1f} s ahead of the engine's clock (at most "
                f"{MAX_CLOCK_AHEAD_S:g} s allowed): the sender's clock is wrong")
        if age > e.ttl_s:
            if client not in self._expired_told:
                if len(self._expired_told) >= EXPIRED_TOLD_MAX:
                    self._expired_told.clear()
                self._expired_told.add(client)
                log.warning("client %s: a command arrived expired (age_s=%.1f, ttl_s=%g): "
                            "is its clock slow, or are its commands held up? Said once per "
                            "client", client, age, e.ttl_s)
            raise ProtocolError(
                ErrorCode.EXPIRED,
                f"the command is {age:.1f} s old and expired after {e.ttl_s:g} s; "
                "nothing was done",
                {"age_s": round(age, 3), "ttl_s": e.ttl_s})

    # ----- estimates ------------------------------------------------------------------
    def _sim_counters(self, now: datetime) -> list[SimCounter]:
        intervals = self.config.intervals_on(self.q.day)
        return sim_counters(self.q.counters.values(), self.q.tickets, now, self.handling,
                            roster=self.roster.plans or None, pauses=self._pauses,
                            closing=intervals[-1][1] if intervals else None)

    def _candidates(self) -> list[Candidate]:
        return [t.candidate() for t in self.q.waiting_tickets()]

    def forecast(self, now: datetime, extra: Candidate | None = None,
                 probes: list[Candidate] | None = None) -> Forecast:
        waiting = self._candidates() + ([extra] if extra else [])
        due = self.appointments.due(now)
        return forecast(waiting, self._sim_counters(now), now, self.q.params,
                        self.handling.as_dict(), due=due, due_share=self._due_shares(due, now),
                        arrivals={s: self.handling.arrival_rate(s, now)
                                  for s in self.handling.as_dict()},
                        probes=probes or ())

    def _due_shares(self, due: list[Candidate], now: datetime) -> dict[str, float]:
        """Per booking still due: the share of its counter time the run books for it,
        the chance that its visitor still comes (fewer the later past the slot)."""
        if not due:
            return {}
        bookings = self.appointments.bookings.values()
        came = [b.status for b in bookings]
        show = show_rate(came.count("checked_in"), came.count("no_show"))
        offsets = [(b.checked_in_at - b.slot_start).total_seconds() / 60
                   for b in bookings if b.checked_in_at is not None and b.day == self.q.day]
        window = (self.config.appointments.window_before_min,
                  self.config.appointments.window_after_min)
        return {c.number: still_coming(show, (now - c.slot_start).total_seconds() / 60,
                                       offsets, window)
                for c in due if c.slot_start is not None}

    @staticmethod
    def newcomer(service: str, now: datetime, priority: int = 0,
                 number: str = NEWCOMER, assistance: bool = False) -> Candidate:
        """A ticket taken now: it stands last of its group, exactly where the real ticket
        will stand."""
        return Candidate(number=number, service=service, arrival=now, order=1 << 40,
                         priority=priority, assistance=assistance)

    def walk_in_eta(self, service: str, now: datetime, priority: int = 0,
                    assistance: bool = False
                    ) -> tuple[float | None, tuple[float, float, float] | None, int]:
        """The wait of a ticket taken now (with that manual priority, needing assistance
        or not): the forward run's own estimate, its calibrated (p10, p50, p90), and how
        many go before it."""
        f = self.forecast(now, self.newcomer(service, now, priority, assistance=assistance))
        raw = f.wait_min(NEWCOMER, now)
        return raw, self.eta_range(raw, service), self.ahead_of(f, NEWCOMER, service)

    def eta_range(self, raw: float | None, service: str
                  ) -> tuple[float, float, float] | None:
        """(p10, p50, p90) for the forward run's ``raw`` estimate of a ticket of
        ``service``: wider where its handling times spread more
        (calibration.spread_factor)."""
        return self.calibration.interval(raw, self.spread(service))

    def spread(self, service: str) -> float:
        return spread_factor(self.handling.cv(service))

    def ahead_of(self, f: Forecast, number: str, service: str) -> int:
        """Tickets called before this one. When no open counter serves it the forecast
        cannot place it: then those waiting for the same service are ahead, not every
        ticket in the building."""
        if number in f.start:
            return f.ahead(number)
        return sum(1 for t in self.q.waiting_tickets()
                   if t.service == service and t.number != number)

    def ticket_stop(self, service: str, now: datetime,
                    eta: tuple[float, float, float] | None
                    ) -> tuple[ErrorCode, datetime | None, str] | None:
        """Walk-ins stop when the upper end of the interval (p90) plus the margin passes
        closing time: an admitted ticket is called before closing. No estimate (no
        counter would call it today) stops them too, unless the service's day has not
        begun (:meth:`_clerks_still_expected`). (code, until, message) or None."""
        interval = self.config.open_interval(now)
        if interval is None:
            return (ErrorCode.SITE_CLOSED, self.config.next_opening(now),
                    "the customer centre is closed")
        margin = timedelta(minutes=self.config.dispatch.ticket_stop_margin_min)
        _, closes = interval
        if eta is None:
            if self._clerks_still_expected(service):
                return None
            return (ErrorCode.TICKET_STOP, self.config.next_opening(closes),
                    "no counter serves this service for the rest of the day")
        if now + timedelta(minutes=eta[2]) + margin > closes:
            return (ErrorCode.TICKET_STOP, self.config.next_opening(closes),
                    "the wait would pass closing time")
        return None

    def _clerks_still_expected(self, service: str) -> bool:
        """Whether a ticket no counter would call (no estimate) is still admitted: only
        while the service's day has not begun and nothing says how it goes on, i.e. no
        counter that serves it has been opened (or paused, or closed) today and no roster
        plans one. The site is open and its clerks usually come. A counter that served
        it and closed again, or a roster without a shift left, means nobody will."""
        plans = self.roster.plans
        for c in self.q.counters.values():
            plan = plans.get(c.id)
            serves = service in c.services or (
                plan is not None and plan.services is not None and service in plan.services)
            if serves and (c.since is not None or plan is not None):
                return False
        return True

    # ----- state ----------------------------------------------------------------------
    def queue_state(self) -> QueueState:
        now = self.clock.now()
        # One run for the waiting tickets and every service's newcomer at once.
        f = self.forecast(now, probes=[self.newcomer(s.id, now, number=NEWCOMER + s.id)
                                       for s in self.config.services if s.walk_in])
        tickets = self.q.tickets
        # Tickets and the newcomer probes only: bookings still due are in the run too,
        # but nobody is shown their wait.
        service_of = {n: t.service for n, t in tickets.items()} | {
            NEWCOMER + s.id: s.id for s in self.config.services if s.walk_in}
        ranges = {n: self.eta_range(f.wait_min(n, now), service_of[n])
                  for n in f.start if n in service_of}
        etas = {n: r[1] if r else None for n, r in ranges.items()}
        waiting_by_service = collections.Counter(t.service for t in self.q.waiting_tickets())
        services = []
        for s in self.config.services:
            waiting = waiting_by_service[s.id]
            open_counters = sum(
                1 for c in self.q.counters.values()
                if c.status is CounterStatus.OPEN and s.id in c.services
            )
            rng = ranges.get(NEWCOMER + s.id) if s.walk_in else None
            stop = self.ticket_stop(s.id, now, rng) if s.walk_in else None
            services.append(ServiceState(
                id=s.id, waiting=waiting, eta_min=rng[1] if rng else None,
                eta_p10_min=rng[0] if rng else None, eta_p90_min=rng[2] if rng else None,
                open_counters=open_counters,
                ticket_stop=stop is not None,
                ticket_stop_reason=stop[0].value if stop else None,
                ticket_stop_until=stop[1] if stop else None,
            ))
        counters = []
        for c in self.q.counters.values():
            served, avg = self.q.handled_by(c.id)
            counters.append(CounterState(
                id=c.id, name=c.name, status=c.status, pause_reason=c.pause_reason,
                services=c.services,
                current=self.q.tickets[c.current].info() if c.current else None,
                served_today=served,
                handling_avg_min=round(avg, 2) if avg is not None else None,
            ))
        view = self.q.waiting_view(etas, f.order, ranges)
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
        out = self._state_messages(include_calls)
        self._save_seq_if_far()
        return out

    def _state_messages(self, include_calls: bool) -> list[Outbound]:
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
        raw, rng, ahead = self.walk_in_eta(a.service, ctx.now, a.priority, a.assistance)
        stop = self.ticket_stop(a.service, ctx.now, rng)
        if stop is not None:
            code, until, msg = stop
            raise ProtocolError(code, msg, {"until": until.isoformat() if until else None})
        t = self.q.issue(a.service, ctx.now, language=a.language, priority=a.priority,
                         issued_by=ctx.client, assistance=a.assistance)
        self.handling.issued(a.service, ctx.now)
        # The run above placed a ticket exactly where this one now stands (walk-ins still
        # to come queue behind it), so its wait is this ticket's: no second run.
        eta = rng[1] if rng else None
        if a.priority == 0:
            self.calibration.issued(t.number, raw, ctx.now, self.spread(a.service))
        info = t.info(eta)
        return Outcome(
            IssueTicketResult(ticket=info, ahead=ahead, eta_min=eta,
                              eta_p10_min=rng[0] if rng else None,
                              eta_p90_min=rng[2] if rng else None),
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
            self.calibration.called(t.number, ctx.now)
            events.append(("called", self._tev(t, ctx)))
        return Outcome(CallResult(ticket=t.info() if t else None,
                                  finished=finished.info() if finished else None), events)

    def _call_ticket(self, a: CallTicket, ctx: Context) -> Outcome:
        finished, t = self.q.call_ticket(a.counter, a.number, ctx.now, a.reason)
        if a.reason and t.service not in self.q.counters[a.counter].services:
            log.info("%s called %s of %s, which it does not serve: %s", a.counter, a.number,
                     t.service, a.reason)
        self.calibration.called(t.number, ctx.now)
        events = self._finished_event(finished, ctx)
        events.append(("called", self._tev(t, ctx)))
        return Outcome(CallResult(ticket=t.info(),
                                  finished=finished.info() if finished else None), events)

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
        t, from_service = self.q.transfer(a.counter, a.to_service, a.to_counter, ctx.now,
                                          a.note)
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
        self.calibration.forget(t.number)
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
        before = self.q.counters.get(a.counter)
        again = before is not None and before.status is CounterStatus.PAUSED
        self.q.pause_counter(a.counter, a.reason, ctx.now)
        if not again:  # a second "pause" (a new reason) is the same break
            self._pauses[a.counter] += 1
        return self._counter_outcome(a.counter, ctx, a.reason)

    def _close_counter(self, a: CounterCommand, ctx: Context) -> Outcome:
        self.q.close_counter(a.counter, ctx.now)
        return self._counter_outcome(a.counter, ctx)

    def _set_roster(self, a: SetRoster, ctx: Context) -> Outcome:
        try:
            day = date.fromisoformat(a.day)
        except ValueError as exc:
            raise ProtocolError(ErrorCode.INVALID_ARGUMENTS,
                                f"day {a.day!r} is not a date") from exc
        if day < self.q.day:
            raise ProtocolError(ErrorCode.INVALID_ARGUMENTS, f"day {a.day} has passed")
        try:
            rosters.check_entries(a.counters, self.config)
        except ValueError as exc:
            raise ProtocolError(ErrorCode.INVALID_ARGUMENTS, str(exc)) from exc
        # Stored with the batch (see _handle); today's takes effect at once.
        self._rosters_to_store.append(a)
        if day == self.q.day:
            self.roster = rosters.DayRoster(
                "command", rosters.plans_from(a.counters, day, self.config))
        return Outcome(SetRosterResult(day=a.day, counters=len(a.counters)), [])

