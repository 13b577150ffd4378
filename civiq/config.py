"""Site configuration: one TOML file per site, validated on load.

An error names the file, the key and the problem, e.g.
``sites/x.toml: services[1].prefix: must be one capital letter A-Z``.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from civiq.protocol.roster import RosterCounter
from civiq.protocol.topics import check_id

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_INTERVAL = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class ConfigError(Exception):
    """The site file cannot be used; the message says where and why."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[str, Field(min_length=1, max_length=64)]


class Service(_Strict):
    id: Id
    prefix: str = Field(description="ticket prefix letter")
    names: dict[str, str] = Field(min_length=1, description="display name per language code")
    minutes: float = Field(gt=0, le=480, description="expected handling minutes")
    walk_in: bool = True
    weight: float = Field(1.0, gt=0, le=10, description="dispatch weight for walk-ins")

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        return check_id(v, "service id")

    @field_validator("prefix")
    @classmethod
    def _prefix(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Z]", v):
            raise ValueError("must be one capital letter A-Z")
        return v

    def name(self, language: str, site_language: str | None = None) -> str:
        """The name in ``language``; without one, in English (the language most visitors
        share), then in ``site_language`` (the site's first language), then in German,
        then the first one given. Every app asks the same way (SiteConfig.service_name)."""
        for lang in (language, "en", site_language, "de"):
            if lang and (name := self.names.get(lang)):
                return name
        return next(iter(self.names.values()))


class Counter(_Strict):
    id: Id
    name: str = Field(min_length=1, max_length=40, description='shown and spoken, e.g. "Platz 5"')
    services: list[str] = Field(min_length=1)
    accessible: bool = Field(
        False, description="step-free, with a lowered desk and an induction loop: tickets "
        "that ask for assistance are called here")
    devices: list[str] | None = Field(
        None, description="the counter devices (their ids, i.e. broker users) that may act "
        "on this counter; unset: any counter device at a demo site, none elsewhere")

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        return check_id(v, "counter id")

    @field_validator("devices")
    @classmethod
    def _devices(cls, v: list[str] | None) -> list[str] | None:
        for d in v or ():
            check_id(d, "device id")
        return v


class Broker(_Strict):
    host: str = "127.0.0.1"
    port: int = Field(1883, ge=1, le=65535)
    username: str | None = None
    # Secret types print as '**********' in reprs, logs and errors.
    password: SecretStr | None = None
    tls: bool = False
    ca_file: str | None = None
    credentials: str | None = Field(
        None, description="this device's credentials file (civiq device add writes it; "
        "relative to the site file's folder): broker user, password and role")
    role: str | None = Field(
        None, description="the role the credentials are for (taken from the credentials "
        "file); a client of another role refuses to start with them")
    config_dir: str | None = Field(
        None, description="the site broker's generated configuration (civiq broker-config "
        "site --out), where civiq device add/revoke keep the users; default: the data "
        "folder's broker/")


class PrinterSettings(_Strict):
    """A kiosk's ticket printer (the ``printers`` package reads it)."""

    backend: Literal["network", "usb", "serial", "cups", "file", "none"] = Field(
        "none", description="how the printer is reached; none: the ticket is shown only")
    host: str | None = Field(None, description="network: the printer's address")
    port: int = Field(9100, ge=1, le=65535, description="network: raw TCP port")
    usb_vendor: int | None = Field(None, ge=0, le=0xFFFF, description="usb: vendor id")
    usb_product: int | None = Field(None, ge=0, le=0xFFFF, description="usb: product id")
    device: str | None = Field(None, description="serial: device path; file: output path")
    baudrate: int = Field(19200, gt=0, description="serial: line speed")
    cups_printer: str | None = Field(None, description="cups: the queue's name")
    profile: str = Field("TM-T88V", min_length=1,
                         description="python-escpos printer profile (capabilities, QR support)")
    timeout_s: float = Field(1.5, gt=0, le=2,
                             description="no printer operation keeps the kiosk waiting longer")


