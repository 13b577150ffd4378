"""``civiq counter --site FILE --counter ID [--lang de]``: the clerk's desk."""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from civiq.cli.support import add_credentials_argument, no_screen, window_size

log = logging.getLogger(__name__)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", required=True, help="the site's TOML file")
    p.add_argument("--counter", required=True,
                   help="this desk's counter: its id (platz-5) or its number (5)")
    p.add_argument("--id", help="this desk's client id (default: the counter id)")
    p.add_argument("--lang", help="the desk's language, e.g. de or en (default: the site's "
                   "first language)")
    p.add_argument("--broker-host", help="override the broker host of the site file")
    p.add_argument("--broker-port", type=int, help="override the broker port of the site file")
    add_credentials_argument(p)
    p.add_argument("--clock", help="ISO start time with offset, optionally @speed-up factor "
                   "(demos: the simulated time)")
    p.add_argument("--clerk", help="log this staff id in at start (demos)")
    p.add_argument("--size", default="1280x800", help="window size WxH (default 1280x800)")
    p.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)  # tests


def _size(spec: str) -> tuple[int, int]:
    return window_size(spec, minimum=300, example="1280x800")


def run(args: argparse.Namespace) -> int:
    from civiq.cli.support import device_config
    from civiq.clock import clock_from_spec
    from civiq.config import ConfigError

    try:
        # With credentials the desk is its broker user: the ACL lets it write only its
        # own command topic and status, and the engine only the counters it is assigned.
        cfg, args.id = device_config(args, "counter")
        counter = cfg.find_counter(args.counter).id
        clock = clock_from_spec(args.clock)
        size = _size(args.size)
    except (ConfigError, ValueError) as exc:
        print(f"civiq counter: {exc}", file=sys.stderr)
        return 2
    try:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from counter_client.app import CounterApp
    except ImportError as exc:
        from civiq.cli import unavailable

        print(unavailable("counter", exc), file=sys.stderr)
        return 2
    why = no_screen("civiq counter")
    if why is not None and QApplication.instance() is None:
        print(why, file=sys.stderr)
        return 2

    app = QApplication.instance() or QApplication(sys.argv[:1])
    desk = CounterApp(cfg, counter, client_id=args.id, clock=clock, lang=args.lang)
    desk.window.resize(*size)
    desk.window.show()
    desk.start()
    if args.clerk:
        desk.window.login.clerk.setText(args.clerk)
        # logs in once the engine is there (the desk refuses actions while offline)
        def try_login() -> None:
            if desk.desk.state.clerk is None and desk.desk.online:
                desk.window.login.submit()
            elif desk.desk.state.clerk is None:
                QTimer.singleShot(500, try_login)
        QTimer.singleShot(500, try_login)
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(200)
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    log.info("counter desk %s for %s on %s:%s", counter, cfg.site.id, cfg.broker.host,
             cfg.broker.port)
    try:
        app.exec()
    finally:
        desk.stop()
    return 0
