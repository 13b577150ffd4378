"""``civiq engine --site FILE``: the site's queue engine."""

from __future__ import annotations

import argparse
import logging
import sys

from civiq.appointments.token import is_demo_key
from civiq.cli.support import add_credentials_argument, broker_unreachable, unreachable_message
from civiq.clock import clock_from_spec
from civiq.config import ConfigError, SiteConfig, load_site_overridden


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", required=True, help="the site's TOML file")
    p.add_argument("--broker-host", help="override the broker host of the site file")
    p.add_argument("--broker-port", type=int, help="override the broker port of the site file")
    p.add_argument("--data", help="override the data folder of the site file")
    add_credentials_argument(p)
    p.add_argument("--database-url", help="any SQLAlchemy URL; default SQLite in the data folder")
    p.add_argument("--allow-demo-key", action="store_true",
                   help="start even though the site trusts the demo signing key (whose "
                   "private half is public); for demos and tests")
    p.add_argument("--clock", help="ISO start time with offset, optionally @speed-up factor, "
                   "e.g. 2026-11-24T08:00:00+01:00@60 (demos and simulations)")
    p.add_argument("--log-commands", action="store_true",
                   help="log each command's outcome (command, role, client, ok or error "
                   "code, ticket; no personal data); -v does too")


def demo_key_refusal(cfg: SiteConfig, *, allow: bool = False) -> str | None:
    """Why the engine must not start with this site file, or None. The demo key's private
    half ships with civiq: a site trusting it accepts check-in codes anyone can make."""
    if allow or cfg.site.demo:
        return None
    demo = sorted(k for k, src in cfg.appointments.public_keys.items() if is_demo_key(src))
    if not demo:
        return None
    return (f"{cfg.source}: not starting: [appointments] public_keys trusts the demo key "
            f"{', '.join(demo)}, whose private half is published with civiq (anyone can make "
            "check-in codes it accepts); list only your booking system's keys, or say "
            "demo = true under [site] for a demonstration site (or --allow-demo-key)")


#: ``civiq engine``'s exit code when another engine for the site took its place at the
#: broker (a service manager restarts it, and it takes the place back; see deploy.md).
EXIT_TAKEN_OVER = 4


def run(args: argparse.Namespace) -> int:
    from queue_engine.service import EngineTakenOver
    from queue_engine.service import run as run_engine

    try:
        cfg = load_site_overridden(args.site, broker_host=args.broker_host,
                                   broker_port=args.broker_port,
                                   data_folder=args.data, credentials=args.credentials)
        if cfg.broker.role not in (None, "engine"):
            raise ConfigError(f"{cfg.broker.credentials}: credentials for role "
                              f"{cfg.broker.role!r}, not the engine's")
        clock = clock_from_spec(args.clock)
        refusal = demo_key_refusal(cfg, allow=args.allow_demo_key)
    except (ConfigError, ValueError) as exc:
        print(f"civiq engine: {exc}", file=sys.stderr)
        return 2
    if refusal:
        print(f"civiq engine: {refusal}", file=sys.stderr)
        return 2
    on = args.log_commands or getattr(args, "verbose", False)
    logging.getLogger("civiq.engine.commands").setLevel(logging.INFO if on else logging.WARNING)
    # The engine waits for its broker (a service manager may start it first), but says at
    # once why nothing happens yet.
    why = broker_unreachable(cfg.broker)
    if why is not None:
        print(f"civiq engine: {unreachable_message(cfg.broker, why)}; the engine keeps "
              "trying and serves once the broker is up", file=sys.stderr, flush=True)
    try:
        return run_engine(cfg, clock, database_url=args.database_url)
    except EngineTakenOver as exc:
        print(f"civiq engine: {exc}", file=sys.stderr)
        return EXIT_TAKEN_OVER
