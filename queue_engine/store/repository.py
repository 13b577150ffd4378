"""Reading and writing the site's queue. All writes of a batch share one transaction."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command as alembic_command
from alembic.config import Config as AlembicConfig
from sqlalchemy import (
    Connection,
    Engine,
    Row,
    Table,
    create_engine,
    delete,
    event,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.engine import make_url

from civiq.config import SiteConfig
from civiq.protocol.appointments import AppointmentStatus
from civiq.protocol.models import Call, CounterStatus
from queue_engine.bookings import Appointment
from queue_engine.domain import SiteQueue, Ticket
from queue_engine.store import records, schema

MIGRATIONS = Path(__file__).parent / "migrations"
#: How far back a starting engine looks for past visits to learn handling times from.
#: Enough for 2,000 visits (engine.HISTORY_VISITS) at any real site, and the bound lets the
#: query search the tickets' (day, number) primary key for those days alone instead of
#: reading and sorting every stored ticket (a year is ~500,000 rows).
HISTORY_DAYS = 60


def open_store(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL and synchronous=FULL so a commit is durable."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        eng = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(eng, "connect")
        def _pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

    else:
        eng = create_engine(url, pool_pre_ping=True)
    migrate(eng)
    return eng


def safe_url(url: str) -> str:
    """The URL as it may be shown and logged: any password as ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<a database URL that cannot be parsed>"


def migrate(eng: Engine) -> None:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with eng.begin() as conn:
        cfg.attributes["connection"] = conn
        alembic_command.upgrade(cfg, "head")


#: Compiled once per (dialect, table, keys, columns): building an upsert per row cost
#: SQLAlchemy more time than SQLite took to execute it (see bench/engine_throughput.py).
_UPSERTS: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], Any] = {}


def _upsert(conn: Connection, table: Table, row: dict[str, Any], keys: tuple[str, ...]) -> None:
    _upsert_many(conn, table, [row], keys)


def _upsert_many(conn: Connection, table: Table, rows: list[dict[str, Any]],
                 keys: tuple[str, ...]) -> None:
    """Insert or update ``rows`` (all with the same columns) in one executemany."""
    if not rows:
        return
    name = conn.dialect.name
    if name in ("sqlite", "postgresql"):
        cols = tuple(rows[0])
        cache_key = (name, table.name, keys, cols)
        stmt = _UPSERTS.get(cache_key)
        if stmt is None:
            if name == "sqlite":
                from sqlalchemy.dialects.sqlite import insert
            else:
                from sqlalchemy.dialects.postgresql import insert
            ins = insert(table)
            stmt = ins.on_conflict_do_update(
                index_elements=list(keys),
                set_={k: ins.excluded[k] for k in cols if k not in keys},
            )
            _UPSERTS[cache_key] = stmt
        conn.execute(stmt, rows)
        return
    for row in rows:
        where = [table.c[k] == row[k] for k in keys]
        if conn.execute(update(table).where(*where).values(**row)).rowcount == 0:
            conn.execute(table.insert().values(**row))


#: Ticket attributes whose column is named otherwise (``order`` is an SQL keyword).
TICKET_COLUMNS = {"order": "ord"}


def _ticket_row(t: Ticket) -> dict[str, Any]:
    return records.to_row(t, TICKET_COLUMNS)


def flush(conn: Connection, q: SiteQueue) -> None:
    """Write what changed in memory since the last flush."""
    _upsert_many(conn, schema.tickets,
                 [_ticket_row(q.tickets[n]) for n in sorted(q.dirty_tickets)], ("day", "number"))
    _upsert_many(conn, schema.counters, [{
        "id": c.id, "day": q.day, "status": c.status.value,
        "pause_reason": c.pause_reason, "clerk": c.clerk, "services": c.services,
        "current": c.current, "since": c.since,
    } for c in (q.counters[cid] for cid in sorted(q.dirty_counters))], ("id",))
    _upsert_many(conn, schema.numbers,
                 [{"day": q.day, "prefix": p, "last": q.last_number[p]}
                  for p in sorted(q.dirty_numbers)], ("day", "prefix"))
    q.dirty_tickets.clear()
    q.dirty_counters.clear()
    q.dirty_numbers.clear()


