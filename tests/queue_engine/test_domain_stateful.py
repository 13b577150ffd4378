"""Random sequences of commands from several counters and kiosks against the site's queue:
whatever happens, the queue stays consistent and a refusal changes nothing."""

from __future__ import annotations

import copy
from datetime import timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from civiq.config import load_site
from civiq.protocol.errors import ProtocolError
from civiq.protocol.models import CounterStatus, TicketStatus
from queue_engine.domain import ACTIVE, SiteQueue
from tests.conftest import EXAMPLE_SITE, TUESDAY_9

CONFIG = load_site(EXAMPLE_SITE)
COUNTERS = [c.id for c in CONFIG.counters]
SERVICES = [s.id for s in CONFIG.services]
counters = st.sampled_from(COUNTERS)


class QueueMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.q = SiteQueue(CONFIG, TUESDAY_9.date())
        self.now = TUESDAY_9
        self.issued: list[str] = []

    def _do(self, fn, *args):
        """Run a command; if refused, nothing may have changed."""
        before = repr((self.q.tickets, self.q.counters, self.q.last_number, list(self.q.calls)))
        try:
            return fn(*args)
        except ProtocolError:
            after = repr((self.q.tickets, self.q.counters, self.q.last_number,
                          list(self.q.calls)))
            assert after == before, f"refused {fn.__name__}{args} changed the queue"
            return None

    def _number(self, data) -> str:
        return data.draw(st.sampled_from(self.issued or ["A001"]))

    @rule(minutes=st.integers(0, 20))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule(service=st.sampled_from(SERVICES), priority=st.sampled_from((0, 0, 0, 2)))
    def issue(self, service: str, priority: int) -> None:
        t = self._do(lambda: self.q.issue(service, self.now, priority=priority))
        if t is not None:
            assert t.number not in self.issued
            self.issued.append(t.number)

    @rule(c=counters, services=st.none() | st.lists(st.sampled_from(SERVICES), max_size=3))
    def open_counter(self, c: str, services) -> None:
        self._do(self.q.open_counter, c, "clerk", services, self.now)

    @rule(c=counters)
    def pause(self, c: str) -> None:
        self._do(self.q.pause_counter, c, "break", self.now)

    @rule(c=counters)
    def close(self, c: str) -> None:
        self._do(self.q.close_counter, c, self.now)

    @rule(c=counters)
    def call_next(self, c: str) -> None:
        res = self._do(self.q.call_next, c, self.now)
        if res is not None and res[1] is not None:
            assert res[1].counter == c and res[1].status is TicketStatus.CALLED

    @rule(c=counters, data=st.data())
    def call_ticket(self, c: str, data) -> None:
        self._do(self.q.call_ticket, c, self._number(data), self.now)

    @rule(c=counters, op=st.sampled_from(("recall", "start", "finish", "no_show", "park")))
    def counter_op(self, c: str, op: str) -> None:
        self._do(getattr(self.q, op), c, self.now)

    @rule(c=counters, to_service=st.none() | st.sampled_from(SERVICES),
          to_counter=st.none() | counters)
    def transfer(self, c: str, to_service, to_counter) -> None:
        self._do(self.q.transfer, c, to_service, to_counter, self.now)

    @rule(data=st.data())
    def cancel(self, data) -> None:
        self._do(self.q.cancel, self._number(data), self.now)

    @invariant()
    def consistent(self) -> None:
        q = self.q
        current = [c.current for c in q.counters.values() if c.current is not None]
        assert len(current) == len(set(current)), "one ticket at two counters"
        for c in q.counters.values():
            if c.current is not None:
                t = q.tickets[c.current]
                assert t.status in ACTIVE and t.counter == c.id
            if c.status is not CounterStatus.OPEN:  # closed or paused: serving nobody
                assert c.current is None
        for t in q.tickets.values():
            if t.status in ACTIVE:
                assert q.counters[t.counter].current == t.number, f"{t.number} is orphaned"
        assert sorted(q.tickets) == sorted(self.issued)
        waiting = {t.number for t in q.waiting_tickets()}
        assert waiting == {n for n, t in q.tickets.items() if t.status is TicketStatus.WAITING}
        assert q.served_today() == sum(
            1 for t in q.tickets.values() if t.status is TicketStatus.FINISHED)


QueueMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=30,
                                          deadline=None)
TestQueueMachine = QueueMachine.TestCase


def test_the_machine_can_copy_a_queue() -> None:
    # The refusal check compares reprs; make sure they show the state that matters.
    q = SiteQueue(CONFIG, TUESDAY_9.date())
    r = copy.deepcopy(q)
    q.issue("ausweis", TUESDAY_9)
    assert repr(q.tickets) != repr(r.tickets)
