"""Wait-estimate accuracy from an events log: civiq's estimate at issuance against the
wait that followed, and two baselines rebuilt from the same log.

* position: tickets ahead in the same service x mean counter time per ticket of that
  service so far / open counters serving it (what common systems show);
* position, site-wide: all tickets waiting x mean counter time of all services so far /
  all open counters (the other common variant; the better of the two counts);
* last-to-enter-service (LES): the wait of the ticket of that service called most
  recently (a strong predictor in the delay-prediction literature).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from civiq.config import SiteConfig
from simulator.events_csv import Row

END_KINDS = ("finished", "no_show", "transferred")


@dataclass
class Sample:
    ticket: str
    service: str
    civiq: float
    position: float
    position_all: float
    les: float
    actual: float = -1.0


@dataclass
class Accuracy:
    samples: list[Sample] = field(default_factory=list)
    uncalled: int = 0

    @staticmethod
    def _stats(errors: list[float]) -> dict[str, float]:
        a = sorted(abs(e) for e in errors)
        if not a:
            return {"mae": 0.0, "p90": 0.0, "within5": 0.0, "bias": 0.0}
        return {
            "mae": sum(a) / len(a),
            "p90": a[min(len(a) - 1, round(0.9 * (len(a) - 1)))],
            "within5": sum(1 for x in a if x <= 5.0) / len(a),
            "bias": sum(errors) / len(errors),
        }

    def stats(self, which: str) -> dict[str, float]:
        return self._stats([getattr(s, which) - s.actual for s in self.samples])


def evaluate(rows: Iterable[Row], config: SiteConfig) -> Accuracy:
    services_of = {c.id: set(c.services) for c in config.counters}
    configured = {s.id: s.minutes for s in config.services}
    waiting: dict[str, list[str]] = {}
    open_counters: set[str] = set()
    occupancy: dict[str, list[float]] = {}
    called_at: dict[str, tuple[str, object]] = {}  # ticket -> (service, called time)
    issued: dict[str, Sample] = {}
    issued_at: dict = {}
    last_wait: dict[str, float] = {}
    acc = Accuracy()
    for r in rows:
        if r.kind == "counter":
            if r.detail == "open":
                open_counters.add(r.counter)
            else:
                open_counters.discard(r.counter)
        elif r.kind in ("issued", "checked_in"):
            q = waiting.setdefault(r.service, [])
            if r.kind == "issued" and r.eta_min is not None:
                n_open = sum(1 for c in open_counters if r.service in services_of.get(c, ()))
                occ = occupancy.get(r.service)
                mean = sum(occ) / len(occ) if occ else configured.get(r.service, 10.0)
                pos = len(q) * mean / max(n_open, 1)
                every = [x for occ in occupancy.values() for x in occ]
                mean_all = (sum(every) / len(every) if every
                            else sum(configured.values()) / len(configured))
                ahead_all = sum(len(w) for w in waiting.values())
                pos_all = ahead_all * mean_all / max(len(open_counters), 1)
                les = last_wait.get(r.service, 0.0)
                s = Sample(r.ticket, r.service, r.eta_min, pos, pos_all, les)
                issued[r.ticket] = s
            issued_at[r.ticket] = r.time
            q.append(r.ticket)
        elif r.kind == "called":
            for q in waiting.values():
                if r.ticket in q:
                    q.remove(r.ticket)
                    break
            called_at[r.ticket] = (r.service, r.time)
            if r.ticket in issued_at:
                wait = (r.time - issued_at.pop(r.ticket)).total_seconds() / 60
                last_wait[r.service] = wait
                s = issued.get(r.ticket)
                if s is not None and s.actual < 0:
                    s.actual = wait
        elif r.kind in END_KINDS:
            c = called_at.pop(r.ticket, None)
            if c is not None:
                occupancy.setdefault(c[0], []).append((r.time - c[1]).total_seconds() / 60)
            if r.kind == "transferred":
                waiting.setdefault(r.service, []).append(r.ticket)
    for s in issued.values():
        if s.actual >= 0:
            acc.samples.append(s)
        else:
            acc.uncalled += 1
    return acc
