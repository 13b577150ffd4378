"""When each counter will be staffed today: the duty roster, or what the site's own
history says where no roster is given.

Sources, first that has the day wins: a roster sent with ``set_roster`` (kept in the
store), a roster file ``{data folder}/rosters/YYYY-MM-DD.toml``, the site file's weekly
``[[roster]]``, and last the availability learned from the site's events: the slots of
the day in which a counter called visitors on at least half of the same weekdays of the
last ``HISTORY_WEEKS`` weeks.
"""

from __future__ import annotations

import json
import logging
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import Connection

from civiq.config import WEEKDAYS, SiteConfig
from civiq.protocol.roster import RosterCounter, SetRoster, span_minutes
from queue_engine.store import repository as repo

log = logging.getLogger(__name__)

HISTORY_WEEKS = 8
#: Slot of the learned availability, minutes; a counter is "staffed" in a slot where it
#: called someone on at least ``LEARN_SHARE`` of the days seen (at least ``LEARN_DAYS``).
SLOT_MIN = 30
LEARN_SHARE = 0.5
LEARN_DAYS = 2

Span = tuple[datetime, datetime]


@dataclass(frozen=True)
class CounterPlan:
    shifts: tuple[Span, ...]
    breaks: tuple[Span, ...] = ()
    services: tuple[str, ...] | None = None


@dataclass(frozen=True)
class DayRoster:
    source: str  # command, file, site, learned, none
    plans: dict[str, CounterPlan]


def _meta_key(day: date) -> str:
    return f"roster:{day.isoformat()}"


def _at(day: date, minutes: int, config: SiteConfig) -> datetime:
    return datetime.combine(day, time(0), config.tz) + timedelta(minutes=minutes)


def plans_from(entries: Iterable[RosterCounter], day: date, config: SiteConfig
               ) -> dict[str, CounterPlan]:
    def spans(items: list[str]) -> tuple[Span, ...]:
        return tuple(sorted((_at(day, a, config), _at(day, b, config))
                            for a, b in map(span_minutes, items)))
    return {e.counter: CounterPlan(spans(e.shifts), spans(e.breaks),
                                   tuple(e.services) if e.services else None)
            for e in entries}


def check_entries(entries: Iterable[RosterCounter], config: SiteConfig) -> None:
    counters = {c.id for c in config.counters}
    services = {s.id for s in config.services}
    seen: set[str] = set()
    for e in entries:
        if e.counter not in counters:
            raise ValueError(f"unknown counter {e.counter!r}")
        if e.counter in seen:
            # A roster file, too, would otherwise keep the last entry without a word.
            raise ValueError(f"counter {e.counter} is listed twice")
        seen.add(e.counter)
        for s in e.services or ():
            if s not in services:
                raise ValueError(f"counter {e.counter}: unknown service {s!r}")


def store_roster(conn: Connection, roster: SetRoster) -> None:
    repo.set_meta(conn, _meta_key(date.fromisoformat(roster.day)),
                  json.dumps([c.model_dump(mode="json") for c in roster.counters]))


def _stored(conn: Connection, day: date) -> list[RosterCounter] | None:
    raw = repo.get_meta(conn, _meta_key(day))
    if raw is None:
        return None
    return [RosterCounter.model_validate(x) for x in json.loads(raw)]


def roster_file(config: SiteConfig, day: date) -> Path:
    return config.data_folder() / "rosters" / f"{day.isoformat()}.toml"


def _from_file(config: SiteConfig, day: date) -> list[RosterCounter] | None:
    path = roster_file(config, day)
    if not path.is_file():
        return None
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = [RosterCounter.model_validate(x) for x in raw.get("counters", [])]
        check_entries(entries, config)
    except (OSError, tomllib.TOMLDecodeError, ValidationError, ValueError) as exc:
        # A bad file must not stop the engine: say why and fall back to the next source.
        log.error("roster file %s ignored: %s", path, exc)
        return None
    return entries


def _from_site(config: SiteConfig, day: date) -> list[RosterCounter] | None:
    weekday = WEEKDAYS[day.weekday()]
    entries = [r for r in config.roster if weekday in r.days]
    return entries or None


def learned(conn: Connection, config: SiteConfig, day: date) -> dict[str, CounterPlan]:
    """Each counter's usual staffed slots on this weekday, from the calls it made."""
    weeks = [day - timedelta(weeks=k) for k in range(1, HISTORY_WEEKS + 1)]
    days: set[date] = set()
    seen: dict[str, dict[int, set[date]]] = defaultdict(lambda: defaultdict(set))
    for d, at, counter in repo.calls_on(conn, weeks):
        days.add(d)
        local = at.astimezone(config.tz)
        seen[counter][(local.hour * 60 + local.minute) // SLOT_MIN].add(d)
    if len(days) < LEARN_DAYS:
        return {}
    out = {}
    for counter, slots in seen.items():
        on = sorted(s for s, ds in slots.items() if len(ds) >= LEARN_SHARE * len(days))
        # A single empty slot between staffed ones is a long visit, not an absence.
        spans: list[list[int]] = []
        for s in on:
            if spans and s - spans[-1][1] <= 2:
                spans[-1][1] = s + 1
            else:
                spans.append([s, s + 1])
        if spans:
            out[counter] = CounterPlan(tuple(
                (_at(day, a * SLOT_MIN, config), _at(day, b * SLOT_MIN, config))
                for a, b in spans))
    return out


def for_day(conn: Connection, config: SiteConfig, day: date) -> DayRoster:
    # In order, each read only when the one before has nothing: a bad roster file is not
    # even opened (nor reported) when a stored set_roster holds the day.
    sources: tuple[tuple[str, Callable[[], list[RosterCounter] | None]], ...] = (
        ("command", lambda: _stored(conn, day)), ("file", lambda: _from_file(config, day)),
        ("site", lambda: _from_site(config, day)))
    for source, read in sources:
        entries = read()
        if entries is not None:
            return DayRoster(source, plans_from(entries, day, config))
    plans = learned(conn, config, day)
    return DayRoster("learned" if plans else "none", plans)
