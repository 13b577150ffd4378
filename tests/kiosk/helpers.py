"""What the kiosk tests share: taps, scanner bursts, keypad keys, booking codes, a ticket
screen's view model and a window to draw it in."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from civiq.appointments.token import load_private_key, sign_token
from civiq.config import Kiosk, load_site
from kiosk.app import KioskApp
from kiosk.viewmodel import KioskViewModel, Screen
from kiosk.widgets import KioskWindow
from tests.conftest import EXAMPLE_SITE

DEMO_KEY = load_private_key(
    EXAMPLE_SITE.parent / "keys" / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem")


def screen(k: KioskApp) -> Screen | None:
    return k.window.view.screen if k.window.view is not None else None


def tap(qtbot, k: KioskApp, control: str) -> None:
    qtbot.mouseClick(k.window.buttons[control], Qt.MouseButton.LeftButton)


def _key(target, kind, key, text: str, ms: int,
         mods=Qt.KeyboardModifier.NoModifier, auto_repeat: bool = False) -> None:
    ev = QKeyEvent(kind, key, mods, text, auto_repeat)
    ev.setTimestamp(ms)  # as the input system stamps a key: independent of load here
    QApplication.sendEvent(target, ev)


_clock_ms = [10_000_000]


def typed(k: KioskApp, text: str, gap_ms: int, enter: bool = True) -> None:
    """Keys as a keyboard wedge types them (no field touched first), ``gap_ms`` apart."""
    target = QApplication.focusWidget() or k.window
    for ch in text:
        _clock_ms[0] += gap_ms
        _key(target, QKeyEvent.Type.KeyPress, 0, ch, _clock_ms[0])
        _key(target, QKeyEvent.Type.KeyRelease, 0, ch, _clock_ms[0])
    if enter:
        _clock_ms[0] += gap_ms
        _key(target, QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, "\r", _clock_ms[0])
        _key(target, QKeyEvent.Type.KeyRelease, Qt.Key.Key_Return, "\r", _clock_ms[0])
    _clock_ms[0] += 10_000


def scan(k: KioskApp, text: str) -> None:
    """A scanner: the code's characters in one burst (4 ms apart), then Enter."""
    typed(k, text, 4)


def keypad(k: KioskApp, key: Qt.Key, text: str = "", *, auto_repeat: bool = False) -> None:
    _clock_ms[0] += 500
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        _key(k.window, kind, key, text, _clock_ms[0], Qt.KeyboardModifier.KeypadModifier,
             auto_repeat)


def booking_code(booking_id: str, slot: datetime, site: str = "hh-wandsbek") -> str:
    return sign_token(DEMO_KEY, "demo", booking_id, site, slot.date(), slot)


def book(booking, booking_id: str, service: str, slot: datetime) -> str:
    booking.request("import_appointments", {"appointments": [
        {"booking_id": booking_id, "service": service, "slot_start": slot.isoformat(),
         "slot_minutes": 15}]})
    return booking_code(booking_id, slot)


def ticket_view_model() -> KioskViewModel:
    """A connected kiosk's view model showing ticket A001 (2 ahead, about 10 minutes)."""
    vm = KioskViewModel(load_site(EXAMPLE_SITE), Kiosk(id="kiosk-1"))
    vm.connected, vm.engine_online = True, True
    vm.ticket_issued({"ticket": {"number": "A001", "service": "ausweis"}, "ahead": 2,
                      "eta_min": 10}, 0.0, datetime(2026, 11, 24, 9, 14, tzinfo=UTC))
    return vm


def portrait_window(qtbot) -> KioskWindow:
    """A bare kiosk window, shown portrait at 1080 x 1920, for drawing views into."""
    w = KioskWindow()
    qtbot.addWidget(w)
    w.allow_close = True
    w.resize(1080, 1920)
    w.show()
    return w
