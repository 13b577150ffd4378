"""The desk's 1 s tick: the no-show countdown every second, the lists (whole minutes)
only when the minute of the desk's clock changed — not emptied and refilled each second."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from civiq.clock import ManualClock
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.appointments import AppointmentInfo, AppointmentStatus
from civiq.protocol.models import (
    CounterState,
    CounterStatus,
    QueueState,
    TicketInfo,
    TicketKind,
    TicketStatus,
    WaitingTicket,
)

SITE = "hh-wandsbek"
#: A mark put on the drawn list items: an item drawn again (emptied and refilled) has none.
MARK = Qt.ItemDataRole.UserRole + 1


def _feed(app, clock: ManualClock) -> None:
    """A called ticket at platz-1 (the 2 min grace counts down), one waiting, one parked
    and one appointment due: straight into the desk's model, no engine."""
    now = clock.now()
    current = TicketInfo(number="A001", service="ausweis", status=TicketStatus.CALLED,
                         kind=TicketKind.WALK_IN, priority=0, arrival=now - timedelta(minutes=9),
                         issued_at=now - timedelta(minutes=9), counter="platz-1",
                         called_at=now)
    waiting = [WaitingTicket(number="A002", service="ausweis", kind=TicketKind.WALK_IN,
                             arrival=now - timedelta(minutes=5)),
               WaitingTicket(number="M001", service="melde", kind=TicketKind.WALK_IN,
                             arrival=now - timedelta(minutes=7), parked=True)]
    q = QueueState(day="2026-11-24", services=[], waiting=waiting, counters=[CounterState(
        id="platz-1", name="Platz 1", status=CounterStatus.OPEN, services=["ausweis"],
        current=current)])
    app.desk.apply(topics.state_queue(SITE), env.encode(env.make(SITE, "queue", q, seq=1,
                                                                  ts=now)))
    app.desk.set_appointments([AppointmentInfo(
        booking_id="b1", service="ausweis", day=date(2026, 11, 24),
        slot_start=now + timedelta(minutes=20), slot_minutes=15,
        status=AppointmentStatus.BOOKED)])
    app.refresh()


def _marked(lst: QListWidget) -> bool:
    item = lst.item(0)
    return item is not None and item.data(MARK) == "drawn"


def test_the_lists_are_drawn_again_only_when_the_minute_changes(
        qtbot, desk_factory, clock: ManualClock) -> None:
    app = desk_factory("platz-1")
    # the connection's own redraw first, so that nothing but the tick draws below
    qtbot.waitUntil(lambda: app.desk.state.connected, timeout=5000)
    _feed(app, clock)
    desk = app.window.desk
    lists = (desk.waiting, desk.parked, desk.appointments)
    assert "No-show possible in 120 s" in desk.details.text()
    assert "5 min" in desk.waiting.item(0).text()
    for lst in lists:
        lst.item(0).setData(MARK, "drawn")

    # 30 s on, same minute: the tick draws the countdown, the lists' items stay
    clock.advance(30)
    qtbot.waitUntil(lambda: "No-show possible in 90 s" in desk.details.text(), timeout=3000)
    with qtbot.waitSignal(app._timer.timeout, timeout=3000):
        pass  # one more tick in the same minute
    assert all(_marked(lst) for lst in lists), "a tick within the minute redrew the lists"

    # the next minute: the lists are drawn again, with the minutes waited
    clock.advance(30)
    qtbot.waitUntil(lambda: not any(_marked(lst) for lst in lists), timeout=3000)
    assert "6 min" in desk.waiting.item(0).text()
    assert "8 min" in desk.parked.item(0).text()
    assert "No-show possible in 60 s" in desk.details.text()
