"""Reading ESC/POS bytes back: a tokenizer for the commands civiq's tickets use (the
virtual printer answers status requests with it, even when they arrive in pieces) and a
decoder that turns a printed ticket into its text (in the selected code page), native QR
payloads and raster images, for tests and the demo."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from escpos.capabilities import get_profile
from PIL import Image

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C


# Commands with a fixed number of argument bytes after the command letter.
_ESC_FIXED = {b"@": 0, b"2": 0, b"<": 0, b"t": 1, b"!": 1, b"E": 1, b"-": 1, b"M": 1,
              b"a": 1, b"{": 1, b"d": 1, b"3": 1, b"J": 1, b"G": 1, b"V": 1, b"=": 1,
              b"c": 2, b"p": 3, b"r": 1, b"R": 1, b"U": 1, b" ": 1, b"e": 1, b"S": 0,
              b"L": 0, b"i": 0, b"m": 0, b"?": 2}
_GS_FIXED = {b"!": 1, b"b": 1, b"B": 1, b"r": 1, b"L": 2, b"W": 2, b"h": 1, b"w": 1,
             b"H": 1, b"f": 1, b"a": 1, b"I": 1, b"P": 2, b"$": 2, b"\\": 2}


class DecodeError(ValueError):
    pass


@dataclass(frozen=True)
class Token:
    kind: str  # "text", "esc", "gs", "status", "qr_data", "qr_print", "raster", "cut", ...
    cmd: bytes = b""  # the command letter(s)
    args: bytes = b""
    raw: bytes = b""


def _need(buf: bytes, i: int, n: int) -> bool:
    return i + n <= len(buf)


def next_token(buf: bytes, i: int) -> tuple[Token, int] | None:
    """The token at ``buf[i:]`` and where the next starts; None when it is incomplete.
    An unknown command raises :class:`DecodeError`."""
    b = buf[i]
    if b not in (ESC, GS, DLE, FS):
        j = i
        while j < len(buf) and buf[j] not in (ESC, GS, DLE, FS):
            j += 1
        return Token("text", args=buf[i:j], raw=buf[i:j]), j
    if not _need(buf, i, 2):
        return None
    c = buf[i + 1:i + 2]
    if b == DLE:
        if c in (b"\x04", b"\x05") and _need(buf, i, 3):
            kind = "status" if c == b"\x04" else "realtime"
            return Token(kind, c, buf[i + 2:i + 3], buf[i:i + 3]), i + 3
        if c in (b"\x04", b"\x05"):
            return None
        raise DecodeError(f"unknown DLE command {buf[i:i + 2]!r} at byte {i}")
    if b == FS:
        if c in (b".", b"&"):
            return Token("fs", c, b"", buf[i:i + 2]), i + 2
        raise DecodeError(f"unknown FS command {buf[i:i + 2]!r} at byte {i}")
    fixed = _ESC_FIXED if b == ESC else _GS_FIXED
    if b == ESC and c == b"*":  # column image: m nL nH data
        if not _need(buf, i, 5):
            return None
        m, n = buf[i + 2], buf[i + 3] + 256 * buf[i + 4]
        end = i + 5 + n * (1 if m in (0, 1) else 3)
        return (Token("column_image", c, buf[i + 2:end], buf[i:end]), end) \
            if end <= len(buf) else None
    if c in fixed:
        end = i + 2 + fixed[c]
        if end > len(buf):
            return None
        kind = "esc" if b == ESC else ("status" if c == b"r" else "gs")
        return Token(kind, c, buf[i + 2:end], buf[i:end]), end
    if b == ESC:
        raise DecodeError(f"unknown ESC command {buf[i:i + 2]!r} at byte {i}")
    if c == b"V":  # cut: m, and n for the feed-and-cut forms
        if not _need(buf, i, 3):
            return None
        end = i + 3 + (1 if buf[i + 2] in (65, 66, 97, 98, 103, 104) else 0)
        return (Token("cut", c, buf[i + 2:end], buf[i:end]), end) if end <= len(buf) else None
    if c == b"(":  # GS ( k / GS ( L ...: fn pL pH data
        if not _need(buf, i, 5):
            return None
        end = i + 5 + buf[i + 3] + 256 * buf[i + 4]
        if end > len(buf):
            return None
        sub, data = buf[i + 2:i + 3], buf[i + 5:end]
        kind = "gs("
        if sub == b"k" and data[:1] == b"1":
            kind = {b"P": "qr_data", b"Q": "qr_print"}.get(data[1:2], "qr_setting")
        return Token(kind, b"(" + sub, data, buf[i:end]), end
    if c == b"v":  # GS v 0 m xL xH yL yH data
        if not _need(buf, i, 8):
            return None
        x, y = buf[i + 4] + 256 * buf[i + 5], buf[i + 6] + 256 * buf[i + 7]
        end = i + 8 + x * y
        return (Token("raster", c, buf[i + 3:end], buf[i:end]), end) \
            if end <= len(buf) else None
    raise DecodeError(f"unknown GS command {buf[i:i + 2]!r} at byte {i}")


def tokens(data: bytes) -> list[Token]:
    """Every token of complete ESC/POS bytes; a truncated command raises DecodeError."""
    out, i = [], 0
    while i < len(data):
        step = next_token(data, i)
        if step is None:
            raise DecodeError(f"ends inside a command at byte {i}")
        tok, i = step
        out.append(tok)
    return out


@dataclass
class DecodedTicket:
    lines: list[str] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)  # native QR codes
    images: list[Image.Image] = field(default_factory=list)  # raster images (GS v 0)
    code_pages: list[str] = field(default_factory=list)  # as selected, in order
    cut: bool = False
    initialised: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _raster(args: bytes) -> Image.Image:
    x, y = args[1] + 256 * args[2], args[3] + 256 * args[4]
    img = Image.frombytes("1", (x * 8, y), bytes(args[5:]))
    # ESC/POS: a set bit is a black dot; PIL "1": a set bit is white.
    return Image.eval(img.convert("L"), lambda v: 255 - v)


def code_pages(profile: str) -> dict[int, str]:
    """ESC t n -> Python codec, as the python-escpos profile numbers its code pages (the
    numbers differ between printer makers: CP858 is 19 on Epson, 6 on others)."""
    out: dict[int, str] = {}
    for name, n in get_profile(profile).get_code_pages().items():
        try:
            out[int(n)] = codecs.lookup(name.replace("_", "").lower()).name
        except LookupError:
            continue
    return out


def decode(data: bytes, profile: str = "TM-T88V") -> DecodedTicket:
    """What a printer with this python-escpos profile would make of these bytes: text
    lines in the selected code page, native QR payloads, raster images. Unknown commands
    raise :class:`DecodeError`."""
    pages = code_pages(profile)
    out = DecodedTicket()
    codec = "cp437"  # the code page after power-on and ESC @
    line = ""
    pending_qr: str | None = None
    for t in tokens(data):
        if t.kind == "text":
            for part in t.args.decode(codec).split("\n"):
                line += part
                out.lines.append(line)
                line = ""
            line = out.lines.pop()
        elif t.kind == "esc" and t.cmd == b"@":
            out.initialised, codec = True, "cp437"
        elif t.kind == "esc" and t.cmd == b"t":
            n = t.args[0]
            if n not in pages:
                raise DecodeError(f"code page {n} not known to profile {profile}")
            codec = pages[n]
            out.code_pages.append(codec)
        elif t.kind == "qr_data":
            pending_qr = t.args[3:].decode("utf-8")  # "1P0" then the payload
        elif t.kind == "qr_print" and pending_qr is not None:
            out.qr_payloads.append(pending_qr)
        elif t.kind == "raster":
            out.images.append(_raster(t.args))
        elif t.kind == "cut":
            out.cut = True
    if line:
        out.lines.append(line)
    out.lines = [ln.rstrip("\r") for ln in out.lines]
    return out
