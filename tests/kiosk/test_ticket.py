"""A citizen takes a ticket at the kiosk, against the real engine on a real broker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from kiosk.app import KioskApp
from kiosk.viewmodel import Screen


def in_service(k: KioskApp) -> bool:
    v = k.window.view
    return v is not None and v.screen is Screen.START


def tap(qtbot, k: KioskApp, control: str) -> None:
    qtbot.mouseClick(k.window.buttons[control], Qt.MouseButton.LeftButton)


def test_one_tap_gives_the_engines_ticket(qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: in_service(k), timeout=5000)
    assert "svc:ausweis" in k.window.buttons
    assert "svc:fuehrerschein" not in k.window.buttons  # appointments only
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: k.window.view.screen is Screen.TICKET, timeout=5000)
    assert k.window.number.text() == "A001"
    assert "Personalausweis" in k.window.service.text()
    assert not k.window.qr.pixmap().isNull()


def test_the_ticket_is_the_engines_and_nothing_else(qtbot, engine, kiosk_factory,
                                                    counter) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: in_service(k), timeout=5000)
    counter.request("open_counter", {"counter": "platz-1"})
    counter.request("issue_ticket", {"service": "melde"})  # someone took one before
    qtbot.waitUntil(lambda: "Min." in k.window.buttons["svc:melde"].text(), timeout=5000)
    tap(qtbot, k, "svc:melde")
    qtbot.waitUntil(lambda: k.window.view.screen is Screen.TICKET, timeout=5000)
    assert k.window.number.text() == "B002"
    assert k.window.ahead.text() == "Vor Ihnen: 1"
    assert k.window.wait.text().startswith("Geschätzte Wartezeit: ")
    # no printer configured: the ticket is on screen only, and the screen says so
    assert "druckt nicht" in k.window.printer_note.text()
    # The screen is the only ticket: a touch to read it again keeps it and restarts its
    # time; Done ends it.
    left = k.vm.last_input
    qtbot.mouseClick(k.window.number, Qt.MouseButton.LeftButton)
    QCoreApplication.processEvents()  # what a release would start (a zero timer) runs
    assert k.window.view.screen is Screen.TICKET and k.window.number.text() == "B002"
    assert k.vm.last_input > left
    tap(qtbot, k, "done")
    qtbot.waitUntil(lambda: k.window.view.screen is Screen.START, timeout=2000)
