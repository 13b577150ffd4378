"""``civiq kiosk --site FILE --id kiosk-1``: the lobby kiosk, full screen and locked."""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from civiq.cli.support import add_credentials_argument, no_screen, window_size
from civiq.config import SiteConfig

log = logging.getLogger(__name__)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", required=True, help="the site's TOML file")
    p.add_argument("--id", default="kiosk-1",
                   help="this kiosk's id; its [[kiosks]] entry in the site file names its "
                   "printer and screen (default kiosk-1)")
    p.add_argument("--broker-host", help="override the broker host of the site file")
    p.add_argument("--broker-port", type=int, help="override the broker port of the site file")
    add_credentials_argument(p)
    p.add_argument("--printer-host", metavar="HOST",
                   help="print to this network printer (raw TCP), overriding the printer of "
                   "the kiosk's [[kiosks]] entry (set-up, demo)")
    p.add_argument("--printer-port", type=int, default=9100, metavar="PORT",
                   help="with --printer-host: its port (default 9100)")
    p.add_argument("--window", action="store_true",
                   help="an ordinary window that may be closed (set-up, demo); default: "
                   "frameless full screen with no way out by keyboard or gestures")
    p.add_argument("--size", default="1080x1920",
                   help="window size WxH with --window (default 1080x1920, portrait)")
    p.add_argument("--hide-cursor", action="store_true", help="no mouse pointer (touch only)")
    p.add_argument("--tts-engine", default="auto",
                   help="QtTextToSpeech engine for speech mode: auto, speechd, mock, none")
    p.add_argument("--clock", help="ISO start time with offset, optionally @speed-up factor "
                   "(demos)")
    p.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)  # tests


def _size(spec: str) -> tuple[int, int]:
    return window_size(spec, minimum=200, example="1080x1920")


def with_network_printer(cfg: SiteConfig, kiosk_id: str, host: str, port: int) -> SiteConfig:
    """The site with this kiosk's printer replaced by a network printer at host:port (the
    rest of its [[kiosks]] entry, or a new one, kept)."""
    from civiq.config import Kiosk

    if not 1 <= port <= 65535:
        raise ValueError(f"--printer-port {port}: must be 1-65535")
    mine = next((k for k in cfg.kiosks if k.id == kiosk_id), Kiosk(id=kiosk_id))
    printer = mine.printer.model_copy(update={"backend": "network", "host": host,
                                              "port": port})
    kiosks = [k for k in cfg.kiosks if k.id != kiosk_id]
    kiosks.append(mine.model_copy(update={"printer": printer}))
    return cfg.model_copy(update={"kiosks": kiosks})


def run(args: argparse.Namespace) -> int:
    from civiq.cli.support import device_config
    from civiq.clock import clock_from_spec
    from civiq.config import ConfigError

    try:
        # With credentials the kiosk is its broker user (the ACL lets it write only its
        # own command topic, status and alerts).
        cfg, args.id = device_config(args, "kiosk")
        if args.printer_host:
            cfg = with_network_printer(cfg, args.id, args.printer_host, args.printer_port)
        clock = clock_from_spec(args.clock)
        size = _size(args.size)
    except (ConfigError, ValueError) as exc:
        print(f"civiq kiosk: {exc}", file=sys.stderr)
        return 2
    if cfg.kiosks and all(k.id != args.id for k in cfg.kiosks):
        known = ", ".join(k.id for k in cfg.kiosks)
        print(f"civiq kiosk: {args.site} has no [[kiosks]] entry with id {args.id!r} "
              f"(it has: {known}); running without a printer", file=sys.stderr)
    try:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtGui import QCursor
        from PySide6.QtWidgets import QApplication

        from kiosk.app import KioskApp
    except ImportError as exc:
        from civiq.cli import unavailable

        print(unavailable("kiosk", exc), file=sys.stderr)
        return 2
    why = no_screen("civiq kiosk")
    if why is not None and QApplication.instance() is None:
        print(why, file=sys.stderr)
        return 2

    app = QApplication.instance() or QApplication(sys.argv[:1])
    kiosk = KioskApp(cfg, args.id, clock=clock, tts_engine=args.tts_engine)
    w = kiosk.window
    if args.window:
        w.allow_close = True
        w.resize(*size)
        w.show()
    else:
        w.setWindowFlags(Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        w.showFullScreen()
    if args.hide_cursor:
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    kiosk.start()
    signal.signal(signal.SIGINT, lambda *_: _quit(app, w))
    signal.signal(signal.SIGTERM, lambda *_: _quit(app, w))
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(200)
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), lambda: _quit(app, w))
    log.info("kiosk %s for %s on %s:%s", args.id, cfg.site.id, cfg.broker.host,
             cfg.broker.port)
    try:
        app.exec()
    finally:
        kiosk.stop()
    return 0


def _quit(app, window) -> None:  # type: ignore[no-untyped-def]
    window.allow_close = True  # only the operating system's signals end a kiosk
    app.quit()
