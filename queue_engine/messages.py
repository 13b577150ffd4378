"""What goes into and out of the engine's batch: shared by the engine, its appointment
desk and the MQTT service, so that none of them imports another for its types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel


@dataclass(frozen=True)
class Inbound:
    topic: str
    payload: bytes
    correlation: bytes | None = None


@dataclass(frozen=True)
class Outbound:
    topic: str
    payload: bytes
    qos: int = 1
    retain: bool = False
    correlation: bytes | None = None


@dataclass
class Context:
    now: datetime
    client: str
    role: str


@dataclass
class Outcome:
    result: BaseModel
    events: list[tuple[str, BaseModel]]
