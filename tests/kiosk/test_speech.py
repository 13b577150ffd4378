"""Speech keeps what it said for the tests, but only the last utterances (a kiosk runs
for weeks); the engine a kiosk picks by itself speaks every language it offers."""

from __future__ import annotations

from kiosk.speech import HISTORY, Speech
from kiosk.viewmodel import LANGUAGES


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
