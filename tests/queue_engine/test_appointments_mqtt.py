"""Appointments end to end over a real broker against the real engine: the CLI imports a
CSV as the booking system would, a kiosk checks in by QR code, displays see the ticket."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from broker_config.mosquitto import Mosquitto
from civiq.appointments.cli import write_qr_png
from civiq.appointments.token import load_private_key, sign_token
from civiq.cli import main as civiq_main
from civiq.clock import ManualClock
from civiq.config import SiteConfig
from civiq.transport.mqtt import MqttClient, RequestFailed
from queue_engine.code_attempts import FREE
from queue_engine.service import EngineService
from tests.conftest import BERLIN, EXAMPLE_SITE
from tests.queue_engine.helpers import StateWatch, db_rows, wait_until
from tests.queue_engine.test_appointment_desk import entry
from tests.queue_engine.test_booking_code import code_of, wrong_code

DEMO_KEY = load_private_key(
    EXAMPLE_SITE.parent / "keys" / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem")
CSV_HEADER = "booking_id,service,site,slot_start,slot_minutes\n"


def read_qr(png: Path) -> list:
    """QR codes only: a full-format scan can find a spurious 1-D code in a QR image."""
    return zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode)


def at(hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 11, 24, hh, mm, tzinfo=BERLIN)


def cli(broker: Mosquitto, *args: str) -> list[str]:
    return ["appointments", args[0], "--site", str(EXAMPLE_SITE), "--broker-port",
            str(broker.port), *args[1:]]


def test_csv_import_is_idempotent_over_mqtt(engine: EngineService, broker: Mosquitto,
                                            site_config: SiteConfig, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "day.csv"
    csv.write_text(CSV_HEADER
                   + "BK-1,fuehrerschein,hh-wandsbek,2026-11-24T09:15:00+01:00,15\n"
                   + "BK-2,ausweis,hh-wandsbek,2026-11-24T09:30:00+01:00,20\n"
                   + "\n"
                   + "BK-3,fuehrerschein,hh-wandsbek,2026-11-24T10:00:00+01:00,15\n",
                   encoding="utf-8")
    assert civiq_main(cli(broker, "import", str(csv))) == 0
    assert "3 booking(s): 3 created, 0 updated, 0 unchanged" in capsys.readouterr().out
    assert civiq_main(cli(broker, "import", str(csv))) == 0
    assert "3 booking(s): 0 created, 0 updated, 3 unchanged" in capsys.readouterr().out
    csv.write_text(csv.read_text().replace("T10:00", "T11:00"), encoding="utf-8")
    assert civiq_main(cli(broker, "import", "--role", "operator", str(csv))) == 0
    assert "0 created, 1 updated, 2 unchanged" in capsys.readouterr().out
    assert db_rows(site_config, "SELECT count(*) FROM appointments") == [(3,)]

    assert civiq_main(cli(broker, "cancel", "BK-2")) == 0
    assert "BK-2: cancelled" in capsys.readouterr().out
    assert civiq_main(cli(broker, "list")) == 0
    out = capsys.readouterr().out
    assert "2026-11-24: 3 booking(s)" in out
    lines = [ln.split() for ln in out.splitlines()[1:]]
    assert lines == [["09:15", "BK-1", "fuehrerschein", "booked"],
                     ["09:30", "BK-2", "ausweis", "cancelled"],
                     ["11:00", "BK-3", "fuehrerschein", "booked"]]

    # A bad file: every problem named by line and column, nothing imported.
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV_HEADER
                   + "BK-7,ausweis,hh-wandsbek,2026-11-24T12:00:00+01:00,15\n"
                   + "BK-8,ausweis,hh-wandsbek,2026-11-24 12:00,15\n", encoding="utf-8")
    assert civiq_main(cli(broker, "import", str(bad))) == 1
    err = capsys.readouterr().err
    assert "bad.csv: line 3, column slot_start:" in err and "nothing imported" in err
    assert db_rows(site_config, "SELECT count(*) FROM appointments") == [(3,)]


def test_cli_says_plainly_when_the_engine_refuses_or_is_gone(
        engine: EngineService, broker: Mosquitto, capsys: pytest.CaptureFixture[str]) -> None:
    assert civiq_main(cli(broker, "cancel", "BK-NONE")) == 1
    assert "refused: unknown_booking" in capsys.readouterr().err
    engine.stop()
    assert civiq_main(cli(broker, "list", "--timeout", "0.3")) == 3
    err = capsys.readouterr().err
    assert "no engine answers for site hh-wandsbek" in err
    assert f"Start it with: civiq engine --site {EXAMPLE_SITE}" in err


def test_kiosk_checks_in_by_qr_over_the_broker(
        engine: EngineService, client_factory: Callable[[str, str], MqttClient],
        kiosk: MqttClient, watch: StateWatch, clock: ManualClock, tmp_path: Path) -> None:
    booking = client_factory("booking", "booking-system")
    booking.request("import_appointments", {"appointments": [
        {"booking_id": "BK-1", "service": "fuehrerschein",
         "slot_start": at(9, 15).isoformat(), "slot_minutes": 15},
        {"booking_id": "BK-2", "service": "fuehrerschein",
         "slot_start": at(9, 45).isoformat(), "slot_minutes": 15},
    ]})
    code = sign_token(DEMO_KEY, "demo", "BK-1", "hh-wandsbek", date(2026, 11, 24), at(9, 15))
    # What the kiosk's scanner reads off the printed code:
    png = write_qr_png(code, tmp_path / "bk1.png")
    scanned = read_qr(png)[0].text + "\r\n"

    got = kiosk.request("check_in", {"token": scanned, "language": "en"})
    assert (got["ticket"]["number"], got["ticket"]["kind"]) == ("C001", "appointment")
    q = watch.wait_queue(lambda q: any(w.number == "C001" for w in q.waiting),
                         what="C001 on the board")
    assert next(w for w in q.waiting if w.number == "C001").slot_start == at(9, 15)
    wait_until(lambda: "checked_in" in watch.event_kinds(), what="checked_in event")

    with pytest.raises(RequestFailed) as exc:
        kiosk.request("check_in", {"token": scanned})
    assert exc.value.code == "already_checked_in" and exc.value.details["ticket"] == "C001"
    # What the kiosk needs to say "already checked in at 09:00 as C001":
    assert datetime.fromisoformat(exc.value.details["checked_in_at"]) == at(9, 0)
    assert "at 09:00 as C001" in exc.value.message
    too_soon = sign_token(DEMO_KEY, "demo", "BK-2", "hh-wandsbek", date(2026, 11, 24),
                          at(9, 45))
    with pytest.raises(RequestFailed) as exc:
        kiosk.request("check_in", {"token": too_soon})
    assert exc.value.code == "too_early"
    assert datetime.fromisoformat(exc.value.details["from"]) == at(9, 15)

    # The engine's own loop records BK-2 as a no-show once its window has passed.
    clock.set(at(10, 1))
    wait_until(lambda: "appointment_no_show" in watch.event_kinds(), what="no-show event")
    listed = booking.request("list_appointments", {})["appointments"]
    assert {a["booking_id"]: a["status"] for a in listed} == {
        "BK-1": "checked_in", "BK-2": "no_show"}


def test_a_booking_code_of_an_earlier_day_is_the_wrong_day_not_a_guess(
        engine: EngineService, client_factory: Callable[[str, str], MqttClient],
        clock: ManualClock) -> None:
    booking = client_factory("booking", "booking-system")
    kiosk = client_factory("kiosk", "kiosk-1")
    booking.request("import_appointments", {"appointments": [
        entry("BK-1", at(9, 15), code=code_of("BK-1", 9, 15))]})
    code = {"booking_code": code_of("BK-1", 9, 15)}
    assert kiosk.request("check_in", code)["ticket"]["kind"] == "appointment"
    clock.advance(24 * 3600)  # Wednesday 09:00: yesterday's bookings leave the memory
    wait_until(lambda: "BK-1" not in engine.engine.appointments.bookings, 10,
               "yesterday's booking pruned")
    # More often than the free attempts: a real code is never counted as a guess.
    for _ in range(FREE + 2):
        with pytest.raises(RequestFailed) as refused:
            kiosk.request("check_in", code)
        assert refused.value.code == "wrong_day", refused.value
        assert refused.value.details == {"day": "2026-11-24"}
    with pytest.raises(RequestFailed) as refused:
        kiosk.request("check_in", {"booking_code": wrong_code(1)})
    assert refused.value.code == "unknown_booking"  # not locked out
