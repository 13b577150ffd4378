"""How a wait estimate is said to people, the same on the board, the kiosk, the ticket and
the counter: minutes rounded as people say them, and a range where the estimate's 80 %
interval is wide (a citizen told "ca. 20 Min." should not wait 45)."""

from __future__ import annotations

from dataclasses import dataclass

#: Below this spread (in rounded minutes) one figure is honest enough.
WIDE_MIN = 10
#: A median under this many minutes, with a narrow interval, is said as no waiting: the
#: call comes within about a minute (a counter is free or about to be).
NONE_BELOW_MIN = 1.0


def people_minutes(minutes: float) -> int:
    """12.4 -> 12; from 20 minutes in steps of 5 (47 -> 45); never below 1."""
    if minutes < 20:
        return max(1, round(minutes))
    return int(5 * round(minutes / 5))


@dataclass(frozen=True)
class Wait:
    minutes: int  # the median, rounded; or the low end of a range
    high: int | None = None  # the high end when the interval is wide
    none: bool = False  # no waiting to speak of (said so on the board, kiosk and ticket)

    @property
    def is_range(self) -> bool:
        return self.high is not None


def say_wait(p50: float | None, p10: float | None = None,
             p90: float | None = None) -> Wait | None:
    """The wait to show; None when there is no estimate. A range ``p10``-``p90`` when it
    spans at least :data:`WIDE_MIN` minutes once rounded, else the median alone, marked
    ``none`` under :data:`NONE_BELOW_MIN`."""
    if p50 is None:
        return None
    one = Wait(people_minutes(p50), none=p50 < NONE_BELOW_MIN)
    if p10 is None or p90 is None:
        return one
    low, high = people_minutes(max(0.0, min(p10, p50))), people_minutes(max(p90, p50))
    if high - low < WIDE_MIN:
        return one
    return Wait(low, high)
