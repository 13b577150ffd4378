"""The duty roster: per counter, the day's shifts, planned breaks and services covered.

No names: a roster says when a counter is staffed, never by whom. A staff-planning
system sends it with ``set_roster`` (roles ``booking`` and ``operator``); the site file
(``[[roster]]``) and a roster file per day give the same entries.
"""

from __future__ import annotations

import itertools
import re

from pydantic import Field, field_validator

from civiq.protocol.formats import ID as _ID
from civiq.protocol.models import Args, Model

_SPAN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)-([01]?\d|2[0-3]):([0-5]\d)$")
#: Counters per set_roster command (an entry is ~150 bytes of JSON).
MAX_ROSTER = 500


def check_spans(spans: list[str]) -> list[str]:
    """'HH:MM-HH:MM' each, ending after it starts, not overlapping."""
    parsed = []
    for s in spans:
        m = _SPAN.fullmatch(s.strip())
        if not m:
            raise ValueError(f"{s!r}: expected HH:MM-HH:MM")
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h2 * 60 + m2 <= h1 * 60 + m1:
            raise ValueError(f"{s!r}: ends before it starts")
        parsed.append((h1 * 60 + m1, h2 * 60 + m2))
    parsed.sort()
    for (_, e1), (s2, _) in itertools.pairwise(parsed):
        if s2 < e1:
            raise ValueError("spans overlap")
    return [s.strip() for s in spans]


def span_minutes(span: str) -> tuple[int, int]:
    """Minutes after midnight of a checked span's start and end."""
    m = _SPAN.fullmatch(span)
    assert m is not None
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    return h1 * 60 + m1, h2 * 60 + m2


class RosterCounter(Args):
    counter: str = Field(pattern=_ID)
    shifts: list[str] = Field(
        default_factory=list, max_length=8,
        description="when the counter is staffed, 'HH:MM-HH:MM' local time; empty: not today")
    breaks: list[str] = Field(
        default_factory=list, max_length=8,
        description="planned breaks, 'HH:MM-HH:MM'; the clerk is away for that long from "
        "when the counter pauses (after the visit under way)")
    services: list[str] | None = Field(
        None, max_length=50, description="services covered; default from the site config")

    _shifts = field_validator("shifts")(classmethod(lambda cls, v: check_spans(v)))
    _breaks = field_validator("breaks")(classmethod(lambda cls, v: check_spans(v)))


class SetRoster(Args):
    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="the local day, YYYY-MM-DD")
    counters: list[RosterCounter] = Field(max_length=MAX_ROSTER)


class SetRosterResult(Model):
    day: str
    counters: int = Field(description="counters with an entry in the stored roster")
