"""The speech-dispatcher probe answers within its deadline whatever the daemon does: a
daemon that answers passes, one that accepts and never answers does not (with a warning
that names its socket), and a start that hangs is given up."""

from __future__ import annotations

import logging
import os
import stat
import time
from pathlib import Path

import pytest

from civiq import speechd_probe
from civiq.speechd_probe import address, speechd_answers
from tests.speechd_fake import fake_speechd


@pytest.fixture(autouse=True)
def _no_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)


def test_the_socket_is_where_libspeechd_looks(tmp_path: Path) -> None:
    assert str(address({"XDG_RUNTIME_DIR": "/run/user/7"})) == \
        "/run/user/7/speech-dispatcher/speechd.sock"
    assert str(address({"HOME": "/h", "XDG_CACHE_HOME": "/c"})) == \
        "/c/speech-dispatcher/speechd.sock"
    assert str(address({"SPEECHD_ADDRESS": "unix_socket:/s/sd.sock"})) == "/s/sd.sock"
    assert str(address({"SPEECHD_ADDRESS": "inet_socket:10.0.0.2:7000"})) == "10.0.0.2:7000"


def test_a_daemon_that_answers_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    with fake_speechd(answers=True) as runtime:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        started = time.monotonic()
        assert speechd_answers("-")
        assert time.monotonic() - started < 1


def test_a_daemon_that_never_answers_fails_in_time_with_a_warning(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    with fake_speechd(answers=False) as runtime, caplog.at_level(logging.WARNING):
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        started = time.monotonic()
        assert not speechd_answers("speech goes on without it")
        took = time.monotonic() - started
    assert speechd_probe.PROBE_TIMEOUT_S - 0.1 < took < speechd_probe.PROBE_TIMEOUT_S + 1
    sock = f"{runtime}/speech-dispatcher/speechd.sock"
    assert any(sock in r.getMessage() and "does not answer" in r.getMessage()
               and "speech goes on without it" in r.getMessage()
               and "Restart speech-dispatcher" in r.getMessage() for r in caplog.records)


def test_a_start_that_hangs_is_given_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                       caplog: pytest.LogCaptureFixture) -> None:
    # No socket: the daemon is started as its first client would; this one never returns.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "speech-dispatcher"
    exe.write_text("#!/bin/sh\nexec sleep 30\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.setattr(speechd_probe, "SPAWN_TIMEOUT_S", 0.5)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        assert not speechd_answers("-")
    assert time.monotonic() - started < 3
    assert any("could not be started" in r.getMessage() and "did not return" in r.getMessage()
               for r in caplog.records)
