"""Character heights from the viewing distance, fitted into the board's layout.

Rules of thumb (cap height H against viewing distance L):

* the called number, which must reach everyone in the hall, including people with low
  vision: ``H >= L / 100`` (about 1 cm per metre, the DIN 32975 rule of thumb for
  visually impaired readers);
* everything else: ``H >= L / 250`` (the usual rule for normal sight, after DIN 1450).

Landscape puts the newest call and the recent calls side by side and the service table
across the whole width below them: a service's name, its waiting count and its wait
stand on one line, and the table's columns are as wide as their longest texts in any of
the board's languages (:class:`TableColumns`), so the names get every pixel the width
has. The table takes the height its rows need at that size (at most
``TABLE_MAX_SHARE`` of the body); the calls take the rest. Header and ticker shrink long
texts to fit their width. Every part fills its band: on a small screen far away that
may fall short of the rule, which ``shortfalls`` then names (the board says so on screen
while it starts), but nothing is left out for it.

Pixels per millimetre come from the screen's physical size when the system knows it,
otherwise from an assumed 55-inch 16:9 panel, the common size for waiting halls. The
layout caps every size so that it fits its band; when the rule asks for more than
fits, ``shortfalls`` says so (the board logs it: a bigger screen or a shorter distance
is needed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: Cap height of DejaVu Sans / most grotesques, as a fraction of the font's pixel size.
CAP_RATIO = 0.73
#: 55-inch 16:9 panel, long side x short side in millimetres.
ASSUMED_PANEL_MM = (1218.0, 685.0)
PRIMARY_DIVISOR = 100
SECONDARY_DIVISOR = 250
LINE_FACTOR = 1.3
#: A second-language line's size against the line above it.
ALT_RATIO = 0.7
#: Average advance of a letter of DejaVu Sans Bold in running text (Latin, Cyrillic,
#: Arabic), in ems: what a table text's width is estimated by.
TEXT_EM = 0.65
#: The service table's margins and column gaps, in pixels (display_board.widgets: the
#: board's and the table's margins on both sides, two gaps between three columns).
TABLE_GAPS_PX = 4 * 24 + 2 * 24
#: The table's margins above and below and the gap under each row, in pixels.
TABLE_V_GAPS_PX = 2 * 8
TABLE_ROW_GAP_PX = 6
#: The body's margins above and below and the gap between the calls and the table.
BODY_V_GAPS_PX = 2 * 16 + 16
#: In landscape the service table takes at most this share of the body.
TABLE_MAX_SHARE = 0.45
#: The top row in landscape: the newest call's share of the width (the recent calls
#: have the rest).
HERO_SHARE = 0.55


@dataclass(frozen=True)
class Bands:
    """Fractions of the screen height each part gets (in landscape hero and recent
    share the top row; the margins between the parts take the rest)."""

    header: float
    hero: float
    recent: float
    services: float
    ticker: float


LANDSCAPE = Bands(header=0.085, hero=0.57, recent=0.57, services=0.26, ticker=0.085)
PORTRAIT = Bands(header=0.06, hero=0.25, recent=0.36, services=0.27, ticker=0.06)
# In landscape the newest call and the recent calls share the top row (hero == recent)
# and the service table spans the width below: hero + services == 1 - header - ticker.
# LANDSCAPE is the split of a typical table; typography() sets the table's share from
# its rows and their size.


@dataclass(frozen=True)
class TableColumns:
    """How wide the service table's columns must be, in ems at the rows' size: the
    widest text each shows in any of the board's languages, its heading included."""

    name: float = 16.0
    waiting: float = 2.5
    wait: float = 6.5

    @property
    def total(self) -> float:
        return self.name + self.waiting + self.wait

    @classmethod
    def of(cls, names: Iterable[str], waiting: Iterable[str], waits: Iterable[str]
           ) -> TableColumns:
        """From the texts each column may show (estimated at ``TEXT_EM`` a letter)."""
        def ems(texts: Iterable[str]) -> float:
            return max((len(t) for t in texts), default=1) * TEXT_EM

        return cls(name=ems(names), waiting=ems(waiting), wait=ems(waits))


@dataclass(frozen=True)
class Typography:
    portrait: bool
    bands: Bands
    header_px: int
    hero_px: int
    hero_counter_px: int
    recent_px: int
    service_px: int
    ticker_px: int
    stale_px: int
    mm_per_px: float
    recent_rows: int  # rows in the right-hand column: all that are configured
    legible_px: int  # the smallest size readable at the viewing distance (L/250)
    service_alt: bool  # room for each service's name in a second language
    #: the service table's columns (name, waiting, wait) as shares of its width
    columns: tuple[float, float, float] = (0.64, 0.1, 0.26)

    shortfalls: list[str] = field(default_factory=list)

    def cap_height_mm(self, px: int) -> float:
        return px * CAP_RATIO * self.mm_per_px


def board_mm(screen_mm: tuple[float, float], board_long_px: int,
             screen_long_px: int) -> tuple[float, float]:
    """A board window's size in millimetres, (long side, short side): the screen's,
    both sides scaled by the share of the screen's long side the window covers; the
    whole screen when the window is not smaller or the screen's pixels are unknown (0)."""
    scale = board_long_px / screen_long_px if screen_long_px >= board_long_px > 0 else 1.0
    return (max(screen_mm) * scale, min(screen_mm) * scale)


