"""The ticket's layout as a PNG: the kiosk's screen, the docs and the tests see what the
paper shows (same blocks, fonts from fonts-dejavu-core)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from printers import drawing
from printers.api import PrintableTicket
from printers.layout import Cut, Line, Qr, Rule, layout

_PX = {"site": 30, "number": 150, "service": 44, "normal": 30, "small": 24}
_BOLD = {"site", "number", "service"}


def preview_image(ticket: PrintableTicket, width_px: int = 576) -> Image.Image:
    if width_px < 200:
        raise ValueError(f"width_px {width_px}: a ticket needs at least 200 pixels")
    scale = width_px / 576
    parts: list[Image.Image] = []
    for b in layout(ticket):
        if isinstance(b, Line):
            parts.append(drawing.text_image(b.text, max(8, round(_PX[b.style] * scale)),
                                            b.style in _BOLD, width_px))
        elif isinstance(b, Rule):
            img = Image.new("L", (width_px, max(6, round(16 * scale))), 255)
            ImageDraw.Draw(img).line((24 * scale, img.height // 2, width_px - 24 * scale,
                                      img.height // 2), fill=0, width=max(1, round(2 * scale)))
            parts.append(img)
        elif isinstance(b, Qr):
            qr = drawing.qr_image(b.payload, box=1)
            box = max(2, int(width_px * 0.5) // qr.width)
            qr = drawing.qr_image(b.payload, box=box)
            strip = Image.new("L", (width_px, qr.height + round(8 * scale)), 255)
            strip.paste(qr, ((width_px - qr.width) // 2, 0))
            parts.append(strip)
        elif isinstance(b, Cut):
            img = Image.new("L", (width_px, max(10, round(30 * scale))), 255)
            d = ImageDraw.Draw(img)
            for x in range(0, width_px, 16):  # the cut, dashed
                d.line((x, img.height - 2, x + 8, img.height - 2), fill=160, width=1)
            parts.append(img)
    top = round(20 * scale)
    out = Image.new("L", (width_px, top + sum(p.height for p in parts)), 255)
    y = top
    for p in parts:
        out.paste(p, (0, y))
        y += p.height
    return out


def preview_png(ticket: PrintableTicket, width_px: int = 576) -> bytes:
    buf = io.BytesIO()
    preview_image(ticket, width_px).save(buf, format="PNG", optimize=True)
    return buf.getvalue()
