"""The board's speech engine: ``auto`` takes espeak-ng (rendered in a process of its own,
never on the GUI thread), and a hung speech-dispatcher never keeps the board from
starting: it is asked first, with a deadline."""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import pytest

from civiq.speechd_probe import PROBE_TIMEOUT_S
from display_board.announcements import AnnouncementQueue
from display_board.player import AnnouncementPlayer, choose_engine
from tests.speechd_fake import fake_speechd


@pytest.fixture
def hung_speechd(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    with fake_speechd(answers=False) as runtime:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        yield f"{runtime}/speech-dispatcher/speechd.sock"


def _hung_warning(caplog: pytest.LogCaptureFixture, sock: str) -> bool:
    return any(sock in r.getMessage() and "does not answer" in r.getMessage()
               for r in caplog.records)


def test_auto_takes_espeak_without_asking_speech_dispatcher(
        qapp, hung_speechd: str, caplog: pytest.LogCaptureFixture) -> None:
    # make installs espeak-ng (Makefile APT_PACKAGES): without it this fails, not skips
    assert shutil.which("espeak-ng"), "espeak-ng is not installed: run make"
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        assert choose_engine("auto", ["de", "en"]) == "espeak"
    assert time.monotonic() - started < 1
    assert not _hung_warning(caplog, hung_speechd)


def test_auto_without_espeak_skips_a_hung_speech_dispatcher(
        qapp, hung_speechd: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng, no speech-dispatcher
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        engine = choose_engine("auto", ["de", "en"])
    assert time.monotonic() - started < PROBE_TIMEOUT_S + 2
    assert engine not in ("speechd", "espeak")
    assert _hung_warning(caplog, hung_speechd)


def test_a_board_told_to_use_a_hung_speech_dispatcher_starts_with_espeak(
        qapp, hung_speechd: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    queue = AnnouncementQueue(["de"], chime=True, speech=True)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        player = AnnouncementPlayer(queue, "speechd", tmp_path)
    try:
        assert time.monotonic() - started < PROBE_TIMEOUT_S + 2
        assert player.engine == ("espeak" if shutil.which("espeak-ng") else "none")
        assert player._tts is None
        assert _hung_warning(caplog, hung_speechd)
    finally:
        player.stop()
