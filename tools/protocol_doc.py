"""docs/protocol.md: the parts that follow from the code, generated from the code.

The schema sections (topics, envelope, commands with roles and replies, events, retained
state, error codes, every message body's JSON schema, with examples) come from the
registries — ``civiq.protocol.topics``, ``COMMANDS``, ``EVENT_KINDS``, ``ERROR_DESCRIPTIONS`` and
the pydantic models in ``civiq.protocol`` — and sit between two markers; the prose around
them is written by hand and kept as it is.

    python -m tools.protocol_doc --write   # regenerate the section in place
    python -m tools.protocol_doc --check   # exit 1 when the document and the code differ

Examples are what the real engine sent: ``python -m tools.protocol_examples --write``
plays a short morning on a real QueueEngine and records every command, reply, event and
state in ``protocol_examples.json`` beside this file (a test records again and compares), and
this generator renders that recording. Only a device's status, which no engine sends, is
made here.

    python -m tools.protocol_examples --write   # after changing the engine's behaviour
"""

from __future__ import annotations

import argparse
import difflib
import enum
import functools
import importlib
import inspect
import json
import pkgutil
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import civiq.protocol
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.commands import COMMANDS, EVENT_KINDS
from civiq.protocol.errors import ERROR_DESCRIPTIONS, ErrorCode
from civiq.protocol.models import (
    CallsState,
    DeviceStatus,
    EngineState,
    Model,
    QueueState,
)

BEGIN = "<!-- generated:begin -->"
END = "<!-- generated:end -->"
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "docs" / "protocol.md"

SITE = "hh-wandsbek"
#: Every example happens on Tuesday 2026-11-24 in Hamburg, shortly after 09:00.
T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


# ----- topics ---------------------------------------------------------------------------
TOPICS = topics.TOPICS
_NOT_TOPICS = {"check_id"}


def topic_functions() -> dict[str, Callable[..., str]]:
    """Every function of civiq.protocol.topics that builds a topic or a filter, in file order."""
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
    names = [i.name for i in pkgutil.iter_modules(civiq.protocol.__path__)]
    # The core bodies first, then the commands, then whatever else was added.
    names.sort(key=lambda n: ({"models": 0, "commands": 1}.get(n, 2), n))
    return [importlib.import_module(f"civiq.protocol.{n}") for n in names]


def all_models() -> dict[str, type[BaseModel]]:
    """Every message body defined in civiq.protocol, module by module, in file order."""
    return dict(_scanned_models())


@functools.cache
def _scanned_models() -> dict[str, type[BaseModel]]:
    """:func:`all_models`, scanned once (the modules' classes do not change); not to be
    changed by a caller."""
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
    return _scanned_models().get(m.group(1)) if m else None


# ----- examples -------------------------------------------------------------------------
#: The recording of the real engine (see the module's doc).
EXAMPLES_PATH = Path(__file__).resolve().parent / "protocol_examples.json"

#: The documented demo token (docs/protocol.md, "Appointment QR token"): booking BK-1,
#: 09:15 on 2026-11-24, signed with the demo key in sites/keys/.
DEMO_TOKEN = (
    "CQ1.demo.eyJiIjoiQkstMSIsInMiOiJoaC13YW5kc2JlayIsImQiOiIyMDI2LTExLTI0IiwidCI6IjIwMjYt"
    "MTEtMjRUMDk6MTU6MDArMDE6MDAifQ.gYM0meNHiXjbHUqULEghGetblIgHhfqWj0nfDXIr9k5HLRr0xhlFsOy"
    "Mpvdx2kKRWBbifp8F9pKh03rcT8n1Bw"
)


def recorded_examples() -> dict[str, Any]:
    """The recording, checked against the command and event registries."""
    recorded = json.loads(EXAMPLES_PATH.read_text(encoding="utf-8"))
    missing = sorted((set(COMMANDS) - set(recorded["commands"]))
                     | (set(EVENT_KINDS) - set(recorded["events"])))
    if missing:
        raise SystemExit(f"no example recorded from the engine for {', '.join(missing)}: "
                         "add it to the scenario in tools/protocol_examples.py and run "
                         "`python -m tools.protocol_examples --write`")
    return recorded


def _recorded(message: dict[str, Any]) -> str:
    env.decode(json.dumps(message).encode())  # an example must survive the real codec
    return json.dumps(message, indent=2, ensure_ascii=False)


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
        raise SystemExit(f"tools.protocol_doc: topic function(s) {', '.join(missing)} have "
                         "no entry in civiq.protocol.topics.TOPICS: describe them there")
    out = ["## Topics", "",
           "| topic | retained | QoS | published by | body | what |",
           "| --- | --- | --- | --- | --- | --- |"]
    for name, fn in fns.items():
        d = TOPICS[name]
        retained = "—" if d.retained is None else "yes" if d.retained else "no"
        out.append(f"| `{topic_pattern(fn)}` | {retained} | {d.qos} | {d.publisher} "
                   f"| {d.body} | {_cell(d.what)} (`topics.{name}`) |")
    out += ["", f"Roles in `cmd/{{role}}/...`: {', '.join(f'`{r}`' for r in topics.ROLES)}. "
            "Site and client ids are 1-64 letters, digits, `_`, `.` or `-` "
            "(`topics.check_id`).", ""]
    return out


