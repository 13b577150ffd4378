"""What the board says for a call, in each configured language, and in what order.

Displayed text keeps the number as printed ("Nummer A 042, bitte zu Platz 5"); the
spoken text spells it letter by digit ("A 0 4 2"), because speech engines read "042"
as "forty-two" and a visitor listens for the characters on their ticket.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from dataclasses import dataclass

from civiq.protocol.models import Call

log = logging.getLogger(__name__)

#: language -> (template, word for a counter). ``{number}`` and ``{counter}`` are filled in.
TEMPLATES: dict[str, tuple[str, str]] = {
    "de": ("Nummer {number}, bitte zu {counter}", "Platz"),
    "en": ("Ticket {number}, please go to {counter}", "counter"),
}
RECALL_PREFIX: dict[str, str] = {
    "de": "Erneuter Aufruf: ", "en": "Once again: ",
}
#: Counter names as configured start with one of these words; other languages get theirs
#: (here and on the board, :mod:`display_board.texts`).
COUNTER_WORDS = ("Platz", "Schalter", "Counter", "Desk", "Tisch", "Raum")
#: A counter's name as word and number ("Platz 5"); group 1 is the number.
COUNTER_NAME = re.compile(rf"^(?:{'|'.join(COUNTER_WORDS)})\s+(\S+)$", re.IGNORECASE)
_NUMBER = re.compile(r"^([A-Z])(\d+)$")

#: How often the call is said again after the first time.
REPEATS = 1
#: Calls waiting to be spoken; more than this and the oldest go unspoken (they are
#: still on the board). A call takes ~8-10 s to announce in two languages (said once:
#: a waiting call takes its repeat's place), so three keep the voice within about half
#: a minute of the board: later helps nobody.
MAX_PENDING = 3


def supported(language: str) -> bool:
    return language in TEMPLATES


def display_number(number: str) -> str:
    """``A042`` -> ``A 042``, as the board shows it."""
    m = _NUMBER.match(number)
    return f"{m.group(1)} {m.group(2)}" if m else number


def spoken_number(number: str) -> str:
    """``A042`` -> ``A 0 4 2``: each character on its own."""
    return " ".join(number.replace(" ", ""))


def counter_in(language: str, counter_name: str) -> str:
    """"Platz 5" stays "Platz 5" in German and becomes "counter 5" in English."""
    m = COUNTER_NAME.match(counter_name.strip())
    if not m or language == "de":
        return counter_name
    return f"{TEMPLATES[language][1]} {m.group(1)}"


@dataclass(frozen=True)
class Announcement:
    language: str
    text: str  # as shown / logged
    spoken: str  # as handed to the speech engine
    number: str
    counter: str
    recall: int


def announcements_for(call: Call, languages: list[str]) -> list[Announcement]:
    out = []
    for lang in languages:
        if not supported(lang):
            continue
        template, _ = TEMPLATES[lang]
        counter = counter_in(lang, call.counter_name)
        prefix = RECALL_PREFIX[lang] if call.recall else ""
        out.append(Announcement(
            language=lang,
            text=prefix + template.format(number=display_number(call.number), counter=counter),
            spoken=prefix + template.format(number=spoken_number(call.number), counter=counter),
            number=call.number, counter=call.counter, recall=call.recall,
        ))
    return out


@dataclass(frozen=True)
class Chime:
    number: str


Item = Chime | Announcement


@dataclass
class _Pending:
    """One call still to announce: its first round (chime and words), then its repeat."""

    first: list[Item]
    repeat: list[Item]


class AnnouncementQueue:
    """Calls in arrival order; each becomes the chime, the call (one text per language)
    and the call once more, as halls announce: whoever missed the first words hears it
    again. The once more is left out when another call is already waiting by then: in
    a burst (every counter calling at opening) repeats put the voice a minute behind the
    board, and each call is still said once and shown.

    A recall is a new call to announce. The player takes one item at a time with
    :meth:`next` and asks again when it has finished playing it.
    """

    def __init__(self, languages: list[str], *, chime: bool = True, speech: bool = True,
                 max_pending: int = MAX_PENDING) -> None:
        unknown = [lang for lang in languages if not supported(lang)]
        if unknown:
            # The board shows these languages; speech has sentences for fewer.
            log.info("calls are shown but not spoken in %s; spoken: %s",
                     ", ".join(unknown), ", ".join(TEMPLATES))
        self.languages = [lang for lang in languages if supported(lang)]
        self.chime = chime
        self.speech = speech
        self.max_pending = max_pending
        self._calls: deque[_Pending] = deque()
        self.dropped = 0

    def __len__(self) -> int:
        return sum(len(p.first) + len(p.repeat) for p in self._calls)

    def add(self, call: Call) -> None:
        items: list[Item] = []
        if self.chime:
            items.append(Chime(call.number))
        said = announcements_for(call, self.languages) if self.speech else []
        items.extend(said)
        if not items:
            return
        self._calls.append(_Pending(items, said * REPEATS))
        while len(self._calls) > self.max_pending:
            self._calls.popleft()
            self.dropped += 1

    def next(self) -> Item | None:
        while self._calls:
            p = self._calls[0]
            if not p.first and p.repeat and len(self._calls) == 1:
                # Said once and nobody else waits: the repeat is said as a round of its own.
                p.first, p.repeat = p.repeat, []
            if p.first:
                return p.first.pop(0)
            self._calls.popleft()  # said (once, when the next call was already waiting)
        return None

    def clear(self) -> None:
        self._calls.clear()
