"""``python -m tools.screenshots`` (``make screenshots``): every app's screenshots.

Starts a private broker and an in-process engine on a manual clock set to a plausible
Tuesday morning, creates activity over MQTT as kiosks and counters would, then lets each
registered app grab its windows into ``docs/screenshots/``. An app adds itself with
``@screenshot("name")``; the function gets a :class:`Scene` and returns the files written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from broker_config.mosquitto import Mosquitto
from civiq._qt.events import wait_for_events
from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient

ROOT = Path(__file__).resolve().parent.parent
SITE_FILE = ROOT / "sites" / "hamburg-wandsbek.toml"
OUT = ROOT / "docs" / "screenshots"
#: Tuesday morning, the example site open since 08:00.
MORNING = datetime(2026, 11, 24, 10, 17, tzinfo=ZoneInfo("Europe/Berlin"))


@dataclass
class Scene:
    config: SiteConfig
    clock: ManualClock
    out: Path
    clients: dict[str, MqttClient] = field(default_factory=dict)

    def client(self, role: str, client_id: str) -> MqttClient:
        key = f"{role}/{client_id}"
        if key not in self.clients:
            self.clients[key] = MqttClient(self.config.broker, self.config.site.id, role,
                                           client_id).start(wait=10)
        return self.clients[key]


Shooter = Callable[[Scene], list[Path]]
REGISTRY: dict[str, Shooter] = {}


def screenshot(name: str) -> Callable[[Shooter], Shooter]:
    def add(fn: Shooter) -> Shooter:
        REGISTRY[name] = fn
        return fn
    return add


def qt_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def process_events_for(seconds: float, until: Callable[[], bool] | None = None) -> bool:
    """Let Qt work until ``until()`` holds (True) or ``seconds`` pass; without ``until``,
    for ``seconds`` (layout and paint settle)."""
    qt_app()
    if until is None:
        wait_for_events(lambda: False, seconds)
        return True
    return wait_for_events(until, seconds)


def save_grab(widget: Any, path: Path, written: list[Path]) -> None:
    """What ``widget`` shows now, into ``path``; the path is added to ``written``."""
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    written.append(path)


@contextmanager
def running(app: Any, window: Any, size: tuple[int, int]) -> Iterator[None]:
    """``app`` started with its ``window`` shown at ``size``; stopped and the window gone
    afterwards, also after an error."""
    window.resize(*size)
    window.show()
    app.start()
    try:
        yield
    finally:
        app.stop()
        window.close()
        window.deleteLater()
        process_events_for(0.2)


def morning_activity(scene: Scene) -> None:
    """A busy morning: counters open, tickets issued over the last two hours, calls."""
    kiosk = scene.client("kiosk", "kiosk-1")
    # Not platz-6: its desk is shot below, and a second client with its id would take
    # the desk's place at the broker.
    busy = ("platz-1", "platz-2", "platz-3", "platz-4", "platz-5")
    counters = {cid: scene.client("counter", cid) for cid in busy}
    for cid in busy:
        counters[cid].request("open_counter", {"counter": cid})
    mix = ["ausweis", "melde", "ausweis", "abholung", "melde", "ausweis", "melde", "melde"]
    for i in range(46):
        kiosk.request("issue_ticket", {"service": mix[i % len(mix)]})
        scene.clock.advance(60)
    order = ["platz-1", "platz-2", "platz-3", "platz-4", "platz-5"] * 6
    for cid in order[:26]:
        counters[cid].request("call_next", {"counter": cid})
        scene.clock.advance(70)
    scene.clock.set(MORNING)


@screenshot("display")
def display_board_shots(scene: Scene) -> list[Path]:
    from display_board.app import DisplayApp

    qt_app()
    written: list[Path] = []
    shots = (
        # a 55-inch hall panel, landscape and portrait
        ("display-landscape.png", (1920, 1080), {}),
        ("display-portrait.png", (1080, 1920), {}),
        # what `civiq display` opens on an ordinary 24-inch desktop monitor
        ("display-window.png", (1920, 1080), {"screen_inches": 24}),
        ("display-counters.png", (1920, 1080), {"layout": "counters"}),
    )
    for n, (name, size, options) in enumerate(shots):
        app = DisplayApp(scene.config, f"shot-{n}", clock=scene.clock, sound=False,
                         **options)
        with running(app, app.board, size):
            ok = process_events_for(10, lambda a=app: a.board.view is not None
                                    and not a.board.view.stale
                                    and a.board.view.newest is not None)
            if not ok:
                raise RuntimeError(f"{name}: the board did not show the site's state in 10 s")
            # One more call now, so the picture shows the highlighted newest call.
            scene.client("counter", "platz-3").request("call_next", {"counter": "platz-3"})
            process_events_for(5, lambda a=app: a.board.view is not None
                               and a.board.view.highlight and a.board.view.blink_on)
            save_grab(app.board, scene.out / name, written)
            if name == "display-landscape.png":
                # The same board when it cannot reach the broker: last calls kept, marked old.
                app.vm.set_connected(False)
                app.refresh()
                process_events_for(0.3)
                save_grab(app.board, scene.out / "display-stale.png", written)
                app.vm.set_connected(True)
    # These boards are gone for good: their retained "offline" status is cleared, as for
    # a device taken away, so the desk's pictures do not show four lost boards.
    clear = scene.client("operator", "shots")
    for n in range(len(shots)):
        clear.publish(topics.device_status(scene.config.site.id, f"shot-{n}"), b"",
                      retain=True).wait_for_publish(timeout=5)
    return written


@screenshot("counter")
def counter_desk_shots(scene: Scene) -> list[Path]:
    """The clerk's desk at platz-6 (Führerschein and Melde): idle, calling, serving,
    paused, offline."""
    from counter_client.app import CounterApp

    qt_app()
    app = CounterApp(scene.config, "platz-6", clock=scene.clock, lang="de")
    written: list[Path] = []

    def shot(name: str, until: Callable[[], bool]) -> None:
        if not process_events_for(10, lambda: until() and app.view is not None
                                  and app.view.busy is None):
            raise RuntimeError(f"{name}: the desk did not get there in 10 s")
        app.refresh()
        process_events_for(0.3)
        save_grab(app.window, scene.out / name, written)

    with running(app, app.window, (1280, 800)):
        process_events_for(10, lambda: app.desk.online)
        app.window.login.clerk.setText("k.meier")
        app.window.login.submit()
        shot("counter-idle.png", lambda: app.view.status is not None
             and app.view.status.value == "open")
        app.act("call_next")
        shot("counter-calling.png", lambda: app.view.current is not None)
        app.act("start")
        shot("counter-serving.png", lambda: app.view.current is not None
             and app.view.current.status.value == "serving")
        app.act("park")
        process_events_for(5, lambda: app.view.busy is None and app.view.current is None)
        app.act("pause")
        app.window.desk.prompt.accept()
        shot("counter-paused.png", lambda: app.view.status.value == "paused")
        app.act("resume")
        process_events_for(5, lambda: app.view.busy is None
                           and app.view.status.value == "open")
        app.act("call_next")
        process_events_for(5, lambda: app.view.busy is None and app.view.current is not None)
        # the same desk when the broker is away: actions off, the ticket kept
        app.desk.state.connected = False
        shot("counter-offline.png", lambda: True)
        app.desk.state.connected = True
    return written


KIOSK_LANGS = ("de", "en", "ar")


@screenshot("kiosk")
def kiosk_shots(scene: Scene) -> list[Path]:
    """Every kiosk screen in German, English and Arabic on a 1080x1920 portrait panel."""
    from datetime import timedelta

    from civiq.appointments.token import load_private_key, sign_token
    from kiosk.app import KioskApp
    from kiosk.viewmodel import Screen
    from printers import PrinterState, PrintResult

    qt_app()
    key = load_private_key(SITE_FILE.parent / "keys"
                           / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem")
    booking = scene.client("booking", "shots-booking")
    site = scene.config.site.id

    def code(booking_id: str, slot: datetime) -> str:
        booking.request("import_appointments", {"appointments": [
            {"booking_id": booking_id, "service": "ausweis", "slot_start": slot.isoformat(),
             "slot_minutes": 15}]})
        return sign_token(key, "demo", booking_id, site, slot.date(), slot)

    written: list[Path] = []
    app = KioskApp(scene.config, "kiosk-shots", clock=scene.clock, tts_engine="mock",
                   camera=False, install_input=False)
    app.window.allow_close = True

    def shot(name: str) -> None:
        app.refresh()
        process_events_for(0.3)
        save_grab(app.window, scene.out / name, written)

    def wait_screen(screen: Screen) -> None:
        if not process_events_for(10, lambda: app.vm.screen is screen):
            raise RuntimeError(f"kiosk: no {screen} screen within 10 s")

    with running(app, app.window, (1080, 1920)):
        if not process_events_for(10, lambda: app.vm.in_service()
                                  and app.model.snapshot.queue is not None):
            raise RuntimeError("kiosk: not in service within 10 s")
        for n, lang in enumerate(KIOSK_LANGS):
            app.tap("done")  # a fresh citizen
            app.tap(f"lang:{lang}")
            shot(f"kiosk-start-{lang}.png")
            app.tap("code")
            for d in "4071953":
                app.tap(f"digit:{d}")
            shot(f"kiosk-booking-code-{lang}.png")
            app.tap("back")
            app.tap("svc:melde")
            wait_screen(Screen.TICKET)
            process_events_for(2, lambda: not app.vm.printing)
            shot(f"kiosk-ticket-{lang}.png")
            # the printer out of paper as the ticket is printed: number and QR on screen
            app._on_printed(PrintResult(False, PrinterState.PAPER_OUT, "screenshot"))
            shot(f"kiosk-printer-fault-{lang}.png")
            app._on_printed(PrintResult(True, PrinterState.OK))
            app.tap("back")
            app.tap(f"lang:{lang}")
            good = code(f"shot-ok-{n}", MORNING + timedelta(minutes=13))
            app.scan(good)
            wait_screen(Screen.TICKET)
            shot(f"kiosk-checkin-{lang}.png")
            app.scan(good)  # the same code again
            wait_screen(Screen.REFUSED)
            shot(f"kiosk-refused-already-{lang}.png")
            app.tap("back")
            app.scan(code(f"shot-early-{n}", MORNING + timedelta(hours=3)))
            wait_screen(Screen.REFUSED)
            shot(f"kiosk-refused-too-early-{lang}.png")
            app.tap("back")
            app.vm.connected = False
            shot(f"kiosk-out-of-service-{lang}.png")
            app.vm.connected = True
            app.tap("speech")
            app.vm.focus = 1
            app.vm.last_spoken = app.vm.build(app.model.snapshot.queue, 0.0).prompt
            shot(f"kiosk-speech-{lang}.png")
            app.tap("speech")
        app.tap("done")
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__)
    p.add_argument("--only", help="comma-separated app names; default all: "
                   + ", ".join(sorted(REGISTRY)))
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(REGISTRY)
    unknown = [n for n in chosen if n not in REGISTRY]
    if unknown:
        print(f"unknown screenshot set(s): {', '.join(unknown)}; known: "
              f"{', '.join(sorted(REGISTRY))}", file=sys.stderr)
        return 2
    from queue_engine.service import EngineService  # dev tool: may run the engine in-process

    args.out.mkdir(parents=True, exist_ok=True)
    with Mosquitto() as broker, tempfile.TemporaryDirectory(prefix="civiq-shots-") as data:
        config = load_site(SITE_FILE, broker={"host": "127.0.0.1", "port": broker.port},
                           data={"folder": data})
        clock = ManualClock(datetime(2026, 11, 24, 8, 0, tzinfo=ZoneInfo("Europe/Berlin")))
        engine = EngineService(config, clock).start()
        if not engine.ready.wait(10):
            raise RuntimeError("engine did not connect to the private broker")
        scene = Scene(config, clock, args.out)
        try:
            morning_activity(scene)
            for name in chosen:
                for path in REGISTRY[name](scene):
                    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        finally:
            for c in scene.clients.values():
                c.stop()
            engine.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
