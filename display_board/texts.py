"""The board's words in each display language: German and English built in, other
languages from the site file's ``[display.translations.LANG]`` (a key left out there
falls back to English, so a partial translation still draws a whole board)."""

from __future__ import annotations

from civiq.config import BoardTexts
from display_board.announcements import COUNTER_NAME

BUILT_IN: dict[str, dict[str, str]] = {
    "de": {"counter": "Platz", "now": "Aufruf", "again": "Erneuter Aufruf",
           "last": "Letzter Aufruf – nicht aktuell", "recent": "Letzte Aufrufe",
           "assistance": "Aufruf mit Begleitung",
           "counters": "Plätze", "service": "Anliegen", "waiting": "Wartende",
           "wait": "Wartezeit", "none": "Noch kein Aufruf", "wait_none": "keine",
           "wait_about": "ca. {min} Min.", "wait_range": "{low}–{high} Min.",
           "appointment_only": "nur mit Termin",
           "closed": "geschlossen", "stopped": "Ausgabe beendet",
           "stale": "Anzeige nicht aktuell", "offline": "Keine Verbindung",
           "connecting": "Verbinde …",
           "taken_over": "Aus: eine andere Anzeige mit dieser Kennung ist verbunden",
           "too_small": "Zu klein für {m} m: größerer Bildschirm oder kürzerer Abstand"},
    "en": {"counter": "Counter", "now": "Now calling", "again": "Called again",
           "last": "Last call – not current", "recent": "Recent calls",
           "assistance": "Call with assistance",
           "counters": "Counters", "service": "Service", "waiting": "Waiting",
           "wait": "Wait", "none": "No calls yet", "wait_none": "none",
           "wait_about": "approx. {min} min", "wait_range": "{low}–{high} min",
           "appointment_only": "appointment only",
           "closed": "closed", "stopped": "no more tickets",
           "stale": "Display not up to date", "offline": "No connection",
           "connecting": "Connecting …",
           "taken_over": "Off: another display with this id is connected",
           "too_small": "Too small for {m} m: larger screen or shorter distance"},
}
KEYS = tuple(BUILT_IN["en"])


class Texts:
    """``texts.get("tr", "now")``: the site's translation, the built-in one, else English."""

    def __init__(self, translations: dict[str, BoardTexts] | None = None) -> None:
        self._table: dict[str, dict[str, str]] = {k: dict(v) for k, v in BUILT_IN.items()}
        for lang, given in (translations or {}).items():
            own = {k: v for k, v in given.model_dump().items() if v}
            self._table[lang] = {**self._table.get(lang, {}), **own}

    def get(self, lang: str, key: str) -> str:
        return self._table.get(lang, {}).get(key) or BUILT_IN["en"][key]

    def counter(self, lang: str, counter_name: str) -> str:
        """"Platz 5" as the site names it, in ``lang``: "Counter 5", "Gişe 5"; a name
        that is not word-and-number stays as it is."""
        m = COUNTER_NAME.match(counter_name.strip())
        if not m:
            return counter_name
        return f"{self.get(lang, 'counter')} {m.group(1)}"
