"""tickets.booking_id indexed: a pick-up code's one-ticket check looks across all days

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_booking_id", "tickets", ["booking_id"])


def downgrade() -> None:
    op.drop_index("ix_tickets_booking_id", table_name="tickets")
