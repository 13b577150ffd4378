"""A record's fields are written once, in its dataclass: each table has exactly the
columns its dataclass names, so a field without a column cannot be dropped in silence."""

from __future__ import annotations

from datetime import UTC, date, datetime

from civiq.protocol.appointments import AppointmentStatus
from civiq.protocol.models import TicketKind, TicketStatus
from queue_engine.bookings import Appointment
from queue_engine.domain import Ticket
from queue_engine.store import records, schema
from queue_engine.store.repository import TICKET_COLUMNS


def test_tickets_table_and_ticket_name_the_same_fields() -> None:
    assert records.columns(Ticket, TICKET_COLUMNS) == set(schema.tickets.c.keys())


def test_appointments_table_and_appointment_name_the_same_fields() -> None:
    assert records.columns(Appointment) == set(schema.appointments.c.keys())


def test_a_ticket_goes_to_a_row_and_back_unchanged() -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    t = Ticket(day=date(2026, 11, 24), number="A001", service="ausweis", order=1,
               status=TicketStatus.CALLED, arrival=now, issued_at=now,
               kind=TicketKind.APPOINTMENT, counter="platz-1", issued_by="kiosk-1")
    row = records.to_row(t, TICKET_COLUMNS)
    assert row["ord"] == 1 and row["status"] == "called" and row["kind"] == "appointment"
    back = records.from_row(Ticket, row, TICKET_COLUMNS)
    assert vars(back) == vars(t)


def test_a_booking_goes_to_a_row_and_back_unchanged() -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    a = Appointment(booking_id="BK-1", service="ausweis", day=date(2026, 11, 24),
                    slot_start=now, slot_minutes=15, status=AppointmentStatus.NO_SHOW,
                    imported_at=now, updated_at=now)
    row = records.to_row(a)
    assert row["status"] == "no_show"
    assert vars(records.from_row(Appointment, row)) == vars(a)
