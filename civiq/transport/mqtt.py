"""The MQTT client every civiq part shares (paho-mqtt 2.x, MQTT 5).

* connects in the background and reconnects by itself with back-off, except when
  another client with the same client id has taken its place at the broker: two such
  clients would push each other off for ever, so it stops and says so (:attr:`MqttClient.
  taken_over`);
* routes messages to handlers by topic filter (on paho's network thread: handlers must
  only hand data on — :mod:`civiq._qt.bridge` does so for Qt through a queued signal);
* :meth:`MqttClient.request` sends a command with response topic and correlation data,
  waits for the reply and retries with the *same* request id, so a retry after a lost
  reply returns the first answer and never a second ticket.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import logging
import math
import select
import socket
import ssl
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from civiq.clock import Clock, SystemClock
from civiq.config import Broker, ConfigError
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.errors import ErrorCode, ProtocolError
from civiq.protocol.models import Reply

log = logging.getLogger(__name__)

Handler = Callable[[str, bytes, Any], None]


class _QuietShutdown(logging.Filter):
    """paho's loop thread logs 'Client is not connected' as an error when it runs once
    more after a deliberate disconnect; that is no error to anyone reading the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Client is not connected.")


_paho_log = logging.getLogger("paho")
_paho_log.addFilter(_QuietShutdown())


@dataclass(frozen=True)
class Will:
    topic: str
    payload: bytes
    qos: int = 1
    retain: bool = True


