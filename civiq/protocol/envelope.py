"""The one envelope every civiq payload travels in, and its codec."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from civiq.protocol.errors import ErrorCode, ProtocolError
from civiq.protocol.models import IsoDateTime

SCHEMA_VERSION = 1
#: Payloads of this size and more are refused unread.
MAX_PAYLOAD_BYTES = 256 * 1024


#: Request ids are 1-128 characters (``request_id``, and correlation data read as one).
REQUEST_ID_MAX = 128


class Envelope(BaseModel):
    """Schema version, site, the engine's ``seq`` (0 from clients), time, type, body.

    Strict, exactly as docs/protocol.md says: every field but ``request_id`` and ``ttl_s``
    is required, nothing is coerced (``"seq": "0"``, ``"v": true`` and a ``ts`` without
    offset are refused)."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

    v: Literal[1] = Field(description="schema version")
    site: str = Field(description="site id")
    seq: int = Field(ge=0, description="engine sequence number; 0 on client messages")
    ts: IsoDateTime = Field(description="when the message was made (ISO 8601 with offset)")
    type: str = Field(description="command name, event kind, state kind, 'reply', ...")
    request_id: str | None = Field(
        None,
        min_length=1,
        max_length=REQUEST_ID_MAX,
        description="commands (required) and replies: the request id that makes retries "
        "idempotent; 1-128 characters",
    )
    ttl_s: float | None = Field(
        None,
        gt=0,
        le=3600,
        description="commands (required): seconds after `ts` when the command expires; the "
        "sender's overall timeout. The engine refuses an older command (`expired`), so a "
        "command a client gave up on is never done later",
    )
    data: dict[str, Any]

    @field_validator("v", mode="before")
    @classmethod
    def _an_integer(cls, value: Any) -> Any:
        # Literal[1] alone takes true and 1.0, which equal 1 in Python.
        if type(value) is not int:
            raise ValueError("must be the integer 1")
        return value


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
    """An envelope for ``data``; ``ts`` defaults to now (UTC)."""
    body = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    return Envelope(
        v=SCHEMA_VERSION,
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


class EnvelopeError(ProtocolError):
    """The payload is no valid envelope; ``request_id`` is its request id when the JSON
    object had a well-formed one, so the refusal can still name the request."""

    def __init__(self, code: ErrorCode, message: str, request_id: str | None = None) -> None:
        super().__init__(code, message)
        self.request_id = request_id


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different: RFC 8259 leaves a repeated key's meaning
    open and pydantic keeps the last, so ``{"service": "x", "service": "y"}`` could say
    one thing to a proxy and another to the engine."""
    d = dict(pairs)
    if len(d) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _DuplicateKey(k)
            seen.add(k)
    return d


#: Python's limit on the digits of an integer it converts (sys.get_int_max_str_digits()).
_INT_DIGITS = sys.get_int_max_str_digits()


def _read_json(payload: bytes) -> Any:
    """The payload as JSON, or an ``invalid_json`` refusal that says truly what is wrong."""
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EnvelopeError(ErrorCode.INVALID_JSON,
                            f"payload is not UTF-8: {str(exc)[:200]}") from exc
    try:
        return json.loads(text, parse_constant=_no_constants, object_pairs_hook=_unique)
    except _DuplicateKey as exc:
        raise EnvelopeError(ErrorCode.INVALID_JSON,
                            f"key {exc.key[:100]!r} appears twice in one JSON object") from exc
    except RecursionError as exc:  # hostile nesting
        raise EnvelopeError(ErrorCode.INVALID_JSON,
                            "JSON nested too deeply for the engine to read") from exc
    except json.JSONDecodeError as exc:
        raise EnvelopeError(ErrorCode.INVALID_JSON,
                            f"payload is not JSON: {str(exc)[:200]}") from exc
    except ValueError as exc:
        # NaN/Infinity (_no_constants), or an integer too long to convert.
        reason = str(exc)
        if "NaN" not in reason and "Infinity" not in reason:
            reason = f"a number has more than {_INT_DIGITS} digits"
        raise EnvelopeError(ErrorCode.INVALID_JSON,
                            f"payload is not accepted JSON: {reason[:200]}") from exc


#: Bytes that may start a non-standard constant (NaN, Infinity, -Infinity), which
#: pydantic's parser accepts; a payload that has them takes the careful path.
_CONSTANTS = re.compile(rb"NaN|Infinity")


def decode(payload: bytes, *, unique_keys: bool = True) -> Envelope:
    """Parse a payload; every failure is an :class:`EnvelopeError` with a reason code.

    Only UTF-8 JSON as RFC 8259 has it: UTF-16 and UTF-32 (which Python's json guesses),
    a byte order mark, the constants NaN and Infinity, a key twice in one object, an
    integer of more digits than Python converts and nesting deeper than its reader goes
    are ``invalid_json``, each with its reason.

    ``unique_keys=False`` skips the search for repeated keys in valid JSON (a second
    read, ~4 us on a command, ~0.8 ms on a 45 KB queue state): for receivers of what the
    engine itself wrote (civiq.transport.state), never for commands."""
    if len(payload) >= MAX_PAYLOAD_BYTES:
        raise EnvelopeError(
            ErrorCode.PAYLOAD_TOO_LARGE,
            f"payload of {len(payload)} bytes; the limit is {MAX_PAYLOAD_BYTES - 1}",
        )
    invalid: ValidationError | None = None
    env: Envelope | None = None
    if not _CONSTANTS.search(payload):
        try:
            # pydantic reads valid JSON straight into the model; anything it refuses
            # takes the way below, which says what is wrong.
            env = Envelope.model_validate_json(payload)
        except ValidationError as exc:
            invalid = exc
    if env is not None and not unique_keys:
        return env
    # Read once more by the standard library, which sees repeated keys (pydantic keeps
    # the last without a word): a few microseconds next to a command's half millisecond.
    raw = _read_json(payload)
    if env is not None:
        return env
    if not isinstance(raw, dict):
        raise EnvelopeError(ErrorCode.INVALID_ENVELOPE, "payload must be a JSON object")
    if invalid is not None:
        # JSON the standard library reads but pydantic's parser does not: its own limit
        # (about 200 levels of nesting), which is the engine's.
        unread = [e for e in invalid.errors() if e["type"] == "json_invalid"]
        if unread:
            msg = str(unread[0]["msg"])
            raise EnvelopeError(ErrorCode.INVALID_JSON,
                                "JSON nested too deeply for the engine to read"
                                if "recursion" in msg else
                                f"payload is not accepted JSON: {msg[:200]}") from invalid
    rid = raw.get("request_id")
    rid = rid if isinstance(rid, str) and 1 <= len(rid) <= REQUEST_ID_MAX else None
    if invalid is None:
        try:
            return Envelope.model_validate_json(payload)
        except ValidationError as exc:
            invalid = exc
    raise EnvelopeError(ErrorCode.INVALID_ENVELOPE, describe(invalid), rid) from invalid


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
