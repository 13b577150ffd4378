"""`civiq broker-config`, `civiq device` and the credentials file every app reads: hashed
passwords only, a file only its owner reads, and a clear error naming a wrong file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from civiq.cli import main
from civiq.credentials import load_credentials
from tests.conftest import EXAMPLE_SITE

SITE = str(EXAMPLE_SITE)


@pytest.fixture
def broker_dir(tmp_path: Path, pki: Path) -> Path:
    out = tmp_path / "broker"
    assert main(["broker-config", "site", "--site", SITE, "--out", str(out), "--certs",
                 str(pki), "--lan-address", "127.0.0.1"]) == 0
    return out


def test_device_add_writes_a_private_credentials_file_and_stores_only_a_hash(
        broker_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["device", "add", "--site", SITE, "--broker-dir", str(broker_dir),
                 "--role", "kiosk", "--id", "kiosk-1"]) == 0
    path = broker_dir / "credentials" / "kiosk-1.toml"
    assert str(path) in capsys.readouterr().out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    creds = load_credentials(path)
    assert (creds.site, creds.role, creds.username) == ("hh-wandsbek", "kiosk", "kiosk-1")
    password = creds.password.get_secret_value()
    assert len(password) >= 40
    for f in broker_dir.rglob("*"):
        if f.is_file() and "credentials" not in f.parts:
            assert password not in f.read_text(errors="replace"), f
    assert (broker_dir / "passwd").read_text().startswith("engine:$7$101$")
    assert "user kiosk-1\ntopic write civiq/v1/hh-wandsbek/cmd/kiosk/kiosk-1\n" in \
        (broker_dir / "acl").read_text()
    # The same id twice is refused (the old file would silently stop working).
    assert main(["device", "add", "--site", SITE, "--broker-dir", str(broker_dir),
                 "--role", "counter", "--id", "kiosk-1"]) == 2
    assert "exists already" in capsys.readouterr().err
    assert main(["device", "revoke", "--site", SITE, "--broker-dir", str(broker_dir),
                 "--id", "kiosk-1"]) == 0
    assert not path.exists() and "kiosk-1" not in (broker_dir / "passwd").read_text()
    assert "user kiosk-1" not in (broker_dir / "acl").read_text()


def _bad(tmp_path: Path, text: str | bytes, mode: int = 0o600) -> Path:
    p = tmp_path / "creds.toml"
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text)
    os.chmod(p, mode)
    return p


GOOD = 'site = "hh-wandsbek"\nrole = "display"\nusername = "display-1"\npassword = "pw"\n'


@pytest.mark.parametrize(("text", "mode", "says"), [
    (None, 0o600, "cannot read the credentials file"),
    (GOOD, 0o644, "may be read by others (mode 644); make it the app user's only: chmod 600"),
    ("site = ", 0o600, "not valid TOML"),
    ('site = "hh-wandsbek"\nrole = "kiosk"\n', 0o600, "username: Field required"),
    (GOOD.replace("hh-wandsbek", "hh-altona"), 0o600,
     "credentials for site 'hh-altona', but"),
    (GOOD.replace("display", "kiosk"), 0o600, "credentials for role 'kiosk'"),
    (GOOD.replace('"pw"', '"pässwort"').encode("latin-1"), 0o600,
     "not UTF-8 text (byte 75, line 4); save it as UTF-8"),
])
def test_a_wrong_credentials_file_is_named_with_the_reason(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes | None, mode: int,
        says: str) -> None:
    path = _bad(tmp_path, text, mode) if text is not None else tmp_path / "missing.toml"
    for argv in (["display", "--site", SITE, "--credentials", str(path)],
                 ["engine", "--site", SITE, "--credentials", str(path)],
                 ["ticket", "list", "--site", SITE, "--credentials", str(path)]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert str(path) in err and says in err, (argv, err)
        assert "Traceback" not in err


def test_the_operator_cli_refuses_credentials_of_a_role_it_cannot_act_as(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _bad(tmp_path, GOOD)  # a display's
    assert main(["ticket", "list", "--site", SITE, "--credentials", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "credentials for role 'display'" in err


def test_regenerating_keeps_the_engines_password_and_warns_when_it_makes_a_new_one(
        broker_dir: Path, pki: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine = broker_dir / "credentials" / "engine.toml"
    before = load_credentials(engine).password.get_secret_value()
    args = ["broker-config", "site", "--site", SITE, "--out", str(broker_dir), "--certs",
            str(pki), "--lan-address", "127.0.0.1"]
    assert main(args) == 0  # regenerated: users are kept
    assert load_credentials(engine).password.get_secret_value() == before
    moved = broker_dir.parent / "engine.toml"
    engine.rename(moved)  # an operator moved it, say to /etc/civiq
    with caplog.at_level("WARNING"):
        assert main(args) == 0
    assert "engine's credentials file" in caplog.text and "no longer works" in caplog.text
    assert load_credentials(engine).password.get_secret_value() != before


def test_a_bad_device_id_is_one_plain_line(broker_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["device", "add", "--site", SITE, "--broker-dir", str(broker_dir),
                 "--role", "kiosk", "--id", "bad id"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("civiq device: device id 'bad id' must be 1-64 characters")
    assert "ValueError" not in err and err.count("\n") == 1
    assert "bad id" not in (broker_dir / "users.toml").read_text()


def test_the_engines_own_user_is_revoked_only_with_force(
        broker_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    revoke = ["device", "revoke", "--site", SITE, "--broker-dir", str(broker_dir), "--id",
              "engine"]
    assert main(revoke) == 2
    err = capsys.readouterr().err
    assert "engine is the queue engine's own broker user" in err
    assert "locked out" in err and "--force" in err
    assert (broker_dir / "passwd").read_text().startswith("engine:")
    assert (broker_dir / "credentials" / "engine.toml").exists()
    # A device's user goes as before; the engine's with --force.
    assert main(["device", "add", "--site", SITE, "--broker-dir", str(broker_dir),
                 "--role", "central", "--id", "central-link"]) == 0
    assert main(["device", "revoke", "--site", SITE, "--broker-dir", str(broker_dir),
                 "--id", "central-link"]) == 2
    assert "central no longer reads this site" in capsys.readouterr().err
    assert main([*revoke, "--force"]) == 0
    assert "engine engine: revoked" in capsys.readouterr().out
    assert "engine" not in (broker_dir / "passwd").read_text()


def test_a_port_other_than_the_site_files_is_written_with_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from civiq.config import load_site

    port = load_site(EXAMPLE_SITE).broker.port
    out = tmp_path / "broker"
    assert main(["broker-config", "site", "--site", SITE, "--out", str(out), "--no-lan",
                 "--port", str(port + 1)]) == 0
    err = capsys.readouterr().err
    assert f"warning: --port {port + 1} differs from {SITE}'s [broker] port {port}" in err
    assert f"listener {port + 1} 127.0.0.1" in (out / "mosquitto.conf").read_text()
    # The site file's own port: nothing to warn about.
    assert main(["broker-config", "site", "--site", SITE, "--out", str(out), "--no-lan",
                 "--port", str(port)]) == 0
    assert capsys.readouterr().err == ""
