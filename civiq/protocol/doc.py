"""docs/protocol.md: the parts that follow from the code, generated from the code.

The schema sections (topics, envelope, commands with roles and replies, events, retained
state, error codes, every message body's JSON schema, with examples) come from the
registries — ``civiq.topics``, ``COMMANDS``, ``EVENT_KINDS``, ``ERROR_DESCRIPTIONS`` and
the pydantic models in ``civiq.protocol`` — and sit between two markers; the prose around
them is written by hand and kept as it is.

    python -m civiq.protocol.doc --write   # regenerate the section in place
    python -m civiq.protocol.doc --check   # exit 1 when the document and the code differ

Examples are real model instances validated on the way out, so they always fit the
schema. A command nobody wrote an example for gets one made from its JSON schema.
"""

from __future__ import annotations

import argparse
import difflib
import enum
import importlib
import inspect
import json
import pkgutil
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

import civiq.protocol
from civiq import topics
from civiq.protocol import envelope as env
from civiq.protocol.commands import COMMANDS, EVENT_KINDS, CommandSpec
from civiq.protocol.errors import ERROR_DESCRIPTIONS, ErrorCode
from civiq.protocol.models import (
    Call,
    CallsState,
    CounterState,
    CounterStatus,
    DeviceStatus,
    EngineState,
    ErrorInfo,
    Model,
    QueueState,
    Reply,
    ServiceState,
    TicketEvent,
    TicketInfo,
    TicketKind,
    TicketStatus,
    WaitingTicket,
)

BEGIN = "<!-- generated:begin -->"
END = "<!-- generated:end -->"
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"

SITE = "hh-wandsbek"
#: Every example happens on Tuesday 2026-11-24 in Hamburg, shortly after 09:00.
T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


# ----- topics ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TopicDoc:
    retained: str
    qos: str
    publisher: str
    body: str
    what: str


#: What the functions in civiq.topics do not say about their topics. A new topic function
#: without an entry here fails the generator (and so the doc test) until it is described.
TOPICS: dict[str, TopicDoc] = {
    "state_queue": TopicDoc("yes", "1", "engine", "[QueueState](#queuestate)",
                            "per service: waiting, estimate, ticket stop; per counter: "
                            "state and current ticket; the waiting list"),
    "state_calls": TopicDoc("yes", "1", "engine", "[CallsState](#callsstate)",
                            "the latest calls, newest first: enough to redraw a display"),
    "state_engine": TopicDoc("yes", "1", "engine (and its will message)",
                             "[EngineState](#enginestate)", "engine online / offline"),
    "event": TopicDoc("no", "1", "engine", "see [Events](#events)",
                      "one message per change, `{kind}` as listed under Events"),
    "events": TopicDoc("—", "1", "(subscription filter)", "",
                       "every event of the site"),
    "command": TopicDoc("no", "1", "kiosk, counter, booking, operator, ...",
                        "see [Commands](#commands)",
                        "requests; `{role}` must be allowed to send the command; MQTT 5 "
                        "response topic and correlation data"),
    "commands": TopicDoc("—", "1", "(subscription filter; the engine)", "",
                         "every command of the site"),
    "reply": TopicDoc("no", "0", "engine", "[Reply](#reply)",
                      "replies to `{client}`'s commands, correlation data echoed"),
    "device_status": TopicDoc("yes", "1", "each device (and its will message)",
                              "[DeviceStatus](#devicestatus)",
                              "device online / offline, printer paper, version"),
    "alert": TopicDoc("no", "1", "devices, engine", "JSON envelope, type `alert`",
                      "what staff must act on: paper out, kiosk offline"),
    "central": TopicDoc("yes", "1", "central tier",
                        "`notices`: [NoticesState](#noticesstate)",
                        "recommendations and notices from the central tier, bridged into "
                        "every site"),
}
_NOT_TOPICS = {"check_id"}


def topic_functions() -> dict[str, Callable[..., str]]:
    """Every function of civiq.topics that builds a topic or a filter, in file order."""
    out = {}
    for name, fn in vars(topics).items():
        if (inspect.isfunction(fn) and fn.__module__ == topics.__name__
                and not name.startswith("_") and name not in _NOT_TOPICS
                and inspect.signature(fn).return_annotation in ("str", str)):
            out[name] = fn
    return out


