"""Appointments in the engine (without MQTT): import, check-in and each refusal, cancel,
no-shows, estimates and restarts — against a real SQLite file."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from civiq.appointments.token import generate_keypair, load_private_key, sign_token
from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from queue_engine.engine import QueueEngine
from queue_engine.messages import Inbound
from queue_engine.store.repository import open_store
from tests.conftest import BERLIN, EXAMPLE_SITE, TUESDAY_9
from tests.queue_engine.helpers import command_payload, db_rows

SITE = "hh-wandsbek"
DAY = date(2026, 11, 24)
DEMO_KEY = load_private_key(
    EXAMPLE_SITE.parent / "keys" / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem")


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=BERLIN)


def token(booking: str, slot: datetime, *, site: str = SITE, day: date | None = None,
          key=DEMO_KEY, key_id: str = "demo") -> str:
    return sign_token(key, key_id, booking, site, day or slot.date(), slot)


def entry(booking: str, slot: datetime, service: str = "fuehrerschein", minutes: int = 15,
          **kw: Any) -> dict[str, Any]:
    return {"booking_id": booking, "service": service, "slot_start": slot.isoformat(),
            "slot_minutes": minutes, **kw}


class Desk:
    """Sends commands to a real QueueEngine the way the MQTT service would."""

    def __init__(self, config: SiteConfig, clock: ManualClock) -> None:
        self.config = config
        self.clock = clock
        self.store = open_store(config.database_url())
        self.engine = QueueEngine(config, self.store, clock)
        self._ids = count(1)
        self._run = uuid.uuid4().hex[:8]  # request ids differ across restarts

    def raw(self, role: str, command: str, data: dict[str, Any], client: str = "c1") -> dict:
        payload = command_payload(SITE, command, data, request_id=f"{self._run}-{next(self._ids)}")
        out = self.engine.handle_batch(
            [Inbound(f"civiq/v1/{SITE}/cmd/{role}/{client}", payload)])
        replies = [json.loads(o.payload) for o in out if "/reply/" in o.topic]
        self.events = [json.loads(o.payload) for o in out if "/event/" in o.topic]
        assert len(replies) == 1
        return replies[0]["data"]

    def ok(self, role: str, command: str, data: dict[str, Any]) -> dict:
        reply = self.raw(role, command, data)
        assert reply["ok"], reply
        return reply["result"]

    def refused(self, role: str, command: str, data: dict[str, Any]) -> dict:
        reply = self.raw(role, command, data)
        assert not reply["ok"], reply
        return reply["error"]

    def statuses(self) -> dict[str, str]:
        got = self.ok("operator", "list_appointments", {})
        return {a["booking_id"]: a["status"] for a in got["appointments"]}

    def close(self) -> None:
        self.store.dispose()


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


def test_import_is_idempotent_and_updates_in_place(desk: Desk, config: SiteConfig) -> None:
    day = [entry("BK-1", at(9, 15)), entry("BK-2", at(9, 30)),
           entry("BK-3", at(10), service="ausweis", minutes=20)]
    assert desk.ok("booking", "import_appointments", {"appointments": day}) == {
        "created": 3, "updated": 0, "unchanged": 0, "locked": []}
    assert desk.ok("booking", "import_appointments", {"appointments": day}) == {
        "created": 0, "updated": 0, "unchanged": 3, "locked": []}
    # Same instant in another offset is the same slot.
    same = [entry("BK-1", at(9, 15).astimezone(UTC))]
    assert desk.ok("booking", "import_appointments", {"appointments": same})["unchanged"] == 1
    moved = [entry("BK-2", at(11)), entry("BK-4", at(12), site=SITE)]
    assert desk.ok("operator", "import_appointments", {"appointments": moved}) == {
        "created": 1, "updated": 1, "unchanged": 0, "locked": []}
    rows = db_rows(config, "SELECT booking_id, status FROM appointments ORDER BY booking_id")
    assert rows == [("BK-1", "booked"), ("BK-2", "booked"), ("BK-3", "booked"),
                    ("BK-4", "booked")]
    listed = desk.ok("counter", "list_appointments", {})["appointments"]
    assert [a["booking_id"] for a in listed] == ["BK-1", "BK-3", "BK-2", "BK-4"]
    assert listed[2]["slot_start"] == "2026-11-24T10:00:00Z"


@pytest.mark.parametrize(("bad", "code", "where"), [
    (entry("BK-9", at(10), site="hh-altona"), "wrong_site", "hh-altona"),
    (entry("BK-9", at(10), service="gewerbe"), "unknown_service", "gewerbe"),
    (entry("BK-9", at(10, day=date(2026, 11, 23))), "invalid_arguments", "before today"),
    (entry("BK-1", at(11)), "invalid_arguments", "also in appointments[0]"),
])
def test_one_bad_entry_refuses_the_whole_import(desk: Desk, config: SiteConfig, bad: dict,
                                                code: str, where: str) -> None:
    err = desk.refused("booking", "import_appointments",
                       {"appointments": [entry("BK-1", at(10)), bad]})
    assert err["code"] == code
    assert where in err["message"] and "appointments[1]" in err["message"]
    assert err["details"]["index"] == 1
    assert db_rows(config, "SELECT count(*) FROM appointments") == [(0,)]
    assert desk.statuses() == {}


def test_wrong_roles_and_personal_fields_are_refused(desk: Desk) -> None:
    assert desk.refused("kiosk", "import_appointments",
                        {"appointments": []})["code"] == "forbidden"
    assert desk.refused("display", "list_appointments", {})["code"] == "forbidden"
    assert desk.refused("booking", "check_in", {"token": "x"})["code"] == "forbidden"
    err = desk.refused("booking", "import_appointments",
                       {"appointments": [entry("BK-1", at(10), name="Erika Mustermann")]})
    assert err["code"] == "invalid_arguments" and "name" in err["message"]
    err = desk.refused("booking", "import_appointments", {"appointments": [
        {**entry("BK-1", at(10)), "slot_start": "2026-11-24T10:00:00"}]})
    assert err["code"] == "invalid_arguments" and "slot_start" in err["message"]


def test_check_in_gives_an_appointment_ticket(desk: Desk, config: SiteConfig) -> None:
    desk.ok("booking", "import_appointments", {"appointments": [
        entry("BK-1", at(9, 15)), entry("BK-2", at(9, 20), service="ausweis")]})
    # Appointment-only service: no walk-in ticket, but the QR code gets one.
    assert desk.refused("kiosk", "issue_ticket",
                        {"service": "fuehrerschein"})["code"] == "walk_in_not_allowed"
    got = desk.ok("kiosk", "check_in", {"token": token("BK-1", at(9, 15)), "language": "tr"})
    t = got["ticket"]
    assert (t["number"], t["service"], t["kind"], t["status"], t["language"]) == (
        "C001", "fuehrerschein", "appointment", "waiting", "tr")
    assert datetime.fromisoformat(t["slot_start"]) == at(9, 15)
    assert got["ahead"] == 0
    assert [e["type"] for e in desk.events] == ["checked_in"]
    assert desk.events[0]["data"]["ticket"]["number"] == "C001"
    # Numbers: one running number per prefix, walk-ins and appointments alike.
    assert desk.ok("kiosk", "issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"
    assert desk.ok("kiosk", "check_in", {"token": token("BK-2", at(9, 20))}
                   )["ticket"]["number"] == "A002"
    assert desk.statuses() == {"BK-1": "checked_in", "BK-2": "checked_in"}
    listed = desk.ok("operator", "list_appointments", {"day": "2026-11-24"})["appointments"]
    assert [a["ticket"] for a in listed] == ["C001", "A002"]
    assert db_rows(config, "SELECT number, kind, booking_id FROM tickets ORDER BY number") == [
        ("A001", "walk_in", None), ("A002", "appointment", "BK-2"),
        ("C001", "appointment", "BK-1")]
    assert db_rows(config, "SELECT kind, number FROM events WHERE kind='checked_in' "
                   "ORDER BY seq") == [("checked_in", "C001"), ("checked_in", "A002")]


def test_due_appointment_is_called_before_earlier_walk_ins(desk: Desk, clock: ManualClock
                                                            ) -> None:
    desk.ok("booking", "import_appointments",
            {"appointments": [entry("BK-1", at(9, 10), service="ausweis")]})
    desk.ok("counter", "open_counter", {"counter": "platz-1"})
    desk.ok("kiosk", "issue_ticket", {"service": "ausweis"})
    desk.ok("kiosk", "issue_ticket", {"service": "ausweis"})
    clock.set(at(9, 5))
    desk.ok("kiosk", "check_in", {"token": token("BK-1", at(9, 10))})
    called = desk.ok("counter", "call_next", {"counter": "platz-1"})["ticket"]
    assert (called["number"], called["kind"]) == ("A003", "appointment")


def test_each_refusal_has_its_reason_and_changes_nothing(desk: Desk, config: SiteConfig,
                                                          clock: ManualClock) -> None:
    desk.ok("booking", "import_appointments", {"appointments": [
        entry("BK-OK", at(9, 15)), entry("BK-LATE", at(8, 30)), entry("BK-EARLY", at(10)),
        entry("BK-CXL", at(9, 10)), entry("BK-TMRW", at(9, 15, day=date(2026, 11, 25))),
    ]})
    desk.ok("booking", "cancel_appointment", {"booking_id": "BK-CXL"})
    good = token("BK-OK", at(9, 15))
    i = len(good) - 30  # inside the signature
    altered = good[:i] + ("A" if good[i] != "A" else "B") + good[i + 1:]
    stranger, _ = generate_keypair()
    cases = {
        "bad_signature": altered,
        "unknown_key": token("BK-OK", at(9, 15), key=stranger, key_id="other"),
        "malformed": "QR-CODE-OF-SOMETHING-ELSE",
        "wrong_site": token("BK-OK", at(9, 15), site="hh-altona"),
        "wrong_day": token("BK-TMRW", at(9, 15, day=date(2026, 11, 25))),
        "too_early": token("BK-EARLY", at(10)),
        "too_late": token("BK-LATE", at(8, 30)),
        "cancelled": token("BK-CXL", at(9, 10)),
        "unknown_booking": token("BK-NEVER", at(9, 15)),
    }
    before = desk.statuses()
    for code, text in cases.items():
        err = desk.refused("kiosk", "check_in", {"token": text})
        assert err["code"] == code, (code, err)
        assert err["message"]
        assert desk.events == []
    for junk in ("", " ", "x" * 3000):
        assert desk.refused("kiosk", "check_in", {"token": junk})["code"] == "malformed"
    # A forged signature by a stranger under a known key id:
    forged = token("BK-OK", at(9, 15), key=stranger)
    assert desk.refused("kiosk", "check_in", {"token": forged})["code"] == "bad_signature"
    assert desk.refused("kiosk", "check_in", {"token": token("BK-EARLY", at(10))}
                        )["details"]["from"] == at(9, 30).isoformat()
    assert desk.statuses() == before
    assert db_rows(config, "SELECT count(*) FROM tickets") == [(0,)]
    assert db_rows(config, "SELECT count(*) FROM events") == [(0,)]
    # The good one works once; a replay is refused and changes nothing.
    assert desk.ok("kiosk", "check_in", {"token": good})["ticket"]["number"] == "C001"
    err = desk.refused("kiosk", "check_in", {"token": good})
    assert (err["code"], err["details"]["ticket"]) == ("already_checked_in", "C001")
    assert db_rows(config, "SELECT count(*) FROM tickets") == [(1,)]
    # A cancelled, checked-in booking cannot be cancelled; unknown ones are unknown.
    assert desk.refused("booking", "cancel_appointment",
                        {"booking_id": "BK-OK"})["code"] == "already_checked_in"
    assert desk.refused("booking", "cancel_appointment",
                        {"booking_id": "BK-NEVER"})["code"] == "unknown_booking"
    assert desk.ok("booking", "cancel_appointment",
                   {"booking_id": "BK-CXL"})["status"] == "cancelled"


def test_window_edges(desk: Desk, clock: ManualClock) -> None:
    desk.ok("booking", "import_appointments", {"appointments": [
        entry("BK-A", at(9, 30)), entry("BK-B", at(8, 45))]})
    # 09:00 is exactly 30 min before 09:30 and exactly 15 min after 08:45: both open.
    assert desk.ok("kiosk", "check_in", {"token": token("BK-A", at(9, 30))})
    assert desk.ok("kiosk", "check_in", {"token": token("BK-B", at(8, 45))})


def test_moved_booking_keeps_its_code_and_the_new_slot_rules(desk: Desk) -> None:
    desk.ok("booking", "import_appointments", {"appointments": [entry("BK-1", at(9, 15))]})
    old_code = token("BK-1", at(9, 15))
    desk.ok("booking", "import_appointments", {"appointments": [entry("BK-1", at(11))]})
    assert desk.refused("kiosk", "check_in", {"token": old_code})["code"] == "too_early"
    desk.ok("booking", "import_appointments",
            {"appointments": [entry("BK-1", at(9, 0, day=date(2026, 11, 26)))]})
    err = desk.refused("kiosk", "check_in", {"token": old_code})
    assert (err["code"], err["details"]["day"]) == ("wrong_day", "2026-11-26")


def test_no_show_is_recorded_when_the_window_passes(desk: Desk, config: SiteConfig,
                                                    clock: ManualClock) -> None:
    desk.ok("booking", "import_appointments", {"appointments": [
        entry("BK-1", at(9, 10)), entry("BK-2", at(9, 20)), entry("BK-3", at(9, 10))]})
    desk.ok("booking", "cancel_appointment", {"booking_id": "BK-3"})
    assert desk.engine.expire_appointments() == []
    clock.set(at(9, 25))  # BK-1's window closed at 09:25:00; not yet passed
    assert desk.engine.expire_appointments() == []
    clock.advance(1)
    out = desk.engine.expire_appointments()
    assert [o.topic for o in out] == [f"civiq/v1/{SITE}/event/appointment_no_show"]
    body = json.loads(out[0].payload)["data"]
    assert body == {"service": "fuehrerschein", "slot_start": "2026-11-24T08:10:00Z",
                    "status": "no_show"}  # no booking id leaves the site
    assert desk.engine.expire_appointments() == []
    assert desk.statuses() == {"BK-1": "no_show", "BK-2": "booked", "BK-3": "cancelled"}
    assert db_rows(config, "SELECT kind, service, number FROM events") == [
        ("appointment_no_show", "fuehrerschein", None)]
    assert desk.refused("kiosk", "check_in",
                        {"token": token("BK-1", at(9, 10))})["code"] == "too_late"
    # Re-importing a no-show with a new slot does not revive it silently.
    assert desk.ok("booking", "import_appointments",
                   {"appointments": [entry("BK-1", at(15))]})["locked"] == ["BK-1"]


def test_bookings_still_due_take_counters_in_the_estimate(desk: Desk) -> None:
    def walk_in_eta() -> float:
        state = desk.engine.queue_state()
        return next(s for s in state.services if s.id == "ausweis").eta_min

    # platz-5 serves fuehrerschein (appointments only) and ausweis.
    desk.ok("counter", "open_counter", {"counter": "platz-5"})
    desk.ok("kiosk", "issue_ticket", {"service": "ausweis"})
    alone = walk_in_eta()
    desk.ok("booking", "import_appointments", {"appointments": [
        entry(f"BK-{i}", at(9, 5 + i)) for i in range(3)]})
    # Three due 15-minute bookings go ahead of a walk-in on the one counter, each weighted
    # by the chance that its visitor still comes: 80 % come (prior), and 5 minutes before
    # the slot those checking in during the first 25 of the window's 45 minutes would be
    # here already, so 0.8 x 20/45 / (0.8 x 20/45 + 0.2) = 0.64 each: 29 minutes.
    with_bookings = walk_in_eta()
    assert with_bookings > alone + 25
    issued = desk.ok("kiosk", "issue_ticket", {"service": "ausweis"})
    assert issued["eta_min"] > alone + 25
    assert issued["ahead"] >= 4  # A001 and the three booked visitors
    # Cancelled bookings no longer count as due.
    for i in range(3):
        desk.ok("booking", "cancel_appointment", {"booking_id": f"BK-{i}"})
    assert walk_in_eta() < alone + 15


@pytest.mark.parametrize("booking", ["p1", "pass-77", "new", "NEW-1"])
def test_booking_ids_never_pass_for_estimator_placeholders(desk: Desk, booking: str) -> None:
    # Bookings due are "~" + id inside the estimator; an id like "p1" once read as a
    # phantom walk-in and broke every walk-in ticket while that booking was due.
    desk.ok("counter", "open_counter", {"counter": "platz-5"})
    desk.ok("booking", "import_appointments", {"appointments": [entry(booking, at(9, 0))]})
    issued = desk.ok("kiosk", "issue_ticket", {"service": "ausweis"})
    assert issued["ticket"]["number"] == "A001"
    assert issued["eta_min"] is not None and issued["eta_min"] > 0  # the booking goes first
    state = desk.engine.queue_state()
    assert [w.number for w in state.waiting] == ["A001"]


def test_restart_keeps_bookings_and_their_state(config: SiteConfig, clock: ManualClock) -> None:
    first = Desk(config, clock)
    first.ok("booking", "import_appointments", {"appointments": [
        entry("BK-1", at(9, 15)), entry("BK-2", at(9, 10)), entry("BK-3", at(9, 40))]})
    first.ok("kiosk", "check_in", {"token": token("BK-1", at(9, 15))})
    first.ok("booking", "cancel_appointment", {"booking_id": "BK-3"})
    first.close()
    clock.set(at(9, 30))  # BK-2's window passed while the engine was down
    again = Desk(config, clock)
    try:
        assert again.refused("kiosk", "check_in",
                             {"token": token("BK-1", at(9, 15))})["code"] == "already_checked_in"
        assert len(again.engine.expire_appointments()) == 1
        assert again.statuses() == {"BK-1": "checked_in", "BK-2": "no_show",
                                    "BK-3": "cancelled"}
        waiting = [w.number for w in again.engine.queue_state().waiting]
        assert waiting == ["C001"]
    finally:
        again.close()


def test_next_day_lists_past_bookings_from_the_store(config: SiteConfig,
                                                    clock: ManualClock) -> None:
    d = Desk(config, clock)
    try:
        d.ok("booking", "import_appointments", {"appointments": [
            entry("BK-1", at(9, 15)), entry("BK-2", at(9, 40))]})
        d.ok("kiosk", "check_in", {"token": token("BK-1", at(9, 15))})
        clock.set(at(8, 0, day=date(2026, 11, 25)))
        d.engine.roll_day_if_needed()
        assert len(d.engine.expire_appointments()) == 1
        assert d.statuses() == {}
        past = d.ok("operator", "list_appointments", {"day": "2026-11-24"})["appointments"]
        assert {a["booking_id"]: a["status"] for a in past} == {
            "BK-1": "checked_in", "BK-2": "no_show"}
        assert d.refused("kiosk", "check_in", {"token": token("BK-1", at(9, 15))}
                         )["code"] == "wrong_day"
        assert d.refused("booking", "import_appointments", {"appointments": [
            entry("BK-5", at(9, 15))]})["code"] == "invalid_arguments"
    finally:
        d.close()


def test_retry_with_the_same_request_id_returns_the_first_ticket(desk: Desk) -> None:
    desk.ok("booking", "import_appointments", {"appointments": [entry("BK-1", at(9, 15))]})
    payload = command_payload(SITE, "check_in", {"token": token("BK-1", at(9, 15))},
                              request_id="same")
    msg = Inbound(f"civiq/v1/{SITE}/cmd/kiosk/k1", payload)
    first = desk.engine.handle_batch([msg])
    second = desk.engine.handle_batch([msg, msg])
    replies = [json.loads(o.payload)["data"] for o in first + second if "/reply/" in o.topic]
    assert len(replies) == 3 and all(r["ok"] for r in replies)
    assert {r["result"]["ticket"]["number"] for r in replies} == {"C001"}


def test_no_show_waits_for_a_store_that_fails(desk: Desk, config: SiteConfig,
                                              clock: ManualClock, monkeypatch) -> None:
    from queue_engine import appointment_desk as appointments

    monkeypatch.setattr(appointments, "_RETRY_S", 0.0)
    desk.ok("booking", "import_appointments", {"appointments": [entry("BK-1", at(9, 10))]})
    clock.set(at(9, 30))
    db_rows(config, "ALTER TABLE appointments RENAME TO appointments_away")
    assert desk.engine.expire_appointments() == []  # nothing published that is not stored
    assert desk.engine.appointments.bookings["BK-1"].status == "booked"
    db_rows(config, "ALTER TABLE appointments_away RENAME TO appointments")
    assert len(desk.engine.expire_appointments()) == 1
    assert db_rows(config, "SELECT status FROM appointments") == [("no_show",)]
    assert db_rows(config, "SELECT count(*) FROM events") == [(1,)]