def load_day(conn: Connection, config: SiteConfig, day: date) -> SiteQueue:
    q = SiteQueue(config, day)
    for r in conn.execute(select(schema.tickets).where(schema.tickets.c.day == day)).mappings():
        q.load_ticket(records.from_row(Ticket, r, TICKET_COLUMNS))
    for r in conn.execute(select(schema.numbers).where(schema.numbers.c.day == day)).mappings():
        q.last_number[r["prefix"]] = r["last"]
    for r in conn.execute(select(schema.counters)).mappings():
        c = q.counters.get(r["id"])
        if c is None:
            continue
        if r["day"] != day:
            # A new day starts with every counter closed; one left open closed with it.
            c.left_open = r["status"] != CounterStatus.CLOSED.value
            continue
        c.status = CounterStatus(r["status"])
        c.pause_reason = r["pause_reason"]
        c.clerk = r["clerk"]
        c.services = list(r["services"])
        c.current = r["current"]
        c.since = r["since"]
    _rebuild_calls(conn, q)
    return q


def _rebuild_calls(conn: Connection, q: SiteQueue) -> None:
    """The recent calls exactly as displays saw them: replayed from the day's called and
    recalled events (a recall is a call of its own). Tickets are the fallback for days
    stored without events."""
    ev = schema.events.c
    rows = conn.execute(
        select(ev.kind, ev.number, ev.service, ev.counter, ev.at)
        .where(ev.day == q.day, ev.kind.in_(("called", "recalled")))
        .order_by(ev.seq)
    ).all()
    recalls: dict[str, int] = {}
    for kind, number, service, counter, at in rows:
        c = q.counters.get(counter) if counter else None
        if c is None or number is None:
            continue
        recalls[number] = recalls.get(number, 0) + 1 if kind == "recalled" else 0
        t = q.tickets.get(number)
        q.remember_call(Call(number=number, service=service, counter=counter,
                             counter_name=c.name, at=at, recall=recalls[number],
                             assistance=t.assistance if t else False))
    if rows:
        return
    called = sorted(
        (t for t in q.tickets.values() if t.called_at is not None and t.counter in q.counters),
        key=lambda t: t.called_at,
    )
    for t in called[-(q.calls.maxlen or 0):]:
        q.remember_call(Call(
            number=t.number, service=t.service, counter=t.counter,
            counter_name=q.counters[t.counter].name, at=t.called_at, recall=t.recalls,
            assistance=t.assistance,
        ))


def close_days_before(conn: Connection, day: date, now: datetime) -> None:
    """Tickets of earlier days still open, because the engine was down at midnight, end as
    the day change ends them while it runs: waiting and parked ones cancelled, called and
    serving ones finished."""
    t = schema.tickets.c
    for statuses, to in ((("waiting", "parked"), "cancelled"), (("called", "serving"), "finished")):
        conn.execute(update(schema.tickets).where(t.day < day, t.status.in_(statuses))
                     .values(status=to, ended_at=now))


def get_reply(conn: Connection, client: str, request_id: str) -> str | None:
    return conn.execute(
        select(schema.requests.c.reply).where(
            schema.requests.c.client == client, schema.requests.c.request_id == request_id
        )
    ).scalar_one_or_none()


def answered_requests(conn: Connection, since: datetime) -> list[tuple[str, str, datetime]]:
    """(client, request_id, answered at) of the replies stored since ``since``, oldest
    first: lets the engine skip a lookup per command, asking the database only for ids
    it has really answered before."""
    r = schema.requests.c
    rows = conn.execute(select(r.client, r.request_id, r.created_at)
                        .where(r.created_at >= since).order_by(r.created_at))
    return [(row[0], row[1], row[2]) for row in rows]


_INSERT_REQUESTS = schema.requests.insert()
_INSERT_EVENTS = schema.events.insert()