def topic_pattern(fn: Callable[..., str]) -> str:
    params = inspect.signature(fn).parameters
    return fn(*(f"{{{p}}}" for p in params))


# ----- models ---------------------------------------------------------------------------
def protocol_modules() -> list[Any]:
    names = [i.name for i in pkgutil.iter_modules(civiq.protocol.__path__) if i.name != "doc"]
    # The core bodies first, then the commands, then whatever else was added.
    names.sort(key=lambda n: ({"models": 0, "commands": 1}.get(n, 2), n))
    return [importlib.import_module(f"civiq.protocol.{n}") for n in names]


def all_models() -> dict[str, type[BaseModel]]:
    """Every message body defined in civiq.protocol, module by module, in file order."""
    out: dict[str, type[BaseModel]] = {}
    for mod in protocol_modules():
        for name, obj in vars(mod).items():
            if (inspect.isclass(obj) and issubclass(obj, BaseModel) and obj.__module__ ==
                    mod.__name__ and obj not in (Model, env.Envelope)):
                out[name] = obj
    return out


def all_enums() -> dict[str, type[enum.Enum]]:
    out: dict[str, type[enum.Enum]] = {}
    for mod in protocol_modules():
        for name, obj in vars(mod).items():
            if (inspect.isclass(obj) and issubclass(obj, enum.Enum)
                    and obj.__module__ == mod.__name__ and obj is not ErrorCode):
                out[name] = obj
    return out


def event_model(kind: str) -> type[BaseModel] | None:
    m = re.search(r"\((\w+)\)\s*$", EVENT_KINDS[kind])
    return all_models().get(m.group(1)) if m else None


# ----- examples -------------------------------------------------------------------------
def _ticket(status: TicketStatus = TicketStatus.WAITING, **kw: Any) -> TicketInfo:
    base: dict[str, Any] = dict(number="A042", service="ausweis", status=status,
                                arrival=_at(5), issued_at=_at(5), language="de")
    if status in (TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.FINISHED,
                  TicketStatus.NO_SHOW):
        base.update(counter="platz-3", called_at=_at(21))
    if status is TicketStatus.WAITING:
        base.update(eta_min=14.5)
    base.update(kw)
    return TicketInfo(**base)


#: Hand-made examples: (arguments, result) of a command.
def _command_examples() -> dict[str, tuple[dict[str, Any], BaseModel]]:
    from civiq.protocol.commands import CounterResult, IssueTicketResult, TicketResult

    called = _ticket(TicketStatus.CALLED)
    booked = _ticket(kind=TicketKind.APPOINTMENT, number="A043", slot_start=_at(75),
                     arrival=_at(64), issued_at=_at(64), eta_min=11.0)
    return {
        "check_in": ({"token": DEMO_TOKEN, "language": "de"},
                     IssueTicketResult(ticket=booked, ahead=0, eta_min=11.0)),
        "issue_ticket": ({"service": "ausweis", "language": "de"},
                         IssueTicketResult(ticket=_ticket(), ahead=3, eta_min=14.5)),
        "call_next": ({"counter": "platz-3"}, TicketResult(ticket=called)),
        "call_ticket": ({"counter": "platz-3", "number": "A042"}, TicketResult(ticket=called)),
        "recall": ({"counter": "platz-3"},
                   TicketResult(ticket=_ticket(TicketStatus.CALLED, recalls=1))),
        "start": ({"counter": "platz-3"}, TicketResult(ticket=_ticket(
            TicketStatus.SERVING))),
        "finish": ({"counter": "platz-3"}, TicketResult(ticket=_ticket(
            TicketStatus.FINISHED))),
        "open_counter": ({"counter": "platz-3"},
                         CounterResult(counter="platz-3", status="open")),
        "pause_counter": ({"counter": "platz-3", "reason": "break"},
                          CounterResult(counter="platz-3", status="paused")),
        "close_counter": ({"counter": "platz-3"},
                          CounterResult(counter="platz-3", status="closed")),
    }


#: The documented demo token (docs/protocol.md, "Appointment QR token"): booking BK-1,
#: 09:15 on 2026-11-24, signed with the demo key in sites/keys/.
DEMO_TOKEN = (
    "CQ1.demo.eyJiIjoiQkstMSIsInMiOiJoaC13YW5kc2JlayIsImQiOiIyMDI2LTExLTI0IiwidCI6IjIwMjYt"
    "MTEtMjRUMDk6MTU6MDArMDE6MDAifQ.gYM0meNHiXjbHUqULEghGetblIgHhfqWj0nfDXIr9k5HLRr0xhlFsOy"
    "Mpvdx2kKRWBbifp8F9pKh03rcT8n1Bw"
)

