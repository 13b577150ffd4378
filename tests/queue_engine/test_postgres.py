"""Any SQLAlchemy URL: the same engine on a real PostgreSQL server, through a restart."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, text

from civiq.clock import ManualClock
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient, RequestFailed
from queue_engine.engine import QueueEngine
from queue_engine.messages import Inbound
from queue_engine.store.repository import open_store
from tests.conftest import TUESDAY_9


def test_the_engine_runs_on_postgresql_through_a_restart(
        engine_factory, postgres_url: str, client_factory: Callable[[str, str], MqttClient]
) -> None:
    first = engine_factory(database_url=postgres_url)
    kiosk = client_factory("kiosk", "kiosk-1")
    counter = client_factory("counter", "platz-1")
    counter.request("open_counter", {"counter": "platz-1"})
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"
    assert counter.request("call_next", {"counter": "platz-1"})["ticket"]["number"] == "A001"
    answer = kiosk.request("issue_ticket", {"service": "melde"}, request_id="k1-7")
    first.stop()

    engine_factory(database_url=postgres_url)
    assert kiosk.request("issue_ticket", {"service": "melde"}, request_id="k1-7",
                         timeout=5) == answer
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A002"
    assert counter.request("call_next", {"counter": "platz-1"})["ticket"]["number"] == "B001"
    db = create_engine(postgres_url)
    with db.connect() as conn:
        rows = conn.execute(text("select number, status from tickets order by ord")).all()
        kinds = conn.execute(text("select kind from events order by seq")).scalars().all()
    db.dispose()
    assert [tuple(r) for r in rows] == [("A001", "finished"), ("B001", "called"),
                                        ("A002", "waiting")]
    assert kinds[-2:] == ["finished", "called"]


def test_the_engine_survives_its_database_going_away_and_coming_back(
        engine_factory, postgres, client_factory: Callable[[str, str], MqttClient]) -> None:
    engine_factory(database_url=postgres.url)
    kiosk = client_factory("kiosk", "kiosk-1")
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"

    postgres.stop()
    # While the database is away a command cannot be done: a clear refusal, or no reply.
    with pytest.raises(RequestFailed) as exc:
        kiosk.request("issue_ticket", {"service": "ausweis"}, timeout=3, retries=0)
    assert exc.value.code in ("internal_error", "engine_unavailable")

    postgres.start()
    # Back: the engine answers again, and what it refused left no trace.
    again = kiosk.request("issue_ticket", {"service": "ausweis"}, timeout=3, retries=2)
    assert again["ticket"]["number"] == "A002"
    db = create_engine(postgres.url)
    with db.connect() as conn:
        rows = conn.execute(text("select number from tickets order by ord")).scalars().all()
    db.dispose()
    assert rows == ["A001", "A002"]


def test_seq_is_stored_by_the_batchs_own_transaction_on_postgresql(
        postgres_url: str, offline_config) -> None:
    """No second transaction inside the batch's (on PostgreSQL that would be a second
    connection waiting for the first): the batch stores its last seq itself, and a
    restart continues above everything published."""
    clock = ManualClock(TUESDAY_9)
    store = open_store(postgres_url)
    engine = QueueEngine(offline_config, store, clock, wall=clock)
    published: list[int] = []
    for i in range(3):
        body = {"v": 1, "site": offline_config.site.id, "seq": 0,
                "ts": clock.now().isoformat(), "ttl_s": 9, "type": "issue_ticket",
                "request_id": f"pg-{i}", "data": {"service": "ausweis"}}
        out = engine.handle_batch([Inbound(topics.command(offline_config.site.id, "kiosk",
                                                          "kiosk-1"),
                                           json.dumps(body).encode())])
        published += [json.loads(o.payload)["seq"] for o in out]
        with store.connect() as conn:
            stored = conn.execute(text("select value from meta where key = 'seq'")).scalar()
        assert int(stored) == max(published)
    published += [json.loads(o.payload)["seq"] for o in engine.state_messages()]
    store.dispose()

    store = open_store(postgres_url)
    again = QueueEngine(offline_config, store, clock, wall=clock)  # the clock stood still
    assert again.next_seq() > max(published)
    store.dispose()