def _px_for_cap_mm(cap_mm: float, mm_per_px: float) -> int:
    return round(cap_mm / mm_per_px / CAP_RATIO)


def typography(width: int, height: int, viewing_distance_m: float, recent_rows: int,
               service_rows: int, physical_mm: tuple[float, float] | None = None,
               table: TableColumns | None = None) -> Typography:
    if width <= 0 or height <= 0:
        raise ValueError(f"screen size {width}x{height} must be positive")
    portrait = height > width
    bands = PORTRAIT if portrait else LANDSCAPE
    long_px, short_px = max(width, height), min(width, height)
    if physical_mm and min(physical_mm) > 50:
        mm_per_px = max(physical_mm) / long_px
    else:
        mm_per_px = ASSUMED_PANEL_MM[0] / long_px
    cols = table or TableColumns()

    primary_px = _px_for_cap_mm(viewing_distance_m * 1000 / PRIMARY_DIVISOR, mm_per_px)
    secondary_px = _px_for_cap_mm(viewing_distance_m * 1000 / SECONDARY_DIVISOR, mm_per_px)

    def fit(band: float, lines: float, share_of_width: float, chars: float) -> int:
        by_height = band * height / (lines * LINE_FACTOR)
        # Grotesque digits and capitals run about 0.62 em wide.
        by_width = share_of_width * width / (max(chars, 1) * 0.62)
        return int(min(by_height, by_width))

    # The service table: each row one line (name | waiting | wait) across the width, the
    # columns as wide as their texts; a row may have the name in a second language
    # below it, ALT_RATIO the size, where that line is legible itself (else the one
    # line shows the languages in turn).
    # + the column headings: a line of their own, as they are set at least legible
    rows_lines = max(service_rows, 1) + 1
    table_gaps = TABLE_V_GAPS_PX + TABLE_ROW_GAP_PX * max(service_rows, 1)

    def fit_table(band_px: float, lines: float) -> int:
        by_height = (band_px - table_gaps) / (lines * LINE_FACTOR)
        by_width = (width - TABLE_GAPS_PX) / cols.total
        return max(1, int(min(by_height, by_width)))

    body_px = (1 - bands.header - bands.ticker) * height - BODY_V_GAPS_PX
    table_px = bands.services * height if portrait else TABLE_MAX_SHARE * body_px
    two_line = fit_table(table_px, rows_lines * (1 + ALT_RATIO))
    service_alt = two_line * ALT_RATIO >= secondary_px
    service_cap = two_line if service_alt else fit_table(table_px, rows_lines)
    if not portrait:
        # the table takes the height its rows need; the calls above it take the rest
        lines = rows_lines * ((1 + ALT_RATIO) if service_alt else 1)
        table_px = min(table_px, service_cap * lines * LINE_FACTOR + table_gaps)
        top = (body_px - table_px) / height
        bands = Bands(header=bands.header, hero=top, recent=top,
                      services=table_px / height, ticker=bands.ticker)

    hero_w = 1.0 if portrait else HERO_SHARE
    recent_w = 1.0 if portrait else 1 - HERO_SHARE
    # Every configured row is shown and the rows fill their column: the distance decides
    # whether that size is legible (else a shortfall is named), not whether a row exists.
    rows = max(1, recent_rows) + 0.6  # + the column heading
    caps = {
        "header": fit(bands.header, 1, 0.5, 22),
        # number, then the counter at 0.62 of its size, then a heading at 0.3
        "hero": fit(bands.hero, 1.92, hero_w, 7),
        "hero_counter": fit(bands.hero, 1.92 / 0.62, hero_w, 10),
        "recent": fit(bands.recent, rows, recent_w, 12.5),
        "service": service_cap,
        "ticker": fit(bands.ticker, 1, 1.0, 40),
    }
    # Each part fills its band (bigger reads better) within what fits.
    wanted = {
        "header": max(secondary_px, caps["header"]),
        "hero": max(primary_px, caps["hero"]),
        "hero_counter": max(primary_px, caps["hero_counter"]),
        "recent": max(primary_px, caps["recent"]),
        "service": max(secondary_px, caps["service"]),
        "ticker": max(secondary_px, caps["ticker"]),
    }
    sizes = {k: min(v, caps[k]) for k, v in wanted.items()}
    need = {"hero": primary_px, "hero_counter": secondary_px, "recent": secondary_px,
            "service": secondary_px, "ticker": secondary_px, "header": secondary_px}
    shortfalls = [
        f"{k}: {sizes[k]} px < {need[k]} px needed at {viewing_distance_m:g} m"
        for k in need if sizes[k] < need[k]
    ]
    return Typography(
        portrait=portrait, bands=bands,
        header_px=sizes["header"], hero_px=sizes["hero"],
        hero_counter_px=sizes["hero_counter"], recent_px=sizes["recent"],
        service_px=sizes["service"], ticker_px=sizes["ticker"],
        stale_px=max(sizes["service"], int(short_px * 0.035)),
        mm_per_px=mm_per_px, shortfalls=shortfalls, recent_rows=max(1, recent_rows),
        legible_px=secondary_px,
        service_alt=service_alt,
        columns=(cols.name / cols.total, cols.waiting / cols.total, cols.wait / cols.total),
    )
