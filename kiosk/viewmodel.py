"""What the kiosk shows and says, as plain data: no Qt, no MQTT.

The view model is a small state machine (start, busy, ticket, refused, out of service)
fed with taps, keys, replies and the site's retained state; :meth:`KioskViewModel.build`
turns it into a :class:`KioskView` the widgets draw as they are told. Every string goes
through ``tr(language, source)`` (Qt Linguist's ``.qm`` files in the app, identity in
tests); service names come from the site file.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from civiq.config import Kiosk, SiteConfig
from civiq.protocol.formats import CODE_DIGITS
from civiq.protocol.models import QueueState, Recommendation, ServiceState
from civiq.waits import say_wait
from kiosk import texts as tx

#: The languages the kiosk has words for (kiosk/i18n; English is the source), each named
#: in its own script. A site offers those of its ``[site] languages`` (kiosk_languages).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("de", "Deutsch"), ("en", "English"), ("tr", "Türkçe"), ("ar", "العربية"),
    ("ru", "Русский"), ("uk", "Українська"), ("pl", "Polski"), ("fa", "فارسی"),
)
RTL = frozenset({"ar", "fa"})
#: Service buttons per page; more go on the next page ("More services").
PER_PAGE = 8
#: Touch targets are at least this big (EN 301 549 has no figure; 15 mm is the city's).
TARGET_MM = 15.0
#: Screen assumed when neither the site file nor the system knows it: a 21.5-inch panel.
DEFAULT_INCHES = 21.5
#: Automatic returns to the start screen, in seconds: normal, and in speech mode.
TICKET_S = (20.0, 60.0)
REFUSED_S = (40.0, 120.0)
IDLE_S = (60.0, 180.0)
#: Every automatic return is announced at least this long ahead.
WARN_S = 20.0
#: A recommendation of another site counts when its wait is this much shorter (minutes)
#: and at most this share of ours.
SHORTER_MIN = 15.0
SHORTER_SHARE = 0.6
VOLUME_STEPS = (0.4, 0.55, 0.7, 0.85, 1.0)
RATE_STEPS = (-0.4, -0.2, 0.0, 0.2, 0.4)
DEFAULT_VOLUME = 2
DEFAULT_RATE = 2
#: Printer states (printers.PrinterState values) in which a ticket may not be on paper.
PRINTER_DOWN = frozenset({"paper_out", "offline"})
#: An ``expired`` reply older than the kiosk's own wait by more than this (seconds)
#: means the kiosk's clock is behind the engine's.
CLOCK_SKEW_S = 2.0

Tr = Callable[[str, str], str]


def identity(_language: str, text: str) -> str:
    return text


class Screen(StrEnum):
    START = "start"
    BUSY = "busy"
    TICKET = "ticket"
    REFUSED = "refused"
    CODE = "code"  # typing a booking code
    OUT_OF_SERVICE = "out_of_service"


class Key(StrEnum):
    """The keypad's meanings (kiosk.widgets maps physical keys to these)."""

    PREV = "prev"
    NEXT = "next"
    SELECT = "select"
    HELP = "help"
    REPEAT = "repeat"
    LOUDER = "louder"
    QUIETER = "quieter"
    FASTER = "faster"
    SLOWER = "slower"
    START_SPEECH = "start_speech"
    DIGIT = "digit"  # 1, 3, 7, 9: only a digit (on the booking-code screen)


@dataclass(frozen=True)
class Control:
    id: str
    label: str
    detail: str = ""
    enabled: bool = True
    kind: str = "action"  # service, language, toggle, action
    checked: bool = False


@dataclass(frozen=True)
class TicketCard:
    number: str
    service: str
    ahead: str
    wait: str
    qr_payload: str
    heading: str  # "Your number" or "You are checked in"
    extra: list[str] = field(default_factory=list)  # appointment time, assistance, shorter


@dataclass(frozen=True)
class KioskView:
    screen: Screen
    language: str
    rtl: bool
    title: str
    lines: list[str]
    controls: list[Control]
    ticket: TicketCard | None = None
    printer_note: str = ""
    printer_fault: bool = False  # the note says the printer failed (drawn as a warning)
    countdown: str = ""
    focus: str | None = None
    spoken: str = ""  # what speech says (or said) last, highlighted on screen
    speech: bool = False
    large: bool = False
    contrast: bool = False
    min_target_px: int = 60
    prompt: str = ""  # the screen read aloud in speech mode


@dataclass(frozen=True)
class IssueAction:
    service: str
    language: str
    assistance: bool


