"""An engine that runs for weeks: memory levels off once the retry window has passed,
and a retry inside the window still gets its first reply."""

from __future__ import annotations

import gc
import json
import tracemalloc
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path

from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from queue_engine.engine import QueueEngine
from queue_engine.messages import Inbound
from queue_engine.store.repository import open_store
from tests.conftest import BERLIN, EXAMPLE_SITE
from tests.queue_engine.helpers import command_payload, db_rows

SITE = "hh-wandsbek"
#: Monday 23 Nov 2026, 09:30: the example site is open then on every day but Sunday.
MONDAY = datetime(2026, 11, 23, 9, 30, tzinfo=BERLIN)
#: Ten working days (no Sunday): days 5 and 10 follow the same kind of days.
WORKING_DAYS = [MONDAY + timedelta(days=i) for i in range(11) if i != 6]


class Driver:
    """Clients as they really are: every command a fresh request id."""

    def __init__(self, config: SiteConfig, clock: ManualClock) -> None:
        self.clock = clock
        self.store = open_store(config.database_url())
        self.engine = QueueEngine(config, self.store, clock)
        self.ids = count(1)
        self.first: tuple[str, str, str, bytes] | None = None
        self.last: tuple[str, str, str, bytes] | None = None

    def batch(self, *cmds: tuple[str, str, str, dict]) -> list[dict]:
        msgs = []
        for role, client, command, data in cmds:
            rid = f"r{next(self.ids)}"
            payload = command_payload(SITE, command, data, request_id=rid)
            self.last = (role, client, rid, payload)
            self.first = self.first or self.last
            msgs.append(Inbound(f"civiq/v1/{SITE}/cmd/{role}/{client}", payload))
        out = self.engine.handle_batch(msgs)
        self.engine.tidy()  # as the service's worker does after every turn
        return [json.loads(o.payload)["data"] for o in out if "/reply/" in o.topic]

    def resend(self, role: str, client: str, payload: bytes) -> dict:
        out = self.engine.handle_batch([Inbound(f"civiq/v1/{SITE}/cmd/{role}/{client}",
                                                payload)])
        return next(json.loads(o.payload)["data"] for o in out if "/reply/" in o.topic)

    def day(self, start: datetime, tickets: int) -> None:
        """A working day: a counter opens, tickets are issued and called, it closes."""
        self.clock.set(start)
        assert self.batch(("counter", "platz-1", "open_counter", {"counter": "platz-1"}))[0]["ok"]
        for _ in range(tickets):
            self.clock.advance(60)
            replies = self.batch(("kiosk", "kiosk-1", "issue_ticket", {"service": "melde"}),
                                 ("counter", "platz-1", "call_next", {"counter": "platz-1"}))
            assert all(r["ok"] for r in replies), replies
        assert self.batch(("counter", "platz-1", "finish", {"counter": "platz-1"}),
                          ("counter", "platz-1", "close_counter", {"counter": "platz-1"}))


def sizes(e: QueueEngine) -> dict[str, int]:
    """Every structure of the engine that could grow with the days it runs."""
    return {
        "request keys": len(e.requests),
        "tickets in memory": len(e.q.tickets),
        "bookings in memory": len(e.appointments.bookings),
        "calls": len(e.q.calls),
        "arrivals learned": sum(len(q) for q in e.handling._issued.values()),
    }


def engine_memory() -> int:
    """Bytes allocated and still held, leaving out this test's own and pydantic's
    fixed-size cache of parsed strings (16,384 entries, whatever runs)."""
    gc.collect()
    snap = tracemalloc.take_snapshot().filter_traces([
        tracemalloc.Filter(False, "*/pydantic/*"),
        tracemalloc.Filter(False, "*/pydantic_core/*"),
        tracemalloc.Filter(False, __file__),
        tracemalloc.Filter(False, "*/tests/queue_engine/helpers.py"),
        tracemalloc.Filter(False, tracemalloc.__file__),
    ])
    return sum(s.size for s in snap.statistics("filename"))


def test_memory_levels_off_after_the_retry_window(tmp_path: Path) -> None:
    config = load_site(EXAMPLE_SITE, data={"folder": str(tmp_path / "data")})
    clock = ManualClock(MONDAY)
    d = Driver(config, clock)
    per_day = 120  # 2 commands per ticket and 3 more: 243 fresh request ids a day
    tracemalloc.start()
    try:
        memory: list[int] = []
        seen: list[dict[str, int]] = []
        for start in WORKING_DAYS:
            d.day(start, per_day)
            memory.append(engine_memory())
            seen.append(sizes(d.engine))
    finally:
        tracemalloc.stop()
        d.store.dispose()
    keys = [s["request keys"] for s in seen]
    a_day = 2 * per_day + 3
    # The window is two days: at most the keys of the last two days and today.
    assert max(keys) <= 3 * a_day, keys
    assert keys[-1] == keys[4], keys  # level: the same work a day, the same keys held
    assert seen[-1]["tickets in memory"] <= per_day
    assert seen[-1]["arrivals learned"] <= per_day
    # Stored replies are kept for the same window.
    stored = db_rows(tmp_path / "data" / "queue.sqlite3", "select count(*) from requests")[0][0]
    assert stored <= 3 * a_day, stored
    # From day 5 to day 10 memory stays flat; before the fix it grew by about 150 KB a
    # day here (every request key and reply kept).
    growth = memory[-1] - memory[4]
    assert growth < 100_000, (memory, seen)


def test_a_retry_within_the_window_gets_its_first_reply(tmp_path: Path) -> None:
    config = load_site(EXAMPLE_SITE, data={"folder": str(tmp_path / "data")})
    clock = ManualClock(MONDAY)
    d = Driver(config, clock)
    try:
        first = d.batch(("kiosk", "kiosk-1", "issue_ticket", {"service": "melde"}))[0]
        role, client, _, payload = d.last
        clock.advance(25 * 3600)  # the next day, after a day change
        assert d.resend(role, client, payload) == first
        # No second ticket: the retry changed nothing.
        assert d.batch(("kiosk", "kiosk-1", "issue_ticket", {"service": "melde"}))[0][
            "result"]["ticket"]["number"] == "B001"  # today's first, not a second of two
        clock.advance(24 * 3600)  # past the window: the first request is forgotten
        d.batch(("kiosk", "kiosk-1", "issue_ticket", {"service": "melde"}))
        assert (client, d.first[2]) not in d.engine.requests
        assert len(d.engine.requests) == 2
    finally:
        d.store.dispose()
