"""Appointment commands and their bodies: import, cancel, list, check-in.

Bookings carry an opaque booking id, a service and a slot — never a name: the booking
system keeps who booked, civiq only what the queue needs.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from civiq.protocol.models import Args, IsoDateTime, Model

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
#: Entries per import_appointments command (a full entry is ~130 bytes of JSON, so this
#: stays well under the 256 KiB payload limit); the CLI sends bigger files in chunks.
MAX_IMPORT = 1000


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class AppointmentEntry(Args):
    booking_id: str = Field(pattern=_ID, description="the booking system's id; opaque")
    service: str = Field(pattern=_ID)
    slot_start: IsoDateTime = Field(description="ISO 8601 with UTC offset")
    slot_minutes: int = Field(ge=1, le=480)
    site: str | None = Field(
        None, pattern=_ID,
        description="optional; when given it must be this site, or the whole import is "
        "refused (wrong_site)",
    )


class ImportAppointments(Args):
    appointments: list[AppointmentEntry] = Field(max_length=MAX_IMPORT)


class ImportAppointmentsResult(Model):
    created: int
    updated: int = Field(description="known bookings whose service, slot or length changed")
    unchanged: int
    locked: list[str] = Field(
        default_factory=list,
        description="booking ids left as they were because they are already checked in, "
        "no-show or cancelled and the import would change them",
    )


class BookingRef(Args):
    booking_id: str = Field(pattern=_ID)


class ListAppointments(Args):
    day: date | None = Field(None, description="the site's local date; default today")


class AppointmentInfo(Model):
    booking_id: str
    service: str
    day: date
    slot_start: datetime
    slot_minutes: int
    status: AppointmentStatus
    ticket: str | None = Field(None, description="checked in: the ticket number")
    checked_in_at: datetime | None = None


class AppointmentList(Model):
    day: date
    appointments: list[AppointmentInfo] = Field(description="by slot start")


class CheckIn(Args):
    token: str = Field(
        description="the QR code's text as scanned; anything that is not a valid token "
        "(empty, too long, garbage) is refused as malformed",
    )
    language: str = Field("de", pattern=r"^[a-z]{2,3}$")


class AppointmentEvent(Model):
    """Body of ``event/appointment_no_show``: counts for statistics, no booking id."""

    service: str
    slot_start: datetime
    status: AppointmentStatus
