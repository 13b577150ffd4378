"""What the engine tests share: waiting with a deadline, watching retained state, raw
publishing, and reading the SQLite file the engine wrote."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import QueueState
from civiq.transport.mqtt import MqttClient
from civiq.transport.state import SiteStateModel


def wait_until(pred: Callable[[], Any], timeout: float = 5.0, what: str = "condition") -> Any:
    """Poll ``pred`` until it is truthy; fail the test with ``what`` when time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        value = pred()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.01)


class StateWatch:
    """A fresh client that sees the site the way a display does: retained state first,
    then events, through :class:`SiteStateModel`. Also keeps the raw retained envelopes."""

    def __init__(self, client: MqttClient, site: str) -> None:
        self.model = SiteStateModel(site)
        self.site = site
        self.raw: dict[str, list[env.Envelope]] = {}
        self.events: list[tuple[str, dict]] = []
        self._lock = threading.Lock()
        for f in self.model.topic_filters():
            client.route(f, self._on)

    def _on(self, topic: str, payload: bytes, _props: Any) -> None:
        with self._lock:
            if payload:
                e = env.decode(payload)
                self.raw.setdefault(topic, []).append(e)
                kind = topics.event_kind(topic)
                if kind:
                    self.events.append((kind, e.data))
            self.model.apply(topic, payload)

    @property
    def queue(self) -> QueueState | None:
        return self.model.snapshot.queue

    def last(self, topic: str) -> env.Envelope | None:
        with self._lock:
            items = self.raw.get(topic)
            return items[-1] if items else None

    def wait_queue(self, pred: Callable[[QueueState], bool], timeout: float = 5.0,
                   what: str = "queue state") -> QueueState:
        return wait_until(lambda: self.queue is not None and pred(self.queue) and self.queue,
                          timeout, what)

    def event_kinds(self) -> list[str]:
        with self._lock:
            return [k for k, _ in self.events]


class RawReplies:
    """Publish arbitrary bytes on a client's command topic and collect what comes back on
    its reply topic, keyed by correlation data."""

    def __init__(self, client: MqttClient, site: str, role: str | None = None) -> None:
        self.client = client
        self.site = site
        self.role = role or client.role
        self.got: dict[bytes, dict] = {}
        client.route(client.reply_topic, self._on)

    def _on(self, _topic: str, payload: bytes, props: Any) -> None:
        corr = getattr(props, "CorrelationData", None)
        if corr is not None:
            self.got[corr] = json.loads(payload)

    def send(self, payload: bytes, corr: str, timeout: float = 5.0) -> dict:
        key = corr.encode()
        self.client.publish(topics.command(self.site, self.role, self.client.client_id),
                            payload, qos=1, correlation=key,
                            response_topic=self.client.reply_topic)
        return wait_until(lambda: self.got.get(key), timeout, f"a reply to {corr}")


def command_payload(site: str, command: str, data: Any, request_id: str | None = "r1",
                    **extra: Any) -> bytes:
    """A command as a client writes it: stamped now (by the wall clock, which the engine's
    expiry check reads) and valid for the longest ``ttl_s`` allowed, an hour: test cases
    are made when the tests are collected, minutes before they run. ``extra`` replaces or
    adds envelope fields."""
    body: dict[str, Any] = {"v": 1, "site": site, "seq": 0,
                            "ts": datetime.now(UTC).isoformat(), "ttl_s": 3600,
                            "type": command, "data": data}
    if request_id is not None:
        body["request_id"] = request_id
    body.update(extra)
    return json.dumps(body).encode()


def db_path(config: SiteConfig) -> Path:
    return config.data_folder() / "queue.sqlite3"


def db_rows(config: SiteConfig | Path, sql: str, *args: Any) -> list[tuple]:
    """Read the engine's SQLite file directly, as an auditor would."""
    path = config if isinstance(config, Path) else db_path(config)
    with sqlite3.connect(path, timeout=10) as conn:
        return conn.execute(sql, args).fetchall()
