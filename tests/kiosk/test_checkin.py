"""QR check-in by scanner, on every screen, and each refusal explained."""

from __future__ import annotations

from datetime import timedelta

from kiosk.viewmodel import Screen
from tests.conftest import TUESDAY_9
from tests.kiosk.helpers import book, booking_code, scan, screen, tap, typed


def test_scan_on_the_start_screen_checks_in(qtbot, engine, kiosk_factory,
                                            client_factory) -> None:
    booking = client_factory("booking", "booking-1")
    code = book(booking, "bk-1", "ausweis", TUESDAY_9 + timedelta(minutes=10))
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "lang:en")
    scan(k, code)
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    assert k.window.title.text() == "You are checked in"
    assert k.window.number.text().startswith("A")
    assert "Your appointment: 09:10" in k.window.extra.text()

    # the same code again, from the ticket screen: already checked in, at what time, as what
    scan(k, code)
    qtbot.waitUntil(lambda: screen(k) is Screen.REFUSED, timeout=5000)
    number = k.vm.ticket.number
    text = k.window.lines.text()
    assert f"as {number}" in text and "Please wait until your number is called." in text


def test_refusals_say_what_to_do_next(qtbot, engine, kiosk_factory, client_factory) -> None:
    booking = client_factory("booking", "booking-1")
    later = book(booking, "bk-2", "ausweis", TUESDAY_9 + timedelta(hours=3))
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    scan(k, later)
    qtbot.waitUntil(lambda: screen(k) is Screen.REFUSED, timeout=5000)
    assert "Zu früh: Die Anmeldung öffnet um 11:30 Uhr." in k.window.lines.text()
    assert "walk_in" in k.window.buttons  # the offer of a walk-in ticket
    tap(qtbot, k, "walk_in")
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=2000)

    tap(qtbot, k, "lang:ar")
    assert k.window.layoutDirection().name == "RightToLeft"
    scan(k, booking_code("bk-x", TUESDAY_9, site="hh-altona"))
    qtbot.waitUntil(lambda: screen(k) is Screen.REFUSED, timeout=5000)
    assert "هذا الموعد في مركز خدمة آخر." in k.window.lines.text()

    tap(qtbot, k, "back")
    scan(k, "not a booking code at all")
    qtbot.waitUntil(lambda: screen(k) is Screen.REFUSED, timeout=5000)
    # back to the start keeps the citizen's language
    assert k.window.lines.text().startswith("هذا ليس رمز موعد.")


def test_slow_typing_is_not_a_scan(qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    scans: list[str] = []
    k.input.scanned.connect(scans.append)
    # Key events are delivered as they are sent: a burst would be a scan by now.
    typed(k, "CQ1.demo.typed-by-hand", 120)
    assert scans == []
    assert screen(k) is Screen.START
