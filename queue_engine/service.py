"""The engine on MQTT: one worker thread owns the queue; paho only hands messages over.

The worker also runs the MQTT network itself (``MqttClient.drive``): a command read, a
batch applied and its replies written all happen on one thread, with no hand-over
between threads per message (that cost more CPU than the engine's own work).

Commands arrive on a persistent session (clean_start=False, session expiry > 0), so those
sent while the engine restarts wait at the broker. The worker takes everything that has
arrived as one batch, commits it in one transaction (group commit) and only then
publishes replies and events. State is retained and coalesced to at most one message per
``STATE_INTERVAL_S``; the ``called`` event is what displays react to at once.

One engine per site: a second one connects with the same MQTT client id, and the broker
pushes the first off. The one pushed off stops (``taken_over``) instead of pushing back:
two engines answering commands give the same numbers to two visitors.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from civiq.clock import Clock, SystemClock
from civiq.config import SiteConfig
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient, Will
from queue_engine.central_resend import CentralResend
from queue_engine.engine import QueueEngine
from queue_engine.messages import Inbound, Outbound
from queue_engine.store.repository import open_store, safe_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

MAX_BATCH = 500
STATE_INTERVAL_S = 0.05
#: Estimates drift as time passes; republish at least this often while tickets wait.
REFRESH_S = 15.0
#: Under load the state (a forecast per service) waits at least this many times as long
#: as it took to build, so building it never takes more than about a fifth of the worker
#: and commands are not kept waiting behind it; events still go out at once.
STATE_COST_FACTOR = 4.0


class EngineTakenOver(Exception):
    """Another engine for this site connected with the same MQTT client id; this one
    stopped (all it did is committed)."""

    def __init__(self, site: str, client_id: str) -> None:
        super().__init__(f"another engine for site {site} is connected to the broker "
                         f"(client id {client_id}); this one stops. Run one engine per site.")
        self.site = site
        self.client_id = client_id


class EngineService:
    def __init__(self, config: SiteConfig, clock: Clock | None = None,
                 *, database_url: str | None = None, wall_clock: Clock | None = None,
                 store: Engine | None = None) -> None:
        self.config = config
        self.clock = clock or SystemClock()
        self.site = config.site.id
        self.store = store or open_store(database_url or config.database_url())
        self.engine = QueueEngine(config, self.store, self.clock, wall_clock)
        self._inbox: list[Inbound] = []  # filled by _on_command during drive()
        self._stop = threading.Event()
        self._state_dirty = threading.Event()
        self.ready = threading.Event()
        self.client = MqttClient(
            config.broker, self.site, "engine", self.site,
            will=Will(topics.state_engine(self.site), self.engine.engine_state(False)),
            persistent=True,
        )
        self.client.route(topics.commands(self.site), self._on_command, qos=1)
        self.resend: CentralResend[Outbound] = CentralResend()
        self.client.route(topics.bridge_state(self.site), self._on_bridge, qos=1)
        self.client.on_connection_change(self._on_connection)
        self._worker = threading.Thread(target=self._run, name="civiq-engine", daemon=True)

    @property
    def taken_over(self) -> threading.Event:
        """Set when another engine for this site took the MQTT client id: the worker has
        stopped then (the broker no longer delivers this one anything)."""
        return self.client.taken_over

    def start(self) -> EngineService:
        self.client.start_driven()
        self._worker.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._worker.join(timeout=5)
        # The worker has ended: this thread may drive the network now.
        if self.client.connected.is_set():
            info = self.client.publish(
                topics.state_engine(self.site), self.engine.engine_state(False), retain=True)
            deadline = time.monotonic() + 2
            while not info.is_published() and time.monotonic() < deadline:
                if not self.client.drive(0.05):
                    break
        self.client.stop()
        self.store.dispose()

    # Runs inside drive() on the worker: collect; the batch is applied after reading.
    def _on_command(self, topic: str, payload: bytes, props: Any) -> None:
        self._inbox.append(Inbound(
            topic=topic, payload=payload,
            correlation=getattr(props, "CorrelationData", None),
        ))

    # Runs inside drive() on the worker, like _on_command: it may publish.
    def _on_bridge(self, topic: str, payload: bytes, props: Any) -> None:
        if payload not in (b"0", b"1"):
            log.warning("ignored %r on %s: the bridge's state is 0 or 1", payload[:20], topic)
            return
        again = self.resend.link(time.monotonic(), payload == b"1")
        if again:
            log.info("the link to central is back: %d recent events sent again, in case "
                     "central lost one in a crash", len(again))
            self._publish(again, keep=False)

    def _on_connection(self, up: bool) -> None:
        if up:
            self.client.publish(topics.state_engine(self.site), self.engine.engine_state(True),
                                retain=True)
            self._state_dirty.set()
            self.ready.set()

    def _publish(self, items: list[Outbound], *, keep: bool = True) -> None:
        now = time.monotonic()
        for o in items:
            self.client.publish(o.topic, o.payload, qos=o.qos, retain=o.retain,
                                correlation=o.correlation)
            if keep and topics.event_kind(o.topic) is not None:
                self.resend.published(now, o)

    def _read(self) -> None:
        """Wait for traffic (at most half the state interval), then read on while
        commands keep arriving: each turn of paho reads about one packet."""
        if self._inbox:
            self.client.drive(0)
        elif not self.client.drive(STATE_INTERVAL_S / 2):
            return
        while 0 < len(self._inbox) < MAX_BATCH:
            n = len(self._inbox)
            if not self.client.drive(0) or len(self._inbox) == n:
                break

    def _run(self) -> None:
        last_state = 0.0
        state_cost = 0.0
        while not self._stop.is_set():
            try:
                self._read()
            except Exception:
                log.exception("MQTT network loop failed; going on")
                self._stop.wait(0.5)
                continue
            if self.taken_over.is_set():
                # Another engine serves the site now: this one changes nothing more.
                # Commands read just before are the other's to do (their senders retry
                # with the same request id); all this one did is committed.
                if self._inbox:
                    log.info("%d commands read just before the other engine took over "
                             "are left to it", len(self._inbox))
                    self._inbox = []
                return
            batch, self._inbox = self._inbox[:MAX_BATCH], self._inbox[MAX_BATCH:]
            first = batch[0] if batch else None
            try:
                if batch:
                    self._publish(self.engine.handle_batch(batch))
                    self._state_dirty.set()
                # While the store is away, memory may be ahead of it: the next command
                # reloads first; until then nothing is done or published from memory.
                if self.engine.stale:
                    continue
                if first is None and self.engine.roll_day_if_needed():
                    self._state_dirty.set()
                expired = self.engine.expire_appointments()
                if expired:
                    self._publish(expired)
                    self._state_dirty.set()
                # Old history goes a chunk per turn, never all at once before a command.
                self.engine.tidy()
            except Exception:
                # The worker must never die: an engine that looks online but answers
                # nothing is worse than one that refuses with a reason.
                log.exception("engine loop failed; going on")
                self._stop.wait(0.5)
                continue
            now = time.monotonic()
            gap = max(STATE_INTERVAL_S, STATE_COST_FACTOR * state_cost)
            # Only an old state scans for waiting tickets: this runs on every turn.
            due = (self._state_dirty.is_set() and now - last_state >= gap) or (
                now - last_state >= REFRESH_S and bool(self.engine.q.waiting_tickets()))
            if due and self.client.connected.is_set():
                self._state_dirty.clear()
                last_state = now
                try:
                    self._publish(self.engine.state_messages())
                except Exception:
                    log.exception("could not build the state")
                state_cost = time.monotonic() - now


def run(config: SiteConfig, clock: Clock | None = None, database_url: str | None = None,
        store: Engine | None = None) -> int:
    """Run until SIGINT/SIGTERM (``civiq engine``); ``store``: the database, already
    opened. :class:`EngineTakenOver` when another engine for the site took this one's
    place at the broker (it has stopped cleanly)."""
    import signal

    svc = EngineService(config, clock, database_url=database_url, store=store)
    stop = threading.Event()
    svc.client.on_taken_over(stop.set)
    svc.start()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    log.info("engine for %s on %s:%s, database %s", config.site.id, config.broker.host,
             config.broker.port, safe_url(database_url or config.database_url()))
    while not stop.wait(0.5):
        pass
    svc.stop()
    if svc.taken_over.is_set():
        raise EngineTakenOver(config.site.id, svc.client.mqtt_client_id)
    return 0
