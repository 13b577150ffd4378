"""Every ``civiq`` command, run as a user runs it, with a missing broker, a missing site
file and a bad option: one clear line naming what is wrong, a non-zero exit, never a
Python traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from civiq.cli import SUBCOMMANDS
from tests.conftest import EXAMPLE_SITE

SITE = str(EXAMPLE_SITE)
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def civiq(*args: str, timeout: float = 60, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "civiq", *args], capture_output=True,
                          text=True, timeout=timeout, env=ENV, input=stdin)


@pytest.fixture(scope="module")
def dead_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def assert_one_clear_line(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    text = proc.stderr
    for w in words:
        assert w in text, text


#: Every subcommand and action that talks to the broker, with what it needs besides.
OVER_BROKER = [
    ["appointments", "import", "--site", SITE, "x.csv"],
    ["appointments", "list", "--site", SITE],
    ["appointments", "cancel", "--site", SITE, "BK-1"],
    ["ticket", "issue", "--site", SITE, "ausweis"],
    ["ticket", "list", "--site", SITE],
    ["ticket", "cancel", "--site", SITE, "A001"],
    ["ticket", "transfer", "--site", SITE, "platz-1", "--to-service", "ausweis"],
    ["ticket", "call", "--site", SITE, "platz-1"],
    ["check-in", "--site", SITE, "CQ1.x.y.z"],
    ["simulate", "--live", "--site", SITE],
]


@pytest.mark.parametrize("argv", OVER_BROKER, ids=lambda a: " ".join(a[:2]))
def test_a_missing_broker_is_named_with_how_to_start_one(argv: list[str], dead_port: int,
                                                         tmp_path: Path) -> None:
    if argv[-1] == "x.csv":
        csv = tmp_path / "x.csv"
        csv.write_text("booking_id,service,site,slot_start,slot_minutes\n"
                       "BK-1,ausweis,hh-wandsbek,2026-11-24T09:30:00+01:00,15\n")
        argv = [*argv[:-1], str(csv)]
    proc = civiq(*argv, "--broker-port", str(dead_port))
    assert_one_clear_line(proc, f"127.0.0.1:{dead_port} cannot be reached", "docs/deploy.md")
    assert proc.returncode == 3


def test_the_engine_says_at_once_that_its_broker_is_missing(dead_port: int,
                                                            tmp_path: Path) -> None:
    """The engine waits for its broker (it may start first), but says so at once."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "civiq", "engine", "--site", SITE, "--broker-port",
         str(dead_port), "--data", str(tmp_path)],
        stderr=subprocess.PIPE, text=True, env=ENV, start_new_session=True)
    try:
        first = proc.stderr.readline()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        rest = proc.communicate(timeout=20)[1]
    assert f"127.0.0.1:{dead_port} cannot be reached" in first
    assert "docs/deploy.md" in first and "keeps trying" in first
    assert "Traceback" not in rest


def test_an_unusable_data_folder_or_database_is_named(tmp_path: Path) -> None:
    """Not FileNotFoundError, FileExistsError or SQLAlchemy's ArgumentError: what cannot
    be used, why, and for the data folder how to give another."""
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder\n")
    no_home = {**ENV, "HOME": "/proc/nohome"}
    no_home.pop("XDG_DATA_HOME", None)
    engine = ["engine", "--site", SITE, "--broker-port", "1"]
    cases = [
        ([*engine, "--data", str(a_file)], ENV,
         f"data folder {a_file} cannot be used: it is a file, not a folder; give one this "
         "user may write with --data DIR (or [data] folder in the site file)"),
        (engine, no_home, "data folder /proc/nohome/.local/share/civiq/hh-wandsbek cannot be "
         "used: No such file or directory; give one"),
        ([*engine, "--database-url", "garbage"], ENV,
         "database URL garbage cannot be used: Could not parse"),
        ([*engine, "--database-url", "nosuchdb://u:secret@host/x"], ENV,
         "database URL nosuchdb://u:***@host/x cannot be used: Can't load plugin"),
        ([*engine, "--database-url", f"sqlite:///{a_file}"], ENV,
         f"database URL sqlite:///{a_file} cannot be used: file is not a database"),
    ]
    for argv, env, says in cases:
        proc = subprocess.run([sys.executable, "-m", "civiq", *argv], capture_output=True,
                              text=True, timeout=60, env=env)
        assert proc.returncode == 2, (argv, proc.stderr)
        assert proc.stderr.startswith(f"civiq engine: {says}"), (argv, proc.stderr)
        assert proc.stderr.count("\n") == 1 and "secret" not in proc.stderr, proc.stderr
    assert a_file.read_text() == "not a folder\n"


