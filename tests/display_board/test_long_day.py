"""A long day compressed: thousands of calls through one board, memory stays flat."""

from __future__ import annotations

import gc
import sys
import time
from datetime import datetime, timedelta

import psutil

from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import (
    Call,
    CallsState,
    EngineState,
    QueueState,
    ServiceState,
    TicketEvent,
    TicketInfo,
    TicketStatus,
)
from display_board.app import DisplayApp

T0 = datetime.fromisoformat("2026-11-24T08:00:00+01:00")


def day_of_calls(site: str, n: int, start_seq: int):
    """What the engine publishes for each call: the event, the queue, the latest calls."""
    calls: list[Call] = []
    seq = start_seq
    services = ("ausweis", "melde", "abholung")
    for i in range(1, n + 1):
        svc = services[i % 3]
        number = f"{'ABD'[i % 3]}{i % 1000:03d}"
        counter = f"platz-{1 + i % 4}"
        at = T0 + timedelta(seconds=6 * i)
        t = TicketInfo(number=number, service=svc, status=TicketStatus.CALLED, arrival=at,
                       issued_at=at, counter=counter, called_at=at)
        seq += 1
        yield topics.event(site, "called"), env.encode(env.make(site, "called", TicketEvent(
            ticket=t, counter=counter, counter_name=f"Platz {counter[-1]}"), seq=seq))
        calls = [Call(number=number, service=svc, counter=counter,
                      counter_name=f"Platz {counter[-1]}", at=at), *calls][:20]
        seq += 1
        yield topics.state_queue(site), env.encode(env.make(site, "queue", QueueState(
            day="2026-11-24", counters=[], waiting=[], services=[
                ServiceState(id=s, waiting=(i + k) % 17, eta_min=4.0 + (i + k) % 30,
                             open_counters=2) for k, s in enumerate(services)]), seq=seq))
        seq += 1
        yield topics.state_calls(site), env.encode(env.make(
            site, "calls", CallsState(calls=calls), seq=seq))


def test_thousands_of_calls_leave_memory_flat(qtbot, site_config: SiteConfig) -> None:
    app = DisplayApp(site_config, "long-day", sound=False)
    qtbot.addWidget(app.board)
    app.board.resize(1920, 1080)
    app.board.show()
    app.vm.set_connected(True)
    site = site_config.site.id
    app._on_message(topics.state_engine(site),
                    env.encode(env.make(site, "engine", EngineState(online=True))))
    stream = day_of_calls(site, 2300, int(time.time() * 1000))
    me = psutil.Process()

    def run(calls: int) -> None:
        for _ in range(calls * 3):
            topic, payload = next(stream)
            app._on_message(topic, payload)
            qtbot.wait(0) if topic.endswith("calls") else None
        app.refresh()

    run(500)  # warm up: caches, fonts, pixmaps
    gc.collect()
    rss_before, none_before = me.memory_info().rss, sys.getrefcount(None)
    run(1800)
    gc.collect()
    grown_mb = (me.memory_info().rss - rss_before) / 2**20
    assert app.board.hero.number.text() == "D 300"  # 2300 % 1000, service abholung
    assert len(app.model.snapshot.calls) == 20
    assert grown_mb < 6, f"resident memory grew by {grown_mb:.1f} MB over 1,800 calls"
    # a binding that loses references to None (PySide6 6.12.0 on Python 3.11) would
    # abort the board after some hours; the count must stay put
    assert sys.getrefcount(None) > none_before - 2000
