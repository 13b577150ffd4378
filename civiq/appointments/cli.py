"""``civiq appointments keygen | sign | import | list | cancel``.

``keygen`` and ``sign`` are what a booking system does (make a key pair; sign a booking's
QR code). ``import``, ``list`` and ``cancel`` talk to the running engine over MQTT as role
``booking`` (or ``operator``): the engine is the site's single writer, so nothing here
touches its database.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from civiq.appointments.token import (
    KEY_ID,
    KIND_APPOINTMENT,
    KIND_PICKUP,
    KINDS,
    booking_code,
    format_booking_code,
    generate_keypair,
    load_private_key,
    save_private_key,
    save_public_key,
    sign_pickup_token,
    sign_token,
)
from civiq.cli.support import (
    CliFailure,
    add_connection_arguments,
    cannot_write,
    connect,
    iso_date,
    request,
    site_config,
)
from civiq.config import ConfigError, SiteConfig
from civiq.protocol.appointments import MAX_IMPORT

PROG = "civiq appointments"
#: A pick-up code's default validity: documents wait this long at the site.
PICKUP_DAYS = 28

_day = iso_date("{text!r}: not a date; use YYYY-MM-DD")


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    k = sub.add_parser("keygen", help="make an Ed25519 key pair (PEM files)")
    k.add_argument("--out", required=True, help="folder for the two PEM files")
    k.add_argument("--key-id", required=True, help="key id, e.g. booking-2026")
    k.add_argument("--force", action="store_true", help="overwrite existing files")

    s = sub.add_parser("sign", help="print a booking's (or a document pick-up letter's) "
                       "QR token; --png writes the QR code")
    s.add_argument("--key", required=True, help="private key PEM file")
    s.add_argument("--key-id", required=True, help="the key's id in the site file")
    s.add_argument("--site-id", required=True, help="site id, e.g. hh-wandsbek")
    s.add_argument("--kind", choices=KINDS, default=KIND_APPOINTMENT,
                   help="appointment (default), or pickup: a document pick-up code that "
                   "gives one ticket for the site's pick-up service")
    s.add_argument("--booking", required=True, help="booking id (pickup: the pick-up id)")
    s.add_argument("--slot", help="appointment: slot start, ISO 8601 with UTC offset")
    s.add_argument("--day", type=_day, help="appointment: YYYY-MM-DD; default: the slot's "
                   "date")
    s.add_argument("--ready-from", type=_day,
                   help="pickup: first day the documents can be collected; default today")
    s.add_argument("--until", type=_day, help="pickup: last day to collect them; default "
                   f"{PICKUP_DAYS} days after --ready-from")
    s.add_argument("--png", help="also write the QR code to this PNG file, with the "
                   "booking id, service and slot as text under it")
    s.add_argument("--service", help="the booking's service, printed under the QR code")

    for name, help_ in (
        ("import", "import bookings from a CSV file into the running engine"),
        ("list", "list a day's bookings and their status"),
        ("cancel", "cancel a booking"),
    ):
        c = sub.add_parser(name, help=help_, description=help_)
        add_connection_arguments(c, ("booking", "operator"), "appointments-cli")
        if name == "import":
            c.add_argument("csv", help="CSV file: booking_id,service,site,slot_start,"
                           "slot_minutes (docs/appointments.md)")
        elif name == "list":
            c.add_argument("--day", type=_day, help="YYYY-MM-DD; default today")
            c.add_argument("--json", action="store_true", help="print JSON")
        else:
            c.add_argument("booking_id")


def run(args: argparse.Namespace) -> int:
    try:
        return {"keygen": _keygen, "sign": _sign, "import": _import, "list": _list,
                "cancel": _cancel}[args.action](args)
    except (ConfigError, ValueError) as exc:
        print(f"{PROG} {args.action}: {exc}", file=sys.stderr)
        return 2


def _keygen(args: argparse.Namespace) -> int:
    if not KEY_ID.fullmatch(args.key_id):
        raise ValueError(f"key id {args.key_id!r}: use 1-32 of A-Z a-z 0-9 _ -")
    out = Path(args.out)
    if not out.is_dir():
        raise ValueError(f"--out {out}: no such folder; create it first (keys are not "
                         "written to a folder made by mistake)")
    private = out / f"{args.key_id}-private-key.pem"
    public = out / f"{args.key_id}-public-key.pem"
    for p in (private, public):
        if p.exists() and not args.force:
            raise ValueError(f"{p} exists; use --force to overwrite")
    key, pub = generate_keypair()
    save_private_key(key, private)
    save_public_key(pub, public)
    print(f"private key: {private} (keep it on the booking system only)")
    print(f"public key:  {public}")
    # The site file resolves a relative path from its own folder, not from here: give
    # the absolute one, which is right wherever the site file is.
    print("site file (copy the public key next to the engine and adjust the path if "
          "it runs elsewhere):\n[appointments]\n"
          f'public_keys = {{ {args.key_id} = "{public.resolve()}" }}')
    return 0


def _sign_pickup(args: argparse.Namespace) -> int:
    if args.slot or args.day:
        raise ValueError("--slot and --day are for appointments; a pick-up code takes "
                         "--ready-from and --until")
    ready = args.ready_from or date.today()
    until = args.until or ready + timedelta(days=PICKUP_DAYS)
    token = sign_pickup_token(load_private_key(args.key), args.key_id, args.booking,
                              args.site_id, ready, until)
    print(token)
    if args.png:
        caption = [f"{args.booking}  ·  {args.site_id}", f"{ready:%d.%m.%Y} - {until:%d.%m.%Y}"]
        write_qr_png(token, args.png, caption)
        print(f"QR code: {args.png}", file=sys.stderr)
    return 0


def _sign(args: argparse.Namespace) -> int:
    if args.png:
        # Before the token is printed: a code half made (printed, no PNG) is no use.
        why = cannot_write(args.png)
        if why is not None:
            raise ValueError(f"{args.png}: cannot write: {why}")
    if args.kind == KIND_PICKUP:
        return _sign_pickup(args)
    if args.ready_from or args.until:
        raise ValueError("--ready-from and --until are for pick-up codes (--kind pickup)")
    if not args.slot:
        raise ValueError("an appointment code needs --slot (ISO 8601 with UTC offset)")
    slot = parse_slot(args.slot, "--slot")
    if args.day is not None and args.day != slot.date():
        # The engine would refuse the code as wrong_day on the booked day: refuse it now.
        raise ValueError(f"--day {args.day} but the slot {args.slot} is on {slot.date()}; "
                         "leave out --day, or give the slot's own date")
    day = args.day or slot.date()
    token = sign_token(load_private_key(args.key), args.key_id, args.booking, args.site_id,
                       day, slot)
    code = booking_code(token)
    print(token)
    print(f"booking code: {format_booking_code(code)} (send it with the booking: CSV "
          "column code)", file=sys.stderr)
    if args.png:
        caption = [f"{args.booking}  ·  {args.site_id}", f"{slot:%a %d.%m.%Y %H:%M}",
                   f"Buchungscode / booking code: {format_booking_code(code)}"]
        if args.service:
            caption.insert(1, args.service)
        write_qr_png(token, args.png, caption)
        print(f"QR code: {args.png}", file=sys.stderr)
    return 0


def parse_slot(text: str, what: str) -> datetime:
    """An ISO 8601 time with UTC offset, or ValueError saying what is wrong with it."""
    try:
        slot = datetime.fromisoformat(text)
    except ValueError as exc:
        m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
        if m:
            try:
                date(*map(int, m.groups()))
            except ValueError:
                raise ValueError(f"{what} {text!r}: no such date ({m.group(0)})") from exc
        raise ValueError(f"{what} {text!r}: not ISO 8601, e.g. "
                         "2026-11-24T09:30:00+01:00") from exc
    if slot.tzinfo is None:
        raise ValueError(f"{what} {text!r}: add the UTC offset, e.g. +01:00")
    return slot


def write_qr_png(text: str, path: str | Path, caption: list[str] | None = None) -> Path:
    """The QR code, with ``caption`` lines under it so that a person can tell codes apart
    (booking id, service, slot); the code itself is unchanged by them."""
    import qrcode
    from PIL import Image, ImageDraw, ImageFont
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=8, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    p = Path(path)
    why = cannot_write(p)
    if why is not None:
        raise ValueError(f"{p}: cannot write: {why}")
    image = qr.make_image().get_image().convert("L")
    if caption:
        font = ImageFont.load_default(size=22)
        line_h = 30
        framed = Image.new("L", (image.width, image.height + line_h * len(caption) + 16), 255)
        framed.paste(image, (0, 0))
        draw = ImageDraw.Draw(framed)
        for i, line in enumerate(caption):
            draw.text((image.width / 2, image.height + i * line_h), line, fill=0, font=font,
                      anchor="ma")
        image = framed
    try:
        image.save(str(p))
    except OSError as exc:
        raise ValueError(f"{p}: cannot write: {exc.strerror or exc}") from exc
    return p


# ----- over MQTT ----------------------------------------------------------------------
def _config(args: argparse.Namespace) -> SiteConfig:
    return site_config(args)


def _requests(args: argparse.Namespace, cfg: SiteConfig,
              calls: list[tuple[str, dict[str, Any]]]) -> list[dict] | int:
    """Send the commands in order; an exit code when something fails."""
    results: list[dict] = []
    try:
        client = connect(cfg, args.role, args.client_id, args.timeout,
                         site_file=args.site)
        try:
            for command, data in calls:
                results.append(request(client, cfg, args.site, command, data, args.timeout))
        finally:
            client.stop()
    except CliFailure as exc:
        done = f" ({len(results)} of {len(calls)} parts done)" if results else ""
        print(f"{PROG} {args.action}: {exc}{done}", file=sys.stderr)
        return exc.exit_code
    return results


def _import(args: argparse.Namespace) -> int:
    from civiq.appointments.bookings_csv import CsvError, read_appointments_csv

    cfg = _config(args)
    warnings: list[str] = []
    try:
        entries = read_appointments_csv(args.csv, cfg, warnings)
    except CsvError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        print(f"{PROG} import: nothing imported", file=sys.stderr)
        return 1
    for w in warnings:
        print(f"warning: {w} (imported all the same)", file=sys.stderr)
    chunks = [entries[i:i + MAX_IMPORT] for i in range(0, len(entries), MAX_IMPORT)] or [[]]
    results = _requests(args, cfg, [("import_appointments", {"appointments": c})
                                    for c in chunks])
    if isinstance(results, int):
        return results
    total = {k: sum(r[k] for r in results) for k in ("created", "updated", "unchanged")}
    locked = [b for r in results for b in r.get("locked", [])]
    print(f"{len(entries)} booking(s): {total['created']} created, {total['updated']} "
          f"updated, {total['unchanged']} unchanged")
    if locked:
        print(f"left as they were (already checked in, no-show or cancelled): "
              f"{', '.join(locked)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    cfg = _config(args)
    data = {"day": args.day.isoformat()} if args.day else {}
    results = _requests(args, cfg, [("list_appointments", data)])
    if isinstance(results, int):
        return results
    result = results[0]
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{cfg.site.name} — {result['day']}: {len(result['appointments'])} booking(s)")
    for a in result["appointments"]:
        at = datetime.fromisoformat(a["slot_start"]).astimezone(cfg.tz)
        print(f"{at:%H:%M}  {a['booking_id']:<20} {a['service']:<16} {a['status']:<11} "
              f"{a.get('ticket') or ''}".rstrip())
    return 0


def _cancel(args: argparse.Namespace) -> int:
    cfg = _config(args)
    results = _requests(args, cfg, [("cancel_appointment", {"booking_id": args.booking_id})])
    if isinstance(results, int):
        return results
    print(f"{args.booking_id}: {results[0]['status']}")
    return 0
