"""Ticket printing: one layout, independent of transport, to ESC/POS bytes (python-escpos,
a configured printer profile, code page CP858) and to a PNG preview; printer backends by
configuration (network, USB, serial, CUPS, file, none) with their status. No Qt.

The kiosk uses only what this module exports:

* :class:`PrintableTicket` — what goes on paper (already in the citizen's language);
* :func:`open_printer` — a :class:`TicketPrinter` for a kiosk's ``PrinterSettings``;
* :func:`preview_png` — the same layout as a PNG (kiosk screen, docs, tests).

Every printer operation returns within the settings' ``timeout_s`` (at most 2 s): a
printer that is out of paper, offline, refusing connections or silent never hangs the
kiosk. Call :meth:`TicketPrinter.print_ticket` from a worker thread, never the GUI's.
"""

from printers.api import (
    PrintableTicket,
    PrinterState,
    PrintResult,
    TicketPrinter,
    open_printer,
    preview_png,
)

__all__ = ["PrintResult", "PrintableTicket", "PrinterState", "TicketPrinter", "open_printer",
           "preview_png"]
