"""Malformed or hostile commands: each gets an error reply with a reason code, nothing is
stored or published, and the engine keeps serving everybody else."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from civiq.config import SiteConfig
from civiq.transport.mqtt import MqttClient
from tests.queue_engine.helpers import RawReplies, StateWatch, command_payload, db_rows

SITE = "hh-wandsbek"
KIB = 1024


def issue(data: object = None, **kw: object) -> bytes:
    return command_payload(SITE, "issue_ticket",
                           {"service": "ausweis"} if data is None else data, **kw)


def _envelope_without(key: str) -> bytes:
    body = json.loads(issue())
    del body[key]
    return json.dumps(body).encode()


def _twice(key: bytes, first: bytes) -> bytes:
    """An issue_ticket whose ``key`` comes twice: first with ``first``, then as it was."""
    payload = issue()
    assert key in payload
    return payload.replace(key, key + first + b", " + key, 1)


def _padded(size: int) -> bytes:
    body = json.loads(issue())
    body["data"]["pad"] = ""
    raw = json.dumps(body).encode()
    body["data"]["pad"] = "x" * (size - len(raw))
    out = json.dumps(body).encode()
    assert len(out) == size
    return out


CASES: list[tuple[str, str, bytes, str]] = [
    # (case id, role in the topic, payload, expected reason code)
    ("invalid-json", "kiosk", b'{"v": 1, "site": ', "invalid_json"),
    ("not-utf8", "kiosk", b"\xff\xfe\x00garbage", "invalid_json"),
    ("empty", "kiosk", b"", "invalid_json"),
    ("json-array", "kiosk", b"[1, 2, 3]", "invalid_envelope"),
    ("deeply-nested", "kiosk", b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
    ("huge-integer", "kiosk", b'{"v": 1, "seq": ' + b"9" * 5000 + b"}", "invalid_json"),
    ("duplicate-key", "kiosk", _twice(b'"service": ', b'"nope"'), "invalid_json"),
    ("duplicate-envelope-key", "kiosk",
     _twice(b'"type": ', b'"cancel"'), "invalid_json"),
    ("wrong-type-service", "kiosk", issue({"service": 5}), "invalid_arguments"),
    ("wrong-type-priority", "counter", issue({"service": "ausweis", "priority": "high"}),
     "invalid_arguments"),
    ("wrong-type-data", "kiosk", issue([1, 2]), "invalid_envelope"),
    ("wrong-type-seq", "kiosk", issue(seq="first"), "invalid_envelope"),
    ("wrong-schema-version", "kiosk", issue(v=2), "invalid_envelope"),
    ("unknown-envelope-field", "kiosk", issue(sql="drop table tickets"), "invalid_envelope"),
    ("unknown-data-field", "kiosk", issue({"service": "ausweis", "free": True}),
     "invalid_arguments"),
    ("hostile-service-id", "kiosk", issue({"service": "../../etc/passwd"}),
     "invalid_arguments"),
    ("hostile-service-id-in-a-list", "counter",
     command_payload(SITE, "open_counter", {"counter": "platz-1", "services": ["ausweis",
                                                                              "a/#"]}),
     "invalid_arguments"),
    ("unknown-command", "kiosk", command_payload(SITE, "drop_all_tickets", {}),
     "unknown_command"),
    ("missing-request-id", "kiosk", issue(request_id=None), "invalid_envelope"),
    ("missing-site", "kiosk", _envelope_without("site"), "invalid_envelope"),
    ("missing-ts", "kiosk", _envelope_without("ts"), "invalid_envelope"),
    ("missing-type", "kiosk", _envelope_without("type"), "invalid_envelope"),
    ("missing-service", "kiosk", issue({}), "invalid_arguments"),
    ("missing-counter", "counter", command_payload(SITE, "call_next", {}),
     "invalid_arguments"),
    ("wrong-site", "kiosk", command_payload("hh-altona", "issue_ticket",
                                            {"service": "ausweis"}), "wrong_site"),
    ("256-KiB", "kiosk", _padded(256 * KIB), "payload_too_large"),
    ("1-MiB", "kiosk", _padded(1024 * KIB), "payload_too_large"),
    ("display-issues-ticket", "display", issue(), "forbidden"),
    ("kiosk-calls-next", "kiosk", command_payload(SITE, "call_next", {"counter": "platz-1"}),
     "forbidden"),
    ("kiosk-opens-counter", "kiosk",
     command_payload(SITE, "open_counter", {"counter": "platz-1"}), "forbidden"),
    ("engine-role-issues", "engine", issue(), "forbidden"),
    ("made-up-role", "hacker", issue(), "forbidden"),
    ("kiosk-priority-ticket", "kiosk", issue({"service": "ausweis", "priority": 9}),
     "forbidden"),
]


@pytest.mark.parametrize(("role", "payload", "code"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_malformed_command_gets_a_reason_and_changes_nothing(
        engine, client_factory: Callable[[str, str], MqttClient], watch: StateWatch,
        site_config: SiteConfig, role: str, payload: bytes, code: str) -> None:
    sender = client_factory("kiosk", "bad-1")
    raw = RawReplies(sender, site_config.site.id, role=role)
    watch.wait_queue(lambda q: True, what="the first retained state")
    seq_before = watch.model.snapshot.last_seq

    reply = raw.send(payload, corr="r1")
    assert reply["type"] == "reply"
    assert reply["data"]["ok"] is False
    assert reply["data"]["error"]["code"] == code
    assert reply["data"]["error"]["message"]

    # Still serving: the next good command is answered at once, and is the first ticket.
    kiosk = client_factory("kiosk", "kiosk-1")
    good = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="r1")
    assert good["ticket"]["number"] == "A001"
    # Nothing of the bad command was stored or published.
    assert db_rows(site_config, "select count(*) from tickets") == [(1,)]
    assert db_rows(site_config, "select client from requests") == [("kiosk-1",)]
    assert db_rows(site_config, "select kind from events") == [("issued",)]
    q = watch.wait_queue(lambda q: q.issued_today >= 1, what="the good ticket")
    assert q.issued_today == 1
    assert watch.event_kinds() == ["issued"]
    assert watch.model.snapshot.last_seq > seq_before


def test_a_refused_request_id_can_be_used_again_once_the_command_is_right(
        engine, client_factory: Callable[[str, str], MqttClient],
        site_config: SiteConfig) -> None:
    """Refusals are not remembered as answers: fixing the command and sending it with the
    same request id gets it done."""
    sender = client_factory("kiosk", "kiosk-7")
    raw = RawReplies(sender, site_config.site.id)
    bad = raw.send(issue({"service": 5}, request_id="same"), corr="same")
    assert bad["data"]["error"]["code"] == "invalid_arguments"
    good = sender.request("issue_ticket", {"service": "ausweis"}, request_id="same")
    assert good["ticket"]["number"] == "A001"


def test_a_flood_of_garbage_does_not_stop_the_engine(
        engine, client_factory: Callable[[str, str], MqttClient],
        site_config: SiteConfig) -> None:
    sender = client_factory("kiosk", "flood")
    raw = RawReplies(sender, site_config.site.id)
    for i, (_, role, payload, _) in enumerate(CASES * 3):
        if role == "kiosk":
            raw.client.publish(f"civiq/v1/{SITE}/cmd/kiosk/flood", payload,
                               correlation=f"g{i}".encode())
    kiosk = client_factory("kiosk", "kiosk-1")
    assert kiosk.request("issue_ticket", {"service": "melde"})["ticket"]["number"] == "B001"
    assert db_rows(site_config, "select count(*) from tickets") == [(1,)]


@pytest.mark.parametrize(("payload", "code", "request_id"), [
    # Not read as JSON: the correlation data stands in for the request id.
    (b'{"v": 1, "request_id": "own", ', "invalid_json", "corr-1"),
    (_padded(256 * KIB), "payload_too_large", "corr-1"),
    # Read as JSON: its own well-formed request id, or none at all.
    (b"[1, 2, 3]", "invalid_envelope", None),
    (issue(request_id=None), "invalid_envelope", None),
    (issue(request_id=5), "invalid_envelope", None),
    (issue(request_id="own", v=2), "invalid_envelope", "own"),
    (issue({"service": 5}, request_id="own"), "invalid_arguments", "own"),
], ids=["invalid-json", "too-large", "array", "no-request-id", "request-id-not-a-string",
        "bad-envelope", "bad-arguments"])
def test_a_refusal_names_the_request_as_the_document_says(
        engine, client_factory: Callable[[str, str], MqttClient], site_config: SiteConfig,
        payload: bytes, code: str, request_id: str | None) -> None:
    raw = RawReplies(client_factory("kiosk", "bad-2"), site_config.site.id)
    reply = raw.send(payload, corr="corr-1")
    assert reply["data"]["error"]["code"] == code
    assert reply.get("request_id") == request_id


@pytest.mark.parametrize(("payload", "reason"), [
    (_twice(b'"service": ', b'"nope"'), "key 'service' appears twice"),
    (_twice(b'"ttl_s": ', b"1"), "key 'ttl_s' appears twice"),
    (b'{"v": 1, "seq": ' + b"9" * 5000 + b"}", "a number has more than 4300 digits"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (issue({"service": "ausweis", "x": json.loads("[" * 300 + "]" * 300)}),
     "nested too deeply"),
    (b"\xff\xfe\x00garbage", "payload is not UTF-8"),
    (b'{"v": 1, "site": ', "payload is not JSON"),
], ids=["duplicate-data-key", "duplicate-envelope-key", "long-number", "deep",
        "300-deep", "not-utf8", "not-json"])
def test_invalid_json_says_truly_what_is_wrong(
        engine, client_factory: Callable[[str, str], MqttClient], site_config: SiteConfig,
        payload: bytes, reason: str) -> None:
    raw = RawReplies(client_factory("kiosk", "bad-3"), site_config.site.id)
    error = raw.send(payload, corr="c1")["data"]["error"]
    assert error["code"] == "invalid_json"
    assert reason in error["message"]
    if "UTF-8" not in reason:
        assert "not UTF-8" not in error["message"]
    assert db_rows(site_config, "select count(*) from tickets") == [(0,)]


def test_expired_commands_are_logged_once_per_client(
        engine, client_factory: Callable[[str, str], MqttClient], site_config: SiteConfig,
        caplog: pytest.LogCaptureFixture) -> None:
    """A kiosk with a slow clock fails every command: the engine's log says so, once."""
    old = (datetime.now(UTC) - timedelta(seconds=45)).isoformat()
    caplog.set_level(logging.WARNING, logger="queue_engine.engine")
    raws = {c: RawReplies(client_factory("kiosk", c), site_config.site.id)
            for c in ("slow-1", "slow-2")}
    for i, client in enumerate(("slow-1", "slow-1", "slow-2")):
        reply = raws[client].send(issue(ts=old, ttl_s=9, request_id=f"r{i}"), corr=f"c{i}")
        assert reply["data"]["error"]["code"] == "expired"
    told = [r.getMessage() for r in caplog.records if "arrived expired" in r.getMessage()]
    assert len(told) == 2, told
    assert told[0].startswith("client slow-1:") and "age_s=45" in told[0]
    assert "ttl_s=9" in told[0]
    assert told[1].startswith("client slow-2:")
