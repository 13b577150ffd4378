"""Character heights from the viewing distance, fitted into the board's layout.

Rules of thumb (cap height H against viewing distance L):

* the called number, which must reach everyone in the hall, including people with low
  vision: ``H >= L / 100`` (about 1 cm per metre, the DIN 32975 rule of thumb for
  visually impaired readers);
* everything else: ``H >= L / 250`` (the usual rule for normal sight, after DIN 1450).

What the rule checks (``shortfalls`` names each part that falls short): every text a
visitor reads from their seat. The number (``hero``, L/100); at L/250 the called
counter and its line in the language beside (``hero_counter``, ``hero_counter_alt``),
the panel's heading ("Aufruf · Çağrı", ``hero_heading``), the recent calls and their
heading (``recent``, ``recent_heading``: what the list is), the service table's rows
and headings (``service``), the site's name and clock (``header``), the date
(``date``) and the ticker (at an estimated 40 letters a notice). Not checked: the
bands that report trouble (stale board, too small), set at least as large as the
table's rows, and a second-language line under a service, shown only where it is
legible itself. Texts whose length only the site file knows (names, headings, the
date) are estimated from their letters (``TEXT_EM``, :class:`TableColumns`,
:class:`TextWidths`).

Landscape puts the newest call and the recent calls side by side and the service table
across the whole width below them: a service's name, its waiting count and its wait
stand on one line, and the table's columns are as wide as their longest texts in any of
the board's languages (:class:`TableColumns`), so the names get every pixel the width
has. Where one line would set the table smaller than two (a portrait board, 1080 px
wide), each service's name stands on a line of its own over its count and wait. The
table takes the height its rows need at that size (at most ``TABLE_MAX_SHARE`` of the
body); the calls take the rest (in portrait the newest call's panel at least as high
as its heading needs to be legible). The header puts the date beside the site's name
and clock where all three fit one line legibly, else below them. A heading in two
languages that would not be legible on its line says one language at a time. Every
part fills its band: on a small screen far away that may fall short of the rule,
which ``shortfalls`` then names (the board says so on screen while it starts), but
nothing is left out for it.

Pixels per millimetre come from the screen's physical size when the system knows it,
otherwise from an assumed 55-inch 16:9 panel, the common size for waiting halls. The
layout caps every size so that it fits its band; when the rule asks for more than
fits, ``shortfalls`` says so (the board logs it: a bigger screen or a shorter distance
is needed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

#: Cap height of DejaVu Sans / most grotesques, as a fraction of the font's pixel size.
CAP_RATIO = 0.73
#: 55-inch 16:9 panel, long side x short side in millimetres.
ASSUMED_PANEL_MM = (1218.0, 685.0)
PRIMARY_DIVISOR = 100
SECONDARY_DIVISOR = 250
LINE_FACTOR = 1.3
#: A line of DejaVu Sans (ascent + descent) in ems, with a little room for the accents
#: and marks of Arabic and Cyrillic: no text is set larger than its row holds at this.
LINE_HEIGHT_EM = 1.2
#: A second-language line's size against the line above it.
ALT_RATIO = 0.7
#: Average advance of a letter of DejaVu Sans Bold in running text (Latin, Cyrillic,
#: Arabic), in ems: what a table text's width is estimated by.
TEXT_EM = 0.65
#: The board's margins left and right, the gap between its parts above one another and
#: (landscape) between the newest call and the recent calls, in pixels
#: (display_board.widgets).
BODY_MARGIN_PX = 24
BODY_GAP_PX = 16
CALLS_GAP_PX = 24
#: The service table's margins and column gaps, in pixels (display_board.widgets: the
#: board's and the table's margins on both sides, two gaps between three columns).
TABLE_MARGINS_PX = 4 * BODY_MARGIN_PX
TABLE_GAPS_PX = TABLE_MARGINS_PX + 2 * 24
#: The table's margins above and below and the gap under each row, in pixels.
TABLE_V_GAPS_PX = 2 * 8
TABLE_ROW_GAP_PX = 6
#: With stacked rows (a service's name over its count and wait): the gap between one
#: service and the next, none inside one.
TABLE_BLOCK_GAP_PX = 14
#: The body's margins above and below and the gap between the calls and the table.
BODY_V_GAPS_PX = 2 * 16 + BODY_GAP_PX
#: The service table takes at most this share of the body.
TABLE_MAX_SHARE = 0.45
#: The top row in landscape: the newest call's share of the width (the recent calls
#: have the rest).
HERO_SHARE = 0.55
#: The newest call's panel: its rows' shares of its height (heading, number, counter,
#: counter in the language beside), its margins above and below, in pixels, and its
#: small lines' sizes against the counter's (they are set at least legible).
HERO_ROWS = (10, 40, 22, 12)
HERO_V_MARGINS_PX = 2 * 12
HERO_H_MARGINS_PX = 2 * 24
HERO_HEADING_RATIO = 0.5
HERO_ALT_RATIO = 0.55
#: The band that says the board is stale (or too small) pushes the board down: its
#: height against its text's size.
STATUS_BAND_EM = 1.7
#: The band's text at least this share of the screen's short side.
STATUS_SHARE = 0.035
#: The header's margins left and right and the gap between its texts, in pixels.
HEADER_MARGINS_PX = 2 * 32
HEADER_GAP_PX = 32
#: The date against the site's name (it is set at least legible).
DATE_RATIO = 0.6
#: The recent calls' column: its margins and border, in pixels, and its heading's size
#: against its rows' (the heading is set at least legible).
RECENT_H_GAPS_PX = 2 * 24 + 3
RECENT_V_GAPS_PX = 2 * 8 + 3
RECENT_HEADING_RATIO = 0.45


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
PORTRAIT = Bands(header=0.07, hero=0.25, recent=0.36, services=0.27, ticker=0.06)
# In landscape the newest call and the recent calls share the top row (hero == recent)
# and the service table spans the width below: hero + services == 1 - header - ticker.
# LANDSCAPE and PORTRAIT are the split of a typical table; typography() sets the table's
# share from its rows and their size, and the calls share the rest (in portrait as
# PORTRAIT's hero and recent do).


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
        return cls(name=ems(names), waiting=ems(waiting), wait=ems(waits))


@dataclass(frozen=True)
class TextWidths:
    """How wide the header's texts and the recent calls' heading are, in ems (estimated
    at ``TEXT_EM`` a letter): the longest each shows in any of the board's languages."""

    site: float = 22 * TEXT_EM  # the site's name
    clock: float = 5 * TEXT_EM  # "20:58"
    date: float = 25 * TEXT_EM  # "Donnerstag, 24. September"
    #: the heading over the recent calls (or counters) in both its languages on one
    #: line ("Letzte Aufrufe · Recent calls"), and its longest language alone
    recent_heading: float = 29 * TEXT_EM
    recent_heading_one: float = 14 * TEXT_EM
    #: the newest call's heading in its longest language alone, of all it says ("Letzter
    #: Aufruf – nicht aktuell")
    hero_heading_one: float = 30 * TEXT_EM


