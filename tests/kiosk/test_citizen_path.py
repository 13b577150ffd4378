"""The citizen's path where it went wrong in review: a printer that fails mid-ticket or is
known to be faulty before a tap, the booking-code screen when the engine goes, opening
times on another day, what the paper says, wrong booking codes' waiting time, and a
kiosk whose clock is behind the engine's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from civiq.appointments.token import booking_code as code_of
from civiq.config import Kiosk, load_site
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import QueueState, ServiceState
from civiq.transport.mqtt import RequestFailed
from kiosk.translations import Translations
from kiosk.viewmodel import KioskViewModel, Screen
from printers import PrinterState
from printers.escpos_stream import decode
from printers.virtual import VirtualState
from tests.conftest import BERLIN, EXAMPLE_SITE, TUESDAY_9
from tests.kiosk.helpers import book, booking_code, scan, screen, tap

FAULT_DE = ("Der Drucker funktioniert nicht. Ihre Nummer ist gültig: Bitte notieren oder "
            "fotografieren Sie sie. Wenn Sie Hilfe brauchen, fragen Sie bitte am Empfang.")


def _events() -> None:
    """Let queued calls run (a touch ends the ticket screen through singleShot(0))."""
    for _ in range(3):
        QApplication.processEvents()


# ----- 1. the printer fails while the ticket is printed -------------------------------
@pytest.mark.parametrize("then", [VirtualState.PAPER_OUT, VirtualState.SILENT])
def test_a_printer_that_fails_as_the_ticket_goes_out_keeps_the_number_on_screen(
        qtbot, engine, kiosk_factory, printing_config, printer, then) -> None:
    # The bytes are accepted, then the paper runs out (or the printer stops answering)
    # before the state after printing is read: the ticket may be cut short.
    printer.on_job = lambda _job: setattr(printer, "state", then)
    k = kiosk_factory(config=printing_config)
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: k.last_print is not None, timeout=8000)
    assert k.last_print.printed  # all bytes went out ...
    assert k.last_print.state in (PrinterState.PAPER_OUT, PrinterState.OFFLINE)  # ... then
    assert screen(k) is Screen.TICKET
    assert k.window.printer_note.text() == "⚠ " + FAULT_DE
    assert "QR" not in k.window.printer_note.text()
    assert "Bitte nehmen Sie Ihre Wartenummer." not in k.window.printer_note.text()
    # A touch to read the number again does not take it away.
    qtbot.mouseClick(k.window.number, Qt.MouseButton.LeftButton)
    _events()
    assert screen(k) is Screen.TICKET and k.window.number.text() == "A001"


# ----- 2. the printer is faulty before a tap ------------------------------------------
def test_the_start_screen_says_so_when_the_printer_is_out_of_paper(
        qtbot, engine, kiosk_factory, printing_config, printer) -> None:
    printer.state = VirtualState.PAPER_OUT
    k = kiosk_factory(config=printing_config)  # it asks the printer when it starts
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    out = ("⚠ Der Drucker hat kein Papier: Ihre Nummer wird auf dem Bildschirm "
           "angezeigt.")
    qtbot.waitUntil(lambda: out in k.window.lines.text(), timeout=5000)
    printer.state = VirtualState.OFFLINE
    k.poll_printer()
    qtbot.waitUntil(lambda: "⚠ Der Drucker funktioniert nicht: Ihre Nummer wird auf dem "
                    "Bildschirm angezeigt." in k.window.lines.text(), timeout=5000)
    printer.state = VirtualState.OK
    k.poll_printer()
    qtbot.waitUntil(lambda: "Drucker" not in k.window.lines.text(), timeout=5000)


def test_no_start_screen_warning_on_a_kiosk_without_a_printer(qtbot, engine,
                                                              kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    k._on_printer_state(PrinterState.NONE)
    assert "Drucker" not in k.window.lines.text()


# ----- 3. the booking-code screen when the engine is lost -----------------------------
def test_the_booking_code_screen_goes_out_of_service_within_2s_and_keeps_the_digits(
        qtbot, engine_factory, kiosk_factory) -> None:
    engine = engine_factory()
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "code")
    for d in "1234":
        tap(qtbot, k, f"digit:{d}")
    assert screen(k) is Screen.CODE
    engine.stop()
    qtbot.waitUntil(lambda: screen(k) is Screen.OUT_OF_SERVICE, timeout=2000)
    assert k.window.title.text() == "Außer Betrieb"
    assert "ok" not in k.window.buttons and "digit:1" not in k.window.buttons
    engine_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.CODE, timeout=5000)
    assert "1234" in k.window.lines.text().replace(" ", "")  # typed digits still there


# ----- 4. the next opening on another day ---------------------------------------------
def _closed_until(until: datetime) -> QueueState:
    return QueueState(day="2026-11-28", counters=[], waiting=[], services=[ServiceState(
        id="ausweis", waiting=0, eta_min=None, open_counters=0, ticket_stop=True,
        ticket_stop_reason="site_closed", ticket_stop_until=until)])


@pytest.mark.parametrize(("now", "expected"), [
    (datetime(2026, 11, 28, 15, 0, tzinfo=BERLIN),  # Saturday afternoon
     "Geschlossen – öffnet am Montag um 07:00 Uhr"),
    (datetime(2026, 11, 29, 23, 30, tzinfo=BERLIN),  # Sunday night
     "Geschlossen – öffnet morgen um 07:00 Uhr"),
    (datetime(2026, 11, 30, 6, 0, tzinfo=BERLIN),  # Monday early
     "Geschlossen – öffnet um 07:00 Uhr"),
])
def test_closed_names_the_day_it_opens_when_not_today(qapp, now, expected) -> None:
    vm = KioskViewModel(load_site(EXAMPLE_SITE), Kiosk(id="kiosk-1"), Translations(),
                        wall=lambda: now.astimezone(UTC))
    vm.connected, vm.engine_online = True, True
    monday_7 = datetime(2026, 11, 30, 7, 0, tzinfo=BERLIN)
    services = vm.build(_closed_until(monday_7), 0.0).controls
    ausweis = next(c for c in services if c.id == "svc:ausweis")
    assert ausweis.detail == expected and not ausweis.enabled
    vm.refused("site_closed", {"until": monday_7.isoformat()}, 0.0)
    said = vm.build(None, 0.0).lines[0]
    assert said == expected.replace("Geschlossen – öffnet", "Wir haben jetzt geschlossen. "
                                    "Wir öffnen") + "."


def test_closed_in_other_languages_names_the_weekday(qapp) -> None:
    saturday = datetime(2026, 11, 28, 15, 0, tzinfo=BERLIN)
    vm = KioskViewModel(load_site(EXAMPLE_SITE), Kiosk(id="kiosk-1"), Translations(),
                        wall=lambda: saturday)
    vm.connected, vm.engine_online = True, True
    q = _closed_until(datetime(2026, 11, 30, 7, 0, tzinfo=BERLIN))
    shown = {}
    for lang in ("en", "ru", "pl", "tr"):
        vm.language = lang
        shown[lang] = next(c for c in vm.build(q, 0.0).controls
                           if c.id == "svc:ausweis").detail
    assert shown == {"en": "Closed – opens on Monday at 07:00",
                     "ru": "Закрыто – откроется в понедельник в 07:00",
                     "pl": "Zamknięte – otwarcie w poniedziałek o 07:00",
                     "tr": "Kapalı – Pazartesi 07:00 saatinde açılır"}


# ----- 5. what the paper says ---------------------------------------------------------
def test_with_no_counter_open_the_paper_says_so_as_the_screen_does(
        qtbot, engine, kiosk_factory, printing_config, printer) -> None:
    k = kiosk_factory(config=printing_config)
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "svc:ausweis")  # nobody is signed in at a counter: no estimate
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    assert k.vm.ticket.eta is None
    assert k.window.wait.text() == "Geschätzte Wartezeit: zurzeit ist kein Platz geöffnet"
    printed = " ".join(decode(printer.wait_for_jobs(1)[0].data).lines)  # lines wrap
    assert "Wartezeit: zurzeit ist kein Platz geöffnet" in printed


def test_an_appointment_check_in_prints_that_and_the_time(
        qtbot, engine, kiosk_factory, printing_config, printer, client_factory) -> None:
    booking = client_factory("booking", "booking-1")
    code = book(booking, "bk-p1", "ausweis", TUESDAY_9 + timedelta(minutes=10))
    k = kiosk_factory(config=printing_config)
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    scan(k, code)
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    printed = decode(printer.wait_for_jobs(1)[0].data)
    assert "Sie sind angemeldet" in printed.lines
    assert "Ihr Termin: 09:10 Uhr" in printed.lines


def test_a_walk_in_ticket_prints_no_check_in(qtbot, engine, kiosk_factory,
                                             printing_config, printer) -> None:
    k = kiosk_factory(config=printing_config)
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    printed = " ".join(decode(printer.wait_for_jobs(1)[0].data).lines)
    assert "angemeldet" not in printed and "Termin" not in printed


def test_a_refusal_says_try_again_once(qtbot, engine_factory, kiosk_factory) -> None:
    engine_factory()
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    k.vm.refused("engine_unavailable", {}, 0.0)
    k.refresh()
    text = k.window.lines.text()
    assert text == ("Es wurde keine Wartenummer ausgegeben: Das System hat nicht "
                    "rechtzeitig geantwortet.\nBitte versuchen Sie es noch einmal oder "
                    "fragen Sie am Empfang.")
    assert text.count("noch einmal") == 1


# ----- 6. too many wrong booking codes ------------------------------------------------
def test_too_many_wrong_codes_says_how_long_to_wait(qtbot, engine, kiosk_factory,
                                                    client_factory) -> None:
    # Six wrong (well-formed) codes from kiosk-1 before the kiosk starts: it is locked.
    early = client_factory("kiosk", "kiosk-1")
    for i in range(6):
        wrong = code_of(booking_code(f"nobody-{i}", TUESDAY_9))
        with pytest.raises(RequestFailed) as refused:
            early.request("check_in", {"booking_code": wrong})
        assert refused.value.code == "unknown_booking"
    early.stop()
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "code")
    for d in code_of(booking_code("nobody-7", TUESDAY_9)):
        tap(qtbot, k, f"digit:{d}")
    tap(qtbot, k, "ok")
    qtbot.waitUntil(lambda: screen(k) is Screen.REFUSED, timeout=5000)
    assert k.window.lines.text() == (
        "Zu viele falsche Buchungscodes. Der QR-Code auf Ihrem Brief funktioniert "
        "weiterhin.\nBitte versuchen Sie es in 60 s noch einmal oder fragen Sie am Empfang.")


def test_a_long_lock_is_said_in_minutes() -> None:
    vm = KioskViewModel(load_site(EXAMPLE_SITE), Kiosk(id="kiosk-1"))
    vm.connected, vm.engine_online = True, True
    vm.refused("too_many_attempts", {"retry_after_s": 241, "typed": True}, 0.0)
    assert vm.build(None, 0.0).lines == [
        "Too many wrong booking codes. The QR code on your letter still works.",
        "Please try again in 5 min., or ask at the information desk."]


# ----- 7. a kiosk whose clock is behind -----------------------------------------------
class BehindClock:
    """The system's time, ``s`` seconds behind."""

    def __init__(self, s: float) -> None:
        self.s = s

    def now(self) -> datetime:
        return datetime.now(UTC) - timedelta(seconds=self.s)


