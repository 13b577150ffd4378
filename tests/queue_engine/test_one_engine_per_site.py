"""A second engine for the same site: the broker gives it the engine's client id and
pushes the first off. The first must stop for good, not push back: two engines answering
by turns gave the same numbers to two visitors."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from broker_config.mosquitto import Mosquitto, stop_process
from civiq.config import SiteConfig
from civiq.transport.mqtt import MqttClient
from queue_engine.main import EXIT_TAKEN_OVER
from queue_engine.service import EngineService
from tests.conftest import EXAMPLE_SITE
from tests.queue_engine.helpers import StateWatch, db_rows, wait_until


def test_the_engine_pushed_off_stops_and_the_numbers_come_from_one_engine(
    engine_factory: Callable[..., EngineService], kiosk: MqttClient,
    site_config: SiteConfig, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    first = engine_factory()
    before = [kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"]
              for _ in range(2)]
    assert before == ["A001", "A002"]
    second = engine_factory()  # the same site file: the same data folder, the same id
    wait_until(first.taken_over.is_set, 20, "the first engine to stop")
    wait_until(second.client.connected.is_set, 5, "the second engine connected")
    assert not second.taken_over.is_set()

    after = [kiosk.request("issue_ticket", {"service": "ausweis"}, timeout=5)["ticket"]["number"]
             for _ in range(4)]
    # One engine numbers on from the store, none twice; the stopped one saw none of them.
    assert after == ["A003", "A004", "A005", "A006"]
    assert {t.number for t in first.engine.q.waiting_tickets()} == set(before)
    assert {t.number for t in second.engine.q.waiting_tickets()} == set(before + after)
    numbers = [n for (n,) in db_rows(site_config, "select number from tickets")]
    assert sorted(numbers) == before + after
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith(
        "another client with the id civiq-engine-hh-wandsbek connected to the broker at "
        f"127.0.0.1:{site_config.broker.port} and took this one's place; not reconnecting")


def _engine(port: int, data: Path, log: Path) -> subprocess.Popen:
    with log.open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "civiq", "engine", "--site", str(EXAMPLE_SITE),
             "--broker-port", str(port), "--data", str(data),
             "--clock", "2026-11-24T09:00:00+01:00"],
            stdout=subprocess.DEVNULL, stderr=err)


def test_civiq_engine_started_twice_the_first_exits_with_one_clear_line(
    broker: Mosquitto, client_factory: Callable[[str, str], MqttClient],
    site_config: SiteConfig, tmp_path: Path,
) -> None:
    watch = StateWatch(client_factory("display", "wall-1"), site_config.site.id)
    first = _engine(broker.port, tmp_path / "data", tmp_path / "first.err")
    second: subprocess.Popen | None = None
    try:
        wait_until(lambda: watch.model.snapshot.engine_online is True, 30, "the engine online")
        second = _engine(broker.port, tmp_path / "data", tmp_path / "second.err")
        code = first.wait(40)
        assert second.poll() is None, "the second engine must keep running"
        kiosk = client_factory("kiosk", "kiosk-1")
        assert kiosk.request("issue_ticket", {"service": "melde"},
                             timeout=5)["ticket"]["number"] == "B001"
        assert second.poll() is None
    finally:
        stop_process(first)
        if second is not None:
            stop_process(second)
    err = (tmp_path / "first.err").read_text()
    assert code == EXIT_TAKEN_OVER
    assert err.rstrip().splitlines()[-1] == (
        "civiq engine: another engine for site hh-wandsbek is connected to the broker "
        "(client id civiq-engine-hh-wandsbek); this one stops. Run one engine per site.")
    assert "Traceback" not in err
    assert "Traceback" not in (tmp_path / "second.err").read_text()
