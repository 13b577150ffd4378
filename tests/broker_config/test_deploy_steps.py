"""docs/deploy.md's secured-site steps as an operator types them: a wrong step is
refused with what to type instead, and leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from civiq.cli import main
from tests.conftest import EXAMPLE_SITE

SITE = str(EXAMPLE_SITE)


def test_broker_config_site_without_certificates_leaves_nothing_behind(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "etc" / "civiq" / "broker"
    assert main(["broker-config", "site", "--site", SITE, "--out", str(out), "--certs",
                 str(tmp_path / "certs")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"civiq broker-config: {tmp_path / 'certs'}: no ca.crt")
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # no etc/civiq/broker/data
    # Nor with no --certs at all (the TLS listener needs them).
    assert main(["broker-config", "site", "--site", SITE, "--out", str(out)]) == 2
    assert "give --certs" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_broker_config_site_in_an_existing_folder_keeps_it_on_failure(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "broker"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert main(["broker-config", "site", "--site", SITE, "--out", str(out), "--certs",
                 str(tmp_path / "nowhere")]) == 2
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_the_folder_broker_config_ca_wrote_is_answered_with_its_server_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    certs = tmp_path / "certs"
    assert main(["broker-config", "ca", "--out", str(certs)]) == 0
    assert str(certs / "server") in capsys.readouterr().out
    out = tmp_path / "broker"
    assert main(["broker-config", "site", "--site", SITE, "--out", str(out), "--certs",
                 str(certs)]) == 2
    err = capsys.readouterr().err
    assert f"use --certs {certs / 'server'}" in err and err.count("\n") == 1
    assert not out.exists()
    assert main(["broker-config", "site", "--site", SITE, "--out", str(out), "--certs",
                 str(certs / "server"), "--lan-address", "127.0.0.1"]) == 0
    assert (out / "certs" / "server.key").is_file() and not (out / "certs" / "ca.key").exists()
    # The central broker says the same.
    assert main(["broker-config", "central", "--out", str(tmp_path / "central"), "--certs",
                 str(certs)]) == 2
    assert f"use --certs {certs / 'server'}" in capsys.readouterr().err
    assert not (tmp_path / "central").exists()


def _site_file(folder: Path, *, broker: str = "", demo: bool = False,
               devices: list[str] | None = None) -> Path:
    """A small secured site (no demo) with its own data folder."""
    folder.mkdir(parents=True, exist_ok=True)
    listed = "" if devices is None else f"devices = {devices!r}\n".replace("'", '"')
    path = folder / "site.toml"
    path.write_text(f'''[site]
id = "hh-wandsbek"
name = "Kundenzentrum Wandsbek"
timezone = "Europe/Berlin"
demo = {str(demo).lower()}

[hours]
tuesday = "08:00-18:00"

[[services]]
id = "ausweis"
prefix = "A"
minutes = 12
names = {{ de = "Ausweis" }}

[[counters]]
id = "platz-1"
name = "Platz 1"
services = ["ausweis"]
{listed}
[data]
folder = "{folder / 'data'}"

[broker]
{broker or 'port = 18830'}
''')
    return path


def test_device_commands_find_the_broker_folder_broker_config_wrote(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """deploy.md: `broker-config site --out DIR`, then `device add --site FILE`: the error
    says how to point at DIR, not to make a second broker (new passwords for all)."""
    site = _site_file(tmp_path / "etc")
    out = tmp_path / "etc" / "broker"
    assert main(["broker-config", "site", "--site", str(site), "--out", str(out),
                 "--no-lan"]) == 0
    said = capsys.readouterr().out
    assert f"--broker-dir {out}" in said and f'config_dir = "{out}" in {site}' in said
    add = ["device", "add", "--site", str(site), "--role", "kiosk", "--id", "kiosk-1"]
    assert main(add) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"civiq device: {tmp_path / 'etc' / 'data' / 'broker'}: no site "
                          "broker configuration")
    assert "--broker-dir DIR" in err and f'config_dir = "DIR" in {site}' in err
    assert "make it with" not in err and err.count("\n") == 1
    assert not (tmp_path / "etc" / "data").exists()
    # Either way the doc now gives works.
    assert main([*add, "--broker-dir", str(out)]) == 0
    site = _site_file(tmp_path / "etc", broker=f'port = 18830\nconfig_dir = "{out}"\n')
    assert main(["device", "list", "--site", str(site)]) == 0
    assert "kiosk-1\tkiosk" in capsys.readouterr().out
    # A --broker-dir that is not one is named as such.
    assert main(["device", "list", "--site", str(site), "--broker-dir",
                 str(tmp_path / "etc")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'etc'}: no site broker configuration" in err
    assert "--broker-dir" in err and "make it with" not in err


@pytest.mark.parametrize("demo,devices,reminded", [
    (False, None, True), (False, ["platz-9"], True), (False, ["desk-1"], False),
    (True, None, False), (True, ["platz-9"], True)])
def test_a_counter_device_no_counter_lists_is_reminded_of_the_site_file_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: bool,
        devices: list[str] | None, reminded: bool) -> None:
    out = tmp_path / "broker"
    site = _site_file(tmp_path, demo=demo, devices=devices,
                      broker=f'port = 18830\nconfig_dir = "{out}"\n')
    assert main(["broker-config", "site", "--site", str(site), "--out", str(out),
                 "--no-lan"]) == 0
    capsys.readouterr()
    assert main(["device", "add", "--site", str(site), "--role", "counter", "--id",
                 "desk-1"]) == 0
    captured = capsys.readouterr()
    assert "counter desk-1: credentials in" in captured.out
    if reminded:
        assert captured.err.startswith(f"note: no counter in {site} lists 'desk-1' under "
                                       "devices, so the engine refuses its commands")
        assert '[[counters]] devices (e.g. devices = ["desk-1"])' in captured.err
        assert "restart the engine" in captured.err
    else:
        assert "note:" not in captured.err
    # Other roles are not counters' business.
    assert main(["device", "add", "--site", str(site), "--role", "kiosk", "--id",
                 "kiosk-1"]) == 0
    assert "note:" not in capsys.readouterr().err


def test_a_relative_ca_file_is_next_to_the_site_file_and_a_missing_one_is_named(
        tmp_path: Path, secured, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """deploy.md: a device gets the site file, the CA certificate and its credentials, and
    names them in [broker]: relative names mean next to the site file, from any folder."""
    import shutil

    from civiq.config import load_site
    from civiq.transport.mqtt import MqttClient

    device = tmp_path / "device"
    site = _site_file(device, broker=(
        f'host = "127.0.0.1"\nport = {secured.lan_port}\ntls = true\n'
        'ca_file = "ca.crt"\ncredentials = "operator-1.toml"\n'))
    shutil.copy(secured.creds["operator-1"], device / "operator-1.toml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    # No ca.crt next to it yet: named, exit 2, no traceback.
    assert main(["ticket", "list", "--site", str(site)]) == 2
    err = capsys.readouterr().err
    assert f"ca_file: no file {device / 'ca.crt'}" in err and str(site) in err
    assert "FileNotFoundError" not in err and err.count("\n") == 1
    # With it there, the client connects over TLS from another folder.
    shutil.copy(secured.cafile, device / "ca.crt")
    cfg = load_site(site)
    assert cfg.broker.ca_file == str(device / "ca.crt")
    client = MqttClient(cfg.broker, cfg.site.id, "operator", "operator-1")
    try:
        client.start(wait=10)
        assert client.connected.is_set()
    finally:
        client.stop()
    # A file that is there but no certificate is named too.
    (device / "ca.crt").write_text("not a certificate\n")
    assert main(["ticket", "list", "--site", str(site)]) == 2
    err = capsys.readouterr().err
    assert f"[broker] ca_file {device / 'ca.crt'}: not a usable CA certificate" in err
    assert "Traceback" not in err and err.count("\n") == 1
