"""The day offline: a private broker, the real engine in this process on a manual clock
the simulation owns, and the day played as fast as the engine answers."""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from broker_config.mosquitto import Mosquitto
from civiq.clock import ManualClock
from civiq.config import Broker, Data, SiteConfig
from queue_engine.service import EngineService
from simulator import events_csv
from simulator.day import DayResult, DaySimulation, Requester
from simulator.plan import make_plan, opening_span, site_for_scale
from simulator.settings import SimSettings

log = logging.getLogger(__name__)


class ManualDriver:
    """Jumps the shared clock to each event: the engine sees exactly that time."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock

    def advance_to(self, when: datetime) -> bool:
        if when > self.clock.now():
            self.clock.set(when)
        return True

    def now(self) -> datetime:
        return self.clock.now()


@dataclass
class SimRun:
    result: DayResult
    config: SiteConfig
    seconds: float
    csv_path: Path | None


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    # RAM disk when there is one: the engine syncs every commit, and this data is thrown away.
    base = "/dev/shm" if Path("/dev/shm").is_dir() else None
    folder = Path(tempfile.mkdtemp(prefix="civiq-sim-", dir=base))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def simulate(config: SiteConfig, settings: SimSettings, csv_path: Path | None = None,
             *, broker_port: int | None = None) -> SimRun:
    """Play one day; write the events CSV when ``csv_path`` is given.

    Starts its own Mosquitto unless ``broker_port`` names a running one on loopback.
    """
    t0 = time.perf_counter()
    config = site_for_scale(config, settings)
    opens, _ = opening_span(config, settings)
    with contextlib.ExitStack() as stack:
        folder = stack.enter_context(_scratch())
        if broker_port is None:
            broker_port = stack.enter_context(Mosquitto(folder=folder / "broker")).port
        site = config.model_copy(update={
            "broker": Broker(host="127.0.0.1", port=broker_port),
            "data": Data(folder=str(folder / "data")),
        })
        (folder / "data").mkdir()
        clock = ManualClock(opens - timedelta(minutes=30))
        svc = EngineService(site, clock).start()
        stack.callback(svc.stop)
        if not svc.ready.wait(10):
            raise RuntimeError("the engine did not connect to the broker")
        requester = Requester.connect(site)
        stack.callback(requester.close)
        sim = DaySimulation(site, settings, requester, ManualDriver(clock),
                            plan=make_plan(site, settings))
        result = sim.run()
    if csv_path is not None:
        events_csv.write(result.rows, csv_path)
    return SimRun(result, config, time.perf_counter() - t0, csv_path)


def summary(run: SimRun) -> dict[str, float | int]:
    r = run.result
    issued = {x.ticket: x.time for x in r.rows if x.kind in ("issued", "checked_in")}
    waits = []
    seen: set[str] = set()
    for x in r.rows:
        if x.kind == "called" and x.ticket in issued and x.ticket not in seen:
            seen.add(x.ticket)
            waits.append((x.time - issued[x.ticket]).total_seconds() / 60)
    waits.sort()
    return {
        "walk_ins": r.count("issued"),
        "check_ins": r.count("checked_in"),
        "refused": r.count("refused"),
        "served": r.count("finished"),
        "no_shows": r.count("no_show"),
        "transfers": r.count("transferred"),
        "counters": len(r.plan.shifts) if r.plan else 0,
        "mean_wait_min": round(sum(waits) / len(waits), 1) if waits else 0.0,
        "p90_wait_min": round(waits[int(0.9 * (len(waits) - 1))], 1) if waits else 0.0,
        "events": len(r.rows),
        "seconds": round(run.seconds, 1),
    }
