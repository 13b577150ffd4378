"""The MQTT client every civiq part shares (paho-mqtt 2.x, MQTT 5).

* connects in the background and reconnects by itself with back-off;
* routes messages to handlers by topic filter (on paho's network thread: handlers must
  only hand data on — :mod:`civiq.qt_bridge` does so for Qt through a queued signal);
* :meth:`MqttClient.request` sends a command with response topic and correlation data,
  waits for the reply and retries with the *same* request id, so a retry after a lost
  reply returns the first answer and never a second ticket.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import logging
import select
import socket
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion, _ConnectionState
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from civiq import paho_speedups, topics
from civiq.config import Broker
from civiq.protocol import envelope as env
from civiq.protocol.errors import ErrorCode, ProtocolError
from civiq.protocol.models import Reply

log = logging.getLogger(__name__)

paho_speedups.install()

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


#: One read takes up to this much of what has arrived.
_READ_CHUNK = 256 * 1024


class _Paho(paho.Client):
    """paho's client; in the driven mode (:meth:`MqttClient.start_driven`) it reads the
    socket in large chunks and writes once per turn.

    paho reads a packet byte by byte (command, each length byte, then the rest: three or
    more system calls a packet) and sends every packet on its own as it is queued. For the
    engine, which reads a burst of commands and answers each with a reply, an event and
    acknowledgements, those calls cost more than its own work. Buffered, a turn of
    :meth:`MqttClient.drive` makes one ``recv`` for everything that has arrived and one
    ``send`` for everything to go out. The threaded mode keeps paho's own behaviour: its
    loop waits in select() on the socket and could not see bytes held here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.buffered = False
        self._rbuf = b""
        self._rpos = 0
        self._wbuf = bytearray()
        # Another thread may publish (it is sent on the owner's next turn): a bytearray
        # cannot grow while a send reads it.
        self._wlock = threading.Lock()

    def _sock_recv(self, bufsize: int) -> bytes:
        if not self.buffered:
            return super()._sock_recv(bufsize)
        if self._rpos >= len(self._rbuf):
            data = super()._sock_recv(_READ_CHUNK)  # BlockingIOError: nothing there
            if not data:
                return data  # closed by the broker
            self._rbuf, self._rpos = data, 0
        chunk = self._rbuf[self._rpos:self._rpos + bufsize]
        self._rpos += len(chunk)
        return chunk

    def _sock_send(self, buf: bytes | bytearray) -> int:
        if not self.buffered:
            return super()._sock_send(buf)
        if self._sock is None:
            raise ConnectionError("self._sock is None")
        with self._wlock:
            self._wbuf += buf
        return len(buf)

    def read_pending(self) -> bool:
        """Bytes received but not yet read by paho (select() cannot see them)."""
        return self._rpos < len(self._rbuf)

    def write_pending(self) -> bool:
        return bool(self._wbuf)

    def flush(self) -> bool:
        """Send what the turn queued; False when the socket is gone. Whatever the kernel
        does not take now stays queued for the next turn."""
        while self._wbuf:
            try:
                with self._wlock:
                    n = super()._sock_send(self._wbuf)
                    del self._wbuf[:n]
            except BlockingIOError:
                return True
            except OSError:  # ConnectionError too: paho's own way of losing a connection
                self._loop_rc_handle(paho.MQTT_ERR_CONN_LOST)
                return False
        return True

    def flush_all(self, deadline: float) -> None:
        """Send everything queued, waiting for the socket while it is full, until
        ``deadline`` (monotonic)."""
        while self._wbuf and self._sock is not None and time.monotonic() < deadline:
            if not self.flush():
                return
            if self._wbuf:
                try:
                    select.select([], [self._sock], [], min(0.05, max(0.0, deadline
                                                                      - time.monotonic())))
                except (OSError, ValueError, TypeError):
                    return

    def drop(self) -> None:
        """Close the connection without a DISCONNECT (what cannot be sent is lost)."""
        self._sock_close()

    def _update_inflight(self) -> paho.MQTTErrorCode:
        # paho walks every message still in flight after each acknowledgement, looking
        # for queued ones to send: quadratic in a burst of hundreds of events. Queued
        # messages exist only when more are outstanding than are in flight.
        if len(self._out_messages) <= self._inflight_messages:
            return paho.MQTT_ERR_SUCCESS
        return super()._update_inflight()

    def _sock_close(self) -> None:
        self._rbuf, self._rpos = b"", 0
        self._wbuf.clear()
        if self._sock is not None and self._state is _ConnectionState.MQTT_CS_DISCONNECTING:
            _linger(self._sock)
        super()._sock_close()


