"""Injectable clocks, so tests and simulations can run a whole day in seconds."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to; thread-safe."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, when: datetime) -> None:
        with self._lock:
            if when.astimezone(UTC) < self._now:
                raise ValueError("time does not run backwards")
            self._now = when.astimezone(UTC)

    def advance(self, seconds: float) -> datetime:
        with self._lock:
            self._now += timedelta(seconds=seconds)
            return self._now


class AcceleratedClock:
    """Wall time sped up by ``factor`` from ``start``: a day in minutes for the demo."""

    def __init__(self, start: datetime, factor: float) -> None:
        if start.tzinfo is None:
            raise ValueError("AcceleratedClock needs a timezone-aware start time")
        if factor <= 0:
            raise ValueError("factor must be positive")
        self._start = start.astimezone(UTC)
        self._factor = factor
        self._t0 = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=(time.monotonic() - self._t0) * self._factor)


def clock_from_spec(spec: str | None) -> Clock:
    """``None`` → system clock; ``"2026-11-23T08:00:00+01:00@60"`` → accelerated ×60;
    ``"2026-11-23T08:00:00+01:00"`` → accelerated ×1 from that moment."""
    if not spec:
        return SystemClock()
    start_s, _, factor_s = spec.partition("@")
    try:
        start = datetime.fromisoformat(start_s)
        factor = float(factor_s) if factor_s else 1.0
    except ValueError as exc:
        raise ValueError(f"clock spec {spec!r}: expected ISO time with offset[@factor]") from exc
    return AcceleratedClock(start, factor)
