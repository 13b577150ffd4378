"""``civiq simulate``: a seeded day at a customer centre against the real engine."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import signal
import sys
import threading
from datetime import date
from pathlib import Path

from civiq.config import ConfigError, load_site_overridden
from simulator.settings import DEFAULT_DAY, SimSettings

log = logging.getLogger(__name__)

DEFAULT_SITE = Path(__file__).resolve().parent.parent / "sites" / "hamburg-wandsbek.toml"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", type=Path, default=DEFAULT_SITE, help="site file (TOML)")
    p.add_argument("--seed", type=int, default=1, help="the same seed gives the same day")
    p.add_argument("--visits", type=int, default=300,
                   help="visits in the day (typical centre ~300, city centre ~600)")
    p.add_argument("--day", type=date.fromisoformat, default=None,
                   help=f"the date to simulate (default {DEFAULT_DAY.isoformat()}, a Tuesday; "
                   "--live: the clock's day)")
    p.add_argument("--appointment-share", type=float, default=0.25)
    p.add_argument("--no-show", type=float, default=0.14,
                   help="share of booked visitors who never come")
    p.add_argument("--no-appointments", action="store_true", help="walk-ins only")
    p.add_argument("--out", type=Path, default=Path("simulation-events.csv"),
                   help="events CSV to write (docs/simulation.md)")
    p.add_argument("--live", action="store_true",
                   help="play against a running engine on the site's broker, in wall time")
    p.add_argument("--clock", default=None,
                   help="--live: the engine's clock, e.g. 2026-11-24T08:00:00+01:00@60")
    p.add_argument("--broker-host", default=None,
                   help="override the broker host of the site file (the demo's broker)")
    p.add_argument("--broker-port", type=int, default=None,
                   help="override the broker port of the site file (the demo's broker)")
    p.add_argument("--speed", type=float, default=None,
                   help="--live: the clock's pace (default: the factor in --clock, else 1)")


def _settings(args: argparse.Namespace) -> SimSettings:
    return SimSettings(seed=args.seed, visits=args.visits, day=args.day or DEFAULT_DAY,
                       appointment_share=args.appointment_share,
                       appointment_no_show=args.no_show,
                       appointments=not args.no_appointments)


def run(args: argparse.Namespace) -> int:
    try:
        config = load_site_overridden(args.site, broker_host=args.broker_host,
                                      broker_port=args.broker_port)
        settings = _settings(args)
    except (ConfigError, ValueError) as exc:
        print(f"civiq simulate: {exc}", file=sys.stderr)
        return 2
    if args.live:
        return _run_live(args, config, settings)
    from simulator.runner import simulate, summary

    try:
        result = simulate(config, settings, args.out)
    except ValueError as exc:
        print(f"civiq simulate: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(summary(result)))
    print(f"events written to {args.out}")
    return 0


def _run_live(args: argparse.Namespace, config, settings: SimSettings) -> int:
    from civiq.clock import clock_from_spec
    from simulator import events_csv
    from simulator.live import run_live

    try:
        clock = clock_from_spec(args.clock)
    except ValueError as exc:
        print(f"civiq simulate: {exc}", file=sys.stderr)
        return 2
    if args.day is None:
        settings = dataclasses.replace(settings, day=config.local_day(clock.now()))
    speed = args.speed or (float(args.clock.partition("@")[2] or 1) if args.clock else 1.0)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    result = run_live(config, settings, clock, speed, stop)
    events_csv.write(result.rows, args.out)
    print(f"{len(result.rows)} events written to {args.out}")
    return 0
