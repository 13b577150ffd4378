"""The demo's text view shows what a person watching the terminal needs."""

from __future__ import annotations

from datetime import UTC, datetime

from civiq.cli.textview import now_line, render
from civiq.config import load_site
from civiq.protocol.models import (
    Call,
    CounterState,
    CounterStatus,
    QueueState,
    ServiceState,
    TicketInfo,
    TicketKind,
    TicketStatus,
    WaitingTicket,
)
from civiq.transport.state import SiteSnapshot
from tests.conftest import EXAMPLE_SITE

T = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)


def snapshot() -> SiteSnapshot:
    current = TicketInfo(number="A003", service="ausweis", status=TicketStatus.SERVING,
                         arrival=T, issued_at=T, counter="platz-1", called_at=T)
    q = QueueState(
        day="2026-11-24",
        services=[
            ServiceState(id="ausweis", waiting=4, eta_min=23.4, open_counters=2),
            ServiceState(id="melde", waiting=0, eta_min=None, open_counters=0,
                         ticket_stop=True, ticket_stop_reason="ticket_stop"),
        ],
        counters=[
            CounterState(id="platz-1", name="Platz 1", status=CounterStatus.OPEN,
                         services=["ausweis"], current=current),
            CounterState(id="platz-2", name="Platz 2", status=CounterStatus.PAUSED,
                         pause_reason="break", services=["ausweis"]),
        ],
        waiting=[WaitingTicket(number="A004", service="ausweis", kind=TicketKind.WALK_IN,
                               arrival=T, eta_min=12.0)],
        issued_today=7, served_today=2,
    )
    return SiteSnapshot(
        queue=q, engine_online=True, last_seq=9, last_update=T,
        calls=[Call(number="A003", service="ausweis", counter="platz-1",
                    counter_name="Platz 1", at=T)],
    )


def test_render_shows_queue_counters_calls_and_local_time() -> None:
    cfg = load_site(EXAMPLE_SITE)
    text = render(snapshot(), cfg)
    assert "09:30" in text  # local time in Hamburg
    assert "engine: online" in text
    assert "ID card & passport" in text and "23 min" in text
    assert "TICKET STOP" in text
    assert "A003 (serving)" in text and "paused: break" in text
    assert "A003→Platz 1" in text
    assert "A004~12'" in text


def test_render_before_any_state() -> None:
    cfg = load_site(EXAMPLE_SITE)
    assert "No queue state yet." in render(SiteSnapshot(), cfg)
    assert "no state yet" in now_line(SiteSnapshot())


def test_render_counts_the_tickets_beyond_the_states_list() -> None:
    snap = snapshot()
    waiting = [WaitingTicket(number=f"A{i:03d}", service="ausweis", kind=TicketKind.WALK_IN,
                             arrival=T) for i in range(20)]
    snap.queue = snap.queue.model_copy(update={"waiting": waiting, "waiting_unlisted": 480})
    text = render(snap, load_site(EXAMPLE_SITE))
    assert "A013" in text and "A014" not in text
    assert "… +486" in text  # 6 listed but not shown, 480 not listed


def test_recalls_are_one_entry_with_a_count() -> None:
    snap = snapshot()
    again = [Call(number="A003", service="ausweis", counter="platz-1", counter_name="Platz 1",
                  at=T, recall=r) for r in (2, 1)]
    snap.calls = [*again, *snap.calls]
    text = render(snap, load_site(EXAMPLE_SITE))
    line = next(ln for ln in text.splitlines() if ln.startswith("latest calls:"))
    assert line == "latest calls: A003→Platz 1 (3x)"


def test_an_80_column_terminal_keeps_every_column_and_the_legend() -> None:
    text = render(snapshot(), load_site(EXAMPLE_SITE), 80, speed=10)
    lines = text.splitlines()
    assert all(len(ln) <= 80 for ln in lines)
    services = next(ln for ln in lines if ln.startswith("ID card"))
    assert "23 min" in services
    assert services.rstrip().endswith("2")  # open counters not cut off
    assert "10x" in lines[1] and "faster than real time" in lines[1]
    assert lines[-1].startswith("D002~4' = ticket D002, about 4 min until called")


def test_the_log_line_is_in_local_time() -> None:
    line = now_line(snapshot(), load_site(EXAMPLE_SITE))
    assert line.startswith("2026-11-24T09:30:00+01:00 ")