#: Realistic values by field name for examples made from a schema.
_SAMPLES: dict[str, Any] = {
    "service": "ausweis", "to_service": "melde", "from_service": "ausweis",
    "counter": "platz-3", "to_counter": "platz-5", "counter_name": "Platz 3",
    "number": "A042", "ticket": "A042", "booking_id": "HH-2026-000123",
    "language": "de", "site": SITE, "clerk": "mmeyer", "reason": "break",
    "name": "Platz 3", "id": "platz-3", "by": "counter-platz-3", "code": "forbidden",
    "token": DEMO_TOKEN, "version": "0.1.0",
    "role": "kiosk", "day": "2026-11-24", "priority": 1, "slot_minutes": 15,
}


def sample(schema: dict[str, Any], defs: dict[str, Any], name: str = "") -> Any:
    """A plausible JSON value for ``schema``: required fields and fields without a null
    default; field names pick realistic values."""
    if "$ref" in schema:
        return sample(defs[schema["$ref"].rsplit("/", 1)[-1]], defs, name)
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        return sample(options[0], defs, name) if options else None
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        out = {}
        for key, sub in props.items():
            if key in required or sub.get("default", ...) not in (None, ...):
                out[key] = sub["default"] if key not in required and "default" in sub \
                    else sample(sub, defs, key)
        return out
    if kind == "array":
        return [sample(schema.get("items", {}), defs, name.rstrip("s"))]
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        if name in _SAMPLES and isinstance(_SAMPLES[name], int):
            return _SAMPLES[name]
        return max(schema.get("minimum", 0), schema.get("exclusiveMinimum", 0) + 1, 1)
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date-time":
            return _at(5).isoformat().replace("+00:00", "Z")
        if fmt == "date":
            return T0.date().isoformat()
        return str(_SAMPLES.get(name, "example"))
    return None


def example_of(model: type[BaseModel]) -> BaseModel | None:
    schema = model.model_json_schema()
    try:
        return model.model_validate(sample(schema, schema.get("$defs", {})))
    except ValidationError:
        return None


def command_example(spec: CommandSpec) -> tuple[BaseModel | None, BaseModel | None]:
    hand = _command_examples().get(spec.name)
    if hand is not None:
        return spec.args.model_validate(hand[0]), spec.result.model_validate(
            hand[1].model_dump(mode="json"))
    return example_of(spec.args), example_of(spec.result)


_EVENT_STATUS = {
    "issued": TicketStatus.WAITING, "called": TicketStatus.CALLED,
    "recalled": TicketStatus.CALLED, "started": TicketStatus.SERVING,
    "finished": TicketStatus.FINISHED, "no_show": TicketStatus.NO_SHOW,
    "transferred": TicketStatus.WAITING, "parked": TicketStatus.PARKED,
    "cancelled": TicketStatus.CANCELLED, "priority": TicketStatus.WAITING,
    "checked_in": TicketStatus.WAITING,
}


def event_example(kind: str) -> BaseModel | None:
    model = event_model(kind)
    if model is TicketEvent:
        status = _EVENT_STATUS.get(kind, TicketStatus.WAITING)
        extra: dict[str, Any] = {}
        if kind == "recalled":
            extra["recalls"] = 1
        if kind == "checked_in":
            extra.update(kind=TicketKind.APPOINTMENT, slot_start=_at(30), number="A043")
        if kind == "priority":
            extra["priority"] = 1
        if kind == "transferred":
            extra["service"] = "melde"
        if kind == "parked":
            extra["counter"] = "platz-3"
        t = _ticket(status, **extra)
        at_counter = t.counter is not None
        return TicketEvent(ticket=t, counter=t.counter,
                           counter_name="Platz 3" if at_counter else None,
                           from_service="ausweis" if kind == "transferred" else None,
                           by="kiosk-1" if kind in ("issued", "checked_in") else "platz-3")
    if model is None:
        return None
    if kind.endswith("no_show"):  # e.g. appointment_no_show: say so in the status too
        data = sample(model.model_json_schema(), model.model_json_schema().get("$defs", {}))
        if "status" in data:
            try:
                return model.model_validate({**data, "status": "no_show"})
            except ValidationError:
                pass
    return example_of(model)


