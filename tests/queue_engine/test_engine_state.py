"""The retained queue state stays readable however long the queue grows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from civiq.clock import ManualClock
from civiq.config import load_site
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import WAITING_LISTED, QueueState
from queue_engine.engine import QueueEngine
from queue_engine.store.repository import open_store
from tests.conftest import EXAMPLE_SITE, TUESDAY_9


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[QueueEngine]:
    config = load_site(EXAMPLE_SITE, data={"folder": str(tmp_path / "data")})
    store = open_store(config.database_url())
    yield QueueEngine(config, store, ManualClock(TUESDAY_9))
    store.dispose()


def test_a_very_long_queue_is_listed_in_part_and_counted_in_full(engine: QueueEngine) -> None:
    # A runaway kiosk while no counter is open: nothing stops the tickets.
    for i in range(2_500):
        engine.q.issue(("ausweis", "melde")[i % 2], TUESDAY_9)
    queue = next(o for o in engine.state_messages()
                 if o.topic == topics.state_queue(engine.site))
    # Every receiver refuses payloads of 256 KiB and more: the state must stay below.
    assert len(queue.payload) < env.MAX_PAYLOAD_BYTES // 2
    state = QueueState.model_validate(env.decode(queue.payload).data)
    assert len(state.waiting) == WAITING_LISTED
    assert state.waiting_unlisted == 2_500 - WAITING_LISTED
    assert sum(s.waiting for s in state.services) == 2_500
    assert state.waiting[0].number == "A001"  # the list starts where calling starts


def test_a_parked_ticket_stays_listed_behind_a_very_long_queue(engine: QueueEngine) -> None:
    engine.q.open_counter("platz-1", None, None, TUESDAY_9)
    first = engine.q.issue("ausweis", TUESDAY_9)
    engine.q.call_next("platz-1", TUESDAY_9)
    engine.q.park("platz-1", TUESDAY_9)  # the clerk sends A001 off to fetch a photo
    engine.q.close_counter("platz-1", TUESDAY_9)
    for _ in range(WAITING_LISTED + 50):
        engine.q.issue("ausweis", TUESDAY_9)
    state = engine.queue_state()
    assert [w.number for w in state.waiting if w.parked] == [first.number]
    assert len(state.waiting) == WAITING_LISTED + 1
    assert state.waiting_unlisted == 50
