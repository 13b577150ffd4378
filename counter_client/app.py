"""One counter desk: MQTT in, the desk model in between, the window out; keys and
buttons become commands.

Every message reaches the GUI thread through :class:`civiq._qt.bridge.MqttBridge`. A
command goes out once, through ``request_async`` (retried with the same request id until
its overall time is up, so a blip is ridden out and nothing is done twice); while it is
in flight the desk takes no other action, and its outcome is said in words: done, refused
(the engine's reason), or not done (no answer in time: the engine refuses it after that,
so it never happens later).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QTranslator, Signal

from civiq import __version__ as civiq_version
from civiq._qt.bridge import MqttBridge
from civiq.clock import Clock, SystemClock
from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.appointments import AppointmentList
from civiq.protocol.commands import NOTE_MAX
from civiq.protocol.errors import ErrorCode
from civiq.protocol.models import CounterStatus, DeviceStatus
from civiq.transport.mqtt import MqttClient, RequestFailed, Will
from counter_client import desk as d
from counter_client.login import ClerkLogin, LocalLogin, LoginRefused
from counter_client.widgets import CounterWindow, action_label, reason_label, tr

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent / "i18n"
# The no-show countdown each tick; the lists (whole minutes) when the desk's clock's
# minute changed. The engine is never polled.
TICK_MS = 1000
SETTLE_MS = 20  # state comes in bursts (events, reply, state of one batch): one redraw
# Each attempt waits this long; with the retries a command lives 6 s, then it is
# reported not done (the engine refuses it after that by its ttl_s).
REQUEST_TIMEOUT_S = 2.0
REQUEST_RETRIES = 2
_APPOINTMENTS = "appointments"
# After the engine refuses the appointment list (or its answer is unreadable) the desk
# asks again after this long, or at once after a reconnect or an engine restart.
APPOINTMENTS_RETRY_S = 60.0
_monotonic = time.monotonic  # the retry's clock (real time, not the site's clock)


def _refusal(code: str, engine_words: str) -> str:
    """Why the engine refused, in the desk's language; the engine's own words (English,
    with the ticket and counter) follow in brackets for whoever looks into it."""
    reasons = {
        #: Why the queue engine refused what the clerk did (after "Refused: <action> —").
        ErrorCode.COUNTER_NOT_OPEN.value: tr(
            "this counter is not open (paused, closed, or not opened since midnight)"),
        ErrorCode.COUNTER_BUSY.value: tr(
            "this counter still has a ticket: finish, park or transfer it first"),
        ErrorCode.NO_CURRENT_TICKET.value: tr("this counter has no current ticket"),
        ErrorCode.INVALID_TRANSITION.value: tr(
            "not possible for this ticket now (another counter may have taken it)"),
        ErrorCode.UNKNOWN_TICKET.value: tr("there is no such ticket today"),
        ErrorCode.UNKNOWN_COUNTER.value: tr(
            "the queue engine does not know this counter: check the site file"),
        ErrorCode.UNKNOWN_SERVICE.value: tr("the queue engine does not know this service"),
        ErrorCode.FORBIDDEN.value: tr("this desk may not do that"),
        ErrorCode.INVALID_ARGUMENTS.value: tr("the queue engine could not read the request"),
        ErrorCode.INTERNAL_ERROR.value: tr(
            "the queue engine failed; tell the site's operator"),
    }
    reason = reasons.get(code)
    return f"{reason} [{engine_words}]" if reason else engine_words


def _no_engine_answer(label: str) -> tuple[str, str]:
    """The desk's message when the engine does not answer: ``label`` was not done."""
    return ("not_done", tr("NOT DONE: %1 — no answer from the queue engine. Nothing was "
                           "changed; try again when the desk is online.").replace("%1", label))


def install_translation(lang: str) -> QTranslator | None:
    """The desk's words in ``lang`` (``counter_client/i18n/counter_LANG.qm``); English,
    the source language, when there is no file (said in the log: the clerk asked for
    another language, or the site's first language is one the desk has no words for)."""
    app = QCoreApplication.instance()
    qm = I18N / f"counter_{lang}.qm"
    if app is None:
        return None
    if not qm.exists():
        if lang != "en":
            log.warning("counter desk: no translation for language %r (no %s); the desk "
                        "speaks English", lang, qm.relative_to(I18N.parent.parent))
        return None
    t = QTranslator(app)
    if not t.load(str(qm)):
        log.warning("counter desk: cannot load %s for language %r; the desk speaks English",
                    qm, lang)
        return None
    app.installTranslator(t)
    return t


