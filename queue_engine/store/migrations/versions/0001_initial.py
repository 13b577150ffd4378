"""initial schema: tickets, counters, numbers, requests, events, meta

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from queue_engine.store.schema import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("number", sa.String(8), primary_key=True),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("service", sa.String(64), nullable=False),
        sa.Column("issued_service", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("priority", sa.Integer, nullable=False),
        sa.Column("arrival", UTCDateTime, nullable=False),
        sa.Column("issued_at", UTCDateTime, nullable=False),
        sa.Column("counter", sa.String(64)),
        sa.Column("called_at", UTCDateTime),
        sa.Column("started_at", UTCDateTime),
        sa.Column("ended_at", UTCDateTime),
        sa.Column("recalls", sa.Integer, nullable=False),
        sa.Column("slot_start", UTCDateTime),
        sa.Column("language", sa.String(8)),
        sa.Column("booking_id", sa.String(64)),
    )
    op.create_table(
        "counters",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("pause_reason", sa.String(64)),
        sa.Column("clerk", sa.String(64)),
        sa.Column("services", sa.JSON, nullable=False),
        sa.Column("current", sa.String(8)),
        sa.Column("since", UTCDateTime),
    )
    op.create_table(
        "numbers",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("prefix", sa.String(1), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "requests",
        sa.Column("client", sa.String(64), primary_key=True),
        sa.Column("request_id", sa.String(128), primary_key=True),
        sa.Column("command", sa.String(64), nullable=False),
        sa.Column("reply", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("number", sa.String(8)),
        sa.Column("service", sa.String(64)),
        sa.Column("counter", sa.String(64)),
        sa.UniqueConstraint("seq", name="uq_events_seq"),
    )
    op.create_index("ix_events_day", "events", ["day"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for name in ("meta", "events", "requests", "numbers", "counters", "tickets"):
        op.drop_table(name)
