"""Message bodies: tickets, counters, state, calls, events, replies.

Everything here is public protocol (docs/protocol.md is generated from it). Displays and
the central tier see these, so they carry ticket numbers and counts, never names.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

#: ISO 8601 date and time with a UTC offset, as the document says. pydantic alone also
#: takes a string of digits as a Unix time ("1795507200").
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})")


def _iso_datetime(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # a datetime made in Python; anything else fails as not a datetime
    if not _ISO_DATETIME.fullmatch(value):
        raise ValueError("must be an ISO 8601 date and time with offset, "
                         "e.g. 2026-11-24T09:00:00+01:00")
    # Parsed here: after a validator strict mode would take the string for Python input.
    return datetime.fromisoformat(value)


IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_datetime)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Args(Model):
    """Command arguments: strict, as documented. Nothing is coerced (``"priority": "7"``,
    ``true`` for an integer, a number for a date are refused); the engine validates them
    from JSON, where dates and times are ISO 8601 strings."""

    model_config = ConfigDict(extra="forbid", strict=True)


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    PARKED = "parked"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class TicketKind(StrEnum):
    WALK_IN = "walk_in"
    APPOINTMENT = "appointment"
    PICKUP = "pickup"  # from a document pick-up code: queued like a walk-in


class CounterStatus(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class TicketInfo(Model):
    number: str = Field(description="e.g. A042: service prefix and the day's running number")
    service: str
    status: TicketStatus
    kind: TicketKind = TicketKind.WALK_IN
    priority: int = Field(0, description="manual priority; higher is called first")
    arrival: datetime = Field(description="first arrival; kept when transferred")
    issued_at: datetime
    counter: str | None = Field(None, description="counter that called it, or must call it")
    called_at: datetime | None = None
    recalls: int = 0
    slot_start: datetime | None = Field(None, description="appointments: booked slot")
    eta_min: float | None = Field(None, description="estimated minutes until called")
    language: str | None = None
    assistance: bool = Field(False, description="the visitor asked for assistance: called "
                             "by an accessible counter where one serves the service")
    note: str | None = Field(None, description="the last transfer's note for the next clerk; "
                             "erased when the ticket ends")


#: The state lists this many waiting, and as many parked, tickets at most (about 150
#: bytes each).
WAITING_LISTED = 300


class WaitingTicket(Model):
    number: str
    service: str
    kind: TicketKind
    priority: int = 0
    arrival: datetime
    parked: bool = False
    counter: str | None = Field(None, description="only this counter may call it")
    slot_start: datetime | None = None
    eta_min: float | None = Field(None, description="estimated minutes until called (p50)")
    eta_p10_min: float | None = Field(None, description="80 % interval, low end")
    eta_p90_min: float | None = Field(None, description="80 % interval, high end")
    assistance: bool = Field(False, description="needs assistance (an accessible counter)")


class ServiceState(Model):
    id: str
    waiting: int = Field(description="tickets waiting for this service")
    eta_min: float | None = Field(
        description="estimated minutes a walk-in taking a ticket now would wait; "
        "null when no counter serving it is open"
    )
    eta_p10_min: float | None = Field(None, description="80 % interval, low end")
    eta_p90_min: float | None = Field(None, description="80 % interval, high end")
    open_counters: int
    ticket_stop: bool = Field(False, description="walk-in tickets refused for now")
    ticket_stop_reason: str | None = Field(None, description="site_closed or ticket_stop")
    ticket_stop_until: datetime | None = None


class CounterState(Model):
    id: str
    name: str
    status: CounterStatus
    pause_reason: str | None = None
    services: list[str]
    current: TicketInfo | None = None
    served_today: int = Field(0, description="tickets this counter finished today")
    handling_avg_min: float | None = Field(
        None, description="this counter's mean minutes from start (or call) to finish today")


class QueueState(Model):
    """Retained on ``state/queue``: everything a counter or display needs to draw."""

    day: str = Field(description="the site's local date, YYYY-MM-DD")
    services: list[ServiceState]
    counters: list[CounterState]
    waiting: list[WaitingTicket] = Field(
        description="in the order the policy would call them, parked ones last; at most "
                    f"{WAITING_LISTED} waiting and {WAITING_LISTED} parked (the rest are "
                    "counted in waiting_unlisted)")
    waiting_unlisted: int = Field(
        0, description="tickets waiting or parked beyond the list: the list stops there so "
                       "that the state stays far below the payload limit on any day")
    served_today: int = 0
    issued_today: int = 0


class Call(Model):
    number: str
    service: str
    counter: str
    counter_name: str
    at: datetime
    recall: int = Field(0, description="0 for the first call, 1.. for each recall")
    assistance: bool = Field(False, description="the visitor asked for assistance: boards "
                             "say so, so that staff can help them to the counter")


class CallsState(Model):
    """Retained on ``state/calls``: the latest calls, newest first, each ticket once (its
    latest call or recall)."""

    calls: list[Call]


class EngineState(Model):
    """Retained on ``state/engine``; the engine's will message sets ``online`` false."""

    online: bool
    version: str | None = None
    started_at: datetime | None = None


