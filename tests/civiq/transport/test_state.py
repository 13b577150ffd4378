"""The client-side state model: seq order, stale and repeated messages dropped."""

from __future__ import annotations

from datetime import UTC, datetime

from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import (
    Call,
    CallsState,
    EngineState,
    TicketEvent,
    TicketInfo,
    TicketStatus,
)
from civiq.transport.state import SiteStateModel

SITE = "hh-test"
T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def calls_payload(seq: int, *numbers: str) -> bytes:
    body = CallsState(calls=[
        Call(number=n, service="ausweis", counter="platz-1", counter_name="Platz 1", at=T0)
        for n in numbers])
    return env.encode(env.make(SITE, "calls", body, seq=seq, ts=T0))


def called_payload(seq: int, number: str, recalls: int = 0) -> bytes:
    ticket = TicketInfo(number=number, service="ausweis", status=TicketStatus.CALLED,
                        arrival=T0, issued_at=T0, counter="platz-2", called_at=T0,
                        recalls=recalls)
    body = TicketEvent(ticket=ticket, counter="platz-2", counter_name="Platz 2")
    kind = "recalled" if recalls else "called"
    return env.encode(env.make(SITE, kind, body, seq=seq, ts=T0))


def test_newer_state_applies_and_older_or_repeated_is_dropped() -> None:
    m = SiteStateModel(SITE)
    assert m.apply(topics.state_calls(SITE), calls_payload(10, "A002", "A001"))
    assert [c.number for c in m.snapshot.calls] == ["A002", "A001"]
    # The bridge re-sends retained messages on reconnect: same seq, nothing changes.
    assert not m.apply(topics.state_calls(SITE), calls_payload(10, "A002", "A001"))
    # An older one arriving late must not roll the board back.
    assert not m.apply(topics.state_calls(SITE), calls_payload(7, "A001"))
    assert [c.number for c in m.snapshot.calls] == ["A002", "A001"]
    assert m.dropped == 2


def test_called_event_puts_the_call_on_top_and_recall_repeats_it() -> None:
    m = SiteStateModel(SITE)
    seen: list[str] = []
    m.subscribe(lambda what, body: seen.append(what))
    m.apply(topics.state_calls(SITE), calls_payload(5, "A001"))
    m.apply(topics.event(SITE, "called"), called_payload(6, "B007"))
    m.apply(topics.event(SITE, "recalled"), called_payload(7, "B007", recalls=1))
    assert [(c.number, c.recall) for c in m.snapshot.calls] == [
        ("B007", 1), ("B007", 0), ("A001", 0)]
    assert seen == ["calls", "called", "recalled"]


def test_engine_offline_is_taken_whatever_its_seq() -> None:
    m = SiteStateModel(SITE)
    m.apply(topics.state_calls(SITE), calls_payload(99, "A001"))
    online = env.encode(env.make(SITE, "engine", EngineState(online=True), seq=0, ts=T0))
    offline = env.encode(env.make(SITE, "engine", EngineState(online=False), seq=0, ts=T0))
    assert m.apply(topics.state_engine(SITE), online)
    assert m.snapshot.engine_online is True
    assert m.apply(topics.state_engine(SITE), offline)
    assert m.snapshot.engine_online is False
    assert [c.number for c in m.snapshot.calls] == ["A001"]  # the last calls stay


def test_garbage_and_other_sites_change_nothing() -> None:
    m = SiteStateModel(SITE)
    assert not m.apply(topics.state_calls(SITE), b"{not json")
    assert not m.apply(topics.state_calls(SITE), b"")
    other = env.encode(env.make("elsewhere", "calls", CallsState(calls=[]), seq=50, ts=T0))
    assert not m.apply(topics.state_calls(SITE), other)
    assert m.snapshot.calls == [] and m.snapshot.last_seq == 0
