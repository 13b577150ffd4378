"""``civiq counter`` from the command line, its device status and will message, and the
simulator leaving the person's counter alone (``civiq demo``)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from broker_config.mosquitto import Mosquitto
from civiq.config import load_site
from civiq.protocol import topics
from simulator.plan import make_plan
from simulator.settings import SimSettings
from tests.conftest import EXAMPLE_SITE


def _civiq(*args: str) -> list[str]:
    return [sys.executable, "-m", "civiq", "counter", "--site", str(EXAMPLE_SITE), *args]


def test_a_wrong_counter_is_named_without_a_traceback() -> None:
    bad = subprocess.run(_civiq("--counter", "42"), capture_output=True, text=True,
                         timeout=30)
    assert bad.returncode == 2
    assert bad.stderr.startswith("civiq counter: no counter '42' in the site file; it has ")
    assert "Traceback" not in bad.stderr


def test_the_desk_reports_online_and_its_will_says_offline(qtbot, broker: Mosquitto, engine,
                                                           client_factory) -> None:
    seen: list[dict] = []
    watcher = client_factory("operator", "watcher")
    watcher.route(topics.device_status(engine.site, "desk-5"),
                  lambda _t, p, _pr: seen.append(json.loads(p)["data"]) if p else None)
    proc = subprocess.Popen(
        _civiq("--counter", "5", "--id", "desk-5", "--broker-port", str(broker.port),
               "--clerk", "k.meier"),
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: any(s["online"] and s["detail"].get("logged_in")
                                    for s in seen), timeout=15_000)
        online = next(s for s in seen if s["online"])
        assert online["role"] == "counter" and online["detail"]["counter"] == "platz-5"
        assert "k.meier" not in json.dumps(seen)  # the clerk is never published
        # killed, not stopped: the broker publishes the will
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        qtbot.waitUntil(lambda: not seen[-1]["online"], timeout=30_000)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_the_simulation_leaves_the_persons_counter_alone() -> None:
    config = load_site(EXAMPLE_SITE)
    plan = make_plan(config, SimSettings(visits=600, leave_counters=("platz-1",)))
    counters = [s.counter for s in plan.shifts]
    assert "platz-1" not in counters and "platz-2" in counters
