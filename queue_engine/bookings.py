"""A booking as the engine holds it: imported by the booking system, checked in at a
kiosk, cancelled, or marked a no-show when its check-in window passes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from civiq.protocol.appointments import AppointmentInfo, AppointmentStatus


@dataclass(eq=False)
class Appointment:
    booking_id: str
    service: str
    day: date
    slot_start: datetime
    slot_minutes: int
    status: AppointmentStatus
    imported_at: datetime
    updated_at: datetime
    ticket: str | None = None
    checked_in_at: datetime | None = None
    key_id: str | None = None
    status_at: datetime | None = None
    #: the booking code for check-in by keypad, when the booking system sent one
    code: str | None = None

    def info(self) -> AppointmentInfo:
        return AppointmentInfo(
            booking_id=self.booking_id, service=self.service, day=self.day,
            slot_start=self.slot_start, slot_minutes=self.slot_minutes, status=self.status,
            ticket=self.ticket, checked_in_at=self.checked_in_at,
        )
