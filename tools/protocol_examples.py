"""``python -m tools.protocol_examples --write``: record the examples of docs/protocol.md
from the real engine.

A real :class:`QueueEngine` on a temporary SQLite file, with a manual clock (Tuesday
2026-11-24, 09:00 in Hamburg) as the site's day and as the wall clock, plays one short
morning: counters open, kiosks issue tickets, a clerk calls, recalls, parks, transfers,
bookings are imported and checked in. Every command the scenario sends, the reply the
engine gave, every event kind and the retained state are written to
``tools/protocol_examples.json``, which ``python -m tools.protocol_doc --write`` renders
into the document. tests/queue_engine/test_protocol_examples.py records again and fails
when the engine's behaviour and the recording differ, so the examples cannot drift.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from civiq.appointments.token import booking_code, load_private_key, sign_token
from civiq.clock import ManualClock
from civiq.config import load_site
from civiq.protocol import topics
from civiq.protocol.commands import COMMANDS, EVENT_KINDS
from queue_engine.engine import QueueEngine
from queue_engine.messages import Inbound, Outbound
from queue_engine.store.repository import open_store
from tools.protocol_doc import DEMO_TOKEN, EXAMPLES_PATH

ROOT = Path(__file__).resolve().parent.parent
SITE_FILE = ROOT / "sites" / "hamburg-wandsbek.toml"
#: 09:00 in Hamburg.
START = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
TTL_S = 9
#: BK-4's booking code: what the booking system prints under its QR code and imports.
BK4_CODE = booking_code(sign_token(
    load_private_key(ROOT / "sites" / "keys" / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem"),
    "demo", "BK-4", "hh-wandsbek", date(2026, 11, 24),
    datetime(2026, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=1)))))


class Recorder:
    def __init__(self, folder: Path) -> None:
        self.config = load_site(SITE_FILE, data={"folder": str(folder)})
        self.store = open_store(self.config.database_url())
        self.clock = ManualClock(START)
        self.engine = QueueEngine(self.config, self.store, self.clock, wall=self.clock)
        self.site = self.config.site.id
        self.commands: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self.state: dict[str, dict[str, Any]] = {}
        self.refusal: dict[str, Any] | None = None
        self.variants: dict[str, list[dict[str, Any]]] = {}
        self._sent = 0

    def close(self) -> None:
        self.store.dispose()

    def _record_events(self, out: list[Outbound]) -> None:
        for o in out:
            kind = topics.event_kind(o.topic)
            if kind is not None:
                self.events.setdefault(kind, json.loads(o.payload))

    def send(self, role: str, client: str, command: str, data: dict[str, Any],
             *, example: bool = False, variant: str = "",
             age_s: float = 0) -> dict[str, Any]:
        """Send one command; with ``example`` it becomes the command's documented
        example. Returns the reply envelope."""
        self._sent += 1
        rid = f"{command.replace('_', '-')}-{self._sent:02d}"
        ts = self.clock.now() - timedelta(seconds=age_s)
        cmd = {"v": 1, "site": self.site, "seq": 0, "ts": ts.isoformat().replace(
            "+00:00", "Z"), "type": command, "request_id": rid, "ttl_s": TTL_S, "data": data}
        out = self.engine.handle_batch([Inbound(topics.command(self.site, role, client),
                                                json.dumps(cmd).encode(), rid.encode())])
        self._record_events(out)
        reply = next(json.loads(o.payload) for o in out
                     if o.topic == topics.reply(self.site, client))
        if example:
            self.commands[command] = {"role": role, "command": cmd, "reply": reply}
        if variant:
            self.variants.setdefault(command, []).append(
                {"what": variant, "role": role, "command": cmd, "reply": reply})
        self.clock.advance(20)
        return reply

    def ok(self, role: str, client: str, command: str, data: dict[str, Any],
           example: bool = False, variant: str = "") -> dict[str, Any]:
        reply = self.send(role, client, command, data, example=example, variant=variant)
        if not reply["data"]["ok"]:
            raise RuntimeError(f"{command} {data}: {reply['data']['error']}")
        return reply["data"]["result"]

    def play(self) -> None:
        c = "counter"
        self.ok("booking", "termine", "import_appointments", {"appointments": [
            {"booking_id": "BK-1", "service": "fuehrerschein",
             "slot_start": "2026-11-24T09:15:00+01:00", "slot_minutes": 15},
            {"booking_id": "BK-2", "service": "fuehrerschein",
             "slot_start": "2026-11-24T11:30:00+01:00", "slot_minutes": 15},
            {"booking_id": "BK-3", "service": "ausweis",
             "slot_start": "2026-11-24T08:45:00+01:00", "slot_minutes": 15},
            {"booking_id": "BK-4", "service": "ausweis",
             "slot_start": "2026-11-24T09:30:00+01:00", "slot_minutes": 15,
             "code": BK4_CODE},
        ]}, example=True)
        self.ok("operator", "dienstplan", "set_roster", {"day": "2026-11-24", "counters": [
            {"counter": "platz-3", "shifts": ["08:00-16:30"], "breaks": ["12:00-12:30"]},
            {"counter": "platz-5", "shifts": ["09:00-18:00"], "breaks": ["13:00-13:30"],
             "services": ["melde", "ausweis"]},
        ]}, example=True)
        self.ok(c, "platz-3", "open_counter", {"counter": "platz-3", "clerk": "mmeyer"},
                example=True)
        self.ok(c, "platz-5", "open_counter", {"counter": "platz-5"})
        for service in ("ausweis", "melde", "ausweis"):
            self.ok("kiosk", "kiosk-1", "issue_ticket", {"service": service})
        self.ok("kiosk", "kiosk-1", "issue_ticket", {"service": "ausweis", "language": "tr"},
                example=True)
        self.clock.advance(120)
        self.ok(c, "platz-3", "call_next", {"counter": "platz-3"}, example=True)
        self.ok(c, "platz-3", "recall", {"counter": "platz-3"}, example=True)
        self.ok(c, "platz-3", "start", {"counter": "platz-3"}, example=True)
        self.clock.advance(360)
        self.ok(c, "platz-3", "finish", {"counter": "platz-3"}, example=True)
        self.ok(c, "platz-3", "call_next", {"counter": "platz-3"})
        self.clock.advance(120)
        self.ok(c, "platz-3", "no_show", {"counter": "platz-3"}, example=True)
        parked = self.ok(c, "platz-3", "call_next", {"counter": "platz-3"})["ticket"]
        self.ok(c, "platz-3", "start", {"counter": "platz-3"})
        self.ok(c, "platz-3", "park", {"counter": "platz-3"}, example=True)
        self.clock.advance(240)
        self.ok(c, "platz-3", "call_ticket", {"counter": "platz-3",
                                               "number": parked["number"]}, example=True)
        self.ok(c, "platz-3", "start", {"counter": "platz-3"})
        self.ok(c, "platz-3", "transfer", {"counter": "platz-3", "to_service": "melde",
                                            "note": "Meldebescheinigung fehlt"}, example=True)
        last = self.ok("kiosk", "kiosk-2", "issue_ticket", {"service": "melde"})["ticket"]
        self.ok(c, "platz-5", "set_priority", {"number": last["number"], "priority": 1},
                example=True)
        self.ok("kiosk", "kiosk-2", "cancel", {"number": last["number"]}, example=True)
        self.ok(c, "platz-5", "pause_counter", {"counter": "platz-5", "reason": "break"},
                example=True)
        self.ok("booking", "termine", "cancel_appointment", {"booking_id": "BK-2"},
                example=True)
        self.ok("kiosk", "kiosk-1", "check_in", {"token": DEMO_TOKEN}, example=True)
        self.ok("kiosk", "kiosk-2", "check_in", {"booking_code": BK4_CODE, "language": "en"},
                variant="With the booking code typed on the keypad instead of a scan")
        self.ok("booking", "termine", "list_appointments", {"day": "2026-11-24"},
                example=True)
        self.clock.advance(60)
        self._record_events(self.engine.expire_appointments())  # BK-3 never came
        # A kiosk that gave up long ago: the broker delivers its command only now.
        self.refusal = self.send("kiosk", "kiosk-1", "issue_ticket", {"service": "ausweis"},
                                 age_s=45)
        self.ok(c, "platz-3", "call_next", {"counter": "platz-3"})
        for o in self.engine.state_messages():
            key = "state_queue" if o.topic == topics.state_queue(self.site) else "state_calls"
            self.state[key] = json.loads(o.payload)
        self.state["state_engine"] = json.loads(self.engine.engine_state(True))
        self.state["engine_will"] = json.loads(self.engine.engine_state(False))
        self.ok(c, "platz-5", "close_counter", {"counter": "platz-5"}, example=True)

    def recording(self) -> dict[str, Any]:
        missing = (set(COMMANDS) - set(self.commands)) | (set(EVENT_KINDS) - set(self.events))
        if missing:
            raise RuntimeError(f"the scenario has no example of {sorted(missing)}")
        return {
            "commands": {name: self.commands[name] for name in COMMANDS},
            "events": {kind: self.events[kind] for kind in EVENT_KINDS},
            "state": self.state,
            "refusal": self.refusal,
            "variants": self.variants,
        }


def record() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="civiq-examples-") as folder:
        rec = Recorder(Path(folder))
        try:
            rec.play()
            return rec.recording()
        finally:
            rec.close()


def render(recording: dict[str, Any]) -> str:
    return json.dumps(recording, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.protocol_examples",
                                 description="Record docs/protocol.md's examples from the "
                                 "real engine.")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help=f"write {EXAMPLES_PATH.name}")
    mode.add_argument("--check", action="store_true", help="exit 1 if it is out of date")
    args = ap.parse_args(argv)
    text = render(record())
    if args.check:
        if EXAMPLES_PATH.read_text(encoding="utf-8") != text:
            print(f"{EXAMPLES_PATH} is out of date: run `python -m tools.protocol_examples "
                  "--write` and `python -m tools.protocol_doc --write`", file=sys.stderr)
            return 1
        return 0
    EXAMPLES_PATH.write_text(text, encoding="utf-8")
    print(f"{EXAMPLES_PATH}: recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
