"""A counter device acts only on the counters the site file assigns to it (over MQTT, the
real engine): the broker's ACL makes a topic's client the connection's user; the engine
checks that user against the site file's ``[[counters]] devices``."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from broker_config.mosquitto import Mosquitto
from civiq.config import ConfigError, parse_site
from civiq.transport.mqtt import MqttClient, RequestFailed
from queue_engine.service import EngineService
from tests.conftest import EXAMPLE_SITE


def _site(broker: Mosquitto, tmp_path: Path, *, demo: bool):
    raw = tomllib.loads(EXAMPLE_SITE.read_text())
    raw["site"]["demo"] = demo
    raw["counters"][0]["devices"] = ["desk-1"]  # platz-1: desk-1 only; the rest: no list
    raw["broker"] = {"host": "127.0.0.1", "port": broker.port}
    raw["data"] = {"folder": str(tmp_path / "data")}
    return parse_site(raw, source=str(EXAMPLE_SITE))


def test_a_counter_device_acts_only_on_its_assigned_counters(
        broker: Mosquitto, tmp_path: Path, engine_factory: Callable[..., EngineService],
        client_factory: Callable[[str, str], MqttClient]) -> None:
    cfg = _site(broker, tmp_path, demo=False)
    engine_factory(cfg)
    desk_1 = client_factory("counter", "desk-1")
    desk_2 = client_factory("counter", "desk-2")
    operator = client_factory("operator", "ops-1")

    assert desk_1.request("open_counter", {"counter": "platz-1"})["status"] == "open"
    for who, counter in ((desk_2, "platz-1"), (desk_1, "platz-2"), (desk_2, "platz-2")):
        with pytest.raises(RequestFailed) as exc:
            who.request("open_counter", {"counter": counter})
        assert exc.value.code == "forbidden"
        assert f"not assigned to counter {counter!r}" in exc.value.message
    # Staff (operator) may act on any counter; the refused ones stayed closed.
    assert operator.request("open_counter", {"counter": "platz-2"})["status"] == \
        "open"
    with pytest.raises(RequestFailed) as exc:
        desk_2.request("call_next", {"counter": "platz-1"})
    assert exc.value.code == "forbidden"


def test_at_a_demo_site_an_unlisted_counter_takes_any_counter_device(
        broker: Mosquitto, tmp_path: Path, engine_factory: Callable[..., EngineService],
        client_factory: Callable[[str, str], MqttClient]) -> None:
    engine_factory(_site(broker, tmp_path, demo=True))
    desk_2 = client_factory("counter", "desk-2")
    assert desk_2.request("open_counter", {"counter": "platz-2"})["status"] == "open"
    with pytest.raises(RequestFailed) as exc:  # a listed counter holds even there
        desk_2.request("open_counter", {"counter": "platz-1"})
    assert exc.value.code == "forbidden"


def test_a_device_id_that_cannot_be_a_broker_user_is_refused_in_the_site_file() -> None:
    raw = tomllib.loads(EXAMPLE_SITE.read_text())
    raw["counters"][0]["devices"] = ["desk 1"]
    with pytest.raises(ConfigError, match=r"counters\[0\]\.devices: .*device id 'desk 1'"):
        parse_site(raw, source="x.toml")
