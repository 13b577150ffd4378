"""One kiosk: MQTT in and out, the view model in the middle, the window, the printer and
speech at the edges.

Everything reaches the GUI thread through :class:`civiq._qt.bridge.MqttBridge` (messages,
connection, replies) or a queued signal (the printer's worker thread). The kiosk shows a
ticket only from the engine's reply, prints it on the worker at the same moment, and
shows it on screen whatever the printer does.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import time
from concurrent.futures import Future

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QApplication

from civiq import __version__ as civiq_version
from civiq._qt.bridge import MqttBridge
from civiq.clock import Clock, SystemClock
from civiq.config import Kiosk, SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.commands import IssueTicket
from civiq.protocol.errors import ErrorCode
from civiq.protocol.models import DeviceStatus, Recommendation, RecommendationsState
from civiq.transport.mqtt import MqttClient, RequestFailed, Will
from civiq.transport.state import SiteStateModel
from kiosk import texts as tx
from kiosk.camera import CameraScanner
from kiosk.printing import Alert, FaultTracker, KioskPrinter
from kiosk.scanner import ScanBuffer
from kiosk.speech import Speech
from kiosk.translations import Translations
from kiosk.viewmodel import (
    CheckInAction,
    IssueAction,
    Key,
    KioskViewModel,
    headphones_in,
)
from kiosk.widgets import KioskWindow
from printers import PrintableTicket, PrinterState, PrintResult

log = logging.getLogger(__name__)

RECOMMENDATIONS_TOPIC = topics.central("recommendations")
#: Each attempt of a tap's command waits this long; two retries with the same request id
#: follow, then the tap is reported as not done (and the engine would refuse it late).
REQUEST_TIMEOUT_S = 1.5
REQUEST_RETRIES = 2
TICK_MS = 500
PRINTER_POLL_MS = 30_000
#: Whether this protocol version lets a kiosk ask for an accessible counter.
ASSISTANCE = "assistance" in IssueTicket.model_fields

#: Keypad keys (with Qt's keypad modifier) and what they mean; no combinations.
KEYPAD: dict[int, Key] = {
    Qt.Key.Key_2: Key.PREV, Qt.Key.Key_4: Key.PREV, Qt.Key.Key_8: Key.NEXT,
    Qt.Key.Key_6: Key.NEXT, Qt.Key.Key_5: Key.SELECT, Qt.Key.Key_0: Key.HELP,
    Qt.Key.Key_Period: Key.REPEAT, Qt.Key.Key_Comma: Key.REPEAT,
    Qt.Key.Key_Plus: Key.LOUDER, Qt.Key.Key_Minus: Key.QUIETER,
    Qt.Key.Key_Asterisk: Key.FASTER, Qt.Key.Key_Slash: Key.SLOWER,
    Qt.Key.Key_Enter: Key.START_SPEECH,
    Qt.Key.Key_1: Key.DIGIT, Qt.Key.Key_3: Key.DIGIT, Qt.Key.Key_7: Key.DIGIT,
    Qt.Key.Key_9: Key.DIGIT,
}
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def has_camera() -> bool:
    return CameraScanner.available()


class KioskInput(QObject):
    """Application-wide: scanner bursts on every screen without a field, keypad keys,
    and no way out by keyboard (every key event stops here)."""

    scanned = Signal(str)
    key = Signal(object, str)  # Key, and what the key types ("5", "-")
    touched = Signal()
    released = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = ScanBuffer()

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        t = ev.type()
        if t in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.touched.emit()
            return False
        if t == QEvent.Type.MouseButtonRelease:
            self.released.emit()
            return False
        if t in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            return True
        if t != QEvent.Type.KeyPress or not isinstance(ev, QKeyEvent):
            return False
        if ev.isAutoRepeat():
            return True  # a key held down is one press
        # The input system's time of the key, not of its handling: a busy GUI thread
        # must not split one scan into two bursts.
        now = ev.timestamp() / 1000 if ev.timestamp() else time.monotonic()
        keypad = bool(ev.modifiers() & Qt.KeyboardModifier.KeypadModifier)
        k = ev.key()
        if k in ENTER and not (keypad and not self.buffer.pending(now)):
            code = self.buffer.enter(now)
            if code is not None:
                self.scanned.emit(code)
                return True
        if keypad and not self.buffer.pending(now) and k in KEYPAD:
            self.key.emit(KEYPAD[Qt.Key(k)], ev.text())
            return True
        if self.buffer.key(ev.text(), now):
            return True
        self.touched.emit()  # any other key: still there
        return True


class KioskApp(QObject):
    printed = Signal(object)  # PrintResult, from the printer's thread
    polled = Signal(object)  # PrinterState

    def __init__(self, config: SiteConfig, kiosk_id: str = "kiosk-1", *,
                 clock: Clock | None = None, tts_engine: str = "auto",
                 camera: bool | None = None, install_input: bool = True,
                 wall: Clock | None = None) -> None:
        super().__init__()
        self.config = config
        self.site = config.site.id
        self.kiosk_id = topics.check_id(kiosk_id, "kiosk id")
        self.settings = next((k for k in config.kiosks if k.id == kiosk_id), Kiosk(id=kiosk_id))
        self.clock = clock or SystemClock()
        self.tr = Translations()
        self.vm = KioskViewModel(config, self.settings, self.tr,
                                 camera=has_camera() if camera is None else camera,
                                 assistance=ASSISTANCE, wall=self.clock.now)
        shown = dict(self.vm.languages)
        if unknown := [lang for lang in config.site.languages if lang not in shown]:
            log.warning("kiosk: no words for %s of [site] languages; it offers %s",
                        ", ".join(unknown), ", ".join(shown))
        self.window = KioskWindow()
        self.window.setWindowTitle(f"civiq — {config.site.name} — {kiosk_id}")
        self.window.tapped.connect(self.tap)
        self.window.resized.connect(self._resized)
        self.speech = Speech(tts_engine, self)
        self.vm.voices = self.speech.voices()
        self.printer = KioskPrinter(self.settings.printer)
        self.vm.printer_none = self.printer.none
        self.faults = FaultTracker()
        self.printed.connect(self._on_printed)
        self.polled.connect(self._on_printer_state)
        self.model = SiteStateModel(self.site)
        self.model.subscribe(self._on_state)
        self.client = MqttClient(
            config.broker, self.site, "kiosk", self.kiosk_id,
            will=Will(topics.device_status(self.site, self.kiosk_id),
                      self._status(False, will=True)),
            wall=wall)
        self.bridge = MqttBridge(self.client, self)
        state, _ = self.model.topic_filters()
        self.bridge.forward(state)
        self.bridge.forward(RECOMMENDATIONS_TOPIC)
        self.bridge.message.connect(self._on_message)
        self.bridge.connection.connect(self._on_connection)
        self.bridge.reply.connect(self._on_reply)
        self.bridge.taken_over.connect(self._on_taken_over)
        self._tags = itertools.count(1)
        # Each command's action and when it was sent (monotonic).
        self._waiting: dict[str, tuple[IssueAction | CheckInAction, float]] = {}
        self.input = KioskInput(self)
        self.input.scanned.connect(self.scan)
        self.input.key.connect(self.keypad)
        self.input.touched.connect(self._touched)
        self.input.released.connect(self._released)
        if install_input:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self.input)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._poll = QTimer(self)
        self._poll.setInterval(PRINTER_POLL_MS)
        self._poll.timeout.connect(self.poll_printer)
        self.last_print: PrintResult | None = None
        self._voice_told: set[str] = set()
        self.camera = CameraScanner(self) if self.vm.camera else None
        if self.camera is not None:
            self.camera.scanned.connect(self.scan)
        # Headphones plugged in switch speech on (EN 301 549 5.1.3.x): the audio system
        # reports a new output named as such.
        self._media = QMediaDevices(self)
        self._media.audioOutputsChanged.connect(self._audio_outputs_changed)
        self._audio_outputs_changed()

    def _audio_outputs_changed(self) -> None:
        names = [d.description() for d in QMediaDevices.audioOutputs()]
        plugged = headphones_in(names)
        if plugged != self.vm.headphones:
            log.info("headphones %s", "plugged in" if plugged else "unplugged")
            if plugged:
                self.vm.set_headphones(True)
            else:
                self.vm.headphones = False
            self.refresh()

    # ----- life -----------------------------------------------------------------------
    def start(self) -> KioskApp:
        size = self.window.size()  # later sizes come with resizeEvent
        self.vm.resized(size.width(), size.height())
        self.refresh()
        self._timer.start()
        self._poll.start()
        self.client.start()
        self.poll_printer()
        return self

    def stop(self) -> None:
        self._timer.stop()
        self._poll.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.input)
        self.speech.stop()
        if self.client.connected.is_set():
            self.client.publish(topics.device_status(self.site, self.kiosk_id),
                                self._status(False), retain=True).wait_for_publish(timeout=2)
        self.client.stop()
        self.printer.close()

    def _status(self, online: bool, *, will: bool = False) -> bytes:
        detail = {}
        if online:
            state = self.faults.state
            if state is PrinterState.UNKNOWN and self.faults.active is not None:
                state = self.faults.active  # the backend cannot tell: the fault stands
            if self.printer.none:
                state = PrinterState.NONE
            detail = {"printer": state.value,
                      "paper": {"paper_out": "out", "paper_near_end": "near_end",
                                "ok": "ok"}.get(state.value, "unknown")}
            if self.vm.clock_skew_s is not None:
                detail["clock_behind_s"] = round(self.vm.clock_skew_s, 1)
        if will:  # its ts is the connect time: "lost since" is unknown
            detail = {"will": True}
        body = DeviceStatus(online=online, role="kiosk", version=civiq_version, detail=detail)
        return env.encode(env.make(self.site, "device_status", body))

    def publish_status(self) -> None:
        if self.client.connected.is_set():
            self.client.publish(topics.device_status(self.site, self.kiosk_id),
                                self._status(True), retain=True)

    # ----- inputs (GUI thread) --------------------------------------------------------
    def _on_connection(self, up: bool) -> None:
        self.vm.connected = up
        if up:
            self.publish_status()
        self.refresh()

    def _on_taken_over(self) -> None:
        self.vm.taken_over = True  # out of service, and not back by itself
        self.refresh()

    def _on_message(self, topic: str, payload: bytes) -> None:
        if topic == RECOMMENDATIONS_TOPIC:
            self.vm.recommendations = _recommendations(payload)
            self.refresh()
            return
        self.model.apply(topic, payload)

    def _on_state(self, what: str, _body: object) -> None:
        """The site's state changed: redraw for what the kiosk shows (the services' waits
        and stops, and whether the engine is there), not for calls or ticket events."""
        if what == "engine":
            self.vm.engine_online = self.model.snapshot.engine_online
        elif what != "queue":
            return
        self.refresh()

    def tap(self, control_id: str) -> None:
        self.speech.stop()
        if control_id == "camera" and self.camera is not None:
            self.camera.start()
        action = self.vm.tap(control_id, time.monotonic(), self.model.snapshot.queue)
        self._act(action)
        self.refresh()

    def scan(self, code: str) -> None:
        self.speech.stop()
        self._act(self.vm.scanned(code, time.monotonic()))
        self.refresh()

    def keypad(self, key: Key, char: str = "") -> None:
        self.speech.stop()  # a key press cuts off speech
        self._act(self.vm.key(key, time.monotonic(), self.model.snapshot.queue, char))
        self.refresh()

    def _touched(self) -> None:
        self.vm.touch(time.monotonic())

    def _released(self) -> None:
        if self.vm.touch_ends_ticket():
            QTimer.singleShot(0, lambda: self.vm.touch_ends_ticket() and self.tap("done"))

    def _resized(self, width: int, height: int) -> None:
        if self.vm.resized(width, height):
            self.refresh()

    def _tick(self) -> None:
        """Timeouts. Redraws only when the view can have changed with time alone: the
        view model says the screen changed or a warning began, or a countdown is showing
        (its seconds). A new window size redraws at once (:meth:`_resized`)."""
        changed = self.vm.tick(time.monotonic())
        shown = self.window.view
        if changed or shown is None or shown.countdown:
            self.refresh()

    # ----- commands -------------------------------------------------------------------
    def _act(self, action: IssueAction | CheckInAction | None) -> None:
        if action is None:
            return
        tag = f"t{next(self._tags)}"
        self._waiting[tag] = (action, time.monotonic())
        if isinstance(action, IssueAction):
            data: dict = {"service": action.service, "language": action.language}
            if action.assistance and ASSISTANCE:
                data["assistance"] = True
            self.bridge.request(tag, "issue_ticket", data, timeout=REQUEST_TIMEOUT_S,
                                retries=REQUEST_RETRIES)
        else:
            data = ({"booking_code": action.booking_code} if action.booking_code is not None
                    else {"token": action.token})
            self.bridge.request(tag, "check_in", {**data, "language": action.language},
                                timeout=REQUEST_TIMEOUT_S, retries=REQUEST_RETRIES)

    def _on_reply(self, tag: str, result: object) -> None:
        waiting = self._waiting.pop(tag, None)
        if waiting is None:
            return
        action, sent = waiting
        now = time.monotonic()
        if (isinstance(result, RequestFailed) and result.code == ErrorCode.EXPIRED.value
                and isinstance(age := result.details.get("age_s"), int | float)
                and (skew := self.vm.clock_behind(age, now - sent, now)) is not None):
            self._clock_behind(skew)
        elif isinstance(result, RequestFailed):
            log.info("kiosk: %s refused: %s", type(action).__name__, result.code)
            typed = isinstance(action, CheckInAction) and action.booking_code is not None
            self.vm.refused(result.code, {**result.details, "typed": typed}, now)
        elif isinstance(result, Exception):
            log.warning("kiosk: %s failed: %s", type(action).__name__, result)
            self.vm.refused(ErrorCode.ENGINE_UNAVAILABLE.value, {}, now)
        else:
            assert isinstance(result, dict)
            self.vm.ticket_issued(result, now, self.clock.now(),
                                  assistance=isinstance(action, IssueAction)
                                  and action.assistance and ASSISTANCE)
            self._print()
        self.refresh()

    def _clock_behind(self, skew: float) -> None:
        """Every command would expire: out of service, said to staff (log, alert and
        device status), never a citizen told to try again for ever."""
        log.error("kiosk: this kiosk's clock is about %.1f s behind the engine's: every "
                  "command expires (ttl %.1f s). Out of service until its clock is set "
                  "right and it is started again", skew,
                  REQUEST_TIMEOUT_S * (REQUEST_RETRIES + 1))
        self._alert(Alert("clock_behind", True, f"kiosk clock about {skew:.1f} s behind "
                                                "the engine's"))
        self.publish_status()

    def _alert(self, alert: Alert) -> None:
        if self.client.connected.is_set():
            self.client.publish(topics.alert(self.site), env.encode(env.make(
                self.site, "alert", alert.data(self.kiosk_id))), qos=1)

    def _print(self) -> None:
        fields = self.vm.printable_fields()
        if fields is None:
            return
        fut = self.printer.print_ticket(PrintableTicket(**fields))
        fut.add_done_callback(lambda f: self.printed.emit(_result(f)))

    def _on_printed(self, result: PrintResult) -> None:
        self.last_print = result
        self.vm.printed(result.printed, result.state is PrinterState.NONE,
                        result.state.value)
        self._on_printer_state(result.state, result.detail)
        self.refresh()

    def poll_printer(self) -> None:
        fut = self.printer.status()
        fut.add_done_callback(lambda f: self.polled.emit(
            f.result() if not f.exception() else PrinterState.OFFLINE))

    def _on_printer_state(self, state: PrinterState, detail: str = "") -> None:
        before, shown = self.faults.state, self.vm.printer_state
        self.vm.printer_seen(state.value)
        for alert in self.faults.update(state, detail):
            self._alert(alert)
            log.warning("kiosk printer alert: %s %s", alert.kind,
                        "active" if alert.active else "resolved")
        if state != before:
            self.publish_status()
        if self.vm.printer_state != shown:
            self.refresh()  # the start screen says when the printer is faulty

    # ----- output ---------------------------------------------------------------------
    def refresh(self) -> None:
        q = self.model.snapshot.queue
        view = self.vm.build(q, time.monotonic())
        text = self.vm.utterance(view, q)
        if text:
            spoken_in = self.vm.speech_language()
            if spoken_in != view.language and view.language not in self._voice_told:
                # said plainly, once per language, in the language it goes on in
                self._voice_told.add(view.language)
                text = f"{self.tr(spoken_in, tx.NO_VOICE)} {text}"
            self.speech.say(text, spoken_in, self.vm.volume, self.vm.rate)
            view = dataclasses.replace(view, spoken=self.vm.last_spoken)  # now said
        self.window.show_view(view)


def _result(f: Future) -> PrintResult:
    exc = f.exception()
    if exc is not None:
        return PrintResult(False, PrinterState.OFFLINE, str(exc))
    return f.result()


def _recommendations(payload: bytes) -> list[Recommendation]:
    """The central tier's retained recommendations; anything unreadable is none. Each
    one's ``until`` is checked against a ticket's issue time when the ticket is shown
    (the view model), not here: one that runs out later must not stay on tickets."""
    if not payload:
        return []
    try:
        e = env.decode(payload)
        state = RecommendationsState.model_validate(e.data)
    except Exception as exc:
        log.warning("ignored unreadable recommendations: %s", exc)
        return []
    out = []
    for r in state.recommendations:
        if r.until is not None and r.until.utcoffset() is None:
            # no offset: not comparable with an issue time, so never known to be current
            log.warning("ignored a recommendation whose until has no UTC offset: %s", r.until)
            continue
        out.append(r)
    return out
