"""A restarted engine begins the day with the site's own handling times from the days
before, not with the configured minutes: a site that restarts its server every night
estimates its first tickets as well as one that ran through."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from queue_engine.engine import QueueEngine
from queue_engine.store import repository as repo
from queue_engine.store.repository import open_store
from tests.conftest import EXAMPLE_SITE, TUESDAY_9

MONDAY_9 = TUESDAY_9 - timedelta(days=1)


def _config(tmp_path: Path) -> SiteConfig:
    return load_site(EXAMPLE_SITE, data={"folder": str(tmp_path / "data")})


def _monday_of_long_visits(config: SiteConfig, minutes: float, visits: int,
                           day_9: datetime = MONDAY_9) -> None:
    """Monday (or ``day_9``): one counter, every ausweis visit ``minutes`` long
    (configured: 12)."""
    store = open_store(config.database_url())
    engine = QueueEngine(config, store, ManualClock(day_9))
    q, now = engine.q, day_9
    q.open_counter("platz-3", None, None, now)
    for _ in range(visits):
        q.issue("ausweis", now)
        q.call_next("platz-3", now)
        now += timedelta(minutes=minutes)
        q.finish("platz-3", now)
    with store.begin() as conn:
        repo.flush(conn, q)
    store.dispose()


def _tuesday_wait(config: SiteConfig) -> float:
    """Tuesday 09:00 after a restart: one counter, three ausweis tickets waiting; what
    does the fourth hear?"""
    store = open_store(config.database_url())
    try:
        engine = QueueEngine(config, store, ManualClock(TUESDAY_9))
        engine.q.open_counter("platz-3", None, None, TUESDAY_9)
        for _ in range(3):
            engine.q.issue("ausweis", TUESDAY_9)
        raw, _, ahead = engine.walk_in_eta("ausweis", TUESDAY_9)
        assert ahead == 3
        assert raw is not None
        return raw
    finally:
        store.dispose()


def test_a_restarted_engine_estimates_with_yesterdays_handling_times(tmp_path: Path) -> None:
    fresh = _tuesday_wait(_config(tmp_path / "fresh"))
    assert fresh == 36.0  # 3 x the configured 12 minutes: nothing learned yet

    config = _config(tmp_path / "site")
    _monday_of_long_visits(config, minutes=20.0, visits=60)
    # Monday's 60 visits of 20 minutes fill the window; the prior (12, worth 5) is left.
    learned = (12 * 5 + 20 * 60) / (5 + 60)
    assert _tuesday_wait(config) == round(3 * learned, 1)


def test_only_the_last_visits_before_today_are_learned(tmp_path: Path) -> None:
    config = _config(tmp_path)
    _monday_of_long_visits(config, minutes=20.0, visits=5)
    store = open_store(config.database_url())
    try:
        with store.begin() as conn:
            rows = repo.counter_times_before(conn, TUESDAY_9.date(), limit=3)
            assert repo.counter_times_before(conn, MONDAY_9.date(), limit=10) == []
    finally:
        store.dispose()
    # The three that ended last, oldest first.
    assert [round((e - c).total_seconds() / 60) for _, c, e in rows] == [20, 20, 20]
    assert rows[0][2] < rows[1][2] < rows[2][2]
    assert rows[-1][2] == MONDAY_9 + timedelta(minutes=100)


def test_visits_older_than_the_history_days_are_not_learned(tmp_path: Path) -> None:
    # A site's server was off for a while (or a service was not offered): what its
    # clerks did more than HISTORY_DAYS ago no longer says how long a visit takes.
    assert repo.HISTORY_DAYS == 60
    old = _config(tmp_path / "old")
    _monday_of_long_visits(old, minutes=20.0, visits=60,
                           day_9=TUESDAY_9 - timedelta(days=repo.HISTORY_DAYS + 1))
    assert _tuesday_wait(old) == 36.0  # the configured 12 minutes, as on a first day

    recent = _config(tmp_path / "recent")
    _monday_of_long_visits(recent, minutes=20.0, visits=60,
                           day_9=TUESDAY_9 - timedelta(days=repo.HISTORY_DAYS))
    learned = (12 * 5 + 20 * 60) / (5 + 60)
    assert _tuesday_wait(recent) == round(3 * learned, 1)
