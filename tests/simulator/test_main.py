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


def test_an_out_file_that_cannot_be_written_is_refused_before_the_day_is_played(
        tmp_path: Path, dead_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    for live in ([], ["--live", "--broker-port", str(dead_port)]):
        assert civiq_main(["simulate", "--site", SITE, "--visits", "5", *live,
                           "--out", "/proc/nope.csv"]) == 2
        said = capsys.readouterr()
        assert said.out == ""  # nothing played
        assert said.err == ("civiq simulate: /proc/nope.csv: cannot write: no file can be "
                            "made in /proc\n")


def test_a_missing_folder_for_out_is_still_made(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "runs" / "day.csv"
    assert civiq_main(["simulate", "--site", SITE, "--visits", "5", "--day", "2026-11-24",
                       "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("seq,")


def test_events_that_cannot_be_written_after_the_day_are_kept_elsewhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    """The check before the day passed, the write after it failed (a full disk): the
    day's events go to a temporary file, named, and the exit code says it failed."""
    import tempfile

    from simulator import events_csv
    from simulator.main import write_events

    out = tmp_path / "day.csv"
    real = events_csv.write

    def full_disk(rows, path):
        if path == out:
            raise OSError(28, "No space left on device")
        real(rows, path)

    monkeypatch.setattr(events_csv, "write", full_disk)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    rows = list(events_csv.read(_a_day(tmp_path)))
    assert not write_events(rows, out)
    err = capsys.readouterr().err
    assert err.startswith(f"civiq simulate: {out}: cannot write: No space left on device; "
                          f"the {len(rows)} events are in {tmp_path}/civiq-simulate-")
    kept = Path(err.split(" are in ")[1].split(" instead")[0])
    assert list(events_csv.read(kept)) == rows


def _a_day(folder: Path) -> Path:
    out = folder / "played.csv"
    assert civiq_main(["simulate", "--site", SITE, "--visits", "5", "--out", str(out)]) == 0
    return out
