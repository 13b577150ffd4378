"""Speech keeps what it said for the tests, but only the last utterances: a kiosk runs
for weeks."""

from __future__ import annotations

from kiosk.speech import HISTORY, Speech


def test_history_keeps_only_the_last_utterances(qapp) -> None:
    speech = Speech("mock")
    for i in range(HISTORY + 50):
        speech.say(f"Nummer {i}", "de", 2, 2)
    assert len(speech.history) == HISTORY == 200
    assert speech.history[0] == ("de", "Nummer 50")
    assert speech.history[-1] == ("de", f"Nummer {HISTORY + 49}")
    speech.stop()
