"""Wrong booking codes per client, and how long that client must wait before the next.

A booking code has 10 digits, one of them a check digit: 1e9 values for the few hundred
bookings of a day. Guessing one is hopeless only while guesses are slow, so each client
(a kiosk, a counter) gets :data:`FREE` wrong codes per :data:`WINDOW`; after that each
further wrong code locks that client's codes for twice as long as the last one (from
:data:`FIRST_LOCK` up to :data:`MAX_LOCK`). A sustained attack from one kiosk gets about
a dozen guesses an hour. A typo caught by the check digit does not count: it tells
nothing about any booking. QR codes are never locked: a signature cannot be guessed.
In memory only: an engine restart forgives, which a guesser cannot cause from a kiosk.
"""

from __future__ import annotations

import math
from collections import deque
from datetime import datetime, timedelta

from civiq.protocol.formats import (
    CODE_FIRST_LOCK_S,
    CODE_FREE_WRONG,
    CODE_MAX_LOCK_MIN,
    CODE_WRONG_WINDOW_MIN,
)

FREE = CODE_FREE_WRONG
WINDOW = timedelta(minutes=CODE_WRONG_WINDOW_MIN)
FIRST_LOCK = timedelta(seconds=CODE_FIRST_LOCK_S)
MAX_LOCK = timedelta(minutes=CODE_MAX_LOCK_MIN)


class CodeAttempts:
    def __init__(self) -> None:
        self._wrong: dict[str, deque[datetime]] = {}

    def _recent(self, client: str, now: datetime) -> deque[datetime]:
        q = self._wrong.get(client)
        if q is None:
            return deque()
        while q and now - q[0] > WINDOW:
            q.popleft()
        if not q:
            del self._wrong[client]
        return q

    def retry_after_s(self, client: str, now: datetime) -> int:
        """Seconds until ``client`` may try a code again; 0: now."""
        q = self._recent(client, now)
        over = len(q) - FREE - 1  # the FREE-th wrong code locks nothing yet
        if over < 0:
            return 0
        lock = min(FIRST_LOCK * (2 ** over), MAX_LOCK)
        left = (q[-1] + lock - now).total_seconds()
        return max(0, math.ceil(left))

    def wrong(self, client: str, now: datetime) -> None:
        self._recent(client, now)
        self._wrong.setdefault(client, deque()).append(now)
