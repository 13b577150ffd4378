"""The desk's view model without a window: what a clerk may press, and how waits read,
follow from the retained state and the connection alone."""

from __future__ import annotations

from copy import deepcopy
from datetime import UTC, datetime, timedelta

import pytest

from civiq.config import SiteConfig, load_site
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import (
    CounterState,
    CounterStatus,
    EngineState,
    QueueState,
    ServiceState,
    TicketInfo,
    TicketKind,
    TicketStatus,
    WaitingTicket,
)
from civiq.waits import Wait
from counter_client import desk as d
from tests.conftest import EXAMPLE_SITE

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
SITE = "hh-wandsbek"


@pytest.fixture
def cfg() -> SiteConfig:
    return load_site(EXAMPLE_SITE)


def _ticket(status: TicketStatus, called_min_ago: float,
            assistance: bool = False) -> TicketInfo:
    return TicketInfo(number="A007", service="ausweis", status=status, kind=TicketKind.WALK_IN,
                      priority=0, arrival=NOW - timedelta(minutes=20),
                      issued_at=NOW - timedelta(minutes=20), counter="platz-1",
                      called_at=NOW - timedelta(minutes=called_min_ago), assistance=assistance)


def _feed(desk: d.CounterDesk, seq: int, current: TicketInfo | None,
          services: list[ServiceState] | None = None) -> None:
    desk.apply(topics.state_engine(SITE), env.encode(env.make(
        SITE, "engine", EngineState(online=True), seq=0, ts=NOW)))
    q = QueueState(day="2026-11-24", services=services or [], waiting=[], counters=[CounterState(
        id="platz-1", name="Platz 1", status=CounterStatus.OPEN, services=["ausweis"],
        current=current)])
    desk.apply(topics.state_queue(SITE), env.encode(env.make(SITE, "queue", q, seq=seq,
                                                             ts=NOW)))


def _desk(cfg: SiteConfig, connected: bool = True) -> d.CounterDesk:
    desk = d.CounterDesk(cfg, "platz-1")
    desk.state.clerk = "demo"
    desk.state.connected = connected
    return desk


def test_nothing_can_be_pressed_while_the_broker_is_away_but_the_ticket_stays(
        cfg: SiteConfig) -> None:
    desk = _desk(cfg, connected=False)
    _feed(desk, 10, _ticket(TicketStatus.SERVING, 5))
    view = desk.build(NOW)
    assert view.link == "broker_down" and not view.online
    assert view.enabled == frozenset()
    assert view.current is not None and view.current.number == "A007"


def test_no_show_is_offered_only_after_the_grace_time(cfg: SiteConfig) -> None:
    grace = cfg.desk.no_show_grace_min
    desk = _desk(cfg)
    _feed(desk, 10, _ticket(TicketStatus.CALLED, grace / 2))
    early = desk.build(NOW)
    assert {d.RECALL, d.START, d.TRANSFER, d.PARK} <= early.enabled
    assert d.NO_SHOW not in early.enabled and early.current.no_show_in_s > 0
    _feed(desk, 11, _ticket(TicketStatus.CALLED, grace + 0.1))
    assert d.NO_SHOW in desk.build(NOW).enabled


def test_finish_only_while_serving_and_logout_only_without_a_ticket(cfg: SiteConfig) -> None:
    desk = _desk(cfg)
    _feed(desk, 10, _ticket(TicketStatus.SERVING, 3))
    serving = desk.build(NOW).enabled
    assert d.FINISH in serving and d.LOGOUT not in serving and d.START not in serving
    _feed(desk, 11, None)
    idle = desk.build(NOW).enabled
    assert d.LOGOUT in idle and d.CALL_NEXT in idle and d.FINISH not in idle


def test_waits_read_as_on_the_board_with_a_range_where_wide(cfg: SiteConfig) -> None:
    desk = _desk(cfg)
    _feed(desk, 10, None, services=[
        ServiceState(id="ausweis", waiting=9, eta_min=30, eta_p10_min=18, eta_p90_min=52,
                     open_counters=1),
        ServiceState(id="melde", waiting=2, eta_min=6, eta_p10_min=4, eta_p90_min=9,
                     open_counters=1),
        ServiceState(id="abholung", waiting=0, eta_min=0, eta_p10_min=0.1, eta_p90_min=0.4,
                     open_counters=1)])
    rows = {r.id: r for r in desk.build(NOW).services}
    assert rows["ausweis"].wait == Wait(18, 50)
    assert rows["melde"].wait == Wait(6)
    assert rows["abholung"].wait.none  # "keine", as the board and the kiosk say it
    assert rows["ausweis"].light == "amber" and rows["melde"].light == "green"


def test_the_clerk_sees_that_the_visitor_asked_for_assistance(cfg: SiteConfig) -> None:
    desk = _desk(cfg)
    _feed(desk, 10, _ticket(TicketStatus.CALLED, 1, assistance=True))
    assert desk.build(NOW).current.assistance
    _feed(desk, 11, _ticket(TicketStatus.CALLED, 1))
    assert not desk.build(NOW).current.assistance


def _feed_waiting(desk: d.CounterDesk, seq: int, waiting: list[WaitingTicket]) -> None:
    desk.apply(topics.state_engine(SITE), env.encode(env.make(
        SITE, "engine", EngineState(online=True), seq=0, ts=NOW)))
    q = QueueState(day="2026-11-24", services=[], waiting=waiting, counters=[CounterState(
        id="platz-1", name="Platz 1", status=CounterStatus.OPEN, services=["ausweis"],
        current=None)])
    desk.apply(topics.state_queue(SITE), env.encode(env.make(SITE, "queue", q, seq=seq,
                                                             ts=NOW)))


