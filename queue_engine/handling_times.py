"""What the estimator learns from the day: how long each service holds a counter, how
long breaks last, how many booked visitors come, how fast walk-ins arrive.

Handling time is measured as *counter time*: from the call to the end of the ticket
(finished, no-show), because that is what keeps the next visitor waiting — the walk to
the counter, recalls and visitors who never come are part of it. Per service it is a
recent moving average, blended with the configured minutes while data is scarce: with n
samples the configured value weighs as ``PRIOR_WEIGHT`` samples. The spread (sigma of a
lognormal fitted to the same samples) gives the expected *remaining* time of a visit
already under way, which grows the longer it has lasted.
"""

from __future__ import annotations

import bisect
import math
from collections import deque
from collections.abc import Sequence
from datetime import datetime, timedelta
from statistics import NormalDist
from typing import Protocol

from civiq.config import SiteConfig

#: Samples kept per service: 60 rather than 30 halves the noise of the mean that every
#: forecast multiplies (tuning days: MAE 4.50 -> 4.34 min on default days, 14.0 -> 13.7
#: on heavy-tailed ones) and still follows a drift over the day (2.16 -> 2.13).
WINDOW = 60
PRIOR_WEIGHT = 5
#: Durations beyond this many minutes are a forgotten "finish" button, not a visit.
MAX_SAMPLE_MIN = 240
# The priors below are deliberately round, weak starting points, set from what is known
# before any visitor comes — never from the simulator's settings (docs/wait-estimates.md):
#: Spread of service times at a counter (lognormal sigma) until learned: 0.7, a
#: coefficient of variation of about 0.8 — wide, so that a new site's remaining-time
#: estimates for long visits err on the long side.
PRIOR_SIGMA = 0.7
#: The coefficient of variation of that lognormal (about 0.8).
PRIOR_CV = math.sqrt(math.exp(PRIOR_SIGMA**2) - 1)
#: A paused counter without a planned break in the roster is expected back after this
#: many minutes until breaks are learned: the statutory rest break for a working day of
#: six to nine hours (Arbeitszeitgesetz § 4).
PRIOR_BREAK_MIN = 30.0
#: Booked visitors who come, until the day tells: a round 0.8, worth 10 bookings.
PRIOR_SHOW_RATE = 0.8
#: Walk-in arrival rate: issues in this trailing window, per minute.
RATE_WINDOW = timedelta(minutes=30)

_PHI = NormalDist()


class EndedTicket(Protocol):
    service: str
    called_at: datetime | None
    ended_at: datetime | None