def ems(texts: Iterable[str]) -> float:
    """The longest of ``texts`` in ems, at ``TEXT_EM`` a letter."""
    return max((len(t) for t in texts), default=1) * TEXT_EM


@dataclass(frozen=True)
class Typography:
    portrait: bool
    bands: Bands
    header_px: int
    hero_px: int
    hero_counter_px: int
    hero_heading_px: int
    hero_alt_px: int  # the counter in the language beside
    #: how many ems the newest call's heading holds at its size: a heading in two
    #: languages that is longer says one language at a time
    hero_heading_room: float
    recent_px: int
    service_px: int
    ticker_px: int
    stale_px: int
    mm_per_px: float
    recent_rows: int  # rows in the right-hand column: all that are configured
    legible_px: int  # the smallest size readable at the viewing distance (L/250)
    service_alt: bool  # room for each service's name in a second language
    #: the service table's columns (name, waiting, wait) as shares of its width; with
    #: stacked rows the name spans all three and the first is the room left of the count
    columns: tuple[float, float, float] = (0.64, 0.1, 0.26)
    #: each service on two lines: its name over its count and wait (a narrow board)
    service_stacked: bool = False
    date_px: int = 0
    #: 1: site name, date and clock on one line; 2: the date on a line of its own
    header_lines: int = 1
    #: the header's columns (site name, date, clock) as shares of its width (with two
    #: lines the date spans the line below: its share is 0)
    header_columns: tuple[float, float, float] = (0.5, 0.35, 0.15)
    recent_heading_px: int = 0
    #: the heading over the recent calls takes turns, one language at a time (both on
    #: one line would not be legible)
    recent_heading_turns: bool = False

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


