"""The Alembic migrations build exactly the schema the code declares, and the queries
that look across every stored day use an index."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Integer, event, select, text

from queue_engine.store import repository as repo
from queue_engine.store import schema
from queue_engine.store.repository import open_store


def _same_on_sqlite(context, inspected_column, metadata_column, inspected_type,
                    metadata_type) -> bool | None:
    # SQLite stores every integer alike: BIGINT reads back as INTEGER (migration 0003
    # widened events.seq for PostgreSQL).
    if isinstance(inspected_type, Integer) and isinstance(metadata_type, Integer):
        return False
    return None  # the default comparison


def test_a_migrated_database_is_the_declared_schema(tmp_path: Path) -> None:
    eng = open_store(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    with eng.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": _same_on_sqlite})
        diff = compare_metadata(context, schema.metadata)
    eng.dispose()
    assert diff == [], "schema.py and the migrations differ: add a migration"


def test_the_pick_up_check_uses_an_index(tmp_path: Path) -> None:
    eng = open_store(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    t = schema.tickets.c
    query = (select(t.number, t.issued_at)
             .where(t.kind == "pickup", t.booking_id == "PU-1", t.day < date(2026, 12, 1))
             .order_by(t.issued_at).limit(1))
    sql = str(query.compile(eng, compile_kwargs={"literal_binds": True}))
    with eng.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    eng.dispose()
    assert "USING INDEX ix_tickets_booking_id" in plan, plan



def test_an_old_booking_code_is_found_by_an_index(tmp_path: Path) -> None:
    eng = open_store(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    a = schema.appointments.c
    query = (select(a.day).where(a.code == "1234567890", a.day < date(2026, 12, 1))
             .order_by(a.day.desc()).limit(1))
    sql = str(query.compile(eng, compile_kwargs={"literal_binds": True}))
    with eng.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    eng.dispose()
    assert "USING INDEX ix_appointments_code" in plan, plan

def test_the_handling_history_at_engine_start_searches_its_days_only(tmp_path: Path) -> None:
    # At start the engine reads the past visits it learns handling times from: a search
    # of the HISTORY_DAYS days before today on the tickets' (day, number) key, not a scan
    # of every stored ticket (a year is ~500,000 rows).
    eng = open_store(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany) -> None:
        if "FROM tickets" in statement:
            seen.append((statement, parameters))

    with eng.connect() as conn:
        event.listen(eng, "before_cursor_execute", keep)
        repo.counter_times_before(conn, date(2026, 12, 1), 2000)
        event.remove(eng, "before_cursor_execute", keep)
        [(sql, params)] = seen
        plan = " ".join(str(r[-1]) for r in
                        conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
    eng.dispose()
    assert "SCAN tickets" not in plan, plan
    assert re.search(r"SEARCH tickets USING (COVERING )?INDEX \S+ \(day>\? AND day<\?\)",
                     plan), plan