def test_a_kiosk_whose_clock_is_behind_goes_out_of_service_and_says_so_to_staff(
        qtbot, engine, kiosk_factory, client_factory, caplog) -> None:
    alerts: list[dict] = []
    status: dict[str, dict] = {}
    watcher = client_factory("operator", "watch")
    watcher.route(topics.alert("hh-wandsbek"),
                  lambda _t, p, _pr: alerts.append(env.decode(p).data))
    watcher.route(topics.device_status("hh-wandsbek", "kiosk-1"),
                  lambda _t, p, _pr: status.update(s=env.decode(p).data) if p else None)
    k = kiosk_factory(wall=BehindClock(10))
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.OUT_OF_SERVICE, timeout=3000)
    assert k.window.title.text() == "Außer Betrieb"
    assert k.window.lines.text() == ("Dieser Automat kann keine Wartenummern ausgeben: "
                                     "Seine Uhr geht falsch. Bitte fragen Sie am Empfang.")
    assert not any(b.startswith("svc:") for b in k.window.buttons)
    assert k.vm.ticket is None
    assert 8 < k.vm.clock_skew_s < 12
    assert any(r.levelname == "ERROR" and "clock is about" in r.getMessage()
               and "behind" in r.getMessage() for r in caplog.records)
    qtbot.waitUntil(lambda: any(a["kind"] == "clock_behind" and a["state"] == "active"
                                for a in alerts), timeout=3000)
    qtbot.waitUntil(lambda: 8 < status.get("s", {}).get("detail", {}).get(
        "clock_behind_s", 0) < 12, timeout=3000)


def test_a_kiosk_clock_a_little_behind_still_issues_tickets(qtbot, engine,
                                                            kiosk_factory) -> None:
    k = kiosk_factory(wall=BehindClock(1))
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    assert k.vm.clock_skew_s is None
