"""The site's retention policy, applied by the engine in bounded steps.

At start and at every day change the engine deletes what the site file's ``[retention]``
no longer keeps — tickets with their day's numbers, events, closed bookings — and the
replies past the retry window, and clears yesterday's clerk logins from the counters. It
does so a chunk of rows at a time, each in its own short transaction between batches, so
deleting a year of history on the first start after an upgrade never keeps a command
waiting for more than one chunk.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Connection

from civiq.config import Retention
from queue_engine.recent_requests import RETRY_WINDOW
from queue_engine.store import repository as repo

#: Rows deleted per step: a few milliseconds of SQLite work.
CHUNK = 500

#: What is tidied, in this order.
TABLES = ("clerks", "requests", "tickets", "numbers", "events", "appointments")


class RetentionPolicy:
    def __init__(self, settings: Retention) -> None:
        self.settings = settings
        self._todo: list[str] = []
        self._today: date | None = None
        self._now: datetime | None = None

    @property
    def pending(self) -> bool:
        return bool(self._todo)

    def start(self, today: date, now: datetime) -> None:
        """A new day (or a start): work through every table again."""
        self._today, self._now = today, now
        self._todo = list(TABLES)

    def step(self, conn: Connection, max_rows: int = CHUNK) -> int:
        """Delete at most ``max_rows`` rows of the next table with work left; how many."""
        if not self._todo:
            return 0
        assert self._today is not None and self._now is not None
        table = self._todo[0]
        s = self.settings
        if table == "clerks":
            done = repo.forget_clerks(conn, self._today)
            self._todo.pop(0)
            return done
        if table == "requests":
            done = repo.delete_requests_before(conn, self._now - RETRY_WINDOW, max_rows)
        else:
            days = {"tickets": s.tickets_days, "numbers": s.tickets_days,
                    "events": s.events_days, "appointments": s.appointments_days}[table]
            done = repo.delete_days_before(conn, table, self._today - timedelta(days=days),
                                           max_rows)
        if done < max_rows:
            self._todo.pop(0)
        return done
