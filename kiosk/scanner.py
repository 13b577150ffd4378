"""Telling a QR scanner (a keyboard wedge) from a person typing. No Qt.

A scanner types a whole code in a burst, key after key within a few milliseconds, and
ends it with Enter; nobody types that fast. Characters that come slower start a new
burst, so a stray key press never becomes part of a code.
"""

from __future__ import annotations

#: Keys of one scan come closer together than this (scanners: 1-10 ms; people: > 80 ms).
MAX_GAP_S = 0.05
#: Shorter bursts are not a code (a fast double tap on a keypad key is two characters).
MIN_CHARS = 6
MAX_CHARS = 2048


class ScanBuffer:
    def __init__(self) -> None:
        self._chars: list[str] = []
        self._last = 0.0

    def key(self, char: str, now: float) -> bool:
        """A printable character; True while it belongs to a burst (the caller then keeps
        it from the widget under focus)."""
        if not char or not char.isprintable():
            return False
        if self._chars and now - self._last > MAX_GAP_S:
            self._chars = []
        self._last = now
        if len(self._chars) < MAX_CHARS:
            self._chars.append(char)
        return True

    def enter(self, now: float) -> str | None:
        """Enter: the code, when a fast burst of enough characters just ended."""
        chars, self._chars = self._chars, []
        if len(chars) >= MIN_CHARS and now - self._last <= MAX_GAP_S * 4:
            return "".join(chars)
        return None

    def pending(self, now: float) -> bool:
        return bool(self._chars) and now - self._last <= MAX_GAP_S
