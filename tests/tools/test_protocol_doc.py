"""docs/protocol.md and the code must say the same: the generated section is rebuilt in
memory and compared, every command, event, error code and topic must be documented, and
every example in it must be a message the real codec and models accept."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.commands import COMMANDS, EVENT_KINDS, CommandSpec
from civiq.protocol.errors import ErrorCode
from civiq.protocol.models import Model, Reply, TicketInfo
from tools import protocol_doc as doc

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "protocol.md"
FIX = "python -m tools.protocol_doc --write"


def _generated(text: str) -> str:
    return text[text.index(doc.BEGIN):text.index(doc.END)]


def _json_examples(text: str) -> list[dict]:
    blocks = [json.loads(b) for b in re.findall(r"```json\n(.*?)\n```", text, re.S)]
    return [b for b in blocks if "v" in b and "type" in b and "site" in b]


def test_the_document_is_what_the_code_generates() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert doc.render(text) == text, f"docs/protocol.md is out of date: run `{FIX}`"


def test_every_command_event_error_code_and_topic_is_documented() -> None:
    section = _generated(DOC.read_text(encoding="utf-8"))
    for name, spec in COMMANDS.items():
        assert f"### `{name}`" in section, name
        assert spec.summary in section, name
    for kind in EVENT_KINDS:
        assert f"### event `{kind}`" in section, kind
    for code in ErrorCode:
        assert f"| `{code.value}` |" in section, code
    for name, fn in doc.topic_functions().items():
        assert f"`{doc.topic_pattern(fn)}`" in section, name
    for role in topics.ROLES:
        assert f"`{role}`" in section, role


def test_every_example_is_a_message_the_engine_and_clients_accept() -> None:
    examples = _json_examples(_generated(DOC.read_text(encoding="utf-8")))
    kinds = {"command": 0, "reply": 0, "event": 0, "state": 0}
    for raw in examples:
        e = env.decode(json.dumps(raw).encode())  # the real codec, as a receiver would
        if e.type in COMMANDS and e.request_id:  # no_show is a command and an event
            assert e.seq == 0, raw
            assert e.ttl_s is not None, raw  # documented as required
            COMMANDS[e.type].args.model_validate_json(json.dumps(e.data))  # as the engine
            kinds["command"] += 1
        elif e.type == "reply":
            reply = Reply.model_validate(e.data)
            if reply.ok:
                COMMANDS[reply.command].result.model_validate(reply.result)
            else:
                assert reply.error.code in {c.value for c in ErrorCode}
            kinds["reply"] += 1
        elif e.type in EVENT_KINDS:
            model = doc.event_model(e.type)
            assert model is not None, e.type
            model.model_validate(e.data)
            kinds["event"] += 1
        else:
            kinds["state"] += 1
    variants = sum(len(v) for v in doc.recorded_examples()["variants"].values())
    assert variants >= 1  # check_in by booking code
    assert kinds["command"] == len(COMMANDS) + variants
    assert kinds["reply"] == len(COMMANDS) + variants + 1  # and one refusal
    assert kinds["event"] == len(EVENT_KINDS)
    assert kinds["state"] >= 4


def test_issue_ticket_example_shows_the_ticket_a_kiosk_prints() -> None:
    examples = _json_examples(_generated(DOC.read_text(encoding="utf-8")))
    reply = next(x for x in examples
                 if x["type"] == "reply" and x["data"].get("command") == "issue_ticket")
    ticket = TicketInfo.model_validate(reply["data"]["result"]["ticket"])
    assert ticket.number == "A003" and ticket.status == "waiting"
    assert reply["data"]["result"]["ahead"] == 3  # A001, B001, A002
    assert reply["data"]["result"]["eta_min"] == ticket.eta_min


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.protocol_doc", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_check_fails_on_drift_and_write_repairs_it_keeping_hand_written_text(
        tmp_path: Path) -> None:
    original = DOC.read_text(encoding="utf-8")
    hand = "\n## A hand-written note\n\nKept as it is.\n"
    drifted = (original.replace("### `call_next`", "### `call_next_old`", 1)
               .replace(doc.END, doc.END + hand, 1))
    path = tmp_path / "protocol.md"
    path.write_text(drifted, encoding="utf-8")

    check = _run("--check", "--path", str(path))
    assert check.returncode == 1
    assert "--write" in check.stderr and "call_next_old" in check.stderr

    assert _run("--write", "--path", str(path)).returncode == 0
    repaired = path.read_text(encoding="utf-8")
    assert "call_next_old" not in repaired and "### `call_next`" in repaired
    assert hand in repaired
    assert "<!-- appointment-token:begin -->" in repaired  # other hand-written sections too
    assert _run("--check", "--path", str(path)).returncode == 0


def test_a_document_without_markers_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "protocol.md"
    path.write_text("# no markers here\n", encoding="utf-8")
    result = _run("--check", "--path", str(path))
    assert result.returncode == 2
    assert doc.BEGIN in result.stderr


def test_new_commands_and_events_are_picked_up_from_the_registries(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Ring(Model):
        counter: str
        times: int = 1

    class Rang(Model):
        counter: str
        rang: bool

    monkeypatch.setitem(COMMANDS, "ring_bell", CommandSpec(
        "ring_bell", Ring, Rang, frozenset({"counter"}), "Ring the counter's bell."))
    monkeypatch.setitem(EVENT_KINDS, "bell", "a bell rang (CounterEvent)")
    # Picked up: the document cannot be made until the engine's recording shows them.
    with pytest.raises(SystemExit, match="ring_bell") as exc:
        doc.generate()
    assert "tools.protocol_examples" in str(exc.value)
    monkeypatch.delitem(COMMANDS, "ring_bell")
    with pytest.raises(SystemExit, match="bell"):
        doc.generate()


def test_an_undocumented_topic_function_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def state_weather(site: str) -> str:
        return f"{topics.PREFIX}/{site}/state/weather"

    state_weather.__module__ = topics.__name__
    monkeypatch.setattr(topics, "state_weather", state_weather, raising=False)
    with pytest.raises(SystemExit, match="state_weather"):
        doc.generate()
