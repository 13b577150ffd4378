"""The topic tree, version 1. docs/protocol.md documents it; tests keep both in step."""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "civiq/v1"

ROLES = ("kiosk", "counter", "display", "engine", "booking", "central", "operator")

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def valid_id(value: str) -> bool:
    """Whether ``value`` is a valid site or client id (see :func:`check_id`)."""
    return bool(_ID.fullmatch(value))


def check_id(value: str, what: str = "id") -> str:
    """Site and client ids become topic levels: no wildcards, no slashes."""
    if not valid_id(value):
        raise ValueError(
            f"{what} {value!r} must be 1-64 characters of letters, digits, '_', '.', '-'"
        )
    return value


def state_queue(site: str) -> str:
    return f"{PREFIX}/{site}/state/queue"


def state_calls(site: str) -> str:
    return f"{PREFIX}/{site}/state/calls"


def state_engine(site: str) -> str:
    return f"{PREFIX}/{site}/state/engine"


def event(site: str, kind: str) -> str:
    return f"{PREFIX}/{site}/event/{kind}"


def events(site: str) -> str:
    return f"{PREFIX}/{site}/event/+"


def command(site: str, role: str, client: str) -> str:
    return f"{PREFIX}/{site}/cmd/{role}/{client}"


def commands(site: str) -> str:
    return f"{PREFIX}/{site}/cmd/+/+"


def reply(site: str, client: str) -> str:
    return f"{PREFIX}/{site}/reply/{client}"


def device_status(site: str, client: str) -> str:
    return f"{PREFIX}/{site}/device/{client}/status"


def alert(site: str) -> str:
    return f"{PREFIX}/{site}/alert"


def central(kind: str) -> str:
    return f"{PREFIX}/central/{kind}"


@dataclass(frozen=True)
class CommandTopic:
    site: str
    role: str
    client: str


def parse_command_topic(topic: str) -> CommandTopic | None:
    parts = topic.split("/")
    if len(parts) != 6 or f"{parts[0]}/{parts[1]}" != PREFIX or parts[3] != "cmd":
        return None
    return CommandTopic(site=parts[2], role=parts[4], client=parts[5])


def event_kind(topic: str) -> str | None:
    parts = topic.split("/")
    if len(parts) == 5 and parts[3] == "event":
        return parts[4]
    return None
