"""Ticket printers by ``PrinterSettings.backend``: python-escpos's Network, Usb, Serial,
CupsPrinter and File, and none (screen only).

Every call keeps one deadline of ``timeout_s`` (at most 2 s) from its start: the network
socket's timeout is set to what is left before each step, so a printer that refuses, is
unreachable, or accepts the connection and never answers costs the kiosk at most that.
Nothing is held open between tickets: each call connects, asks, prints and closes, so a
printer that was switched off and on again simply works at the next ticket.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from escpos.capabilities import get_profile
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError

from civiq.config import PrinterSettings
from printers.api import PrintableTicket, PrinterState, PrintResult
from printers.escpos_render import render
from printers.layout import layout
from printers.text_encoding import ESCPOS_CODEPAGE

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Backends whose python-escpos class answers ``is_online``/``paper_status`` from the
#: printer. Not ``cups``: CupsPrinter's status reads answer the CUPS queue's state (b"0",
#: b"8"), not the printer's status byte, and the requests would go into the print job.
#: Not ``file``: nothing answers, and opening the file for a status check empties it.
_STATUS_BACKENDS = {"network", "usb", "serial"}
_EXTRA = {"usb": "pyusb", "serial": "pyserial", "cups": "pycups"}


def check_profile(name: str) -> None:
    """ValueError unless python-escpos knows the profile and it has code page CP858."""
    try:
        profile = get_profile(name)
    except KeyError:
        raise ValueError(f"printer profile {name!r} is not known to python-escpos "
                         "(see `python-escpos` capabilities, e.g. TM-T88V, TM-T20II)") from None
    if ESCPOS_CODEPAGE not in profile.get_code_pages():
        raise ValueError(f"printer profile {name!r} has no code page {ESCPOS_CODEPAGE} "
                         "(umlauts, ß, €); choose a profile that has it, e.g. TM-T88V")


class _Late(Exception):
    """The deadline passed before a step could start."""


class NoPrinter:
    """backend = "none": the ticket is shown on screen only."""

    def status(self) -> PrinterState:
        return PrinterState.NONE

    def print_ticket(self, ticket: PrintableTicket) -> PrintResult:
        return PrintResult(False, PrinterState.NONE, "no printer configured")

    def close(self) -> None:
        pass


class EscposPrinter:
    """A ticket printer reached through python-escpos with the configured profile."""

    def __init__(self, settings: PrinterSettings) -> None:
        if settings.backend == "none":
            raise ValueError("backend none: use NoPrinter")
        check_profile(settings.profile)
        self.settings = settings
        self._lock = threading.Lock()  # one conversation with the printer at a time

    # ----- the python-escpos object -------------------------------------------------
    def _device(self, left: float) -> Escpos:
        s = self.settings
        kw = {"profile": s.profile}
        if s.backend == "network":
            from escpos.printer import Network

            if not s.host:
                raise ValueError("network printer: no host configured")
            return Network(s.host, s.port, timeout=left, **kw)
        if s.backend == "file":
            from escpos.printer import File

            if not s.device:
                raise ValueError("file printer: no device (output path) configured")
            return File(s.device, **kw)
        if s.backend == "usb":
            from escpos.printer import Usb

            if not Usb.is_usable():
                raise ValueError("USB printing needs pyusb: pip install 'python-escpos[usb]'")
            if s.usb_vendor is None or s.usb_product is None:
                raise ValueError("usb printer: usb_vendor and usb_product are needed")
            return Usb(s.usb_vendor, s.usb_product, timeout=int(left * 1000), **kw)
        if s.backend == "serial":
            from escpos.printer import Serial

            if not Serial.is_usable():
                raise ValueError("serial printing needs pyserial: "
                                 "pip install 'python-escpos[serial]'")
            if not s.device:
                raise ValueError("serial printer: no device configured")
            return Serial(s.device, baudrate=s.baudrate, timeout=left, **kw)
        if s.backend == "cups":
            from escpos.printer import CupsPrinter

            if not CupsPrinter.is_usable():
                raise ValueError("CUPS printing needs pycups: pip install 'python-escpos[cups]'")
            return CupsPrinter(s.cups_printer or "", **kw)
        raise ValueError(f"unknown printer backend {s.backend!r}")

    @staticmethod
    def _step(p: Escpos, deadline: float, fn: Callable[[], T]) -> T:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Late()
        dev = p.device
        if isinstance(dev, socket.socket):
            dev.settimeout(left)
        return fn()

    def _open(self, deadline: float) -> Escpos:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Late()
        p = self._device(left)
        p.open()
        dev = p.device
        if isinstance(dev, socket.socket):
            # Many small writes, then a status read: without this, Nagle holds the read.
            dev.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return p

    def _state(self, p: Escpos, deadline: float) -> PrinterState:
        if self.settings.backend not in _STATUS_BACKENDS:
            return PrinterState.UNKNOWN
        if not self._step(p, deadline, p.is_online):
            return PrinterState.OFFLINE
        paper = self._step(p, deadline, p.paper_status)
        return {0: PrinterState.PAPER_OUT, 1: PrinterState.PAPER_NEAR_END}.get(
            paper, PrinterState.OK)

    @staticmethod
    def _close(p: Escpos | None) -> None:
        if p is None:
            return
        try:
            p.close()
        except (OSError, EscposError):
            pass

    def _fault(self, exc: BaseException, what: str) -> str:
        if isinstance(exc, _Late | TimeoutError):
            return f"{what}: no answer within {self.settings.timeout_s:g} s"
        if isinstance(exc, ValueError):
            return f"{what}: {exc}"
        if not isinstance(exc, OSError | EscposError):
            log.exception("printer: %s failed", what)
        return f"{what}: {exc}"

    def _locked(self, deadline: float) -> bool:
        return self._lock.acquire(timeout=max(0.0, deadline - time.monotonic()))

    # ----- TicketPrinter --------------------------------------------------------------
    def status(self) -> PrinterState:
        if self.settings.backend not in _STATUS_BACKENDS:
            return PrinterState.UNKNOWN  # nothing to ask: open nothing (a file is emptied)
        deadline = time.monotonic() + self.settings.timeout_s
        if not self._locked(deadline):
            return PrinterState.UNKNOWN  # busy printing; the print's result will tell
        p = None
        try:
            p = self._open(deadline)
            return self._state(p, deadline)
        except Exception as exc:
            log.info("printer status: %s", self._fault(exc, "status"))
            return PrinterState.OFFLINE
        finally:
            self._close(p)
            self._lock.release()

    def print_ticket(self, ticket: PrintableTicket) -> PrintResult:
        deadline = time.monotonic() + self.settings.timeout_s
        blocks = layout(ticket)
        if not self._locked(deadline):
            return PrintResult(False, PrinterState.OFFLINE, "printer busy past the timeout")
        p = None
        try:
            try:
                p = self._open(deadline)
            except Exception as exc:
                return PrintResult(False, PrinterState.OFFLINE, self._fault(exc, "connect"))
            try:
                before = self._state(p, deadline)
            except Exception as exc:
                return PrintResult(False, PrinterState.OFFLINE, self._fault(exc, "status"))
            if before in (PrinterState.OFFLINE, PrinterState.PAPER_OUT):
                return PrintResult(False, before, f"not printed: printer {before.value}")
            try:
                self._step(p, deadline, lambda: render(p, blocks))
            except Exception as exc:
                return PrintResult(False, PrinterState.OFFLINE, self._fault(exc, "print"))
            try:
                after = self._state(p, deadline)
            except Exception as exc:
                return PrintResult(True, PrinterState.OFFLINE,
                                   self._fault(exc, "status after printing"))
            return PrintResult(True, after, "")
        finally:
            self._close(p)
            self._lock.release()

    def close(self) -> None:
        pass
