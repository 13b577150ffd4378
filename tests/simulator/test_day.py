"""The day simulator: the same seed gives the same day, the day has life in every part,
its events CSV reads back, the command line works, and the live mode plays along with an
engine that runs on its own accelerated clock."""

from __future__ import annotations

import json
import threading
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from broker_config.mosquitto import Mosquitto
from civiq.cli import main as civiq_main
from civiq.clock import AcceleratedClock
from civiq.config import SiteConfig, load_site
from queue_engine.service import EngineService
from simulator import events_csv
from simulator.live import run_live
from simulator.runner import SimRun, simulate
from simulator.settings import SimSettings
from tests.conftest import BERLIN, EXAMPLE_SITE

#: A Saturday: the example site is open 09:00-13:00, a short day for quick tests.
SATURDAY = date(2026, 11, 28)


def small_day(seed: int, csv: Path | None = None, visits: int = 60) -> SimRun:
    return simulate(load_site(EXAMPLE_SITE), SimSettings(seed=seed, visits=visits,
                                                         day=SATURDAY), csv)


def fingerprint(run: SimRun) -> list[tuple]:
    return [(r.time, r.kind, r.ticket, r.service, r.counter, r.eta_min, r.ahead, r.detail)
            for r in run.result.rows]


def test_the_same_seed_gives_the_same_day(tmp_path: Path) -> None:
    first, again, other = small_day(5, tmp_path / "a.csv"), small_day(5), small_day(6)
    assert fingerprint(first) == fingerprint(again)
    assert fingerprint(first) != fingerprint(other)
    # The CSV holds exactly what the run saw.
    back = list(events_csv.read(tmp_path / "a.csv"))
    assert back == first.result.rows


def test_a_day_has_walk_ins_bookings_clerks_and_estimates(tmp_path: Path) -> None:
    run = small_day(11, visits=80)
    rows = run.result.rows
    kinds = {r.kind for r in rows}
    assert {"issued", "checked_in", "called", "started", "finished", "recalled",
            "counter", "booked"} <= kinds
    assert "error" not in kinds, [r for r in rows if r.kind == "error"]
    assert {r.detail for r in rows if r.kind == "counter"} >= {"open", "paused", "closed"}
    issued = [r for r in rows if r.kind == "issued"]
    assert len(issued) > 30
    assert all(r.eta_min is not None and r.ahead is not None for r in issued)
    # Every ticket is called by the end of the day, and every counter is closed.
    called = {r.ticket for r in rows if r.kind == "called"}
    assert {r.ticket for r in issued} <= called
    last = {}
    for r in rows:
        if r.kind == "counter":
            last[r.counter] = r.detail
    assert set(last.values()) == {"closed"}
    # Events are in time order, within the day.
    assert [r.time for r in rows] == sorted(r.time for r in rows)
    assert rows[-1].time < datetime(2026, 11, 28, 16, 0, tzinfo=BERLIN)


def test_civiq_simulate_writes_the_events_csv(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "day.csv"
    assert civiq_main(["simulate", "--visits", "30", "--day", "2026-11-28", "--seed", "2",
                       "--out", str(out)]) == 0
    assert out.read_text().splitlines()[0] == ",".join(events_csv.COLUMNS)
    said = capsys.readouterr().out
    assert f"events go to {out}" in said and f"events written to {out}" in said
    assert "walk-in tickets and" in said and "wait until called:" in said
    assert civiq_main(["simulate", "--visits", "30", "--day", "2026-11-28", "--seed", "2",
                       "--out", str(out), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out.splitlines()[0])
    assert figures["walk_ins"] > 0 and figures["site_counters"] == 6
    assert civiq_main(["simulate", "--day", "2026-11-29", "--out", str(out)]) == 2
    assert "closed on 2026-11-29" in capsys.readouterr().err


def test_a_busy_saturday_says_which_counters_the_simulation_added(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert civiq_main(["simulate", "--day", "2026-11-28", "--visits", "300",
                       "--out", str(tmp_path / "sat.csv")]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines()
                if ln.startswith("counters staffed:"))
    assert "the site has 6, the simulation added" in line


def test_missed_appointments_have_a_row(tmp_path: Path) -> None:
    run = small_day(11, visits=80)
    missed = [r for r in run.result.rows if r.kind == "appointment_missed"]
    planned = [b for b in run.result.plan.bookings if b.no_show and b.cancel_at is None]
    assert planned and sorted(r.detail for r in missed) == sorted(
        b.booking_id for b in planned)


def test_live_mode_plays_along_with_a_running_engine(tmp_path: Path) -> None:
    # The engine runs on its own clock, 600 times real time from 09:00 on Saturday.
    with Mosquitto() as broker:
        config: SiteConfig = load_site(EXAMPLE_SITE, broker={"host": "127.0.0.1",
                                                             "port": broker.port},
                                       data={"folder": str(tmp_path / "data")})
        clock = AcceleratedClock(datetime(2026, 11, 28, 8, 55, tzinfo=BERLIN), 600)
        svc = EngineService(config, clock).start()
        try:
            assert svc.ready.wait(10)
            stop = threading.Event()
            seen: list[events_csv.Row] = []

            def on_row(r: events_csv.Row) -> None:
                seen.append(r)
                if sum(1 for x in seen if x.kind == "called") >= 5:
                    stop.set()

            t0 = time.monotonic()
            result = run_live(config, SimSettings(seed=3, visits=60, day=SATURDAY), clock,
                              600, stop, on_row=on_row)
            assert time.monotonic() - t0 < 30
            assert result.stopped_early
            kinds = [r.kind for r in result.rows]
            assert kinds.count("called") >= 5 and "issued" in kinds and "counter" in kinds
            assert "error" not in kinds
        finally:
            svc.stop()
