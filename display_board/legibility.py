"""Character heights from the viewing distance, fitted into the board's layout.

Rules of thumb (cap height H against viewing distance L):

* the called number, which must reach everyone in the hall, including people with low
  vision: ``H >= L / 100`` (about 1 cm per metre, the DIN 32975 rule of thumb for
  visually impaired readers);
* everything else: ``H >= L / 250`` (the usual rule for normal sight, after DIN 1450).

Calls (numbers and counters) get the room first; the service table, header and ticker
take what is left and shrink long texts to fit their width. Every part fills its band:
on a small screen far away that may fall short of the rule, which ``shortfalls`` then
names (the board says so on screen while it starts), but nothing is left out for it.

Pixels per millimetre come from the screen's physical size when the system knows it,
otherwise from an assumed 55-inch 16:9 panel, the common size for waiting halls. The
layout caps every size so that it fits its band; when the rule asks for more than
fits, ``shortfalls`` says so (the board logs it: a bigger screen or a shorter distance
is needed).
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Bands:
    """Fractions of the screen height each part gets (they sum to 1)."""

    header: float
    hero: float
    recent: float
    services: float
    ticker: float


LANDSCAPE = Bands(header=0.085, hero=0.45, recent=0.83, services=0.38, ticker=0.085)
PORTRAIT = Bands(header=0.06, hero=0.25, recent=0.36, services=0.27, ticker=0.06)
# In landscape the recent calls form a right-hand column beside hero + services, so
# the column bands add up per column: hero + services == recent == 1 - header - ticker.


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
               service_rows: int, physical_mm: tuple[float, float] | None = None
               ) -> Typography:
    if width <= 0 or height <= 0:
        raise ValueError(f"screen size {width}x{height} must be positive")
    portrait = height > width
    bands = PORTRAIT if portrait else LANDSCAPE
    long_px, short_px = max(width, height), min(width, height)
    if physical_mm and min(physical_mm) > 50:
        mm_per_px = max(physical_mm) / long_px
    else:
        mm_per_px = ASSUMED_PANEL_MM[0] / long_px

    primary_px = _px_for_cap_mm(viewing_distance_m * 1000 / PRIMARY_DIVISOR, mm_per_px)
    secondary_px = _px_for_cap_mm(viewing_distance_m * 1000 / SECONDARY_DIVISOR, mm_per_px)

    def fit(band: float, lines: float, share_of_width: float, chars: float) -> int:
        by_height = band * height / (lines * LINE_FACTOR)
        # Grotesque digits and capitals run about 0.62 em wide.
        by_width = share_of_width * width / (max(chars, 1) * 0.62)
        return int(min(by_height, by_width))

    hero_w = 1.0 if portrait else 0.58
    recent_w = 1.0 if portrait else 0.42
    # Every configured row is shown and the rows fill their column: the distance decides
    # whether that size is legible (else a shortfall is named), not whether a row exists.
    rows = max(1, recent_rows) + 0.6  # + the column heading
    two_line = fit(bands.services, (max(service_rows, 1) + 0.8) * (1 + ALT_RATIO), hero_w, 40)
    # A second-language line is shown only where it is legible itself; else the name
    # line shows the languages in turn.
    service_alt = two_line * ALT_RATIO >= secondary_px
    caps = {
        "header": fit(bands.header, 1, 0.5, 22),
        # number, then the counter at 0.62 of its size, then a heading at 0.3
        "hero": fit(bands.hero, 1.92, hero_w, 7),
        "hero_counter": fit(bands.hero, 1.92 / 0.62, hero_w, 10),
        "recent": fit(bands.recent, rows, recent_w, 12.5),
        # each service row may have its name in a second language below, 0.6 the size;
        # when that would make the names too small, the second line goes
        "service": two_line if service_alt else fit(
            bands.services, max(service_rows, 1) + 0.8, hero_w, 40),
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
    )
