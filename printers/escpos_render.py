"""The layout as ESC/POS commands, written through python-escpos onto any of its printer
objects (a network, USB, serial, CUPS or file printer, or ``Dummy`` for bytes)."""

from __future__ import annotations

from escpos.constants import QR_ECLEVEL_M
from escpos.escpos import Escpos

from printers import drawing, text_encoding
from printers.layout import Block, Cut, Line, Qr, Rule

#: Dots across the paper when the profile does not say (80 mm paper at 180 dpi).
DEFAULT_WIDTH_PX = 512
_FONT_A_DOTS = 12  # a character of font A is 12 dots wide
#: Pixel heights of lines printed as pictures (scripts outside CP858), per style.
_IMAGE_PX = {"site": 30, "number": 120, "service": 40, "normal": 28, "small": 24}
_IMAGE_BOLD = {"site", "number", "service"}
_STYLE: dict[str, dict[str, object]] = {
    "site": {"bold": True, "double_height": True},
    "number": {"bold": True, "custom_size": True, "width": 7, "height": 7, "smooth": True},
    "service": {"bold": True, "double_width": True, "double_height": True},
    "normal": {},
    "small": {},
}
_SCALE = {"site": 1, "number": 7, "service": 2, "normal": 1, "small": 1}


def capabilities(p: Escpos) -> tuple[bool, bool, int]:
    """(native QR, raster images, dots across) as the printer's profile says."""
    width = p.profile.profile_data.get("media", {}).get("width", {}).get("pixels")
    width = width if isinstance(width, int) and width > 0 else DEFAULT_WIDTH_PX
    return p.profile.supports("qrCode"), p.profile.supports("bitImageRaster"), width


def _wrap(text: str, columns: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, columns, break_long_words=True) or [""]


def _line(p: Escpos, b: Line, raster: bool, width: int) -> None:
    text = text_encoding.printable(b.text)
    if text is None and raster:
        img = drawing.text_image(b.text, _IMAGE_PX[b.style], b.style in _IMAGE_BOLD, width)
        p.set_with_default(align="center")
        p.image(img, impl="bitImageRaster", center=False)
        return
    if text is None:
        # Every printer profile with CP858 but the two OCD customer displays prints
        # pictures; on those, a script without a transliteration (Arabic) is left out.
        text = text_encoding.transliterate(b.text)
    if not text:
        return
    p.set_with_default(align="center", **_STYLE[b.style])
    for row in _wrap(text, max(4, width // _FONT_A_DOTS // _SCALE[b.style])):
        p.textln(row)


def render(p: Escpos, blocks: list[Block]) -> None:
    """Write the ticket onto ``p``: initialise, select CP858, the blocks, cut."""
    native_qr, raster, width = capabilities(p)
    p.hw("INIT")
    # ESC @ resets the code page to PC437, so CP858 is selected after it, every ticket.
    p.charcode(text_encoding.ESCPOS_CODEPAGE)
    for b in blocks:
        if isinstance(b, Line):
            _line(p, b, raster, width)
        elif isinstance(b, Rule):
            p.set_with_default(align="center")
            p.textln("-" * (width // _FONT_A_DOTS - 4))
        elif isinstance(b, Qr):
            box = 8 if len(b.payload) <= 40 else 6 if len(b.payload) <= 120 else 4
            if not (native_qr or raster):
                continue  # a text-only printer: the number is on paper, the code on screen
            p.set_with_default(align="center")
            if native_qr:
                p.qr(b.payload, ec=QR_ECLEVEL_M, size=box, native=True)
                p.ln()
            else:
                p.qr(b.payload, ec=QR_ECLEVEL_M, size=box, native=False,
                     image_arguments={"impl": "bitImageRaster", "center": raster})
        elif isinstance(b, Cut):
            p.set_with_default()
            p.cut()
