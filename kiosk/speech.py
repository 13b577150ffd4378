"""Speech for the kiosk's speech mode: QtTextToSpeech (speech-dispatcher and espeak-ng on
the kiosks; the ``mock`` engine in tests). Every utterance cuts off the one before, and
is kept in ``history`` (the last :data:`HISTORY`) so tests can check what was said without
an audio device."""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QLocale, QObject
from PySide6.QtTextToSpeech import QTextToSpeech

from civiq.speechd_probe import qt_engine_safe
from kiosk.viewmodel import RATE_STEPS, VOLUME_STEPS

log = logging.getLogger(__name__)

#: Utterances kept in ``Speech.history``: a kiosk runs for weeks, its memory must not grow.
HISTORY = 200
NO_SPEECHD = "the kiosk's speech takes another engine or shows its words on screen only"


def _working_engine(names: list[str], parent: QObject) -> QTextToSpeech | None:
    """The first engine that loads, speech-dispatcher first; never the mock, which says
    nothing aloud (tests ask for it by name). A listed plug-in can still fail to load:
    ``speechd`` without libspeechd. The engine that loaded is kept, not made again."""
    for name in sorted((n for n in names if n != "mock"), key=lambda n: n != "speechd"):
        if not qt_engine_safe(name, NO_SPEECHD):
            continue  # the probe has started the daemon if none ran: no retries needed
        tts = QTextToSpeech(name, parent)
        if tts.state() != QTextToSpeech.State.Error:
            return tts
        tts.deleteLater()
    return None


class Speech(QObject):
    def __init__(self, engine: str = "auto", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: deque[tuple[str, str]] = deque(maxlen=HISTORY)  # (language, text)
        self.tts: QTextToSpeech | None = None
        if engine != "none":
            names = QTextToSpeech.availableEngines()
            if engine == "auto":
                self.tts = _working_engine(names, self)
            elif engine in names and qt_engine_safe(engine, NO_SPEECHD):
                self.tts = QTextToSpeech(engine, self)
            if self.tts is None:
                log.warning("kiosk speech: no working text-to-speech engine %r (have: %s); "
                            "speech mode shows its words on screen only (install "
                            "speech-dispatcher and speech-dispatcher-espeak-ng)", engine,
                            ", ".join(names) or "none")
        self._voices: set[str] = set()
        if self.tts is not None:
            self._voices = {loc.name().split("_")[0] for loc in self.tts.availableLocales()}

    def has_voice(self, language: str) -> bool:
        return language in self._voices

    def voices(self) -> frozenset[str] | None:
        """The languages it speaks; None for any: without an engine nothing is said aloud
        (speech mode shows its words), and the ``mock`` engine only records what it is
        given, in whatever language."""
        if self.tts is None or self.tts.engine() == "mock":
            return None
        return frozenset(self._voices)

    def say(self, text: str, language: str, volume: int, rate: int) -> None:
        self.history.append((language, text))
        if self.tts is None:
            return
        self.tts.stop()
        # The view model chose a language this engine speaks (speech_language); the
        # mock engine records any.
        if self.has_voice(language):
            self.tts.setLocale(QLocale(language))
        self.tts.setVolume(VOLUME_STEPS[volume])
        self.tts.setRate(RATE_STEPS[rate])
        self.tts.say(text)

    def stop(self) -> None:
        if self.tts is not None:
            self.tts.stop()
