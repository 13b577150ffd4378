"""Appointment commands and their bodies: import, cancel, list, check-in.

Bookings carry an opaque booking id, a service and a slot — never a name: the booking
system keeps who booked, civiq only what the queue needs.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field, model_validator

from civiq.protocol.formats import BOOKING_CODE as _CODE
from civiq.protocol.formats import (
    CODE_FIRST_LOCK_S,
    CODE_FREE_WRONG,
    CODE_MAX_LOCK_MIN,
    CODE_WRONG_WINDOW_MIN,
    LANGUAGE,
    LANGUAGE_NOTE,
)
from civiq.protocol.formats import ID as _ID
from civiq.protocol.models import Args, IsoDateTime, Model

#: Entries per import_appointments command (a full entry is ~130 bytes of JSON, so this
#: stays well under the 256 KiB payload limit); the CLI sends bigger files in chunks.
MAX_IMPORT = 1000


def _window() -> str:
    """CODE_WRONG_WINDOW_MIN in words: "hour", "30 minutes"."""
    m = CODE_WRONG_WINDOW_MIN
    if m % 60 == 0:
        return "hour" if m == 60 else f"{m // 60} hours"
    return f"{m} minutes"


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
    code: str | None = Field(
        None, pattern=_CODE,
        description="optional: the booking code printed under the QR code, for check-in "
        "by keypad (civiq.appointments.token.booking_code of the booking's token); a "
        "wrong check digit or a code another booking of that day has refuses the import",
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
    """Exactly one of ``token`` (scanned) and ``booking_code`` (typed)."""

    token: str | None = Field(
        None,
        description="the QR code's text as scanned; anything that is not a valid token "
        "(empty, too long, garbage) is refused as malformed",
    )
    booking_code: str | None = Field(
        None, pattern=_CODE,
        description="the booking code typed on the keypad instead of a scan: 10 digits; "
        "a wrong check digit is malformed, a code no booking has is unknown_booking, "
        "the code of a booking on another day wrong_day; each client has "
        f"{CODE_FREE_WRONG} wrong codes free per {_window()}: each further one refuses "
        f"that client's codes with too_many_attempts for {CODE_FIRST_LOCK_S} s, twice as "
        f"long each time up to {CODE_MAX_LOCK_MIN} min (details.retry_after_s)",
    )
    language: str = Field("de", pattern=LANGUAGE, description=LANGUAGE_NOTE)

    @model_validator(mode="after")
    def _one_way(self) -> CheckIn:
        if (self.token is None) == (self.booking_code is None):
            raise ValueError("give either token or booking_code")
        return self


class AppointmentEvent(Model):
    """Body of ``event/appointment_no_show``: counts for statistics, no booking id."""

    service: str
    slot_start: datetime
    status: AppointmentStatus
