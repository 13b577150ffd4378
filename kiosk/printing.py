"""The kiosk's printer: opened from the kiosk's settings, used from a worker thread, and
its faults turned into one alert each (and one "resolved"), never a storm. No Qt.

A kiosk without a working printer still works: ``open_printer`` failing (or the
``none`` backend) means the ticket is shown on screen only.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from civiq.config import PrinterSettings
from printers import PrintableTicket, PrinterState, PrintResult, TicketPrinter, open_printer

log = logging.getLogger(__name__)

#: States staff must act on.
FAULTS = frozenset({PrinterState.PAPER_OUT, PrinterState.OFFLINE,
                    PrinterState.PAPER_NEAR_END})


class KioskPrinter:
    """One worker thread: printing never blocks the GUI, and tickets print in order."""

    def __init__(self, settings: PrinterSettings) -> None:
        self.settings = settings
        self._printer: TicketPrinter | None = None
        self.why_none = ""
        if settings.backend != "none":
            try:
                self._printer = open_printer(settings)
            except NotImplementedError as exc:
                self.why_none = f"printing not available in this build: {exc}"
            except Exception as exc:  # a bad device path, a missing library: screen only
                self.why_none = f"cannot open the {settings.backend} printer: {exc}"
            if self.why_none:
                log.warning("kiosk printer: %s; tickets are shown on screen only",
                            self.why_none)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-printer")

    @property
    def none(self) -> bool:
        return self._printer is None

    def print_ticket(self, ticket: PrintableTicket) -> Future[PrintResult]:
        if self._printer is None:
            f: Future[PrintResult] = Future()
            f.set_result(PrintResult(False, PrinterState.NONE, self.why_none))
            return f
        return self._pool.submit(self._print, ticket)

    def _print(self, ticket: PrintableTicket) -> PrintResult:
        assert self._printer is not None
        try:
            return self._printer.print_ticket(ticket)
        except Exception as exc:  # the printer's failure is a state, never the kiosk's end
            log.exception("printing failed")
            return PrintResult(False, PrinterState.OFFLINE, str(exc))

    def status(self) -> Future[PrinterState]:
        if self._printer is None:
            f: Future[PrinterState] = Future()
            f.set_result(PrinterState.NONE)
            return f
        printer = self._printer

        def ask() -> PrinterState:
            try:
                return printer.status()
            except Exception as exc:
                log.warning("printer status failed: %s", exc)
                return PrinterState.OFFLINE
        return self._pool.submit(ask)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._printer is not None:
            try:
                self._printer.close()
            except Exception:
                log.exception("closing the printer failed")


@dataclass(frozen=True)
class Alert:
    kind: str  # printer_paper_out, printer_offline, printer_paper_near_end
    active: bool  # False: resolved
    detail: str = ""

    def data(self, kiosk: str) -> dict[str, Any]:
        return {"device": kiosk, "role": "kiosk", "kind": self.kind,
                "state": "active" if self.active else "resolved", "detail": self.detail}


class FaultTracker:
    """Printer states in, alerts out: one when a fault begins, one when it ends."""

    def __init__(self) -> None:
        self.state = PrinterState.UNKNOWN
        self.active: PrinterState | None = None

    def update(self, state: PrinterState, detail: str = "") -> list[Alert]:
        self.state = state
        out: list[Alert] = []
        fault = state if state in FAULTS else None
        if state in (PrinterState.UNKNOWN, PrinterState.NONE):
            return out  # the backend cannot tell: keep what is known
        if fault == self.active:
            return out
        if self.active is not None:
            out.append(Alert(f"printer_{self.active.value}", False, detail))
        if fault is not None:
            out.append(Alert(f"printer_{fault.value}", True, detail))
        self.active = fault
        return out
