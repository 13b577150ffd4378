"""Wait-estimate accuracy from an events log: civiq's estimate at issuance against the
wait that followed, and the baselines a practitioner would use, rebuilt from the same log
with only what a queue system sees at that moment:

* ``site_wide``: (tickets waiting in the building + 1) x mean counter time of the last
  ``RECENT`` visits / open counters;
* ``per_service``: (tickets waiting for the service + 1) x mean counter time of its last
  ``RECENT`` visits / the counters that actually serve it (each open counter serving it
  counts with the share of its last ``RECENT`` calls that were for it);
* ``les``: last-to-enter-service over walk-ins only — the wait of the walk-in of that
  service called most recently;
* ``hol``: head-of-line — how long the walk-in of that service waiting longest has waited.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from civiq.config import SiteConfig
from simulator.events_csv import Row

END_KINDS = ("finished", "no_show", "transferred")
RECENT = 30
BASELINES = ("site_wide", "per_service", "les", "hol")


@dataclass
class Sample:
    ticket: str
    service: str
    civiq: float
    p10: float | None
    p90: float | None
    site_wide: float
    per_service: float
    les: float
    hol: float
    actual: float = -1.0
    called_at: datetime | None = None


@dataclass
class Accuracy:
    samples: list[Sample] = field(default_factory=list)
    uncalled: int = 0
    refused: int = 0


def evaluate(rows: Iterable[Row], config: SiteConfig) -> Accuracy:
    services_of = {c.id: set(c.services) for c in config.counters}
    configured = {s.id: s.minutes for s in config.services}
    waiting: dict[str, dict[str, datetime]] = {}  # service -> ticket -> since
    walk_ins: set[str] = set()
    open_counters: set[str] = set()
    recent_all: deque[float] = deque(maxlen=RECENT)
    recent: dict[str, deque[float]] = {}
    calls: dict[str, deque[str]] = {}  # counter -> services of its recent calls
    called_at: dict[str, tuple[str, datetime]] = {}
    issued: dict[str, Sample] = {}
    issued_at: dict[str, datetime] = {}
    last_walk_in_wait: dict[str, float] = {}
    acc = Accuracy()
    for r in rows:
        if r.kind == "counter":
            if r.detail == "open":
                open_counters.add(r.counter)
            else:
                open_counters.discard(r.counter)
        elif r.kind == "refused" and not r.detail.startswith("check_in"):
            acc.refused += 1
        elif r.kind in ("issued", "checked_in"):
            if r.kind == "issued" and r.eta_min is not None:
                walk_ins.add(r.ticket)
                acc.samples.append(_sample(r, waiting, walk_ins, open_counters, services_of,
                                           recent_all, recent, calls, configured,
                                           last_walk_in_wait))
                issued[r.ticket] = acc.samples[-1]
            issued_at[r.ticket] = r.time
            waiting.setdefault(r.service, {})[r.ticket] = r.time
        elif r.kind == "called":
            for q in waiting.values():
                if q.pop(r.ticket, None) is not None:
                    break
            called_at[r.ticket] = (r.service, r.time)
            calls.setdefault(r.counter, deque(maxlen=RECENT)).append(r.service)
            if r.ticket in issued_at:
                wait = (r.time - issued_at.pop(r.ticket)).total_seconds() / 60
                if r.ticket in walk_ins:
                    last_walk_in_wait[r.service] = wait
                s = issued.get(r.ticket)
                if s is not None and s.actual < 0:
                    s.actual, s.called_at = wait, r.time
        elif r.kind in END_KINDS:
            c = called_at.pop(r.ticket, None)
            if c is not None:
                minutes = (r.time - c[1]).total_seconds() / 60
                recent.setdefault(c[0], deque(maxlen=RECENT)).append(minutes)
                recent_all.append(minutes)
            if r.kind == "transferred":
                waiting.setdefault(r.service, {})[r.ticket] = r.time
    called = [s for s in acc.samples if s.actual >= 0]
    acc.uncalled = len(acc.samples) - len(called)
    acc.samples = called
    return acc


def _sample(r: Row, waiting, walk_ins, open_counters, services_of, recent_all, recent,
            calls, configured, last_walk_in_wait) -> Sample:
    mean_all = (sum(recent_all) / len(recent_all) if recent_all
                else sum(configured.values()) / len(configured))
    k_all = sum(len(q) for q in waiting.values())
    site_wide = (k_all + 1) * mean_all / max(len(open_counters), 1)
    mine = recent.get(r.service)
    mean = sum(mine) / len(mine) if mine else configured.get(r.service, 10.0)
    serving = 0.0
    for c in open_counters:
        if r.service not in services_of.get(c, ()):
            continue
        history = calls.get(c)
        if history:
            serving += sum(1 for s in history if s == r.service) / len(history)
        else:
            serving += 1 / len(services_of[c])
    q = waiting.get(r.service, {})
    per_service = (len(q) + 1) * mean / serving if serving > 0 else site_wide
    heads = [since for n, since in q.items() if n in walk_ins]
    hol = (r.time - min(heads)).total_seconds() / 60 if heads else 0.0
    return Sample(r.ticket, r.service, r.eta_min or 0.0, r.eta_p10_min, r.eta_p90_min,
                  site_wide, per_service, last_walk_in_wait.get(r.service, 0.0), hol)
