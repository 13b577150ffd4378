"""Reading a booking system's CSV export for ``civiq appointments import``.

Columns (header row required, any order; docs/appointments.md): ``booking_id``,
``service``, ``site``, ``slot_start`` (ISO 8601 with UTC offset), ``slot_minutes``, and
optionally ``code`` (the booking code for check-in by keypad). No other column is
accepted, so nothing personal can ride along. Comma or semicolon
separated, UTF-8 (a BOM from spreadsheet programs is fine).

Every problem is reported with its line and column and nothing is imported, so a file is
either taken whole or not at all.
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from civiq.appointments.token import booking_code_ok, normalise_booking_code
from civiq.config import SiteConfig
from civiq.protocol.formats import ID_RE as _ID

COLUMNS = ("booking_id", "service", "site", "slot_start", "slot_minutes")
#: May be there: the booking code printed under the QR code (civiq.appointments.token).
OPTIONAL = ("code",)
MAX_PROBLEMS = 20


class CsvError(Exception):
    """The file cannot be imported; ``problems`` are "file: line N, column C: why"."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_appointments_csv(path: str | Path, config: SiteConfig,
                          warnings: list[str] | None = None) -> list[dict[str, Any]]:
    """The file's rows as ``import_appointments`` entries, or :class:`CsvError`.
    Slots the site is closed at are imported, but named in ``warnings``."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise CsvError([f"{p}: cannot read: {exc.strerror or exc}"]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CsvError([f"{p}: line {line}: not UTF-8 text (byte {exc.start}); the file is "
                        "probably Latin-1 or Windows-1252: save it as CSV with the character "
                        "set UTF-8 (Unicode) and import again"]) from exc
    return parse_appointments_csv(text, config, source=str(p), warnings=warnings)


def parse_appointments_csv(text: str, config: SiteConfig, source: str = "<csv>",
                           warnings: list[str] | None = None) -> list[dict[str, Any]]:
    lines = text.splitlines()
    header_line = next((ln for ln in lines if ln.strip()), "")
    if not header_line:
        raise CsvError([f"{source}: empty; the first line must name the columns "
                        f"{', '.join(COLUMNS)}"])
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    problems: list[str] = []
    header: list[str] | None = None
    entries: list[dict[str, Any]] = []
    first_line: dict[str, int] = {}
    # Line by line: no field of this file holds a line break, and a stray quote must be
    # reported on its own line, not on the line where the reader finally gave up.
    for line, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if raw.count('"') % 2:
            problems.append(f"{source}: line {line}: a stray or unclosed quote (\"); "
                            "remove it or close the quoted field")
            continue
        row = next(csv.reader([raw], delimiter=delimiter))
        if header is None:
            header = [c.strip().lower() for c in row]
            if not set(header) & set(COLUMNS):
                raise CsvError([f"{source}: line {line}: the first line must name the "
                                f"columns {', '.join(COLUMNS)}; it holds {raw[:60]!r}"])
            unknown = [c for c in header if c not in COLUMNS + OPTIONAL]
            missing = [c for c in COLUMNS if c not in header]
            dup = sorted({c for c in header if header.count(c) > 1})
            if unknown:
                problems.append(f"{source}: line {line}: column(s) {', '.join(unknown)} not "
                                "allowed; the import takes only "
                                f"{', '.join(COLUMNS + OPTIONAL)} (no personal data)")
            if missing:
                problems.append(f"{source}: line {line}: missing column(s) "
                                f"{', '.join(missing)}")
            if dup:
                problems.append(f"{source}: line {line}: column(s) {', '.join(dup)} twice")
            if problems:
                raise CsvError(problems)
            continue
        if len(row) != len(header):
            problems.append(f"{source}: line {line}: {len(row)} fields; the header has "
                            f"{len(header)}")
        else:
            cells = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
            entry, errs = _entry(cells, config)
            problems += [f"{source}: line {line}, column {col}: {why}" for col, why in errs]
            bid = cells["booking_id"]
            if bid in first_line:
                problems.append(f"{source}: line {line}, column booking_id: {bid!r} "
                                f"already on line {first_line[bid]}")
            elif _ID.fullmatch(bid):
                first_line[bid] = line
                if entry is not None:
                    entries.append(entry)
                    if warnings is not None and (why := _closed_at(entry, config)):
                        warnings.append(f"{source}: line {line}: {why}")
        if len(problems) >= MAX_PROBLEMS:
            problems.append(f"{source}: stopped after {MAX_PROBLEMS} problems")
            break
    if header is None and not problems:
        problems.append(f"{source}: no header line")
    if problems:
        raise CsvError(problems)
    return entries


def _closed_at(entry: dict[str, Any], config: SiteConfig) -> str | None:
    """Why the site is closed for this slot, or None when it is open all through it."""
    start = datetime.fromisoformat(entry["slot_start"]).astimezone(config.tz)
    end = start + timedelta(minutes=entry["slot_minutes"])
    spans = config.intervals_on(start.date())
    if not spans:
        return f"slot {start:%a %d.%m.%Y %H:%M}: the site is closed that day"
    if not any(a <= start and end <= b for a, b in spans):
        hours = ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in spans)
        return (f"slot {start:%a %d.%m.%Y %H:%M}-{end:%H:%M} is outside the opening hours "
                f"({hours})")
    return None


def _entry(c: dict[str, str], config: SiteConfig
           ) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    errs: list[tuple[str, str]] = []
    if not _ID.fullmatch(c["booking_id"]):
        errs.append(("booking_id", f"{c['booking_id']!r} is not 1-64 of A-Z a-z 0-9 _ . - "
                     "starting with a letter or digit"))
    if config.service(c["service"]) is None:
        known = ", ".join(s.id for s in config.services)
        errs.append(("service", f"{c['service']!r} is not a service of {config.site.id} "
                     f"({known})"))
    if c["site"] != config.site.id:
        errs.append(("site", f"{c['site']!r} is not this site ({config.site.id})"))
    slot: datetime | None = None
    try:
        slot = datetime.fromisoformat(c["slot_start"])
    except ValueError:
        errs.append(("slot_start", f"{c['slot_start']!r} is not an ISO 8601 time, e.g. "
                     "2026-11-24T09:30:00+01:00"))
    if slot is not None and slot.tzinfo is None:
        errs.append(("slot_start", f"{c['slot_start']!r} has no UTC offset, e.g. "
                     "2026-11-24T09:30:00+01:00"))
    minutes: int | None = None
    try:
        minutes = int(c["slot_minutes"])
    except ValueError:
        errs.append(("slot_minutes", f"{c['slot_minutes']!r} is not a whole number"))
    if minutes is not None and not 1 <= minutes <= 480:
        errs.append(("slot_minutes", f"{minutes} is not between 1 and 480"))
    code = normalise_booking_code(c.get("code", ""))
    if code and not booking_code_ok(code):
        errs.append(("code", f"{c['code']!r} is not a booking code (10 digits, the last a "
                     "check digit)"))
    if errs or slot is None or minutes is None:
        return None, errs
    out: dict[str, Any] = {"booking_id": c["booking_id"], "service": c["service"],
                           "site": c["site"], "slot_start": slot.isoformat(),
                           "slot_minutes": minutes}
    if code:
        out["code"] = code
    return out, []
