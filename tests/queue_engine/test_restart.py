"""Numbers across a day change and a restart; retained state rebuilt from the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from civiq.config import SiteConfig
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient, RequestFailed
from tests.conftest import BERLIN
from tests.queue_engine.helpers import StateWatch, db_rows, wait_until

ClientFactory = Callable[[str, str], MqttClient]


def numbers(site_config: SiteConfig) -> list[tuple[str, str, str]]:
    return db_rows(site_config, "select day, number, status from tickets order by day, ord")


def test_numbers_restart_at_local_midnight_and_survive_a_restart(
        engine_factory, client_factory: ClientFactory, clock, watch: StateWatch,
        site_config: SiteConfig) -> None:
    first = engine_factory()
    kiosk = client_factory("kiosk", "kiosk-1")
    counter = client_factory("counter", "platz-1")
    counter.request("open_counter", {"counter": "platz-1"})
    assert [kiosk.request("issue_ticket", {"service": s})["ticket"]["number"]
            for s in ("ausweis", "ausweis", "melde")] == ["A001", "A002", "B001"]
    counter.request("call_next", {"counter": "platz-1"})

    # 00:30 in Hamburg is still the 24th in UTC: the site's day is what counts.
    clock.set(datetime(2026, 11, 25, 0, 30, tzinfo=BERLIN))
    q = watch.wait_queue(lambda q: q.day == "2026-11-25", what="the new day, unprompted")
    assert q.waiting == [] and q.issued_today == 0
    assert all(c.status == "closed" and c.current is None for c in q.counters)
    with pytest.raises(RequestFailed) as exc:
        kiosk.request("issue_ticket", {"service": "ausweis"})
    assert exc.value.code == "site_closed"

    clock.set(datetime(2026, 11, 25, 7, 5, tzinfo=BERLIN))
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"
    first.stop()

    engine_factory()  # the same SQLite file
    assert kiosk.request("issue_ticket", {"service": "ausweis"}, timeout=5)["ticket"][
        "number"] == "A002"
    assert kiosk.request("issue_ticket", {"service": "melde"})["ticket"]["number"] == "B001"
    # Yesterday is closed: its waiting tickets cancelled, the called one finished.
    assert numbers(site_config) == [
        ("2026-11-24", "A001", "finished"), ("2026-11-24", "A002", "cancelled"),
        ("2026-11-24", "B001", "cancelled"),
        ("2026-11-25", "A001", "waiting"), ("2026-11-25", "A002", "waiting"),
        ("2026-11-25", "B001", "waiting"),
    ]
    with pytest.raises(RequestFailed) as exc:
        counter.request("call_next", {"counter": "platz-1"})
    assert exc.value.code == "counter_not_open"  # a new day starts with counters closed


def test_a_restart_rebuilds_every_retained_state_from_the_database(
        engine_factory, client_factory: ClientFactory, clock, watch: StateWatch,
        site_config: SiteConfig, broker) -> None:
    first = engine_factory()
    kiosk = client_factory("kiosk", "kiosk-1")
    p1 = client_factory("counter", "platz-1")
    p2 = client_factory("counter", "platz-2")
    p1.request("open_counter", {"counter": "platz-1"})
    p2.request("open_counter", {"counter": "platz-2"})
    for s in ("ausweis", "melde", "ausweis", "abholung"):
        kiosk.request("issue_ticket", {"service": s})
        clock.advance(30)
    p1.request("call_next", {"counter": "platz-1"})
    p1.request("finish", {"counter": "platz-1"})
    p2.request("call_next", {"counter": "platz-2"})
    p2.request("recall", {"counter": "platz-2"})
    # a paused counter too (another one: a counter with a ticket does not pause)
    p3 = client_factory("counter", "platz-3")
    p3.request("open_counter", {"counter": "platz-3"})
    p3.request("pause_counter", {"counter": "platz-3", "reason": "back office"})
    before = watch.wait_queue(
        lambda q: len(q.waiting) == 2 and q.counters[1].current is not None
        and q.counters[2].status == "paused" and q.served_today == 1, what="the state")
    # Two tickets called, one of them recalled: each ticket once, the recall counted.
    wait_until(lambda: len(watch.model.snapshot.calls) == 2
               and watch.model.snapshot.calls[0].recall == 1, what="two calls")
    calls_before = [(c.number, c.counter, c.recall, c.at) for c in watch.model.snapshot.calls]
    wait_until(lambda: watch.last(topics.state_engine(site_config.site.id)) is not None,
               what="engine state")
    seq_queue = watch.last(topics.state_queue(site_config.site.id)).seq
    seq_calls = watch.last(topics.state_calls(site_config.site.id)).seq

    first.stop()
    wait_until(lambda: watch.model.snapshot.engine_online is False, what="engine offline")
    # Wipe what the broker retained: the restarted engine must rebuild it from its file.
    for t in (topics.state_queue, topics.state_calls):
        kiosk.publish(t(site_config.site.id), b"", retain=True)
    engine_factory()

    fresh = StateWatch(client_factory("display", "wall-2"), site_config.site.id)
    after = fresh.wait_queue(lambda q: True, what="rebuilt queue state")
    wait_until(lambda: fresh.model.snapshot.engine_online is True, what="engine online")
    wait_until(lambda: len(fresh.model.snapshot.calls) == 2, what="rebuilt calls")
    assert [(c.number, c.counter, c.recall, c.at)
            for c in fresh.model.snapshot.calls] == calls_before
    assert after.model_dump(exclude={"services"}) == before.model_dump(exclude={"services"})
    assert [(s.id, s.waiting, s.open_counters) for s in after.services] == [
        (s.id, s.waiting, s.open_counters) for s in before.services]
    assert fresh.last(topics.state_queue(site_config.site.id)).seq > seq_queue
    assert fresh.last(topics.state_calls(site_config.site.id)).seq > seq_calls
    # The old watcher keeps going too: the new seq numbers are newer than what it holds.
    p1.request("call_next", {"counter": "platz-1"})
    watch.wait_queue(lambda q: len(q.waiting) == 1, what="the old watcher to follow")
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A003"
    assert numbers(site_config)[-1] == ("2026-11-24", "A003", "waiting")


def test_an_engine_down_over_midnight_closes_yesterday_when_it_starts(
        engine_factory, client_factory: ClientFactory, clock, watch: StateWatch,
        site_config: SiteConfig) -> None:
    first = engine_factory()
    kiosk = client_factory("kiosk", "kiosk-1")
    counter = client_factory("counter", "platz-1")
    counter.request("open_counter", {"counter": "platz-1"})
    for s in ("ausweis", "ausweis", "melde"):
        kiosk.request("issue_ticket", {"service": s})
    counter.request("call_next", {"counter": "platz-1"})
    counter.request("start", {"counter": "platz-1"})
    first.stop()

    clock.set(datetime(2026, 11, 25, 7, 30, tzinfo=BERLIN))
    engine_factory()
    q = watch.wait_queue(lambda q: q.day == "2026-11-25", what="the new day")
    assert q.waiting == [] and all(c.status == "closed" for c in q.counters)
    # Yesterday ends as it would have with the engine running through midnight.
    assert db_rows(site_config, "select number, status, ended_at is not null from tickets "
                                "where day = '2026-11-24' order by ord") == [
        ("A001", "finished", 1), ("A002", "cancelled", 1), ("B001", "cancelled", 1)]
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"


def test_a_restart_remembers_the_breaks_already_taken(
        engine_factory, client_factory: ClientFactory, clock, watch: StateWatch) -> None:
    first = engine_factory()
    planner = client_factory("booking", "staff-planning")
    kiosk = client_factory("kiosk", "kiosk-1")
    counter = client_factory("counter", "platz-1")
    planner.request("set_roster", {"day": "2026-11-24", "counters": [
        {"counter": "platz-1", "shifts": ["08:00-18:00"],
         "breaks": ["09:00-09:10", "09:40-10:10"]}]})
    counter.request("open_counter", {"counter": "platz-1"})
    counter.request("pause_counter", {"counter": "platz-1", "reason": "break"})  # the first
    clock.advance(600)
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(4):
        kiosk.request("issue_ticket", {"service": "ausweis"})
    q = watch.wait_queue(lambda q: len(q.waiting) == 4, what="four waiting")
    before = [w.eta_min for w in q.waiting]
    # 09:10 free: A001 now, then every 12 minutes; A004 after the 09:40 break.
    assert before == [0, 12, 24, 66]
    first.stop()
    engine_factory()  # the same minute: the morning's first break is over, not due
    fresh = StateWatch(client_factory("display", "wall-2"), "hh-wandsbek")
    q = fresh.wait_queue(lambda q: len(q.waiting) == 4, what="the rebuilt queue")
    assert [w.eta_min for w in q.waiting] == before
