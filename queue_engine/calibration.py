"""An 80 % interval around the forward run's estimate, calibrated online on the site's
own walk-ins: how far did the wait that followed land from the estimate given?

The forward run gives one number (every visit takes its mean). What it cannot know —
the spread of single visits, visitors still to come, a clerk late back — shows in its
errors, and those are measured here: for each walk-in, (actual - estimate) / (estimate +
``SCALE_MIN``), kept per band of estimates (a 5-minute estimate errs by other amounts than
a 60-minute one). The interval for an estimate *e* is *e* + q x (*e* + ``SCALE_MIN``) x f
for the 10th and 90th percentile *q* of its band (the median stays *e*), each blended
with a deliberately wide prior worth ``PRIOR_WEIGHT`` tickets while the band has few; f
is the spread of the service's handling times (:func:`spread_factor`), and the errors are
kept divided by the f of their ticket, so that heavy tails widen the interval at once.

Why not Monte-Carlo runs over sampled handling times: it would cost one forward run per
sample on every state build (20 runs for a usable p10/p90; the run is most of a
command's cost, docs/performance.md), and it would still miss what the run does not
model at all (staff who deviate from the roster, a surge) — the measured errors include
it.
"""

from __future__ import annotations

import bisect
import json
from collections import deque
from datetime import datetime

from queue_engine.handling_times import PRIOR_CV

#: Upper edges of the estimate bands, minutes (the last band is open).
BANDS = (3.0, 10.0, 20.0, 40.0, 75.0)
#: An estimate this small means a counter is free: the wait is the time the clerk takes
#: to call, seconds rather than minutes, unrelated to handling times. It is a band of its
#: own, whose errors are kept in plain minutes, with a prior of its own.
IMMEDIATE_MIN = 0.05
#: Prior (p10, p50, p90) of that wait in minutes: a free counter calls within half a
#: minute; not taken from the simulator's settings.
IMMEDIATE_PRIOR_Q = (0.0, 0.2, 0.5)
#: ... worth this many tickets: the band fills fast where it matters (on a quiet day two
#: walk-ins in three find a counter free). Chosen on the tuning days.
IMMEDIATE_PRIOR_WEIGHT = 5
#: Errors are scaled by the estimate plus this, so bands of different size pool well.
SCALE_MIN = 5.0
WINDOW = 120
#: The prior is worth this many tickets per band.
PRIOR_WEIGHT = 15
#: Prior quantiles of the scaled error (p10, p50, p90): an interval from about -35 % to
#: +50 % of the estimate (plus a few minutes), wider than any band measured so far, so
#: that a new site starts modest; not taken from the simulator's settings.
PRIOR_Q = (-0.35, 0.0, 0.5)
#: Walk-ins whose estimate waits for a call; the oldest go when there are more.
MAX_OPEN = 5000
#: The coefficient of variation of counter times that the prior interval is meant for:
#: that of the handling-time prior (lognormal sigma 0.7: about 0.8), so that a new site's
#: interval is the prior's until its handling times say otherwise.
REFERENCE_CV = PRIOR_CV
#: How strongly the interval follows the spread of handling times: the scale is
#: (cv / REFERENCE_CV) ** power, with one power where the visits spread more than the
#: reference (heavy tails: the wait spreads with them) and a smaller one where they
#: spread less (visitors still to come, breaks and clerks' deviations still spread the
#: wait). Chosen on the tuning days (docs/wait-estimates.md).
WIDEN_POWER = 1.0
NARROW_POWER = 0.5


def spread_factor(cv: float) -> float:
    """How much wider than usual the interval is for handling times of this ``cv``."""
    r = max(cv, 0.05) / REFERENCE_CV
    return r ** (WIDEN_POWER if r > 1 else NARROW_POWER)


def _quantile(sorted_xs: list[float], q: float) -> float:
    if not sorted_xs:
        return 0.0
    pos = q * (len(sorted_xs) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_xs) - 1)
    return sorted_xs[lo] + (sorted_xs[hi] - sorted_xs[lo]) * (pos - lo)


