"""``civiq display --site FILE [--id display-1] [--services A,B] [--counters 1-8]``."""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from civiq.cli.support import add_credentials_argument, no_screen, window_size

log = logging.getLogger(__name__)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", required=True, help="the site's TOML file")
    p.add_argument("--id", default="display-1", help="this display's id (default display-1)")
    p.add_argument("--services", help="only these services: ids or ticket letters, e.g. A,B")
    p.add_argument("--counters", help="only these counters: numbers, ranges or ids, e.g. 1-8")
    add_credentials_argument(p)
    p.add_argument("--broker-host", help="override the broker host of the site file")
    p.add_argument("--broker-port", type=int, help="override the broker port of the site file")
    p.add_argument("--recent", type=int, help="recent calls listed (default from the site file)")
    p.add_argument("--fullscreen", action="store_true", help="fill the screen (wall displays)")
    p.add_argument("--portrait", action="store_true",
                   help="open a 1080x1920 window (a fullscreen board follows the screen)")
    p.add_argument("--size", help="window size WxH, e.g. 1280x720")
    p.add_argument("--layout", choices=("calls", "counters"),
                   help="right-hand column: recent calls, or every open counter's number "
                   "(default from the site file)")
    p.add_argument("--screen-inches", type=float,
                   help="screen diagonal, for character heights when the system does not know it")
    p.add_argument("--mute", action="store_true", help="no chime and no spoken calls")
    p.add_argument("--tts-engine", default="auto",
                   help="auto (a QtTextToSpeech engine with the languages, else espeak-ng), "
                   "espeak, none, or a QtTextToSpeech engine name such as mock")
    p.add_argument("--clock", help="ISO start time with offset, optionally @speed-up factor "
                   "(demos: show the simulated time)")
    p.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)  # tests, benchmarks


def _steady_memory() -> None:
    """glibc raises its mmap threshold each time a large block is freed, after which the
    board's short-lived large buffers (text pixmaps, decoded sounds) come from the heap
    and are not given back: resident memory creeps up by megabytes before it levels
    off. A fixed threshold keeps large blocks mmapped, returned on free."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if not name or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(name)
        m_mmap_threshold = -3
        libc.mallopt(m_mmap_threshold, 128 * 1024)
    except (OSError, AttributeError):
        log.debug("mallopt not available; memory settles a little higher")


def _size(spec: str) -> tuple[int, int]:
    return window_size(spec, minimum=100, example="1920x1080")


def run(args: argparse.Namespace) -> int:
    from civiq.cli.support import device_config
    from civiq.clock import clock_from_spec
    from civiq.config import ConfigError
    from display_board.filters import FilterError, parse_filter

    try:
        # With credentials the display is its broker user (the ACL lets it write only
        # its own status).
        cfg, args.id = device_config(args, "display")
        board_filter = parse_filter(args.services, args.counters, cfg)
        clock = clock_from_spec(args.clock)
        size = _size(args.size) if args.size else ((1080, 1920) if args.portrait
                                                   else (1920, 1080))
        if args.recent is not None and not 1 <= args.recent <= 20:
            raise ValueError("--recent: must be 1-20")
        if args.screen_inches is not None and not 5 <= args.screen_inches <= 300:
            raise ValueError("--screen-inches: must be 5-300")
    except (ConfigError, FilterError, ValueError) as exc:
        print(f"civiq display: {exc}", file=sys.stderr)
        return 2

    _steady_memory()
    try:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from display_board.app import DisplayApp
    except ImportError as exc:
        from civiq.cli import unavailable

        print(unavailable("display", exc), file=sys.stderr)
        return 2
    why = no_screen("civiq display")
    if why is not None and QApplication.instance() is None:
        print(why, file=sys.stderr)
        return 2

    app = QApplication.instance() or QApplication(sys.argv[:1])
    display = DisplayApp(cfg, args.id, board_filter=board_filter, clock=clock,
                         mute=args.mute, tts_engine=args.tts_engine, recent_calls=args.recent,
                         screen_inches=args.screen_inches, layout=args.layout)
    board = display.board
    screen = app.primaryScreen()
    if not args.size and screen is not None and app.platformName() not in ("offscreen",
                                                                          "minimal"):
        # A desktop monitor smaller than the default: the window fits on it, whole.
        room = screen.availableGeometry()
        size = (min(size[0], room.width()), min(size[1], room.height()))
    board.resize(*size)
    if args.fullscreen:
        board.showFullScreen()
    else:
        board.show()
    display.start()
    # Qt's loop does not run Python signal handlers; a short timer lets SIGINT/SIGTERM in.
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(200)
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    log.info("display %s for %s on %s:%s", args.id, cfg.site.id, cfg.broker.host,
             cfg.broker.port)
    try:
        app.exec()
    finally:
        log.info("display %s stopped, showing %s", args.id,
                 board.hero.number.text() or "-")
        display.stop()
    return 0
