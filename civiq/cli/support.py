"""What the protocol commands of the ``civiq`` command line share: a connection that
says why it cannot be made, requests whose failures carry a hint, one-line errors.

A user's mistake or a missing service ends in one line naming what is wrong and what to
do, and a non-zero exit code, never in a traceback.
"""

from __future__ import annotations

import errno
import math
import os
import socket
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from civiq.config import Broker, SiteConfig
from civiq.waits import say_wait

if TYPE_CHECKING:
    from civiq.transport.mqtt import MqttClient

#: Exit codes shared by the protocol commands.
EXIT_REFUSED = 1  # the engine answered with an error
EXIT_USAGE = 2  # bad option or site file
EXIT_UNREACHABLE = 3  # no broker, or no engine behind it

BROKER_HOWTO = "docs/deploy.md, 'Running a broker'"


class CliFailure(Exception):
    """A command cannot go on; the message is one line for the user."""

    def __init__(self, message: str, exit_code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def broker_unreachable(broker: Broker, timeout: float = 2.0) -> str | None:
    """Why nothing accepts a TCP connection at the broker's address, or None if it does."""
    try:
        with socket.create_connection((broker.host, broker.port), timeout=timeout):
            return None
    except OSError as exc:
        return exc.strerror or str(exc) or type(exc).__name__


def unreachable_message(broker: Broker, why: str) -> str:
    return (f"the MQTT broker at {broker.host}:{broker.port} cannot be reached ({why}); "
            f"start one (see {BROKER_HOWTO}) or point --broker-host/--broker-port at it")


def connect(config: SiteConfig, role: str, client_id: str, timeout: float, *,
            site_file: str | None = None, watch: EngineWatch | None = None) -> MqttClient:
    """A started client, or :class:`CliFailure` saying why there is none. With
    ``site_file`` (a command that sends requests): also :class:`CliFailure` at once when
    the retained ``state/engine`` says the engine is not running, rather than three
    unanswered attempts later. ``watch``: follow the engine's state for the caller."""
    from civiq.transport.mqtt import MqttClient

    why = broker_unreachable(config.broker, min(timeout, 3.0))
    if why is not None:
        raise CliFailure(unreachable_message(config.broker, why), EXIT_UNREACHABLE)
    client = MqttClient(config.broker, config.site.id, role, client_id)
    if watch is None and site_file is not None and role in READS_STATE:
        watch = EngineWatch(config)
    if watch is not None:
        watch.follow(client)  # subscribed with the connection: retained state comes at once
    try:
        client.start(wait=timeout)
    except TimeoutError as exc:
        client.stop()
        raise CliFailure(
            f"the MQTT broker at {config.broker.host}:{config.broker.port} answers but did "
            f"not let this client in within {timeout:g} s (user, password, TLS or access "
            "rules of the broker?)", EXIT_UNREACHABLE) from exc
    if site_file is not None and watch is not None:
        watch.heard(min(timeout, ENGINE_GRACE_S))
        down = watch.down()
        if down is not None:
            client.stop()
            raise CliFailure(f"{down}; nothing was sent. Start it with: civiq engine --site "
                             f"{site_file}", EXIT_UNREACHABLE)
    return client


#: The roles whose broker user may read the site's retained state (the access list):
#: ``booking`` reads only its replies.
READS_STATE = frozenset({"kiosk", "counter", "display", "operator", "central"})
#: How long a command waits after connecting for the retained ``state/engine``, which
#: the broker sends right after the subscription; only a broker that never saw an
#: engine makes it wait this long.
ENGINE_GRACE_S = 1.0


class EngineWatch:
    """What the retained state says of the site's engine: ``state/engine`` (online or
    not, and when it said so) and when it last published ``state/queue``."""

    def __init__(self, config: SiteConfig) -> None:
        import threading

        self.config = config
        self.online: bool | None = None  # None: not heard
        self.said_at: datetime | None = None  # the state/engine message's ts
        self.last_state_at: datetime | None = None  # the latest state/queue's ts
        self._heard = threading.Event()

    def follow(self, client: MqttClient) -> None:
        from civiq.protocol import topics

        site = self.config.site.id
        # In this order: the broker sends the retained messages in the order of the
        # subscriptions, so once the engine's state is heard the queue's time is known.
        client.route(topics.state_queue(site), self._on_queue)
        client.route(topics.state_engine(site), self._on_engine)

    def _decode(self, payload: bytes) -> Any:
        from civiq.protocol import envelope as env
        from civiq.protocol.errors import ProtocolError

        if not payload:
            return None
        try:
            e = env.decode(payload)
        except ProtocolError:
            return None
        return e if e.site == self.config.site.id else None

    def _on_engine(self, _topic: str, payload: bytes, _props: object) -> None:
        e = self._decode(payload)
        if e is None or not isinstance(e.data, dict) or \
                not isinstance(e.data.get("online"), bool):
            return
        self.online, self.said_at = e.data["online"], e.ts
        self._heard.set()

    def _on_queue(self, _topic: str, payload: bytes, _props: object) -> None:
        e = self._decode(payload)
        if e is not None and (self.last_state_at is None or e.ts > self.last_state_at):
            self.last_state_at = e.ts

    def heard(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s for the engine's state; whether it came."""
        return self._heard.wait(timeout)

    def down(self) -> str | None:
        """``the queue engine for site S is not running (since TIME)`` when the retained
        state says so, else None (running, or never heard of)."""
        if self.online is not False:
            return None
        site = self.config.site.id
        said, last = self.said_at, self.last_state_at
        if said is not None and (last is None or said >= last):
            # It signed off when it stopped: that message's time is when.
            when = f"since {self.when(said)}"
        elif last is not None:
            # The broker published its will (a crash, a kill, a lost link): that was
            # made when it connected, so the last state it published is the better time.
            when = f"it stopped without signing off; last heard of at {self.when(last)}"
        else:
            when = "it stopped without signing off"
        return f"the queue engine for site {site} is not running ({when})"

    def when(self, at: datetime) -> str:
        """A time as the site's clock shows it; with its date unless it is today."""
        local = at.astimezone(self.config.tz)
        today = datetime.now(self.config.tz).date()
        return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"


def request(client: MqttClient, config: SiteConfig, site_file: str, command: str,
            data: dict[str, Any], timeout: float) -> dict:
    """The command's result, or :class:`CliFailure` with the engine's reason and a hint."""
    from civiq.protocol.errors import ErrorCode
    from civiq.transport.mqtt import RequestFailed

    try:
        return client.request(command, data, timeout=timeout)
    except RequestFailed as exc:
        if exc.code == ErrorCode.ENGINE_UNAVAILABLE:
            raise CliFailure(
                f"no engine answers for site {config.site.id} on the broker at "
                f"{config.broker.host}:{config.broker.port} ({exc.message}); is it running? "
                f"Start it with: civiq engine --site {site_file}", EXIT_UNREACHABLE) from exc
        raise CliFailure(f"refused: {exc.code}: {exc.message}") from exc


def wait_words(p50: float | None, p10: float | None = None,
               p90: float | None = None) -> str | None:
    """The wait in English as the visitor's ticket says it (civiq.waits' rule, the kiosk's
    words): ``about 15 min``, ``30–60 min`` when the 80 % interval is wide, ``no
    waiting`` under a minute; None without an estimate."""
    wait = say_wait(p50, p10, p90)
    if wait is None:
        return None
    if wait.high is not None:
        return f"{wait.minutes}–{wait.high} min"
    if wait.none:
        return "no waiting"
    return f"about {wait.minutes} min"


def ticket_line(number: str, service_name: str, result: dict[str, Any]) -> str:
    """An issued or checked-in ticket (an ``IssueTicketResult``) in one line:
    ``A001 (Ausweis): 3 ahead, about 15 min``."""
    wait = wait_words(result.get("eta_min"), result.get("eta_p10_min"),
                      result.get("eta_p90_min"))
    return f"{number} ({service_name}): {result['ahead']} ahead" + (f", {wait}" if wait else "")


def add_connection_arguments(p: Any, roles: tuple[str, ...], client_prefix: str) -> None:
    """The options every command over the protocol offers."""
    p.add_argument("--site", required=True, help="the site's TOML file")
    p.add_argument("--broker-host", help="override the site file's broker host")
    p.add_argument("--broker-port", type=int, help="override the site file's broker port")
    add_credentials_argument(p)
    p.add_argument("--username", help="broker user (password from $CIVIQ_MQTT_PASSWORD)")
    p.add_argument("--role", choices=roles, default=None,
                   help=f"the role to act as (default: the credentials' role, else "
                   f"{roles[0]})")
    p.set_defaults(_roles=roles)
    p.add_argument("--client-id", default=f"{client_prefix}-{os.getpid()}",
                   help="default: the broker user of --credentials")
    p.add_argument("--timeout", type=positive_float, default=5.0,
                   help="seconds per attempt (default 5)")


def add_credentials_argument(p: Any) -> None:
    """``--credentials FILE``: the one way every civiq app takes its broker user."""
    p.add_argument("--credentials", metavar="FILE",
                   help="this device's broker credentials (civiq device add writes them); "
                   "default: the site file's [broker] credentials")


def device_config(args: Any, role: str) -> tuple[SiteConfig, str | None]:
    """The site file for an app of ``role`` with the command line's broker options and
    credentials, and the app's client id: with credentials it is the broker user (the
    broker fixes the client id to it), else ``--id``. ConfigError when the credentials
    are another role's or the id is not a valid one."""
    from civiq.config import ConfigError, load_site_overridden
    from civiq.credentials import client_id as broker_client_id
    from civiq.protocol.topics import check_id

    cfg = load_site_overridden(args.site, broker_host=args.broker_host,
                               broker_port=args.broker_port,
                               credentials=getattr(args, "credentials", None))
    if cfg.broker.role not in (None, role):
        raise ConfigError(f"{cfg.broker.credentials}: credentials for role "
                          f"{cfg.broker.role!r}, not a {role}'s")
    client_id = broker_client_id(cfg, getattr(args, "id", None))
    if client_id is not None:
        try:
            check_id(client_id, "--id")
        except ValueError as exc:
            raise ConfigError(str(exc)) from exc
    return cfg, client_id


def cannot_write(path: str | Path, *, make_folders: bool = False) -> str | None:
    """Why a file cannot be written at ``path``, or None: asked before the work that
    makes it (a simulated day, a signed code) rather than found after it. Tries it: a
    scratch file in its folder (permissions, a read-only or special file system such as
    /proc), or the file itself opened for appending when it exists (nothing changes in
    it). ``make_folders``: missing folders will be made, so the nearest existing one must
    take them."""
    import tempfile

    p = Path(path)
    if p.is_dir():
        return "it is a folder"
    folder = p.parent
    if make_folders:
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
    if not folder.is_dir():
        return (f"{folder} is not a folder" if folder.exists()
                else f"no folder {folder}")
    try:
        if p.exists():
            with open(p, "ab"):
                pass
        else:
            fd, scratch = tempfile.mkstemp(prefix=f".{p.name}.", dir=folder)
            os.close(fd)
            os.unlink(scratch)
    except OSError as exc:
        if exc.errno == errno.ENOENT:  # the folder is there: /proc, /sys and the like
            return f"no file can be made in {folder}"
        return exc.strerror or str(exc)
    return None


def has_screen() -> bool:
    """Whether windows would be seen here: a graphical session (X11 or Wayland) that Qt
    is not told to bypass. ``civiq demo`` and ``civiq site`` start the apps only then."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and \
        os.environ.get("QT_QPA_PLATFORM") != "offscreen"


def no_screen(prog: str) -> str | None:
    """Why a Qt app cannot start here, or None: on Linux without a graphical session
    Qt's default platform (xcb) aborts the process (SIGABRT) with a message about
    plugins. A platform named in QT_QPA_PLATFORM (offscreen, eglfs, linuxfb, ...) is for
    Qt to open."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or \
            os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (f"{prog}: no screen (DISPLAY/WAYLAND_DISPLAY unset); run it in the graphical "
            "session, or set QT_QPA_PLATFORM=offscreen for tests")


def window_size(spec: str, *, minimum: int, example: str) -> tuple[int, int]:
    """``--size WIDTHxHEIGHT`` of an app's window; ValueError saying what is wrong."""
    try:
        w, h = (int(x) for x in spec.lower().split("x"))
    except ValueError as exc:
        raise ValueError(f"--size {spec!r}: expected WIDTHxHEIGHT, e.g. {example}") from exc
    if not (minimum <= w <= 10_000 and minimum <= h <= 10_000):
        raise ValueError(f"--size {spec!r}: each side must be {minimum}-10000 pixels")
    return w, h


def number_in(kind: type[int] | type[float], low: float, high: float, out_of_range: str,
              *, above_low: bool = False) -> Callable[[str], Any]:
    """An argparse type: a number of ``kind`` in [low, high] (``above_low``: more than
    ``low``), else ``out_of_range`` with ``{text}`` filled in."""
    import argparse
    import math

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError as exc:
            what = "a whole number" if kind is int else "a number"
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from exc
        fits = low < value if above_low else low <= value
        if math.isnan(value) or not fits or not value <= high:
            raise argparse.ArgumentTypeError(out_of_range.format(text=text))
        return value

    return parse


positive_float = number_in(float, 0, math.inf, "{text!r}: must be more than 0", above_low=True)
positive_float.__doc__ = "More than 0 and finite."


def iso_date(not_a_date: str) -> Callable[[str], date]:
    """An argparse type: a date as YYYY-MM-DD, else ``not_a_date`` with ``{text}`` filled
    in."""
    import argparse

    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(not_a_date.format(text=text)) from exc

    return parse


def site_config(args: Any) -> SiteConfig:
    """The site file with the command line's broker options (ConfigError if unusable)."""
    from civiq.config import load_site, load_site_overridden

    cfg = load_site_overridden(args.site, broker_host=args.broker_host,
                               broker_port=args.broker_port,
                               credentials=getattr(args, "credentials", None))
    roles = getattr(args, "_roles", None)
    if roles is not None:
        _resolve_identity(args, cfg, roles)
    if not args.username:
        return cfg
    broker = {**cfg.broker.model_dump(), "username": args.username,
              "password": os.environ.get("CIVIQ_MQTT_PASSWORD")}
    # The site broker's client id is the user, and so is the client's reply topic.
    args.client_id = args.username
    return load_site(args.site, broker=broker)


def site_language(language: str | None, cfg: SiteConfig) -> str:
    """``--language``, one of the site's languages (the ticket is printed and announced
    in it); by default the site's first. :class:`CliFailure` (exit 2) naming them."""
    languages = cfg.site.languages
    if language is None:
        return languages[0]
    if language not in languages:
        raise CliFailure(f"--language {language!r}: not one of the site's languages "
                         f"({', '.join(languages)}; [site] languages in {cfg.source})",
                         EXIT_USAGE)
    return language


def _resolve_identity(args: Any, cfg: SiteConfig, roles: tuple[str, ...]) -> None:
    """Role and client id from the credentials unless given: a device acts as itself."""
    from civiq.config import ConfigError
    from civiq.credentials import client_id

    have = cfg.broker.role
    if args.role is None:
        args.role = have if have in roles else roles[0]
    if have and args.role != have:
        raise ConfigError(f"{cfg.broker.credentials}: credentials for role {have!r}; this "
                          f"command acts as {', '.join(roles)} (--role)")
    args.client_id = client_id(cfg, args.client_id)
