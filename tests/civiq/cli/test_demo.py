"""``civiq demo`` really starts a site: broker, engine, and shows the queue."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime

from civiq.cli.demo import demo_clock_start
from civiq.config import load_site
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


def test_an_app_whose_module_cannot_load_is_not_available(monkeypatch, capsys) -> None:
    """civiq demo and civiq site start only the apps that can really run here, and name
    each one they cannot in one line on the terminal."""
    from civiq import cli

    monkeypatch.setitem(cli.SUBCOMMANDS, "kiosk", ("no_such_module.main", "A kiosk."))
    assert cli.available("kiosk") is False
    assert capsys.readouterr().err == ""  # asked without a name: nothing said
    assert cli.available("kiosk", "civiq demo") is False
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("civiq demo: not starting kiosk: civiq kiosk: not available here")
    assert "no_such_module" in err
    assert cli.available("ticket", "civiq demo") is True
    assert capsys.readouterr().err == ""


def test_demo_never_deletes_a_folder_it_did_not_make(tmp_path) -> None:
    mine = tmp_path / "my-folder"
    mine.mkdir()
    (mine / "thesis.txt").write_text("three years of work", encoding="utf-8")
    for extra in ([], ["--keep-data"]):
        proc = subprocess.run(
            [sys.executable, "-m", "civiq", "demo", "--headless", "--duration", "1",
             "--data", str(mine), *extra],
            capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2
        assert "did not make (thesis.txt)" in proc.stderr and "Nothing was deleted" in \
            proc.stderr
        assert "Traceback" not in proc.stderr
        assert sorted(p.name for p in mine.iterdir()) == ["thesis.txt"]
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "three years of work"


def test_a_fresh_demo_clears_only_what_a_demo_made(tmp_path) -> None:
    from civiq.cli.demo import prepare_data

    data = tmp_path / "demo"
    assert prepare_data(data, fresh=True) is None  # a new folder is made
    (data / "logs").mkdir()
    (data / "logs" / "engine.log").write_text("old run", encoding="utf-8")
    (data / "queue.sqlite3").write_bytes(b"old day")
    assert prepare_data(data, fresh=False) is None  # --keep-data keeps the day
    assert (data / "queue.sqlite3").exists()
    assert prepare_data(data, fresh=True) is None
    assert sorted(p.name for p in data.iterdir()) == [".civiq-demo"]