def state_examples() -> dict[str, BaseModel]:
    called = _ticket(TicketStatus.CALLED)
    return {
        "state_queue": QueueState(
            day="2026-11-24",
            services=[
                ServiceState(id="ausweis", waiting=4, eta_min=31.0, open_counters=3),
                ServiceState(id="fuehrerschein", waiting=0, eta_min=None, open_counters=1),
            ],
            counters=[
                CounterState(id="platz-3", name="Platz 3", status=CounterStatus.OPEN,
                             services=["ausweis", "melde"], current=called),
                CounterState(id="platz-4", name="Platz 4", status=CounterStatus.PAUSED,
                             pause_reason="break", services=["melde", "abholung"]),
            ],
            waiting=[WaitingTicket(number="A043", service="ausweis", kind=TicketKind.WALK_IN,
                                   arrival=_at(9), eta_min=6.0)],
            served_today=57, issued_today=63,
        ),
        "state_calls": CallsState(calls=[
            Call(number="A042", service="ausweis", counter="platz-3", counter_name="Platz 3",
                 at=_at(21)),
            Call(number="B017", service="melde", counter="platz-4", counter_name="Platz 4",
                 at=_at(19), recall=1),
        ]),
        "state_engine": EngineState(online=True, version="0.1.0", started_at=_at(-60)),
        "device_status": DeviceStatus(online=True, role="kiosk", version="0.1.0",
                                      detail={"printer": "ok"}),
    }


def _envelope(type_: str, body: BaseModel | dict, *, seq: int = 0,
              request_id: str | None = None, minutes: float = 21) -> str:
    e = env.make(SITE, type_, body, seq=seq, request_id=request_id, ts=_at(minutes))
    data = json.loads(env.encode(e))
    env.decode(env.encode(e))  # an example must survive the real codec
    return json.dumps(data, indent=2, ensure_ascii=False)


