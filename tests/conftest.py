"""Shared fixtures: a real Mosquitto on a free loopback port, a real SQLite file, the
real engine, and clients that talk to it. A missing broker fails, it never skips."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from broker_config.mosquitto import Mosquitto
from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from civiq.transport.mqtt import MqttClient
from queue_engine.service import EngineService

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = ROOT / "sites" / "hamburg-wandsbek.toml"
BERLIN = ZoneInfo("Europe/Berlin")
#: A Tuesday, 09:00 in Hamburg: the example site is open 08:00-18:00.
TUESDAY_9 = datetime(2026, 11, 24, 9, 0, tzinfo=BERLIN)


@pytest.fixture
def broker() -> Iterator[Mosquitto]:
    with Mosquitto() as b:
        yield b


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TUESDAY_9)


@pytest.fixture
def site_config(tmp_path: Path, broker: Mosquitto) -> SiteConfig:
    return load_site(
        EXAMPLE_SITE,
        broker={"host": "127.0.0.1", "port": broker.port},
        data={"folder": str(tmp_path / "data")},
    )


@pytest.fixture
def engine_factory(site_config: SiteConfig, clock: ManualClock
                   ) -> Iterator[Callable[..., EngineService]]:
    started: list[EngineService] = []

    def make(config: SiteConfig | None = None, **kw: object) -> EngineService:
        svc = EngineService(config or site_config, kw.pop("clock", clock), **kw).start()
        assert svc.ready.wait(10), "engine did not connect to the broker"
        started.append(svc)
        return svc

    yield make
    for svc in started:
        svc.stop()


@pytest.fixture
def engine(engine_factory: Callable[..., EngineService]) -> EngineService:
    return engine_factory()


@pytest.fixture
def client_factory(site_config: SiteConfig) -> Iterator[Callable[[str, str], MqttClient]]:
    made: list[MqttClient] = []

    def make(role: str, client_id: str) -> MqttClient:
        c = MqttClient(site_config.broker, site_config.site.id, role, client_id).start(wait=10)
        made.append(c)
        return c

    yield make
    for c in made:
        c.stop()


@pytest.fixture
def kiosk(client_factory: Callable[[str, str], MqttClient]) -> MqttClient:
    return client_factory("kiosk", "kiosk-1")


@pytest.fixture
def counter(client_factory: Callable[[str, str], MqttClient]) -> MqttClient:
    return client_factory("counter", "platz-1")
