"""Speech keeps what it said for the tests, but only the last utterances (a kiosk runs
for weeks); the engine a kiosk picks by itself speaks every language it offers."""

from __future__ import annotations

import logging
import time

import pytest

from civiq.speechd_probe import PROBE_TIMEOUT_S
from kiosk.speech import HISTORY, Speech
from kiosk.viewmodel import LANGUAGES
from tests.speechd_fake import fake_speechd


def test_history_keeps_only_the_last_utterances(qapp) -> None:
    speech = Speech("mock")
    for i in range(HISTORY + 50):
        speech.say(f"Nummer {i}", "de", 2, 2)
    assert len(speech.history) == HISTORY == 200
    assert speech.history[0] == ("de", "Nummer 50")
    assert speech.history[-1] == ("de", f"Nummer {HISTORY + 49}")
    speech.stop()


def test_a_kiosk_set_up_by_make_has_a_real_voice_for_every_language_it_offers(
        qapp) -> None:
    # make installs speech-dispatcher with espeak-ng: "auto" takes it, not the silent
    # mock, and it speaks every kiosk language (no "continues in English").
    speech = Speech("auto")
    assert speech.tts is not None and speech.tts.engine() == "speechd"
    missing = [code for code, _ in LANGUAGES if not speech.has_voice(code)]
    assert missing == []
    speech.stop()


@pytest.mark.parametrize("engine", ["auto", "speechd"])
def test_a_hung_speech_dispatcher_does_not_hang_the_kiosk(
        qapp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        engine: str) -> None:
    # A daemon that accepts and never answers: QTextToSpeech("speechd") would wait for
    # ever on the GUI thread. The kiosk asks first and goes on without it.
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    with fake_speechd(answers=False) as runtime, caplog.at_level(logging.WARNING):
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        started = time.monotonic()
        speech = Speech(engine)
        assert time.monotonic() - started < PROBE_TIMEOUT_S + 2
    assert speech.tts is None or speech.tts.engine() != "speechd"
    sock = f"{runtime}/speech-dispatcher/speechd.sock"
    assert any(sock in r.getMessage() and "does not answer" in r.getMessage()
               for r in caplog.records)
    speech.say("Nummer 1", "de", 2, 2)  # words on screen only: no error
    assert speech.history[-1] == ("de", "Nummer 1")