@dataclass(frozen=True)
class CheckInAction:
    token: str | None
    language: str
    booking_code: str | None = None


Action = IssueAction | CheckInAction


@dataclass
class _Ticket:
    number: str
    service: str
    ahead: int | None
    eta: float | None
    p10: float | None
    p90: float | None
    issued_at: datetime
    appointment: datetime | None
    assistance: bool


def wait_text(tr: Tr, lang: str, eta: float | None, p10: float | None = None,
              p90: float | None = None) -> str:
    """``about 15 min.``, or a range when the 80 % interval is wide (civiq.waits' rule,
    the same as the board's)."""
    wait = say_wait(eta, p10, p90)
    if wait is None:
        return tr(lang, tx.WAIT_UNKNOWN)
    if wait.none:
        return tr(lang, tx.WAIT_NONE)
    if wait.high is not None:
        return tr(lang, tx.WAIT_RANGE).format(lo=wait.minutes, hi=wait.high)
    return tr(lang, tx.WAIT_ABOUT).format(min=wait.minutes)


def kiosk_languages(site_languages: list[str]) -> tuple[tuple[str, str], ...]:
    """The site's languages the kiosk can show, in the site's order (the first is where
    it starts and resets); English alone when it can show none of them."""
    names = dict(LANGUAGES)
    offered = tuple((code, names[code]) for code in dict.fromkeys(site_languages)
                    if code in names)
    return offered or (("en", names["en"]),)


def min_target_px(size_px: tuple[int, int], inches: float | None) -> int:
    """Pixels in 15 mm on a screen of that diagonal showing ``size_px`` whole."""
    diag_px = math.hypot(*size_px)
    px_per_mm = diag_px / ((inches or DEFAULT_INCHES) * 25.4)
    return math.ceil(TARGET_MM * px_per_mm)


#: Words by which audio systems name a headphone or headset output (PulseAudio/PipeWire
#: port and device descriptions, in the languages they ship).
_HEADPHONE_WORDS = ("headphone", "headset", "kopfhörer", "casque", "auricular", "earphone")


def headphones_in(outputs: list[str]) -> bool:
    """Whether one of the audio outputs, by its description, is a headphone or headset
    (what a citizen plugs into the kiosk's jack)."""
    return any(w in o.lower() for o in outputs for w in _HEADPHONE_WORDS)


