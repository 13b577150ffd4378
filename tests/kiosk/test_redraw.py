"""Redrawing costs the GUI thread only what changed: the style sheet is set again only when
what it is made from changed, the QR pixmap only for another payload or size, and the
half-second timer redraws only when time changed what is shown (a countdown)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject

from civiq.config import Kiosk, load_site
from kiosk.viewmodel import KioskViewModel, Screen
from kiosk.widgets import KioskWindow
from tests.conftest import EXAMPLE_SITE
from tests.kiosk.helpers import screen, tap


class StyleChanges(QObject):
    """Counts the StyleChange events Qt sends a widget when its style sheet is set."""

    def __init__(self, *widgets: QObject) -> None:
        super().__init__()
        self.count = 0
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def ticket_view_model() -> KioskViewModel:
    vm = KioskViewModel(load_site(EXAMPLE_SITE), Kiosk(id="kiosk-1"))
    vm.connected, vm.engine_online = True, True
    vm.ticket_issued({"ticket": {"number": "A001", "service": "ausweis"}, "ahead": 2,
                      "eta_min": 10}, 0.0, datetime(2026, 11, 24, 9, 14, tzinfo=UTC))
    return vm


def test_a_redraw_with_nothing_new_sets_no_style_sheet_and_no_qr(qtbot) -> None:
    vm = ticket_view_model()
    w = KioskWindow()
    qtbot.addWidget(w)
    w.allow_close = True
    w.resize(1080, 1920)
    w.show()
    w.show_view(vm.build(None, 0.0))
    assert w.view is not None and w.view.screen is Screen.TICKET
    sheet, qr = w.styleSheet(), w.qr.pixmap().cacheKey()
    changes = StyleChanges(w)
    for now in (0.5, 1.0, 1.5):  # the countdown's seconds go on: only its text changes
        w.show_view(vm.build(None, now))
    assert changes.count == 0
    assert w.styleSheet() == sheet
    assert w.qr.pixmap().cacheKey() == qr  # not decoded and scaled again
    # what the sheet is made from changes: it is set again, as before
    vm.tap("contrast", 2.0, None)
    w.show_view(vm.build(None, 2.0))
    assert changes.count >= 1 and w.styleSheet() != sheet
    assert w.qr.pixmap().cacheKey() == qr


def test_the_timer_redraws_only_while_a_countdown_shows(qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    shown = k.window.view
    assert shown is not None and not shown.countdown
    for _ in range(2):
        with qtbot.waitSignal(k._timer.timeout, timeout=2000):
            pass  # the kiosk's own tick ran first (connected first)
    assert k.window.view is shown  # nothing changed with time: not drawn again
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    shown, qr = k.window.view, k.window.qr.pixmap().cacheKey()
    assert shown.countdown  # the ticket screen counts down from the start
    with qtbot.waitSignal(k._timer.timeout, timeout=2000):
        pass
    assert k.window.view is not shown and k.window.view.countdown  # its seconds redrawn
    assert k.window.qr.pixmap().cacheKey() == qr