class DeviceStatus(Model):
    """Retained on ``device/{client}/status``; a device's will message sets ``online`` false
    (and ``detail`` ``{"will": true}``). The retained message is the device's state now:
    a client that starts later learns a kiosk's printer fault or a lost device from it."""

    online: bool
    role: str
    version: str | None = None
    detail: dict[str, Any] = Field(
        default_factory=dict,
        description="a kiosk: `printer` (`ok`, `paper_near_end`, `paper_out`, `offline`, "
        "`none`, `unknown`) and `paper`; the will message: `will: true`, and its `ts` is "
        "when the device connected, not when it was lost (a clean stop's `ts` is its time)")


class TicketEvent(Model):
    """Body of every ``event/{kind}`` message."""

    ticket: TicketInfo
    counter: str | None = None
    counter_name: str | None = None
    from_service: str | None = Field(None, description="transferred: the service it left")
    by: str | None = Field(None, description="the client that caused it")


class CounterEvent(Model):
    counter: str
    status: CounterStatus
    reason: str | None = None
    by: str | None = None


class ErrorInfo(Model):
    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class Reply(Model):
    """Body of a ``reply``: ``ok`` with a ``result``, or not ``ok`` with an ``error``."""

    ok: bool
    command: str | None = None
    result: dict[str, Any] | None = None
    error: ErrorInfo | None = None


class Notice(Model):
    """One line for the displays' ticker, e.g. a shorter wait at another site."""

    id: str | None = Field(None, max_length=64)
    text: dict[str, str] = Field(min_length=1, description="per language code")
    sites: list[str] = Field(default_factory=list, description="site ids; empty: every site")
    services: list[str] = Field(
        default_factory=list, description="only boards showing one of these; empty: all")
    until: datetime | None = Field(None, description="not shown after this time")


class NoticesState(Model):
    """Retained on ``civiq/v1/central/notices`` (envelope site ``central``): what displays
    show in their ticker besides the site's own notices. Publishing an empty list clears."""

    notices: list[Notice] = Field(default_factory=list, max_length=50)


class Recommendation(Model):
    """Another site where the same service has a clearly shorter wait."""

    site: str = Field(description="the site whose visitors this is for")
    service: str = Field(description="service id (the same at both sites)")
    to_site: str = Field(description="the recommended site's id")
    to_site_name: str = Field(min_length=1, description="its name, e.g. 'Kundenzentrum Altona'")
    to_site_names: dict[str, str] = Field(default_factory=dict,
                                          description="its name per language code, optional")
    to_eta_min: float = Field(ge=0, description="estimated wait there now (minutes, p50)")
    eta_min: float | None = Field(None, description="the wait at `site` as central saw it")
    until: datetime | None = Field(None, description="not shown after this time")


class RecommendationsState(Model):
    """Retained on ``civiq/v1/central/recommendations`` (envelope site ``central``): kiosks
    show a recommendation on the ticket screen when the other site's wait is clearly
    shorter than the ticket's own estimate. Publishing an empty list clears."""

    recommendations: list[Recommendation] = Field(default_factory=list, max_length=500)
