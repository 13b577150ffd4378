"""appointments.code indexed: a typed booking code not in memory is looked for among the
past days' bookings (answered wrong_day), without reading them all

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_appointments_code", "appointments", ["code"])


def downgrade() -> None:
    op.drop_index("ix_appointments_code", table_name="appointments")
