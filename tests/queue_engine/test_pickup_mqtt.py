"""Document pick-up codes against the real engine over a real broker: the "your documents
are ready" letter's code gives one ticket for the site's pick-up service, once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from civiq.appointments.token import load_public_keys, sign_pickup_token, verify_token
from civiq.cli import main as civiq_main
from civiq.clock import ManualClock
from civiq.transport.mqtt import MqttClient, RequestFailed
from queue_engine.service import EngineService
from tests.conftest import BERLIN, EXAMPLE_SITE
from tests.queue_engine.helpers import StateWatch, db_rows, wait_until
from tests.queue_engine.test_appointments_mqtt import DEMO_KEY

TODAY = date(2026, 11, 24)
KEY_FILE = EXAMPLE_SITE.parent / "keys" / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem"


def pickup(pid: str, ready: date = TODAY, until: date = TODAY + timedelta(days=28),
           site: str = "hh-wandsbek") -> str:
    return sign_pickup_token(DEMO_KEY, "demo", pid, site, ready, until)


def refused(kiosk: MqttClient, token: str) -> RequestFailed:
    with pytest.raises(RequestFailed) as exc:
        kiosk.request("check_in", {"token": token})
    return exc.value


def test_pickup_code_gives_one_ticket_for_the_pickup_service(
        engine: EngineService, kiosk: MqttClient, watch: StateWatch,
        clock: ManualClock, site_config) -> None:
    code = pickup("PASS-4711")
    got = kiosk.request("check_in", {"token": code + "\r\n", "language": "tr"})
    t = got["ticket"]
    assert (t["number"], t["service"], t["kind"], t["language"]) == (
        "D001", "abholung", "pickup", "tr")
    assert got["ahead"] == 0
    q = watch.wait_queue(lambda q: any(w.number == "D001" for w in q.waiting),
                         what="D001 waiting")
    assert next(w for w in q.waiting if w.number == "D001").kind == "pickup"
    wait_until(lambda: "checked_in" in watch.event_kinds(), what="checked_in event")

    clock.set(datetime(2026, 11, 24, 9, 12, tzinfo=BERLIN))
    again = refused(kiosk, code)
    assert again.code == "already_checked_in"
    assert again.details["ticket"] == "D001"
    assert datetime.fromisoformat(again.details["checked_in_at"]) == datetime(
        2026, 11, 24, 9, 0, tzinfo=BERLIN)
    # A second code is a second ticket; a walk-in for the same service still works.
    assert kiosk.request("check_in", {"token": pickup("PASS-4712")})["ticket"][
        "number"] == "D002"
    assert kiosk.request("issue_ticket", {"service": "abholung"})["ticket"]["kind"] == \
        "walk_in"
    wait_until(lambda: db_rows(site_config, "SELECT count(*) FROM tickets WHERE "
                               "kind = 'pickup'") == [(2,)], what="stored")


def test_pickup_code_used_yesterday_is_refused_today(
        engine_factory, client_factory, clock: ManualClock) -> None:
    engine_factory()
    kiosk = client_factory("kiosk", "kiosk-1")
    code = pickup("PASS-1")
    assert kiosk.request("check_in", {"token": code})["ticket"]["number"] == "D001"
    clock.set(datetime(2026, 11, 25, 9, 30, tzinfo=BERLIN))  # the next day
    again = refused(kiosk, code)
    assert again.code == "already_checked_in" and again.details["ticket"] == "D001"
    assert again.details["checked_in_at"].startswith("2026-11-24T09:00")
    assert "on 24.11.2026 09:00 as D001" in again.message


def test_pickup_code_refusals(engine: EngineService, kiosk: MqttClient) -> None:
    early = refused(kiosk, pickup("P-1", ready=TODAY + timedelta(days=2)))
    assert (early.code, early.details["from"]) == ("too_early", "2026-11-26")
    late = refused(kiosk, pickup("P-2", ready=TODAY - timedelta(days=30),
                                 until=TODAY - timedelta(days=1)))
    assert (late.code, late.details["until"]) == ("too_late", "2026-11-23")
    other = refused(kiosk, pickup("P-3", site="hh-altona"))
    assert (other.code, other.details["site"]) == ("wrong_site", "hh-altona")
    head, key, payload, sig = pickup("P-4").split(".")
    forged = ".".join([head, key, payload, ("A" if sig[0] != "A" else "B") + sig[1:]])
    assert refused(kiosk, forged).code == "bad_signature"
    # None of them took a number.
    assert kiosk.request("check_in", {"token": pickup("P-5")})["ticket"]["number"] == "D001"


def test_cli_signs_pickup_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ["appointments", "sign", "--kind", "pickup", "--key", str(KEY_FILE), "--key-id",
            "demo", "--site-id", "hh-wandsbek", "--booking", "PASS-9", "--ready-from",
            "2026-11-24", "--until", "2026-12-22", "--png", str(tmp_path / "p.png")]
    assert civiq_main(args) == 0
    token = capsys.readouterr().out.strip()
    pub = load_public_keys({"demo": str(EXAMPLE_SITE.parent / "keys" / "demo-public-key.pem")})
    tok = verify_token(token, pub)
    assert (tok.kind, tok.pickup_id, tok.ready_from, tok.until) == (
        "pickup", "PASS-9", date(2026, 11, 24), date(2026, 12, 22))
    assert (tmp_path / "p.png").stat().st_size > 0
    assert civiq_main([*args[:3], "pickup", *args[4:12], "--slot",
                       "2026-11-24T09:00:00+01:00"]) == 2  # a usage error
    assert "--slot and --day are for appointments" in capsys.readouterr().err
