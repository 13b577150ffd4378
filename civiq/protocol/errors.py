"""Reason codes of error replies. Each has a fixed meaning that clients explain to people."""

from __future__ import annotations

import sys
from enum import StrEnum


class ErrorCode(StrEnum):
    INVALID_JSON = "invalid_json"
    INVALID_ENVELOPE = "invalid_envelope"
    INVALID_ARGUMENTS = "invalid_arguments"
    UNKNOWN_COMMAND = "unknown_command"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    FORBIDDEN = "forbidden"
    WRONG_SITE = "wrong_site"
    UNKNOWN_SERVICE = "unknown_service"
    UNKNOWN_COUNTER = "unknown_counter"
    UNKNOWN_TICKET = "unknown_ticket"
    COUNTER_NOT_OPEN = "counter_not_open"
    COUNTER_BUSY = "counter_busy"
    NO_CURRENT_TICKET = "no_current_ticket"
    INVALID_TRANSITION = "invalid_transition"
    WALK_IN_NOT_ALLOWED = "walk_in_not_allowed"
    SITE_CLOSED = "site_closed"
    TICKET_STOP = "ticket_stop"
    # Appointment check-in (check_in) and booking commands.
    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    WRONG_DAY = "wrong_day"
    TOO_EARLY = "too_early"
    TOO_LATE = "too_late"
    ALREADY_CHECKED_IN = "already_checked_in"
    CANCELLED = "cancelled"
    UNKNOWN_BOOKING = "unknown_booking"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    EXPIRED = "expired"
    INTERNAL_ERROR = "internal_error"
    # Said by clients, never by the engine: no reply came in time.
    ENGINE_UNAVAILABLE = "engine_unavailable"


ERROR_DESCRIPTIONS: dict[ErrorCode, str] = {
    ErrorCode.INVALID_JSON: "the payload is not valid UTF-8 JSON, has a key twice in one "
    f"object, an integer of more than {sys.get_int_max_str_digits()} digits (Python's limit, "
    "which the engine's JSON reader keeps) or nesting too deep (the message says which)",
    ErrorCode.INVALID_ENVELOPE: "the JSON is not a valid envelope (missing or wrong fields)",
    ErrorCode.INVALID_ARGUMENTS: "the command's `data` does not fit its schema",
    ErrorCode.UNKNOWN_COMMAND: "no command of that `type` exists",
    ErrorCode.PAYLOAD_TOO_LARGE: "the payload is 256 KiB or larger",
    ErrorCode.FORBIDDEN: "the role in the topic may not send this command, or not for "
    "this ticket (a kiosk cancelling a ticket it did not issue)",
    ErrorCode.WRONG_SITE: "the envelope's site, an appointment code's site or an imported "
    "booking's site is not the engine's site",
    ErrorCode.UNKNOWN_SERVICE: "no service with that id at this site",
    ErrorCode.UNKNOWN_COUNTER: "no counter with that id at this site",
    ErrorCode.UNKNOWN_TICKET: "no ticket with that number today",
    ErrorCode.COUNTER_NOT_OPEN: "the counter is paused or closed",
    ErrorCode.COUNTER_BUSY: "the counter still has a ticket it must finish, park or transfer",
    ErrorCode.NO_CURRENT_TICKET: "the counter has no current ticket",
    ErrorCode.INVALID_TRANSITION: "the ticket is not in a state that allows this",
    ErrorCode.WALK_IN_NOT_ALLOWED: "the service takes appointments only",
    ErrorCode.SITE_CLOSED: "outside opening hours; `details.until` says when it opens",
    ErrorCode.TICKET_STOP: "the wait would pass closing time, or no counter serves the "
    "service for the rest of the day; `details.until` says when tickets are issued again",
    ErrorCode.MALFORMED: "the scanned text is not a well-formed civiq appointment code",
    ErrorCode.UNKNOWN_KEY: "the appointment code is signed with a key this site does not know",
    ErrorCode.BAD_SIGNATURE: "the appointment code's signature does not match: altered or forged",
    ErrorCode.WRONG_DAY: "the appointment is on another day; `details.day` says which",
    ErrorCode.TOO_EARLY: "check-in for this appointment opens later (a pick-up code: the "
    "documents are not ready yet); `details.from` says when (ISO time; a date for pick-up)",
    ErrorCode.TOO_LATE: "the check-in window of this appointment has passed (a pick-up code: "
    "its last day has passed); `details.until` says when it closed",
    ErrorCode.ALREADY_CHECKED_IN: "this appointment (or pick-up code) was checked in already; "
    "`details.ticket` is its ticket, `details.checked_in_at` when (ISO, site's local time)",
    ErrorCode.CANCELLED: "this appointment was cancelled",
    ErrorCode.UNKNOWN_BOOKING: "no booking with that id (or that booking code) at this site",
    ErrorCode.TOO_MANY_ATTEMPTS: "too many wrong booking codes from this client: codes are "
    "refused for `details.retry_after_s` seconds (a QR code still works)",
    ErrorCode.EXPIRED: "the command arrived after its `ttl_s` had passed (its sender has "
    "given up on it): nothing was done",
    ErrorCode.INTERNAL_ERROR: "the engine failed; nothing was changed",
    ErrorCode.ENGINE_UNAVAILABLE: "(client side) no reply from the engine in time",
}


class ProtocolError(Exception):
    """A refusal with a reason code; becomes an error reply."""

    def __init__(self, code: ErrorCode, message: str, details: dict | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.details = details or {}
