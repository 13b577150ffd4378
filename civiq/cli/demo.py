"""``civiq demo``: a whole site on one machine.

Starts a private Mosquitto on a free loopback port, secured as a site's broker (a
user per device, access by role, nothing anonymous; no network listener), the engine
on the example site with its SQLite file in the user data folder, the day simulator so
that something moves, and
every app that exists — in windows when a screen is present, otherwise (or with
``--headless``) a live text view in the terminal. Ctrl-C stops everything it started.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from broker_config.generate import GenerateError
from broker_config.mosquitto import BrokerError, Mosquitto
from broker_config.users import UsersError
from civiq.cli import available, textview
from civiq.cli.support import has_screen, number_in
from civiq.config import ConfigError, SiteConfig, load_site, load_site_overridden
from civiq.transport.mqtt import MqttClient
from civiq.transport.state import SiteStateModel

if TYPE_CHECKING:
    from printers.virtual import PrintJob, VirtualPrinter

EXAMPLE_SITE = Path(__file__).resolve().parents[2] / "sites" / "hamburg-wandsbek.toml"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", default=str(EXAMPLE_SITE), help="site file (default: the example "
                   "Hamburg customer centre)")
    p.add_argument("--headless", action="store_true",
                   help="no windows: the live text view in this terminal")
    p.add_argument("--speed", type=_speed, default=10.0,
                   help="how much faster than real time the day runs (default 10)")
    p.add_argument("--data", help="data folder (default: the user data folder)")
    p.add_argument("--keep-data", action="store_true",
                   help="continue the previous demo's day instead of starting afresh")
    p.add_argument("--no-simulation", action="store_true", help="no simulated visitors/clerks")
    p.add_argument("--counter", default="1",
                   help="the counter whose desk opens in a window for you to work (id or "
                   "number; default 1); the simulated clerks leave it to you")
    p.add_argument("--duration", type=_duration, default=0,
                   help="stop by itself after this many seconds (0: run until Ctrl-C)")


_speed = number_in(float, 0, 1000, "{text}: more than 0 and at most 1000 (a day in under a "
                   "minute)", above_low=True)
_duration = number_in(float, 0, math.inf, "{text}: 0 (until Ctrl-C) or more seconds")

#: Written into every data folder the demo makes.
MARK = ".civiq-demo"
#: What the demo makes in its folder; starting afresh removes these and nothing else.
DEMO_ITEMS = (MARK, "queue.sqlite3", "queue.sqlite3-wal", "queue.sqlite3-shm", "broker", "logs",
              "simulation-events.csv", "printed-tickets")


def prepare_data(data: Path, fresh: bool) -> str | None:
    """Make or reuse the demo's data folder; afresh, remove what an earlier demo left
    there. A folder holding anything else is the user's: refused (why, as the return
    value), nothing deleted."""
    if data.exists() and not data.is_dir():
        return f"{data} is not a folder"
    if data.exists():
        foreign = sorted(p.name for p in data.iterdir() if p.name not in DEMO_ITEMS)
        if foreign:
            return (f"{data} holds files civiq demo did not make ({', '.join(foreign[:3])}"
                    f"{', ...' if len(foreign) > 3 else ''}); give a new or empty folder with "
                    "--data. Nothing was deleted.")
    data.mkdir(parents=True, exist_ok=True)
    if fresh:
        for name in DEMO_ITEMS:
            p = data / name
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            elif p.exists() or p.is_symlink():
                p.unlink()
    (data / MARK).write_text("a civiq demo's data folder: civiq demo clears what it made here\n",
                             encoding="utf-8")
    return None


def demo_clock_start(config: SiteConfig, now: datetime) -> datetime:
    """Now, when the site is open; else its next opening, so the demo never sits closed."""
    if config.open_interval(now) is not None:
        return now
    nxt = config.next_opening(now)
    return nxt + timedelta(minutes=5) if nxt else now


#: The demo's devices: user -> role. The simulation plays a kiosk, a counter (acting
#: for every counter: the example site is a demo site) and a booking system.
DEMO_DEVICES = {"sim-kiosk": "kiosk", "sim-counter": "counter", "sim-booking": "booking",
                "display-1": "display", "demo-textview": "display", "desk-1": "counter",
                "kiosk-1": "kiosk"}


def secured_broker(site: str, folder: Path) -> tuple[Mosquitto, dict[str, Path]]:
    """The demo's private broker, secured as a site's (users, access by role, nothing
    anonymous), on a free loopback port without the TLS listener: it never leaves this
    machine. Started; with each device's credentials file."""
    from broker_config.generate import SiteBroker, write_site
    from broker_config.mosquitto import free_port, reachable_by_broker_user
    from broker_config.users import UserStore

    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    conf = write_site(SiteBroker(site, folder, port=port, lan_port=None,
                                 run_as=None if reachable_by_broker_user(folder) else "root"))
    users = UserStore(folder, "site", site)
    creds = {"engine": users.ensure("engine", "engine")}
    for user, role in DEMO_DEVICES.items():
        creds[user] = users.ensure(user, role)
    return Mosquitto(port, config_file=conf).start(), creds


