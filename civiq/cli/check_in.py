"""``civiq check-in TOKEN|CODE``: check in a booking by the text of its QR code or by
the 10-digit booking code its letter prints (``123 456 789 0``), as a kiosk would, from
a terminal (role ``operator``): for a visitor whose code the kiosk cannot read, or to
repair a site.

Exit codes as ``civiq ticket``: 0 done, 1 refused, 2 bad option or site file, 3 no broker
or no engine.
"""

from __future__ import annotations

import argparse
import json
import sys

from civiq.appointments.token import normalise_booking_code
from civiq.cli.support import (
    CliFailure,
    add_connection_arguments,
    connect,
    request,
    site_config,
    site_language,
    ticket_line,
)
from civiq.config import ConfigError
from civiq.protocol.formats import BOOKING_CODE_RE

PROG = "civiq check-in"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("token", help="the QR code's text (CQ1.…), or the booking code of 10 "
                   "digits as the letter prints it (spaces may stay: '123 456 789 0'); - "
                   "reads either from standard input")
    add_connection_arguments(p, ("operator", "counter", "kiosk"), "check-in-cli")
    p.add_argument("--language", help="the visitor's language code, one of the site file's "
                   "[site] languages (default: the first of them)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    token = sys.stdin.read().strip() if args.token == "-" else args.token.strip()
    code = normalise_booking_code(token)
    # A token always starts CQ1., so 10 digits can only be a booking code (typed).
    what = {"booking_code": code} if BOOKING_CODE_RE.fullmatch(code) else {"token": token}
    try:
        cfg = site_config(args)
        language = site_language(args.language, cfg)
        client = connect(cfg, args.role, args.client_id, args.timeout,
                         site_file=args.site)
        try:
            result = request(client, cfg, args.site, "check_in",
                             {**what, "language": language}, args.timeout)
        finally:
            client.stop()
    except ConfigError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except CliFailure as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return exc.exit_code
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    t = result["ticket"]
    service = cfg.service(t["service"])
    name = service.name("en") if service else t["service"]
    print(f"checked in: {ticket_line(t['number'], name, result)}")
    return 0