def _waiting(number: str, parked: bool = False) -> WaitingTicket:
    return WaitingTicket(number=number, service="ausweis", kind=TicketKind.WALK_IN,
                         arrival=NOW - timedelta(minutes=5), parked=parked)


def test_a_selected_ticket_that_has_gone_is_no_longer_offered(cfg: SiteConfig) -> None:
    desk = _desk(cfg)
    _feed_waiting(desk, 10, [_waiting("A001"), _waiting("A002", parked=True)])
    desk.state.selected = "A001"
    view = desk.build(NOW)
    assert {d.CALL_SELECTED, d.CANCEL_SELECTED} <= view.enabled
    # a colleague calls A001: it leaves the waiting list, and F8/F9 with it
    _feed_waiting(desk, 11, [_waiting("A002", parked=True)])
    view = desk.build(NOW)
    assert not {d.CALL_SELECTED, d.CANCEL_SELECTED} & view.enabled
    assert desk.state.selected is None
    # a parked ticket stays selectable while it is listed, and goes the same way
    desk.state.selected = "A002"
    assert {d.CALL_SELECTED, d.CANCEL_SELECTED} <= desk.build(NOW).enabled
    _feed_waiting(desk, 12, [])
    assert not {d.CALL_SELECTED, d.CANCEL_SELECTED} & desk.build(NOW).enabled
    assert desk.state.selected is None


def test_building_the_view_changes_no_state_only_a_message_does(cfg: SiteConfig) -> None:
    # build() runs every second; what is selected changes where the lists do
    desk = _desk(cfg)
    _feed_waiting(desk, 10, [_waiting("A001")])
    desk.state.selected = "A009"  # as if A009 had gone while nothing re-checked it
    before = deepcopy(desk.state)
    first, second = desk.build(NOW), desk.build(NOW + timedelta(seconds=1))
    assert desk.state == before
    assert first.enabled == second.enabled
    # the next message re-checks the lists: A009 is not in them, so F8/F9 go off
    _feed_waiting(desk, 11, [_waiting("A001")])
    assert desk.state.selected is None
    assert not {d.CALL_SELECTED, d.CANCEL_SELECTED} & desk.build(NOW).enabled


def test_only_a_listed_ticket_can_be_selected(cfg: SiteConfig) -> None:
    desk = _desk(cfg)
    _feed_waiting(desk, 10, [_waiting("A001")])
    desk.select("A002")
    assert not {d.CALL_SELECTED, d.CANCEL_SELECTED} & desk.build(NOW).enabled
    desk.select("A001")
    assert {d.CALL_SELECTED, d.CANCEL_SELECTED} <= desk.build(NOW).enabled


def test_a_closed_counters_selection_goes_when_its_service_is_no_longer_chosen(
        cfg: SiteConfig) -> None:
    desk = _desk(cfg)
    desk.apply(topics.state_engine(SITE), env.encode(env.make(
        SITE, "engine", EngineState(online=True), seq=0, ts=NOW)))
    melde = WaitingTicket(number="M001", service="melde", kind=TicketKind.WALK_IN,
                          arrival=NOW - timedelta(minutes=5))
    q = QueueState(day="2026-11-24", services=[], waiting=[_waiting("A001"), melde],
                   counters=[CounterState(id="platz-1", name="Platz 1",
                                          status=CounterStatus.CLOSED, services=[])])
    desk.apply(topics.state_queue(SITE), env.encode(env.make(SITE, "queue", q, seq=10,
                                                             ts=NOW)))
    desk.set_services(["ausweis", "melde"])
    desk.select("M001")
    assert d.CANCEL_SELECTED in desk.build(NOW).enabled
    desk.set_services(["ausweis"])  # the clerk logs in for ausweis alone
    view = desk.build(NOW)
    assert [r.number for r in view.waiting] == ["A001"]
    assert d.CANCEL_SELECTED not in view.enabled


@pytest.mark.parametrize(("reason", "note"), [("break", None), ("phone", "phone"),
                                              ("back_office", "back_office"),
                                              ("Schulung", "Schulung")])
def test_a_pause_says_its_reason_only_where_it_adds_to_paused(cfg: SiteConfig, reason: str,
                                                              note: str | None) -> None:
    desk = _desk(cfg)
    _feed_counter(desk, CounterState(id="platz-1", name="Platz 1", status=CounterStatus.PAUSED,
                                     pause_reason=reason, services=["ausweis"]))
    view = desk.build(NOW)
    assert view.pause_reason == reason and view.pause_note == note
    _feed_counter(desk, CounterState(id="platz-1", name="Platz 1", status=CounterStatus.OPEN,
                                     pause_reason=reason, services=["ausweis"]), seq=12)
    assert desk.build(NOW).pause_note is None  # open again: no reason shown


def _feed_counter(desk: d.CounterDesk, counter: CounterState, seq: int = 10) -> None:
    desk.apply(topics.state_engine(SITE), env.encode(env.make(
        SITE, "engine", EngineState(online=True), seq=0, ts=NOW)))
    q = QueueState(day="2026-11-24", services=[], waiting=[], counters=[counter])
    desk.apply(topics.state_queue(SITE), env.encode(env.make(SITE, "queue", q, seq=seq,
                                                             ts=NOW)))
