"""Printing against the virtual network printer over real TCP: every printer state, a
printer that never answers, a refused connection, and what was printed read back (CP858
text, the native QR payload, an image QR and the PNG preview decoded with zxing-cpp)."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from escpos.printer import Dummy
from PIL import Image

from civiq.config import PrinterSettings
from printers import PrintableTicket, PrinterState, open_printer, preview_png
from printers.backends import EscposPrinter
from printers.escpos_stream import decode, tokens
from printers.text_encoding import transliterate
from printers.virtual import VirtualPrinter, VirtualState

TICKET = PrintableTicket(
    site_name="Kundenzentrum Wandsbek",
    number="A042",
    service="Personalausweis – Größe ändern",
    issued_at=datetime(2026, 11, 24, 9, 14),
    ahead=3,
    wait="ca. 10–20 Min.",
    qr_payload="https://civiq.example/t/wandsbek/A042?s=Zk3",
    note="Bitte warten Sie, bis Ihre Nummer aufgerufen wird. Gebühr 37 € – Grüße",
)
ARABIC = PrintableTicket(
    site_name="Kundenzentrum Wandsbek", number="B007", service="بطاقة الهوية",
    issued_at=datetime(2026, 11, 24, 9, 14), ahead=0, wait="حوالي ١٠ دقائق",
    qr_payload="B007", note="يرجى الانتظار حتى يتم استدعاء رقمك", language="ar",
    labels={"ahead": "قبلك", "wait": "الانتظار"},
)


def qr_texts(img: Image.Image) -> list[str]:
    return [c.text for c in zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.fixture
def vp() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as printer:
        yield printer


def net(vp: VirtualPrinter, profile: str = "TM-T88V", timeout_s: float = 1.0):
    return open_printer(PrinterSettings(backend="network", host=vp.host, port=vp.port,
                                        profile=profile, timeout_s=timeout_s))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(("state", "expected", "printed"), [
    (VirtualState.OK, PrinterState.OK, True),
    (VirtualState.PAPER_NEAR_END, PrinterState.PAPER_NEAR_END, True),
    (VirtualState.PAPER_OUT, PrinterState.PAPER_OUT, False),
    (VirtualState.OFFLINE, PrinterState.OFFLINE, False),
])
def test_each_printer_state(vp: VirtualPrinter, state, expected, printed) -> None:
    vp.state = state
    printer = net(vp)
    assert printer.status() is expected
    result = printer.print_ticket(TICKET)
    assert (result.printed, result.state) == (printed, expected)
    if printed:
        (job,) = vp.wait_for_jobs(1)
        assert "A042" in decode(job.data).lines
    else:
        assert vp.tickets == [] and result.detail


def test_state_switched_at_run_time(vp: VirtualPrinter) -> None:
    printer = net(vp)
    vp.state = VirtualState.PAPER_OUT
    assert not printer.print_ticket(TICKET).printed
    vp.state = VirtualState.OK  # paper refilled
    assert printer.print_ticket(TICKET).printed
    assert len(vp.wait_for_jobs(1)) == 1 and len(vp.tickets) == 1


@pytest.mark.parametrize("timeout_s", [0.3, 1.0])
def test_printer_that_never_answers_costs_at_most_the_timeout(vp: VirtualPrinter,
                                                             timeout_s: float) -> None:
    vp.state = VirtualState.SILENT
    printer = net(vp, timeout_s=timeout_s)
    t0 = time.monotonic()
    assert printer.status() is PrinterState.OFFLINE
    result = printer.print_ticket(TICKET)
    took = time.monotonic() - t0
    assert (result.printed, result.state) == (False, PrinterState.OFFLINE)
    assert "no answer" in result.detail
    assert took < 2 * timeout_s + 0.25  # two calls, each within its own timeout
    assert vp.status_requests >= 2 and vp.tickets == []


def test_connection_refused_is_offline_at_once() -> None:
    printer = open_printer(PrinterSettings(backend="network", host="127.0.0.1",
                                           port=free_port(), timeout_s=1.0))
    t0 = time.monotonic()
    result = printer.print_ticket(TICKET)
    assert (result.printed, result.state) == (False, PrinterState.OFFLINE)
    assert printer.status() is PrinterState.OFFLINE
    assert time.monotonic() - t0 < 1.0
    assert "refused" in result.detail.lower()


def test_printer_switched_off_and_on_again() -> None:
    with VirtualPrinter() as first:
        port = first.port
        printer = open_printer(PrinterSettings(backend="network", host="127.0.0.1",
                                               port=port, timeout_s=1.0))
        assert printer.print_ticket(TICKET).printed
    assert printer.status() is PrinterState.OFFLINE
    with VirtualPrinter(port=port) as again:
        assert printer.print_ticket(TICKET).printed
        assert len(again.wait_for_jobs(1)) == 1


def test_umlauts_sharp_s_and_euro_in_cp858_selected_after_init(vp: VirtualPrinter) -> None:
    assert net(vp).print_ticket(TICKET).printed
    (job,) = vp.wait_for_jobs(1)
    toks = tokens(job.data)
    # ESC @ first, then ESC t 19 (CP858): ESC @ resets the code page to PC437.
    assert [t.raw for t in toks[:2]] == [b"\x1b@", b"\x1bt\x13"]
    d = decode(job.data)
    assert d.code_pages == ["cp858"] and d.cut
    text = d.text
    assert "Kundenzentrum Wandsbek" in text
    assert "Gebühr 37 €" in text and "Grüße" in text and "Größe ändern" in text
    assert "Wartezeit: ca. 10-20 Min." in text  # en dash made plain, not '?'
    assert "Vor Ihnen: 3" in text and "24.11.2026  09:14" in text
    assert "?" not in text
    assert d.lines[d.lines.index("A042") - 2] == "Kundenzentrum Wandsbek"


def test_native_qr_payload_is_the_tickets(vp: VirtualPrinter) -> None:
    net(vp).print_ticket(TICKET)
    (job,) = vp.wait_for_jobs(1)
    d = decode(job.data)
    assert d.qr_payloads == [TICKET.qr_payload]
    assert d.images == []  # no picture: the printer draws the code
    qr_bytes = sum(len(t.raw) for t in tokens(job.data) if t.cmd == b"(k")
    assert qr_bytes < 200


def test_image_qr_on_a_profile_without_native_qr(vp: VirtualPrinter) -> None:
    # TH230: 80 mm, CP858 and raster images, but no native QR in its profile.
    assert net(vp, profile="TH230").print_ticket(TICKET).printed
    (job,) = vp.wait_for_jobs(1)
    d = decode(job.data, profile="TH230")
    assert d.code_pages == ["cp858"]
    assert d.qr_payloads == []
    found = [text for img in d.images for text in qr_texts(img)]
    assert found == [TICKET.qr_payload]
    assert "A042" in d.lines and "?" not in d.text


def test_arabic_ticket_prints_its_lines_as_pictures_never_question_marks(
        vp: VirtualPrinter) -> None:
    assert net(vp).print_ticket(ARABIC).printed
    (job,) = vp.wait_for_jobs(1)
    d = decode(job.data)
    assert "B007" in d.lines and "Kundenzentrum Wandsbek" in d.lines
    assert "24.11.2026  09:14" in d.lines
    assert "?" not in d.text
    assert d.qr_payloads == ["B007"]
    # service, people ahead, wait, note: each a picture of the Arabic text
    assert len(d.images) == 4
    assert all(img.getextrema()[0] == 0 for img in d.images)  # something black on each


def test_preview_png_is_the_layout_and_its_qr_decodes() -> None:
    png = preview_png(TICKET)
    img = Image.open(io.BytesIO(png))
    assert img.format == "PNG" and img.width == 576 and img.height > img.width
    assert qr_texts(img) == [TICKET.qr_payload]
    small = Image.open(io.BytesIO(preview_png(ARABIC, width_px=384)))
    assert small.width == 384 and qr_texts(small) == ["B007"]


def test_file_backend_writes_the_ticket_and_cannot_tell_status(tmp_path: Path) -> None:
    out = tmp_path / "ticket.bin"
    printer = open_printer(PrinterSettings(backend="file", device=str(out)))
    assert printer.status() is PrinterState.UNKNOWN
    result = printer.print_ticket(TICKET)
    assert (result.printed, result.state) == (True, PrinterState.UNKNOWN)
    assert "Gebühr 37 €" in decode(out.read_bytes()).text
    bad = open_printer(PrinterSettings(backend="file", device=str(tmp_path / "no" / "x")))
    assert bad.print_ticket(TICKET).state is PrinterState.OFFLINE


def test_file_backend_status_check_keeps_what_the_file_holds(tmp_path: Path) -> None:
    out = tmp_path / "ticket.bin"
    printer = open_printer(PrinterSettings(backend="file", device=str(out)))
    assert printer.print_ticket(TICKET).printed
    printed = out.read_bytes()
    assert printed
    assert printer.status() is PrinterState.UNKNOWN
    assert out.read_bytes() == printed  # the status check did not open it with "wb"


def test_cups_status_is_unknown_and_opens_nothing(monkeypatch) -> None:
    # CupsPrinter's status reads answer the queue's state, not the printer's status byte.
    printer = open_printer(PrinterSettings(backend="cups", cups_printer="tickets"))
    opened = []
    monkeypatch.setattr(EscposPrinter, "_device", lambda self, left: opened.append(left))
    assert printer.status() is PrinterState.UNKNOWN
    assert opened == []


class _IdleCupsQueue(Dummy):
    """Stands in for CupsPrinter (no pycups, no CUPS here): its ``_read`` answers as
    CupsPrinter's does for an idle queue, b"0", which as a paper status byte means
    "no paper"; everything written is the job that CUPS would be sent."""

    def _read(self) -> bytes:
        return b"0"


def test_cups_ticket_prints_and_its_job_holds_no_status_requests(monkeypatch) -> None:
    queue = _IdleCupsQueue(profile="TM-T88V")
    monkeypatch.setattr(EscposPrinter, "_device", lambda self, left: queue)
    printer = open_printer(PrinterSettings(backend="cups", cups_printer="tickets"))
    result = printer.print_ticket(TICKET)
    assert (result.printed, result.state) == (True, PrinterState.UNKNOWN)
    assert "A042" in decode(queue.output).lines
    assert b"\x10\x04" not in queue.output  # no DLE EOT in the job


def test_no_printer_configured() -> None:
    printer = open_printer(PrinterSettings())
    assert printer.status() is PrinterState.NONE
    assert printer.print_ticket(TICKET).printed is False


def test_unknown_profile_or_one_without_cp858_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="not known"):
        open_printer(PrinterSettings(backend="network", host="h", profile="TM-NOPE"))
    with pytest.raises(ValueError, match="CP858"):
        open_printer(PrinterSettings(backend="network", host="h", profile="TM-U220"))


def test_transliteration_for_text_only_printers() -> None:
    assert transliterate("Паспорт – Київ") == "Pasport - Kiiv"
    assert transliterate("Łódź, Şişli") == "Lódz, Sisli"  # ó is in CP858
    assert transliterate("Straße 5 €") == "Straße 5 €"
    assert transliterate("بطاقة الهوية") is None  # falls back to the printable version
