"""``--services`` and ``--counters``: a board for one floor of a large site."""

from __future__ import annotations

import re
from dataclasses import dataclass

from civiq.config import SiteConfig


class FilterError(ValueError):
    """A filter names nothing in the site file; the message says what and what exists."""


@dataclass(frozen=True)
class BoardFilter:
    """Service and counter ids the board shows; ``None`` means all of them."""

    services: frozenset[str] | None = None
    counters: frozenset[str] | None = None

    def shows_service(self, service: str) -> bool:
        return self.services is None or service in self.services

    def shows_counter(self, counter: str) -> bool:
        return self.counters is None or counter in self.counters

    def shows_call(self, service: str, counter: str) -> bool:
        return self.shows_service(service) and self.shows_counter(counter)


_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_TRAILING_NUMBER = re.compile(r"(\d+)\s*$")


def _counter_number(cid: str, name: str) -> int | None:
    m = _TRAILING_NUMBER.search(cid) or _TRAILING_NUMBER.search(name)
    return int(m.group(1)) if m else None


def parse_services(spec: str | None, config: SiteConfig) -> frozenset[str] | None:
    """Comma-separated service ids or ticket prefixes: ``ausweis,melde`` or ``A,B``."""
    if not spec or not spec.strip():
        return None
    chosen: set[str] = set()
    for raw in spec.split(","):
        token = raw.strip()
        if not token:
            continue
        svc = config.service(token) or next(
            (s for s in config.services if s.prefix == token.upper() and len(token) == 1), None)
        if svc is None:
            known = ", ".join(f"{s.id} ({s.prefix})" for s in config.services)
            raise FilterError(f"--services: no service {token!r} in {config.source}; "
                              f"known: {known}")
        chosen.add(svc.id)
    if not chosen:
        raise FilterError("--services: empty list")
    return frozenset(chosen)


def parse_counters(spec: str | None, config: SiteConfig) -> frozenset[str] | None:
    """Counter ids, numbers and ranges of numbers: ``1-8``, ``3,5``, ``platz-2``.

    A number matches the number a counter's id or name ends in (``platz-5``, "Platz 5").
    """
    if not spec or not spec.strip():
        return None
    numbered = {c.id: _counter_number(c.id, c.name) for c in config.counters}
    chosen: set[str] = set()
    for raw in spec.split(","):
        token = raw.strip()
        if not token:
            continue
        if config.counter(token):
            chosen.add(token)
            continue
        m = _RANGE.match(token)
        if m:
            lo, hi = int(m.group(1)), int(m.group(2))
            if hi < lo:
                raise FilterError(f"--counters: range {token!r} runs backwards")
        elif token.isdigit():
            lo = hi = int(token)
        else:
            known = ", ".join(c.id for c in config.counters)
            raise FilterError(f"--counters: {token!r} is neither a counter id nor a number "
                              f"or range like 1-8; known counters: {known}")
        hits = {cid for cid, n in numbered.items() if n is not None and lo <= n <= hi}
        if not hits:
            raise FilterError(f"--counters: no counter numbered {token} in {config.source}")
        chosen |= hits
    if not chosen:
        raise FilterError("--counters: empty list")
    return frozenset(chosen)


def parse_filter(services: str | None, counters: str | None,
                 config: SiteConfig) -> BoardFilter:
    return BoardFilter(parse_services(services, config), parse_counters(counters, config))
