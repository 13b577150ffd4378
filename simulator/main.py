"""``civiq simulate``: a seeded day at a customer centre against the real engine."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from civiq.cli.support import (
    broker_unreachable,
    cannot_write,
    iso_date,
    number_in,
    positive_float,
    unreachable_message,
)
from civiq.config import ConfigError, load_site_overridden
from simulator.settings import DEFAULT_DAY, SimSettings

log = logging.getLogger(__name__)

DEFAULT_SITE = Path(__file__).resolve().parent.parent / "sites" / "hamburg-wandsbek.toml"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", type=Path, default=DEFAULT_SITE, help="site file (TOML)")
    p.add_argument("--seed", type=int, default=1, help="the same seed gives the same day")
    p.add_argument("--visits", type=_visits, default=300,
                   help="visits in the day (typical centre ~300, city centre ~600)")
    p.add_argument("--day", type=_day, default=None,
                   help=f"the date to simulate (default {DEFAULT_DAY.isoformat()}, a Tuesday; "
                   "--live: the clock's day)")
    p.add_argument("--appointment-share", type=_share, default=0.25,
                   help="share of visits that are booked (0-1, default 0.25)")
    p.add_argument("--no-show", type=_share, default=0.14,
                   help="share of booked visitors who never come")
    p.add_argument("--no-appointments", action="store_true", help="walk-ins only")
    p.add_argument("--out", type=Path, default=Path("simulation-events.csv"),
                   help="events CSV to write (docs/simulation.md)")
    p.add_argument("--live", action="store_true",
                   help="play against a running engine on the site's broker, in wall time")
    p.add_argument("--clock", default=None,
                   help="--live: the engine's clock, e.g. 2026-11-24T08:00:00+01:00@60")
    p.add_argument("--credentials", metavar="FILE", action="append", default=[],
                   help="--live at a secured broker: the credentials of a device the "
                   "simulation plays (a kiosk, a counter, a booking system; repeat)")
    p.add_argument("--broker-host", default=None,
                   help="override the broker host of the site file (the demo's broker)")
    p.add_argument("--broker-port", type=int, default=None,
                   help="override the broker port of the site file (the demo's broker)")
    p.add_argument("--speed", type=positive_float, default=None,
                   help="--live: the clock's pace (default: the factor in --clock, else 1)")
    p.add_argument("--leave-counter", action="append", default=[], metavar="ID",
                   help="a counter no simulated clerk works (a person does, e.g. at the "
                   "demo's counter desk); may be given more than once")
    p.add_argument("--json", action="store_true",
                   help="print the summary as one JSON object instead of sentences")


_day = iso_date("{text!r} is not a date: use YYYY-MM-DD, e.g. 2026-11-24")
_visits = number_in(int, 1, 20_000, "{text}: use 1 to 20000 visits")
_share = number_in(float, 0, 1, "{text}: a share is between 0 and 1, e.g. 0.25")


def _settings(args: argparse.Namespace) -> SimSettings:
    return SimSettings(seed=args.seed, visits=args.visits, day=args.day or DEFAULT_DAY,
                       appointment_share=args.appointment_share,
                       appointment_no_show=args.no_show,
                       appointments=not args.no_appointments,
                       leave_counters=tuple(args.leave_counter))


def run(args: argparse.Namespace) -> int:
    try:
        if args.credentials and not args.live:
            raise ValueError("--credentials is for --live only: without it the simulation "
                             "plays no broker")
        config = load_site_overridden(args.site, broker_host=args.broker_host,
                                      broker_port=args.broker_port)
        settings = _settings(args)
        for cid in settings.leave_counters:
            if config.counter(cid) is None:
                raise ValueError(f"--leave-counter {cid!r}: no such counter in the site file")
        creds = _credentials(config, args.credentials)
        # Before the day is played, not after it (--live: the day's events).
        why = cannot_write(args.out, make_folders=True)
        if why is not None:
            raise ValueError(f"{args.out}: cannot write: {why}")
    except (ConfigError, ValueError) as exc:
        print(f"civiq simulate: {exc}", file=sys.stderr)
        return 2
    if args.live:
        return _run_live(args, config, settings, creds)
    from simulator.runner import simulate, summary

    if not args.json:
        print(f"civiq simulate: {settings.day:%a %d.%m.%Y} at {config.site.name}, "
              f"{settings.visits} visits, seed {settings.seed}; events go to "
              f"{args.out.resolve()}", flush=True)
    try:
        result = simulate(config, settings)
    except ValueError as exc:
        print(f"civiq simulate: {exc}", file=sys.stderr)
        return 2
    if not write_events(result.result.rows, args.out):
        return 2
    figures = summary(result)
    figures["site_counters"] = len(config.counters)
    if args.json:
        print(json.dumps(figures))
    else:
        print(human_summary(figures))
        print(f"events written to {args.out.resolve()} (columns: docs/simulation.md)")
    return 0


def human_summary(s: dict) -> str:
    """A few sentences for a person; ``--json`` gives the same figures to programs."""
    lines = [
        f"{s['walk_ins']} walk-in tickets and {s['check_ins']} appointment check-ins; "
        f"{s['refused']} visitors turned away (ticket stop or closed)",
        f"{s['served']} served, {s['no_shows']} did not come when called, "
        f"{s['transfers']} transferred",
        f"wait until called: {s['mean_wait_min']:g} min on average, 90 % within "
        f"{s['p90_wait_min']:g} min",
    ]
    staffed, site = s["counters"], s["site_counters"]
    if staffed > site:
        lines.append(f"counters staffed: {staffed}: the site has {site}, the simulation "
                     f"added {staffed - site} to serve the visits in the day's opening "
                     "hours (fewer --visits keeps to the site's own)")
    else:
        lines.append(f"counters staffed: {staffed} of the site's {site}")
    lines.append(f"{s['events']} events in {s['seconds']:g} s")
    return "\n".join(lines)


def _run_live(args: argparse.Namespace, config, settings: SimSettings,
              creds: dict) -> int:
    from civiq.clock import clock_from_spec
    from simulator.live import run_live

    try:
        clock = clock_from_spec(args.clock)
    except ValueError as exc:
        print(f"civiq simulate: {exc}", file=sys.stderr)
        return 2
    if args.day is None:
        settings = dataclasses.replace(settings, day=config.local_day(clock.now()))
    speed = args.speed or (float(args.clock.partition("@")[2] or 1) if args.clock else 1.0)
    why = broker_unreachable(config.broker)
    if why is not None:
        print(f"civiq simulate: {unreachable_message(config.broker, why)}; --live plays "
              "against a running engine (civiq engine, or civiq demo)", file=sys.stderr)
        return 3
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    print(f"civiq simulate: playing {settings.day:%a %d.%m.%Y} at {speed:g}x against the "
          f"engine; events go to {args.out.resolve()}", flush=True)
    try:
        result = run_live(config, settings, clock, speed, stop, credentials=creds)
    except TimeoutError as exc:
        print(f"civiq simulate: {exc}", file=sys.stderr)
        return 3
    if not write_events(result.rows, args.out):
        return 2
    print(f"{len(result.rows)} events written to {args.out.resolve()}")
    return 0


def write_events(rows: list, out: Path) -> bool:
    """The events CSV at ``out``; if it cannot be written after all (the disk filled
    up, the folder went during the day), a copy in the temporary folder, so that the
    day played is not lost, and False."""
    import tempfile

    from simulator import events_csv

    try:
        events_csv.write(rows, out)
        return True
    except OSError as exc:
        why = exc.strerror or str(exc)
    fd, name = tempfile.mkstemp(prefix="civiq-simulate-", suffix=".csv")
    os.close(fd)
    try:
        events_csv.write(rows, Path(name))
    except OSError as exc:
        print(f"civiq simulate: {out}: cannot write: {why}; nor {name}: "
              f"{exc.strerror or exc}: the {len(rows)} events are lost", file=sys.stderr)
        return False
    print(f"civiq simulate: {out}: cannot write: {why}; the {len(rows)} events are in "
          f"{name} instead", file=sys.stderr)
    return False


def _credentials(config, files: list[str]) -> dict:
    """Per role played (kiosk, counter, booking), the config with that device's user;
    ConfigError for an unusable file, another role, or a second file for one role."""
    from civiq.credentials import apply_credentials

    out = {}
    for f in files:
        cfg = apply_credentials(config, Path(f))
        role = cfg.broker.role
        if role not in ("kiosk", "counter", "booking"):
            raise ConfigError(f"{f}: credentials for role {role!r}; the simulation "
                              "plays a kiosk, a counter and a booking system")
        if role in out:
            raise ConfigError(f"{f}: a second credentials file for role {role!r} (the first "
                              f"is {out[role].broker.credentials}); give one per role")
        out[role] = cfg
    return out
