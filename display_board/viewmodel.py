"""What the board draws, computed from the site state, the config, filters and the time.

Plain Python: the widgets only render a :class:`BoardView`. The view model keeps the few
things the state model does not: the connection flag, central notices, and when the
newest call arrived live (to highlight and blink it; a call seen only in retained state
after a restart is shown, not flashed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from civiq.config import SiteConfig
from civiq.protocol.models import Call, Notice, ServiceState
from civiq.state_model import SiteSnapshot
from display_board.announcements import display_number
from display_board.filters import BoardFilter
from display_board.legibility import Typography, typography
from display_board.notices import SEPARATOR, notice_lines

HIGHLIGHT_S = 8.0
BLINK_PERIOD_S = 1.0
NOTICE_ROTATE_S = 6.0

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
LABELS = {
    "de": {"now": "Aufruf", "recent": "Letzte Aufrufe", "service": "Anliegen",
           "waiting": "Wartende", "wait": "Wartezeit", "counter": "Platz",
           "stale": "Anzeige nicht aktuell", "offline": "Keine Verbindung",
           "connecting": "Verbinde …", "none": "Noch kein Aufruf",
           "again": "Erneuter Aufruf"},
    "en": {"now": "Now calling", "recent": "Recent calls", "service": "Service",
           "waiting": "Waiting", "wait": "Wait", "counter": "Counter",
           "stale": "Display not up to date", "offline": "No connection",
           "connecting": "Connecting …", "none": "No calls yet",
           "again": "Called again"},
}


def _lang(lang: str) -> str:
    return lang if lang in LABELS else "en"


def wait_text(state: ServiceState, lang: str, walk_in: bool) -> str:
    de = _lang(lang) == "de"
    if state.ticket_stop:
        if state.ticket_stop_reason == "site_closed":
            return "geschlossen" if de else "closed"
        return "Ausgabe beendet" if de else "no more tickets"
    if not walk_in:
        return "nur mit Termin" if de else "appointment only"
    eta = state.eta_min
    if eta is None:
        return "–"
    if eta < 1.5 and state.waiting == 0:
        return "keine" if de else "none"
    minutes = max(1, round(eta)) if eta < 20 else int(5 * round(eta / 5))
    return f"ca. {minutes} Min." if de else f"approx. {minutes} min"


@dataclass(frozen=True)
class CallRow:
    number: str  # as shown: "A 042"
    counter_name: str
    service_name: str
    recall: int


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
    highlight: bool  # the newest call came in live a moment ago
    blink_on: bool  # inside the highlight: which blink phase to draw
    recent: tuple[CallRow, ...]
    services: tuple[ServiceRow, ...]
    stale: bool
    status: str  # why it is stale, bilingual; "" when up to date
    ticker: str
    typography: Typography
    notices: tuple[str, ...] = field(default=())


def _bilingual(key: str, langs: list[str]) -> str:
    seen: list[str] = []
    for lang in langs[:2]:
        text = LABELS[_lang(lang)][key]
        if text not in seen:
            seen.append(text)
    return " · ".join(seen)


class BoardViewModel:
    def __init__(self, config: SiteConfig, board_filter: BoardFilter | None = None,
                 *, recent_calls: int | None = None) -> None:
        self.config = config
        self.filter = board_filter or BoardFilter()
        self.languages = list(config.display.languages) or list(config.site.languages)
        self.recent_count = recent_calls or config.display.recent_calls
        self.connected = False
        self.central_notices: list[Notice] = []
        self._live_key: tuple | None = None
        self._live_since: float = -math.inf
        self._services = [s for s in config.services if self.filter.shows_service(s.id)]
        self._typo_cache: dict[tuple[int, int], Typography] = {}
        self._labels = {k: _bilingual(k, self.languages) for k in LABELS["en"]}

    @property
    def service_count(self) -> int:
        """Rows in the service table (after the filter)."""
        return len(self._services)

    # ----- inputs ---------------------------------------------------------------------
    def set_connected(self, up: bool) -> None:
        self.connected = up

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
        key = (width, height)
        if key not in self._typo_cache:
            self._typo_cache.clear()  # one size at a time; a resize replaces it
            self._typo_cache[key] = typography(
                width, height, self.config.display.viewing_distance_m, self.recent_count,
                len(self._services), physical_mm)
        return self._typo_cache[key]

    def _row(self, call: Call) -> CallRow:
        svc = self.config.service(call.service)
        return CallRow(number=display_number(call.number), counter_name=call.counter_name,
                       service_name=svc.name(self.languages[0]) if svc else call.service,
                       recall=call.recall)

    def newest(self, snapshot: SiteSnapshot) -> CallRow | None:
        """The call the board shows largest (cheap: for the first draw on a call)."""
        call = next((c for c in snapshot.calls if self.filter.shows_call(c.service, c.counter)),
                    None)
        return self._row(call) if call else None

    def build(self, snapshot: SiteSnapshot, now: datetime, mono: float,
              size: tuple[int, int] = (1920, 1080),
              physical_mm: tuple[float, float] | None = None) -> BoardView:
        langs = self.languages
        primary = _lang(langs[0])
        typo = self.typography_for(size[0], size[1], physical_mm)
        shown = [c for c in snapshot.calls if self.filter.shows_call(c.service, c.counter)]
        newest = shown[0] if shown else None
        recent: list[CallRow] = []
        seen = {newest.number} if newest else set()
        for c in shown[1:]:
            if c.number in seen:
                continue  # a recall repeats a number; list each ticket once
            seen.add(c.number)
            recent.append(self._row(c))
            if len(recent) >= min(self.recent_count, typo.recent_rows):
                break

        highlight = blink_on = False
        if newest is not None and self._key(newest) == self._live_key:
            age = mono - self._live_since
            if 0 <= age < HIGHLIGHT_S:
                highlight = True
                blink_on = int(age / (BLINK_PERIOD_S / 2)) % 2 == 0

        rows: list[ServiceRow] = []
        states = {s.id: s for s in snapshot.queue.services} if snapshot.queue else {}
        alt = langs[1] if len(langs) > 1 else langs[0]
        second = alt != langs[0] and typo.service_alt
        for svc in self._services:
            st = states.get(svc.id)
            wait = wait_text(st, primary, svc.walk_in) if st else "–"
            wait_alt = wait_text(st, alt, svc.walk_in) if st and second else ""
            rows.append(ServiceRow(
                id=svc.id, prefix=svc.prefix, name=svc.name(langs[0]),
                name_alt=svc.name(alt) if second else "",
                waiting=st.waiting if st else 0,
                wait=wait, wait_alt="" if wait_alt == wait else wait_alt,
            ))

        if not self.connected:
            stale, status = True, f"{_bilingual('offline', langs)} – {_bilingual('stale', langs)}"
        elif snapshot.engine_online is False:
            stale, status = True, _bilingual("stale", langs)
        elif snapshot.queue is None:
            stale, status = True, _bilingual("connecting", langs)
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
        wd = WEEKDAYS[primary][local.weekday()]
        month = MONTHS[primary][local.month - 1]
        date = (f"{wd}, {local.day}. {month} {local.year}" if primary == "de"
                else f"{wd}, {local.day} {month} {local.year}")
        labels = self._labels
        if newest is not None and newest.recall:
            # What the voice says ("Erneuter Aufruf"), the board says too.
            labels = {**labels, "now": labels["again"]}
        return BoardView(
            site_name=self.config.site.name, clock=local.strftime("%H:%M"), date=date,
            labels=labels, newest=self._row(newest) if newest else None,
            highlight=highlight, blink_on=blink_on, recent=tuple(recent),
            services=tuple(rows), stale=stale, status=status, ticker=ticker,
            typography=typo, notices=notices,
        )
