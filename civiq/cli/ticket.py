"""``civiq ticket issue | list | cancel | transfer | call``: run and repair a site's queue
from a terminal, over the protocol as role ``operator`` (the engine stays the only
writer). ``list`` reads the retained ``state/queue`` that every display reads, and under
it the site's device problems from the devices' retained status (as the desk shows them).

Exit codes: 0 done, 1 refused by the engine (the reason is printed), 2 bad option or site
file, 3 no broker or no engine (``list`` of an engine that is not running: its last state,
headed as such, and 3).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from civiq.cli.support import (
    ENGINE_GRACE_S,
    EXIT_UNREACHABLE,
    CliFailure,
    EngineWatch,
    add_connection_arguments,
    connect,
    request,
    site_config,
    site_language,
    ticket_line,
)
from civiq.config import ConfigError, SiteConfig

PROG = "civiq ticket"
LIST_SETTLE_S = 0.3


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions = {
        "issue": "issue a walk-in ticket for a service",
        "list": "list what waits and what each counter has (the retained queue state)",
        "cancel": "withdraw a waiting or parked ticket",
        "transfer": "send a counter's current ticket to another service and/or counter",
        "call": "call the next ticket (or one ticket by number) to a counter",
    }
    for name, help_ in actions.items():
        c = sub.add_parser(name, help=help_, description=help_)
        add_connection_arguments(c, ("operator", "counter"), "ticket-cli")
        c.add_argument("--json", action="store_true", help="print the result as JSON")
        if name == "issue":
            c.add_argument("service", help="service id, e.g. ausweis (see the site file)")
            c.add_argument("--language", help="the visitor's language code, one of the "
                           "site file's [site] languages (default: the first of them)")
            c.add_argument("--priority", type=int, choices=range(10), default=0,
                           metavar="0-9", help="manual priority (default 0)")
        elif name == "cancel":
            c.add_argument("number", help="ticket number, e.g. A012")
        elif name == "transfer":
            c.add_argument("counter", help="the counter whose current ticket moves")
            c.add_argument("--to-service", help="the service it now waits for")
            c.add_argument("--to-counter", help="only this counter may call it")
        elif name == "call":
            c.add_argument("counter", help="counter id, e.g. platz-1")
            c.add_argument("number", nargs="?", help="this ticket (default: the next one)")


def run(args: argparse.Namespace) -> int:
    try:
        cfg = site_config(args)
        if args.action == "transfer" and not (args.to_service or args.to_counter):
            raise CliFailure("transfer: name --to-service or --to-counter (or both)", 2)
        if args.action == "issue":
            args.language = site_language(args.language, cfg)
        if args.action == "list":
            watch = EngineWatch(cfg)
            client = connect(cfg, args.role, args.client_id, args.timeout, watch=watch)
            try:
                return _list(args, cfg, client, watch)
            finally:
                client.stop()
        client = connect(cfg, args.role, args.client_id, args.timeout, site_file=args.site)
        try:
            command, data = _command(args)
            result = request(client, cfg, args.site, command, data, args.timeout)
        finally:
            client.stop()
    except ConfigError as exc:
        print(f"{PROG} {args.action}: {exc}", file=sys.stderr)
        return 2
    except CliFailure as exc:
        print(f"{PROG} {args.action}: {exc}", file=sys.stderr)
        return exc.exit_code
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(_describe(args, cfg, result))
    return 0


def _command(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    if args.action == "issue":
        return "issue_ticket", {"service": args.service, "language": args.language,
                                "priority": args.priority}
    if args.action == "cancel":
        return "cancel", {"number": args.number.upper()}
    if args.action == "transfer":
        data = {"counter": args.counter}
        if args.to_service:
            data["to_service"] = args.to_service
        if args.to_counter:
            data["to_counter"] = args.to_counter
        return "transfer", data
    if args.number:
        return "call_ticket", {"counter": args.counter, "number": args.number.upper()}
    return "call_next", {"counter": args.counter}


def _describe(args: argparse.Namespace, cfg: SiteConfig, result: dict) -> str:
    ticket = result.get("ticket")
    # A call finishes the counter's previous ticket (the engine says which): said too,
    # or a clerk's visitor would be finished behind the operator's back.
    ended = result.get("finished")
    ended = f"; {ended['number']} {ended['status']}" if ended else ""
    if ticket is None:
        return f"{args.counter}: nothing waiting for this counter{ended}"
    service = cfg.service(ticket["service"])
    name = service.name("en") if service else ticket["service"]
    number = ticket["number"]
    if args.action == "issue":
        return ticket_line(number, name, result)
    if args.action == "cancel":
        return f"{number}: {ticket['status']}"
    if args.action == "transfer":
        to = f" for counter {ticket['counter']}" if ticket.get("counter") else ""
        return f"{number}: back in the queue for {name}{to}"
    counter = cfg.counter(args.counter)
    return (f"{number} ({name}) called to {counter.name if counter else args.counter}"
            f"{ended}")


def _list(args: argparse.Namespace, cfg: SiteConfig, client: Any, watch: EngineWatch
          ) -> int:
    """The retained queue state; when the engine is not running, the last one it
    published, headed as such, and exit 3: it is no longer the queue."""
    import time
    from datetime import UTC

    from civiq.protocol import topics
    from civiq.transport.devices import DeviceProblems
    from civiq.transport.state import SiteStateModel

    model = SiteStateModel(cfg.site.id)
    got = threading.Event()
    devices = DeviceProblems(cfg.site.id)
    lock = threading.Lock()

    def on_device(topic: str, payload: bytes, _props: object) -> None:
        with lock:
            devices.apply(topic, payload, datetime.now(UTC))

    def on_state(topic: str, payload: bytes, _props: object) -> None:
        if model.apply(topic, payload) and model.snapshot.queue is not None:
            got.set()

    start = time.monotonic()
    client.route(devices.topic_filter(), on_device)
    client.route(topics.state_queue(cfg.site.id), on_state)
    ok = got.wait(min(args.timeout, ENGINE_GRACE_S))
    if not ok and watch.down() is None:
        ok = got.wait(max(0.0, args.timeout - (time.monotonic() - start)))
    # The retained state may be a moment behind the last commands (the engine coalesces
    # it): take whatever newer state arrives within a short settle time.
    threading.Event().wait(LIST_SETTLE_S)
    down = watch.down()
    start_it = f"Start it with: civiq engine --site {args.site}"
    if not ok:
        why = (f"{down}, and the broker holds no queue state of it" if down else
               f"no queue state for site {cfg.site.id} on the broker within "
               f"{args.timeout:g} s; is the engine running?")
        raise CliFailure(f"{why}. {start_it}", EXIT_UNREACHABLE)
    q = model.snapshot.queue
    if args.json:
        print(q.model_dump_json(indent=2))
    else:
        if down:
            at = watch.last_state_at or model.snapshot.last_update
            print(f"NOT CURRENT: {down}. The last state it published"
                  + (f", at {watch.when(at)}" if at else "") + ":")
        print(_render_list(q, cfg))
        with lock:
            problems = devices.problems()
        if problems:
            print(_render_devices(problems, watch.when))
    if down:
        raise CliFailure(f"{down}: the list is the last state it published, not the queue "
                         f"now. {start_it}", EXIT_UNREACHABLE)
    return 0


def _render_list(q: Any, cfg: SiteConfig) -> str:
    tz = cfg.tz
    lines = [f"{cfg.site.name} — {q.day}: {q.issued_today} issued, {q.served_today} served"]
    lines.append("counters:")
    for c in q.counters:
        status = c.status.value + (f" ({c.pause_reason})" if c.pause_reason else "")
        cur = f"  {c.current.number} {c.current.status.value}" if c.current else ""
        lines.append(f"  {c.id:<12} {c.name:<12} {status:<18}{cur}".rstrip())
    waiting = len(q.waiting) + q.waiting_unlisted
    lines.append(f"waiting: {waiting}")
    for w in q.waiting:
        arrived = w.arrival.astimezone(tz)
        notes = [w.kind.value]
        if w.parked:
            notes.append("parked")
        if w.priority:
            notes.append(f"priority {w.priority}")
        if w.counter:
            notes.append(f"for {w.counter}")
        eta = f"~{w.eta_min:.0f} min" if w.eta_min is not None else ""
        lines.append(f"  {w.number:<6} {w.service:<16} since {arrived:%H:%M}  {eta:<8} "
                     f"{', '.join(notes)}".rstrip())
    if q.waiting_unlisted:
        lines.append(f"  … and {q.waiting_unlisted} more not listed")
    return "\n".join(lines)


_PROBLEM_WORDS = {"printer_paper_out": "paper out", "printer_paper_near_end": "paper low",
                  "printer_offline": "printer not responding",
                  "clock_behind": "out of service: its clock is behind the engine's"}


def _render_devices(problems: list[Any], when: Callable[[datetime], str]) -> str:
    """The site's device problems, one a line: ``kiosk-1  kiosk  paper out``; ``when``
    writes a time as the rest of the command does (with its date unless today)."""
    lines = ["device problems:"]
    for p in problems:
        if p.kind == "offline":
            what = "offline" + (f" since {when(p.since)}" if p.since is not None else "")
        else:
            what = _PROBLEM_WORDS.get(p.kind, p.kind)
        lines.append(f"  {p.device:<12} {p.role:<8} {what}")
    return "\n".join(lines)
