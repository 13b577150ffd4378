"""tickets.issued_by (the client that issued a ticket: a kiosk may cancel only its own),
and an index on requests.created_at (the retry window is pruned by it every day)

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Tickets stored before have no issuer: no kiosk may cancel them, staff still can.
    op.add_column("tickets", sa.Column("issued_by", sa.String(64)))
    op.create_index("ix_requests_created_at", "requests", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_requests_created_at", "requests")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("issued_by")