class Kiosk(_Strict):
    """One lobby kiosk: ``civiq kiosk --site FILE --id ID``."""

    id: Id
    printer: PrinterSettings = PrinterSettings()
    screen_inches: float | None = Field(
        None, gt=4, le=100, description="the touch screen's diagonal, for 15 mm touch targets "
        "where the system does not report the physical size")
    services: list[str] | None = Field(
        None, description="walk-in services offered here; default every walk-in service")

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        return check_id(v, "kiosk id")


class Dispatch(_Strict):
    escalate_after_min: float = Field(
        45, gt=0, description="a walk-in waiting this long goes ahead of weights"
    )
    appointment_early_min: float = Field(
        5, ge=0, description="a checked-in appointment becomes due this long before its slot"
    )
    ticket_stop_margin_min: float = Field(
        10, ge=0, description="stop walk-ins when the estimate comes this close to closing"
    )


class Desk(_Strict):
    """The clerks' counter app (``civiq counter``): ``[desk]`` in the site file."""

    start_on_call: bool = Field(
        False, description="no Start key: a called ticket counts as served from the call "
        "(sites where the visitor is at the counter when the clerk calls)")
    no_show_grace_min: float = Field(
        2.0, ge=0, le=30, description="No-show is offered this long after the first call "
        "(recalls do not restart it): the visitor gets time to walk over")
    wait_amber_min: float = Field(
        20, gt=0, le=480, description="traffic light: a service whose longest wait or "
        "estimate reaches this shows amber")
    wait_red_min: float = Field(
        45, gt=0, le=480, description="... and red from here")
    pause_reasons: list[str] = Field(
        default_factory=lambda: ["break", "back_office", "phone"], min_length=1,
        max_length=8, description="reasons a clerk may give for a pause (the app names "
        "break, back_office and phone in its languages; others show as written)")

    @model_validator(mode="after")
    def _order(self) -> Desk:
        if self.wait_red_min <= self.wait_amber_min:
            raise ValueError("wait_red_min must be above wait_amber_min")
        for r in self.pause_reasons:
            if not 1 <= len(r) <= 64:
                raise ValueError(f"pause reason {r!r}: 1-64 characters")
        return self


class BoardTexts(_Strict):
    """A display language's words; civiq knows German and English, a site file adds
    others under ``[display.translations.LANG]`` (any key left out shows in English)."""

    counter: str | None = Field(None, description="word for a counter: 'Gişe' -> 'Gişe 5'")
    now: str | None = Field(None, description="heading over the newest call")
    again: str | None = Field(None, description="heading over a recalled ticket")
    last: str | None = Field(None, description="heading over the last call while stale")
    assistance: str | None = Field(None, description="heading over a call of a visitor who "
                                   "asked for assistance")
    recent: str | None = Field(None, description="heading of the recent calls")
    counters: str | None = Field(None, description="heading of the counters layout")
    service: str | None = None
    waiting: str | None = None
    wait: str | None = None
    none: str | None = Field(None, description="before the first call of the day")
    wait_none: str | None = Field(None, description="no waiting (called within a minute)")
    wait_about: str | None = Field(None, description="'ca. {min} Min.'; {min} is filled in")
    wait_range: str | None = Field(
        None, description="'{low}–{high} Min.': a wide 80 % interval; {low} and {high} are "
        "filled in")
    appointment_only: str | None = None
    closed: str | None = None
    stopped: str | None = Field(None, description="ticket stop: no more walk-in tickets")
    stale: str | None = None
    offline: str | None = None
    connecting: str | None = None
    taken_over: str | None = Field(
        None, description="another board started with this one's id is connected, so "
        "this one is off (until it is started again)")
    too_small: str | None = Field(
        None, description="said while setting up when the text cannot be read from the "
        "viewing distance: 'Zu klein für {m} m: …'; {m} is filled in")

    @field_validator("wait_about", "wait_range", "too_small")
    @classmethod
    def _placeholders(cls, v: str | None, info: ValidationInfo) -> str | None:
        needed = _PLACEHOLDERS[info.field_name or ""]
        if v is not None and not all(p in v for p in needed[0]):
            raise ValueError(f"must contain {' and '.join(needed[0])}, where {needed[1]} go")
        return v


