"""The ``civiq`` command. Subcommands load their modules lazily, by name, so the core
never imports an app (and Qt) it does not run."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import sys
from collections.abc import Callable

#: name -> (module with add_arguments(parser) and run(args), help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "engine": ("queue_engine.main", "Run a site's queue engine (headless, one per site)."),
    "demo": ("civiq.cli.demo", "A whole site on this machine: broker, engine, apps, simulation."),
    "display": ("display_board.main", "Run a wall display board."),
    "counter": ("counter_client.main", "Run a clerk's counter desk."),
    "kiosk": ("kiosk.main", "Run a lobby kiosk: tickets, QR check-in, speech mode."),
    "simulate": ("simulator.main",
                 "A seeded customer-centre day against the real engine; writes an events CSV."),
    "appointments": ("civiq.appointments.cli",
                     "Booking keys, signed QR codes, CSV import and lists of bookings."),
    "ticket": ("civiq.cli.ticket",
               "Issue, list, cancel, transfer and call tickets from a terminal (operator)."),
    "check-in": ("civiq.cli.check_in",
                 "Check in a booking by the text of its QR code or by its booking code "
                 "(operator)."),
    "site": ("civiq.cli.site",
             "A whole site on this machine (a mobile site): secured broker, engine, apps."),
    "broker-config": ("broker_config.cli",
                      "Write a site's or the central broker's Mosquitto configuration, or "
                      "a test CA."),
    "device": ("broker_config.device_cli",
               "Add, revoke and list a site's devices (one broker user each)."),
}


#: The subcommands that are Qt apps: their modules import Qt only when they run, so that
#: a module that loads does not yet mean the app can start.
QT_APPS = frozenset({"display", "counter", "kiosk"})


def _load(module: str) -> tuple[Callable, Callable]:
    mod = importlib.import_module(module)
    return mod.add_arguments, mod.run


def unavailable(name: str, exc: ImportError) -> str:
    """Why ``civiq NAME`` cannot run here, in one line."""
    if (exc.name or "").startswith("PySide6"):
        # A headless install (`pip install civiq`) has no Qt; the apps come with an extra.
        return (f"civiq {name}: this is a Qt app and Qt is not installed here; install the "
                f"apps with: pip install 'civiq[apps]' ({exc})")
    return f"civiq {name}: not available here ({exc})"


def why_unavailable(name: str) -> str | None:
    """None when ``civiq NAME`` can start on this installation, else why not, in one
    line: its module does not import, or it is a Qt app and Qt is missing."""
    try:
        _load(SUBCOMMANDS[name][0])
    except ImportError as exc:
        return unavailable(name, exc)
    if name in QT_APPS:
        try:
            found = importlib.util.find_spec("PySide6") is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            return unavailable(name, ModuleNotFoundError("No module named 'PySide6'",
                                                         name="PySide6"))
    return None


def available(name: str, prog: str | None = None) -> bool:
    """Whether ``civiq NAME`` can start here (a command that starts others asks before
    it does). If not and ``prog`` is given, says so on the terminal in one line."""
    why = why_unavailable(name)
    if why is not None and prog is not None:
        print(f"{prog}: not starting {name}: {why}", file=sys.stderr)
    return why is None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="civiq",
        description="civiq — queue ticketing, kiosks, counters and wall displays for "
        "public service centres.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, help_) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_, description=help_)
        if only is None or only == name:
            try:
                add, _ = _load(module)
            except ImportError as exc:
                p.set_defaults(_unavailable=unavailable(name, exc))
                continue
            add(p)
        _accept_verbose(p)
    return parser


def _accept_verbose(p: argparse.ArgumentParser) -> None:
    """-v/--verbose also after the command (``civiq engine -v``, ``civiq device add -v``),
    on every level of subcommands. Its default is left out, so a ``civiq -v`` given
    before the command is not reset by the command's parser."""
    if "-v" not in p._option_string_actions and "--verbose" not in p._option_string_actions:
        p.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                       help="log more (as civiq -v COMMAND)")
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _accept_verbose(child)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((a for a in argv if a in SUBCOMMANDS), None)
    parser = build_parser(chosen)
    args, extra = parser.parse_known_args(argv)
    # A command whose module cannot load has no options: say why it is missing rather
    # than complain about its options.
    if getattr(args, "_unavailable", None):
        print(args._unavailable, file=sys.stderr)
        return 2
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("alembic", "paho"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _, run = _load(SUBCOMMANDS[args.command][0])
    try:
        return int(run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # The last resort: each command names its own failures; what slips through still
        # gets one line, and the traceback only where -v asks for it.
        logging.getLogger("civiq").debug("%s failed", args.command, exc_info=True)
        print(failure_line(args.command, exc), file=sys.stderr)
        return 1


def failure_line(command: str, exc: BaseException) -> str:
    """The one line for a failure no command named itself, with where -v goes (before the
    command works for every command; after it too)."""
    return (f"civiq {command}: {type(exc).__name__}: {exc} (for the details run it again "
            f"as: civiq -v {command} ...)")


if __name__ == "__main__":
    raise SystemExit(main())
