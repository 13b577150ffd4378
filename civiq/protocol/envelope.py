"""The one envelope every civiq payload travels in, and its codec."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from civiq.protocol.errors import ErrorCode, ProtocolError

SCHEMA_VERSION = 1
#: Payloads of this size and more are refused unread.
MAX_PAYLOAD_BYTES = 256 * 1024


class Envelope(BaseModel):
    """Schema version, site, the engine's ``seq`` (0 from clients), time, type, body."""

    model_config = ConfigDict(extra="forbid")

    v: Literal[1] = Field(SCHEMA_VERSION, description="schema version")
    site: str = Field(description="site id")
    seq: int = Field(0, ge=0, description="engine sequence number; 0 on client messages")
    ts: datetime = Field(description="when the message was made (ISO 8601 with offset)")
    type: str = Field(description="command name, event kind, state kind, 'reply', ...")
    request_id: str | None = Field(
        None,
        min_length=1,
        max_length=128,
        description="commands and replies: the request id that makes retries idempotent",
    )
    ttl_s: float | None = Field(
        None,
        gt=0,
        le=3600,
        description="commands: seconds after `ts` when the command expires; the sender's "
        "overall timeout. The engine refuses an older command (`expired`), so a command a "
        "client gave up on is never done later",
    )
    data: dict[str, Any] = Field(default_factory=dict)


def make(
    site: str,
    type_: str,
    data: dict[str, Any] | BaseModel,
    *,
    seq: int = 0,
    request_id: str | None = None,
    ts: datetime | None = None,
    ttl_s: float | None = None,
) -> Envelope:
    body = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    return Envelope(
        site=site,
        seq=seq,
        ts=ts or datetime.now(UTC),
        type=type_,
        request_id=request_id,
        ttl_s=ttl_s,
        data=body,
    )


def encode(env: Envelope) -> bytes:
    return env.model_dump_json(exclude_none=True).encode()


_TS = TypeAdapter(datetime)
_str = json.JSONEncoder(ensure_ascii=False).encode


def encode_parts(site: str, type_: str, data: BaseModel | bytes, *, seq: int = 0,
                 request_id: str | None = None, ts: datetime | None = None) -> bytes:
    """``encode(make(...))`` for a body the engine has just built and validated: one
    serialisation instead of dump, validate the dump, dump again (the engine's hot path).
    ``data`` is a model or its JSON object already serialised."""
    body = data if isinstance(data, bytes) else data.model_dump_json().encode()
    rid = f',"request_id":{_str(request_id)}' if request_id is not None else ""
    head = (f'{{"v":{SCHEMA_VERSION},"site":{_str(site)},"seq":{int(seq)},"ts":'
            f'{_TS.dump_json(ts or datetime.now(UTC)).decode()},"type":{_str(type_)}{rid}'
            ',"data":')
    return head.encode() + body + b"}"


def ok_reply_body(command: str, result: BaseModel) -> bytes:
    """The JSON of ``Reply(ok=True, command=..., result=result)``, serialised once."""
    return (f'{{"ok":true,"command":{_str(command)},"result":'.encode()
            + result.model_dump_json().encode() + b',"error":null}')


def decode(payload: bytes) -> Envelope:
    """Parse a payload; every failure is a :class:`ProtocolError` with a reason code."""
    if len(payload) >= MAX_PAYLOAD_BYTES:
        raise ProtocolError(
            ErrorCode.PAYLOAD_TOO_LARGE,
            f"payload of {len(payload)} bytes; the limit is {MAX_PAYLOAD_BYTES - 1}",
        )
    try:
        # pydantic reads valid JSON straight into the model; anything it refuses takes
        # the way below, which says what is wrong in the same words as ever.
        return Envelope.model_validate_json(payload)
    except ValidationError:
        pass
    try:
        raw = json.loads(payload)
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad UTF-8, bad JSON and integers too long to convert;
        # RecursionError comes from hostile nesting. All are the sender's fault.
        raise ProtocolError(ErrorCode.INVALID_JSON,
                            f"payload is not JSON: {str(exc)[:200]}") from exc
    if not isinstance(raw, dict):
        raise ProtocolError(ErrorCode.INVALID_ENVELOPE, "payload must be a JSON object")
    try:
        return Envelope.model_validate(raw)
    except ValidationError as exc:
        raise ProtocolError(ErrorCode.INVALID_ENVELOPE, describe(exc)) from exc


def describe(exc: ValidationError) -> str:
    """A short human-readable account of what was wrong, field by field."""
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(root)"
        parts.append(f"{where}: {err['msg']}")
    more = len(exc.errors()) - 5
    if more > 0:
        parts.append(f"... and {more} more")
    return "; ".join(parts)
