"""Check-in without aiming a QR code (EN 301 549): the booking code from the letter typed
on the keypad in speech mode, or on the screen's digit buttons — against the real engine
on a real broker. And nothing personal through the loudspeaker: the code is never said."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from civiq.appointments.token import booking_code as code_of
from civiq.appointments.token import booking_code_ok
from kiosk.viewmodel import Screen
from tests.conftest import TUESDAY_9
from tests.kiosk.helpers import booking_code as token_of
from tests.kiosk.helpers import keypad, screen, tap

DIGIT_KEYS = {str(d): getattr(Qt.Key, f"Key_{d}") for d in range(10)}


def book_with_code(booking, booking_id: str, slot: datetime) -> str:
    code = code_of(token_of(booking_id, slot))
    booking.request("import_appointments", {"appointments": [
        {"booking_id": booking_id, "service": "ausweis", "slot_start": slot.isoformat(),
         "slot_minutes": 15, "code": code}]})
    return code


def said(k) -> list[str]:
    return [text for _lang, text in k.speech.history]


def test_typing_the_booking_code_on_the_keypad_checks_in(qtbot, engine, kiosk_factory,
                                                          client_factory) -> None:
    booking = client_factory("booking", "booking-1")
    code = book_with_code(booking, "bk-71", TUESDAY_9 + timedelta(minutes=10))
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    keypad(k, Qt.Key.Key_Enter)  # the marked start key: speech through the loudspeaker
    assert not k.vm.headphones
    while k.window.view.focus != "code":
        keypad(k, Qt.Key.Key_6, "6")
    assert said(k)[-1].startswith("Buchungscode eingeben.")
    keypad(k, Qt.Key.Key_5, "5")
    assert screen(k) is Screen.CODE
    assert said(k)[-1].startswith("Geben Sie den Buchungscode aus Ihrem Schreiben ein")
    for d in code[:4] + "9":
        keypad(k, DIGIT_KEYS[d], d)
    assert said(k)[-1] == "5 von 10 Ziffern"  # the count, not the digit
    keypad(k, Qt.Key.Key_Minus, "-")  # deletes the 9
    assert k.vm.code == code[:4]
    keypad(k, Qt.Key.Key_Enter)  # too short: says how many are there
    assert screen(k) is Screen.CODE and said(k)[-1] == "4 von 10 Ziffern"
    for d in code[4:]:
        keypad(k, DIGIT_KEYS[d], d)
    assert f"{code[:3]} {code[3:6]} {code[6:9]} {code[9]}" in k.window.lines.text()
    keypad(k, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    assert k.window.title.text() == "Sie sind angemeldet"
    assert "Ihr Termin: 09:10" in k.window.extra.text()
    qtbot.waitUntil(lambda: "Ihre Nummer ist A" in said(k)[-1], timeout=2000)
    # nothing personal through the loudspeaker: neither the code nor the booking id
    assert said(k)
    for text in said(k):
        assert "bk-71" not in text.lower()
        assert code[:5] not in "".join(ch for ch in text if ch.isdigit())


def test_a_wrong_code_on_the_screens_digit_buttons_is_explained(qtbot, engine,
                                                                kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "lang:en")
    tap(qtbot, k, "code")
    assert k.window.title.text() == "Enter the booking code from your letter"
    assert not k.window.buttons["ok"].isEnabled()  # ten digits first
    wrong = next(f"123456789{d}" for d in "0123456789" if booking_code_ok(f"123456789{d}"))
    typo = wrong[:9] + str((int(wrong[9]) + 1) % 10)
    for d in typo:
        tap(qtbot, k, f"digit:{d}")
    tap(qtbot, k, "ok")
    qtbot.waitUntil(lambda: screen(k) is Screen.REFUSED, timeout=5000)
    assert "This booking code is not right. Please check the digits." in k.window.lines.text()
    tap(qtbot, k, "back")
    tap(qtbot, k, "code")
    for d in wrong:
        tap(qtbot, k, f"digit:{d}")
    tap(qtbot, k, "ok")
    qtbot.waitUntil(lambda: screen(k) is Screen.REFUSED, timeout=5000)
    assert "We cannot find this appointment." in k.window.lines.text()
    assert wrong not in k.window.lines.text()
