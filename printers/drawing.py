"""Text and QR codes as pictures (PIL): the PNG preview, and lines a printer's code page
cannot carry (printed as raster images in their own script, right-to-left shaped by
libraqm where the script needs it)."""

from __future__ import annotations

import functools
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
              Path("/usr/local/share/fonts"))


class FontMissing(RuntimeError):
    pass


@functools.cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for d in _FONT_DIRS:
        if (d / name).is_file():
            return ImageFont.truetype(str(d / name), size)
    try:  # PIL also looks in the system's font folders by name
        return ImageFont.truetype(name, size)
    except OSError as exc:
        raise FontMissing(f"font {name} not found: install fonts-dejavu-core") from exc


def wrap(text: str, f: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words to lines no wider than ``width`` pixels (a longer word stands alone)."""
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        cur = ""
        for word in para.split():
            trial = f"{cur} {word}" if cur else word
            if cur and f.getlength(trial) > width:
                lines.append(cur)
                cur = word
            else:
                cur = trial
        lines.append(cur)
    return lines


def text_image(text: str, size: int, bold: bool, width: int, margin: int = 8) -> Image.Image:
    """The text centred in a white strip ``width`` pixels wide, wrapped to fit."""
    f = font(size, bold)
    rows = wrap(text, f, width - 2 * margin)
    ascent, descent = f.getmetrics()
    row_h = ascent + descent + size // 6
    img = Image.new("L", (width, row_h * len(rows) + size // 4), 255)
    d = ImageDraw.Draw(img)
    for i, row in enumerate(rows):
        d.text((width // 2, i * row_h), row, font=f, fill=0, anchor="ma")
    return img


def qr_image(payload: str, box: int) -> Image.Image:
    code = qrcode.QRCode(border=2, box_size=box,
                         error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("L")
