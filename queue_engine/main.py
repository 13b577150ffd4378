"""``civiq engine --site FILE``: the site's queue engine."""

from __future__ import annotations

import argparse
import sys

from civiq.clock import clock_from_spec
from civiq.config import ConfigError, load_site_overridden


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", required=True, help="the site's TOML file")
    p.add_argument("--broker-host", help="override the broker host of the site file")
    p.add_argument("--broker-port", type=int, help="override the broker port of the site file")
    p.add_argument("--data", help="override the data folder of the site file")
    p.add_argument("--database-url", help="any SQLAlchemy URL; default SQLite in the data folder")
    p.add_argument("--clock", help="ISO start time with offset, optionally @speed-up factor, "
                   "e.g. 2026-11-24T08:00:00+01:00@60 (demos and simulations)")


def run(args: argparse.Namespace) -> int:
    from queue_engine.service import run as run_engine

    try:
        cfg = load_site_overridden(args.site, broker_host=args.broker_host,
                                   broker_port=args.broker_port,
                                   data_folder=args.data)
        clock = clock_from_spec(args.clock)
    except (ConfigError, ValueError) as exc:
        print(f"civiq engine: {exc}", file=sys.stderr)
        return 2
    return run_engine(cfg, clock, database_url=args.database_url)