def save_replies(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(_INSERT_REQUESTS, rows)


def save_events(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(_INSERT_EVENTS, rows)


def _delete_chunk(conn: Connection, table: Table, keys: tuple[str, ...], where: Any,
                  limit: int) -> int:
    """Delete at most ``limit`` rows matching ``where``, by primary key (SQLite and
    PostgreSQL both take a row value IN a subquery with LIMIT)."""
    cols = [table.c[k] for k in keys]
    chosen = select(*cols).where(where).limit(limit)
    match = cols[0].in_(chosen) if len(cols) == 1 else tuple_(*cols).in_(chosen)
    return conn.execute(delete(table).where(match)).rowcount


#: Tables kept by day, with their primary keys, for the retention policy.
_BY_DAY: dict[str, tuple[Table, tuple[str, ...]]] = {
    "tickets": (schema.tickets, ("day", "number")),
    "numbers": (schema.numbers, ("day", "prefix")),
    "events": (schema.events, ("seq",)),
    "appointments": (schema.appointments, ("booking_id",)),
}


def delete_days_before(conn: Connection, table_name: str, before: date, limit: int) -> int:
    """Delete at most ``limit`` rows of days before ``before``. Bookings still open stay:
    the engine holds them until they are checked in or become no-shows."""
    table, keys = _BY_DAY[table_name]
    where = table.c.day < before
    if table is schema.appointments:
        where = where & (table.c.status != "booked")
    return _delete_chunk(conn, table, keys, where, limit)


def delete_requests_before(conn: Connection, before: datetime, limit: int) -> int:
    r = schema.requests
    return _delete_chunk(conn, r, ("client", "request_id"), r.c.created_at < before, limit)


def forget_clerks(conn: Connection, today: date) -> int:
    """A clerk's login is kept for its day only: counters of earlier days forget it."""
    c = schema.counters.c
    return conn.execute(update(schema.counters).where(c.day < today, c.clerk.is_not(None))
                        .values(clerk=None)).rowcount


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(
        select(schema.meta.c.value).where(schema.meta.c.key == key)
    ).scalar_one_or_none()


def set_meta(conn: Connection, key: str, value: str) -> None:
    _upsert(conn, schema.meta, {"key": key, "value": value}, ("key",))


def dumps(obj: Any) -> str:
    return json.dumps(obj, separators=(",", ":"), default=str)


def utcnow() -> datetime:
    return datetime.now(UTC)


# ----- bookings -------------------------------------------------------------------------
def load_bookings(conn: Connection, today: date) -> dict[str, Appointment]:
    """Every booking from today on, and older ones still ``booked`` (so a no-show is
    recorded even after the engine was down)."""
    t = schema.appointments
    rows = conn.execute(select(t).where(
        or_(t.c.day >= today, t.c.status == AppointmentStatus.BOOKED.value)
    )).mappings()
    return {r["booking_id"]: records.from_row(Appointment, r) for r in rows}


def bookings_on(conn: Connection, day: date) -> list[Appointment]:
    t = schema.appointments
    return [records.from_row(Appointment, r)
            for r in conn.execute(select(t).where(t.c.day == day)).mappings()]


def save_bookings(conn: Connection, bookings: list[Appointment]) -> None:
    _upsert_many(conn, schema.appointments, [records.to_row(a) for a in bookings],
                 ("booking_id",))


def booking_day_by_code(conn: Connection, code: str, before: date) -> date | None:
    """The day of the latest booking before the day ``before`` that has this booking code
    (those are no longer in memory), or None. Read only for a code found nowhere else,
    which the attempt limit keeps rare (queue_engine.code_attempts)."""
    t = schema.appointments.c
    row = conn.execute(select(t.day).where(t.code == code, t.day < before)
                       .order_by(t.day.desc()).limit(1)).first()
    return row.day if row else None


def pickup_ticket(conn: Connection, pickup_id: str, before: date
                  ) -> tuple[str, datetime] | None:
    """(number, issued at) of the ticket a pick-up code gave on a day before ``before``
    (the day's tickets are in memory), or None: each code gives one ticket only."""
    t = schema.tickets.c
    row = conn.execute(
        select(t.number, t.issued_at)
        .where(t.kind == "pickup", t.booking_id == pickup_id, t.day < before)
        .order_by(t.issued_at).limit(1)).first()
    return (row.number, row.issued_at) if row else None


def counter_times_before(conn: Connection, before: date, limit: int) -> list[Row[Any]]:
    """(service, called_at, ended_at) of the ``limit`` visits that ended last in the
    :data:`HISTORY_DAYS` days before the day ``before`` (finished or no-show), oldest
    first: what a restarted engine learns its handling times from until today's visits
    replace them. Older visits are not read. Each row reads like an ended ticket
    (``HandlingTimes.ticket_ended``)."""
    t = schema.tickets.c
    rows = conn.execute(
        select(t.service, t.called_at, t.ended_at)
        .where(t.day >= before - timedelta(days=HISTORY_DAYS), t.day < before,
               t.status.in_(("finished", "no_show")),
               t.called_at.is_not(None), t.ended_at.is_not(None))
        .order_by(t.ended_at.desc()).limit(limit)).all()
    return rows[::-1]


def calls_on(conn: Connection, days: list[date]) -> list[tuple[date, datetime, str]]:
    """(day, time, counter) of every ``called`` event on ``days``: when each counter was
    staffed, for learning its usual hours."""
    ev = schema.events.c
    return [tuple(r) for r in conn.execute(select(ev.day, ev.at, ev.counter).where(
        ev.kind == "called", ev.day.in_(days), ev.counter.is_not(None)))]