COMMANDS_WITH_SITE = [
    ["engine"], ["display"], ["counter", "--counter", "1"], ["kiosk"], ["demo", "--headless"],
    ["simulate"],
    ["appointments", "list"], ["appointments", "import", "x.csv"],
    ["appointments", "cancel", "BK-1"],
    ["ticket", "issue", "ausweis"], ["ticket", "list"], ["ticket", "cancel", "A001"],
    ["ticket", "transfer", "platz-1", "--to-service", "ausweis"],
    ["ticket", "call", "platz-1"], ["check-in", "CQ1.x"],
]


@pytest.mark.parametrize("argv", COMMANDS_WITH_SITE, ids=lambda a: " ".join(a[:2]))
def test_a_missing_site_file_is_named(argv: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    proc = civiq(*argv, "--site", str(missing))
    assert_one_clear_line(proc, str(missing), "cannot read: No such file")
    assert proc.returncode == 2


@pytest.mark.parametrize("argv", [["display"], ["counter", "--counter", "1"], ["kiosk"]],
                         ids=lambda a: a[0])
def test_a_qt_app_without_a_screen_says_so(argv: list[str]) -> None:
    """No graphical session and no QT_QPA_PLATFORM: Qt's xcb plugin would abort the
    process (SIGABRT, exit 134) with a message about plugins."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "civiq", *argv, "--site", SITE],
                          capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stderr.endswith(
        f"civiq {argv[0]}: no screen (DISPLAY/WAYLAND_DISPLAY unset); run it in the "
        "graphical session, or set QT_QPA_PLATFORM=offscreen for tests\n"), proc.stderr
    assert "Traceback" not in proc.stderr and "xcb" not in proc.stderr


#: Every command that loads a site file, with what it needs besides.
LOADING_A_SITE = [*COMMANDS_WITH_SITE, ["site"], ["device", "list"],
                  ["broker-config", "site", "--no-lan"]]


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
@pytest.mark.parametrize("argv", LOADING_A_SITE, ids=lambda a: " ".join(a[:2]))
def test_a_site_file_not_in_utf8_is_named_with_what_to_do(argv: list[str], encoding: str,
                                                         tmp_path: Path) -> None:
    """A site file saved as Latin-1 or UTF-16 by an editor: the file, where, and how to
    save it; not UnicodeDecodeError."""
    site = tmp_path / "site.toml"
    data = EXAMPLE_SITE.read_text(encoding="utf-8").encode(encoding, errors="replace")
    site.write_bytes(data)
    proc = civiq(*argv, "--site", str(site))
    assert_one_clear_line(proc, str(site), "UTF-8", "save it as UTF-8")
    assert "UnicodeDecodeError" not in proc.stderr
    assert proc.returncode == 2
    if encoding == "latin-1":  # "Führerschein": the ü is one byte, not UTF-8's two
        bad = next(i for i, b in enumerate(data) if b >= 0x80)
        line = data[:bad].count(b"\n") + 1
        assert f"not UTF-8 text (byte {bad + 1}, line {line})" in proc.stderr, proc.stderr
    else:
        assert "UTF-16 text, not UTF-8 (byte 1, line 1)" in proc.stderr, proc.stderr


def test_a_site_file_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    """Windows editors may put a BOM first in a UTF-8 file: that is still UTF-8."""
    import shutil

    from civiq.config import load_site

    shutil.copytree(EXAMPLE_SITE.parent / "keys", tmp_path / "keys")  # named relatively
    site = tmp_path / "site.toml"
    site.write_text(EXAMPLE_SITE.read_text(encoding="utf-8"), encoding="utf-8-sig")
    assert load_site(site).site.id == "hh-wandsbek"


BAD_OPTIONS = [
    (["engine", "--site", SITE, "--clock", "tomorrow"], "clock spec 'tomorrow'"),
    (["demo", "--speed", "0"], "--speed"),
    (["demo", "--speed", "fast"], "--speed"),
    (["demo", "--duration", "-3"], "--duration"),
    (["simulate", "--day", "29.11.2026"], "YYYY-MM-DD"),
    (["simulate", "--visits", "0"], "--visits"),
    (["simulate", "--no-show", "14"], "between 0 and 1"),
    (["simulate", "--credentials", "kiosk.toml"], "--live"),
    (["display", "--site", SITE, "--size", "big"], "big"),
    (["counter", "--site", SITE, "--counter", "1", "--size", "big"], "big"),
    (["counter", "--site", SITE, "--counter", "99"], "no counter '99'"),
    (["kiosk", "--site", SITE, "--size", "big"], "big"),
    (["kiosk", "--site", SITE, "--id", "kiosk/1"], "--id"),
    (["appointments", "sign", "--key", "nokey.pem", "--key-id", "k", "--site-id", "s",
      "--booking", "b", "--slot", "2026-11-24T09:30:00+01:00"], "nokey.pem"),
    (["ticket", "issue", "--site", SITE, "ausweis", "--priority", "12"], "--priority"),
    (["ticket", "issue", "--site", SITE, "ausweis", "--language", "xx"],
     "--language 'xx': not one of the site's languages (de, en, tr, ar, ru, uk, pl, fa;"),
    (["check-in", "--site", SITE, "1234567890", "--language", "xx"],
     "--language 'xx': not one of the site's languages (de, en, tr, ar, ru, uk, pl, fa;"),
    (["ticket", "list", "--site", SITE, "--timeout", "0"], "--timeout"),
    (["ticket", "transfer", "--site", SITE, "platz-1"], "--to-service"),
    (["check-in", "--site", SITE], "token"),
    (["device", "add", "--site", SITE, "--role", "kiosk"], "--id"),
    (["device", "add", "--site", SITE, "--role", "printer", "--id", "k"], "printer"),
    (["broker-config", "site", "--site", SITE, "--central", "nowhere"], "HOST:PORT"),
    # Mosquitto would refuse to start with "listener 70000".
    (["broker-config", "site", "--site", SITE, "--port", "70000"],
     "--port: 70000: a TCP port is 1-65535"),
    (["broker-config", "site", "--site", SITE, "--lan-port", "0"],
     "--lan-port: 0: a TCP port is 1-65535"),
    (["broker-config", "central", "--out", "x", "--certs", "x", "--port", "99999"],
     "--port: 99999: a TCP port is 1-65535"),
] + [([*argv, "--no-such-option"], "--no-such-option") for argv in (
    ["engine", "--site", SITE], ["display", "--site", SITE],
    ["counter", "--site", SITE, "--counter", "1"], ["kiosk", "--site", SITE], ["demo"],
    ["simulate"], ["appointments", "list", "--site", SITE], ["ticket", "list", "--site", SITE],
    ["check-in", "--site", SITE, "CQ1.x"], ["site", "--site", SITE],
    ["device", "list", "--site", SITE], ["broker-config", "ca", "--out", "x"])]


def test_every_subcommand_is_tried_with_a_bad_option() -> None:
    assert {argv[0] for argv, named in BAD_OPTIONS if named == "--no-such-option"} == \
        set(SUBCOMMANDS)


@pytest.mark.parametrize("argv,named", BAD_OPTIONS, ids=lambda a: " ".join(a[:3])
                         if isinstance(a, list) else None)
def test_a_bad_option_is_refused_before_anything_starts(argv: list[str], named: str) -> None:
    start = time.monotonic()
    proc = civiq(*argv)
    assert_one_clear_line(proc, named)
    assert proc.returncode == 2
    assert time.monotonic() - start < 20  # refused, not tried


def test_an_unexpected_failure_says_where_minus_v_goes(monkeypatch, capsys) -> None:
    """The hint puts -v before the command, where every command has always taken it."""
    from civiq import cli

    monkeypatch.setitem(cli.SUBCOMMANDS, "ticket", ("tests.civiq.cli.broken_command",
                                                    "fails"))
    assert cli.main(["ticket", "list"]) == 1
    err = capsys.readouterr().err
    assert err == ("civiq ticket: RuntimeError: something no command expected (for the "
                   "details run it again as: civiq -v ticket ...)\n")
    # ... and that is how it runs: with -v the command fails the same way, not on -v.
    assert cli.main(["-v", "ticket", "list"]) == 1
    assert "unrecognized arguments" not in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["engine"], ["ticket", "list"], ["device", "list"],
                                  ["broker-config", "site"], ["appointments", "list"]],
                         ids=lambda a: " ".join(a))
def test_minus_v_is_taken_after_the_command_too(argv: list[str], tmp_path: Path) -> None:
    """docs/deploy.md writes ``civiq engine -v``: it runs as ``civiq -v engine`` does (here
    it reaches the site file and names it), not "unrecognized arguments: -v"."""
    missing = tmp_path / "nowhere.toml"
    for where in ([*argv, "-v", "--site", str(missing)],
                  [*argv, "--site", str(missing), "--verbose"]):
        proc = civiq(*where)
        assert "unrecognized arguments" not in proc.stderr, proc.stderr
        assert_one_clear_line(proc, str(missing), "cannot read")
        assert proc.returncode == 2


def test_minus_v_after_the_command_is_the_same_switch(monkeypatch, capsys) -> None:
    from civiq import cli

    monkeypatch.setitem(cli.SUBCOMMANDS, "ticket", ("tests.civiq.cli.broken_command",
                                                    "fails"))
    for argv in (["-v", "ticket", "list"], ["ticket", "list", "-v"]):
        args = cli.build_parser("ticket").parse_args(argv)
        assert args.verbose is True
    assert cli.build_parser("ticket").parse_args(["ticket", "list"]).verbose is False
