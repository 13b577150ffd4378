"""The kiosk's languages at run time: one QTranslator per language from kiosk/i18n/*.qm
(built from the .ts sources by ``make kiosk-i18n``), asked directly rather than installed
app-wide, so that switching language is one lookup and two kiosks in one process (tests,
the demo) can speak different languages."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTranslator

from kiosk.texts import CONTEXT
from kiosk.viewmodel import LANGUAGES

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent / "i18n"


class Translations:
    def __init__(self, folder: Path = I18N) -> None:
        self._by_lang: dict[str, QTranslator] = {}
        self.missing: list[str] = []
        for code, _ in LANGUAGES:
            if code == "en":
                continue  # the source language
            t = QTranslator()
            if t.load(str(folder / f"kiosk_{code}.qm")):
                self._by_lang[code] = t
            else:
                self.missing.append(code)
        if self.missing:
            log.warning("kiosk: no translations for %s (run make kiosk-i18n); those show "
                        "English", ", ".join(self.missing))

    def __call__(self, language: str, text: str) -> str:
        t = self._by_lang.get(language)
        if t is None:
            return text
        return t.translate(CONTEXT, text) or text
