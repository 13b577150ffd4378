"""Database tables (SQLAlchemy Core). Changes go through an Alembic migration."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


class UTCDateTime(TypeDecorator):
    """Stores UTC without an offset (SQLite has none) and gives back aware datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


metadata = MetaData()

tickets = Table(
    "tickets",
    metadata,
    Column("day", Date, primary_key=True),
    Column("number", String(8), primary_key=True),
    Column("ord", Integer, nullable=False),
    Column("service", String(64), nullable=False),
    Column("issued_service", String(64)),
    Column("status", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("priority", Integer, nullable=False, default=0),
    Column("arrival", UTCDateTime, nullable=False),
    Column("issued_at", UTCDateTime, nullable=False),
    Column("counter", String(64)),
    Column("called_at", UTCDateTime),
    Column("started_at", UTCDateTime),
    Column("ended_at", UTCDateTime),
    Column("recalls", Integer, nullable=False, default=0),
    Column("slot_start", UTCDateTime),
    Column("language", String(8)),
    Column("booking_id", String(64)),
    # The client that issued it (a kiosk's id; no person): only it may cancel as a kiosk.
    Column("issued_by", String(64)),
    # The visitor asked for assistance: an accessible counter calls it.
    Column("assistance", Boolean, nullable=False, default=False),
    # The last transfer's note for the next clerk; erased when the ticket ends.
    Column("note", String(80)),
    # A pick-up code gives one ticket ever: its check looks across all stored days.
    Index("ix_tickets_booking_id", "booking_id"),
)

counters = Table(
    "counters",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("day", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("pause_reason", String(64)),
    Column("clerk", String(64)),
    Column("services", JSON, nullable=False),
    Column("current", String(8)),
    Column("since", UTCDateTime),
)

numbers = Table(
    "numbers",
    metadata,
    Column("day", Date, primary_key=True),
    Column("prefix", String(1), primary_key=True),
    Column("last", Integer, nullable=False),
)

requests = Table(
    "requests",
    metadata,
    Column("client", String(64), primary_key=True),
    Column("request_id", String(128), primary_key=True),
    Column("command", String(64), nullable=False),
    Column("reply", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False, index=True),
)

events = Table(
    "events",
    metadata,
    # seq starts from wall-clock milliseconds (~1.8e12): beyond a 32-bit INTEGER.
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("day", Date, nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("number", String(8)),
    Column("service", String(64)),
    Column("counter", String(64)),
    UniqueConstraint("seq", name="uq_events_seq"),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

appointments = Table(
    "appointments",
    metadata,
    Column("booking_id", String(64), primary_key=True),
    Column("day", Date, nullable=False, index=True),
    Column("service", String(64), nullable=False),
    Column("slot_start", UTCDateTime, nullable=False),
    Column("slot_minutes", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("ticket", String(8)),
    Column("checked_in_at", UTCDateTime),
    Column("key_id", String(32)),
    Column("imported_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("status_at", UTCDateTime),
    Column("code", String(10)),
    # A typed code not in memory is looked for among past days' bookings.
    Index("ix_appointments_code", "code"),
)
