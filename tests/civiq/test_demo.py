"""``civiq demo`` really starts a site: broker, engine, and shows the queue."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

from civiq.config import load_site
from civiq.demo import demo_clock_start
from tests.conftest import BERLIN, EXAMPLE_SITE


def test_demo_day_starts_at_the_next_opening_when_closed() -> None:
    cfg = load_site(EXAMPLE_SITE)
    sunday = datetime(2026, 11, 22, 11, 0, tzinfo=BERLIN)
    assert demo_clock_start(cfg, sunday) == datetime(2026, 11, 23, 7, 5, tzinfo=BERLIN)
    tuesday = datetime(2026, 11, 24, 10, 0, tzinfo=BERLIN)
    assert demo_clock_start(cfg, tuesday) == tuesday


def test_headless_demo_runs_and_stops_cleanly(tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "civiq", "demo", "--headless", "--duration", "6",
         "--data", str(tmp_path / "demo"), "--speed", "60"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "broker on 127.0.0.1:" in proc.stdout
    # The live view saw the engine's retained queue state.
    assert "waiting=" in proc.stdout and "no state yet" not in proc.stdout.splitlines()[-2]
    assert "stopping" in proc.stdout
    left = subprocess.run(["pgrep", "-f", str(tmp_path / "demo")], capture_output=True)
    assert left.returncode == 1, "the demo left processes running"
