"""Which requests the engine has answered within the retry window.

A retry with a known ``(client, request_id)`` gets its first reply again, read from the
store (the ``requests`` table keeps every reply for the window). Memory keeps only the
keys, so that a fresh id — nearly every command — needs no lookup, and forgets each key
when the window has passed, as the store forgets the reply: an engine that runs for
months holds the last two days' keys, not every key it ever saw.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

#: How long a reply is kept for retries; documented in docs/protocol.md (Idempotency).
RETRY_WINDOW = timedelta(days=2)

Key = tuple[str, str]


class RecentRequests:
    def __init__(self, window: timedelta = RETRY_WINDOW) -> None:
        self.window = window
        self._keys: set[Key] = set()
        # Keys in the order they were answered, for forgetting the oldest first.
        self._order: deque[tuple[datetime, Key]] = deque()

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: Key) -> bool:
        return key in self._keys

    def add(self, key: Key, at: datetime) -> None:
        if key not in self._keys:
            self._keys.add(key)
            self._order.append((at, key))

    def forget_before(self, now: datetime) -> int:
        """Forget keys answered longer than the window before ``now``; how many went.
        A clock stepped back leaves a newer key in front for a while: it only delays the
        forgetting, the set never holds more than the keys of the window plus that step."""
        cutoff = now - self.window
        gone = 0
        order = self._order
        while order and order[0][0] < cutoff:
            self._keys.discard(order.popleft()[1])
            gone += 1
        return gone
