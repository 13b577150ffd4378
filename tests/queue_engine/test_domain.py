"""The site's queue in memory: numbering and every ticket and counter transition, and
that a refused command leaves no trace."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from civiq.config import SiteConfig
from civiq.protocol.errors import ErrorCode, ProtocolError
from civiq.protocol.models import CounterStatus, TicketStatus
from queue_engine.domain import SiteQueue
from tests.conftest import TUESDAY_9

T0 = TUESDAY_9


@pytest.fixture
def q(offline_config: SiteConfig) -> SiteQueue:
    return SiteQueue(offline_config, T0.date())


def refused(code: ErrorCode, q: SiteQueue, fn, *args):
    """Run a command that must be refused with ``code`` and change nothing."""
    before = (copy.deepcopy(q.tickets), copy.deepcopy(q.counters), dict(q.last_number),
              list(q.calls), set(q.dirty_tickets), set(q.dirty_counters))
    with pytest.raises(ProtocolError) as exc:
        fn(*args)
    assert exc.value.code is code, exc.value
    after = (q.tickets, q.counters, q.last_number, list(q.calls), q.dirty_tickets,
             q.dirty_counters)
    assert repr(after) == repr(before), "a refused command changed the queue"
    return exc.value


def test_numbers_run_per_service_prefix(q: SiteQueue) -> None:
    got = [q.issue(s, T0).number for s in ("ausweis", "ausweis", "melde", "abholung", "ausweis")]
    assert got == ["A001", "A002", "B001", "D001", "A003"]


def test_numbers_get_a_fourth_digit_after_999(q: SiteQueue) -> None:
    q.last_number["A"] = 998
    assert [q.issue("ausweis", T0).number for _ in range(2)] == ["A999", "A1000"]


def test_numbers_end_at_9999_and_a_refusal_changes_nothing(q: SiteQueue) -> None:
    q.last_number["A"] = 9998
    assert q.issue("ausweis", T0).number == "A9999"
    q.dirty_numbers.clear()
    e = refused(ErrorCode.TICKET_STOP, q, q.issue, "ausweis", T0)
    assert e.details["until"].startswith("2026-11-25T07:00")
    refused(ErrorCode.TICKET_STOP, q, q.issue, "ausweis", T0)  # and stays refused
    assert q.last_number["A"] == 9999 and not q.dirty_numbers
    assert q.issue("melde", T0).number == "B001"


def test_unknown_and_appointment_only_services_are_refused(q: SiteQueue) -> None:
    refused(ErrorCode.UNKNOWN_SERVICE, q, q.issue, "nope", T0)
    refused(ErrorCode.WALK_IN_NOT_ALLOWED, q, q.issue, "fuehrerschein", T0)
    assert q.last_number == {}


def test_whole_lifecycle_called_recalled_serving_finished(q: SiteQueue) -> None:
    q.open_counter("platz-1", "clerk-a", None, T0)
    a = q.issue("ausweis", T0)
    finished, t = q.call_next("platz-1", T0 + timedelta(minutes=1))
    assert finished is None and t is a
    assert (t.status, t.counter, q.counters["platz-1"].current) == (
        TicketStatus.CALLED, "platz-1", "A001")
    assert q.calls[0].number == "A001" and q.calls[0].recall == 0
    q.recall("platz-1", T0 + timedelta(minutes=2))
    # The recall replaces the ticket's entry: the list holds each ticket once.
    assert a.recalls == 1 and q.calls[0].recall == 1 and len(q.calls) == 1
    q.start("platz-1", T0 + timedelta(minutes=3))
    assert a.status is TicketStatus.SERVING
    refused(ErrorCode.INVALID_TRANSITION, q, q.recall, "platz-1", T0)
    refused(ErrorCode.INVALID_TRANSITION, q, q.no_show, "platz-1", T0)
    done = q.finish("platz-1", T0 + timedelta(minutes=10))
    assert done is a and a.status is TicketStatus.FINISHED and a.ended_at is not None
    assert q.counters["platz-1"].current is None
    refused(ErrorCode.NO_CURRENT_TICKET, q, q.finish, "platz-1", T0)


def test_call_next_finishes_the_current_ticket_first(q: SiteQueue) -> None:
    q.open_counter("platz-1", None, None, T0)
    a, b = q.issue("ausweis", T0), q.issue("melde", T0)
    q.call_next("platz-1", T0)
    finished, t = q.call_next("platz-1", T0 + timedelta(minutes=5))
    assert finished is a and a.status is TicketStatus.FINISHED and t is b
    finished, t = q.call_next("platz-1", T0 + timedelta(minutes=9))
    assert finished is b and t is None


def test_no_show(q: SiteQueue) -> None:
    q.open_counter("platz-1", None, None, T0)
    a = q.issue("ausweis", T0)
    q.call_next("platz-1", T0)
    assert q.no_show("platz-1", T0 + timedelta(minutes=3)) is a
    assert a.status is TicketStatus.NO_SHOW and q.counters["platz-1"].current is None


def test_transfer_to_another_service_keeps_the_arrival(q: SiteQueue) -> None:
    q.open_counter("platz-1", None, None, T0)
    q.open_counter("platz-4", None, None, T0)
    a = q.issue("ausweis", T0)
    q.call_next("platz-1", T0 + timedelta(minutes=5))
    q.issue("melde", T0 + timedelta(minutes=6))  # B001 came later
    t, was = q.transfer("platz-1", "melde", None, T0 + timedelta(minutes=8))
    assert (t.status, t.service, was, t.arrival, t.number) == (
        TicketStatus.WAITING, "melde", "ausweis", T0, "A001")
    # platz-4 serves melde only: it gets A001 first, by its original arrival.
    _, nxt = q.call_next("platz-4", T0 + timedelta(minutes=9))
    assert nxt is a


def test_transfer_to_a_counter_reserves_the_ticket(q: SiteQueue) -> None:
    for c in ("platz-1", "platz-2", "platz-5"):
        q.open_counter(c, None, None, T0)
    a = q.issue("ausweis", T0)
    q.issue("ausweis", T0 + timedelta(minutes=1))
    q.call_next("platz-1", T0 + timedelta(minutes=2))
    q.transfer("platz-1", None, "platz-5", T0 + timedelta(minutes=3))
    assert a.counter == "platz-5" and a.status is TicketStatus.WAITING
    _, other = q.call_next("platz-2", T0 + timedelta(minutes=4))
    assert other.number == "A002"  # not the reserved one
    refused(ErrorCode.INVALID_TRANSITION, q, q.call_ticket, "platz-2", "A001", T0)
    _, mine = q.call_next("platz-5", T0 + timedelta(minutes=5))
    assert mine is a


def test_transfer_needs_a_target_that_exists(q: SiteQueue) -> None:
    q.open_counter("platz-1", None, None, T0)
    q.issue("ausweis", T0)
    q.call_next("platz-1", T0)
    refused(ErrorCode.INVALID_ARGUMENTS, q, q.transfer, "platz-1", None, None, T0)
    refused(ErrorCode.UNKNOWN_SERVICE, q, q.transfer, "platz-1", "nope", None, T0)
    refused(ErrorCode.UNKNOWN_COUNTER, q, q.transfer, "platz-1", None, "platz-99", T0)


def test_park_and_resume_with_call_ticket(q: SiteQueue) -> None:
    q.open_counter("platz-1", None, None, T0)
    a = q.issue("ausweis", T0)
    b = q.issue("ausweis", T0)
    q.call_next("platz-1", T0)
    q.start("platz-1", T0)
    q.park("platz-1", T0 + timedelta(minutes=2))
    assert a.status is TicketStatus.PARKED and q.counters["platz-1"].current is None
    # A parked ticket is not called by call_next ...
    _, t = q.call_next("platz-1", T0 + timedelta(minutes=3))
    assert t is b
    # ... but resumed on purpose, which finishes the current one.
    finished, t = q.call_ticket("platz-1", "A001", T0 + timedelta(minutes=8))
    assert finished is b and t is a and a.status is TicketStatus.CALLED
    refused(ErrorCode.INVALID_TRANSITION, q, q.call_ticket, "platz-1", "A002", T0)
    refused(ErrorCode.UNKNOWN_TICKET, q, q.call_ticket, "platz-1", "A077", T0)


def test_cancel_only_waiting_or_parked(q: SiteQueue) -> None:
    q.open_counter("platz-1", None, None, T0)
    a, b = q.issue("ausweis", T0), q.issue("ausweis", T0)
    q.cancel("A002", T0)
    assert b.status is TicketStatus.CANCELLED
    q.call_next("platz-1", T0)
    refused(ErrorCode.INVALID_TRANSITION, q, q.cancel, "A001", T0)
    q.park("platz-1", T0)
    assert q.cancel("A001", T0) is a and a.status is TicketStatus.CANCELLED
    _, t = q.call_next("platz-1", T0)
    assert t is None


def test_priority_is_called_first(q: SiteQueue) -> None:
    q.open_counter("platz-1", None, None, T0)
    q.issue("ausweis", T0)
    q.issue("ausweis", T0 + timedelta(minutes=1))
    q.set_priority("A002", 3)
    _, t = q.call_next("platz-1", T0 + timedelta(minutes=2))
    assert t.number == "A002"
    refused(ErrorCode.INVALID_TRANSITION, q, q.set_priority, "A002", 1)


def test_counters_open_pause_close_and_clerk_login(q: SiteQueue) -> None:
    refused(ErrorCode.COUNTER_NOT_OPEN, q, q.call_next, "platz-1", T0)
    refused(ErrorCode.COUNTER_NOT_OPEN, q, q.pause_counter, "platz-1", "break", T0)
    refused(ErrorCode.UNKNOWN_COUNTER, q, q.open_counter, "platz-99", None, None, T0)
    refused(ErrorCode.UNKNOWN_SERVICE, q, q.open_counter, "platz-1", None, ["nope"], T0)
    refused(ErrorCode.INVALID_ARGUMENTS, q, q.open_counter, "platz-1", None, [], T0)
    c = q.open_counter("platz-1", "clerk-a", ["melde"], T0)
    assert (c.status, c.clerk, c.services) == (CounterStatus.OPEN, "clerk-a", ["melde"])
    q.issue("ausweis", T0)
    _, t = q.call_next("platz-1", T0)
    assert t is None  # serves melde only now
    q.issue("melde", T0)
    q.call_next("platz-1", T0)
    # a counter with a ticket neither pauses nor closes: a paused counter serves nobody
    refused(ErrorCode.COUNTER_BUSY, q, q.pause_counter, "platz-1", "back office", T0)
    refused(ErrorCode.COUNTER_BUSY, q, q.close_counter, "platz-1", T0)
    assert c.status is CounterStatus.OPEN
    q.finish("platz-1", T0)
    q.pause_counter("platz-1", "back office", T0)
    assert (c.status, c.pause_reason) == (CounterStatus.PAUSED, "back office")
    refused(ErrorCode.COUNTER_NOT_OPEN, q, q.call_next, "platz-1", T0)
    q.close_counter("platz-1", T0)
    # Logged out: no clerk, and the configured services are back for the next login.
    assert (c.status, c.clerk, c.services) == (
        CounterStatus.CLOSED, None, ["ausweis", "melde", "abholung"])


def test_recalls_do_not_push_other_tickets_out_of_the_recent_calls(q: SiteQueue) -> None:
    q.open_counter("platz-1", "clerk-a", None, T0)
    q.open_counter("platz-2", "clerk-b", None, T0)
    for _ in range(3):
        q.issue("ausweis", T0)
    q.call_next("platz-2", T0 + timedelta(minutes=1))
    q.call_next("platz-1", T0 + timedelta(minutes=1))
    for i in range(25):  # a visitor who does not come: recalled again and again
        q.recall("platz-1", T0 + timedelta(minutes=2 + i))
    assert [(c.number, c.recall) for c in q.calls] == [("A002", 25), ("A001", 0)]
