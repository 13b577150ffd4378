"""The engine is exactly as strict as docs/protocol.md: what the document refuses is
refused with its reason code and changes nothing; seq rises on everything published,
across restarts; commands a client gave up on are never done.

A real QueueEngine on a real SQLite file, driven message by message, with one
ManualClock for the site's day and the wall clock (so ``ts`` and expiry are exact)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from civiq.protocol import topics
from queue_engine.engine import SEQ_GAP, QueueEngine
from queue_engine.messages import Inbound, Outbound
from queue_engine.store.repository import open_store
from tests.conftest import EXAMPLE_SITE, TUESDAY_9
from tests.queue_engine.helpers import db_rows

SITE = "hh-wandsbek"


@dataclass
class Rig:
    config: SiteConfig
    store: Engine
    clock: ManualClock
    engine: QueueEngine

    def restart(self, fresh_database: bool = False) -> QueueEngine:
        if fresh_database:
            self.store.dispose()
            path = Path(self.config.data_folder()) / "queue.sqlite3"
            for p in path.parent.glob("queue.sqlite3*"):
                p.unlink()
            self.store = open_store(self.config.database_url())
        self.engine = QueueEngine(self.config, self.store, self.clock, wall=self.clock)
        return self.engine

    def payload(self, command: str, data: Any, /, **over: Any) -> bytes:
        body: dict[str, Any] = {"v": 1, "site": SITE, "seq": 0,
                                "ts": self.clock.now().isoformat(), "ttl_s": 9,
                                "type": command, "request_id": "r1", "data": data}
        for k, v in over.items():
            if v is _DROP:
                body.pop(k, None)
            else:
                body[k] = v
        return json.dumps(body).encode()

    def send(self, payload: bytes, role: str = "kiosk", client: str = "kiosk-1",
             corr: bytes | None = b"c1") -> list[Outbound]:
        return self.engine.handle_batch(
            [Inbound(topics.command(SITE, role, client), payload, corr)])

    def reply(self, payload: bytes, role: str = "kiosk", client: str = "kiosk-1",
              corr: bytes | None = b"c1") -> dict:
        out = self.send(payload, role, client, corr)
        replies = [o for o in out if o.topic == topics.reply(SITE, client)]
        assert len(replies) == 1, out
        return json.loads(replies[0].payload)

    def command(self, command: str, data: Any, role: str = "counter",
                client: str = "platz-1", rid: str = "r1") -> dict:
        got = self.reply(self.payload(command, data, request_id=rid), role, client)
        assert got["data"]["ok"], got
        return got["data"]["result"]

    def stored(self) -> tuple:
        """What a refused command must not change."""
        return tuple(db_rows(self.config, f"select count(*) from {t}")[0][0]
                     for t in ("tickets", "requests", "events", "appointments", "counters"))


_DROP = object()


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    config = load_site(EXAMPLE_SITE, data={"folder": str(tmp_path / "data")})
    store = open_store(config.database_url())
    clock = ManualClock(TUESDAY_9)
    r = Rig(config, store, clock, QueueEngine(config, store, clock, wall=clock))
    yield r
    r.store.dispose()


def refused(rig: Rig, payload: bytes, code: str, role: str = "kiosk",
            corr: bytes | None = b"c1") -> dict:
    before = rig.stored()
    reply = rig.reply(payload, role=role, corr=corr)
    assert reply["data"]["ok"] is False, reply
    assert reply["data"]["error"]["code"] == code, reply
    assert reply["data"]["error"]["message"]
    assert rig.stored() == before
    return reply


# ----- client ids in topics ---------------------------------------------------------------
@pytest.mark.parametrize("client", ["bad id!", "", "k" * 65, "kiosk-ä", "$SYS",
                                    "kiosk\u200b1", "-kiosk", "kiosk\n"],
                         ids=["space", "empty", "65-chars", "non-ascii", "dollar-sys",
                              "zero-width-space", "leading-dash", "newline"])
def test_a_client_id_outside_the_pattern_is_dropped_unanswered(
        rig: Rig, client: str, caplog: pytest.LogCaptureFixture) -> None:
    before = rig.stored()
    with caplog.at_level(logging.WARNING):
        out = rig.send(rig.payload("issue_ticket", {"service": "ausweis"}), client=client)
    assert out == []  # no reply address exists for it: nothing is published at all
    assert rig.stored() == before
    assert "no valid client id" in caplog.text or "valid client id" in caplog.text


def test_the_longest_valid_client_id_is_served(rig: Rig) -> None:
    got = rig.reply(rig.payload("issue_ticket", {"service": "ausweis"}), client="k" * 64)
    assert got["data"]["ok"] is True


# ----- the envelope -----------------------------------------------------------------------
ENVELOPES = {
    "missing-v": {"v": _DROP},
    "missing-seq": {"seq": _DROP},
    "missing-data": {"data": _DROP},
    "v-true": {"v": True},
    "v-float": {"v": 1.0},
    "seq-string": {"seq": "0"},
    "seq-float": {"seq": 0.0},
    "seq-negative": {"seq": -1},
    "ts-without-offset": {"ts": "2026-11-24T09:00:00"},
    "ts-number": {"ts": 1795507200},
    "ts-date-only": {"ts": "2026-11-24"},
    "ts-digits": {"ts": "1795507200"},
    "request-id-number": {"request_id": 7},
    "request-id-empty": {"request_id": ""},
    "request-id-129": {"request_id": "r" * 129},
    "ttl-missing": {"ttl_s": _DROP},
    "ttl-string": {"ttl_s": "9"},
    "ttl-true": {"ttl_s": True},
    "ttl-zero": {"ttl_s": 0},
    "ttl-over-an-hour": {"ttl_s": 3601},
}


@pytest.mark.parametrize("over", ENVELOPES.values(), ids=ENVELOPES.keys())
def test_an_envelope_not_as_documented_is_refused(rig: Rig, over: dict) -> None:
    refused(rig, rig.payload("issue_ticket", {"service": "ausweis"}, **over),
            "invalid_envelope")


def test_the_documented_envelope_is_served(rig: Rig) -> None:
    """The refusals above are not the engine refusing everything: ttl_s may be an integer
    or a fraction, request ids 128 characters."""
    for i, over in enumerate([{"ttl_s": 9}, {"ttl_s": 0.5}, {"request_id": "r" * 128}]):
        over.setdefault("request_id", f"ok-{i}")
        got = rig.reply(rig.payload("issue_ticket", {"service": "ausweis"}, **over))
        assert got["data"]["ok"] is True, got


# ----- arguments are not coerced ------------------------------------------------------------
ARGUMENTS = [
    ("priority-string", "counter", "issue_ticket", {"service": "ausweis", "priority": "7"}),
    ("priority-true", "counter", "issue_ticket", {"service": "ausweis", "priority": True}),
    ("priority-float", "counter", "issue_ticket", {"service": "ausweis", "priority": 7.0}),
    ("set-priority-string", "counter", "set_priority", {"number": "A001", "priority": "2"}),
    ("slot-minutes-string", "booking", "import_appointments", {"appointments": [
        {"booking_id": "BK-1", "service": "fuehrerschein",
         "slot_start": "2026-11-24T10:00:00+01:00", "slot_minutes": "1"}]}),
    ("slot-start-number", "booking", "import_appointments", {"appointments": [
        {"booking_id": "BK-1", "service": "fuehrerschein", "slot_start": 1795510800,
         "slot_minutes": 15}]}),
    ("slot-start-digits", "booking", "import_appointments", {"appointments": [
        {"booking_id": "BK-1", "service": "fuehrerschein", "slot_start": "1795510800",
         "slot_minutes": 15}]}),
    ("day-number", "booking", "list_appointments", {"day": 0}),
    ("day-datetime", "booking", "list_appointments", {"day": "2026-11-24T00:00:00"}),
    ("counter-number", "counter", "call_next", {"counter": 1}),
    ("services-string", "counter", "open_counter", {"counter": "platz-1",
                                                    "services": "ausweis"}),
]


@pytest.mark.parametrize(("role", "command", "data"), [a[1:] for a in ARGUMENTS],
                         ids=[a[0] for a in ARGUMENTS])
def test_arguments_are_not_coerced(rig: Rig, role: str, command: str, data: dict) -> None:
    refused(rig, rig.payload(command, data), "invalid_arguments", role=role)


def test_well_typed_arguments_are_served(rig: Rig) -> None:
    assert rig.command("list_appointments", {"day": "2026-11-24"},
                       role="booking", client="termine")["day"] == "2026-11-24"
    assert rig.command("issue_ticket", {"service": "ausweis", "priority": 7}
                       )["ticket"]["priority"] == 7


# ----- only UTF-8 JSON ----------------------------------------------------------------------
def _encoded(rig: Rig, encoding: str) -> bytes:
    return rig.payload("issue_ticket", {"service": "ausweis"}).decode().encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-8-sig"])
def test_json_not_in_utf8_is_refused(rig: Rig, encoding: str) -> None:
    refused(rig, _encoded(rig, encoding), "invalid_json")


@pytest.mark.parametrize("payload", [b"NaN", b"Infinity", b"-Infinity", b" NaN "])
def test_bare_constants_are_not_json(rig: Rig, payload: bytes) -> None:
    refused(rig, payload, "invalid_json")


def test_constants_inside_an_envelope_are_not_json(rig: Rig) -> None:
    good = rig.payload("issue_ticket", {"service": "ausweis", "priority": 0}, ttl_s=9)
    for bad in (good.replace(b'"ttl_s": 9', b'"ttl_s": NaN'),
                good.replace(b'"ttl_s": 9', b'"ttl_s": Infinity'),
                good.replace(b'"priority": 0', b'"priority": -Infinity')):
        assert bad != good
        refused(rig, bad, "invalid_json", role="counter")
    # The same letters inside a string are only text.
    got = rig.reply(rig.payload("issue_ticket", {"service": "ausweis"}, request_id="NaN"))
    assert got["data"]["ok"] is True and got["request_id"] == "NaN"


# ----- the request id of a refusal ----------------------------------------------------------
def test_a_refusal_names_the_envelopes_request_id(rig: Rig) -> None:
    # Read envelope, refused later: its own request id, not the correlation data.
    reply = refused(rig, rig.payload("issue_ticket", {"service": 5}, request_id="env-1"),
                    "invalid_arguments", corr=b"corr-1")
    assert reply["request_id"] == "env-1"
    # Unreadable as an envelope, but a JSON object with a well-formed request id.
    reply = refused(rig, rig.payload("issue_ticket", {}, request_id="env-2", seq="0"),
                    "invalid_envelope", corr=b"corr-2")
    assert reply["request_id"] == "env-2"
    # A read envelope without a request id: none, even with correlation data.
    reply = refused(rig, rig.payload("issue_ticket", {"service": "ausweis"},
                                     request_id=_DROP), "invalid_envelope", corr=b"corr-3")
    assert "request_id" not in reply


@pytest.mark.parametrize(("corr", "expected"), [
    (b"corr-1", "corr-1"), (None, None), (b"", None), (b"\xff\xfe", None),
    (b"c" * 129, None), (b"c" * 128, "c" * 128)])
def test_unreadable_payloads_fall_back_to_the_correlation_data(
        rig: Rig, corr: bytes | None, expected: str | None) -> None:
    reply = refused(rig, b'{"v": 1, "site": ', "invalid_json", corr=corr)
    assert reply.get("request_id") == expected


# ----- seq --------------------------------------------------------------------------------
def _seqs(out: list[Outbound]) -> list[int]:
    return [json.loads(o.payload)["seq"] for o in out]


def test_a_replayed_reply_has_a_fresh_seq_and_the_first_answer(rig: Rig) -> None:
    payload = rig.payload("issue_ticket", {"service": "ausweis"}, request_id="k1-1")
    first = rig.reply(payload)
    again = rig.reply(payload)
    assert again["data"] == first["data"]
    assert again["request_id"] == first["request_id"] == "k1-1"
    assert again["seq"] > first["seq"]
    # Within one batch too, and after a restart (from the database).
    twice = rig.engine.handle_batch([Inbound(topics.command(SITE, "kiosk", "kiosk-1"),
                                             payload, b"c")] * 2)
    assert [json.loads(o.payload)["data"] for o in twice] == [first["data"]] * 2
    assert _seqs(twice)[0] > again["seq"] and _seqs(twice)[1] > _seqs(twice)[0]
    rig.restart()
    after = rig.reply(payload)
    assert after["data"] == first["data"] and after["seq"] > _seqs(twice)[1]
    assert rig.stored()[0] == 1


def test_seq_rises_across_restarts_without_running_ahead_of_the_clock(rig: Rig) -> None:
    highest = 0
    for kill in range(31):
        engine = rig.restart()
        out = rig.send(rig.payload("issue_ticket", {"service": "ausweis"},
                                   request_id=f"k-{kill}"))
        out += engine.state_messages()
        seqs = _seqs(out)
        assert min(seqs) > highest, f"restart {kill} went back"
        highest = max(seqs)
        rig.clock.advance(2)  # a restart takes a while
    wall_ms = int(rig.clock.now().timestamp() * 1000)
    # 31 restarts two seconds apart: seq follows the clock, it does not drift ahead.
    assert highest <= wall_ms


def test_seq_rises_across_restarts_that_come_faster_than_the_clock(rig: Rig) -> None:
    """With the clock standing still (or stepped back by NTP) only the stored seq keeps
    the promise, also for the state published after the last stored change."""
    highest = 0
    for kill in range(5):
        engine = rig.restart()
        out = rig.send(rig.payload("issue_ticket", {"service": "melde"},
                                   request_id=f"k-{kill}"))
        for _ in range(SEQ_GAP):  # far more state than one restart's gap
            out += engine.state_messages(include_calls=False)
        seqs = _seqs(out)
        assert min(seqs) > highest, f"restart {kill} went back"
        highest = max(seqs)
    start_ms = int(TUESDAY_9.timestamp() * 1000)
    # Bounded drift: about one gap per restart plus what was published.
    assert highest - start_ms <= 5 * (SEQ_GAP + 1 + 2 * SEQ_GAP)


def test_a_fresh_database_continues_above_what_clients_hold(rig: Rig) -> None:
    held = max(_seqs(rig.send(rig.payload("issue_ticket", {"service": "ausweis"}))))
    rig.clock.advance(1)
    rig.restart(fresh_database=True)
    out = rig.send(rig.payload("issue_ticket", {"service": "ausweis"}, request_id="r2"))
    assert min(_seqs(out)) > held
    assert rig.stored()[0] == 1  # it really is a new database


def test_the_last_seq_is_stored_with_the_batch_that_used_it(rig: Rig) -> None:
    out = rig.send(rig.payload("issue_ticket", {"service": "ausweis"}))
    assert db_rows(rig.config, "select value from meta where key = 'seq'") == [
        (str(max(_seqs(out))),)]


# ----- call_ticket --------------------------------------------------------------------------
def test_a_counter_calls_another_services_ticket_only_when_sent_there_or_with_a_reason(
        rig: Rig) -> None:
    for c in ("platz-1", "platz-3"):
        rig.command("open_counter", {"counter": c}, client=c, rid=f"open-{c}")
    d1 = rig.command("issue_ticket", {"service": "abholung"}, rid="d1")["ticket"]["number"]
    d2 = rig.command("issue_ticket", {"service": "abholung"}, rid="d2")["ticket"]["number"]
    # platz-3 serves ausweis and melde, not abholung: a mistyped number is refused.
    reply = refused(rig, rig.payload("call_ticket", {"counter": "platz-3", "number": d1},
                                     request_id="x1"), "invalid_transition", role="counter")
    assert "does not serve" in reply["data"]["error"]["message"]
    # Sent there by a transfer: platz-3 may call it.
    rig.command("call_ticket", {"counter": "platz-1", "number": d1}, client="platz-1",
                rid="c1")
    rig.command("transfer", {"counter": "platz-1", "to_counter": "platz-3"},
                client="platz-1", rid="t1")
    got = rig.command("call_ticket", {"counter": "platz-3", "number": d1},
                      client="platz-3", rid="c2")
    assert (got["ticket"]["number"], got["ticket"]["counter"]) == (d1, "platz-3")
    # The visitor stands in front of the clerk: with a reason it is called.
    got = rig.command("call_ticket", {"counter": "platz-3", "number": d2,
                                      "reason": "visitor at the counter"},
                      client="platz-3", rid="c3")
    assert (got["ticket"]["number"], got["ticket"]["status"]) == (d2, "called")


# ----- expiring commands --------------------------------------------------------------------
def test_a_command_older_than_its_ttl_is_refused_as_expired(rig: Rig) -> None:
    sent = rig.clock.now()
    payload = rig.payload("issue_ticket", {"service": "ausweis"}, ttl_s=9)
    rig.clock.advance(9.5)
    reply = refused(rig, payload, "expired")
    assert reply["request_id"] == "r1"
    details = reply["data"]["error"]["details"]
    assert details["ttl_s"] == 9 and details["age_s"] == pytest.approx(9.5)
    assert rig.clock.now() - sent > timedelta(seconds=9)


def test_a_command_within_its_ttl_is_done(rig: Rig) -> None:
    payload = rig.payload("issue_ticket", {"service": "ausweis"}, ttl_s=9)
    rig.clock.advance(8.9)
    assert rig.reply(payload)["data"]["ok"] is True


def test_an_answered_command_keeps_its_answer_after_its_ttl(rig: Rig) -> None:
    """A retry of a command that was done gets the first answer, never `expired`
    (which says nothing was done)."""
    payload = rig.payload("issue_ticket", {"service": "ausweis"}, ttl_s=9)
    first = rig.reply(payload)
    rig.clock.advance(60)
    assert rig.reply(payload)["data"] == first["data"]


def test_a_command_from_the_future_is_refused(rig: Rig) -> None:
    now = rig.clock.now()
    ahead = rig.payload("issue_ticket", {"service": "ausweis"},
                        ts=(now + timedelta(seconds=6)).isoformat())
    reply = refused(rig, ahead, "invalid_envelope")
    assert "ahead of the engine's clock" in reply["data"]["error"]["message"]
    # Clocks a few seconds apart are normal.
    slightly = rig.payload("issue_ticket", {"service": "ausweis"}, request_id="r2",
                           ts=(now + timedelta(seconds=4)).isoformat())
    assert rig.reply(slightly)["data"]["ok"] is True


def test_expiry_uses_the_wall_clock_not_the_sites_day(tmp_path: Path) -> None:
    """The demo and the simulator run the site's day faster than real time; clients
    stamp `ts` by their real clock, so expiry must not read the simulated one."""
    config = load_site(EXAMPLE_SITE, data={"folder": str(tmp_path / "data")})
    store = open_store(config.database_url())
    day = ManualClock(TUESDAY_9)
    wall = ManualClock(datetime(2030, 1, 1, 12, 0, tzinfo=TUESDAY_9.tzinfo))
    engine = QueueEngine(config, store, day, wall=wall)
    day.advance(3600)
    payload = json.dumps({"v": 1, "site": SITE, "seq": 0, "ts": wall.now().isoformat(),
                          "ttl_s": 9, "type": "issue_ticket", "request_id": "r1",
                          "data": {"service": "ausweis"}}).encode()
    out = engine.handle_batch([Inbound(topics.command(SITE, "kiosk", "k1"), payload)])
    assert json.loads(out[-1].payload)["data"]["ok"] is True
    store.dispose()
