"""The ticket's layout, independent of transport: a list of blocks that the ESC/POS
renderer and the PNG preview both draw, so paper and screen never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from printers.api import PrintableTicket

Style = Literal["site", "number", "service", "normal", "small"]

#: Captions when the kiosk gives none (the site's language, German, by default).
DEFAULT_LABELS = {"ahead": "Vor Ihnen", "wait": "Wartezeit"}


@dataclass(frozen=True)
class Line:
    text: str
    style: Style = "normal"


@dataclass(frozen=True)
class Qr:
    payload: str


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class Cut:
    pass


Block = Line | Qr | Rule | Cut


def _texts(t: PrintableTicket) -> dict[str, str]:
    labels = {**DEFAULT_LABELS, **(t.labels or {})}
    out = {"site": t.site_name, "service": t.service, "note": t.note,
           "when": f"{t.issued_at:%d.%m.%Y  %H:%M}"}
    if t.ahead is not None:
        out["ahead"] = f"{labels['ahead']}: {t.ahead}"
    if t.wait:
        out["wait"] = f"{labels['wait']}: {t.wait}"
    return out


def layout(t: PrintableTicket) -> list[Block]:
    """Site, number very large, service, the extra lines (check-in, appointment), people
    ahead and wait, QR code, the citizen's line, date and time, cut."""
    mine = _texts(t)

    def line(key: str, style: Style) -> list[Block]:
        if key not in mine or not mine[key].strip():
            return []
        return [Line(mine[key], style)]

    return [
        *line("site", "site"),
        Rule(),
        Line(t.number, "number"),
        *line("service", "service"),
        *(Line(x, "normal") for x in t.extra if x.strip()),
        *line("ahead", "normal"),
        *line("wait", "normal"),
        Qr(t.qr_payload),
        *line("note", "normal"),
        *line("when", "small"),
        Cut(),
    ]