def _largest(fits: Callable[[int], bool], high: float) -> int:
    """The largest size from 1 to ``high`` px that ``fits`` (1 when none does); ``fits``
    holds for every size below one it holds for."""
    low, high_px = 1, max(1, int(high))
    while low < high_px:
        mid = (low + high_px + 1) // 2
        if fits(mid):
            low = mid
        else:
            high_px = mid - 1
    return low


@dataclass(frozen=True)
class _Header:
    px: int  # site name and clock
    date_px: int
    lines: int
    columns: tuple[float, float, float]


def _header(width: float, band_px: float, legible: int, words: TextWidths) -> _Header:
    """Site name | date | clock on one line where all three fit it with the date at
    least legible (``DATE_RATIO`` of the name's size, if that is more); else the date
    on a line of its own below name and clock (a narrow board), if that sets them
    larger. Where neither is legible the date gives way to the name (``DATE_RATIO``)."""
    room = width - HEADER_MARGINS_PX
    name_clock = words.site + words.clock

    def one_line(date_for: Callable[[int], int]) -> tuple[int, int]:
        px = _largest(lambda px: name_clock * px + words.date * date_for(px)
                      + 2 * HEADER_GAP_PX <= room, band_px / LINE_FACTOR)
        return px, date_for(px)

    one, one_date = one_line(lambda px: min(px, max(legible, int(px * DATE_RATIO))))
    if min(one, one_date) >= legible:
        return _header_of(1, one, one_date, words)
    if one < legible:  # the name is not legible either: the date gives way to it
        one, one_date = one_line(lambda px: int(px * DATE_RATIO))

    def date_below(px: int) -> int:
        return int(min(max(legible, px * DATE_RATIO), room / words.date,
                       band_px / LINE_FACTOR - px))

    two = _largest(lambda px: name_clock * px + HEADER_GAP_PX <= room
                   and date_below(px) >= min(px, legible), band_px / LINE_FACTOR)
    two_date = max(1, date_below(two))
    if min(two, two_date) > min(one, one_date):
        return _header_of(2, two, two_date, words)
    return _header_of(1, one, one_date, words)


def _header_of(lines: int, px: int, date_px: int, words: TextWidths) -> _Header:
    """The header's columns shared out by their texts' widths; on two lines the date
    spans the line below and has no column of its own."""
    site, clock = words.site * px, words.clock * px
    date_w = words.date * date_px if lines == 1 else 0.0
    total = site + date_w + clock
    return _Header(px, date_px, lines, (site / total, date_w / total, clock / total))


