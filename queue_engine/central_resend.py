"""Events the central broker may have acknowledged and then lost: sent again when the
site's bridge to central comes back.

Mosquitto 2.0 saves its store just *after* it acknowledges a message, so a SIGKILL or a
power cut of the central broker can lose the event its bridge handed over in those
milliseconds; the bridge has forgotten it and does not send it again. The engine watches
the bridge's link state (the site broker's retained notification ``1``/``0``) and, when
the link comes back, publishes again the events it published shortly before the link went
down. Receivers keep each event once by its ``seq``, so a copy of an event central did
keep costs nothing but bandwidth.

Which events are "shortly before": those published from ``MARGIN_S`` before the link
went down (a dead central is noticed by the bridge's keepalive within 45 s). While a
backlog is still being delivered after a return (about six minutes for a busy day,
docs/deploy.md; ``SETTLE_S`` leaves a margin), the event in flight at a kill may be much
older: until the link has stayed up for ``SETTLE_S``, the window reaches back to where
the last one began.

Plain Python, no MQTT: the engine service feeds it and publishes what it returns.
"""

from __future__ import annotations

from collections import deque
from typing import Generic, TypeVar

#: Published at most this long before the link went down, an event may be lost at
#: central: the bridge's keepalive (30 s) notices a vanished central within 45 s.
MARGIN_S = 60.0
#: After a return the link must stay up this long before the backlog from the time away
#: counts as delivered (a busy day's backlog drains in about six minutes).
SETTLE_S = 600.0
#: A bound on memory: about a week of a busy site's events, a few MB.
MAX_KEPT = 20_000

T = TypeVar("T")


class CentralResend(Generic[T]):
    """What to send again when the bridge returns. ``now`` is monotonic seconds."""

    def __init__(self, margin_s: float = MARGIN_S, settle_s: float = SETTLE_S,
                 max_kept: int = MAX_KEPT) -> None:
        self.margin_s = margin_s
        self.settle_s = settle_s
        self._items: deque[tuple[float, T]] = deque(maxlen=max_kept)
        self._up: bool | None = None  # unknown until the broker says
        self._up_since: float | None = None
        self._down_at: float | None = None
        self._risk_from: float | None = None  # events from here on may be lost at central

    def published(self, now: float, item: T) -> None:
        """An event has gone to the site broker."""
        self._items.append((now, item))
        keep_from = now - self.margin_s if self._settled(now) else self._risk_from
        if keep_from is None:
            keep_from = now - self.margin_s
        while self._items and self._items[0][0] < keep_from:
            self._items.popleft()

    def link(self, now: float, up: bool) -> list[T]:
        """The bridge's state changed (or was told again); returns what to publish again."""
        if up == self._up:
            return []
        if not up:
            recent = now - self.margin_s
            if self._settled(now) or self._risk_from is None:
                self._risk_from = recent
            else:  # a backlog may still have been on its way: the window keeps its start
                self._risk_from = min(self._risk_from, recent)
            self._up, self._up_since, self._down_at = False, None, now
            return []
        self._up, self._up_since = True, now
        if self._down_at is None or self._risk_from is None:
            return []  # the first word since the engine started: it knows of no loss
        start, end = self._risk_from, self._down_at
        return [item for t, item in self._items if start <= t <= end]

    def _settled(self, now: float) -> bool:
        return bool(self._up and self._up_since is not None
                    and now - self._up_since >= self.settle_s)

    def __len__(self) -> int:
        return len(self._items)
