"""The engine's one-pass encoder gives what the validated encoder gives."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from civiq.protocol import envelope as env
from civiq.protocol.commands import CounterResult
from civiq.protocol.models import Reply, TicketEvent, TicketInfo

TS = datetime(2026, 11, 24, 9, 0, 1, 250_000, tzinfo=ZoneInfo("Europe/Berlin"))


def _ticket() -> TicketInfo:
    return TicketInfo.model_validate({
        "number": "A001", "service": "svc-ä", "status": "waiting", "kind": "walk_in",
        "issued_at": TS.isoformat(), "arrival": TS.isoformat(), "eta_min": 12.5,
    })


def test_event_encodes_like_the_validated_path() -> None:
    body = TicketEvent(ticket=_ticket(), by="kiosk-1", counter=None)
    fast = env.encode_parts("hh-wandsbek", "issued", body, seq=17, ts=TS)
    slow = env.encode(env.make("hh-wandsbek", "issued", body, seq=17, ts=TS))
    assert json.loads(fast) == json.loads(slow)
    assert env.decode(fast) == env.decode(slow)


def test_ok_reply_encodes_like_the_validated_path() -> None:
    result = CounterResult(counter="platz-1", status="open")
    fast = env.encode_parts("hh-wandsbek", "reply", env.ok_reply_body("open_counter", result),
                            seq=18, request_id='r"1\u00e4', ts=TS)
    slow = env.encode(env.make(
        "hh-wandsbek", "reply",
        Reply(ok=True, command="open_counter", result=result.model_dump(mode="json")),
        seq=18, request_id='r"1\u00e4', ts=TS))
    assert json.loads(fast) == json.loads(slow)
    assert Reply.model_validate(env.decode(fast).data).result == {"counter": "platz-1",
                                                                  "status": "open"}


def _decode_by_json_loads(payload: bytes) -> env.Envelope:
    """The document's reading: UTF-8 JSON by json.loads, then the model's JSON rules."""
    return env.Envelope.model_validate_json(json.dumps(json.loads(payload.decode("utf-8"))))


DECODE_CASES = [
    env.encode(env.make("hh-wandsbek", "issue_ticket", {"service": "ausweis"},
                        request_id="r-1", ts=TS, ttl_s=9)),
    b'{"v":1,"site":"hh-wandsbek","seq":7,"ts":"2026-11-24T08:00:01Z","type":"x",'
    b'"data":{"n":1e3,"big":123456789012345678901234567890,"s":"\xc3\xa4\xe2\x82\xac",'
    b'"l":[1,{"a":null}],"t":true,"c":"NaN Infinity"},"request_id":"r"}',
    b'  {"v":1,"site":"s","seq":0,"ts":"2026-11-24T08:00:01+01:00","type":"x","data":{}}\n',
]


def test_a_key_twice_in_one_object_is_refused_unless_the_caller_reads_engine_output(
) -> None:
    dup = (b'{"v":1,"site":"s","seq":0,"ts":"2026-11-24T08:00:01+01:00","type":"x",'
           b'"data":{"l":[{"a":1,"a":2}]}}')
    with pytest.raises(env.EnvelopeError) as refused:
        env.decode(dup)
    assert refused.value.code == "invalid_json" and "'a' appears twice" in refused.value.message
    assert env.decode(dup, unique_keys=False).data == {"l": [{"a": 2}]}
    # Invalid JSON is refused either way.
    with pytest.raises(env.EnvelopeError):
        env.decode(b'{"v":1,"v":', unique_keys=False)


def test_decode_reads_valid_payloads_as_json_loads_does() -> None:
    for payload in DECODE_CASES:
        got = env.decode(payload)
        want = _decode_by_json_loads(payload)
        assert got == want, payload
