"""One display: MQTT in, state model and view model in between, the board widget out.

Every message reaches the GUI thread through :class:`civiq._qt.bridge.MqttBridge`; the
board redraws at once on a state change and on a short timer for the clock, the blink
and the ticker.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from civiq import __version__ as civiq_version
from civiq._qt.bridge import MqttBridge
from civiq.clock import Clock, SystemClock
from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import Call, DeviceStatus
from civiq.transport.mqtt import MqttClient, Will
from civiq.transport.state import SiteStateModel
from display_board.announcements import AnnouncementQueue
from display_board.filters import BoardFilter
from display_board.legibility import board_mm
from display_board.notices import parse_central
from display_board.player import AnnouncementPlayer
from display_board.viewmodel import BoardViewModel
from display_board.widgets import BoardWidget

log = logging.getLogger(__name__)

#: Redraw for the clock and the ticker; while a call flashes, often enough to blink.
TICK_MS = 1000
BLINK_TICK_MS = 250
#: State messages come in bursts (event, queue, calls of one engine batch): one redraw
#: this long after the first.
SETTLE_MS = 20
NOTICES_TOPIC = topics.central("notices")


@functools.lru_cache(maxsize=4)  # boards of one process get the same bytes: read once
def without_waiting(payload: bytes) -> bytes:
    """The queue state without its list of waiting tickets, which a board never shows:
    with a long queue, checking every ticket in it cost more than drawing the board.
    Anything unreadable goes on unchanged, for the state model to refuse and log."""
    try:
        raw = json.loads(payload)
    except ValueError:
        return payload
    data = raw.get("data") if isinstance(raw, dict) else None
    if not isinstance(data, dict) or not data.get("waiting"):
        return payload
    data["waiting"] = []
    return json.dumps(raw).encode()


class DisplayApp(QObject):
    """Build with :meth:`start` after construction; ``board`` is the widget to show."""

    call_announced = Signal(object)  # Call, for each call the board highlights

    def __init__(self, config: SiteConfig, client_id: str = "display-1", *,
                 board_filter: BoardFilter | None = None, clock: Clock | None = None,
                 mute: bool = False, tts_engine: str = "auto", recent_calls: int | None = None,
                 work_dir: Path | None = None, sound: bool = True,
                 screen_inches: float | None = None, layout: str | None = None) -> None:
        super().__init__()
        self.config = config
        self.site = config.site.id
        self.client_id = topics.check_id(client_id, "display id")
        self.clock = clock or SystemClock()
        self.filter = board_filter or BoardFilter()
        self.model = SiteStateModel(self.site)
        self.vm = BoardViewModel(config, self.filter, recent_calls=recent_calls, layout=layout)
        self.board = BoardWidget(self.vm.row_count, self.vm.service_count)
        self.board.setWindowTitle(f"civiq — {config.site.name} — {client_id}")
        self.muted = mute
        self.screen_inches = screen_inches
        # monotonic time is system-wide: benchmarks measure command -> board across processes
        self.board.newest_shown.connect(
            lambda n: log.debug("board shows %s (t=%.6f)", n, time.monotonic()))
        self.player: AnnouncementPlayer | None = None
        if sound:
            queue = AnnouncementQueue(self.vm.languages, chime=config.display.chime,
                                      speech=config.display.speech)
            self.player = AnnouncementPlayer(queue, tts_engine, work_dir, self)
        self.model.subscribe(self._on_model)

        self.client = MqttClient(
            config.broker, self.site, "display", self.client_id,
            will=Will(topics.device_status(self.site, self.client_id),
                      self._status(False, will=True)),
        )
        self.bridge = MqttBridge(self.client, self)
        # Only what a board shows: the calls as events (announced at once), the retained
        # state at QoS 0 (no acknowledgement per message for every board; a reconnect
        # brings it again) and notices; issued, finished and the rest follow as state.
        state, _events = self.model.topic_filters()
        self.bridge.forward(state, qos=0)
        for kind in ("called", "recalled"):
            self.bridge.forward(topics.event(self.site, kind))
        self.bridge.forward(NOTICES_TOPIC)
        self.bridge.message.connect(self._on_message)
        self.bridge.connection.connect(self._on_connection)
        self.bridge.taken_over.connect(self._on_taken_over)
        self._first_current = False
        self._queue_topic = topics.state_queue(self.site)
        # Retained state waits for the next redraw, and only its latest message per topic
        # is read: with many boards on one machine, reading every board's queue state
        # before the next board's called number put them all behind each other.
        self._later = {self._queue_topic, topics.state_calls(self.site)}
        self._pending: dict[str, bytes] = {}
        # A call shows its number at once; the rest of the board follows one redraw later.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SETTLE_MS)
        self._soon.timeout.connect(self.refresh)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.refresh)
        self.board.resized.connect(self.refresh)

    # ----- life ---------------------------------------------------------------------------
    def start(self) -> DisplayApp:
        self.refresh()
        self._timer.start()
        self.client.start()
        return self

    def stop(self) -> None:
        self._timer.stop()
        if self.player is not None:
            self.player.stop()
        if self.client.connected.is_set():
            self.client.publish(topics.device_status(self.site, self.client_id),
                                self._status(False), retain=True).wait_for_publish(timeout=2)
        self.client.stop()

    def _status(self, online: bool, *, will: bool = False) -> bytes:
        detail = {"services": sorted(self.filter.services or []),
                  "counters": sorted(self.filter.counters or []),
                  "muted": self.muted} if online else {}
        if will:  # its ts is the connect time: "lost since" is unknown
            detail = {"will": True}
        body = DeviceStatus(online=online, role="display", version=civiq_version, detail=detail)
        return env.encode(env.make(self.site, "device_status", body))

    # ----- inputs (GUI thread) ----------------------------------------------------------
    def _on_connection(self, up: bool) -> None:
        self.vm.set_connected(up)
        if up:
            self.client.publish(topics.device_status(self.site, self.client_id),
                                self._status(True), retain=True)
        self.refresh()

    def _on_taken_over(self) -> None:
        self.vm.set_taken_over()
        self.refresh()

    def _on_message(self, topic: str, payload: bytes) -> None:
        if topic == NOTICES_TOPIC:
            notices = parse_central(payload)
            if notices is not None:
                self.vm.set_central_notices(notices)
                self.refresh()
            return
        if topic in self._later:
            self._pending.pop(topic, None)  # re-inserted last: the pending keep seq order
            self._pending[topic] = payload
            if not self._soon.isActive():
                self._soon.start()
            return
        if self._pending:
            self._apply_pending()  # older than this message: seq order holds
        self.model.apply(topic, payload)  # listeners redraw what changed

    def _apply_pending(self) -> None:
        pending, self._pending = self._pending, {}
        for topic, payload in pending.items():
            self.model.apply(topic, without_waiting(payload) if topic == self._queue_topic
                             else payload)

    def _on_model(self, what: str, body: object) -> None:
        if (what in ("called", "recalled") and isinstance(body, Call)
                and self.vm.note_live_call(body, time.monotonic())):
            # The number first (many boards may share a slow machine), then the rest of the
            # board on the next pass; sound after drawing: the eye is faster than the chime.
            self.board.show_newest(self.vm.newest(self.model.snapshot),
                                   self.board.view.labels["none"] if self.board.view else "")
            self._soon.start()
            self.call_announced.emit(body)
            if self.player is not None and not self.muted:
                self.player.announce(body)
            return
        if not self._soon.isActive():
            self._soon.start()

    # ----- output -----------------------------------------------------------------------
    def _physical_mm(self) -> tuple[float, float] | None:
        """The board's own size in millimetres: the screen's, in the share of the screen
        the window covers (a window on a desktop monitor is smaller than the monitor)."""
        screen = self.board.screen() or QGuiApplication.primaryScreen()
        real = QGuiApplication.platformName() not in ("offscreen", "minimal")
        if self.screen_inches:
            # 16:9 panel of that diagonal
            diag_mm = self.screen_inches * 25.4
            screen_mm = (diag_mm * 16 / 18.358, diag_mm * 9 / 18.358)
        elif real and screen is not None and screen.physicalSize().width() > 0:
            size = screen.physicalSize()
            screen_mm = (size.width(), size.height())
        else:
            return None  # no real screen: legibility assumes a 55-inch panel
        board_long = max(self.board.width(), self.board.height())
        screen_long = 0
        if real and screen is not None:
            geo = screen.geometry()
            screen_long = max(geo.width(), geo.height())
        return board_mm(screen_mm, board_long, screen_long)

    def refresh(self) -> None:
        if self._pending:
            self._apply_pending()
        self._soon.stop()
        size = self.board.size()
        view = self.vm.build(self.model.snapshot, self.clock.now(), time.monotonic(),
                             (max(size.width(), 1), max(size.height(), 1)),
                             self._physical_mm())
        self.board.show_view(view)
        tick = BLINK_TICK_MS if view.highlight else TICK_MS
        if self._timer.interval() != tick:
            self._timer.setInterval(tick)
        if not self._first_current and not view.stale:
            self._first_current = True
            log.info("board current: showing %s", view.newest.number if view.newest else "-")
            for line in view.typography.shortfalls:
                log.warning("too small for %g m: %s", self.config.display.viewing_distance_m,
                            line)
            if view.setup_note:
                log.warning("the board says while it starts: %s", view.setup_note)