class RequestFailed(Exception):
    """The engine refused a command; ``code`` and ``message`` say why."""

    def __init__(self, code: str, message: str, details: dict | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.details = details or {}


class _Timeouts:
    """One thread for all request deadlines (a thread per request would not scale).

    Deadlines fire up to ``SLACK`` s late, so that one wake-up serves every deadline in
    that span: almost every request is answered long before its deadline, and waking once
    per request only to find it answered cost a thread switch each."""

    SLACK = 0.05

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._cv = threading.Condition()
        self._ids = itertools.count()
        self._thread = threading.Thread(target=self._run, name="civiq-timeouts", daemon=True)
        self._thread.start()

    def at(self, deadline: float, fn: Callable[[], None]) -> None:
        with self._cv:
            entry = (deadline, next(self._ids), fn)
            heapq.heappush(self._heap, entry)
            # Wake the thread only when it must wake sooner: a wake-up per request cost
            # a thread switch each, and deadlines mostly arrive in rising order.
            if self._heap[0] is entry:
                self._cv.notify()

    def _run(self) -> None:
        while True:
            with self._cv:
                while not self._heap or self._heap[0][0] > time.monotonic():
                    wait = (self._heap[0][0] + self.SLACK - time.monotonic()
                            if self._heap else None)
                    self._cv.wait(wait)
                _, _, fn = heapq.heappop(self._heap)
            try:
                fn()
            except Exception:
                log.exception("timeout callback failed")


_timeouts: _Timeouts | None = None
_timeouts_lock = threading.Lock()


def _scheduler() -> _Timeouts:
    global _timeouts
    with _timeouts_lock:
        if _timeouts is None:
            _timeouts = _Timeouts()
        return _timeouts


#: Requests a client holds at once (sent or waiting for a connection). A kiosk or a
#: counter sends one command per tap and waits for it; a hundred outstanding means the
#: engine or the broker is away, and a caller is better told so at once than queued
#: behind commands nobody waits for any more. The bound also caps what a client sends
#: in one go when its connection returns.
MAX_PENDING = 100
#: Commands go at the QoS the topic registry gives them (civiq.protocol.topics.TOPICS).
COMMAND_QOS = topics.TOPICS["command"].qos
#: MQTT 5 DISCONNECT reason code 0x8E, "Session taken over": the broker closes a
#: connection because another one with the same client id arrived. Mosquitto sends it
#: from 2.0.15 on; 2.0.11 (Debian's, which civiq is tested with) closes without a word.
SESSION_TAKEN_OVER = 0x8E
#: Without that reason code a takeover still shows: the broker closes the connection,
#: each reconnect is accepted at once, and each new connection is closed again within
#: seconds (the two clients push each other off in turn, a reconnect delay apart). After
#: this many such closes in a row the client concludes that another took its place. A
#: dead broker refuses the reconnect, which starts the count again. The client that was
#: there first is pushed off first, so it reaches the count first and the newer one stays.
TAKEOVER_DROPS = 3
#: A connection closed sooner than this after it was accepted counts towards
#: :data:`TAKEOVER_DROPS` (well above the 1 s reconnect delay, below any keepalive).
TAKEOVER_WINDOW_S = 5.0


class MqttClient:
    """One MQTT 5 connection, driven only through paho's documented interface: its own
    network thread (:meth:`start`), or the owner's thread through paho's external-loop
    hooks (:meth:`start_driven` and :meth:`drive`: ``loop_read``/``loop_write``/
    ``loop_misc`` with the socket callbacks)."""

    def __init__(
        self,
        broker: Broker,
        site: str,
        role: str,
        client_id: str,
        *,
        will: Will | None = None,
        persistent: bool = False,
        session_expiry_s: int = 86_400,
        keepalive: int = 10,
        wall: Clock | None = None,
    ) -> None:
        if role not in topics.ROLES:
            raise ValueError(f"unknown role {role!r}")
        if broker.role and broker.role != role:
            raise ValueError(f"the credentials {broker.credentials or ''} are for role "
                             f"{broker.role!r}; this client acts as {role!r}")
        self.broker = broker
        self.site = topics.check_id(site, "site id")
        self.role = role
        self.client_id = topics.check_id(client_id, "client id")
        # With a broker user, the MQTT client id is the user: the site broker enforces
        # it (use_username_as_clientid), so one device cannot push another's connection
        # off. Without one (a private loopback broker), the role and id name it.
        self.mqtt_client_id = broker.username or f"civiq-{role}-{client_id}"
        #: The wall clock that stamps commands' ``ts`` (the engine checks ``ttl_s``
        #: against it): the system's, unless a test sets the device's own.
        self.wall = wall or SystemClock()
        self.connected = threading.Event()
        #: Set when another client with this MQTT client id took this one's place at the
        #: broker; the client then no longer reconnects (see :meth:`on_taken_over`).
        self.taken_over = threading.Event()
        self._persistent = persistent
        self._session_expiry = session_expiry_s
        self._keepalive = keepalive
        self._routes: list[tuple[str, int, Handler]] = []
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self._on_connect: list[Callable[[bool], None]] = []
        self._on_taken_over: list[Callable[[], None]] = []
        self._started = False
        self._stopping = False  # a deliberate disconnect: no news, and end it cleanly
        self._driven = False  # start_driven(): the owner's thread runs the network
        self._retry_at = 0.0
        self._retry_delay = 0.0
        self._failures = 0  # connection attempts failed in a row
        self._down_since = 0.0
        self._up_at = 0.0  # monotonic time of the last accepted connection
        self._quick_drops = 0  # closes in a row that look like a takeover

        c = paho.Client(
            CallbackAPIVersion.VERSION2,
            client_id=self.mqtt_client_id,
            protocol=paho.MQTTv5,
        )
        c.enable_logger(_paho_log)
        # A callback of ours that raises must not end paho's network thread (it then
        # never reconnects); ours catch their own errors, this is the net below them.
        c.suppress_exceptions = True
        if broker.username:
            c.username_pw_set(broker.username, broker.password.get_secret_value()
                              if broker.password else None)
        if broker.tls:
            try:
                c.tls_set(ca_certs=broker.ca_file)
            except (OSError, ssl.SSLError) as exc:
                # The site file checks that the file is there; this is one that cannot
                # be read or is no certificate.
                raise ConfigError(f"[broker] ca_file {broker.ca_file}: not a usable CA "
                                  f"certificate ({exc})") from exc
        if will is not None:
            c.will_set(will.topic, will.payload, qos=will.qos, retain=will.retain)
        c.reconnect_delay_set(min_delay=1, max_delay=5)
        c.max_inflight_messages_set(1000)
        c.on_connect = self._handle_connect
        c.on_connect_fail = self._handle_connect_fail
        c.on_disconnect = self._handle_disconnect
        c.on_message = self._handle_message
        c.on_socket_open = _no_delay
        c.on_socket_close = self._socket_closing
        self._paho = c
        self.reply_topic = topics.reply(site, client_id)
        self.route(self.reply_topic, self._handle_reply)

    # ----- life ---------------------------------------------------------------------------
    def on_connection_change(self, fn: Callable[[bool], None]) -> None:
        """``fn(True)`` after every (re)connect and subscribe; ``fn(False)`` on loss."""
        self._on_connect.append(fn)

    def on_taken_over(self, fn: Callable[[], None]) -> None:
        """``fn()`` once, when another client with this MQTT client id has taken this
        one's place at the broker; the client has stopped reconnecting then (it runs on
        the network thread, after the ``fn(False)`` of :meth:`on_connection_change`)."""
        self._on_taken_over.append(fn)

    def _connect_async(self) -> None:
        props = Properties(PacketTypes.CONNECT)
        props.SessionExpiryInterval = self._session_expiry if self._persistent else 0
        self._paho.connect_async(
            self.broker.host, self.broker.port, keepalive=self._keepalive,
            clean_start=not self._persistent, properties=props,
        )
        self._stopping = False
        self._started = True

    def start(self, wait: float | None = None) -> MqttClient:
        """Connect in the background on paho's own network thread; every handler runs
        there."""
        self._connect_async()
        self._paho.loop_start()
        if wait is not None and not self.connected.wait(wait):
            raise TimeoutError(
                f"no MQTT connection to {self.broker.host}:{self.broker.port} in {wait} s"
            )
        return self

    def start_driven(self) -> MqttClient:
        """Like :meth:`start`, but without a network thread: the caller's own thread must
        call :meth:`drive` often (well within the keepalive). Every handler then runs on
        that thread, so a busy single-threaded owner (the engine) pays no thread switch
        and no queue per message. A publish from any thread is only queued; the owner's
        next turn writes it."""
        self._paho.on_socket_register_write = _ignore  # publish() must not write itself
        self._connect_async()
        self._driven = True
        self._retry_at = 0.0
        self._retry_delay = 0.0
        return self

    def drive(self, timeout: float) -> bool:
        """One turn of the network (read, handlers, write, keepalive) waiting at most
        ``timeout`` s for traffic; reconnects with back-off (1, 2, 4, 5 s) as paho's own
        thread does. False while there is no connection."""
        c = self._paho
        sock = c.socket()
        if sock is None:
            if self.taken_over.is_set():  # another has this client id: no reconnect
                time.sleep(timeout)
                return False
            now = time.monotonic()
            if now < self._retry_at:
                time.sleep(min(timeout, self._retry_at - now))
                return False
            try:
                c.reconnect()
            except OSError as exc:
                self._handle_connect_fail(c, None, exc)
                self._backoff()
                return False
            sock = c.socket()
            if sock is None:
                self._backoff()
                return False
        pending = getattr(sock, "pending", None)  # TLS: bytes already decrypted
        if pending is not None and pending():
            readable, writable = True, c.want_write()
        else:
            try:
                r, w, _ = select.select([sock], [sock] if c.want_write() else [], [],
                                        timeout)
            except (OSError, ValueError):
                r, w = [], []
            readable, writable = bool(r), bool(w)
        rc = c.loop_read() if readable else paho.MQTT_ERR_SUCCESS
        # Handlers run inside loop_read and publish: what they queued goes out now.
        if rc == paho.MQTT_ERR_SUCCESS and (writable or c.want_write()):
            rc = c.loop_write()
        if rc == paho.MQTT_ERR_SUCCESS:
            rc = c.loop_misc()
        if rc != paho.MQTT_ERR_SUCCESS or c.socket() is None:
            self._backoff()
            return False
        return True

    def _backoff(self) -> None:
        self._retry_delay = min(max(self._retry_delay * 2, 1.0), 5.0)
        self._retry_at = time.monotonic() + self._retry_delay

    def stop(self, *, graceful: bool = True) -> None:
        """Disconnect; requests still waiting fail with ``engine_unavailable``."""
        if not self._started:
            return
        self._started = False
        self._stopping = True
        c = self._paho
        if self._driven:
            self._stop_driven(graceful)
        else:
            if graceful and c.socket() is not None:
                c.disconnect()
            c.loop_stop()
        self.connected.clear()
        self._fail_pending("client stopped")

    def _fail_pending(self, why: str) -> None:
        """Requests still waiting fail with ``engine_unavailable`` and ``why``."""
        with self._lock:
            pending, self._pending = self._pending, {}
        for p in pending.values():
            if not p.future.done():
                p.future.set_exception(RequestFailed(ErrorCode.ENGINE_UNAVAILABLE.value, why))

    def _stop_driven(self, graceful: bool, timeout: float = 2.0) -> None:
        # No thread of paho's runs: this one sends what is queued (paho writes packets
        # whole and in order, so the DISCONNECT cannot land inside a half-sent one),
        # then the DISCONNECT, and reads until paho has closed the socket.
        c = self._paho
        deadline = time.monotonic() + timeout
        if graceful and c.socket() is not None:
            c.disconnect()
        while (sock := c.socket()) is not None and (left := deadline - time.monotonic()) > 0:
            try:
                r, w, _ = select.select([sock], [sock] if c.want_write() else [], [],
                                        min(left, 0.05))
            except (OSError, ValueError):
                break
            if w and c.loop_write() != paho.MQTT_ERR_SUCCESS:
                break
            if r and c.loop_read() != paho.MQTT_ERR_SUCCESS:
                break
            if not graceful:
                break
        if (sock := c.socket()) is not None:
            # The broker took nothing in time: drop the connection (its will tells).
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            c.loop_read()  # paho sees the end and closes its socket

    def __enter__(self) -> MqttClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ----- routing ------------------------------------------------------------------------
    def route(self, topic_filter: str, handler: Handler, qos: int = 1) -> None:
        """Subscribe ``handler(topic, payload, properties)`` to a filter (now and after
        every reconnect)."""
        self._routes.append((topic_filter, qos, handler))
        if self.connected.is_set():
            self._paho.subscribe(topic_filter, qos=qos)

    def _handle_connect(self, client, userdata, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            log.warning("MQTT broker at %s:%s refused the connection: %s",
                        self.broker.host, self.broker.port, reason_code)
            self._quick_drops = 0
            return
        self._up_at = time.monotonic()
        if self._failures:
            log.info("MQTT broker at %s:%s reached again", self.broker.host,
                     self.broker.port)
        self._failures = 0
        self._retry_delay = 0.0
        subs = {f: q for f, q, _ in self._routes}
        if subs:
            client.subscribe([(f, q) for f, q in subs.items()])
        self.connected.set()
        self._send_waiting()
        self._tell(True)

    def _handle_connect_fail(self, client, userdata, exc: BaseException | None = None
                             ) -> None:
        # Said at once, then with back-off (after 2, 4, 8, ... failed attempts: about
        # every 5 minutes at the longest retry delay), so a missing broker is plain in
        # the log without filling it.
        self._failures += 1
        self._quick_drops = 0  # a broker that refuses is away, not taken by another
        n = self._failures
        if n == 1:
            self._down_since = time.monotonic()
        if n & (n - 1) == 0:
            why = f": {exc}" if exc else ""
            since = (f" (for {time.monotonic() - self._down_since:.0f} s; still trying)"
                     if n > 1 else " (trying again)")
            log.warning("MQTT broker at %s:%s cannot be reached%s%s", self.broker.host,
                        self.broker.port, why, since)

    def _handle_disconnect(self, client, userdata, flags, reason_code, properties) -> None:
        was = self.connected.is_set()
        self.connected.clear()
        if not was:
            return
        if self._stopping:
            log.debug("MQTT disconnected from %s:%s", self.broker.host, self.broker.port)
        elif (how := self._takeover(flags, reason_code)) is not None:
            self._taken_over(client, how)
            return
        else:
            log.warning("MQTT connection to %s:%s lost (%s); reconnecting",
                        self.broker.host, self.broker.port, reason_code)
        self._tell(False)

    def _takeover(self, flags: paho.DisconnectFlags, reason_code: Any) -> str | None:
        """Whether this loss means another client took this client id: how it shows,
        or None. paho passes the broker's reason code when the broker sent a DISCONNECT
        (``flags.is_disconnect_packet_from_server``); a connection closed without one
        comes as "Unspecified error"."""
        if flags.is_disconnect_packet_from_server and reason_code == SESSION_TAKEN_OVER:
            return "the broker said so: reason code 0x8E, session taken over"
        if flags.is_disconnect_packet_from_server or reason_code != "Unspecified error":
            self._quick_drops = 0  # a reason given, or our own keepalive ran out
            return None
        quick = time.monotonic() - self._up_at < TAKEOVER_WINDOW_S
        self._quick_drops = self._quick_drops + 1 if quick else 1
        if self._quick_drops < TAKEOVER_DROPS:
            return None
        return (f"the broker closed this connection {self._quick_drops} times in a row, "
                "each time within seconds of accepting it again, as it does when two "
                "clients share an id")

    def _taken_over(self, client: paho.Client, how: str) -> None:
        self.taken_over.set()
        # Inside paho's own network thread loop_stop() only asks that thread to end
        # after this callback: it does not reconnect. A driven client: drive() does not.
        if not self._driven:
            client.loop_stop()
        log.error("another client with the id %s connected to the broker at %s:%s and "
                  "took this one's place; not reconnecting (%s)", self.mqtt_client_id,
                  self.broker.host, self.broker.port, how)
        self._fail_pending(f"another client with the id {self.mqtt_client_id} took this "
                           "one's place at the broker")
        self._tell(False)
        for fn in list(self._on_taken_over):
            try:
                fn()
            except Exception:
                log.exception("takeover listener %r failed", fn)

    def _tell(self, up: bool) -> None:
        for fn in list(self._on_connect):
            try:
                fn(up)
            except Exception:
                log.exception("connection listener %r failed", fn)

    def _socket_closing(self, client, userdata, sock: Any) -> None:
        if self._stopping:
            _linger(sock)

    def _handle_message(self, client, userdata, msg: paho.MQTTMessage) -> None:
        for f, _, handler in self._routes:
            if _matches(f, msg.topic):
                try:
                    handler(msg.topic, msg.payload, msg.properties)
                except Exception:
                    log.exception("handler for %s failed", msg.topic)

    # ----- publishing ---------------------------------------------------------------------
    def publish(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False,
                correlation: bytes | None = None, response_topic: str | None = None,
                expiry_s: int | None = None) -> paho.MQTTMessageInfo:
        """Publish; ``expiry_s`` is the MQTT 5 message expiry interval (whole seconds)."""
        props = None
        if correlation is not None or response_topic is not None or expiry_s is not None:
            props = Properties(PacketTypes.PUBLISH)
            if correlation is not None:
                props.CorrelationData = correlation
            if response_topic is not None:
                props.ResponseTopic = response_topic
            if expiry_s is not None:
                props.MessageExpiryInterval = expiry_s
        return self._paho.publish(topic, payload, qos=qos, retain=retain, properties=props)

    # ----- requests -----------------------------------------------------------------------
    def request_async(self, command: str, data: dict[str, Any], *, timeout: float = 3.0,
                      retries: int = 2, request_id: str | None = None) -> Future[dict]:
        """Send a command; the future gives the result dict or raises :class:`RequestFailed`.

        Each attempt waits ``timeout`` s; after ``retries`` more with the same request id
        the client gives up, and then the command is never done: it is no longer sent,
        it expires at the broker (MQTT message expiry) and the engine refuses it by its
        ``ttl_s``. While there is no connection the command waits in the client (at
        most :data:`MAX_PENDING`), never in paho, and goes out on reconnect while its
        time lasts."""
        rid = request_id or uuid.uuid4().hex
        overall = timeout * (retries + 1)
        payload = env.encode(env.make(self.site, command, data, request_id=rid,
                                      ttl_s=overall, ts=self.wall.now()))
        now = time.monotonic()
        p = _Pending(rid, payload, Future(), now + overall)
        if self.taken_over.is_set():
            p.future.set_exception(RequestFailed(
                ErrorCode.ENGINE_UNAVAILABLE.value,
                f"another client with the id {self.mqtt_client_id} took this one's place "
                "at the broker"))
            return p.future
        with self._lock:
            if len(self._pending) >= MAX_PENDING and rid not in self._pending:
                p.future.set_exception(RequestFailed(
                    ErrorCode.ENGINE_UNAVAILABLE.value,
                    f"{len(self._pending)} requests already wait for the engine"))
                return p.future
            self._pending[rid] = p
        for k in range(1, retries + 2):
            _scheduler().at(now + k * timeout, functools.partial(self._attempt_over, p, k,
                                                                 retries + 1))
        self._send(p)
        return p.future

    def request(self, command: str, data: dict[str, Any], *, timeout: float = 3.0,
                retries: int = 2, request_id: str | None = None) -> dict:
        fut = self.request_async(command, data, timeout=timeout, retries=retries,
                                 request_id=request_id)
        return fut.result()

    def _send(self, p: _Pending) -> None:
        """Hand one attempt to paho, only while connected and while its time lasts."""
        left = p.deadline - time.monotonic()
        if p.future.done() or left <= 0 or not self.connected.is_set():
            return
        p.handed = self.publish(
            topics.command(self.site, self.role, self.client_id), p.payload, qos=COMMAND_QOS,
            correlation=p.rid.encode(), response_topic=self.reply_topic,
            # Whole seconds, rounded up: the broker may hold it up to a second past the
            # give-up, and the engine refuses it then by ts + ttl_s.
            expiry_s=math.ceil(left),
        )

    def _send_waiting(self) -> None:
        """On (re)connect: what waited for the connection goes out now. What paho holds
        unacknowledged from before it sends again itself (same expiry, same ttl_s)."""
        with self._lock:
            waiting = [p for p in self._pending.values() if p.handed is None]
        for p in waiting:
            self._send(p)

    def _attempt_over(self, p: _Pending, attempt: int, attempts: int) -> None:
        if p.future.done():
            return
        if attempt < attempts:
            log.info("no reply to %s; retrying with the same request id", p.rid)
            self._send(p)
            return
        with self._lock:
            if self._pending.get(p.rid) is p:
                del self._pending[p.rid]
        p.future.set_exception(RequestFailed(
            ErrorCode.ENGINE_UNAVAILABLE.value,
            f"no reply from the engine after {attempts} attempts"
            if p.handed is not None else
            f"no connection to the MQTT broker at {self.broker.host}:{self.broker.port}",
        ))

    def _handle_reply(self, topic: str, payload: bytes, properties: Any) -> None:
        try:
            e = env.decode(payload)
            reply = Reply.model_validate(e.data)
        except (ProtocolError, ValueError):
            log.warning("unreadable reply on %s", topic)
            return
        rid = e.request_id
        corr = getattr(properties, "CorrelationData", None)
        if not rid and corr:
            rid = corr.decode(errors="replace")
        with self._lock:
            p = self._pending.pop(rid, None) if rid else None
        if p is None or p.future.done():
            return
        if reply.ok:
            p.future.set_result(reply.result or {})
        else:
            err = reply.error
            p.future.set_exception(RequestFailed(
                err.code if err else "unknown", err.message if err else "",
                err.details if err else {},
            ))


@functools.lru_cache(maxsize=4096)
def _matches(topic_filter: str, topic: str) -> bool:
    # paho builds a matcher tree for every single comparison (~4 us); a site has few
    # filters and a bounded set of topics.
    return paho.topic_matches_sub(topic_filter, topic)


def _linger(sock: Any, timeout: float = 1.0) -> None:
    """End a deliberate disconnect as TCP means it: no more writing, then read until the
    broker closes. paho closes the socket right after writing its DISCONNECT (it calls
    ``on_socket_close`` just before), and a socket closed with unread bytes waiting is
    reset: the kernel then drops what it has not sent yet, the DISCONNECT too, and the
    broker publishes the will."""
    deadline = time.monotonic() + timeout
    try:
        sock.shutdown(socket.SHUT_WR)
        while (left := deadline - time.monotonic()) > 0:
            r, _, _ = select.select([sock], [], [], left)
            if r and not sock.recv(65536):
                return
    except (OSError, ValueError):
        pass  # already gone, or not a plain socket: close as paho does


def _no_delay(_client: paho.Client, _userdata: Any, sock: Any) -> None:
    # MQTT exchanges many small packets (publish, puback, reply); with Nagle's algorithm
    # and delayed ACKs each round trip can stall ~40 ms. Latency matters more here.
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except (OSError, AttributeError):
        pass  # not a TCP socket (e.g. a websocket wrapper)


def _ignore(*_args: Any) -> None:
    """A socket callback that only has to be set (see :meth:`MqttClient.start_driven`)."""


@dataclass(eq=False)
class _Pending:
    rid: str
    payload: bytes
    future: Future
    deadline: float  # monotonic: the client gives up then
    handed: paho.MQTTMessageInfo | None = None  # the last attempt given to paho
