"""The day live, for ``civiq demo``: against an engine that is already running (on its
own clock, e.g. an AcceleratedClock), waiting in wall time for each event.

Imports no part of the engine: it talks to it over MQTT like every device does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from civiq.clock import Clock
from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient
from simulator.day import DayResult, DaySimulation, Requester
from simulator.events_csv import Row
from simulator.plan import make_plan
from simulator.settings import SimSettings


class WallDriver:
    """Waits until ``clock`` (the engine's clock, or a copy of it) reaches each event."""

    def __init__(self, clock: Clock, speed: float, stop: threading.Event) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.clock = clock
        self.speed = speed
        self.stop = stop

    def advance_to(self, when: datetime) -> bool:
        while not self.stop.is_set():
            ahead = (when - self.clock.now()).total_seconds()
            if ahead <= 0:
                return True
            self.stop.wait(min(ahead / self.speed, 0.5))
        return False

    def now(self) -> datetime:
        return self.clock.now()


def run_live(config: SiteConfig, settings: SimSettings, clock: Clock, speed: float,
             stop: threading.Event, *, on_row: Callable[[Row], None] | None = None,
             client_prefix: str = "sim",
             credentials: dict[str, SiteConfig] | None = None) -> DayResult:
    """Play ``settings.day`` from the clock's current time until the day ends or ``stop``
    is set. ``speed`` is the clock's pace (1 = real time); the site's counters must be
    those the engine knows (see :func:`simulator.plan.site_for_scale`)."""
    requester = Requester.connect(config, client_prefix, credentials)
    try:
        if not wait_for_engine(requester.kiosk, config.site.id, stop):
            return DayResult(stopped_early=True)
        sim = DaySimulation(config, settings, requester, WallDriver(clock, speed, stop),
                            plan=make_plan(config, settings), start_at=clock.now(),
                            on_row=on_row)
        return sim.run()
    finally:
        requester.close()


def wait_for_engine(client: MqttClient, site: str, stop: threading.Event,
                    timeout: float = 60.0) -> bool:
    """Wait until the engine says it is online (its retained state), so that the first
    commands of the day are not lost while it starts."""
    online = threading.Event()

    def on_state(_topic: str, payload: bytes, _props: object) -> None:
        try:
            if payload and env.decode(payload).data.get("online"):
                online.set()
        except Exception:  # an unreadable state is not "online"
            return

    client.route(topics.state_engine(site), on_state)
    waited = 0.0
    while not online.is_set() and not stop.is_set() and waited < timeout:
        online.wait(0.1)
        waited += 0.1
    return online.is_set()
