"""What a printer printed, as a picture: the ESC/POS bytes read back (text, pictures of
text, QR codes) and drawn on a paper-white strip. The demo shows the kiosk's tickets this
way; it draws what the printer received, not what the kiosk meant to print."""

from __future__ import annotations

import io

import qrcode
from PIL import Image, ImageDraw

from printers.drawing import font, wrap
from printers.escpos_stream import DecodedTicket

WIDTH = 576  # 80 mm paper at 180 dpi, as preview_png
_MARGIN = 24


def receipt_png(ticket: DecodedTicket) -> bytes:
    """The ticket's text lines, then its pictures, then its QR codes, top to bottom."""
    f = font(26)
    blocks: list[Image.Image] = []
    for line in ticket.lines:
        for part in wrap(line, f, WIDTH - 2 * _MARGIN) or [""]:
            img = Image.new("L", (WIDTH, 36), 255)
            ImageDraw.Draw(img).text((_MARGIN, 2), part, font=f, fill=0)
            blocks.append(img)
    for picture in ticket.images:
        img = picture.convert("L")
        if img.width > WIDTH:
            img = img.resize((WIDTH, round(img.height * WIDTH / img.width)))
        blocks.append(img)
    for payload in ticket.qr_payloads:
        qr = qrcode.make(payload, box_size=8, border=2).get_image().convert("L")
        blocks.append(qr)
    height = sum(b.height for b in blocks) + 2 * _MARGIN
    paper = Image.new("L", (WIDTH, max(height, 2 * _MARGIN)), 255)
    y = _MARGIN
    for b in blocks:
        paper.paste(b, ((WIDTH - b.width) // 2 if b.width < WIDTH else 0, y))
        y += b.height
    out = io.BytesIO()
    paper.save(out, format="PNG")
    return out.getvalue()
