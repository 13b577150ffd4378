"""What the demo shows of a printed ticket: the bytes the printer received, read back and
drawn; the picture's QR code is the ticket's."""

from __future__ import annotations

import io

from PIL import Image

from printers.escpos_stream import decode
from printers.receipt import receipt_png
from printers.virtual import VirtualPrinter
from tests.printers.test_printing import ARABIC, TICKET, net, qr_texts


def test_a_printed_ticket_drawn_from_its_bytes_carries_its_qr_code() -> None:
    with VirtualPrinter() as vp:
        assert net(vp).print_ticket(TICKET).printed
        (job,) = vp.wait_for_jobs(1)
    picture = Image.open(io.BytesIO(receipt_png(decode(job.data))))
    assert picture.width == 576 and picture.height > 600
    assert qr_texts(picture) == [TICKET.qr_payload]


def test_text_printed_as_pictures_is_drawn_too() -> None:
    with VirtualPrinter() as vp:
        assert net(vp).print_ticket(ARABIC).printed
        (job,) = vp.wait_for_jobs(1)
    decoded = decode(job.data)
    assert decoded.images  # the Arabic lines went as pictures
    picture = Image.open(io.BytesIO(receipt_png(decoded)))
    assert picture.height > sum(i.height for i in decoded.images)