class KioskViewModel:
    def __init__(self, config: SiteConfig, kiosk: Kiosk, tr: Tr = identity, *,
                 camera: bool = False, assistance: bool = False,
                 wall: Callable[[], datetime] | None = None) -> None:
        self.config = config
        #: The kiosk's wall clock (what "today" is for opening times).
        self.wall = wall or (lambda: datetime.now(UTC))
        self.kiosk = kiosk
        self.tr = tr
        self.camera = camera
        self.assistance_supported = assistance
        #: The language buttons: the site's languages the kiosk has words for.
        self.languages = kiosk_languages(config.site.languages)
        self.default_language = self.languages[0][0]
        self.connected = False
        #: Another kiosk started with this one's id took its connection: it stays off.
        self.taken_over = False
        self.engine_online: bool | None = None
        self.printer_fault = False
        self.printer_none = False
        self.printing = False
        #: The printer's last known state (a printers.PrinterState value), for the start
        #: screen: "" not known.
        self.printer_state = ""
        #: The kiosk's clock is behind the engine's by this many seconds (every command
        #: would expire): out of service until it is started again with a right clock.
        self.clock_skew_s: float | None = None
        #: The central tier's, as received: each is checked against a ticket's issue time.
        self.recommendations: list[Recommendation] = []
        self.headphones = False
        self.size_px = (1920, 1080)
        self._reset_citizen(0.0)
        # What speech says next: None nothing, "" the screen's prompt, a text as it is (a
        # repeat), or a function that words it, called in the voice's language.
        self._pending_utterance: str | Callable[[], str] | None = None
        #: The languages the kiosk's voice speaks; None: every one (or not known).
        self.voices: frozenset[str] | None = None
        self.last_spoken = ""

    # ----- the citizen's session --------------------------------------------------------
    def _reset_citizen(self, now: float) -> None:
        self.language = self.default_language
        self.screen = Screen.START
        self.page = 0
        self.assistance = False
        self.large = False
        self.contrast = False
        self.speech = self.headphones
        self.volume = DEFAULT_VOLUME
        self.rate = DEFAULT_RATE
        self.focus = 0
        self.ticket: _Ticket | None = None
        self._refusal: tuple[str, dict[str, Any]] | None = None
        self.code = ""  # the booking code typed so far
        self.since = now
        self.last_input = now
        self._warned = False

    def _go(self, screen: Screen, now: float) -> None:
        self.screen = screen
        self.since = now
        self.last_input = now
        self.focus = 0
        self._warned = False
        self._pending_utterance = ""  # "": say the new screen's prompt

    def t(self, source: str) -> str:
        return self.tr(self.language, source)

    # ----- inputs -----------------------------------------------------------------------
    def touch(self, now: float) -> None:
        """Any touch or key: the citizen is still there."""
        self.last_input = now
        self._warned = False

    def tap(self, control_id: str, now: float, snapshot_queue: QueueState | None
            ) -> Action | None:
        self.touch(now)
        if self.screen is Screen.BUSY:
            return None  # one request at a time: a second tap never makes a second ticket
        kind, _, arg = control_id.partition(":")
        if kind == "lang":
            if arg in dict(self.languages):
                self.language = arg
                self._pending_utterance = ""
            return None
        if kind == "svc":
            state = self._service_state(snapshot_queue, arg)
            if state is not None and state.ticket_stop:
                return None
            self._go(Screen.BUSY, now)
            return IssueAction(arg, self.language, self.assistance)
        if control_id == "code":
            self.code = ""
            self._go(Screen.CODE, now)
            return None
        if self.screen is Screen.CODE and kind == "digit":
            return self._code_key(arg, now)
        if self.screen is Screen.CODE and control_id in ("del", "ok"):
            return self._code_key("-" if control_id == "del" else "enter", now)
        if control_id == "more":
            self.page += 1
        elif control_id == "prev_page":
            self.page = max(0, self.page - 1)
        elif control_id == "assist":
            self.assistance = not self.assistance
        elif control_id == "large":
            self.large = not self.large
        elif control_id == "contrast":
            self.contrast = not self.contrast
        elif control_id == "speech":
            self.speech = not self.speech
            if self.speech:
                self._pending_utterance = self._words(tx.SPEECH_ON)
        elif control_id in ("back", "walk_in"):
            self._go(Screen.START, now)  # the same citizen: language and aids stay
        elif control_id == "done":
            self._reset_citizen(now)  # the citizen has their ticket: the next one starts
            self._pending_utterance = ""
        return None

    def _code_key(self, what: str, now: float) -> Action | None:
        """A digit, "-" (delete) or "enter" on the booking-code screen. In speech mode the
        digits are said back only into headphones: through the loudspeaker, the count."""
        if what == "enter":
            if len(self.code) < CODE_DIGITS or not self.in_service():
                self._pending_utterance = self._code_count
                return None
            code, self.code = self.code, ""
            self._go(Screen.BUSY, now)
            return CheckInAction(None, self.language, booking_code=code)
        if what == "-":
            self.code = self.code[:-1]
        elif what.isdigit() and len(what) == 1 and len(self.code) < CODE_DIGITS:
            self.code += what
        said = what if self.headphones and what.isdigit() else None
        self._pending_utterance = lambda: (f"{said}. {self._code_count()}" if said
                                           else self._code_count())
        return None

    def _code_count(self) -> str:
        return self.t(tx.CODE_COUNT).format(n=len(self.code))

    def scanned(self, text: str, now: float) -> Action | None:
        self.touch(now)
        if self.screen is Screen.BUSY or not self.in_service():
            return None
        self._go(Screen.BUSY, now)
        return CheckInAction(text, self.language)

    def ticket_issued(self, result: dict[str, Any], now: float, wall: datetime,
                      assistance: bool = False) -> None:
        t = result["ticket"]
        slot = t.get("slot_start")
        self.ticket = _Ticket(
            number=t["number"], service=t["service"], ahead=result.get("ahead"),
            eta=result.get("eta_min"), p10=result.get("eta_p10_min"),
            p90=result.get("eta_p90_min"), issued_at=wall,
            appointment=datetime.fromisoformat(slot) if isinstance(slot, str) else slot,
            assistance=bool(t.get("assistance", assistance)))  # the engine's word
        self.printing = not self.printer_none
        self.printer_fault = False  # each ticket's own print result decides
        self._go(Screen.TICKET, now)

    def refused(self, code: str, details: dict[str, Any], now: float) -> None:
        self._refusal = (code, details)
        self._go(Screen.REFUSED, now)

    def touch_ends_ticket(self) -> bool:
        """Whether a touch anywhere on the ticket screen ends it: only once the ticket is
        on paper. Without paper (no printer, a fault, still printing) the screen is the
        ticket, and a touch to read it again must not take it away: then only Done or
        the timeout (which the touch restarts) ends it."""
        return (self.screen is Screen.TICKET and not self.printing
                and not self.printer_fault and not self.printer_none)

    def printed(self, ok: bool, none: bool, state: str = "") -> None:
        """A ticket's print result: ``ok`` all bytes were handed over, ``state`` the
        printer's state afterwards. Paper out or no answer right after printing is a
        fault too: the ticket may be cut short or never come out, so the screen keeps
        the number."""
        self.printing = False
        self.printer_none = none
        self.printer_fault = not none and (not ok or state in PRINTER_DOWN)
        self.printer_seen(state)

    def printer_seen(self, state: str) -> None:
        """The printer's state from a poll or a print ("unknown" keeps what is known)."""
        if state and state != "unknown":
            self.printer_state = state

    def clock_behind(self, age_s: float, waited_s: float, now: float) -> float | None:
        """An ``expired`` reply: the engine found the command ``age_s`` old when the
        kiosk had waited ``waited_s``. Far more means the kiosk's clock is behind; then
        the skew (seconds), and the kiosk goes out of service."""
        skew = age_s - waited_s
        if skew <= CLOCK_SKEW_S:
            return None
        self.clock_skew_s = skew
        self._go(Screen.START, now)  # shown out of service (in_service is False now)
        return skew

    def key(self, key: Key, now: float, snapshot_queue: QueueState | None,
            char: str = "") -> Action | None:
        """A keypad key (auto-repeats are dropped before they get here); ``char`` is what
        the key types ("5", "-", ...): on the booking-code screen digits are digits."""
        self.touch(now)
        if self.screen is Screen.CODE:
            if char.isdigit() and len(char) == 1:
                return self._code_key(char, now)
            if char == "-":
                return self._code_key("-", now)
            if char == "*":
                self._go(Screen.START, now)
                return None
            if key is Key.START_SPEECH:
                return self._code_key("enter", now)
            if key is Key.REPEAT:
                self._pending_utterance = self._code_count
                return None
        if key is Key.START_SPEECH:
            if not self.speech:
                self.speech = True
                self._pending_utterance = lambda: self.t(tx.SPEECH_ON) + " " + self.prompt(
                    snapshot_queue)
            else:
                self._pending_utterance = self.last_spoken
            return None
        if not self.speech:
            self.speech = True  # any keypad key turns speech on: a blind citizen needs no sight
            self._pending_utterance = self._words(tx.SPEECH_ON)
            return None
        controls = self.controls(snapshot_queue)
        n = len(controls)
        if key in (Key.PREV, Key.NEXT) and n:
            self.focus = (self.focus + (1 if key is Key.NEXT else -1)) % n
            self._pending_utterance = self._say_focus(snapshot_queue)
        elif key is Key.SELECT and n:
            c = controls[min(self.focus, n - 1)]
            if not c.enabled:
                self._pending_utterance = self._say_focus(snapshot_queue)
                return None
            return self.tap(c.id, now, snapshot_queue)
        elif key is Key.HELP:
            self._pending_utterance = self._words(tx.HELP)
        elif key is Key.REPEAT:
            self._pending_utterance = self.last_spoken or ""
        elif key in (Key.LOUDER, Key.QUIETER):
            self.volume = max(0, min(len(VOLUME_STEPS) - 1,
                                     self.volume + (1 if key is Key.LOUDER else -1)))
            self._pending_utterance = lambda: self.t(tx.VOLUME).format(n=self.volume + 1)
        elif key in (Key.FASTER, Key.SLOWER):
            self.rate = max(0, min(len(RATE_STEPS) - 1,
                                   self.rate + (1 if key is Key.FASTER else -1)))
            self._pending_utterance = lambda: self.t(tx.RATE).format(n=self.rate + 1)
        return None

    def resized(self, width: int, height: int) -> bool:
        """The window is now ``width`` x ``height`` pixels; True when the view changes
        with it (touch targets of 15 mm, text sized by the window)."""
        size = (max(width, 1), max(height, 1))
        if size == self.size_px:
            return False
        self.size_px = size
        return True

    def set_headphones(self, plugged: bool) -> None:
        self.headphones = plugged
        if plugged and not self.speech:
            self.speech = True
            self._pending_utterance = self._words(tx.SPEECH_ON)

    def tick(self, now: float) -> bool:
        """Timeouts; True when the screen changed or a warning began."""
        limit = self.timeout_s()
        if limit is None:
            return False
        left = self.last_input + limit - now
        if left <= 0:
            self._reset_citizen(now)
            self._pending_utterance = ""
            return True
        if left <= WARN_S and not self._warned:
            self._warned = True
            seconds = math.ceil(left)
            self._pending_utterance = lambda: self.t(tx.RETURN_IN).format(s=seconds)
            return True
        return False

    def timeout_s(self) -> float | None:
        i = 1 if self.speech else 0
        if self.screen is Screen.TICKET:
            return TICKET_S[i]
        if self.screen in (Screen.REFUSED, Screen.CODE):
            return REFUSED_S[i]
        if self.screen is Screen.START and self._customised():
            return IDLE_S[i]
        return None

    def _customised(self) -> bool:
        return (self.language != self.default_language or self.page or self.assistance
                or self.large or self.contrast or (self.speech and not self.headphones)
                or self.volume != DEFAULT_VOLUME or self.rate != DEFAULT_RATE)

    def in_service(self) -> bool:
        return (self.connected and not self.taken_over and self.engine_online is True
                and self.clock_skew_s is None)

    # ----- what is shown ----------------------------------------------------------------
    def offered(self) -> list[str]:
        ids = self.kiosk.services or [s.id for s in self.config.services if s.walk_in]
        return [i for i in ids if (s := self.config.service(i)) is not None and s.walk_in]

    @staticmethod
    def _service_state(q: QueueState | None, service: str) -> ServiceState | None:
        if q is None:
            return None
        return next((s for s in q.services if s.id == service), None)

    def _time(self, iso: str | datetime | None) -> str:
        if iso is None:
            return ""
        when = datetime.fromisoformat(iso) if isinstance(iso, str) else iso
        return f"{when.astimezone(self.config.tz):%H:%M}"

    def _opening(self, iso: str | datetime | None, today: str, tomorrow: str, on: str
                 ) -> str | None:
        """An opening time in one of three sentences: today's ``{time}``, tomorrow's, or
        another day's ``{day}`` (its weekday) and ``{time}``; None without a time."""
        if iso is None:
            return None
        when = (datetime.fromisoformat(iso) if isinstance(iso, str) else iso
                ).astimezone(self.config.tz)
        now = self.wall().astimezone(self.config.tz).date()
        time = f"{when:%H:%M}"
        if when.date() <= now:
            return self.t(today).format(time=time)
        if when.date() == now + timedelta(days=1):
            return self.t(tomorrow).format(time=time)
        day = self.t(tx.WEEKDAYS[when.weekday()])
        return self.t(on).format(day=day, time=time)

    def service_controls(self, q: QueueState | None) -> list[Control]:
        out = []
        for sid in self.offered():
            svc = self.config.service(sid)
            assert svc is not None
            st = self._service_state(q, sid)
            enabled, detail = True, ""
            if st is not None and st.ticket_stop:
                enabled = False
                if st.ticket_stop_reason == "site_closed":
                    detail = self._opening(st.ticket_stop_until, tx.CLOSED_UNTIL,
                                           tx.CLOSED_TOMORROW, tx.CLOSED_ON
                                           ) or self.t(tx.CLOSED)
                else:
                    detail = self.t(tx.STOPPED)
            elif st is not None:
                detail = wait_text(self.tr, self.language, st.eta_min, st.eta_p10_min,
                                   st.eta_p90_min)
            out.append(Control(f"svc:{sid}", self.config.service_name(svc, self.language),
                               detail, enabled, "service"))
        return out

    def controls(self, q: QueueState | None) -> list[Control]:
        s = self.screen
        if s is Screen.START and self.in_service():
            services = self.service_controls(q)
            pages = max(1, math.ceil(len(services) / PER_PAGE))
            self.page = min(self.page, pages - 1)
            out = services[self.page * PER_PAGE:(self.page + 1) * PER_PAGE]
            if self.page > 0:
                out.append(Control("prev_page", self.t(tx.BACK_SERVICES)))
            if self.page < pages - 1:
                out.append(Control("more", self.t(tx.MORE)))
            if self.assistance_supported:
                out.append(Control("assist", self.t(tx.ASSIST), kind="toggle",
                                   checked=self.assistance))
            out.append(Control("code", self.t(tx.CODE)))
            if self.camera:
                out.append(Control("camera", self.t(tx.CAMERA)))
            return out + self._common()
        if s is Screen.START:  # out of service: only language and reading aids
            return self._common()
        if s is Screen.TICKET:
            return [Control("done", self.t(tx.DONE))]
        if s is Screen.CODE:
            keys = [Control(f"digit:{d}", d, kind="digit") for d in "123456789"]
            return [*keys, Control("del", self.t(tx.CODE_DELETE)),
                    Control("digit:0", "0", kind="digit"),
                    Control("ok", self.t(tx.CODE_OK), enabled=len(self.code) == CODE_DIGITS
                            and self.in_service()),
                    Control("back", self.t(tx.BACK))]
        if s is Screen.REFUSED:
            out = []
            if (refusal := self.refusal) and refusal[2] and self.in_service():
                out.append(Control("walk_in", self.t(tx.WALK_IN)))
            return [*out, Control("back", self.t(tx.BACK))]
        return []

    def _common(self) -> list[Control]:
        langs = [Control(f"lang:{code}", name, kind="language", checked=code == self.language)
                 for code, name in self.languages]
        aids = [Control("large", self.t(tx.LARGE), kind="toggle", checked=self.large),
                Control("contrast", self.t(tx.CONTRAST), kind="toggle", checked=self.contrast),
                Control("speech", self.t(tx.SPEECH), kind="toggle", checked=self.speech)]
        return langs + aids

    def _explain(self, code: str, d: dict[str, Any]) -> tuple[str, str, bool]:
        """(what happened, what to do next, offer a walk-in ticket)."""
        t = self.t
        if code in ("engine_unavailable", "expired"):
            return t(tx.R_ENGINE), t(tx.N_RETRY), False
        if code == "site_closed":
            return (self._opening(d.get("until"), tx.R_SITE_CLOSED_UNTIL,
                                  tx.R_SITE_CLOSED_TOMORROW, tx.R_SITE_CLOSED_ON)
                    or t(tx.R_SITE_CLOSED), "", False)
        if code == "ticket_stop":
            return t(tx.R_TICKET_STOP), t(tx.N_OTHER_SERVICE), False
        if code == "walk_in_not_allowed":
            return t(tx.R_APPOINTMENT_ONLY), t(tx.N_OTHER_SERVICE), False
        if code == "malformed" and d.get("typed"):
            return t(tx.R_CODE_TYPO), t(tx.N_RETRY), True
        if code == "malformed":
            return t(tx.R_MALFORMED), t(tx.N_WALK_IN), True
        if code == "too_many_attempts":
            wait = d.get("retry_after_s")
            if isinstance(wait, int | float) and wait > 0:
                then = (t(tx.N_RETRY_S).format(n=math.ceil(wait)) if wait < 90
                        else t(tx.N_RETRY_MIN).format(n=math.ceil(wait / 60)))
                return t(tx.R_TOO_MANY_WAIT), then, True
            return t(tx.R_TOO_MANY), "", True
        if code in ("unknown_key", "bad_signature"):
            return t(tx.R_FORGED), t(tx.N_DESK), True
        if code == "wrong_site":
            return t(tx.R_WRONG_SITE), t(tx.N_WALK_IN), True
        if code == "wrong_day":
            day = d.get("day", "")
            try:
                day = datetime.fromisoformat(day).strftime("%d.%m.%Y")
            except (TypeError, ValueError):
                pass
            return t(tx.R_WRONG_DAY).format(day=day), t(tx.N_WALK_IN), True
        if code == "unknown_booking":
            return t(tx.R_UNKNOWN_BOOKING), t(tx.N_DESK), True
        if code == "cancelled":
            return t(tx.R_CANCELLED), t(tx.N_WALK_IN), True
        if code == "already_checked_in":
            number = d.get("ticket") or "?"
            at = self._time(d.get("checked_in_at"))
            what = (t(tx.R_ALREADY_AT).format(time=at, number=number) if at
                    else t(tx.R_ALREADY).format(number=number))
            return what, t(tx.N_WAIT_CALL), False
        if code == "too_early":
            return (t(tx.R_TOO_EARLY).format(time=self._time(d.get("from"))),
                    t(tx.N_COME_BACK), True)
        if code == "too_late":
            return t(tx.R_TOO_LATE), t(tx.N_WALK_IN), True
        return t(tx.R_OTHER), "", False

    def shorter_elsewhere(self) -> str | None:
        tk = self.ticket
        if tk is None or tk.eta is None or tk.appointment is not None:
            return None
        for r in self.recommendations:
            if r.site != self.config.site.id or r.service != tk.service:
                continue
            if r.until is not None and r.until <= tk.issued_at:
                continue  # over when the ticket was taken (by the kiosk's clock)
            other = r.to_eta_min
            if tk.eta - other >= SHORTER_MIN and other <= SHORTER_SHARE * tk.eta:
                name = r.to_site_names.get(self.language) or r.to_site_name
                return self.t(tx.SHORTER).format(
                    site=name, wait=wait_text(self.tr, self.language, other))
        return None

    def ticket_card(self) -> TicketCard | None:
        tk = self.ticket
        if tk is None:
            return None
        svc = self.config.service(tk.service)
        name = self.config.service_name(svc, self.language) if svc else tk.service
        ahead = (self.t(tx.AHEAD_NONE) if tk.ahead == 0
                 else self.t(tx.AHEAD).format(n=tk.ahead) if tk.ahead is not None else "")
        wait = self.t(tx.WAIT).format(wait=wait_text(self.tr, self.language, tk.eta, tk.p10,
                                                     tk.p90))
        extra = []
        if tk.appointment is not None:
            extra.append(self.t(tx.APPOINTMENT_AT).format(time=self._time(tk.appointment)))
        if tk.assistance:
            extra.append(self.t(tx.ASSISTANCE_TICKET))
        if (shorter := self.shorter_elsewhere()) is not None:
            extra.append(shorter)
        heading = self.t(tx.CHECKED_IN) if tk.appointment is not None else self.t(
            tx.YOUR_NUMBER)
        return TicketCard(tk.number, name, ahead, wait, tk.number, heading, extra)

    def printable_fields(self) -> dict[str, Any] | None:
        """The ticket for the printer, in the citizen's language (printers.PrintableTicket)."""
        card, tk = self.ticket_card(), self.ticket
        if card is None or tk is None:
            return None
        # As on the screen: "You are checked in" and the appointment's time for a
        # check-in, then assistance and a shorter wait elsewhere.
        extra = ([card.heading] if tk.appointment is not None else []) + card.extra
        return {"site_name": self.config.site.name, "number": card.number,
                "service": card.service, "issued_at": tk.issued_at.astimezone(self.config.tz),
                "ahead": tk.ahead,
                # No estimate prints what the screen says ("no counter open at the moment").
                "wait": wait_text(self.tr, self.language, tk.eta, tk.p10, tk.p90),
                "extra": tuple(extra),
                "qr_payload": card.qr_payload, "note": self.t(tx.WAIT_HINT),
                "language": self.language,
                "labels": {"ahead": self.t(tx.AHEAD_CAPTION), "wait": self.t(tx.WAIT_CAPTION)}}

    def prompt(self, q: QueueState | None) -> str:
        v = self.build(q, self.last_input)
        return v.prompt

    @property
    def refusal(self) -> tuple[str, str, bool] | None:
        """(what happened, what to do next, offer a walk-in ticket), in the language of
        the moment: worded when shown or said, so speech can say it in another."""
        return self._explain(*self._refusal) if self._refusal else None

    def speech_language(self) -> str:
        """The language speech says things in: the citizen's, where the kiosk has a voice
        for it (or its voices are not known); else English (said so once, by the app)."""
        if self.voices and self.language not in self.voices and "en" in self.voices:
            return "en"
        return self.language

    @contextmanager
    def _speaking(self) -> Iterator[None]:
        """Word things in :meth:`speech_language` for a moment (the screen keeps its)."""
        shown, self.language = self.language, self.speech_language()
        try:
            yield
        finally:
            self.language = shown

    def _words(self, source: str) -> Callable[[], str]:
        """``source`` worded when it is said (in the voice's language)."""
        return lambda: self.t(source)

    def _say_focus(self, q: QueueState | None) -> Callable[[], str]:
        focus = self.focus
        return lambda: self._say_control(self.controls(q), focus)

    def _say_control(self, controls: list[Control], i: int) -> str:
        c = controls[i]
        label = f"{c.label}. {c.detail}" if c.detail else c.label
        src = tx.BUTTON if c.enabled else tx.DISABLED
        return self.t(src).format(label=label, i=i + 1, n=len(controls))

    def build(self, q: QueueState | None, now: float) -> KioskView:
        screen = self.screen
        # Typing a booking code too: the digits stay for when the kiosk is back (the
        # screen's timeout still clears them), but Check in cannot be pressed meanwhile.
        if not self.in_service() and screen in (Screen.START, Screen.REFUSED, Screen.CODE):
            screen = Screen.OUT_OF_SERVICE
        controls = self.controls(q)
        lines: list[str] = []
        ticket = None
        printer_note = ""
        printer_fault = False
        if screen is Screen.OUT_OF_SERVICE:
            title = self.t(tx.OUT_TITLE)
            # The id isolated left-to-right: it keeps its order in Arabic and Farsi.
            lines = [self.t(tx.OUT_TAKEN_OVER).format(id=f"\u2066{self.kiosk.id}\u2069")
                     if self.taken_over else self.t(tx.OUT_CLOCK)
                     if self.clock_skew_s is not None else self.t(tx.OUT_TEXT)]
            controls = self._common()
        elif screen is Screen.START:
            title = self.t(tx.CHOOSE)
            lines = [self.t(tx.CHECK_IN)]
            if self.assistance:
                lines.append(self.t(tx.ASSIST_ON))
            if not self.printer_none and self.printer_state == "paper_out":
                lines.append("⚠ " + self.t(tx.PRINTER_OUT_START))
            elif not self.printer_none and self.printer_state == "offline":
                lines.append("⚠ " + self.t(tx.PRINTER_OFFLINE_START))
        elif screen is Screen.BUSY:
            title = self.t(tx.PLEASE_WAIT)
        elif screen is Screen.CODE:
            title = self.t(tx.CODE_TITLE)
            shown = (self.code + "_" * (CODE_DIGITS - len(self.code)))
            # The digits stay on the screen only: speech says how many (see _code_key).
            # Isolated left-to-right: digit groups keep their order in Arabic and Farsi.
            lines = [f"\u2066{shown[:3]} {shown[3:6]} {shown[6:9]} {shown[9:]}\u2069",
                     self.t(tx.CODE_HINT)]
        elif screen is Screen.TICKET:
            ticket = self.ticket_card()
            title = ticket.heading if ticket else ""
            lines = [self.t(tx.WAIT_HINT)]
            if self.printing:
                printer_note = self.t(tx.PRINTING)
            elif self.printer_fault:
                printer_note = "⚠ " + self.t(tx.PRINTER_FAULT)
                printer_fault = True
            elif self.printer_none:
                printer_note = self.t(tx.NO_PRINTER)
            else:
                printer_note = self.t(tx.TAKE_TICKET)
        else:
            title = self.t(tx.NOT_DONE)
            what, then, _ = self.refusal or ("", "", False)
            lines = [x for x in (what, then) if x]
        countdown = ""
        limit = self.timeout_s()
        if limit is not None and screen is not Screen.OUT_OF_SERVICE:
            left = self.last_input + limit - now
            if left <= WARN_S:
                countdown = self.t(tx.RETURN_IN).format(s=max(0, math.ceil(left)))
        if ticket is not None:
            spoken_ticket = self.t(tx.TICKET_SPOKEN).format(
                number=_spell(ticket.number), service=ticket.service,
                ahead=_sentence(ticket.ahead), wait=_sentence(ticket.wait))
            prompt = " ".join([title, spoken_ticket, *ticket.extra, printer_note])
        elif screen is Screen.CODE:
            prompt = " ".join([title, self._code_count(), self.t(tx.CODE_HINT)])
        else:
            prompt = " ".join([title, *lines])
        if controls and self.speech:
            self.focus = min(self.focus, len(controls) - 1)
            prompt += " " + self._say_control(controls, self.focus)
        focus = controls[self.focus].id if self.speech and controls else None
        return KioskView(
            screen=screen, language=self.language, rtl=self.language in RTL, title=title,
            lines=lines, controls=controls, ticket=ticket, printer_note=printer_note,
            printer_fault=printer_fault, countdown=countdown, focus=focus,
            spoken=self.last_spoken if self.speech else "",
            speech=self.speech, large=self.large, contrast=self.contrast,
            min_target_px=min_target_px(self.size_px, self.kiosk.screen_inches),
            prompt=prompt.strip())

    def utterance(self, view: KioskView, q: QueueState | None = None) -> str | None:
        """What speech should say now (None: nothing new), in :meth:`speech_language`. A
        new screen says its prompt (``view``'s, or worded again for another language)."""
        pending, self._pending_utterance = self._pending_utterance, None
        if pending is None or not self.speech:
            return None
        with self._speaking():
            if callable(pending):
                text = pending()
            elif pending:
                text = pending
            elif self.language == view.language:
                text = view.prompt
            else:
                text = self.prompt(q)
        self.last_spoken = text
        return text


def _spell(number: str) -> str:
    """``A017`` -> ``A 0 1 7``: spoken digit by digit, as the board shows it."""
    return " ".join(number)


def _sentence(text: str) -> str:
    return text if not text or text.endswith(".") else text + "."
