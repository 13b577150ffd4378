"""The faster paho property/reason-code methods behave exactly as paho's own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import paho.mqtt
import pytest
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import MQTTException, Properties
from paho.mqtt.reasoncodes import ReasonCode

from civiq import paho_speedups

SETS: list[tuple[int, dict[str, Any]]] = [
    (PacketTypes.PUBLISH, {}),
    (PacketTypes.PUBLISH, {"CorrelationData": b"\x00rid-1\xff",
                           "ResponseTopic": "civiq/v1/hh-wandsbek/reply/kiosk-1"}),
    (PacketTypes.PUBLISH, {"UserProperty": [("a", "1"), ("ü", "€")],
                           "MessageExpiryInterval": 60, "PayloadFormatIndicator": 1,
                           "ContentType": "application/json", "TopicAlias": 3}),
    (PacketTypes.PUBLISH, {"SubscriptionIdentifier": 268435455}),
    (PacketTypes.CONNECT, {"SessionExpiryInterval": 86400, "ReceiveMaximum": 1000,
                           "MaximumPacketSize": 262144, "RequestProblemInformation": 0}),
    (PacketTypes.PUBACK, {"ReasonString": "quota exceeded"}),
    (PacketTypes.DISCONNECT, {"SessionExpiryInterval": 0, "ServerReference": "b"}),
]

BAD: list[tuple[int, str, Any]] = [
    (PacketTypes.PUBLISH, "NoSuchThing", 1),
    (PacketTypes.PUBACK, "CorrelationData", b"x"),
    (PacketTypes.CONNECT, "ReceiveMaximum", 0),
    (PacketTypes.PUBLISH, "TopicAlias", 65536),
    (PacketTypes.CONNACK, "TopicAliasMaximum", -1),
    (PacketTypes.CONNECT, "MaximumPacketSize", 268435456),
    (PacketTypes.PUBLISH, "PayloadFormatIndicator", 2),
]


def both(fn: Callable[[], Any]) -> tuple[Any, Any]:
    """fn under paho's own methods, then under the speed-ups."""
    paho_speedups.uninstall()
    try:
        original = fn()
    finally:
        assert paho_speedups.install()
    return original, fn()


def build(packet_type: int, values: dict[str, Any]) -> Properties:
    p = Properties(packet_type)
    for name, value in values.items():
        setattr(p, name, value)
    return p


def test_installed_for_the_pinned_paho() -> None:
    assert paho.mqtt.__version__.startswith(paho_speedups.CHECKED_VERSIONS)
    assert paho_speedups.install()
    assert Properties.__init__ is not paho_speedups.ORIGINAL[(Properties, "__init__")]


@pytest.mark.parametrize(("packet_type", "values"), SETS)
def test_same_bytes_and_same_reading(packet_type: int, values: dict[str, Any]) -> None:
    def run() -> tuple[bytes, dict, bool, str]:
        packed = build(packet_type, values).pack()
        back, length = Properties(packet_type).unpack(packed)
        assert length == len(packed)
        return packed, back.json(), back.isEmpty(), str(back)

    original, fast = both(run)
    assert fast == original
    assert (fast[2] is True) == (not values)


@pytest.mark.parametrize(("packet_type", "name", "value"), BAD)
def test_same_refusals(packet_type: int, name: str, value: Any) -> None:
    def run() -> str:
        with pytest.raises(MQTTException) as err:
            setattr(Properties(packet_type), name, value)
        return str(err.value)

    original, fast = both(run)
    assert fast == original


def test_clear_and_repeated_user_properties() -> None:
    def run() -> tuple[list, bool]:
        p = Properties(PacketTypes.PUBLISH)
        p.UserProperty = ("k", "1")
        p.UserProperty = [("k", "2")]
        pairs = list(p.UserProperty)
        p.clear()
        return pairs, p.isEmpty()

    original, fast = both(run)
    assert fast == original == ([("k", "1"), ("k", "2")], True)


@pytest.mark.parametrize(("packet_type", "name", "ident"), [
    (PacketTypes.PUBACK, "Success", -1),
    (PacketTypes.CONNACK, "Success", -1),
    (PacketTypes.DISCONNECT, "Success", -1),
    (PacketTypes.SUBACK, "Granted QoS 1", -1),
    (PacketTypes.PUBACK, "Success", 0x97),
    (PacketTypes.DISCONNECT, "Success", 0x8E),
])
def test_reason_codes_alike(packet_type: int, name: str, ident: int) -> None:
    def run() -> tuple[int, str, str]:
        rc = ReasonCode(packet_type, name, ident)
        again = ReasonCode(packet_type, name, ident)  # the cached path
        assert again == rc
        return rc.value, rc.getName(), rc.json()

    original, fast = both(run)
    assert fast == original


def test_unknown_reason_names_still_refused() -> None:
    def run() -> str:
        with pytest.raises(KeyError) as err:
            ReasonCode(PacketTypes.PUBACK, "No such reason")
        return str(err.value)

    original, fast = both(run)
    assert fast == original


def test_reason_codes_and_properties_still_copy_and_pickle() -> None:
    import copy
    import pickle

    def run() -> tuple[str, str, str]:
        rc = ReasonCode(PacketTypes.PUBACK, identifier=0x10)
        props = build(PacketTypes.PUBLISH, {"UserProperty": [("k", "v")],
                                            "CorrelationData": b"r"})
        return (copy.deepcopy(rc).getName(), pickle.loads(pickle.dumps(rc)).getName(),
                str(pickle.loads(pickle.dumps(props))))

    original, fast = both(run)
    assert fast == original
