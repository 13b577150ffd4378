"""``civiq device add|revoke|list``: one broker user per device, at the site broker."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from broker_config.acl import SITE_ROLES
from civiq.config import ConfigError, SiteConfig, load_site

#: Roles whose users are no device's: revoking one breaks the site, and what breaks.
RESERVED = {
    "engine": ("the queue engine's own broker user: revoked, the engine is locked out of the "
               "broker at once (no tickets, no calls, the displays show stale state) until "
               "`civiq broker-config site` makes it a new password and the engine restarts "
               "with it"),
    "central": ("the central link's user at this site broker: revoked, central no longer "
                "reads this site's state and events"),
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = sub.add_parser("add", help="create a device's broker user and credentials file")
    a.add_argument("--role", required=True, choices=SITE_ROLES)
    a.add_argument("--id", required=True, help="the device's id: its broker user, MQTT "
                   "client id and the {client} of its topics")
    a.add_argument("--out", type=Path, help="credentials file to write (default: the "
                   "broker folder's credentials/ID.toml)")
    a.add_argument("--replace", action="store_true",
                   help="a new password for an existing device (the old file stops working)")
    r = sub.add_parser("revoke", help="remove a device's user; it is disconnected at once")
    r.add_argument("--id", required=True)
    r.add_argument("--force", action="store_true",
                   help="revoke also the engine's or the central link's own user (the "
                   "site stops working, or central stops seeing it)")
    ls = sub.add_parser("list", help="the site broker's users and their roles")
    for q in (a, r, ls):
        q.add_argument("--site", required=True, help="the site's TOML file")
        q.add_argument("--broker-dir", type=Path,
                       help="the site broker's folder (civiq broker-config site --out)")


def _no_broker_here(args: argparse.Namespace, cfg: SiteConfig, folder: Path) -> str:
    """Why there are no users to change in ``folder``, and where they may be instead.
    Not "make one": a second broker configuration has new passwords for everyone."""
    if args.broker_dir:
        return (f"{folder}: no site broker configuration (mosquitto.conf) in the folder "
                "given as --broker-dir: give the folder that `civiq broker-config site "
                "--out DIR` wrote")
    where = ("the site file's [broker] config_dir" if cfg.broker.config_dir
             else "the data folder's broker/, since the site file has no [broker] config_dir")
    return (f"{folder}: no site broker configuration ({where}); if `civiq broker-config "
            "site --out DIR` wrote it elsewhere, give --broker-dir DIR or set [broker] "
            f'config_dir = "DIR" in {args.site}')


def _unassigned(cfg: SiteConfig, device: str, site_file: str) -> str | None:
    """A reminder when the engine would refuse every command of the counter device
    ``device``: no counter in the site file lists it under ``devices`` (and it is no demo
    site, where a counter without a list takes any counter device)."""
    if any(device in (c.devices or ()) for c in cfg.counters):
        return None
    if cfg.site.demo and any(c.devices is None for c in cfg.counters):
        return None
    return (f"note: no counter in {site_file} lists {device!r} under devices, so the engine "
            f"refuses its commands (forbidden): add it to its counter's [[counters]] "
            f'devices (e.g. devices = ["{device}"]) and restart the engine')


def run(args: argparse.Namespace) -> int:
    from broker_config.cli import broker_dir
    from broker_config.users import UsersError, UserStore, reload_broker

    try:
        cfg = load_site(args.site)
        folder = args.broker_dir or broker_dir(cfg)
        if not (folder / "mosquitto.conf").is_file():
            raise UsersError(_no_broker_here(args, cfg, folder))
        users = UserStore(folder, "site", cfg.site.id)
        if args.action == "list":
            for user, role in sorted(users.roles().items()):
                print(f"{user}\t{role}")
            return 0
        if args.action == "add":
            path = users.add(args.id, args.role, out=args.out, replace=args.replace)
            print(f"{args.role} {args.id}: credentials in {path} (mode 0600; give them to "
                  f"that device only: civiq ... --credentials {path})")
            if args.role == "counter" and (note := _unassigned(cfg, args.id, args.site)):
                print(note, file=sys.stderr)
        else:
            breaks = RESERVED.get(users.roles().get(args.id, ""))
            if breaks and not args.force:
                raise UsersError(f"{args.id} is {breaks}; add --force to revoke it all the "
                                 "same")
            role = users.revoke(args.id)
            print(f"{role} {args.id}: revoked")
        pid = reload_broker(folder)
    except (ConfigError, UsersError, ValueError, OSError) as exc:
        print(f"civiq device: {exc}", file=sys.stderr)
        return 2
    print(f"the broker reloaded its users (pid {pid})" if pid else
          "no broker runs from that folder now: the change holds when it starts")
    return 0
