"""Every command a client may send the engine, with the roles allowed to send it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from civiq.protocol.appointments import (
    AppointmentInfo,
    AppointmentList,
    BookingRef,
    CheckIn,
    ImportAppointments,
    ImportAppointmentsResult,
    ListAppointments,
)
from civiq.protocol.formats import ID as _ID
from civiq.protocol.formats import LANGUAGE, LANGUAGE_NOTE
from civiq.protocol.models import Args, Model, TicketInfo
from civiq.protocol.roster import SetRoster, SetRosterResult

_NUMBER = r"^[A-Z][0-9]{3,4}$"


class IssueTicket(Args):
    service: str = Field(pattern=_ID)
    language: str = Field("de", pattern=LANGUAGE, description=LANGUAGE_NOTE)
    priority: int = Field(0, ge=0, le=9, description="counters and operators only; from a "
                          "kiosk anything but 0 is refused (forbidden)")
    assistance: bool = Field(False, description="the visitor needs assistance (the kiosk's "
                             "choice, or staff's): an accessible counter calls the ticket")


class IssueTicketResult(Model):
    ticket: TicketInfo
    ahead: int = Field(description="tickets that will probably be called before this one")
    eta_min: float | None = Field(description="estimated minutes until called: the median "
                                  "(p50); null when no counter serving it is expected")
    eta_p10_min: float | None = Field(None, description="low end of the 80 % interval: "
                                      "1 in 10 waits less")
    eta_p90_min: float | None = Field(None, description="high end of the 80 % interval: "
                                      "1 in 10 waits longer")


class CounterCommand(Args):
    counter: str = Field(pattern=_ID)


class CallTicket(Args):
    counter: str = Field(pattern=_ID)
    number: str = Field(pattern=_NUMBER)
    reason: str | None = Field(
        None, min_length=1, max_length=64,
        description="needed to call a ticket of a service this counter does not serve "
        "(and that was not transferred or parked here): why the clerk serves it anyway, "
        "e.g. 'visitor at the counter'; logged, never published",
    )


#: A transfer note is a hint between clerks ("passport photo missing"), never personal
#: data: short, and erased when the ticket ends.
NOTE_MAX = 80


class Transfer(Args):
    counter: str = Field(pattern=_ID)
    to_service: str | None = Field(None, pattern=_ID)
    to_counter: str | None = Field(None, pattern=_ID)
    note: str | None = Field(
        None, min_length=1, max_length=NOTE_MAX,
        description="a short note the next clerk sees (carried on the ticket until it ends, "
        "then erased); never personal data",
    )


class OpenCounter(Args):
    counter: str = Field(pattern=_ID)
    clerk: str | None = Field(None, max_length=64, description="staff login; never published")
    services: list[Annotated[str, Field(pattern=_ID)]] | None = Field(
        None, max_length=50, description="services served; default from the site config"
    )


class PauseCounter(Args):
    counter: str = Field(pattern=_ID)
    reason: str = Field("break", max_length=64)


class TicketRef(Args):
    number: str = Field(pattern=_NUMBER)


class SetPriority(Args):
    number: str = Field(pattern=_NUMBER)
    priority: int = Field(ge=0, le=9)


class TicketResult(Model):
    ticket: TicketInfo | None = Field(description="null when nothing was waiting")


class CallResult(TicketResult):
    finished: TicketInfo | None = Field(
        None, description="the counter's previous ticket, which this call finished; null "
        "when the counter had none")


class CounterResult(Model):
    counter: str
    status: str


@dataclass(frozen=True)
class CommandSpec:
    name: str
    args: type[Model]
    result: type[Model]
    roles: frozenset[str]
    summary: str


_COUNTER = frozenset({"counter", "operator"})

COMMANDS: dict[str, CommandSpec] = {
    spec.name: spec
    for spec in [
        CommandSpec(
            "issue_ticket", IssueTicket, IssueTicketResult,
            frozenset({"kiosk", "counter", "operator"}),
            "Take a walk-in ticket for a service. Refused outside opening hours "
            "(site_closed), and when the wait would pass closing time or no counter serves "
            "the service for the rest of the day (ticket_stop; docs/wait-estimates.md).",
        ),
        CommandSpec(
            "call_next", CounterCommand, CallResult, _COUNTER,
            "Finish the counter's current ticket, if any, and call the next one the "
            "dispatch policy picks. Two counters never get the same ticket.",
        ),
        CommandSpec(
            "call_ticket", CallTicket, CallResult, _COUNTER,
            "Call one particular waiting or parked ticket to this counter. A ticket of a "
            "service the counter does not serve is refused (invalid_transition) unless it "
            "was transferred or parked here, or the command gives a `reason`.",
        ),
        CommandSpec(
            "recall", CounterCommand, TicketResult, _COUNTER,
            "Call the counter's current (called) ticket again; displays announce it again.",
        ),
        CommandSpec(
            "start", CounterCommand, TicketResult, _COUNTER,
            "The visitor has arrived at the counter: called -> serving.",
        ),
        CommandSpec(
            "finish", CounterCommand, TicketResult, _COUNTER,
            "The counter's current ticket is done.",
        ),
        CommandSpec(
            "no_show", CounterCommand, TicketResult, _COUNTER,
            "The called visitor did not come.",
        ),
        CommandSpec(
            "transfer", Transfer, TicketResult, _COUNTER,
            "Send the current ticket back to the queue for another service and/or one "
            "particular counter; it keeps its original arrival time. An optional `note` "
            "travels with the ticket to the next clerk.",
        ),
        CommandSpec(
            "park", CounterCommand, TicketResult, _COUNTER,
            "Put the current ticket aside (visitor fetches a document); call_ticket resumes it.",
        ),
        CommandSpec(
            "cancel", TicketRef, TicketResult, frozenset({"kiosk", "counter", "operator"}),
            "Withdraw a waiting or parked ticket. A kiosk may withdraw only a ticket it "
            "issued itself today (else forbidden); counters and operators any.",
        ),
        CommandSpec(
            "set_priority", SetPriority, TicketResult, _COUNTER,
            "Give a waiting ticket manual priority (emergencies, accessibility).",
        ),
        CommandSpec(
            "open_counter", OpenCounter, CounterResult, _COUNTER,
            "A clerk logs in at a counter; optionally with the services served.",
        ),
        CommandSpec(
            "pause_counter", PauseCounter, CounterResult, _COUNTER,
            "Pause the counter with a reason (break, back office, ...); a current ticket "
            "must be finished, parked or transferred first (else counter_busy).",
        ),
        CommandSpec(
            "close_counter", CounterCommand, CounterResult, _COUNTER,
            "The clerk logs out; a current ticket must be finished or transferred first.",
        ),
        CommandSpec(
            "import_appointments", ImportAppointments, ImportAppointmentsResult,
            frozenset({"booking", "operator"}),
            "Add or update bookings (booking id, service, slot). Importing a booking again "
            "updates it, never duplicates it. All or nothing: one bad entry (other site, "
            "unknown service, past day, repeated id) refuses the whole command.",
        ),
        CommandSpec(
            "cancel_appointment", BookingRef, AppointmentInfo,
            frozenset({"booking", "operator"}),
            "Cancel a booking; its QR code is refused from then on (cancelled).",
        ),
        CommandSpec(
            "list_appointments", ListAppointments, AppointmentList,
            frozenset({"booking", "operator", "counter"}),
            "A day's bookings with their status: booked, checked_in, cancelled, no_show.",
        ),
        CommandSpec(
            "set_roster", SetRoster, SetRosterResult, frozenset({"booking", "operator"}),
            "Set a day's duty roster (per counter: shifts, planned breaks, services; no "
            "names), as a staff-planning system knows it. It replaces that day's earlier "
            "roster whole and is kept across restarts; wait estimates open, pause and close "
            "counters by it. Refused (invalid_arguments) for an unknown counter or service "
            "or a past day.",
        ),
        CommandSpec(
            "check_in", CheckIn, IssueTicketResult, frozenset({"kiosk", "counter", "operator"}),
            "Check in a booking with its signed QR code: a ticket with appointment priority. "
            "A document pick-up code (token kind `pickup`) gives one ticket of kind `pickup` "
            "for the site's `[appointments] pickup_service`, queued like a walk-in, once per "
            "code. Refusals: malformed, unknown_key, bad_signature, wrong_site, wrong_day, "
            "unknown_booking, unknown_service (no pick-up service), cancelled, "
            "already_checked_in, too_early, too_late.",
        ),
    ]
}

#: Event kinds published on ``event/{kind}``.
EVENT_KINDS: dict[str, str] = {
    "issued": "a walk-in ticket was issued (TicketEvent)",
    "called": "a ticket was called to a counter (TicketEvent)",
    "recalled": "a ticket was called again (TicketEvent)",
    "started": "the visitor arrived at the counter (TicketEvent)",
    "finished": "the ticket was served (TicketEvent)",
    "no_show": "the visitor did not come (TicketEvent)",
    "transferred": "the ticket went back to the queue elsewhere (TicketEvent)",
    "parked": "the ticket was put aside (TicketEvent)",
    "cancelled": "the ticket was withdrawn (TicketEvent)",
    "priority": "the ticket's manual priority changed (TicketEvent)",
    "counter": "a counter opened, paused or closed (CounterEvent)",
    "checked_in": "an appointment was checked in and got its ticket (TicketEvent)",
    "appointment_no_show": "a booking's check-in window passed without check-in "
    "(AppointmentEvent)",
}
