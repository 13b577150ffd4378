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
