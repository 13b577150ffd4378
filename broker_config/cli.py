"""``civiq broker-config site|central|ca``: write a broker's complete configuration."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from civiq.cli.support import number_in
from civiq.config import ConfigError, SiteConfig, load_site, site_relative

_port = number_in(int, 1, 65535, "{text}: a TCP port is 1-65535")


def broker_dir(cfg: SiteConfig) -> Path:
    """Where the site broker's generated configuration lives."""
    if cfg.broker.config_dir:
        return site_relative(cfg, cfg.broker.config_dir)
    return cfg.data_folder() / "broker"


def host_port(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r}: expected HOST:PORT, e.g. "
                                         "central.example.org:8883")
    return host, int(port)


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    s = sub.add_parser("site", help="a site broker: loopback and TLS listeners, users, "
                       "access list by role, persistence, the bridge to central")
    s.add_argument("--site", required=True, help="the site's TOML file")
    s.add_argument("--out", help="folder to write (default: the site file's [broker] "
                   "config_dir, else the data folder's broker/)")
    s.add_argument("--port", type=_port, help="loopback listener (default: the site file's "
                   "[broker] port)")
    s.add_argument("--lan-port", type=_port, default=8883, help="TLS listener (default 8883)")
    s.add_argument("--lan-address", default="0.0.0.0",
                   help="address of the TLS listener (default: every interface)")
    s.add_argument("--no-lan", action="store_true",
                   help="no network listener: a broker for this machine only")
    s.add_argument("--certs", type=Path, help="folder with ca.crt, server.crt, server.key")
    s.add_argument("--central", type=host_port, help="central broker HOST:PORT (TLS)")
    s.add_argument("--central-credentials", type=Path,
                   help="this site's bridge credentials (civiq broker-config central --site)")
    s.add_argument("--central-ca", type=Path, help="CA of the central broker's certificate")
    c = sub.add_parser("central", help="the central broker: TLS, a user per site, the "
                       "central service and operators")
    c.add_argument("--out", type=Path, required=True, help="folder to write")
    c.add_argument("--certs", type=Path, required=True,
                   help="folder with ca.crt, server.crt, server.key")
    c.add_argument("--port", type=_port, default=8883)
    c.add_argument("--address", default="0.0.0.0")
    c.add_argument("--site", dest="sites", action="append", default=[],
                   help="a site id whose bridge may connect (repeat)")
    c.add_argument("--operator", dest="operators", action="append", default=[],
                   help="an operator user reading every site (repeat)")
    a = sub.add_parser("ca", help="a test CA and a server certificate (demos and tests)")
    a.add_argument("--out", type=Path, required=True, help="folder to write")
    a.add_argument("--host", dest="hosts", action="append", default=[],
                   help="a name or address the server certificate is for (repeat; default "
                   "localhost, 127.0.0.1 and this machine's name)")


def run(args: argparse.Namespace) -> int:
    from broker_config.generate import GenerateError
    from broker_config.users import UsersError

    try:
        return {"site": _site, "central": _central, "ca": _ca}[args.what](args)
    except (ConfigError, GenerateError, UsersError, OSError) as exc:
        print(f"civiq broker-config: {exc}", file=sys.stderr)
        return 2


def _site(args: argparse.Namespace) -> int:
    from broker_config.generate import CentralLink, SiteBroker, write_site

    cfg = load_site(args.site)
    out = Path(args.out) if args.out else broker_dir(cfg)
    central = None
    if args.central:
        if not (args.central_credentials and args.central_ca):
            print("civiq broker-config: --central needs --central-credentials and "
                  "--central-ca", file=sys.stderr)
            return 2
        central = CentralLink(args.central[0], args.central[1], args.central_credentials,
                              args.central_ca)
    if args.port and args.port != cfg.broker.port:
        # Said, not refused: the site file may be changed next, or the apps given
        # --broker-port.
        print(f"civiq broker-config: warning: --port {args.port} differs from {args.site}'s "
              f"[broker] port {cfg.broker.port}; the engine and the apps on this machine look "
              f"for the broker at port {cfg.broker.port}: change the site file's [broker] "
              "port to match (or start each with --broker-port)", file=sys.stderr)
    conf = write_site(SiteBroker(
        cfg.site.id, out, port=args.port or cfg.broker.port,
        lan_port=None if args.no_lan else args.lan_port, lan_address=args.lan_address,
        certs=args.certs, central=central))
    print(f"site broker for {cfg.site.id}: {conf}\n"
          f"  run it: mosquitto -c {conf}\n"
          f"  the engine's credentials: {out / 'credentials' / 'engine.toml'} "
          "(civiq engine --credentials FILE)\n"
          f"  a device: civiq device add --site {args.site} --role kiosk --id kiosk-1"
          + ("" if out.resolve() == broker_dir(cfg).resolve() else
             f" --broker-dir {out}\n  (or set [broker] config_dir = \"{out}\" in {args.site}"
             " and leave --broker-dir out)"))
    return 0


def _central(args: argparse.Namespace) -> int:
    from broker_config.generate import CentralBroker, write_central

    conf = write_central(CentralBroker(args.out, args.certs, args.port, args.address),
                         args.sites, args.operators)
    print(f"central broker: {conf}\n  credentials (give each site its own): "
          f"{args.out / 'credentials'}")
    return 0


def _ca(args: argparse.Namespace) -> int:
    from broker_config.certs import make_test_certificates

    hosts = tuple(args.hosts) or ("localhost", "127.0.0.1", socket.gethostname())
    server = make_test_certificates(args.out, hosts)
    print(f"test CA: {args.out / 'ca'} (keep ca.key away from brokers)\n"
          f"server certificate for {', '.join(hosts)}: {server} (give it as --certs)\n"
          "for demos and tests only: docs/deploy.md says how to use real certificates")
    return 0
