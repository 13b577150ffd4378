"""appointments: bookings imported from booking systems, their check-in and no-show

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from queue_engine.store.schema import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appointments",
        sa.Column("booking_id", sa.String(64), primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("service", sa.String(64), nullable=False),
        sa.Column("slot_start", UTCDateTime, nullable=False),
        sa.Column("slot_minutes", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ticket", sa.String(8)),
        sa.Column("checked_in_at", UTCDateTime),
        sa.Column("key_id", sa.String(32)),
        sa.Column("imported_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("status_at", UTCDateTime),
    )
    op.create_index("ix_appointments_day", "appointments", ["day"])


def downgrade() -> None:
    op.drop_index("ix_appointments_day", "appointments")
    op.drop_table("appointments")