def _civiq(*args: str) -> list[str]:
    return [sys.executable, "-m", "civiq", *args]


class Demo:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.children: list[tuple[str, subprocess.Popen]] = []
        self.stop = threading.Event()
        self.printer: VirtualPrinter | None = None

    def start_printer(self, folder: Path) -> VirtualPrinter:
        """A virtual network printer for the kiosk; each ticket it prints is read back
        from its ESC/POS bytes and saved as a picture in ``folder``."""
        # Imported here: only a demo with a kiosk window prints.
        from printers.escpos_stream import DecodeError, decode
        from printers.receipt import receipt_png
        from printers.virtual import VirtualPrinter

        folder.mkdir(exist_ok=True)
        count = itertools.count(1)

        def keep(job: PrintJob) -> None:
            if not job.complete:
                return
            try:
                png = receipt_png(decode(job.data))
            except DecodeError as exc:
                print(f"civiq demo: a printed ticket could not be read back: {exc}",
                      file=sys.stderr)
                return
            path = folder / f"ticket-{next(count):03d}.png"
            path.write_bytes(png)
            print(f"\nciviq demo: the kiosk printed a ticket: {path}", flush=True)

        self.printer = VirtualPrinter(on_job=keep).start()
        return self.printer

    def spawn(self, name: str, cmd: list[str]) -> None:
        log = self.logdir / f"{name}.log"
        fh = log.open("ab")
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.children.append((name, proc))

    def run(self) -> int:
        a = self.args
        try:
            base = load_site(a.site)
        except ConfigError as exc:
            print(f"civiq demo: {exc}", file=sys.stderr)
            return 2
        data = Path(a.data) if a.data else Path(platformdirs.user_data_dir("civiq")) / "demo" \
            / base.site.id
        refused = prepare_data(data, fresh=not a.keep_data)
        if refused:
            print(f"civiq demo: {refused}", file=sys.stderr)
            return 2
        self.logdir = data / "logs"
        self.logdir.mkdir(exist_ok=True)
        try:
            broker, creds = secured_broker(base.site.id, data / "broker")
        except (BrokerError, GenerateError, UsersError, OSError) as exc:
            print(f"civiq demo: {exc}", file=sys.stderr)
            return 2
        config = load_site_overridden(a.site, broker_host="127.0.0.1",
                                      broker_port=broker.port, data_folder=str(data),
                                      credentials=creds["demo-textview"])
        windows = has_screen() and not a.headless
        desk = None
        if windows and available("counter", "civiq demo"):
            try:
                desk = config.find_counter(a.counter).id
            except ValueError as exc:
                print(f"civiq demo: --counter: {exc}", file=sys.stderr)
                broker.stop()
                return 2
        start = demo_clock_start(config, datetime.now(config.tz))
        clock = f"{start.isoformat()}@{a.speed:g}"
        common = ["--site", a.site, "--broker-host", "127.0.0.1",
                  "--broker-port", str(broker.port)]
        print(f"civiq demo: broker on 127.0.0.1:{broker.port} (a user per device, access "
              f"by role; credentials in {data / 'broker' / 'credentials'}), data and logs "
              f"in {data}")
        print(f"civiq demo: a simulated day from {start:%a %d.%m.%Y %H:%M} (local time), "
              f"{a.speed:g}x faster than real time: times shown are the simulated clock's")
        try:
            self.spawn("engine", _civiq("engine", *common, "--data", str(data),
                                        "--clock", clock, "--credentials",
                                        str(creds["engine"])))
            if not a.no_simulation and available("simulate", "civiq demo"):
                leave = ["--leave-counter", desk] if desk else []
                self.spawn("simulate", _civiq(
                    "simulate", *common, "--live", "--clock", clock, *leave,
                    "--out", str(data / "simulation-events.csv"),
                    *(x for user in ("sim-kiosk", "sim-counter", "sim-booking")
                      for x in ("--credentials", str(creds[user])))))
            if windows and available("display", "civiq demo"):
                self.spawn("display", _civiq("display", *common, "--clock", clock,
                                             "--credentials", str(creds["display-1"])))
            if windows and available("kiosk", "civiq demo"):
                # an ordinary window beside the board (a real kiosk is locked full screen),
                # printing to a virtual printer whose tickets are kept as pictures
                printer = self.start_printer(data / "printed-tickets")
                self.spawn("kiosk", _civiq("kiosk", *common, "--window", "--size", "720x1100",
                                           "--clock", clock,
                                           "--credentials", str(creds["kiosk-1"]),
                                           "--printer-host", printer.host,
                                           "--printer-port", str(printer.port)))
            if desk is not None:
                # the person's counter: logged in as "demo", the simulated clerks keep
                # the other counters busy
                self.spawn("counter", _civiq("counter", *common, "--counter", desk,
                                             "--clock", clock, "--clerk", "demo",
                                             "--credentials", str(creds["desk-1"])))
                print(f"civiq demo: the desk of counter {desk} is yours: F1 calls the next "
                      "ticket (docs/counter.md)")
            return self.watch(config, windows)
        finally:
            self.shutdown()
            broker.stop()

    def watch(self, config: SiteConfig, windows: bool) -> int:
        model = SiteStateModel(config.site.id)
        lock = threading.Lock()
        viewer = MqttClient(config.broker, config.site.id, "display", "demo-textview")

        def on_msg(topic: str, payload: bytes, _props: object) -> None:
            with lock:
                model.apply(topic, payload)

        for f in model.topic_filters():
            viewer.route(f, on_msg)
        viewer.start()
        signal.signal(signal.SIGTERM, lambda *_: self.stop.set())
        tty = sys.stdout.isatty()
        deadline = time.monotonic() + self.args.duration if self.args.duration else None
        last_line = 0.0
        try:
            while not self.stop.wait(0.5):
                for name, proc in self.children:
                    if proc.poll() is not None and name == "engine":
                        print(f"civiq demo: the engine exited ({proc.returncode}); see "
                              f"{self.logdir / 'engine.log'}", file=sys.stderr)
                        return 1
                with lock:
                    if tty:
                        width = shutil.get_terminal_size((100, 30)).columns
                        screen = textview.render(model.snapshot, config, min(width, 120),
                                                 speed=self.args.speed)
                        sys.stdout.write("\x1b[H\x1b[2J" + screen + "\n\n(Ctrl-C stops the demo)\n")
                        sys.stdout.flush()
                    elif time.monotonic() - last_line >= 5:
                        print(textview.now_line(model.snapshot, config), flush=True)
                        last_line = time.monotonic()
                if deadline and time.monotonic() >= deadline:
                    break
        except KeyboardInterrupt:
            pass
        finally:
            viewer.stop()
        if not tty:
            with lock:
                print(textview.now_line(model.snapshot, config), flush=True)
        print("\nciviq demo: stopping…")
        return 0

    def shutdown(self) -> None:
        if self.printer is not None:
            self.printer.stop()
        for _, proc in self.children:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        end = time.monotonic() + 5
        for _, proc in self.children:
            try:
                proc.wait(max(0.1, end - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def run(args: argparse.Namespace) -> int:
    return Demo(args).run()
