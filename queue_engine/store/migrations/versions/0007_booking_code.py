"""appointments.code: the booking code typed on the kiosk's keypad instead of a scan

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("appointments", sa.Column("code", sa.String(10)))


def downgrade() -> None:
    with op.batch_alter_table("appointments") as batch:
        batch.drop_column("code")