def typography(width: int, height: int, viewing_distance_m: float, recent_rows: int,
               service_rows: int, physical_mm: tuple[float, float] | None = None,
               table: TableColumns | None = None, texts: TextWidths | None = None
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
    cols = table or TableColumns()
    words = texts or TextWidths()

    primary_px = _px_for_cap_mm(viewing_distance_m * 1000 / PRIMARY_DIVISOR, mm_per_px)
    secondary_px = _px_for_cap_mm(viewing_distance_m * 1000 / SECONDARY_DIVISOR, mm_per_px)

    def fit(band: float, lines: float, share_of_width: float, chars: float) -> int:
        by_height = band * height / (lines * LINE_FACTOR)
        # Grotesque digits and capitals run about 0.62 em wide.
        by_width = share_of_width * width / (max(chars, 1) * 0.62)
        return int(min(by_height, by_width))

    # The service table: each row one line (name | waiting | wait) across the width, the
    # columns as wide as their texts; or, where that sets it larger (a narrow board),
    # each service on two lines, its name over its count and wait. A row may have its
    # texts in a second language below them, ALT_RATIO the size, where that line is
    # legible itself (else the one line shows the languages in turn). The column
    # headings are a row like the others, as they are set at least legible.
    services = max(service_rows, 1)

    def grid_rows(stacked: bool) -> int:
        return (services + 1) * (2 if stacked else 1)

    def table_lines(stacked: bool, alt: bool) -> float:
        return grid_rows(stacked) * ((1 + ALT_RATIO) if alt else 1)

    def table_gaps(stacked: bool) -> float:
        return TABLE_V_GAPS_PX + (TABLE_BLOCK_GAP_PX if stacked else TABLE_ROW_GAP_PX) * services

    def fit_table(band_px: float, stacked: bool, alt: bool) -> int:
        by_height = (band_px - table_gaps(stacked)) / (table_lines(stacked, alt) * LINE_FACTOR)
        if stacked:
            by_width = min((width - TABLE_MARGINS_PX) / cols.name,
                           (width - TABLE_GAPS_PX) / (cols.waiting + cols.wait))
        else:
            by_width = (width - TABLE_GAPS_PX) / cols.total
        return max(1, int(min(by_height, by_width)))

    def table_size(band_px: float, stacked: bool) -> tuple[int, bool]:
        two_line = fit_table(band_px, stacked, True)
        if two_line * ALT_RATIO >= secondary_px:
            return two_line, True
        return fit_table(band_px, stacked, False), False

    body_px = ((1 - bands.header - bands.ticker) * height - BODY_V_GAPS_PX
               - (BODY_GAP_PX if portrait else 0))  # portrait: three parts, two gaps
    table_max = TABLE_MAX_SHARE * body_px
    service_cap, service_alt = table_size(table_max, False)
    stacked = False
    if service_cap < secondary_px:
        size, alt = table_size(table_max, True)
        if size > service_cap:
            service_cap, service_alt, stacked = size, alt, True
    # the table takes the height its rows need; the calls above it take the rest
    table_px = min(table_max, service_cap * table_lines(stacked, service_alt) * LINE_FACTOR
                   + table_gaps(stacked))
    calls = (body_px - table_px) / height
    rows = max(1, recent_rows)
    if portrait:
        hero = calls * PORTRAIT.hero / (PORTRAIT.hero + PORTRAIT.recent)
        # the panel as high as its heading's and second line's rows need to be legible,
        # also while the stale band pushes the board down, where the recent calls keep
        # a legible size
        status_px = STATUS_BAND_EM * max(service_cap, int(short_px * STATUS_SHARE))
        hero_need = (secondary_px * LINE_HEIGHT_EM * sum(HERO_ROWS)
                     / min(HERO_ROWS[0], HERO_ROWS[3]) + HERO_V_MARGINS_PX + 1) \
            / (height - status_px)
        recent_need = (RECENT_V_GAPS_PX + (rows + 1) * secondary_px * LINE_FACTOR) / height
        hero = max(hero, min(hero_need, calls - recent_need))
        bands = Bands(header=bands.header, hero=hero, recent=calls - hero,
                      services=table_px / height, ticker=bands.ticker)
    else:
        bands = Bands(header=bands.header, hero=calls, recent=calls,
                      services=table_px / height, ticker=bands.ticker)
    if stacked:
        # the names span the width; the count and wait below as wide as their texts
        room = width - TABLE_GAPS_PX
        waiting_w, wait_w = (cols.waiting * service_cap / room, cols.wait * service_cap / room)
        columns = (max(0.0, 1 - waiting_w - wait_w), waiting_w, wait_w)
    else:
        columns = (cols.name / cols.total, cols.waiting / cols.total, cols.wait / cols.total)

    head = _header(width, bands.header * height, secondary_px, words)

    hero_w = 1.0 if portrait else HERO_SHARE
    recent_w = 1.0 if portrait else 1 - HERO_SHARE
    # The recent calls' column: its heading in both languages where that line is
    # legible, else one language at a time (as the table's lines); every configured row
    # is shown and the rows fill the rest: the distance decides whether that size is
    # legible (else a shortfall is named), not whether a row exists.
    body_w = width - 2 * BODY_MARGIN_PX - (0 if portrait else CALLS_GAP_PX)
    recent_room = body_w * recent_w - RECENT_H_GAPS_PX
    first_guess = fit(bands.recent, rows + 0.6, recent_w, 12.5)
    column_px = bands.recent * height - RECENT_V_GAPS_PX
    heading_wanted = max(secondary_px, int(first_guess * RECENT_HEADING_RATIO))
    if (column_px - heading_wanted * LINE_FACTOR) / (rows * LINE_FACTOR) < secondary_px:
        # a legible heading would leave the rows too small: it gives way to them
        heading_wanted = int(first_guess * RECENT_HEADING_RATIO)
    # never larger than the rows it heads
    heading_wanted = min(heading_wanted, int(column_px / ((rows + 1) * LINE_FACTOR)))
    heading_px = int(min(heading_wanted, recent_room / words.recent_heading))
    heading_turns = False
    if heading_px < min(heading_wanted, secondary_px):
        alone = int(min(heading_wanted, recent_room / words.recent_heading_one))
        if alone > heading_px:
            heading_px, heading_turns = alone, True
    recent_cap = int(min((column_px - heading_px * LINE_FACTOR) / (rows * LINE_FACTOR),
                         recent_w * width / (12.5 * 0.62)))
    # The newest call's panel: heading, number, counter and the counter in the language
    # beside, each in its row (HERO_ROWS); the number and counter as wide as they fit.
    hero_content = bands.hero * height - HERO_V_MARGINS_PX
    hero_rows = [hero_content * r / sum(HERO_ROWS) / LINE_HEIGHT_EM for r in HERO_ROWS]
    # Grotesque digits and capitals run about 0.62 em wide.
    counter_px = int(min(hero_rows[2], hero_w * width / (10 * 0.62)))
    hero_room = body_w * hero_w - HERO_H_MARGINS_PX
    hero_heading_px = int(min(max(secondary_px, counter_px * HERO_HEADING_RATIO),
                              hero_rows[0], counter_px, hero_room / words.hero_heading_one))
    hero_alt_px = int(min(max(secondary_px, counter_px * HERO_ALT_RATIO),
                          hero_rows[3], counter_px))
    caps = {
        "header": head.px,
        "hero": int(min(hero_rows[1], hero_w * width / (7 * 0.62))),
        "hero_counter": counter_px,
        "recent": recent_cap,
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
    sizes.update(date=head.date_px, recent_heading=heading_px,
                 hero_heading=hero_heading_px, hero_counter_alt=hero_alt_px)
    need = {"hero": primary_px, "hero_counter": secondary_px, "recent": secondary_px,
            "service": secondary_px, "ticker": secondary_px, "header": secondary_px,
            "date": secondary_px, "recent_heading": secondary_px,
            "hero_heading": secondary_px, "hero_counter_alt": secondary_px}
    shortfalls = [
        f"{k}: {sizes[k]} px < {need[k]} px needed at {viewing_distance_m:g} m"
        for k in need if sizes[k] < need[k]
    ]
    return Typography(
        portrait=portrait, bands=bands,
        header_px=sizes["header"], hero_px=sizes["hero"],
        hero_counter_px=sizes["hero_counter"], hero_heading_px=hero_heading_px,
        hero_alt_px=hero_alt_px, hero_heading_room=hero_room / max(1, hero_heading_px),
        recent_px=sizes["recent"],
        service_px=sizes["service"], ticker_px=sizes["ticker"],
        stale_px=max(sizes["service"], int(short_px * STATUS_SHARE)),
        mm_per_px=mm_per_px, shortfalls=shortfalls, recent_rows=rows,
        legible_px=secondary_px,
        service_alt=service_alt, columns=columns, service_stacked=stacked,
        date_px=head.date_px, header_lines=head.lines, header_columns=head.columns,
        recent_heading_px=heading_px, recent_heading_turns=heading_turns,
    )
