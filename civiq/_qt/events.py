"""Waiting for something that Qt events bring, outside a test's qtbot (benchmarks, the
screenshot tool): the wait sleeps in Qt's own event loop and wakes when an event comes,
instead of polling with sleeps."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

#: A timer that wakes the wait this often, so that the deadline is seen even when no
#: event comes at all.
_GUARD_MS = 50


def wait_for_events(until: Callable[[], object], timeout: float) -> bool:
    """Process Qt events until ``until()`` is true (True) or ``timeout`` seconds pass
    (False). ``until`` must become true through Qt events: a signal, a reply handed over
    by the MQTT bridge, a paint."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("wait_for_events needs a QApplication")
    deadline = time.monotonic() + timeout
    guard = QTimer()
    guard.setInterval(_GUARD_MS)
    guard.start()
    try:
        while not until():
            if time.monotonic() >= deadline:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        return True
    finally:
        guard.stop()
