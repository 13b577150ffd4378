"""``civiq engine --site FILE``: the site's queue engine."""

from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from civiq.appointments.token import is_demo_key
from civiq.cli.support import add_credentials_argument, broker_unreachable, unreachable_message
from civiq.clock import clock_from_spec
from civiq.config import ConfigError, SiteConfig, load_site_overridden

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


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
    try:
        store = open_data(cfg, args.database_url)
    except ConfigError as exc:
        print(f"civiq engine: {exc}", file=sys.stderr)
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
        return run_engine(cfg, clock, database_url=args.database_url, store=store)
    except EngineTakenOver as exc:
        print(f"civiq engine: {exc}", file=sys.stderr)
        return EXIT_TAKEN_OVER


def open_data(cfg: SiteConfig, database_url: str | None) -> Engine:
    """The engine's database, opened and migrated; :class:`ConfigError` naming the data
    folder or the database URL that cannot be used, and why."""
    from queue_engine.store.repository import open_store

    url = database_url or cfg.database_url()
    if database_url is None and cfg.data.database_url is None:
        # The default: SQLite in the data folder (a user's data folder unless --data or
        # [data] folder says otherwise).
        folder = cfg.data_folder()
        why = _unusable_folder(folder)
        if why is not None:
            raise ConfigError(f"data folder {folder} cannot be used: {why}; give one this "
                              "user may write with --data DIR (or [data] folder in the site "
                              "file)")
    try:
        return open_store(url)
    except Exception as exc:
        # SQLAlchemy's ArgumentError, NoSuchModuleError and DBAPIError, a missing driver
        # (ImportError), alembic's CommandError (a database of a later version), OSError
        # making a SQLite file's folder: all are about the URL given, so all are said so.
        raise ConfigError(f"database URL {shown_url(url)} cannot be used: "
                          f"{_database_reason(exc)}") from exc


def _unusable_folder(folder: Path) -> str | None:
    from civiq.cli.support import cannot_write

    if folder.exists() and not folder.is_dir():
        return "it is a file, not a folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return exc.strerror or str(exc)
    return cannot_write(folder / "queue.sqlite3")


def _database_reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)  # a DBAPIError: the driver's own words
    if isinstance(exc, ImportError):
        text = f"its driver is not installed ({exc})"
    elif isinstance(exc, OSError):
        text = f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    else:
        text = str(orig if orig is not None else exc) or type(exc).__name__
    return text.strip().splitlines()[0]


def shown_url(url: str) -> str:
    """The URL as it may be printed: any password as ***, also in one that does not
    parse."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)
