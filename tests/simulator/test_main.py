"""``civiq simulate``'s options: --credentials is checked before anything is printed or
tried, only with --live, and one file per role."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from civiq.cli import main as civiq_main
from civiq.credentials import Credentials, write_credentials
from tests.conftest import EXAMPLE_SITE

SITE = str(EXAMPLE_SITE)


def creds_file(folder: Path, name: str, role: str) -> Path:
    path = folder / f"{name}.toml"
    write_credentials(path, Credentials(site="hh-wandsbek", role=role, username=name,
                                        password="secret"))
    return path


@pytest.fixture
def dead_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_bad_credentials_file_is_refused_before_anything_is_printed(
        tmp_path: Path, dead_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text('site = "hh-wandsbek"\nrole = "kiosk"\n')
    bad.chmod(0o600)
    assert civiq_main(["simulate", "--live", "--site", SITE, "--broker-host", "127.0.0.1",
                       "--broker-port", str(dead_port), "--credentials", str(bad),
                       "--out", str(tmp_path / "day.csv")]) == 2
    said = capsys.readouterr()
    assert said.out == ""  # not "playing ... against the engine" first
    assert said.err.count("\n") == 1
    assert str(bad) in said.err and "not a usable credentials file" in said.err


def test_credentials_without_live_are_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    kiosk = creds_file(tmp_path, "sim-kiosk", "kiosk")
    out = tmp_path / "day.csv"
    assert civiq_main(["simulate", "--site", SITE, "--visits", "30", "--day", "2026-11-28",
                       "--credentials", str(kiosk), "--out", str(out)]) == 2
    said = capsys.readouterr()
    assert said.out == "" and not out.exists()
    assert said.err.count("\n") == 1
    assert "--credentials" in said.err and "--live" in said.err


def test_two_credentials_files_for_one_role_are_refused(
        tmp_path: Path, dead_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    first = creds_file(tmp_path, "sim-kiosk", "kiosk")
    second = creds_file(tmp_path, "kiosk-2", "kiosk")
    counter = creds_file(tmp_path, "sim-counter", "counter")
    assert civiq_main(["simulate", "--live", "--site", SITE, "--broker-port", str(dead_port),
                       "--credentials", str(first), "--credentials", str(counter),
                       "--credentials", str(second),
                       "--out", str(tmp_path / "day.csv")]) == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.count("\n") == 1
    assert str(second) in said.err and str(first) in said.err and "'kiosk'" in said.err
