"""Check-in by booking code (typed on the kiosk's keypad instead of scanning the QR code):
the booking system sends each booking's code with the import; the engine checks in the
booking a right code names, refuses a wrong one like an unknown booking, and slows down a
client that keeps guessing — against a real engine on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from civiq.appointments.token import booking_code, booking_code_ok, format_booking_code
from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from queue_engine.code_attempts import FREE
from tests.conftest import EXAMPLE_SITE, TUESDAY_9
from tests.queue_engine.helpers import db_rows
from tests.queue_engine.test_appointment_desk import Desk, at, entry, token


@pytest.fixture
def config(tmp_path: Path) -> SiteConfig:
    return load_site(EXAMPLE_SITE, data={"folder": str(tmp_path / "data")})


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TUESDAY_9)


@pytest.fixture
def desk(config: SiteConfig, clock: ManualClock) -> Iterator[Desk]:
    d = Desk(config, clock)
    yield d
    d.close()


def code_of(booking: str, hh: int, mm: int = 0) -> str:
    return booking_code(token(booking, at(hh, mm)))


def wrong_code(n: int) -> str:
    """A well-formed code (its check digit fits) that no booking has."""
    body = f"{n:09d}"
    return next(body + d for d in "0123456789" if booking_code_ok(body + d))


def import_with_codes(desk: Desk, *bookings: tuple[str, int, int]) -> None:
    entries = [entry(b, at(hh, mm), code=code_of(b, hh, mm)) for b, hh, mm in bookings]
    assert desk.ok("booking", "import_appointments", {"appointments": entries})["created"] \
        == len(entries)


def test_the_code_is_ten_digits_from_the_signature_with_a_check_digit() -> None:
    code = code_of("BK-1", 9, 15)
    assert len(code) == 10 and code.isdigit() and booking_code_ok(code)
    assert code == code_of("BK-1", 9, 15)  # Ed25519 signs deterministically
    assert code != code_of("BK-2", 9, 15)
    assert format_booking_code(code) == f"{code[:3]} {code[3:6]} {code[6:9]} {code[9]}"
    # every single wrong digit and every swap of two different neighbours is a typo
    for i in range(10):
        for d in "0123456789":
            if d != code[i]:
                assert not booking_code_ok(code[:i] + d + code[i + 1:])
        if i < 9 and code[i] != code[i + 1]:
            assert not booking_code_ok(code[:i] + code[i + 1] + code[i] + code[i + 2:])


def test_the_right_code_checks_in_like_the_qr_code(desk: Desk, config: SiteConfig) -> None:
    import_with_codes(desk, ("BK-1", 9, 15), ("BK-2", 9, 30))
    got = desk.ok("kiosk", "check_in", {"booking_code": code_of("BK-2", 9, 30),
                                        "language": "en"})
    assert got["ticket"]["kind"] == "appointment"
    assert got["ticket"]["slot_start"] == "2026-11-24T08:30:00Z"
    assert desk.statuses() == {"BK-1": "booked", "BK-2": "checked_in"}
    # the QR code of the same booking now is a replay, and so is the code
    again = desk.refused("kiosk", "check_in", {"token": token("BK-2", at(9, 30))})
    assert again["code"] == "already_checked_in"
    again = desk.refused("kiosk", "check_in", {"booking_code": code_of("BK-2", 9, 30)})
    assert again["code"] == "already_checked_in"
    assert again["details"]["ticket"] == got["ticket"]["number"]
    assert db_rows(config, "SELECT booking_id, code FROM appointments ORDER BY booking_id") \
        == [("BK-1", code_of("BK-1", 9, 15)), ("BK-2", code_of("BK-2", 9, 30))]


def test_wrong_codes_and_typos_are_refused_and_change_nothing(desk: Desk) -> None:
    import_with_codes(desk, ("BK-1", 9, 15))
    right = code_of("BK-1", 9, 15)
    typo = right[:3] + str((int(right[3]) + 1) % 10) + right[4:]
    assert desk.refused("kiosk", "check_in", {"booking_code": typo})["code"] == "malformed"
    err = desk.refused("kiosk", "check_in", {"booking_code": wrong_code(12345)})
    assert err["code"] == "unknown_booking"
    assert right not in err["message"] and "BK-1" not in err["message"]
    for bad in ({"booking_code": "12345"}, {"booking_code": "12345678901"},
                {"booking_code": 1234567890}, {},
                {"token": token("BK-1", at(9, 15)), "booking_code": right}):
        assert desk.refused("kiosk", "check_in", bad)["code"] == "invalid_arguments", bad
    assert desk.statuses() == {"BK-1": "booked"}


def test_the_code_of_a_cancelled_or_moved_booking(desk: Desk, clock: ManualClock) -> None:
    import_with_codes(desk, ("BK-1", 9, 15), ("BK-2", 9, 30))
    desk.ok("booking", "cancel_appointment", {"booking_id": "BK-1"})
    assert desk.refused("kiosk", "check_in",
                        {"booking_code": code_of("BK-1", 9, 15)})["code"] == "cancelled"
    # moved to tomorrow by a re-import without a code: it keeps its code
    moved = entry("BK-2", at(9, 30) + timedelta(days=1))
    assert desk.ok("booking", "import_appointments", {"appointments": [moved]})["updated"] == 1
    err = desk.refused("kiosk", "check_in", {"booking_code": code_of("BK-2", 9, 30)})
    assert (err["code"], err["details"]) == ("wrong_day", {"day": "2026-11-25"})


def test_import_refuses_a_code_with_a_bad_check_digit_or_another_bookings_code(
        desk: Desk) -> None:
    import_with_codes(desk, ("BK-1", 9, 15))
    code = code_of("BK-1", 9, 15)
    bad = code[:9] + str((int(code[9]) + 1) % 10)
    err = desk.refused("booking", "import_appointments",
                       {"appointments": [entry("BK-9", at(10), code=bad)]})
    assert err["code"] == "invalid_arguments" and "check digit" in err["message"]
    err = desk.refused("booking", "import_appointments",
                       {"appointments": [entry("BK-8", at(11)), entry("BK-9", at(10),
                                                                       code=code)]})
    assert err["code"] == "invalid_arguments" and err["details"]["index"] == 1
    assert desk.statuses() == {"BK-1": "booked"}  # all or nothing


def test_guessing_codes_is_slowed_down_per_client(desk: Desk, clock: ManualClock) -> None:
    import_with_codes(desk, ("BK-1", 9, 15))
    right = {"booking_code": code_of("BK-1", 9, 15)}
    for n in range(FREE):
        got = desk.refused("kiosk", "check_in", {"booking_code": wrong_code(n)})
        assert got["code"] == "unknown_booking"
    # one more wrong code, and this kiosk's codes are locked — the right one too
    assert desk.refused("kiosk", "check_in",
                        {"booking_code": wrong_code(99)})["code"] == "unknown_booking"
    err = desk.refused("kiosk", "check_in", right)
    assert err["code"] == "too_many_attempts"
    assert err["details"]["retry_after_s"] == 60
    # another kiosk, and the QR code, are not locked out
    other = desk.raw("kiosk", "check_in", {"booking_code": wrong_code(7)}, client="kiosk-2")
    assert other["error"]["code"] == "unknown_booking"
    clock.advance(30)
    assert desk.refused("kiosk", "check_in", right)["details"]["retry_after_s"] == 30
    clock.advance(30)
    # the lock doubles with each further wrong code
    assert desk.refused("kiosk", "check_in",
                        {"booking_code": wrong_code(98)})["code"] == "unknown_booking"
    assert desk.refused("kiosk", "check_in", right)["details"]["retry_after_s"] == 120
    clock.advance(120)
    assert desk.ok("kiosk", "check_in", right)["ticket"]["kind"] == "appointment"


def test_the_protocol_document_says_the_limits_the_engine_applies() -> None:
    """docs/protocol.md is generated from CheckIn's description: it names the engine's own
    figures, not ones written by hand beside them."""
    from datetime import timedelta

    from civiq.protocol.appointments import CheckIn
    from queue_engine import code_attempts

    said = CheckIn.model_fields["booking_code"].description
    assert timedelta(hours=1) == code_attempts.WINDOW  # "per hour" below
    assert f"{code_attempts.FREE} wrong codes free per hour" in said
    assert f"for {code_attempts.FIRST_LOCK.total_seconds():g} s" in said
    assert f"up to {code_attempts.MAX_LOCK.total_seconds() / 60:g} min" in said
    doc = (EXAMPLE_SITE.parent.parent / "docs" / "protocol.md").read_text(encoding="utf-8")
    assert said in doc
