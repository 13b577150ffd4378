"""Appointments outside the engine: signed check-in codes (:mod:`.token`), the booking
CSV (:mod:`.bookings_csv`) and ``civiq appointments`` (:mod:`.cli`). The wire models are in
:mod:`civiq.protocol.appointments`; the engine's desk is ``queue_engine.appointment_desk``."""
