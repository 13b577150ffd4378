"""The printing interface the kiosk codes against (implementations live beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from civiq.config import PrinterSettings


@dataclass(frozen=True)
class PrintableTicket:
    """A ticket as printed: every text already in the citizen's language (the kiosk
    translates), so the layout only places it."""

    site_name: str
    number: str  # "A042"
    service: str  # the service's name in the citizen's language
    issued_at: datetime  # local time of the site
    ahead: int | None  # people ahead; None when unknown
    wait: str | None  # "ca. 10–20 Min." in the citizen's language; None: no estimate
    qr_payload: str  # the ticket number
    note: str  # one short line in the citizen's language ("Bitte warten Sie ...")
    language: str = "de"
    labels: dict[str, str] | None = None  # "ahead", "wait" captions, translated
    #: Lines after the service: a check-in's "checked in" and appointment time,
    #: assistance, a shorter wait elsewhere (as on the kiosk's screen).
    extra: tuple[str, ...] = ()


class PrinterState(StrEnum):
    OK = "ok"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"  # refused, unreachable or no answer within the timeout
    NONE = "none"  # no printer configured: the ticket is shown on screen only
    UNKNOWN = "unknown"  # the backend cannot tell (file, CUPS without status)


@dataclass(frozen=True)
class PrintResult:
    printed: bool  # all bytes handed to the printer
    state: PrinterState  # the state after printing (or why it did not print)
    detail: str = ""  # for logs and staff alerts; never shown to citizens as is


class TicketPrinter(Protocol):
    def status(self) -> PrinterState:
        """The printer's state now, within the timeout."""
        ...

    def print_ticket(self, ticket: PrintableTicket) -> PrintResult:
        """Check the state, print, check again; within about twice the timeout at most."""
        ...

    def close(self) -> None: ...


def open_printer(settings: PrinterSettings) -> TicketPrinter:
    """The backend the settings name."""
    from printers.backends import EscposPrinter, NoPrinter

    if settings.backend == "none":
        return NoPrinter()
    return EscposPrinter(settings)


def preview_png(ticket: PrintableTicket, width_px: int = 576) -> bytes:
    """The ticket's layout as PNG bytes, 576 px wide (80 mm paper at 203 dpi)."""
    from printers.preview import preview_png as render

    return render(ticket, width_px)