class HandlingTimes:
    def __init__(self, config: SiteConfig) -> None:
        self._configured = {s.id: s.minutes for s in config.services}
        self._samples: dict[str, deque[float]] = {s: deque(maxlen=WINDOW) for s in self._configured}
        self._breaks: deque[float] = deque(maxlen=WINDOW)
        self._issued: dict[str, deque[datetime]] = {s: deque() for s in self._configured}
        self._cache: tuple[int, dict[str, float]] | None = None
        self._sigmas: dict[str, tuple[int, float]] = {}
        self._cvs: dict[str, tuple[int, float]] = {}
        self._changes = 0

    # ----- learning --------------------------------------------------------------------
    def observe(self, service: str, minutes: float) -> None:
        if 0 < minutes <= MAX_SAMPLE_MIN and service in self._samples:
            self._samples[service].append(minutes)
            self._changes += 1

    def ticket_ended(self, t: EndedTicket) -> None:
        """A ticket left its counter (finished or no-show): learn its counter time."""
        if t.called_at is not None and t.ended_at is not None:
            self.observe(t.service, (t.ended_at - t.called_at).total_seconds() / 60)

    def break_ended(self, minutes: float) -> None:
        if 0 < minutes <= MAX_SAMPLE_MIN:
            self._breaks.append(minutes)

    def issued(self, service: str, at: datetime) -> None:
        q = self._issued.get(service)
        if q is None:
            return
        if q and at < q[-1]:  # out of order (replaying the day): keep the deque sorted
            q.insert(bisect.bisect_right(q, at), at)
        else:
            q.append(at)

    # ----- estimates -------------------------------------------------------------------
    def minutes(self, service: str) -> float:
        prior = self._configured.get(service, 10.0)
        s = self._samples.get(service)
        if not s:
            return prior
        return (prior * PRIOR_WEIGHT + sum(s)) / (PRIOR_WEIGHT + len(s))

    def sigma(self, service: str) -> float:
        # Asked for every visit under way in every forecast; the samples change far less.
        cached = self._sigmas.get(service)
        if cached is not None and cached[0] == self._changes:
            return cached[1]
        value = self._sigma(service)
        self._sigmas[service] = (self._changes, value)
        return value

    def _sigma(self, service: str) -> float:
        s = [x for x in self._samples.get(service, ()) if x > 0]
        if len(s) < 3:
            return PRIOR_SIGMA
        logs = [math.log(x) for x in s]
        m = sum(logs) / len(logs)
        var = sum((x - m) ** 2 for x in logs) / (len(logs) - 1)
        n = len(logs)
        return math.sqrt((PRIOR_SIGMA**2 * PRIOR_WEIGHT + var * n) / (PRIOR_WEIGHT + n))

    def cv(self, service: str) -> float:
        """Coefficient of variation of the service's counter times (of the samples,
        blended with the prior's as the mean is): heavy tails make it large."""
        cached = self._cvs.get(service)
        if cached is not None and cached[0] == self._changes:
            return cached[1]
        prior_var = PRIOR_CV**2
        s = self._samples.get(service, ())
        n = len(s)
        if n < 3:
            value = math.sqrt(prior_var)
        else:
            m = sum(s) / n
            var = sum((x - m) ** 2 for x in s) / (n - 1) / (m * m)
            value = math.sqrt((prior_var * PRIOR_WEIGHT + var * n) / (PRIOR_WEIGHT + n))
        self._cvs[service] = (self._changes, value)
        return value

    def remaining(self, service: str, elapsed: float) -> float:
        """Expected minutes left of a visit that has lasted ``elapsed`` minutes:
        E[X - e | X > e] for X lognormal with the learned mean and spread."""
        mean = self.minutes(service)
        if elapsed <= 0:
            return mean
        s = self.sigma(service)
        mu = math.log(mean) - s * s / 2
        z = (math.log(elapsed) - mu) / s
        tail = 1 - _PHI.cdf(z)
        if tail < 1e-9:
            return max(0.5, 0.25 * mean)  # far beyond any normal visit: it must end soon
        conditional = mean * (1 - _PHI.cdf(z - s)) / tail
        return max(conditional - elapsed, 0.0)

    def break_minutes(self) -> float:
        n = len(self._breaks)
        return (PRIOR_BREAK_MIN * PRIOR_WEIGHT + sum(self._breaks)) / (PRIOR_WEIGHT + n)

    def arrival_rate(self, service: str, now: datetime) -> float:
        """Walk-ins per minute for ``service`` over the last half hour."""
        q = self._issued.get(service)
        if not q:
            return 0.0
        while q and q[0] < now - RATE_WINDOW:
            q.popleft()
        # Sorted: counting is only needed when some arrivals lie after ``now``; a scan per
        # forecast cost more than the rest of the forecast at a busy kiosk.
        n = len(q) if not q or q[-1] <= now else sum(1 for t in q if t <= now)
        return n / (RATE_WINDOW.total_seconds() / 60)

    def as_dict(self) -> dict[str, float]:
        if self._cache is None or self._cache[0] != self._changes:
            self._cache = (self._changes, {s: self.minutes(s) for s in self._configured})
        return self._cache[1]


def show_rate(checked_in: int, no_shows: int) -> float:
    """Share of booked visitors who come, blended with the prior while data is scarce."""
    return (PRIOR_SHOW_RATE * PRIOR_WEIGHT * 2 + checked_in) / (
        PRIOR_WEIGHT * 2 + checked_in + no_shows)


def still_coming(show: float, late_min: float, offsets: Sequence[float],
                 window: tuple[float, float]) -> float:
    """Share of booked visitors who will still come, of those not checked in
    ``late_min`` minutes after their slot began (negative: before it).

    The later it is, the more of those still missing are no-shows: with ``show`` the
    share who come at all and S(x) the share of comers who check in later than x,
    P(comes | not yet) = show S / (show S + 1 - show). S is learned from ``offsets``
    (check-in minus slot start, minutes, of the day's check-ins), blended with a prior
    worth ``PRIOR_WEIGHT * 2`` check-ins: check-ins spread evenly over the site's
    check-in ``window`` (minutes before, after the slot start)."""
    before, after = window
    span = before + after
    prior = 1.0 if span <= 0 else min(1.0, max(0.0, (after - late_min) / span))
    later = sum(1 for x in offsets if x > late_min)
    weight = PRIOR_WEIGHT * 2
    s = (prior * weight + later) / (weight + len(offsets))
    coming = show * s
    return coming / (coming + 1 - show) if coming + 1 - show > 0 else 0.0