class Calibration:
    def __init__(self) -> None:
        self._errors: list[deque[float]] = [deque(maxlen=WINDOW) for _ in range(len(BANDS) + 2)]
        self._open: dict[str, tuple[float, datetime, float]] = {}
        self._q: list[tuple[float, float, float] | None] = [None] * (len(BANDS) + 2)
        self.changed = False

    @staticmethod
    def band(estimate: float) -> int:
        if estimate <= IMMEDIATE_MIN:
            return 0
        return 1 + bisect.bisect_left(BANDS, estimate)

    def issued(self, number: str, estimate: float | None, at: datetime,
               spread: float = 1.0) -> None:
        """``spread``: :func:`spread_factor` of the service's handling times now."""
        if estimate is None:
            return
        if len(self._open) >= MAX_OPEN:
            self._open.pop(next(iter(self._open)))
        self._open[number] = (estimate, at, spread)
        self.changed = True

    def forget(self, number: str) -> None:
        """Cancelled or left: no wait to learn from."""
        if self._open.pop(number, None) is not None:
            self.changed = True

    def forget_before(self, at: datetime) -> None:
        """Drop what was issued before ``at`` (an earlier day's tickets, closed unserved):
        numbers restart every day, and today's A017 must not be taken for yesterday's."""
        kept = {n: v for n, v in self._open.items() if v[1] >= at}
        if len(kept) != len(self._open):
            self._open = kept
            self.changed = True

    def dump(self) -> str:
        """What it learned and what it waits for, as JSON (kept across a restart)."""
        return json.dumps({"bands": len(self._errors),
                           "errors": [list(e) for e in self._errors],
                           "open": {n: [e, t.isoformat(), f]
                                    for n, (e, t, f) in self._open.items()}})

    def load(self, raw: str | None) -> None:
        if not raw:
            return
        d = json.loads(raw)
        errors = d.get("errors", [])
        # Stored before free counters had a band of their own: the others shift by one.
        bands = self._errors if d.get("bands") == len(self._errors) else self._errors[1:]
        for band, xs in zip(bands, errors, strict=False):
            band.extend(float(x) for x in xs)
        # Entries stored before the spread was kept have none: 1, the usual spread.
        self._open = {n: (float(v[0]), datetime.fromisoformat(v[1]),
                          float(v[2]) if len(v) > 2 else 1.0)
                      for n, v in d.get("open", {}).items()}
        self._q = [None] * len(self._q)

    def called(self, number: str, at: datetime) -> None:
        entry = self._open.pop(number, None)
        if entry is None:
            return
        self.changed = True
        estimate, issued, spread = entry
        actual = max(0.0, (at - issued).total_seconds() / 60)
        b = self.band(estimate)
        scale = 1.0 if b == 0 else (estimate + SCALE_MIN) * spread
        self._errors[b].append((actual - estimate) / scale)
        self._q[b] = None

    def _quantiles(self, b: int) -> tuple[float, float, float]:
        q = self._q[b]
        if q is None:
            xs = sorted(self._errors[b])
            n = len(xs)
            weight, prior = ((IMMEDIATE_PRIOR_WEIGHT, IMMEDIATE_PRIOR_Q) if b == 0
                             else (PRIOR_WEIGHT, PRIOR_Q))
            w = weight / (weight + n)
            q = tuple(w * p + (1 - w) * _quantile(xs, f)  # type: ignore[assignment]
                      for p, f in zip(prior, (0.1, 0.5, 0.9), strict=True))
            self._q[b] = q
        return q  # type: ignore[return-value]

    def interval(self, estimate: float | None, spread: float = 1.0
                 ) -> tuple[float, float, float] | None:
        """(p10, p50, p90) minutes for the forward run's ``estimate``; ``spread`` as for
        :meth:`issued`."""
        if estimate is None:
            return None
        b = self.band(estimate)
        lo, _, hi = self._quantiles(b)
        if b == 0:
            # Seconds: rounded to 0.01 min, as 0.1 min would widen it by a third.
            return (round(max(0.0, estimate + lo), 2), round(estimate, 1),
                    round(max(estimate + hi, estimate + lo, 0.0), 2))
        scale = (estimate + SCALE_MIN) * spread
        # The median stays the run's own estimate: shifting it by the median error
        # measured so far made it worse on the tuning days (MAE 15.1 -> 12.2 without it on
        # heavy-tailed days, 18.9 -> 16.4 on overloaded ones; no condition gained).
        p50 = estimate
        return (round(max(0.0, min(p50, estimate + lo * scale)), 1), round(p50, 1),
                round(max(p50, estimate + hi * scale), 1))