# ----- rendering ------------------------------------------------------------------------
def _type_of(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in schema:
        return " or ".join(_type_of(s) for s in schema["anyOf"])
    if "enum" in schema:
        return " \\| ".join(f"`{json.dumps(v)}`" for v in schema["enum"])
    if "const" in schema:
        return f"`{json.dumps(schema['const'])}`"
    kind = schema.get("type")
    if kind == "array":
        return f"list of {_type_of(schema.get('items', {}))}"
    if kind == "object":
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            return f"object of {_type_of(extra)}"
        return "object"
    if kind == "string" and schema.get("format"):
        return f"string ({schema['format']})"
    return kind or "any"


_CONSTRAINTS = ("pattern", "minLength", "maxLength", "minimum", "maximum",
                "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems")


def _constraints(schema: dict[str, Any]) -> str:
    parts = []
    for s in [schema, *schema.get("anyOf", [])]:
        for key in _CONSTRAINTS:
            if key in s:
                parts.append(f"{key} `{s[key]}`")
    return ", ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_table(model: type[BaseModel]) -> list[str]:
    schema = model.model_json_schema()
    props = schema.get("properties", {})
    if not props:
        return ["(no fields)"]
    required = set(schema.get("required", []))
    lines = ["| field | type | required | default | notes |", "| --- | --- | --- | --- | --- |"]
    for name, sub in props.items():
        default = "" if "default" not in sub else f"`{json.dumps(sub['default'])}`"
        notes = "; ".join(x for x in (sub.get("description", ""), _constraints(sub)) if x)
        lines.append(f"| `{name}` | {_type_of(sub)} | {'yes' if name in required else 'no'} "
                     f"| {default} | {_cell(notes)} |")
    return lines


def _json_block(text: str) -> list[str]:
    return ["```json", text, "```", ""]


def _model_link(model: type[BaseModel] | None) -> str:
    return f"[{model.__name__}](#{model.__name__.lower()})" if model else "—"


def render_topics() -> list[str]:
    fns = topic_functions()
    missing = sorted(set(fns) - set(TOPICS))
    if missing:
        raise SystemExit(f"civiq.protocol.doc: topic function(s) {', '.join(missing)} have "
                         "no entry in civiq.protocol.doc.TOPICS: describe them there")
    out = ["## Topics", "",
           "| topic | retained | QoS | published by | body | what |",
           "| --- | --- | --- | --- | --- | --- |"]
    for name, fn in fns.items():
        d = TOPICS[name]
        out.append(f"| `{topic_pattern(fn)}` | {d.retained} | {d.qos} | {d.publisher} "
                   f"| {d.body} | {_cell(d.what)} (`topics.{name}`) |")
    out += ["", f"Roles in `cmd/{{role}}/...`: {', '.join(f'`{r}`' for r in topics.ROLES)}. "
            "Site and client ids are 1-64 letters, digits, `_`, `.` or `-` "
            "(`topics.check_id`).", ""]
    return out


def render_envelope() -> list[str]:
    out = ["## Envelope", "", "Every payload on every topic is one JSON object:", ""]
    props = env.Envelope.model_json_schema()["properties"]
    out += ["| field | type | notes |", "| --- | --- | --- |"]
    for name, sub in props.items():
        out.append(f"| `{name}` | {_type_of(sub)} | {_cell(sub.get('description', ''))} |")
    out += ["", f"Schema version: `{env.SCHEMA_VERSION}`. Payloads of "
            f"{env.MAX_PAYLOAD_BYTES:,} bytes or more are refused unread "
            "(`payload_too_large`).", ""]
    return out


def render_commands() -> list[str]:
    out = ["## Commands", "",
           "Sent to `civiq/v1/{site}/cmd/{role}/{client}` with QoS 1, an MQTT 5 response "
           "topic (`civiq/v1/{site}/reply/{client}`), correlation data (the request id) and "
           "a message expiry interval (what is left of the sender's overall timeout); "
           "the envelope's `type` is the command, `data` its arguments, `request_id` is "
           "required.", "",
           "| command | roles | arguments | result |", "| --- | --- | --- | --- |"]
    for name, spec in COMMANDS.items():
        out.append(f"| [`{name}`](#{name}) | {', '.join(sorted(spec.roles))} "
                   f"| {_model_link(spec.args)} | {_model_link(spec.result)} |")
    out.append("")
    for name, spec in COMMANDS.items():
        args, result = command_example(spec)
        out += [f"### `{name}`", "", spec.summary, "",
                f"Roles: {', '.join(f'`{r}`' for r in sorted(spec.roles))}. "
                f"Arguments: {_model_link(spec.args)}. Result: {_model_link(spec.result)}.", ""]
        rid = f"{name.replace('_', '-')}-7f3a"
        if args is not None:
            out += ["Command:", "", *_json_block(_envelope(name, args, request_id=rid))]
        if result is not None:
            reply = Reply(ok=True, command=name, result=result.model_dump(mode="json"))
            out += ["Reply:", ""]
            out += _json_block(_envelope("reply", reply, seq=1764057600123, request_id=rid))
        if args is None or result is None:
            out += ["(No example could be built from the schema.)", ""]
    return out


def render_events() -> list[str]:
    out = ["## Events", "",
           "Published by the engine on `civiq/v1/{site}/event/{kind}`, QoS 1, not retained, "
           "after the transaction that made them has committed. The envelope's `type` is the "
           "kind; `seq` orders them with the retained state.", "",
           "| kind | body | when |", "| --- | --- | --- |"]
    for kind, what in EVENT_KINDS.items():
        when = re.sub(r"\s*\(\w+\)\s*$", "", what)
        out.append(f"| [`{kind}`](#event-{kind.replace('_', '-')}) "
                   f"| {_model_link(event_model(kind))} | {_cell(when)} |")
    out.append("")
    for kind in EVENT_KINDS:
        body = event_example(kind)
        out += [f'<a id="event-{kind.replace("_", "-")}"></a>', "",
                f"### event `{kind}`", "", EVENT_KINDS[kind], ""]
        if body is not None:
            out += _json_block(_envelope(kind, body, seq=1764057600124))
    return out


def render_state() -> list[str]:
    out = ["## Retained state", "",
           "Retained, QoS 1. A client that (re)connects gets the latest of each at once and "
           "can draw everything from them alone.", ""]
    fns = topic_functions()
    for key, body in state_examples().items():
        seq = 0 if key in ("state_engine", "device_status") else 1764057600125
        pattern = topic_pattern(fns[key])
        out += [f"### `{pattern}`", "", f"Body: {_model_link(type(body))}. "
                f"{TOPICS[key].what[0].upper()}{TOPICS[key].what[1:]}.", ""]
        out += _json_block(_envelope(type(body).__name__.removesuffix("State").lower()
                                     if key != "device_status" else "status",
                                     body, seq=seq))
    will = EngineState(online=False, version="0.1.0")
    out += ["### The engine's will message", "",
            f"Set at connect time on `{topic_pattern(fns['state_engine'])}` (retained, QoS 1); "
            "the broker publishes it when the engine's connection is lost without a "
            "clean disconnect, and the engine publishes the same on a clean stop:", ""]
    out += _json_block(_envelope("engine", will, seq=0, minutes=-60))
    return out


def render_errors() -> list[str]:
    out = ["## Error codes", "",
           "A refused command gets a reply with `ok: false` and an `error` "
           "([ErrorInfo](#errorinfo)); nothing was changed.", "",
           "| code | meaning |", "| --- | --- |"]
    for code in ErrorCode:
        out.append(f"| `{code.value}` | {_cell(ERROR_DESCRIPTIONS.get(code, ''))} |")
    refusal = Reply(ok=False, error=ErrorInfo(
        code=ErrorCode.TICKET_STOP.value, message="the wait would pass closing time",
        details={"until": "2026-11-25T07:00:00+00:00"}))
    out += ["", "Example:", ""]
    out += _json_block(_envelope("reply", refusal, seq=1764057600126,
                                 request_id="issue-ticket-7f3a"))
    return out


def render_schemas() -> list[str]:
    out = ["## Message bodies", "",
           "Every body, with its fields and its JSON schema (pydantic "
           "`model_json_schema()`; `$ref`s name the bodies below). Unknown fields are "
           "refused.", ""]
    for name, model in all_models().items():
        schema = model.model_json_schema()
        schema.pop("$defs", None)
        doc = inspect.cleandoc(model.__doc__ or "")
        out += [f"### {name}", ""]
        if doc and not doc.startswith(("Usage docs", "A base class")):
            out += [doc.replace("\n", " "), ""]
        out += [*field_table(model), ""]
        out += ["<details><summary>JSON schema</summary>", ""]
        out += _json_block(json.dumps(schema, indent=2, ensure_ascii=False))
        out += ["</details>", ""]
    enums = all_enums()
    if enums:
        out += ["### Enumerations", "", "| name | values |", "| --- | --- |"]
        for name, e in enums.items():
            out.append(f"| {name} | {', '.join(f'`{m.value}`' for m in e)} |")
        out.append("")
    return out


def generate() -> str:
    """The generated section, markers included."""
    lines = [BEGIN,
             "<!-- Generated from the code by `python -m civiq.protocol.doc --write`. "
             "Do not edit by hand: tests/civiq/test_protocol_doc.py fails on drift. -->", ""]
    for part in (render_topics, render_envelope, render_commands, render_events,
                 render_state, render_errors, render_schemas):
        lines += part()
    while lines[-1] == "":
        lines.pop()
    lines.append(END)
    return "\n".join(lines)


def render(document: str) -> str:
    """``document`` with its generated section replaced by a fresh one."""
    start, end = document.find(BEGIN), document.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the document has no {BEGIN} ... {END} section")
    return document[:start] + generate() + document[end + len(END):]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m civiq.protocol.doc",
                                 description="Regenerate or check docs/protocol.md.")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="regenerate the section in place")
    mode.add_argument("--check", action="store_true", help="exit 1 if it is out of date")
    ap.add_argument("--path", type=Path, default=DEFAULT_PATH)
    args = ap.parse_args(argv)
    try:
        current = args.path.read_text(encoding="utf-8")
        fresh = render(current)
    except (OSError, ValueError) as exc:
        print(f"{args.path}: {exc}", file=sys.stderr)
        return 2
    if args.write:
        if fresh != current:
            args.path.write_text(fresh, encoding="utf-8")
            print(f"{args.path}: regenerated")
        else:
            print(f"{args.path}: up to date")
        return 0
    if fresh == current:
        print(f"{args.path}: up to date")
        return 0
    diff = difflib.unified_diff(current.splitlines(), fresh.splitlines(),
                                "document", "from the code", lineterm="", n=1)
    print("\n".join(list(diff)[:60]), file=sys.stderr)
    print(f"{args.path} differs from the code: run `python -m civiq.protocol.doc --write`",
          file=sys.stderr)
    return 1


__all__ = ["BEGIN", "END", "generate", "main", "render"]

if __name__ == "__main__":
    raise SystemExit(main())
