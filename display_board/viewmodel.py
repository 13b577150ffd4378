"""What the board draws, computed from the site state, the config, filters and the time.

Plain Python: the widgets only render a :class:`BoardView`. The view model keeps the few
things the state model does not: the connection flag, central notices, and when the
newest call arrived live (to highlight and blink it; a call seen only in retained state
after a restart is shown, not flashed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from civiq.config import SiteConfig
from civiq.protocol.models import Call, CounterStatus, Notice, ServiceState
from civiq.transport.state import SiteSnapshot
from civiq.waits import say_wait
from display_board.announcements import display_number
from display_board.filters import BoardFilter
from display_board.legibility import TableColumns, TextWidths, Typography, ems, typography
from display_board.notices import SEPARATOR, notice_lines
from display_board.texts import KEYS, Texts

#: A live call flashes this long, then stays marked as the newest (frame, colour) until
#: the next call: EN 301 549 11.2.2.2 allows at most 3 flashes a second, 11.2.3.1 asks
#: that blinking stop within 5 seconds.
HIGHLIGHT_S = 4.0
BLINK_PERIOD_S = 1.0  # one flash a second
NOTICE_ROTATE_S = 6.0
#: Texts in more than two languages take turns; a calm switch, never a flash.
LANGUAGE_PERIOD_S = 5.0
#: How long the board says on screen, after it starts, that it is too small for the
#: viewing distance (the log says it too).
SETUP_NOTE_S = 60.0
LAYOUTS = ("calls", "counters")

WEEKDAYS = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_TEXTS = Texts()


def date_text(day: date, lang: str) -> str:
    """The header's date: "Dienstag, 24. November" (German, else English). No year: a
    visitor asks which day it is, and the shorter line is set larger."""
    cal = lang if lang in WEEKDAYS else "en"
    wd, month = WEEKDAYS[cal][day.weekday()], MONTHS[cal][day.month - 1]
    return f"{wd}, {day.day}. {month}" if cal == "de" else f"{wd}, {day.day} {month}"


def wait_text(state: ServiceState, lang: str, walk_in: bool, texts: Texts = _TEXTS) -> str:
    if state.ticket_stop:
        return texts.get(lang, "closed" if state.ticket_stop_reason == "site_closed"
                         else "stopped")
    if not walk_in:
        return texts.get(lang, "appointment_only")
    wait = say_wait(state.eta_min, state.eta_p10_min, state.eta_p90_min)
    if wait is None:
        return "–"
    if wait.none:  # civiq.waits' rule, the same as the kiosk's and the ticket's
        return texts.get(lang, "wait_none")
    if wait.high is not None:
        return (texts.get(lang, "wait_range").replace("{low}", str(wait.minutes))
                .replace("{high}", str(wait.high)))
    return texts.get(lang, "wait_about").replace("{min}", str(wait.minutes))


@dataclass(frozen=True)
class CallRow:
    number: str  # as shown: "A 042"
    counter_name: str
    service_name: str
    recall: int
    counter_alt: str = ""  # the counter in the language shown beside: "Counter 5", "Gişe 5"
    assistance: bool = False  # the visitor asked for assistance


@dataclass(frozen=True)
class ServiceRow:
    id: str
    prefix: str
    name: str
    name_alt: str
    waiting: int
    wait: str
    wait_alt: str  # the wait in the second language, below it; "" when not shown


@dataclass(frozen=True)
class BoardView:
    site_name: str
    clock: str
    date: str
    labels: dict[str, str]  # "now", "recent", ... already bilingual
    newest: CallRow | None
    highlight: bool  # the newest call came in live a moment ago: it flashes
    blink_on: bool  # inside the highlight: which blink phase to draw
    newest_old: bool  # the board is stale: the newest call shown may not be current
    recent: tuple[CallRow, ...]
    services: tuple[ServiceRow, ...]
    stale: bool
    status: str  # why it is stale, bilingual; "" when up to date
    ticker: str
    typography: Typography
    notices: tuple[str, ...] = field(default=())
    layout: str = "calls"  # the right-hand column: "calls" or "counters"
    language: str = ""  # the language shown beside the main one just now
    setup_note: str = ""  # what the board cannot do at this size and distance, at start
    #: the service table's column headings (service, waiting, wait): main line and the
    #: line below it ("" when the table has no second-language lines)
    columns: tuple[tuple[str, str], ...] = ()
    #: the heading over the recent calls (or counters): "Letzte Aufrufe · Recent calls",
    #: or one language at a time where both on one line would not be legible
    recent_heading: str = ""

    @property
    def hero_mode(self) -> str:
        """How the newest call is drawn: "flash" (the bright phase of its first seconds),
        "newest" (framed and yellow until the next call), "old" (greyed while the board
        is stale) or "idle" (no call yet)."""
        if self.newest is None:
            return "idle"
        if self.newest_old:
            return "old"
        return "flash" if self.highlight and self.blink_on else "newest"




class BoardViewModel:
    def __init__(self, config: SiteConfig, board_filter: BoardFilter | None = None,
                 *, recent_calls: int | None = None, layout: str | None = None) -> None:
        self.config = config
        self.filter = board_filter or BoardFilter()
        self.languages = list(config.display.languages) or list(config.site.languages)
        self.texts = Texts(config.display.translations)
        self.layout = layout or config.display.layout
        if self.layout not in LAYOUTS:
            raise ValueError(f"layout {self.layout!r}: use one of {', '.join(LAYOUTS)}")
        self.recent_count = recent_calls or config.display.recent_calls
        self.connected = False
        self.taken_over = False  # another board with this id has the connection
        self.central_notices: list[Notice] = []
        self._live_key: tuple | None = None
        self._live_since: float = -math.inf
        self._first_build: float | None = None
        self._services = [s for s in config.services if self.filter.shows_service(s.id)]
        self._counters = [c for c in config.counters if self.filter.shows_counter(c.id)]
        self._typo_cache: dict[tuple, Typography] = {}
        self._labels: dict[str, dict[str, str]] = {}
        self.table = self._table_columns()
        self.text_widths = self._text_widths()

    def _table_columns(self) -> TableColumns:
        """How wide the service table's columns must be: the longest name, count and
        wait it can show in any of the board's languages, each with its heading."""
        texts = self.texts
        names, waiting, waits = [], ["999"], ["–"]
        for lang in self.languages:
            names.append(texts.get(lang, "service"))
            names += [self.config.service_name(s, lang) for s in self._services]
            waiting.append(texts.get(lang, "waiting"))
            waits.append(texts.get(lang, "wait"))
            waits += [texts.get(lang, k) for k in ("wait_none", "appointment_only",
                                                   "closed", "stopped")]
            # the longest a wait is said: a wide range of two hours and more
            waits.append(texts.get(lang, "wait_range").replace("{low}", "60")
                         .replace("{high}", "120"))
            waits.append(texts.get(lang, "wait_about").replace("{min}", "120"))
        return TableColumns.of(names, waiting, waits)

    def _text_widths(self) -> TextWidths:
        """How wide the header's texts and the recent calls' heading can be."""
        main = self.languages[0]
        # a year's days: each month has every weekday with a two-digit day in it
        dates = [date_text(date(2026, 1, 1) + timedelta(days=d), main) for d in range(365)]
        key = self._heading_key
        others = [lang for lang in self.languages[1:] if lang != main] or [main]
        return TextWidths(
            site=ems([self.config.site.name]), clock=ems(["20:58"]), date=ems(dates),
            recent_heading=ems(self.labels(lang)[key] for lang in others),
            recent_heading_one=ems(self.texts.get(lang, key) for lang in self.languages),
            hero_heading_one=ems(self.texts.get(lang, k) for lang in self.languages
                                 for k in ("now", "again", "assistance", "last")))

    @property
    def _heading_key(self) -> str:
        return "counters" if self.layout == "counters" else "recent"

    @property
    def service_count(self) -> int:
        """Rows in the service table (after the filter)."""
        return len(self._services)

    @property
    def row_count(self) -> int:
        """Rows in the right-hand column: recent calls, or counters in that layout."""
        return len(self._counters) if self.layout == "counters" else self.recent_count

    # ----- languages ------------------------------------------------------------------
    def beside(self, mono: float) -> str:
        """The language shown beside the main one at ``mono``: the others take turns,
        each for two periods, in step with :meth:`in_turn` (so the board never shows
        two foreign languages at once)."""
        others = [lang for lang in self.languages[1:] if lang != self.languages[0]]
        if not others:
            return self.languages[0]
        return others[int(mono // (2 * LANGUAGE_PERIOD_S)) % len(others)]

    def in_turn(self, mono: float) -> str:
        """For a line with room for one language: the main one every other turn, so its
        readers never wait long, and the others between."""
        main = self.languages[0]
        others = [lang for lang in self.languages[1:] if lang != main]
        turns = [x for other in others for x in (main, other)] or [main]
        return turns[int(mono // LANGUAGE_PERIOD_S) % len(turns)]

    def labels(self, alt: str) -> dict[str, str]:
        """Headings as "Aufruf · Now calling": the main language, then ``alt``."""
        if alt not in self._labels:
            main = self.languages[0]
            out = {}
            for key in KEYS:
                a, b = self.texts.get(main, key), self.texts.get(alt, key)
                out[key] = a if a == b else f"{a}{SEPARATOR}{b}"
            self._labels[alt] = out
        return self._labels[alt]

    # ----- inputs ---------------------------------------------------------------------
    def set_connected(self, up: bool) -> None:
        self.connected = up

    def set_taken_over(self) -> None:
        """Another board started with this one's client id took its connection; this
        one does not reconnect (the two would push each other off for ever)."""
        self.taken_over = True

    def set_central_notices(self, notices: list[Notice]) -> None:
        self.central_notices = notices

    def note_live_call(self, call: Call, mono: float) -> bool:
        """A ``called``/``recalled`` event arrived now. True when the board shows it
        (so it is highlighted and announced)."""
        if not self.filter.shows_call(call.service, call.counter):
            return False
        self._live_key = self._key(call)
        self._live_since = mono
        return True

    @staticmethod
    def _key(call: Call) -> tuple:
        return (call.number, call.counter, call.recall, call.at)

    # ----- output ---------------------------------------------------------------------
    def typography_for(self, width: int, height: int,
                       physical_mm: tuple[float, float] | None = None) -> Typography:
        key = (width, height, physical_mm)
        if key not in self._typo_cache:
            self._typo_cache.clear()  # one size at a time; a resize replaces it
            self._typo_cache[key] = typography(
                width, height, self.config.display.viewing_distance_m, self.row_count,
                len(self._services), physical_mm, self.table, self.text_widths)
        return self._typo_cache[key]

    def _row(self, call: Call, alt: str | None = None) -> CallRow:
        svc = self.config.service(call.service)
        counter_alt = self.texts.counter(alt, call.counter_name) \
            if alt and alt != self.languages[0] else ""
        if counter_alt == call.counter_name:
            counter_alt = ""  # a name said the same in every language is shown once
        return CallRow(number=display_number(call.number), counter_name=call.counter_name,
                       service_name=(self.config.service_name(svc, self.languages[0]) if svc
                                     else call.service),
                       recall=call.recall, assistance=call.assistance,
                       counter_alt=counter_alt)

    def newest(self, snapshot: SiteSnapshot) -> CallRow | None:
        """The call the board shows largest (cheap: for the first draw on a call)."""
        call = next((c for c in snapshot.calls if self.filter.shows_call(c.service, c.counter)),
                    None)
        return self._row(call) if call else None

    def _counter_rows(self, snapshot: SiteSnapshot) -> list[CallRow]:
        """Every open counter the board covers, with the number it serves ("–" between
        tickets), in the site file's order."""
        if snapshot.queue is None:
            return []
        states = {c.id: c for c in snapshot.queue.counters}
        rows = []
        for counter in self._counters:
            st = states.get(counter.id)
            if st is None or st.status != CounterStatus.OPEN:
                continue
            number = display_number(st.current.number) if st.current else "–"
            rows.append(CallRow(number=number, counter_name=st.name,
                                service_name="", recall=0))
        return rows

    def _setup_note(self, typo: Typography, mono: float) -> str:
        if self._first_build is None:
            self._first_build = mono
        if not typo.shortfalls or mono - self._first_build > SETUP_NOTE_S:
            return ""
        metres = f"{self.config.display.viewing_distance_m:g}"
        # In the board's first two languages, as its headings (the site file can
        # translate it: [display.translations.LANG] too_small).
        said = [self.texts.get(lang, "too_small").replace("{m}", metres)
                for lang in self.languages[:2]]
        return SEPARATOR.join(dict.fromkeys(said))

    def build(self, snapshot: SiteSnapshot, now: datetime, mono: float,
              size: tuple[int, int] = (1920, 1080),
              physical_mm: tuple[float, float] | None = None) -> BoardView:
        langs = self.languages
        main = langs[0]
        alt = self.beside(mono)
        texts = self.texts
        typo = self.typography_for(size[0], size[1], physical_mm)
        shown = [c for c in snapshot.calls if self.filter.shows_call(c.service, c.counter)]
        newest = shown[0] if shown else None
        recent: list[CallRow] = []
        if self.layout == "counters":
            recent = self._counter_rows(snapshot)
        else:
            seen = {newest.number} if newest else set()
            for c in shown[1:]:
                if c.number in seen:
                    continue  # a recall repeats a number; list each ticket once
                seen.add(c.number)
                recent.append(self._row(c))
                if len(recent) >= self.recent_count:
                    break

        highlight = blink_on = False
        if newest is not None and self._key(newest) == self._live_key:
            age = mono - self._live_since
            if 0 <= age < HIGHLIGHT_S:
                highlight = True
                blink_on = int(age / (BLINK_PERIOD_S / 2)) % 2 == 0

        rows: list[ServiceRow] = []
        states = {s.id: s for s in snapshot.queue.services} if snapshot.queue else {}
        # A legible second line shows the language beside; without room for one, the
        # one line shows the languages in turn.
        second = alt != main and typo.service_alt
        line = main if second else self.in_turn(mono)
        for svc in self._services:
            st = states.get(svc.id)
            wait = wait_text(st, line, svc.walk_in, texts) if st else "–"
            wait_alt = wait_text(st, alt, svc.walk_in, texts) if st and second else ""
            rows.append(ServiceRow(
                id=svc.id, prefix=svc.prefix, name=self.config.service_name(svc, line),
                name_alt=self.config.service_name(svc, alt) if second else "",
                waiting=st.waiting if st else 0,
                wait=wait, wait_alt=wait_alt,
            ))

        columns = tuple(
            (texts.get(main, k), texts.get(alt, k)) if second else (texts.get(line, k), "")
            for k in ("service", "waiting", "wait"))
        fixed = self.labels(langs[1] if len(langs) > 1 else main)
        if self.taken_over:
            stale, status = True, fixed["taken_over"]
        elif not self.connected:
            stale, status = True, f"{fixed['offline']} – {fixed['stale']}"
        elif snapshot.engine_online is False:
            stale, status = True, fixed["stale"]
        elif snapshot.queue is None:
            stale, status = True, fixed["connecting"]
        else:
            stale, status = False, ""

        notices = tuple(notice_lines(
            list(self.config.display.notices), self.central_notices,
            site=self.config.site.id, services=self.filter.services, languages=langs,
            now=now))
        # One language at a time: a shorter line can be set larger and read from afar.
        parts = [p.strip() for line in notices for p in line.split(SEPARATOR) if p.strip()]
        ticker = parts[int(mono / NOTICE_ROTATE_S) % len(parts)] if parts else ""

        local = now.astimezone(self.config.tz)
        labels = self.labels(alt)
        recent_heading = labels[self._heading_key]
        if typo.recent_heading_turns:  # both languages on one line would be too small
            recent_heading = texts.get(self.in_turn(mono), self._heading_key)
        newest_old = stale and newest is not None
        now_key = "now"
        if newest_old:
            # The last call stays up while the board is stale, headed as old: a visitor
            # must not take it for the call of this moment.
            now_key = "last"
            highlight = blink_on = False
        elif newest is not None and newest.recall:
            # What the voice says ("Erneuter Aufruf"), the board says too.
            now_key = "again"
        elif newest is not None and newest.assistance:
            # Said in words, not by a symbol or colour alone: staff go to help.
            now_key = "assistance"
        heading = labels[now_key]
        if ems([heading]) > typo.hero_heading_room:
            # both languages would not fit the panel at a legible size: one at a time
            heading = texts.get(self.in_turn(mono), now_key)
        if heading != labels["now"]:
            labels = {**labels, "now": heading}
        return BoardView(
            site_name=self.config.site.name, clock=local.strftime("%H:%M"),
            date=date_text(local, main),
            labels=labels, newest=self._row(newest, alt) if newest else None,
            highlight=highlight, blink_on=blink_on, newest_old=newest_old,
            recent=tuple(recent), services=tuple(rows), stale=stale, status=status,
            ticker=ticker, typography=typo, notices=notices, layout=self.layout,
            language=alt, setup_note=self._setup_note(typo, mono), columns=columns,
            recent_heading=recent_heading,
        )
