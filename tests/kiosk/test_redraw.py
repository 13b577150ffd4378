"""Redrawing costs the GUI thread only what changed: the style sheet is set again only when
what it is made from changed, the QR pixmap only for another payload or size, and the
half-second timer redraws only when time changed what is shown (a countdown)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt

from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import CallsState, EngineState
from kiosk import texts as tx
from kiosk.viewmodel import KioskView, Screen
from tests.kiosk.helpers import keypad, portrait_window, screen, tap, ticket_view_model


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


def test_a_redraw_with_nothing_new_sets_no_style_sheet_and_no_qr(qtbot) -> None:
    vm = ticket_view_model()
    w = portrait_window(qtbot)
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


def drawn_views(k) -> list[KioskView]:
    """Every view the kiosk's window is given from now on, in order."""
    views: list[KioskView] = []
    show = k.window.show_view
    k.window.show_view = lambda v: (views.append(v), show(v))[1]
    return views


def test_site_state_redraws_only_for_what_the_kiosk_shows(qtbot, engine, kiosk_factory
                                                          ) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START and k.model.snapshot.queue is not None,
                    timeout=5000)
    site = k.site
    views = drawn_views(k)
    seq = k.model.snapshot.last_seq + 1000  # newer than anything the engine sent
    # Messages are handled on the GUI thread one at a time: what one draws is counted alone.
    k._on_message(topics.state_calls(site), env.encode(env.make(
        site, "calls", CallsState(calls=[]), seq=seq)))
    assert k.model.snapshot.last_seq == seq  # taken in, and not drawn: no calls on a kiosk
    assert views == []
    k._on_message(topics.state_queue(site), env.encode(env.make(
        site, "queue", k.model.snapshot.queue, seq=seq + 1)))
    assert len(views) == 1  # the services' waits are shown: drawn once
    views.clear()
    k._on_message(topics.state_engine(site), env.encode(env.make(
        site, "engine", EngineState(online=False))))
    # one redraw, and it already says so (not the start screen first, then again)
    assert [v.screen for v in views] == [Screen.OUT_OF_SERVICE]


def test_a_spoken_redraw_builds_the_view_once(qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    keypad(k, Qt.Key.Key_Enter)  # speech on
    builds: list[KioskView] = []
    build = k.vm.build
    k.vm.build = lambda *a: (builds.append(v := build(*a)), v)[1]
    views = drawn_views(k)
    keypad(k, Qt.Key.Key_0, "0")  # help: said, and shown as said
    assert len(builds) == 1 and len(views) == 1
    assert views[0].spoken == k.vm.last_spoken == k.vm.t(tx.HELP)
    assert k.window.caption.text() == f"♪ {k.vm.last_spoken}"
