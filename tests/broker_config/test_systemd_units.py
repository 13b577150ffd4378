"""The systemd units we ship start commands that exist, with options those commands take:
a unit for a command that is not there restarts for ever on an operator's server."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from broker_config.users import UserStore
from civiq.cli import build_parser

UNITS = sorted((Path(__file__).resolve().parents[2] / "broker_config" / "systemd")
               .glob("*.service"))


def _exec_start(unit: Path) -> list[str]:
    for line in unit.read_text(encoding="utf-8").splitlines():
        if line.startswith("ExecStart="):
            return shlex.split(line.removeprefix("ExecStart="))
    raise AssertionError(f"{unit.name} has no ExecStart")


def test_there_are_units() -> None:
    assert {u.name for u in UNITS} >= {"civiq-broker.service", "civiq-engine.service"}


@pytest.mark.parametrize("unit", [u for u in UNITS if "/civiq" in _exec_start(u)[0]],
                         ids=lambda u: u.name)
def test_a_civiq_unit_starts_a_command_that_parses(unit: Path) -> None:
    argv = _exec_start(unit)
    assert argv[0].endswith("/bin/civiq"), argv[0]
    # systemd's %h (the user's home) is not ours to expand; any path will do.
    args = [a.replace("%h", "/home/user") for a in argv[1:]]
    ns = build_parser(only=args[0]).parse_args(args)
    assert ns.command == args[0]


def test_the_engine_unit_reads_the_credentials_where_broker_config_writes_them() -> None:
    unit = next(u for u in UNITS if u.name == "civiq-engine.service")
    lines = unit.read_text(encoding="utf-8").splitlines()
    loaded = [ln.removeprefix("LoadCredential=") for ln in lines
              if ln.startswith("LoadCredential=")]
    # docs/deploy.md: civiq broker-config site --out /etc/civiq/broker; there the store
    # keeps the engine's user's file (no I/O to say where).
    written = UserStore(Path("/etc/civiq/broker"), "site", "hh-wandsbek").credentials_dir
    assert loaded == [f"engine.toml:{written / 'engine.toml'}"]
    assert loaded == ["engine.toml:/etc/civiq/broker/credentials/engine.toml"]
    argv = _exec_start(unit)
    assert argv[argv.index("--credentials") + 1] == "${CREDENTIALS_DIRECTORY}/engine.toml"


def test_the_engine_unit_keeps_its_data_where_it_may_write() -> None:
    """User=civiq with ProtectHome and ProtectSystem=strict: the home data folder the
    engine takes without --data is hidden, and all but the state directory is read-only."""
    unit = next(u for u in UNITS if u.name == "civiq-engine.service")
    settings = dict(ln.split("=", 1) for ln in unit.read_text(encoding="utf-8").splitlines()
                    if "=" in ln and not ln.startswith("#"))
    assert settings["ProtectHome"] == "true" and settings["ProtectSystem"] == "strict"
    state = f"/var/lib/{settings['StateDirectory']}"
    argv = _exec_start(unit)
    ns = build_parser(only="engine").parse_args(argv[1:])
    assert ns.data == state
    assert state in settings["ReadWritePaths"].split()
