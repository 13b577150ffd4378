"""Tickets printed end to end: a tap, the engine's ticket, the bytes at a virtual network
printer decoded back; printer faults on screen and as one alert each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from civiq.protocol import envelope as env
from civiq.protocol import topics
from kiosk.theme import NORMAL
from kiosk.viewmodel import Screen
from printers.escpos_stream import decode
from printers.virtual import VirtualState
from tests.kiosk.helpers import portrait_window, screen, tap, ticket_view_model


def test_the_printed_ticket_is_the_one_on_screen(qtbot, engine, kiosk_factory,
                                                 printing_config, printer) -> None:
    k = kiosk_factory(config=printing_config)
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    job = printer.wait_for_jobs(1)[0]
    assert job.complete
    printed = decode(job.data)
    words = " ".join(printed.lines)
    assert "A001" in printed.lines and "Personalausweis & Reisepass" in words
    assert "Vor Ihnen: 0" in printed.lines  # in the citizen's language, as on screen
    assert printed.qr_payloads == ["A001"]  # the profile prints native QR codes
    assert printed.cut
    qtbot.waitUntil(lambda: "Bitte nehmen Sie Ihre Wartenummer." in
                    k.window.printer_note.text(), timeout=3000)
    # With the ticket on paper, a touch anywhere makes room for the next citizen.
    qtbot.mouseClick(k.window.number, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=2000)


def test_paper_out_one_alert_ticket_on_screen_and_resolved(
        qtbot, engine, kiosk_factory, printing_config, printer, client_factory) -> None:
    alerts: list[dict] = []
    watcher = client_factory("operator", "watch")
    watcher.route(topics.alert("hh-wandsbek"),
                  lambda _t, p, _pr: alerts.append(env.decode(p).data))
    k = kiosk_factory(config=printing_config)
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    printer.state = VirtualState.PAPER_OUT
    for n in ("A001", "A002"):
        tap(qtbot, k, "svc:ausweis")
        qtbot.waitUntil(lambda: screen(k) is Screen.TICKET and k.vm.printer_fault,
                        timeout=5000)
        assert k.window.number.text() == n  # the ticket stays valid, shown with its QR
        assert not k.window.qr.pixmap().isNull()
        assert k.window.printer_note.text().startswith("⚠ Der Drucker funktioniert nicht.")
        tap(qtbot, k, "done")
    qtbot.waitUntil(lambda: len(alerts) >= 1, timeout=3000)
    # A marker through the kiosk's own connection arrives after anything it published
    # before (MQTT keeps one client's order): no second alert is still on its way.
    k.client.publish(topics.alert("hh-wandsbek"), env.encode(env.make(
        "hh-wandsbek", "alert", {"kind": "test_marker"})), qos=1)
    qtbot.waitUntil(lambda: alerts and alerts[-1].get("kind") == "test_marker", timeout=3000)
    alerts.pop()
    assert [(a["kind"], a["state"]) for a in alerts] == [("printer_paper_out", "active")]
    printer.state = VirtualState.OK
    k.poll_printer()
    qtbot.waitUntil(lambda: len(alerts) == 2, timeout=5000)
    assert (alerts[1]["kind"], alerts[1]["state"]) == ("printer_paper_out", "resolved")


def test_a_silent_printer_never_holds_the_kiosk(qtbot, engine, kiosk_factory,
                                                printing_config, printer) -> None:
    printer.state = VirtualState.SILENT
    k = kiosk_factory(config=printing_config)
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "svc:melde")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=3000)
    assert k.window.number.text() == "B001"  # on screen at once, whatever the printer does
    qtbot.waitUntil(lambda: k.vm.printer_fault, timeout=5000)


def test_needs_assistance_gives_an_assistance_ticket(qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "assist")
    assert k.window.buttons["assist"].text().startswith("✓")
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    assert "Eine Mitarbeiterin oder ein Mitarbeiter hilft Ihnen." in k.window.extra.text()


def test_only_a_printer_fault_is_marked_as_one() -> None:
    vm = ticket_view_model()
    assert vm.build(None, 0.0).printer_fault is False  # printing …
    vm.printed(True, False)
    v = vm.build(None, 0.0)
    assert v.printer_note == "Please take your ticket." and v.printer_fault is False
    vm.printed(False, True)  # no printer configured: said, but no fault
    assert vm.build(None, 0.0).printer_fault is False
    vm.printed(False, False)
    v = vm.build(None, 0.0)
    assert v.printer_note.startswith("⚠") and v.printer_fault is True


def test_the_printer_note_looks_like_a_fault_only_for_a_fault(qtbot) -> None:
    vm = ticket_view_model()
    w = portrait_window(qtbot)
    note = w.printer_note

    def drawn(printed: bool) -> tuple[object, str]:
        vm.printed(printed, False)
        w.show_view(vm.build(None, 0.0))
        qtbot.waitUntil(lambda: note.isVisible())
        return note.property("fault"), note.palette().color(QPalette.ColorRole.WindowText).name()

    ok = drawn(True)
    assert ok == (False, NORMAL.text)  # "Please take your ticket." in the normal colours
    assert drawn(False) == (True, NORMAL.warning_text)  # the fault look for a fault
    assert drawn(True) == ok  # and back, polished again
