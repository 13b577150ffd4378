"""``civiq demo`` really starts a site: broker, engine, and shows the queue."""

from __future__ import annotations

import re
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
        [sys.executable, "-m", "civiq", "demo", "--headless", "--duration", "14",
         "--data", str(tmp_path / "demo"), "--speed", "150"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "broker on 127.0.0.1:" in proc.stdout
    # The live view saw the simulated day move: tickets issued and called.
    states = [line for line in proc.stdout.splitlines() if "issued=" in line]
    assert states, proc.stdout
    last = dict(re.findall(r"(\w+)=(\S+)", states[-1]))
    assert int(last["issued"]) > 0, states[-1]
    assert last["last"] != "-", states[-1]  # something was called
    assert (tmp_path / "demo" / "simulation-events.csv").exists()
    assert "stopping" in proc.stdout
    left = subprocess.run(["pgrep", "-f", str(tmp_path / "demo")], capture_output=True)
    assert left.returncode == 1, "the demo left processes running"


def test_a_command_that_cannot_load_says_why_not_what_options_it_lacks(
        monkeypatch, capsys) -> None:
    from civiq import cli

    monkeypatch.setitem(cli.SUBCOMMANDS, "kiosk", ("no_such_module.main", "A kiosk."))
    assert cli.main(["kiosk", "--fullscreen"]) == 2
    err = capsys.readouterr().err
    assert "kiosk: not available here" in err and "unrecognized" not in err
