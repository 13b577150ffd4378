"""Each service's handling time, learned from the tickets it finished.

A recent moving average per service, blended with the configured minutes while data is
scarce: with n samples the configured value weighs as ``PRIOR_WEIGHT`` samples.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from civiq.config import SiteConfig

WINDOW = 30
PRIOR_WEIGHT = 5
#: Durations beyond this many minutes are a forgotten "finish" button, not a visit.
MAX_SAMPLE_MIN = 240


class HandlingTimes:
    def __init__(self, config: SiteConfig) -> None:
        self._configured = {s.id: s.minutes for s in config.services}
        self._samples: dict[str, deque[float]] = {s: deque(maxlen=WINDOW) for s in self._configured}

    def observe(self, service: str, minutes: float) -> None:
        if 0 < minutes <= MAX_SAMPLE_MIN and service in self._samples:
            self._samples[service].append(minutes)

    def observe_all(self, samples: Iterable[tuple[str, float]]) -> None:
        for service, minutes in samples:
            self.observe(service, minutes)

    def minutes(self, service: str) -> float:
        prior = self._configured.get(service, 10.0)
        s = self._samples.get(service)
        if not s:
            return prior
        return (prior * PRIOR_WEIGHT + sum(s)) / (PRIOR_WEIGHT + len(s))

    def as_dict(self) -> dict[str, float]:
        return {s: self.minutes(s) for s in self._configured}
