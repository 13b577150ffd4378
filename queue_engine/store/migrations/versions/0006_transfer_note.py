"""tickets.note: a transfer's short note for the next clerk (erased when the ticket ends)

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tickets", sa.Column("note", sa.String(80)))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("note")