class CounterApp(QObject):
    """Build, then :meth:`start`; ``window`` is the widget to show."""

    painted = Signal(str)  # a ticket number, once it is drawn as this counter's current

    def __init__(self, config: SiteConfig, counter: str, *, client_id: str | None = None,
                 clock: Clock | None = None, login: ClerkLogin | None = None,
                 lang: str | None = None) -> None:
        super().__init__()
        self.config = config
        self.site = config.site.id
        self.desk = d.CounterDesk(config, counter)
        self.counter = counter
        self.client_id = topics.check_id(client_id or counter, "client id")
        self.clock = clock or SystemClock()
        self.login = login or LocalLogin()
        self.lang = lang or config.site.languages[0]
        self.translator = install_translation(self.lang)
        # the language of the desk's words (and numbers): English without a translation
        self.words = self.lang if self.translator is not None else "en"
        self.window = CounterWindow(config, self.desk.counter_name, self.desk.default_services,
                                    self.login.needs_password, self.lang, self.words)
        self.view: d.DeskView | None = None
        self._shown_number: str | None = None
        self._lists_minute: int | None = None  # the clock's minute at the last list draw

        self.client = MqttClient(
            config.broker, self.site, "counter", self.client_id,
            will=Will(topics.device_status(self.site, self.client_id),
                      self._status(False, will=True)),
        )
        self.bridge = MqttBridge(self.client, self)
        for f in self.desk.topic_filters():
            self.bridge.forward(f)
        self.bridge.message.connect(self._on_message)
        self.bridge.connection.connect(self._on_connection)
        self.bridge.reply.connect(self._on_reply)
        self.bridge.taken_over.connect(self._on_taken_over)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SETTLE_MS)
        self._soon.timeout.connect(self.refresh)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._appointments_asked = False
        self._appointments_retry_at = 0.0  # _monotonic(); set after a failed list

        w = self.window
        w.login.login.connect(self._login)
        w.desk.action.connect(self.act)
        w.desk.selected.connect(self._select)
        w.desk.prompt.accepted.connect(self._answered)
        w.desk.prompt.dismissed.connect(self.refresh)

    # ----- life ---------------------------------------------------------------------------
    def start(self) -> CounterApp:
        self.window.show_login()
        self.refresh()
        self._timer.start()
        self.client.start()
        return self

    def stop(self) -> None:
        self._timer.stop()
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        if self.client.connected.is_set():
            self.client.publish(topics.device_status(self.site, self.client_id),
                                self._status(False), retain=True).wait_for_publish(timeout=2)
        self.client.stop()

    def _status(self, online: bool, *, will: bool = False) -> bytes:
        # The clerk's id stays at the engine: the device topic says only whether one works.
        detail = {"counter": self.counter,
                  "logged_in": self.desk.state.clerk is not None} if online else {}
        if will:  # its ts is the connect time: "lost since" is unknown
            detail = {"will": True}
        body = DeviceStatus(online=online, role="counter", version=civiq_version,
                            detail=detail)
        return env.encode(env.make(self.site, "device_status", body))

    def _publish_status(self) -> None:
        if self.client.connected.is_set():
            self.client.publish(topics.device_status(self.site, self.client_id),
                                self._status(True), retain=True)

    # ----- inputs (GUI thread) ----------------------------------------------------------
    def _on_connection(self, up: bool) -> None:
        self.desk.state.connected = up
        if up:
            self._publish_status()
            self.desk.appointments_stale = True
            self._appointments_retry_at = 0.0
            self._ask_appointments()
        self.refresh()

    def _on_taken_over(self) -> None:
        # Another desk started with this client id has the connection; this one stays
        # off (no reconnecting: the two would push each other off for ever) and says so.
        self.desk.state.taken_over = True
        self.refresh()

    def _on_message(self, topic: str, payload: bytes) -> None:
        if not self.desk.apply(topic, payload, self.clock.now()):
            return
        if topic == topics.state_engine(self.site):
            self._appointments_retry_at = 0.0  # the engine (re)started or stopped
        self._ask_appointments()
        cur = self.desk.current
        if (cur.number if cur else None) != self._shown_number:
            self.refresh(lists=False)  # the number first; the lists one redraw later
        if not self._soon.isActive():
            self._soon.start()

    def _tick(self) -> None:
        self._ask_appointments()  # a retry once its time has come
        # only the countdown changes by the second; the lists show whole minutes
        self.refresh(lists=d.clock_minute(self.clock.now()) != self._lists_minute)

    def _ask_appointments(self) -> None:
        """Ask for the appointment list when it is stale and none is asked for; after a
        failed answer not before ``_appointments_retry_at``."""
        if (self._appointments_asked or not self.desk.appointments_stale
                or not self.desk.online or _monotonic() < self._appointments_retry_at):
            return
        self._appointments_asked = True
        self.bridge.request(_APPOINTMENTS, "list_appointments", {},
                            timeout=REQUEST_TIMEOUT_S, retries=REQUEST_RETRIES)

    # ----- actions ----------------------------------------------------------------------
    def act(self, name: str) -> None:
        """What a key or a button asks for; ignored when it makes no sense now (the
        button is then disabled too)."""
        v = self.view
        if v is None or name not in v.enabled:
            return
        c = {"counter": self.counter}
        prompt = self.window.desk.prompt
        if name == d.TRANSFER:
            choices = [(tr("Service: %1").replace("%1", self.window.desk.service_name(s.id)),
                        ("service", s.id)) for s in self.config.services]
            choices += [(tr("Counter: %1").replace("%1", k.name), ("counter", k.id))
                        for k in self.config.counters if k.id != self.counter]
            prompt.ask(d.TRANSFER, tr("Transfer %1 to").replace(
                "%1", v.current.number if v.current else ""), choices, text=True,
                max_length=NOTE_MAX,
                hint=tr("Optional note for the next clerk (at most %1 characters): what is "
                        "still to do. No names, no personal data.").replace("%1",
                                                                            str(NOTE_MAX)))
        elif name == d.PAUSE:
            prompt.ask(d.PAUSE, tr("Pause: why?"),
                       [(reason_label(r), r) for r in self.config.desk.pause_reasons])
        elif name == d.CANCEL_SELECTED:
            number = self.desk.state.selected or ""
            prompt.ask(d.CANCEL_SELECTED, tr("Cancel ticket %1? The visitor loses their "
                                             "place.").replace("%1", number), [])
        elif name in (d.CALL_NEXT, d.RECALL, d.START, d.FINISH, d.NO_SHOW, d.PARK):
            self._send(name, name, c)
        elif name == d.CALL_SELECTED:
            self._send(name, "call_ticket", {**c, "number": self.desk.state.selected})
        elif name in (d.RESUME, d.OPEN):
            self._send(name, "open_counter", self._open_args())
        elif name == d.CLOSE:
            self._send(name, "close_counter", c)
        elif name == d.LOGOUT:
            if v.status in (CounterStatus.OPEN, CounterStatus.PAUSED):
                self._send(name, "close_counter", c)
            else:
                self._logged_out()
        self.refresh()

    def _answered(self, what: str, data: object, text: str) -> None:
        c = {"counter": self.counter}
        if what == d.TRANSFER and isinstance(data, tuple):
            kind, target = data
            args = {**c, ("to_service" if kind == "service" else "to_counter"): target}
            if text:
                args["note"] = text[:NOTE_MAX]
            self._send(d.TRANSFER, "transfer", args)
        elif what == d.PAUSE and isinstance(data, str):
            self._send(d.PAUSE, "pause_counter", {**c, "reason": data})
        elif what == d.CANCEL_SELECTED and self.desk.state.selected:
            self._send(d.CANCEL_SELECTED, "cancel", {"number": self.desk.state.selected})
        self.refresh()

    def _open_args(self) -> dict:
        s = self.desk.state
        return {"counter": self.counter, "clerk": s.clerk, "services": list(s.services)}

    def _send(self, action: str, command: str, data: dict) -> None:
        s = self.desk.state
        if s.busy is not None:
            return
        self.desk.acting(action)
        log.debug("%s: %s %s (t=%.6f)", self.counter, command, data, time.monotonic())
        self.bridge.request(action, command, data, timeout=REQUEST_TIMEOUT_S,
                            retries=REQUEST_RETRIES)

    def _on_reply(self, tag: str, outcome: object) -> None:
        if tag == _APPOINTMENTS:
            self._appointments_asked = False
            failed = True
            if isinstance(outcome, dict):
                try:
                    self.desk.set_appointments(
                        AppointmentList.model_validate(outcome).appointments)
                    failed = False
                except ValueError:
                    log.warning("unreadable appointment list")
            else:
                log.info("%s: no appointment list: %s", self.counter, outcome)
            if failed:  # the list stays stale; ask again later, not in a loop now
                self._appointments_retry_at = _monotonic() + APPOINTMENTS_RETRY_S
            self.refresh()
            return
        s = self.desk.state
        s.busy = None
        label = action_label(tag).rstrip("…")
        if isinstance(outcome, RequestFailed):
            # expired: the command waited too long to be done; like no answer, nothing
            # was changed and the clerk may try again.
            if outcome.code in (ErrorCode.ENGINE_UNAVAILABLE.value, ErrorCode.EXPIRED.value):
                s.message = _no_engine_answer(label)
            else:
                s.message = ("refused", tr("Refused: %1 — %2").replace("%1", label)
                             .replace("%2", _refusal(outcome.code, outcome.message)))
            log.info("%s: %s not done: %s", self.counter, tag, outcome)
        elif isinstance(outcome, Exception):
            s.message = ("not_done", tr("NOT DONE: %1 — %2").replace("%1", label)
                         .replace("%2", str(outcome)))
        else:
            result = outcome if isinstance(outcome, dict) else {}
            ticket = (result.get("ticket") or {}).get("number") \
                if isinstance(result.get("ticket"), dict) else None
            if tag == d.CALL_NEXT and ticket is None:
                s.message = ("done", tr("Nobody is waiting for this counter."))
            else:
                s.message = ("done", tr("Done: %1").replace("%1", label)
                             + (f" ({ticket})" if ticket else ""))
            if tag in (d.CALL_SELECTED, d.CANCEL_SELECTED):
                s.selected = None
            if tag == d.LOGOUT:
                self._logged_out()
                return
        self.refresh()

    def _login(self, clerk: str, password: str, services: list[str]) -> None:
        try:
            clerk_id = self.login.check(clerk, password or None)
        except LoginRefused as exc:
            self.window.show_login(str(exc))
            return
        if not services:
            self.window.show_login(tr("Choose at least one service."))
            return
        s = self.desk.state
        s.clerk = clerk_id
        self.desk.set_services(services)
        s.message = None
        self.window.show_desk()
        self._publish_status()
        if self.desk.online:
            self._send(d.OPEN, "open_counter", self._open_args())
        else:
            s.message = _no_engine_answer(action_label(d.OPEN))
        self.refresh()

    def _logged_out(self) -> None:
        s = self.desk.state
        s.clerk = None
        s.selected = None
        s.message = None
        s.new_day = False
        self.desk.set_services(self.desk.default_services)
        self._publish_status()
        self.window.show_login(fresh=True)
        self.refresh()

    def _select(self, number: str) -> None:
        self.desk.select(number or None)
        self.refresh()

    # ----- output -----------------------------------------------------------------------
    def refresh(self, lists: bool = True) -> None:
        if lists:
            self._soon.stop()
        now = self.clock.now()
        v = self.desk.build(now)
        self.view = v
        self.window.desk.show_view(v, lists=lists)
        if lists:
            self._lists_minute = d.clock_minute(now)
        number = v.current.number if v.current else None
        if number != self._shown_number:
            self._shown_number = number
            self.window.desk.number.repaint()
            log.debug("%s shows %s (t=%.6f)", self.counter, number, time.monotonic())
            self.painted.emit(number or "")
