"""The retention policy on a real SQLite file: what is kept for reports, what goes and
when, in steps that leave commands free to run in between."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from civiq.clock import ManualClock
from civiq.config import ConfigError, SiteConfig, load_site
from queue_engine.service import EngineService
from tests.conftest import EXAMPLE_SITE
from tests.queue_engine.helpers import db_rows, wait_until
from tests.queue_engine.test_long_running import MONDAY, Driver

SLOT = (MONDAY + timedelta(hours=1)).isoformat()


def counts(db: Path) -> dict[str, int]:
    return {t: db_rows(db, f"select count(*) from {t}")[0][0]
            for t in ("tickets", "numbers", "events", "requests", "appointments")}


def a_day_of_work(d: Driver, tickets: int = 3) -> None:
    """A counter with a clerk's login, tickets issued and served, a booking cancelled."""
    assert d.batch(("counter", "platz-1", "open_counter",
                    {"counter": "platz-1", "clerk": "k.meier"}))[0]["ok"]
    for _ in range(tickets):
        d.clock.advance(60)
        assert all(r["ok"] for r in d.batch(
            ("kiosk", "kiosk-1", "issue_ticket", {"service": "melde"}),
            ("counter", "platz-1", "call_next", {"counter": "platz-1"})))
    day = d.clock.now().date().isoformat()
    booking = f"BK-{day}"
    assert d.batch(("booking", "bs", "import_appointments", {"appointments": [
        {"booking_id": booking, "service": "fuehrerschein", "slot_minutes": 15,
         "slot_start": (d.clock.now() + timedelta(hours=1)).isoformat()}]}),
        ("booking", "bs", "cancel_appointment", {"booking_id": booking}))[1]["ok"]


def tidy_all(d: Driver) -> int:
    d.engine.roll_day_if_needed()
    steps = 0
    while d.engine.retention.pending:
        d.engine.tidy()
        steps += 1
    return steps


def site(tmp_path: Path, **retention: int) -> SiteConfig:
    return load_site(EXAMPLE_SITE, data={"folder": str(tmp_path / "data")},
                     retention=retention)


def test_history_is_kept_for_the_configured_days_then_deleted(tmp_path: Path) -> None:
    config = site(tmp_path)  # the defaults: 90 days of everything
    db = config.data_folder() / "queue.sqlite3"
    clock = ManualClock(MONDAY)
    d = Driver(config, clock)
    try:
        a_day_of_work(d)
        first = counts(db)
        assert first["tickets"] == 3 and first["events"] and first["appointments"] == 1

        # The next day: a clerk's login is kept for its day only; replies for two days.
        clock.set(MONDAY + timedelta(days=1))
        tidy_all(d)
        assert db_rows(db, "select clerk from counters") == [(None,)]
        assert counts(db) == first

        clock.set(MONDAY + timedelta(days=3))
        tidy_all(d)
        assert counts(db) == {**first, "requests": 0}  # past the retry window

        clock.set(MONDAY + timedelta(days=80, hours=1))  # a later day's work stays longer
        a_day_of_work(d, tickets=2)
        later = counts(db)

        clock.set(MONDAY + timedelta(days=91))  # day 1 is 91 days old: gone, all of it
        tidy_all(d)
        left = counts(db)
        assert left["tickets"] == 2 and left["numbers"] == 1 and left["appointments"] == 1
        assert 0 < left["events"] < later["events"]
        assert db_rows(db, "select distinct day from events") == [
            ((MONDAY + timedelta(days=80)).date().isoformat(),)]
    finally:
        d.store.dispose()


def test_each_site_sets_its_own_days(tmp_path: Path) -> None:
    config = site(tmp_path, tickets_days=7, events_days=2, appointments_days=30)
    db = config.data_folder() / "queue.sqlite3"
    clock = ManualClock(MONDAY)
    d = Driver(config, clock)
    try:
        a_day_of_work(d)
        clock.set(MONDAY + timedelta(days=3))
        tidy_all(d)
        assert counts(db)["events"] == 0 and counts(db)["tickets"] == 3
        clock.set(MONDAY + timedelta(days=8))
        tidy_all(d)
        assert counts(db) == {"tickets": 0, "numbers": 0, "events": 0, "requests": 0,
                              "appointments": 1}
    finally:
        d.store.dispose()
    with pytest.raises(ConfigError, match=r"retention\.tickets_days: .*greater than or equal "
                       r"to 1"):
        site(tmp_path, tickets_days=0)


def test_a_big_delete_goes_in_steps_and_commands_run_between(tmp_path: Path) -> None:
    config = site(tmp_path, tickets_days=1, events_days=1)
    db = config.data_folder() / "queue.sqlite3"
    clock = ManualClock(MONDAY)
    d = Driver(config, clock)
    try:
        a_day_of_work(d, tickets=120)
        clock.set(MONDAY + timedelta(days=2))
        d.engine.roll_day_if_needed()
        steps = 0
        while d.engine.retention.pending:
            assert d.engine.tidy(max_rows=50) <= 50
            steps += 1
            if steps == 2:  # a kiosk between two steps is served at once
                reply = d.batch(("kiosk", "kiosk-1", "issue_ticket", {"service": "melde"}))
                assert reply[0]["result"]["ticket"]["number"] == "B001"
        assert steps >= (120 + 240) // 50
        assert counts(db)["tickets"] == 1 and counts(db)["events"] == 1
    finally:
        d.store.dispose()


def test_the_running_engine_tidies_an_old_database_after_start(
        tmp_path: Path, site_config: SiteConfig,
        engine_factory: Callable[..., EngineService]) -> None:
    clock = ManualClock(MONDAY)
    d = Driver(site_config, clock)
    a_day_of_work(d, tickets=30)
    d.store.dispose()
    db = site_config.data_folder() / "queue.sqlite3"
    assert counts(db)["tickets"] == 30

    engine_factory(clock=ManualClock(MONDAY + timedelta(days=200)))
    wait_until(lambda: counts(db) == {"tickets": 0, "numbers": 0, "events": 0,
                                      "requests": 0, "appointments": 0},
               timeout=10, what="a year's old history deleted")
