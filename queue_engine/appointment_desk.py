"""Appointments in the engine: imported bookings, QR check-in, cancellation, no-shows.

The engine owns a site's bookings like its tickets: in memory while it runs, written
through in the batch transaction before any reply goes out. Memory holds every booking
from today on, plus older ones still ``booked`` (so a no-show is recorded even after the
engine was down). Each handler checks everything before it changes anything, so a
refused command — a forged or replayed code above all — leaves no trace.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection, Engine

from civiq.appointments.token import (
    PickupToken,
    TokenError,
    booking_code_ok,
    load_public_keys,
    verify_token,
)
from civiq.clock import Clock
from civiq.config import ConfigError, SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.appointments import (
    AppointmentEvent,
    AppointmentList,
    AppointmentStatus,
    BookingRef,
    CheckIn,
    ImportAppointments,
    ImportAppointmentsResult,
    ListAppointments,
)
from civiq.protocol.commands import IssueTicketResult
from civiq.protocol.errors import ErrorCode, ProtocolError
from civiq.protocol.models import TicketEvent, TicketKind
from queue_engine.bookings import Appointment
from queue_engine.code_attempts import CodeAttempts
from queue_engine.dispatch import Candidate
from queue_engine.domain import SiteQueue
from queue_engine.estimator import Forecast
from queue_engine.messages import Context, Outbound, Outcome
from queue_engine.store import repository as repo

log = logging.getLogger(__name__)

#: Orders of not-yet-arrived bookings in the forecast: after every real ticket.
_DUE_ORDER = 1 << 39
_RETRY_S = 5.0


class DeskHost(Protocol):
    """What the desk needs of the engine that hosts it, and nothing more: the desk does
    not import the engine (import-linter checks), so either can change on its own."""

    config: SiteConfig
    site: str
    clock: Clock
    store: Engine

    q: SiteQueue

    def next_seq(self) -> int: ...

    def save_seq(self, conn: Connection, changed: bool = True) -> None: ...

    def forecast(self, now: datetime) -> Forecast: ...

    def ahead_of(self, f: Forecast, number: str, service: str) -> int: ...

    def eta_range(self, raw: float | None, service: str
                  ) -> tuple[float, float, float] | None: ...


class AppointmentDesk:
    """The engine's appointment handlers and the bookings they work on."""

    def __init__(self, host: DeskHost, conn: Connection) -> None:
        self.host = host
        self.config = host.config
        self.site = host.site
        try:
            self.keys = load_public_keys(self.config.appointments.public_keys)
        except ValueError as exc:
            raise ConfigError(f"{self.config.source}: appointments: {exc}") from exc
        self.before = timedelta(minutes=self.config.appointments.window_before_min)
        self.after = timedelta(minutes=self.config.appointments.window_after_min)
        self.bookings: dict[str, Appointment] = {}
        self.dirty: set[str] = set()
        self._changes = 0
        self._deadline: tuple[int, datetime | None] | None = None
        self._pruned_for: date | None = None
        self._retry_at = 0.0  # monotonic; after a failed no-show write
        self.code_attempts = CodeAttempts()
        self.reload(conn)

    def handlers(self) -> dict[str, Callable[[Any, Context], Outcome]]:
        return {
            "import_appointments": self._import,
            "cancel_appointment": self._cancel,
            "list_appointments": self._list,
            "check_in": self._check_in,
        }

    # ----- store ----------------------------------------------------------------------
    def reload(self, conn: Connection) -> None:
        self.bookings = repo.load_bookings(conn, self.host.q.day)
        self.dirty.clear()
        self._changes += 1

    def flush(self, conn: Connection) -> None:
        repo.save_bookings(conn, [self.bookings[bid] for bid in sorted(self.dirty)])
        self.dirty.clear()

    def _touch(self, a: Appointment) -> None:
        self.dirty.add(a.booking_id)
        self._changes += 1

    # ----- time -----------------------------------------------------------------------
    def closes_at(self, a: Appointment) -> datetime:
        return a.slot_start + self.after

    def due(self, now: datetime) -> list[Candidate]:
        """Bookings of today that may still arrive: they will take counters at their slot."""
        today = self.host.q.day
        items = sorted(
            (a for a in self.bookings.values()
             if a.status is AppointmentStatus.BOOKED and a.day == today
             and now <= self.closes_at(a)),
            key=lambda a: (a.slot_start, a.booking_id),
        )
        return [
            Candidate(number=f"~{a.booking_id}", service=a.service, arrival=a.slot_start,
                      order=_DUE_ORDER + i, appointment=True, slot_start=a.slot_start)
            for i, a in enumerate(items)
        ]

    def _next_deadline(self) -> datetime | None:
        if self._deadline is None or self._deadline[0] != self._changes:
            ends = [self.closes_at(a) for a in self.bookings.values()
                    if a.status is AppointmentStatus.BOOKED]
            self._deadline = (self._changes, min(ends) if ends else None)
        return self._deadline[1]

    def expire(self) -> list[Outbound]:
        """Mark bookings whose check-in window has passed as no-shows, in their own
        transaction; returns the events to publish (after the commit)."""

        now = self.host.clock.now()
        deadline = self._next_deadline()
        if deadline is None or now <= deadline:
            self._prune()
            return []
        if time.monotonic() < self._retry_at:
            return []
        gone = sorted(
            (a for a in self.bookings.values()
             if a.status is AppointmentStatus.BOOKED and now > self.closes_at(a)),
            key=lambda a: (a.slot_start, a.booking_id),
        )
        out: list[Outbound] = []
        rows: list[dict[str, Any]] = []
        # Memory changes only after the commit: a store that is away loses nothing.
        done = [replace(a, status=AppointmentStatus.NO_SHOW, status_at=now) for a in gone]
        for a in done:
            body = AppointmentEvent(service=a.service, slot_start=a.slot_start,
                                    status=a.status)
            seq = self.host.next_seq()
            rows.append({"seq": seq, "day": a.day, "at": now, "kind": "appointment_no_show",
                         "number": None, "service": a.service, "counter": None})
            out.append(Outbound(
                topics.event(self.site, "appointment_no_show"),
                env.encode(env.make(self.site, "appointment_no_show", body, seq=seq, ts=now)),
            ))
        try:
            with self.host.store.begin() as conn:
                repo.save_bookings(conn, done)
                repo.save_events(conn, rows)
                self.host.save_seq(conn)
        except Exception:
            log.exception("could not record appointment no-shows; trying again in %s s",
                          _RETRY_S)
            self._retry_at = time.monotonic() + _RETRY_S
            return []
        for a in done:
            self.bookings[a.booking_id] = a
        self._changes += 1
        log.info("%d appointment(s) not checked in: no-show", len(gone))
        return out

    def _prune(self) -> None:
        # Finished bookings of past days are only in the store from now on.
        today = self.host.q.day
        if self._pruned_for == today:
            return
        self._pruned_for = today
        old = [b for b, a in self.bookings.items()
               if a.day < today and a.status is not AppointmentStatus.BOOKED
               and b not in self.dirty]
        for b in old:
            del self.bookings[b]

    # ----- handlers -------------------------------------------------------------------
    def _import(self, a: ImportAppointments, ctx: Context) -> Outcome:

        today = self.host.q.day
        first: dict[str, int] = {}
        codes: dict[tuple[str, date], str] = {}  # this import's codes
        # The codes held, once per import (a scan per entry took 0.2 s for 1000 entries
        # against 9000 bookings, on the engine's only thread).
        held = {(b.code, b.day): b.booking_id for b in self.bookings.values()
                if b.code is not None}
        for i, e in enumerate(a.appointments):
            where = f"appointments[{i}] ({e.booking_id})"
            details = {"index": i, "booking_id": e.booking_id}
            if e.site is not None and e.site != self.site:
                raise ProtocolError(ErrorCode.WRONG_SITE,
                                    f"{where}: for site {e.site!r}; this is {self.site!r}; "
                                    "nothing imported", details)
            if self.config.service(e.service) is None:
                raise ProtocolError(ErrorCode.UNKNOWN_SERVICE,
                                    f"{where}: no service {e.service!r}; nothing imported",
                                    details)
            day = self.config.local_day(e.slot_start)
            if day < today:
                raise ProtocolError(ErrorCode.INVALID_ARGUMENTS,
                                    f"{where}: slot on {day}, before today; nothing imported",
                                    details)
            if e.booking_id in first:
                raise ProtocolError(
                    ErrorCode.INVALID_ARGUMENTS,
                    f"{where}: booking id also in appointments[{first[e.booking_id]}]; "
                    "nothing imported", details)
            first[e.booking_id] = i
            if e.code is not None:
                self._check_new_code(e.code, e.booking_id, day, codes, held, where,
                                     details)
                codes[(e.code, day)] = e.booking_id
        created = updated = unchanged = 0
        locked: list[str] = []
        for e in a.appointments:
            slot = e.slot_start.astimezone(UTC)
            day = self.config.local_day(slot)
            old = self.bookings.get(e.booking_id)
            if old is None:
                self.bookings[e.booking_id] = new = Appointment(
                    booking_id=e.booking_id, service=e.service, day=day, slot_start=slot,
                    slot_minutes=e.slot_minutes, status=AppointmentStatus.BOOKED,
                    imported_at=ctx.now, updated_at=ctx.now, code=e.code,
                )
                self._touch(new)
                created += 1
                continue
            # A re-import without a code keeps the code the booking has.
            code = e.code if e.code is not None else old.code
            if (old.service, old.slot_start, old.slot_minutes, old.code) == (
                    e.service, slot, e.slot_minutes, code):
                unchanged += 1
            elif old.status is not AppointmentStatus.BOOKED:
                locked.append(e.booking_id)
            else:
                old.service, old.day, old.slot_start = e.service, day, slot
                old.slot_minutes, old.updated_at, old.code = e.slot_minutes, ctx.now, code
                self._touch(old)
                updated += 1
        return Outcome(ImportAppointmentsResult(created=created, updated=updated,
                                                unchanged=unchanged, locked=locked), [])

    def _check_new_code(self, code: str, booking_id: str, day: date,
                        codes: dict[tuple[str, date], str],
                        held: dict[tuple[str, date], str], where: str,
                        details: dict[str, Any]) -> None:
        if not booking_code_ok(code):
            raise ProtocolError(ErrorCode.INVALID_ARGUMENTS,
                                f"{where}: code: the check digit does not fit (not made by "
                                "booking_code?); nothing imported", details)
        # A typed code must name one booking of its day: the same code on another booking
        # of that day is refused (about 1 in 2000 days for 1000 bookings a day); the
        # booking system then signs that booking anew (another key id gives another code).
        other = codes.get((code, day)) or held.get((code, day))
        if other is not None and other != booking_id:
            raise ProtocolError(ErrorCode.INVALID_ARGUMENTS,
                                f"{where}: code: another booking of {day} has the same code; "
                                "sign this booking anew; nothing imported", details)

    def _booking(self, booking_id: str) -> Appointment:
        a = self.bookings.get(booking_id)
        if a is None:
            raise ProtocolError(ErrorCode.UNKNOWN_BOOKING, f"no booking {booking_id!r}")
        return a

    def _cancel(self, a: BookingRef, ctx: Context) -> Outcome:

        b = self._booking(a.booking_id)
        if b.status is AppointmentStatus.CHECKED_IN:
            raise ProtocolError(ErrorCode.ALREADY_CHECKED_IN,
                                f"booking {b.booking_id} is checked in as {b.ticket}; "
                                f"cancel that ticket instead (civiq ticket cancel {b.ticket}, "
                                "or at a counter)", {"ticket": b.ticket})
        if b.status is AppointmentStatus.NO_SHOW:
            raise ProtocolError(ErrorCode.TOO_LATE,
                                f"booking {b.booking_id} is already recorded as a no-show")
        if b.status is AppointmentStatus.BOOKED:  # cancelling twice is not an error
            b.status = AppointmentStatus.CANCELLED
            b.status_at = b.updated_at = ctx.now
            self._touch(b)
        return Outcome(b.info(), [])

    def _list(self, a: ListAppointments, ctx: Context) -> Outcome:

        day = a.day or self.host.q.day
        found = {b.booking_id: b for b in self.bookings.values() if b.day == day}
        if day < self.host.q.day:
            # Past days are only complete in the store (a read beside the batch's write).
            with self.host.store.connect() as conn:
                for b in repo.bookings_on(conn, day):
                    found.setdefault(b.booking_id, b)
        items = sorted(found.values(), key=lambda b: (b.slot_start, b.booking_id))
        return Outcome(AppointmentList(day=day, appointments=[b.info() for b in items]), [])

    def _check_in(self, a: CheckIn, ctx: Context) -> Outcome:

        if a.booking_code is not None:
            return self._check_in_booking(self._by_code(a.booking_code, ctx), a, ctx, None)
        assert a.token is not None  # the model demands one of the two
        try:
            tok = verify_token(a.token, self.keys)
        except TokenError as exc:
            raise ProtocolError(ErrorCode(exc.code), exc.message) from exc
        if isinstance(tok, PickupToken):
            return self._pickup(tok, a, ctx)
        today = self.host.q.day
        if tok.site != self.site:
            raise ProtocolError(ErrorCode.WRONG_SITE,
                                f"the appointment is at site {tok.site!r}; this is {self.site!r}",
                                {"site": tok.site})
        if tok.day != today:
            raise ProtocolError(ErrorCode.WRONG_DAY, f"the appointment is on {tok.day}",
                                {"day": tok.day.isoformat()})
        return self._check_in_booking(self._booking(tok.booking_id), a, ctx, tok.key_id)

    def _by_code(self, code: str, ctx: Context) -> Appointment:
        """The booking a typed code names (today's first), or a refusal; wrong codes slow
        their client down (queue_engine.code_attempts)."""
        wait = self.code_attempts.retry_after_s(ctx.client, ctx.now)
        if wait:
            raise ProtocolError(ErrorCode.TOO_MANY_ATTEMPTS,
                                f"too many wrong booking codes: try again in {wait} s, or "
                                "scan the QR code", {"retry_after_s": wait})
        if not booking_code_ok(code):
            raise ProtocolError(ErrorCode.MALFORMED,
                                "the booking code's check digit does not fit: a typo?")
        today = self.host.q.day
        found = sorted((b for b in self.bookings.values() if b.code == code),
                       key=lambda b: (b.day != today, b.day))
        if not found:
            with self.host.store.connect() as conn:  # earlier days: a read beside the batch
                day = repo.booking_day_by_code(conn, code, today)
            if day is not None:
                # A real code, on the wrong day (as its QR code would say): no guess.
                raise ProtocolError(ErrorCode.WRONG_DAY, f"the appointment is on {day}",
                                    {"day": day.isoformat()})
            self.code_attempts.wrong(ctx.client, ctx.now)
            if self.code_attempts.retry_after_s(ctx.client, ctx.now):
                log.warning("client %s: too many wrong booking codes; its codes are "
                            "refused for a while", ctx.client)
            # The code itself is never logged or echoed: it is as good as the QR code.
            raise ProtocolError(ErrorCode.UNKNOWN_BOOKING, "no booking has this code")
        return found[0]

    def _check_in_booking(self, b: Appointment, a: CheckIn, ctx: Context,
                          key_id: str | None) -> Outcome:
        today = self.host.q.day
        if b.day != today:  # moved to another day since the code was made
            raise ProtocolError(ErrorCode.WRONG_DAY, f"the appointment is on {b.day}",
                                {"day": b.day.isoformat()})
        if b.status is AppointmentStatus.CANCELLED:
            raise ProtocolError(ErrorCode.CANCELLED, f"booking {b.booking_id} was cancelled")
        if b.status is AppointmentStatus.CHECKED_IN:
            raise self._already(f"booking {b.booking_id}", b.ticket, b.checked_in_at)
        # The stored slot rules, not the code's: a booking moved within the day keeps
        # its code.
        tz = self.config.tz
        opens, closes, slot = (x.astimezone(tz) for x in (
            b.slot_start - self.before, self.closes_at(b), b.slot_start))
        if ctx.now < opens:
            raise ProtocolError(ErrorCode.TOO_EARLY, f"check-in opens at {opens:%H:%M}",
                                {"from": opens.isoformat(), "slot_start": slot.isoformat()})
        if b.status is AppointmentStatus.NO_SHOW or ctx.now > closes:
            raise ProtocolError(ErrorCode.TOO_LATE, f"check-in closed at {closes:%H:%M}",
                                {"until": closes.isoformat(), "slot_start": slot.isoformat()})
        t = self.host.q.issue(b.service, ctx.now, language=a.language,
                                kind=TicketKind.APPOINTMENT, slot_start=b.slot_start,
                                booking_id=b.booking_id, issued_by=ctx.client)
        b.status = AppointmentStatus.CHECKED_IN
        b.ticket = t.number
        b.checked_in_at = b.status_at = ctx.now
        b.key_id = key_id  # None: checked in by booking code
        self._touch(b)
        return self._issued(t, ctx)

    def _already(self, what: str, ticket: str | None, at: datetime | None) -> ProtocolError:
        # The kiosk says "already checked in at 09:12 as A017": the time goes with it.
        local = at.astimezone(self.config.tz) if at is not None else None
        when = f" at {local:%H:%M}" if local is not None and local.date() == self.host.q.day \
            else f" on {local:%d.%m.%Y %H:%M}" if local is not None else ""
        return ProtocolError(ErrorCode.ALREADY_CHECKED_IN,
                             f"{what} was checked in{when} as {ticket}",
                             {"ticket": ticket,
                              "checked_in_at": local.isoformat() if local else None})

    def _pickup(self, tok: PickupToken, a: CheckIn, ctx: Context) -> Outcome:
        """A document pick-up code: one ticket for the site's pick-up service, once."""
        today = self.host.q.day
        if tok.site != self.site:
            raise ProtocolError(ErrorCode.WRONG_SITE,
                                f"the documents are at site {tok.site!r}; this is {self.site!r}",
                                {"site": tok.site})
        service = self.config.appointments.pickup_service
        if service is None:
            raise ProtocolError(ErrorCode.UNKNOWN_SERVICE,
                                "this site hands out no documents (no pickup_service)")
        if today < tok.ready_from:
            raise ProtocolError(ErrorCode.TOO_EARLY,
                                f"the documents can be collected from {tok.ready_from}",
                                {"from": tok.ready_from.isoformat()})
        if today > tok.until:
            raise ProtocolError(ErrorCode.TOO_LATE,
                                f"the documents could be collected until {tok.until}",
                                {"until": tok.until.isoformat()})
        used = next(((t.number, t.issued_at) for t in self.host.q.tickets.values()
                     if t.kind is TicketKind.PICKUP and t.booking_id == tok.pickup_id), None)
        if used is None:
            with self.host.store.connect() as conn:  # earlier days: a read beside the batch
                used = repo.pickup_ticket(conn, tok.pickup_id, today)
        if used is not None:
            raise self._already(f"pick-up code {tok.pickup_id}", *used)
        t = self.host.q.issue(service, ctx.now, language=a.language, kind=TicketKind.PICKUP,
                              booking_id=tok.pickup_id, issued_by=ctx.client)
        return self._issued(t, ctx)

    def _issued(self, t: Any, ctx: Context) -> Outcome:
        f = self.host.forecast(ctx.now)
        rng = self.host.eta_range(f.wait_min(t.number, ctx.now), t.service)
        eta = rng[1] if rng else None
        info = t.info(eta)
        ahead = self.host.ahead_of(f, t.number, t.service)
        return Outcome(
            IssueTicketResult(ticket=info, ahead=ahead, eta_min=eta,
                              eta_p10_min=rng[0] if rng else None,
                              eta_p90_min=rng[2] if rng else None),
            [("checked_in", TicketEvent(ticket=info, by=ctx.client))],
        )