#: The words a board text must keep, and what they stand for.
_PLACEHOLDERS = {"wait_about": (("{min}",), "the minutes"),
                 "wait_range": (("{low}", "{high}"), "the minutes"),
                 "too_small": (("{m}",), "the viewing distance's metres")}


class Display(_Strict):
    viewing_distance_m: float = Field(8, gt=0, le=60)
    recent_calls: int = Field(6, ge=1, le=20)
    languages: list[str] = Field(default_factory=lambda: ["de", "en"])
    notices: list[str] = Field(default_factory=list)
    chime: bool = True
    speech: bool = True
    layout: Literal["calls", "counters"] = Field(
        "calls", description="right-hand column: the recent calls, or every open counter "
        "with the number it serves")
    translations: dict[str, BoardTexts] = Field(default_factory=dict)


class Data(_Strict):
    folder: str | None = Field(None, description="default: the user data folder")
    database_url: SecretStr | None = Field(
        None, description="default: SQLite file in the folder; may hold a password")


class Appointments(_Strict):
    window_before_min: float = Field(
        30, ge=0, le=720, description="check-in opens this long before the slot starts"
    )
    window_after_min: float = Field(
        15, ge=0, le=720,
        description="check-in closes this long after the slot starts; then it is a no-show",
    )
    pickup_service: str | None = Field(
        None, description="the service whose ticket a document pick-up code (the 'your "
        "documents are ready' letter) gives at the kiosk; unset: pick-up codes are refused")
    public_keys: dict[str, str] = Field(
        default_factory=dict,
        description="key id -> PEM file (relative to the site file's folder) or inline PEM: "
        "the booking systems' Ed25519 keys that sign appointment QR codes",
    )

    @field_validator("public_keys")
    @classmethod
    def _keys(cls, v: dict[str, str]) -> dict[str, str]:
        for key_id, source in v.items():
            if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", key_id):
                raise ValueError(f"key id {key_id!r}: use 1-32 of A-Z a-z 0-9 _ -")
            if not source.strip():
                raise ValueError(f"{key_id}: empty; give a PEM file or inline PEM")
        return v


class Retention(_Strict):
    """How long the site's database keeps what happened, for reports; then it is deleted.
    Nothing stored names a visitor; a clerk's login is kept for the day only."""

    tickets_days: int = Field(
        90, ge=1, le=3660,
        description="tickets (and the day's last numbers) are deleted this many days after "
        "their day",
    )
    events_days: int = Field(
        90, ge=1, le=3660, description="events are deleted this many days after their day")
    appointments_days: int = Field(
        90, ge=1, le=3660,
        description="bookings are deleted this many days after their day (once they are no "
        "longer open)",
    )


class Site(_Strict):
    id: Id
    name: str = Field(min_length=1)
    timezone: str = "Europe/Berlin"
    languages: list[str] = Field(default_factory=lambda: ["de", "en"], min_length=1)
    demo: bool = Field(
        False, description="a demonstration site: the engine may trust the demo signing key, "
        "whose private half is public")

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        return check_id(v, "site id")

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {v!r}") from exc
        return v


Interval = tuple[time, time]


def _parse_intervals(value: str | list[str]) -> list[Interval]:
    items = [value] if isinstance(value, str) else list(value)
    out: list[Interval] = []
    for item in items:
        if item.strip().lower() == "closed":
            continue
        m = _INTERVAL.fullmatch(item.strip())
        if not m:
            raise ValueError(f"{item!r}: expected HH:MM-HH:MM or 'closed'")
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValueError(f"{item!r}: not a time of day")
        start, end = time(h1, m1), time(h2, m2)
        if end <= start:
            raise ValueError(f"{item!r}: closes before it opens")
        out.append((start, end))
    out.sort()
    for (_, e1), (s2, _) in itertools.pairwise(out):
        if s2 < e1:
            raise ValueError("opening intervals overlap")
    return out