def render_envelope() -> list[str]:
    out = ["## Envelope", "", "Every payload on every topic is one JSON object:", ""]
    schema = env.Envelope.model_json_schema()
    required = set(schema.get("required", []))
    out += ["| field | type | required | limits | notes |", "| --- | --- | --- | --- | --- |"]
    for name, sub in schema["properties"].items():
        out.append(f"| `{name}` | {_type_of(sub)} | {'yes' if name in required else 'see notes'} "
                   f"| {_cell(_constraints(sub))} | {_cell(sub.get('description', ''))} |")
    out += ["", f"Schema version: `{env.SCHEMA_VERSION}`. Payloads of "
            f"{env.MAX_PAYLOAD_BYTES:,} bytes or more are refused unread "
            "(`payload_too_large`).", ""]
    return out


def render_commands() -> list[str]:
    out = ["## Commands", "",
           "Sent to `civiq/v1/{site}/cmd/{role}/{client}` with QoS 1, an MQTT 5 response "
           "topic (`civiq/v1/{site}/reply/{client}`), correlation data (the request id) and "
           "a message expiry interval (what is left of the sender's overall timeout); "
           "the envelope's `type` is the command, `data` its arguments, `request_id` and "
           "`ttl_s` are required. Arguments are strict: nothing is coerced, unknown fields "
           "are refused (`invalid_arguments`).", "",
           "| command | roles | arguments | result |", "| --- | --- | --- | --- |"]
    for name, spec in COMMANDS.items():
        out.append(f"| [`{name}`](#{name}) | {', '.join(sorted(spec.roles))} "
                   f"| {_model_link(spec.args)} | {_model_link(spec.result)} |")
    out.append("")
    examples = recorded_examples()
    recorded, variants = examples["commands"], examples.get("variants", {})
    for name, spec in COMMANDS.items():
        example = recorded[name]
        out += [f"### `{name}`", "", spec.summary, "",
                f"Roles: {', '.join(f'`{r}`' for r in sorted(spec.roles))}. "
                f"Arguments: {_model_link(spec.args)}. Result: {_model_link(spec.result)}.", ""]
        out += [f"Command (on `cmd/{example['role']}/...`):", "",
                *_json_block(_recorded(example["command"]))]
        out += ["Reply:", "", *_json_block(_recorded(example["reply"]))]
        for v in variants.get(name, []):
            out += [f"{v['what']} (on `cmd/{v['role']}/...`):", "",
                    *_json_block(_recorded(v["command"]))]
            out += ["Reply:", "", *_json_block(_recorded(v["reply"]))]
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
    recorded = recorded_examples()["events"]
    for kind in EVENT_KINDS:
        out += [f'<a id="event-{kind.replace("_", "-")}"></a>', "",
                f"### event `{kind}`", "", EVENT_KINDS[kind], ""]
        out += _json_block(_recorded(recorded[kind]))
    return out


def render_state() -> list[str]:
    out = ["## Retained state", "",
           "Retained, QoS 1. A client that (re)connects gets the latest of each at once and "
           "can draw everything from them alone.", ""]
    fns = topic_functions()
    recorded = recorded_examples()["state"]
    bodies: dict[str, tuple[type[BaseModel], str]] = {
        "state_queue": (QueueState, _recorded(recorded["state_queue"])),
        "state_calls": (CallsState, _recorded(recorded["state_calls"])),
        "state_engine": (EngineState, _recorded(recorded["state_engine"])),
        # Sent by each device, never by the engine: made here.
        "device_status": (DeviceStatus, _envelope(
            "status", DeviceStatus(online=True, role="kiosk", version="0.1.0",
                                   detail={"printer": "ok"}))),
    }
    for key, (model, text) in bodies.items():
        out += [f"### `{topic_pattern(fns[key])}`", "", f"Body: {_model_link(model)}. "
                f"{TOPICS[key].what[0].upper()}{TOPICS[key].what[1:]}.", ""]
        out += _json_block(text)
    out += ["### The engine's will message", "",
            f"Set at connect time on `{topic_pattern(fns['state_engine'])}` (retained, QoS 1); "
            "the broker publishes it when the engine's connection is lost without a "
            "clean disconnect, and the engine publishes the same on a clean stop:", ""]
    out += _json_block(_recorded(recorded["engine_will"]))
    return out


def render_errors() -> list[str]:
    out = ["## Error codes", "",
           "A refused command gets a reply with `ok: false` and an `error` "
           "([ErrorInfo](#errorinfo)); nothing was changed.", "",
           "| code | meaning |", "| --- | --- |"]
    for code in ErrorCode:
        out.append(f"| `{code.value}` | {_cell(ERROR_DESCRIPTIONS.get(code, ''))} |")
    out += ["", "Example: an `issue_ticket` that reached the engine 45 s after it was sent, "
            "with `ttl_s` 9:", ""]
    out += _json_block(_recorded(recorded_examples()["refusal"]))
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
             "<!-- Generated from the code by `python -m tools.protocol_doc --write`. "
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
    ap = argparse.ArgumentParser(prog="python -m tools.protocol_doc",
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
    print(f"{args.path} differs from the code: run `python -m tools.protocol_doc --write`",
          file=sys.stderr)
    return 1


__all__ = ["BEGIN", "END", "generate", "main", "render"]

if __name__ == "__main__":
    raise SystemExit(main())
