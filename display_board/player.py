"""Chime and spoken calls, one after another, never blocking the GUI thread.

Speech comes from espeak-ng when it is installed, run in a QProcess to render a WAV
that QtMultimedia plays: nothing of it runs on the GUI thread, and the per-item watchdog
kills a render that hangs. Otherwise from a QtTextToSpeech engine with a voice for every
language (``--tts-engine mock`` in tests). Without an audio device playback is silent,
but the queue still advances by each WAV's length, so announcements never pile up.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect

from civiq.speechd_probe import qt_engine_safe
from display_board.announcements import Announcement, AnnouncementQueue, Chime
from display_board.chime import wav_duration_s, write_chime

log = logging.getLogger(__name__)

#: Give up on one item after this long (a hung engine must not silence the board).
ITEM_TIMEOUT_MS = 30_000
GAP_MS = 250
#: espeak-ng words per minute: slower than its default so numbers are easy to follow.
ESPEAK_SPEED = 140
WAV_SLOTS = 4


@dataclass(frozen=True)
class Played:
    kind: str  # "chime", "tts" or "wav"
    language: str
    text: str
    wav: str | None = None
    duration_s: float = 0.0


def _fallback() -> str:
    return "espeak" if shutil.which("espeak-ng") else "none"


def choose_engine(requested: str, languages: list[str]) -> str:
    """``auto`` -> ``espeak`` when espeak-ng is installed (rendered in a process of its
    own, watched per item: never on the GUI thread), else a QtTextToSpeech engine that
    speaks every language, else ``none``. An explicit name is used as given (``mock``,
    ``espeak``, ``none``, ``speechd``)."""
    if requested != "auto":
        return requested
    if shutil.which("espeak-ng"):
        return "espeak"
    from PySide6.QtTextToSpeech import QTextToSpeech

    for name in QTextToSpeech.availableEngines():
        if name == "mock" or not qt_engine_safe(
                name, "announcements use no speech (words on the board only)"):
            continue
        tts = QTextToSpeech(name)
        ok = tts.state() != QTextToSpeech.State.Error
        locales = {loc.name().split("_")[0] for loc in tts.availableLocales()} if ok else set()
        tts.deleteLater()
        if ok and all(lang in locales for lang in languages):
            return name
    return "none"


class AnnouncementPlayer(QObject):
    played = Signal(object)  # Played, when an item has finished
    idle = Signal()

    def __init__(self, queue: AnnouncementQueue, engine: str = "auto",
                 work_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.engine = choose_engine(engine, queue.languages)
        # The chime and the speech files; a folder of its own is removed again by stop()
        # (and at exit): a board restarted again and again must not leave one each time.
        self._tmp = (tempfile.TemporaryDirectory(prefix="civiq-display-")
                     if work_dir is None else None)
        self.work_dir = work_dir or Path(self._tmp.name)
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.chime_path = write_chime(self.work_dir / "chime.wav")
        self.history: deque[Played] = deque(maxlen=50)
        self.busy = False
        self._current: Chime | Announcement | None = None
        self._slot = 0
        self._speaking = False
        self._pending_played = Played("chime", "", "")
        self._effect = QSoundEffect(self)
        self._effect.setVolume(1.0)
        # Loading a sound brings up the audio stack; do it now, not on the first call.
        self._effect.setSource(QUrl.fromLocalFile(str(self.chime_path)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._item_done)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(ITEM_TIMEOUT_MS)
        self._watchdog.timeout.connect(self._give_up)
        self._proc: QProcess | None = None
        self._tts = None
        # auto asked the daemon already (choose_engine); a named engine is asked here
        if engine != "auto" and self.engine not in ("espeak", "none") and not qt_engine_safe(
                self.engine, "announcements use "
                + ("espeak-ng" if _fallback() == "espeak" else "no speech")):
            self.engine = _fallback()
        if self.engine not in ("espeak", "none"):
            from PySide6.QtTextToSpeech import QTextToSpeech

            self._tts = QTextToSpeech(self.engine, self)
            if self._tts.state() == QTextToSpeech.State.Error:
                log.warning("speech engine %s failed (%s); using espeak-ng", self.engine,
                            self._tts.errorString())
                self._tts = None
                self.engine = _fallback()
            else:
                self._tts.stateChanged.connect(self._tts_state)
        log.info("announcements: chime %s, speech %s (%s)", queue.chime,
                 queue.speech, self.engine)

    # ----- queue ----------------------------------------------------------------------
    def announce(self, call) -> None:
        self.queue.add(call)
        self._pump()

    def _pump(self) -> None:
        if self.busy:
            return
        item = self.queue.next()
        while isinstance(item, Announcement) and self.engine == "none":
            item = self.queue.next()
        if item is None:
            self.idle.emit()
            return
        self.busy = True
        self._current = item
        self._watchdog.start()
        if isinstance(item, Chime):
            self._play_wav(self.chime_path, Played("chime", "", item.number))
        elif self._tts is not None:
            self._say_qt(item)
        else:
            self._render_espeak(item)

    def _finish(self, played: Played) -> None:
        self._watchdog.stop()
        self.history.append(played)
        self.played.emit(played)
        self.busy = False
        self._current = None
        QTimer.singleShot(GAP_MS, self._pump)

    def _give_up(self) -> None:
        log.warning("announcement took longer than %s ms; skipped", ITEM_TIMEOUT_MS)
        if self._proc is not None:
            self._proc.kill()
        self._timer.stop()
        item = self._current
        self._finish(Played("skipped", getattr(item, "language", ""), str(item)))

    # ----- wav ------------------------------------------------------------------------
    def _play_wav(self, path: Path, played: Played) -> None:
        duration = wav_duration_s(path)
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.play()
        self._pending_played = Played(played.kind, played.language, played.text, str(path),
                                      duration)
        # Advance by the file's length: playback gives no reliable "done" without a device.
        self._timer.start(int(duration * 1000) + 50)

    def _item_done(self) -> None:
        self._finish(self._pending_played)

    # ----- espeak-ng ------------------------------------------------------------------
    def _render_espeak(self, a: Announcement) -> None:
        self._slot = (self._slot + 1) % WAV_SLOTS  # a few files reused: no disk growth
        out = self.work_dir / f"speech-{self._slot}.wav"
        proc = QProcess(self)
        self._proc = proc
        proc.setProgram(shutil.which("espeak-ng") or "espeak-ng")
        proc.setArguments(["-v", a.language, "-s", str(ESPEAK_SPEED), "-w", str(out), a.spoken])

        def finished(code: int, _status: QProcess.ExitStatus) -> None:
            self._proc = None
            proc.deleteLater()
            if self._current is not a:
                return  # given up already
            if code != 0 or wav_duration_s(out) <= 0:
                err = bytes(proc.readAllStandardError()).decode(errors="replace").strip()
                log.warning("espeak-ng failed (%s): %s", code, err)
                self._finish(Played("failed", a.language, a.text))
                return
            self._play_wav(out, Played("wav", a.language, a.text))

        proc.finished.connect(finished)
        proc.errorOccurred.connect(lambda err: log.warning("espeak-ng: %s", err))
        proc.start()

    # ----- QtTextToSpeech -------------------------------------------------------------
    def _say_qt(self, a: Announcement) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        assert self._tts is not None
        wanted = QLocale(a.language)
        if any(loc.language() == wanted.language() for loc in self._tts.availableLocales()):
            self._tts.setLocale(wanted)
        self._speaking = False
        self._tts.say(a.spoken)
        if self._tts.state() == QTextToSpeech.State.Error:
            log.warning("speech failed: %s", self._tts.errorString())
            self._finish(Played("failed", a.language, a.text))

    def _tts_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        a = self._current
        if state == QTextToSpeech.State.Speaking:
            self._speaking = True
        elif (state == QTextToSpeech.State.Ready and isinstance(a, Announcement)
              and self._speaking):
            self._finish(Played("tts", a.language, a.text))

    def stop(self) -> None:
        self.queue.clear()
        self._timer.stop()
        self._watchdog.stop()
        if self._proc is not None:
            self._proc.kill()
            self._proc.waitForFinished(1000)  # it writes into the folder that goes now
        if self._tts is not None:
            self._tts.stop()
        self._effect.stop()
        if self._tmp is not None:
            self._tmp.cleanup()
