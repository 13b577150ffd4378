"""Cheaper MQTT 5 property and reason-code objects for paho-mqtt 2.2.

paho builds every ``Properties`` object from scratch: two dicts of ~30 entries, a list of
type names and ~30 ``list.index`` calls, and every name lookup walks all names calling
``str.replace``. ``ReasonCode`` copies a table of ~40 entries per instance. Each MQTT 5
packet makes one or two of them (every PUBLISH, every PUBACK), so on a busy engine or
client they cost more CPU than the application's own work (~40 us for a publish's
properties, ~25 us for a PUBACK's, measured on this project's machines).

:func:`install` swaps in methods with the same behaviour that share the tables, which
paho only ever reads. Same bytes on the wire, same checks and errors:
``tests/civiq/test_paho_speedups.py`` compares them with paho's own methods. It applies
only to the paho version it was checked against and leaves any other version alone.
"""

from __future__ import annotations

import logging

import paho.mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import MQTTException, Properties, VariableByteIntegers
from paho.mqtt.reasoncodes import ReasonCode

log = logging.getLogger(__name__)

CHECKED_VERSIONS = ("2.2.",)

#: paho's original methods, kept for the comparison tests and for :func:`uninstall`.
ORIGINAL: dict[tuple[type, str], object] = {}

_installed = False


def _tables() -> tuple[list[str], dict[str, int], dict[int, tuple[int, list[int]]]]:
    proto = Properties(PacketTypes.PUBLISH)  # paho's own constructor builds the tables
    return proto.types, proto.names, proto.properties


_TYPES, _NAMES, _PROPS = _tables()
#: "CorrelationData" -> 9, in paho's order (pack writes properties in this order).
_IDENT = {name.replace(" ", ""): ident for name, ident in _NAMES.items()}
#: 9 -> "Correlation Data" (paho's getNameFromIdent returns the spaced name).
_NAME = {ident: name for name, ident in _NAMES.items()}
_MULTIPLE = frozenset({11, 38})
_PRIVATE = frozenset({"packetType", "types", "names", "properties"})
_RANGES = {
    "ReceiveMaximum": (1, 65535),
    "TopicAlias": (1, 65535),
    "TopicAliasMaximum": (0, 65535),
    "MaximumPacketSize": (1, 268435455),
    "SubscriptionIdentifier": (1, 268435455),
}
_FLAGS = frozenset({"RequestResponseInformation", "RequestProblemInformation",
                    "PayloadFormatIndicator"})


def _props_init(self: Properties, packetType: int) -> None:
    d = self.__dict__
    d["packetType"] = packetType
    d["types"] = _TYPES
    d["names"] = _NAMES
    d["properties"] = _PROPS


def _get_ident(self: Properties, compressedName: str) -> int:
    return _IDENT.get(compressedName, -1)


def _get_name(self: Properties, identifier: int) -> str | None:
    return _NAME.get(identifier)


def _allows_multiple(self: Properties, compressedName: str) -> bool:
    return _IDENT.get(compressedName, -1) in _MULTIPLE


def _is_empty(self: Properties) -> bool:
    d = self.__dict__
    return not any(name in d for name in _IDENT)


def _clear(self: Properties) -> None:
    d = self.__dict__
    for name in _IDENT:
        d.pop(name, None)


def _setattr(self: Properties, name: str, value: object) -> None:
    name = name.replace(" ", "")
    if name in _PRIVATE:
        object.__setattr__(self, name, value)
        return
    ident = _IDENT.get(name)
    if ident is None:
        raise MQTTException(f"Property name must be one of {_NAMES.keys()}")
    if self.packetType not in _PROPS[ident][1]:
        raise MQTTException(f"Property {name} does not apply to packet type "
                            f"{PacketTypes.Names[self.packetType]}")
    if not isinstance(value, list):
        limits = _RANGES.get(name)
        if limits is not None and not limits[0] <= value <= limits[1]:
            raise MQTTException(
                f"{name} property value must be in the range {limits[0]}-{limits[1]}")
        if name in _FLAGS and value != 0 and value != 1:
            raise MQTTException(f"{name} property value must be 0 or 1")
    if ident in _MULTIPLE:
        if not isinstance(value, list):
            value = [value]
        if name in self.__dict__:
            value = self.__dict__[name] + value
    self.__dict__[name] = value


def _pack(self: Properties) -> bytes:
    d = self.__dict__
    parts = []
    for name, ident in _IDENT.items():
        if name not in d:
            continue
        attr_type = _PROPS[ident][0]
        if ident in _MULTIPLE:
            parts.extend(self.writeProperty(ident, attr_type, v) for v in d[name])
        else:
            parts.append(self.writeProperty(ident, attr_type, d[name]))
    buffer = b"".join(parts)
    return VariableByteIntegers.encode(len(buffer)) + buffer


_reason_values: dict[tuple[int, str], int] = {}


def _reason_init(self: ReasonCode, packetType: int, aName: str = "Success",
                 identifier: int = -1) -> None:
    # paho copies the class's read-only table into every instance; reading it through
    # the class finds the same entries.
    self.packetType = packetType
    if identifier == -1:
        if packetType == PacketTypes.DISCONNECT and aName == "Success":
            aName = "Normal disconnection"
        key = (packetType, aName)
        value = _reason_values.get(key)
        if value is None:
            self.set(aName)  # paho's lookup, and its error for an unknown name
            _reason_values[key] = self.value
        else:
            self.value = value
    else:
        self.value = identifier
        self.getName()  # paho's check that the identifier is good


_REPLACEMENTS: dict[tuple[type, str], object] = {
    (Properties, "__init__"): _props_init,
    (Properties, "getIdentFromName"): _get_ident,
    (Properties, "getNameFromIdent"): _get_name,
    (Properties, "allowsMultiple"): _allows_multiple,
    (Properties, "isEmpty"): _is_empty,
    (Properties, "clear"): _clear,
    (Properties, "__setattr__"): _setattr,
    (Properties, "pack"): _pack,
    (ReasonCode, "__init__"): _reason_init,
}


def applies() -> bool:
    return paho.mqtt.__version__.startswith(CHECKED_VERSIONS)


def install() -> bool:
    """Swap in the faster methods (once per process); False where paho's version is not
    one they were checked against."""
    global _installed
    if _installed:
        return True
    if not applies():
        log.info("paho-mqtt %s: property speed-ups not applied (checked for %s)",
                 paho.mqtt.__version__, ", ".join(CHECKED_VERSIONS))
        return False
    for (cls, name), fn in _REPLACEMENTS.items():
        ORIGINAL[(cls, name)] = cls.__dict__[name]
        setattr(cls, name, fn)
    _installed = True
    return True


def uninstall() -> None:
    """paho's own methods again (the comparison tests use both)."""
    global _installed
    for (cls, name), fn in ORIGINAL.items():
        setattr(cls, name, fn)
    _installed = False