class RosterTemplate(RosterCounter):
    """A counter's usual duty on some weekdays (the site file's ``[[roster]]``)."""

    days: list[str] = Field(default_factory=lambda: list(WEEKDAYS),
                            description="weekdays this entry holds for; default every day")

    @field_validator("days")
    @classmethod
    def _days(cls, v: list[str]) -> list[str]:
        for d in v:
            if d not in WEEKDAYS:
                raise ValueError(f"unknown weekday {d!r}; use one of {', '.join(WEEKDAYS)}")
        return v


class SiteConfig(_Strict):
    source: str = Field("<memory>", exclude=True)
    site: Site
    hours: dict[str, list[Interval]]
    services: list[Service] = Field(min_length=1)
    counters: list[Counter] = Field(min_length=1)
    broker: Broker = Broker()
    dispatch: Dispatch = Dispatch()
    display: Display = Display()
    desk: Desk = Desk()
    data: Data = Data()
    appointments: Appointments = Appointments()
    #: The usual duty roster by weekday; a roster file per day or ``set_roster`` wins.
    roster: list[RosterTemplate] = Field(default_factory=list)
    retention: Retention = Retention()
    kiosks: list[Kiosk] = Field(default_factory=list)

    @field_validator("hours", mode="before")
    @classmethod
    def _hours(cls, v: object) -> dict[str, list[Interval]]:
        if not isinstance(v, dict):
            raise ValueError("must be a table of weekday = 'HH:MM-HH:MM'")
        out: dict[str, list[Interval]] = {d: [] for d in WEEKDAYS}
        for day, spec in v.items():
            if day not in WEEKDAYS:
                raise ValueError(f"unknown weekday {day!r}; use one of {', '.join(WEEKDAYS)}")
            if isinstance(spec, list) and all(isinstance(x, tuple) for x in spec):
                out[day] = spec
            else:
                out[day] = _parse_intervals(spec)
        return out

    @field_validator("broker")
    @classmethod
    def _broker_files(cls, v: Broker, info: ValidationInfo) -> Broker:
        # A relative ca_file means "next to the site file", as credentials and config_dir
        # do, wherever the command starts; a missing one is named now, not at connect.
        if not v.ca_file:
            return v
        source = info.data.get("source", "<memory>")
        p = Path(v.ca_file).expanduser()
        if not p.is_absolute() and not source.startswith("<"):
            p = Path(source).resolve().parent / p
        if v.tls and not p.is_file():
            raise ValueError(f"ca_file: no file {p} (the CA certificate the broker's is "
                             "checked against; a relative path is next to the site file)")
        return v.model_copy(update={"ca_file": str(p)})

    @field_validator("appointments")
    @classmethod
    def _key_files(cls, v: Appointments, info: ValidationInfo) -> Appointments:
        # Relative key paths mean "next to the site file", wherever the engine starts.
        source = info.data.get("source", "<memory>")
        base = Path(source).resolve().parent if not source.startswith("<") else Path.cwd()
        keys = {}
        for key_id, value in v.public_keys.items():
            if value.lstrip().startswith("-----BEGIN"):
                keys[key_id] = value
                continue
            p = Path(value).expanduser()
            p = p if p.is_absolute() else base / p
            if not p.is_file():
                raise ValueError(f"public_keys.{key_id}: no file {p}")
            keys[key_id] = str(p)
        return v.model_copy(update={"public_keys": keys})

    @model_validator(mode="after")
    def _cross_check(self) -> SiteConfig:
        ids = [s.id for s in self.services]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"services: duplicate id {sorted(dup)}")
        prefixes = [s.prefix for s in self.services]
        dup = {p for p in prefixes if prefixes.count(p) > 1}
        if dup:
            raise ValueError(f"services: prefix {', '.join(sorted(dup))} used twice; ticket "
                             "numbers would clash")
        cids = [c.id for c in self.counters]
        dup = {i for i in cids if cids.count(i) > 1}
        if dup:
            raise ValueError(f"counters: duplicate id {sorted(dup)}")
        for i, c in enumerate(self.counters):
            for s in c.services:
                if s not in ids:
                    raise ValueError(f"counters[{i}].services: unknown service {s!r}")
        for lang in self.display.languages:
            if lang not in self.site.languages:
                raise ValueError(
                    f"display.languages: {lang!r} is not one of the site's languages "
                    f"({', '.join(self.site.languages)}); add it to site.languages, or "
                    "use one of those")
        pickup = self.appointments.pickup_service
        if pickup is not None and pickup not in ids:
            raise ValueError(f"appointments.pickup_service: unknown service {pickup!r}")
        for i, r in enumerate(self.roster):
            if r.counter not in cids:
                raise ValueError(f"roster[{i}].counter: unknown counter {r.counter!r}")
            for s in r.services or ():
                if s not in ids:
                    raise ValueError(f"roster[{i}].services: unknown service {s!r}")
        return self

    # ----- lookups ------------------------------------------------------------------
    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.site.timezone)

    def service(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def service_name(self, service: Service, language: str) -> str:
        """A service's name in ``language``, by :meth:`Service.name`'s fallbacks (English,
        then the site's first language, then German)."""
        return service.name(language, self.site.languages[0])

    def counter(self, counter_id: str) -> Counter | None:
        return next((c for c in self.counters if c.id == counter_id), None)

    def find_counter(self, spec: str) -> Counter:
        """A counter by its id (``platz-5``), its name (``Platz 5``) or the number in its
        name (``5``); ValueError naming the counters there are."""
        for c in self.counters:
            if spec in (c.id, c.name) or spec.lower() == c.name.lower():
                return c
        if spec.isdigit():
            for c in self.counters:
                digits = "".join(ch for ch in c.name if ch.isdigit())
                if digits and int(digits) == int(spec):
                    return c
        known = ", ".join(f"{c.id} ({c.name})" for c in self.counters)
        raise ValueError(f"no counter {spec!r} in the site file; it has {known}")

    def counter_device_may_act(self, counter_id: str, device: str) -> bool:
        """Whether the counter device ``device`` may act on counter ``counter_id``: when
        the counter lists it under ``devices``; with no list, only at a demo site. An
        unknown counter is for the command itself to refuse."""
        c = self.counter(counter_id)
        if c is None:
            return True
        if c.devices is not None:
            return device in c.devices
        return self.site.demo

    def local_day(self, when: datetime) -> date:
        return when.astimezone(self.tz).date()

    def data_folder(self) -> Path:
        if self.data.folder:
            return Path(self.data.folder).expanduser()
        return Path(platformdirs.user_data_dir("civiq")) / self.site.id

    def database_url(self) -> str:
        if self.data.database_url:
            return self.data.database_url.get_secret_value()
        return f"sqlite:///{self.data_folder() / 'queue.sqlite3'}"

    # ----- opening hours --------------------------------------------------------------
    def intervals_on(self, day: date) -> list[tuple[datetime, datetime]]:
        tz = self.tz
        return [
            (datetime.combine(day, s, tz), datetime.combine(day, e, tz))
            for s, e in self.hours[WEEKDAYS[day.weekday()]]
        ]

    def open_interval(self, when: datetime) -> tuple[datetime, datetime] | None:
        """The opening interval that contains ``when``, or None when closed."""
        for start, end in self.intervals_on(self.local_day(when)):
            if start <= when < end:
                return start, end
        return None

    def next_opening(self, when: datetime) -> datetime | None:
        day = self.local_day(when)
        for i in range(8):
            for start, _ in self.intervals_on(day + timedelta(days=i)):
                if start > when:
                    return start
        return None


def load_site(path: str | Path, **overrides: object) -> SiteConfig:
    """Load and validate a site file. ``overrides`` replace top-level tables (tests, demo)."""
    p = Path(path)
    try:
        text = read_utf8(p)
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML: {exc}") from exc
    raw.update(overrides)
    cfg = parse_site(raw, source=str(p))
    if cfg.broker.credentials and cfg.broker.password is None:
        from civiq.credentials import apply_credentials

        cfg = apply_credentials(cfg, site_relative(cfg, cfg.broker.credentials))
    return cfg


def read_utf8(path: Path) -> str:
    """The text of a file civiq reads (a site file, a credentials file): UTF-8, with or
    without the byte order mark a Windows editor may put first. OSError when it cannot be
    read; :class:`ConfigError` naming the file and the first bad byte when it is not
    UTF-8 (saved as Latin-1 or UTF-16 by an editor)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
        what = "UTF-16 text, not UTF-8" if utf16 else "not UTF-8 text"
        raise ConfigError(f"{path}: {what} (byte {exc.start + 1}, line {line}); save it "
                          "as UTF-8") from exc


def site_relative(cfg: SiteConfig, path: str) -> Path:
    """A path from the site file: relative ones mean next to the site file."""
    p = Path(path).expanduser()
    if p.is_absolute() or cfg.source.startswith("<"):
        return p
    return Path(cfg.source).resolve().parent / p


_NAMES_KEY = re.compile(r"^[a-z_]+(\[\d+\])?(\.[a-z_]+)*: ")


def parse_site(raw: dict, source: str = "<memory>") -> SiteConfig:
    try:
        return SiteConfig.model_validate({**raw, "source": source})
    except ValidationError as exc:
        lines = []
        errors = exc.errors()
        # A misspelt key also leaves the right one missing: the suggestion says it all.
        suggested = {(*e["loc"][:-1], _nearest_key(e["loc"])) for e in errors
                     if e["type"] == "extra_forbidden"}
        for err in errors:
            if err["type"] == "missing" and tuple(err["loc"]) in suggested:
                continue
            key = _key_path(err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = _unknown_key(err["loc"])
            # Cross-checks of the whole file name their key at the start of the message.
            if not key and not _NAMES_KEY.match(msg):
                key = "(top level)"
            lines.append(f"{source}: {key}: {msg}" if key else f"{source}: {msg}")
        raise ConfigError("\n".join(lines)) from exc


def _valid_keys(loc: tuple) -> list[str]:
    """The keys the file may have where ``loc`` points."""
    model: type[BaseModel] | None = SiteConfig
    for part in loc[:-1]:
        if model is None or isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        model = _model_in(field.annotation) if field else None
    return [n for n in model.model_fields if n != "source"] if model else []


def _nearest_key(loc: tuple) -> str | None:
    import difflib

    near = difflib.get_close_matches(str(loc[-1]), _valid_keys(loc), n=1, cutoff=0.6)
    return near[0] if near else None


def _unknown_key(loc: tuple) -> str:
    """Names the unknown key and the nearest one the file may have there."""
    near = _nearest_key(loc)
    hint = (f"did you mean {near!r}?" if near
            else f"allowed here: {', '.join(_valid_keys(loc))}")
    return f"unknown key {loc[-1]!r}; {hint}"


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The model inside a field's type: ``Service`` for ``list[Service]``."""
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _key_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("tuple[time, time]", "list[tuple[time, time]]"):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out


def load_site_overridden(
    path: str | Path,
    *,
    broker_host: str | None = None,
    broker_port: int | None = None,
    data_folder: str | None = None,
    credentials: str | Path | None = None,
) -> SiteConfig:
    """Load a site file with the command-line overrides every ``civiq`` command offers.
    ``credentials`` (``--credentials FILE``) wins over the site file's
    ``[broker] credentials``; either way the file's user, password and role are used
    (:mod:`civiq.credentials`)."""
    cfg = _overridden(path, broker_host, broker_port, data_folder)
    if credentials:
        from civiq.credentials import apply_credentials

        cfg = apply_credentials(cfg, Path(credentials))
    return cfg


def _overridden(path: str | Path, broker_host: str | None, broker_port: int | None,
                data_folder: str | None) -> SiteConfig:
    cfg = load_site(path)
    broker = cfg.broker.model_dump()
    if broker_host:
        broker["host"] = broker_host
    if broker_port:
        broker["port"] = broker_port
    data = cfg.data.model_dump()
    if data_folder:
        data["folder"] = data_folder
    if broker == cfg.broker.model_dump() and data == cfg.data.model_dump():
        return cfg
    return load_site(path, broker=broker, data=data)
