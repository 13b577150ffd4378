"""Property: a command broken in any way the document forbids changes nothing in the store
and gets nothing but a refusal (or, without a valid client id, no answer at all).

Hypothesis starts from valid commands that would change the store and breaks each in one
way: a required field dropped, a value of the wrong JSON type (no coercion), an unknown
field, another encoding than UTF-8, NaN or Infinity, an expired or future `ts`, a client
id outside the pattern, random bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from civiq.protocol import topics
from queue_engine.engine import QueueEngine
from queue_engine.messages import Inbound
from queue_engine.store.repository import open_store
from tests.conftest import EXAMPLE_SITE, TUESDAY_9
from tests.queue_engine.helpers import db_rows

SITE = "hh-wandsbek"

#: Valid commands that change the store when done: (role, client, type, data).
BASES: list[tuple[str, str, str, dict[str, Any]]] = [
    ("kiosk", "kiosk-1", "issue_ticket", {"service": "ausweis", "language": "de"}),
    ("counter", "platz-1", "issue_ticket", {"service": "melde", "priority": 3}),
    ("counter", "platz-1", "open_counter", {"counter": "platz-1", "services": ["ausweis"]}),
    ("counter", "platz-1", "pause_counter", {"counter": "platz-1", "reason": "break"}),
    ("booking", "termine", "import_appointments", {"appointments": [
        {"booking_id": "BK-9", "service": "fuehrerschein",
         "slot_start": "2026-11-24T10:00:00+01:00", "slot_minutes": 15}]}),
]

#: Values of every JSON type; a mutation picks one whose type the field does not take.
WRONG = {
    "int": ["7", True, False, 7.5, None, [], {}, "", "0"],
    "str": [7, 0, True, 1.5, None, [], {}, ["ausweis"]],
    "list": ["ausweis", 7, True, {}, None],
    "obj": ["x", 7, True, [], None, [1, 2]],
}
ENVELOPE_TYPES = {"v": "int", "seq": "int", "ts": "str", "type": "str", "site": "str",
                  "request_id": "str", "ttl_s": "int", "data": "obj"}
REQUIRED = ["v", "seq", "ts", "type", "site", "data", "request_id", "ttl_s"]
BAD_CLIENTS = ["", "bad id!", "k" * 65, "kiosk-ä", "$SYS", "kiosk\u200b1", "+", "#", "a/b"]


def _kind(value: Any) -> str:
    if isinstance(value, (bool, float)):
        return "other"
    return {int: "int", str: "str", list: "list", dict: "obj"}.get(type(value), "other")


@st.composite
def hostile(draw: st.DrawFn) -> tuple[str, bytes]:
    role, client, command, data = draw(st.sampled_from(BASES))
    data = json.loads(json.dumps(data))
    now = TUESDAY_9
    body: dict[str, Any] = {"v": 1, "site": SITE, "seq": 0, "ts": now.isoformat(),
                            "ttl_s": 9, "type": command, "request_id": "f1", "data": data}
    how = draw(st.sampled_from(["drop", "envelope-type", "arg-type", "unknown-field",
                                "encoding", "constant", "expired", "future", "client",
                                "bytes", "bad-ts", "other-site"]))
    if how == "drop":
        del body[draw(st.sampled_from(REQUIRED))]
    elif how == "envelope-type":
        key = draw(st.sampled_from(sorted(ENVELOPE_TYPES)))
        wrong = [w for w in WRONG[ENVELOPE_TYPES[key]] if not (key == "ttl_s" and w == 7.5)]
        body[key] = draw(st.sampled_from(wrong))
    elif how == "arg-type":
        key = draw(st.sampled_from(sorted(data)))
        body["data"][key] = draw(st.sampled_from(
            [w for w in WRONG.get(_kind(data[key]), WRONG["str"]) if w is not None]))
    elif how == "unknown-field":
        target = draw(st.sampled_from([body, body["data"]]))
        target[draw(st.sampled_from(["extra", "Service", "x_debug", "sql"]))] = draw(
            st.sampled_from([1, "drop table tickets", None, True]))
    elif how == "bad-ts":
        body["ts"] = draw(st.sampled_from(["2026-11-24T09:00:00", "2026-11-24", "tomorrow",
                                           "09:00", "1795507200"]))
    elif how == "expired":
        body["ts"] = (now - timedelta(seconds=draw(st.floats(9.01, 86_400)))).isoformat()
    elif how == "future":
        body["ts"] = (now + timedelta(seconds=draw(st.floats(5.01, 86_400)))).isoformat()
    elif how == "other-site":
        body["site"] = draw(st.sampled_from(["hh-altona", "", "HH-WANDSBEK", "*"]))
    text = json.dumps(body, ensure_ascii=draw(st.booleans()))
    payload = text.encode()
    if how == "encoding":
        payload = text.encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be",
                                                    "utf-32", "utf-32-be", "utf-8-sig"])))
    elif how == "constant":
        field = '"ttl_s": 9' if draw(st.booleans()) else '"seq": 0'
        payload = text.replace(field, field.split(":")[0] + ": " + draw(
            st.sampled_from(["NaN", "Infinity", "-Infinity"]))).encode()
    elif how == "bytes":
        payload = draw(st.binary(max_size=300))
    if how == "client":
        client = draw(st.sampled_from(BAD_CLIENTS))
    return topics.command(SITE, role, client), payload


def _store(config: Any) -> list[Any]:
    return [db_rows(config, f"select * from {t} order by 1")
            for t in ("tickets", "requests", "events", "appointments", "counters")]


@dataclass
class Rig:
    config: SiteConfig
    engine: QueueEngine


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    """One engine for every example: none may change its store, so they cannot disturb
    each other (and a migration per example would make the test slow)."""
    config = load_site(EXAMPLE_SITE, data={"folder": str(tmp_path_factory.mktemp("fuzz"))})
    store = open_store(config.database_url())
    clock = ManualClock(TUESDAY_9)
    yield Rig(config, QueueEngine(config, store, clock, wall=clock))
    store.dispose()


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(hostile(), min_size=1, max_size=5))
def test_hostile_envelopes_never_change_the_store(
        rig: Rig, batch: list[tuple[str, bytes]]) -> None:
    before = _store(rig.config)
    out = rig.engine.handle_batch([Inbound(t, p, b"c") for t, p in batch])
    assert _store(rig.config) == before
    for o in out:
        reply = json.loads(o.payload)
        assert reply["type"] == "reply" and reply["data"]["ok"] is False, reply
        assert o.topic.startswith(f"civiq/v1/{SITE}/reply/")
    parsed = [topics.parse_command_topic(t) for t, _ in batch]
    assert len(out) == sum(1 for p in parsed if p and topics.valid_id(p.client))


def test_the_unbroken_commands_do_change_the_store(rig: Rig) -> None:
    """The property is not empty: each base command, unbroken, is done."""
    config = rig.config
    before = _store(config)
    for i, (role, client, command, data) in enumerate(BASES):
        body = {"v": 1, "site": SITE, "seq": 0, "ts": TUESDAY_9.isoformat(), "ttl_s": 9,
                "type": command, "request_id": f"ok-{i}", "data": data}
        out = rig.engine.handle_batch([Inbound(topics.command(SITE, role, client),
                                               json.dumps(body).encode())])
        reply = next(json.loads(o.payload) for o in out if "/reply/" in o.topic)
        assert reply["data"]["ok"] is True, (command, reply)
    assert _store(config) != before
