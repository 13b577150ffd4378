"""events.seq as BIGINT: seq numbers start from wall-clock milliseconds, which overflow a
32-bit INTEGER (PostgreSQL refused every event). SQLite stores 64-bit integers anyway.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return  # INTEGER is 64-bit in SQLite; no table rebuild needed
    op.alter_column("events", "seq", type_=sa.BigInteger, existing_type=sa.Integer,
                    existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.alter_column("events", "seq", type_=sa.Integer, existing_type=sa.BigInteger,
                    existing_nullable=False)