class MqttClient:
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
    ) -> None:
        if role not in topics.ROLES:
            raise ValueError(f"unknown role {role!r}")
        self.broker = broker
        self.site = topics.check_id(site, "site id")
        self.role = role
        self.client_id = topics.check_id(client_id, "client id")
        self.connected = threading.Event()
        self._persistent = persistent
        self._session_expiry = session_expiry_s
        self._keepalive = keepalive
        self._routes: list[tuple[str, int, Handler]] = []
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self._on_connect: list[Callable[[bool], None]] = []
        self._started = False
        self._driven = False  # start_driven(): the owner's thread runs the network
        self._retry_at = 0.0
        self._retry_delay = 0.0

        c = _Paho(
            CallbackAPIVersion.VERSION2,
            client_id=f"civiq-{role}-{client_id}",
            protocol=paho.MQTTv5,
        )
        c.enable_logger(_paho_log)
        if broker.username:
            c.username_pw_set(broker.username, broker.password)
        if broker.tls:
            c.tls_set(ca_certs=broker.ca_file)
        if will is not None:
            c.will_set(will.topic, will.payload, qos=will.qos, retain=will.retain)
        c.reconnect_delay_set(min_delay=1, max_delay=5)
        c.max_inflight_messages_set(1000)
        c.max_queued_messages_set(0)
        c.on_connect = self._handle_connect
        c.on_disconnect = self._handle_disconnect
        c.on_message = self._handle_message
        c.on_socket_open = _no_delay
        self._paho = c
        self.reply_topic = topics.reply(site, client_id)
        self.route(self.reply_topic, self._handle_reply)

    # ----- life ---------------------------------------------------------------------------
    def on_connection_change(self, fn: Callable[[bool], None]) -> None:
        """``fn(True)`` after every (re)connect and subscribe; ``fn(False)`` on loss."""
        self._on_connect.append(fn)

    def _connect_async(self) -> None:
        props = Properties(PacketTypes.CONNECT)
        props.SessionExpiryInterval = self._session_expiry if self._persistent else 0
        self._paho.connect_async(
            self.broker.host, self.broker.port, keepalive=self._keepalive,
            clean_start=not self._persistent, properties=props,
        )

    def start(self, wait: float | None = None) -> MqttClient:
        self._connect_async()
        self._paho.loop_start()
        self._started = True
        if wait is not None and not self.connected.wait(wait):
            raise TimeoutError(
                f"no MQTT connection to {self.broker.host}:{self.broker.port} in {wait} s"
            )
        return self

    def start_driven(self) -> MqttClient:
        """Like :meth:`start`, but without a network thread: the caller's own thread must
        call :meth:`drive` often (well within the keepalive). Every handler then runs on
        that thread, so a busy single-threaded owner (the engine) pays no thread switch
        and no queue per message."""
        props = Properties(PacketTypes.CONNECT)
        props.SessionExpiryInterval = self._session_expiry if self._persistent else 0
        self._paho.connect_async(
            self.broker.host, self.broker.port, keepalive=self._keepalive,
            clean_start=not self._persistent, properties=props,
        )
        self._driven = True
        self._paho.buffered = True
        self._retry_at = 0.0
        self._retry_delay = 0.0
        self._started = True
        return self

    def drive(self, timeout: float) -> bool:
        """One turn of the network (read, handlers, write, keepalive) waiting at most
        ``timeout`` s; reconnects with back-off (1, 2, 4, 5 s) as the threaded loop does.
        False while there is no connection."""
        c = self._paho
        if c.socket() is None:
            now = time.monotonic()
            if now < self._retry_at:
                time.sleep(min(timeout, self._retry_at - now))
                return False
            try:
                c.reconnect()
            except OSError as exc:
                log.debug("MQTT connect failed: %s", exc)
                self._backoff()
                return False
        # paho's loop() would add a wake-up socket pair, and then every publish() writes
        # a byte to it and the next select returns at once: two syscalls per message for
        # a wake-up no one needs when the owner's thread is the loop.
        if not c.flush():  # what was published since the last turn
            self._backoff()
            return False
        sock = c.socket()
        pending = getattr(sock, "pending", None)  # TLS: bytes already decrypted
        if c.read_pending() or (pending is not None and pending()):
            readable = True
        else:
            try:
                r, _, _ = select.select([sock], [sock] if c.write_pending() else [], [],
                                        timeout)
            except (OSError, ValueError, TypeError):
                r = []
                if c.socket() is None:
                    self._backoff()
                    return False
            readable = bool(r)
        rc = c.loop_read() if readable else paho.MQTT_ERR_SUCCESS
        if rc == paho.MQTT_ERR_SUCCESS and c.want_write():
            rc = c.loop_write()
        if rc == paho.MQTT_ERR_SUCCESS:
            rc = c.loop_misc()
        if rc != paho.MQTT_ERR_SUCCESS or c.socket() is None or not c.flush():
            self._backoff()
            return False
        return True

    def _backoff(self) -> None:
        self._retry_delay = min(max(self._retry_delay * 2, 1.0), 5.0)
        self._retry_at = time.monotonic() + self._retry_delay

    def stop(self, *, graceful: bool = True) -> None:
        if not self._started:
            return
        self._started = False
        if self._driven:
            # All that was published goes first, whole: the DISCONNECT must not land in
            # the middle of a half-sent packet.
            self._paho.flush_all(time.monotonic() + 1.0)
            if self._paho.write_pending():
                self._paho.drop()  # the broker takes nothing: its will message will tell
            self._paho.buffered = False  # paho's own loop() below sends and reads directly
        if graceful and self._paho.socket() is not None:
            self._paho.disconnect()
        if self._driven:
            # No thread reads the broker's close: let it through, then close ourselves.
            deadline = time.monotonic() + 1.0
            while self._paho.socket() is not None and time.monotonic() < deadline:
                self._paho.loop(0.05)
        else:
            self._paho.loop_stop()
        self.connected.clear()
        with self._lock:
            pending, self._pending = self._pending, {}
        for p in pending.values():
            if not p.future.done():
                p.future.set_exception(RequestFailed(ErrorCode.ENGINE_UNAVAILABLE.value,
                                                     "client stopped"))

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
            log.warning("MQTT connect refused: %s", reason_code)
            return
        self._retry_delay = 0.0
        subs = {f: q for f, q, _ in self._routes}
        if subs:
            client.subscribe([(f, q) for f, q in subs.items()])
        self.connected.set()
        for fn in list(self._on_connect):
            fn(True)

    def _handle_disconnect(self, client, userdata, flags, reason_code, properties) -> None:
        was = self.connected.is_set()
        self.connected.clear()
        if was:
            log.info("MQTT connection lost: %s", reason_code)
            for fn in list(self._on_connect):
                fn(False)

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
                ) -> paho.MQTTMessageInfo:
        props = None
        if correlation is not None or response_topic is not None:
            props = Properties(PacketTypes.PUBLISH)
            if correlation is not None:
                props.CorrelationData = correlation
            if response_topic is not None:
                props.ResponseTopic = response_topic
        return self._paho.publish(topic, payload, qos=qos, retain=retain, properties=props)

    # ----- requests -----------------------------------------------------------------------
    def request_async(self, command: str, data: dict[str, Any], *, timeout: float = 3.0,
                      retries: int = 2, request_id: str | None = None) -> Future[dict]:
        """Send a command; the future gives the result dict or raises :class:`RequestFailed`."""
        rid = request_id or uuid.uuid4().hex
        payload = env.encode(env.make(self.site, command, data, request_id=rid))
        p = _Pending(rid, payload, Future(), retries, timeout)
        with self._lock:
            self._pending[rid] = p
        self._send(p)
        return p.future

    def request(self, command: str, data: dict[str, Any], *, timeout: float = 3.0,
                retries: int = 2, request_id: str | None = None) -> dict:
        fut = self.request_async(command, data, timeout=timeout, retries=retries,
                                 request_id=request_id)
        return fut.result()

    def _send(self, p: _Pending) -> None:
        p.attempts += 1
        self.publish(topics.command(self.site, self.role, self.client_id), p.payload,
                     qos=1, correlation=p.rid.encode(), response_topic=self.reply_topic)
        attempt = p.attempts
        _scheduler().at(time.monotonic() + p.timeout, lambda: self._expire(p, attempt))

    def _expire(self, p: _Pending, attempt: int) -> None:
        if p.future.done() or p.attempts != attempt:
            return
        if p.attempts <= p.retries:
            log.info("no reply to %s; retrying with the same request id", p.rid)
            self._send(p)
            return
        with self._lock:
            self._pending.pop(p.rid, None)
        p.future.set_exception(RequestFailed(
            ErrorCode.ENGINE_UNAVAILABLE.value,
            f"no reply from the engine after {p.attempts} attempts",
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
    broker closes. paho closes the socket right after queueing its DISCONNECT, and a
    socket closed with unread bytes waiting is reset: the kernel then drops what it has
    not sent yet, the DISCONNECT too, and the broker publishes the will."""
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


@dataclass(eq=False)
class _Pending:
    rid: str
    payload: bytes
    future: Future
    retries: int
    timeout: float
    attempts: int = 0
