"""What a ticket's text becomes in the printer's code page, CP858 (Latin-1 letters, the
German umlauts and ß, and €).

A character outside CP858 never prints as ``?``: typographic punctuation becomes its plain
equivalent (an en dash a hyphen), which changes no meaning; beyond that a line is either
printed as a picture of the text in its own script (printers with raster graphics: Arabic,
Farsi, Russian, Turkish ...) or, on a text-only printer, transliterated to Latin letters
(Cyrillic, Latin letters with other accents); a line in a script that has no sensible
transliteration (Arabic, Farsi) is left out there (of python-escpos's profiles with CP858
only two customer displays lack raster graphics).
"""

from __future__ import annotations

import unicodedata

CODEC = "cp858"
#: python-escpos's name for the code page (``Escpos.charcode``).
ESCPOS_CODEPAGE = "CP858"

# Same meaning, plain spelling: safe on every ticket.
_PUNCTUATION = {
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": ",", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2039": "<", "\u203a": ">", "\u2026": "...", "\u2022": "·",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200b": "",
    "\u200e": "", "\u200f": "", "\u2060": "", "\ufeff": "",
}

# Letters that NFKD does not take apart.
_LATIN = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H",
          "œ": "oe", "Œ": "OE", "ŀ": "l", "Ŀ": "L"}

# Cyrillic to Latin (close to the German passport transliteration, ICAO 9303).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "є": "ie", "і": "i", "ї": "i", "ґ": "g", "ў": "u",
}


def encodable(text: str) -> bool:
    try:
        text.encode(CODEC)
    except UnicodeEncodeError:
        return False
    return True


def plain(text: str) -> str:
    """The text with typographic punctuation made plain (meaning unchanged)."""
    return "".join(_PUNCTUATION.get(c, c) for c in text)


def printable(text: str) -> str | None:
    """The text as CP858 can print it without changing a letter, else None."""
    out = plain(text)
    return out if encodable(out) else None


def _latin_char(c: str) -> str:
    if encodable(c):
        return c
    if c in _LATIN:
        return _LATIN[c]
    low = c.lower()
    if low in _CYRILLIC:
        t = _CYRILLIC[low]
        return t.capitalize() if c != low else t
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return base if base and encodable(base) else "\0"


def transliterate(text: str) -> str | None:
    """Latin letters for a text-only printer, or None where the script has no sensible
    transliteration (Arabic, Farsi, ...): then the line is left out."""
    out = "".join(_latin_char(c) for c in plain(text))
    return None if "\0" in out else out
