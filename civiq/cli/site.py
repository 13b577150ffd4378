"""``civiq site --site FILE``: a whole site on one machine, for real (a mobile or pop-up
customer centre on one laptop).

Starts the site broker with its secured configuration (made on first use: loopback only,
a user per device), the engine, and the apps that exist (display, kiosk, counter) as
windows, each with its own credentials. It needs no network: the engine serves from the
laptop's broker all day; when the configuration has a bridge (``civiq broker-config site
--central``), the broker syncs to central whenever a link is up. Ctrl-C stops it all.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from broker_config.cli import broker_dir
from broker_config.generate import GenerateError, SiteBroker, write_site
from broker_config.mosquitto import BrokerError, Mosquitto, reachable_by_broker_user
from broker_config.users import UsersError, UserStore
from civiq.cli import available
from civiq.cli.demo import _civiq
from civiq.cli.support import has_screen
from civiq.config import ConfigError, SiteConfig, load_site


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", required=True, help="the site's TOML file")
    p.add_argument("--broker-dir", type=Path, help="the site broker's folder (default: the "
                   "site file's [broker] config_dir, else the data folder's broker/)")
    p.add_argument("--headless", action="store_true", help="broker and engine only")
    p.add_argument("--kiosk-full-screen", action="store_true",
                   help="the kiosk locked full screen, frameless and always on top, as on a "
                   "kiosk's own machine (default: an ordinary window beside the desks)")
    p.add_argument("--duration", type=float, default=0, help=argparse.SUPPRESS)  # tests


#: The kiosk's window on a laptop's screen (the kiosk's default is a portrait 1080x1920).
KIOSK_WINDOW = ["--window", "--size", "720x1100"]


def devices(cfg: SiteConfig, *, kiosk_full_screen: bool = False
            ) -> dict[str, tuple[str, list[str]]]:
    """user -> (subcommand, its options) for the apps this installation can start; each
    one it cannot is named on the terminal in one line. The apps share one screen, so
    the kiosk is a window like the others unless ``kiosk_full_screen`` (it would cover
    the desks and keep the keyboard)."""
    out: dict[str, tuple[str, list[str]]] = {}
    if available("display", "civiq site"):
        out["display-1"] = ("display", [])
    if cfg.kiosks and available("kiosk", "civiq site"):
        for k in cfg.kiosks:
            out[k.id] = ("kiosk", ["--id", k.id, *([] if kiosk_full_screen else KIOSK_WINDOW)])
    if available("counter", "civiq site"):
        for c in cfg.counters:
            # The desk's id comes from its credentials (its broker user).
            user = (c.devices or [c.id])[0]
            out[user] = ("counter", ["--counter", c.id])
    return out


def run(args: argparse.Namespace) -> int:
    try:
        cfg = load_site(args.site)
        folder = args.broker_dir or broker_dir(cfg)
        conf = folder / "mosquitto.conf"
        if not conf.is_file():
            # First start: a broker for this machine only (no network listener). For a
            # LAN listener or the bridge to central: civiq broker-config site.
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o755)
            write_site(SiteBroker(cfg.site.id, folder, port=cfg.broker.port, lan_port=None,
                                  run_as=None if reachable_by_broker_user(folder) else "root"))
        users = UserStore(folder, "site", cfg.site.id)
        apps = (devices(cfg, kiosk_full_screen=args.kiosk_full_screen)
                if has_screen() and not args.headless else {})
        creds = {"engine": users.ensure("engine", "engine")}
        role_of = {"display": "display", "kiosk": "kiosk", "counter": "counter"}
        for user, (cmd, _) in apps.items():
            creds[user] = users.ensure(user, role_of[cmd])
        users.write_acl()  # this version's rules for every role, users kept as they are
        broker = Mosquitto(cfg.broker.port, config_file=conf).start()
    except (ConfigError, GenerateError, UsersError, BrokerError, OSError) as exc:
        print(f"civiq site: {exc}", file=sys.stderr)
        return 2
    logdir = cfg.data_folder() / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    children: list[tuple[str, subprocess.Popen]] = []

    def spawn(name: str, argv: list[str]) -> None:
        fh = (logdir / f"{name}.log").open("ab")
        children.append((name, subprocess.Popen(argv, stdout=fh, stderr=subprocess.STDOUT,
                                                start_new_session=True)))

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(f"civiq site: {cfg.site.name} on this machine: broker 127.0.0.1:{cfg.broker.port} "
          f"({conf}), logs in {logdir}", flush=True)
    try:
        spawn("engine", _civiq("engine", "--site", args.site, "--credentials",
                               str(creds["engine"])))
        for user, (cmd, extra) in apps.items():
            spawn(f"{cmd}-{user}", _civiq(cmd, "--site", args.site, "--credentials",
                                          str(creds[user]), *extra))
        deadline = time.monotonic() + args.duration if args.duration else None
        while not stop.wait(0.5):
            engine = children[0][1]
            if engine.poll() is not None:
                print(f"civiq site: the engine exited ({engine.returncode}); see "
                      f"{logdir / 'engine.log'}", file=sys.stderr)
                return 1
            if deadline and time.monotonic() >= deadline:
                break
    except KeyboardInterrupt:
        pass
    finally:
        for _, proc in children:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for _, proc in children:
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        broker.stop()
    print("civiq site: stopped", flush=True)
    return 0
