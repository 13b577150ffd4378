"""What a client knows of its site, rebuilt from retained state and events.

Plain Python (no Qt): apps wrap it in a view model. Messages apply in ``seq`` order;
anything not newer than what is held is dropped, so the bridge's re-sent retained
messages and duplicated QoS 1 deliveries change nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.errors import ProtocolError
from civiq.protocol.models import Call, CallsState, EngineState, QueueState, TicketEvent

log = logging.getLogger(__name__)

MAX_CALLS = 20


@dataclass
class SiteSnapshot:
    queue: QueueState | None = None
    calls: list[Call] = field(default_factory=list)
    engine_online: bool | None = None  # None: not heard yet
    last_seq: int = 0
    last_update: datetime | None = None


Listener = Callable[[str, object], None]


class SiteStateModel:
    """Feed it ``(topic, payload)``; it calls listeners with ``(what, body)`` where what is
    ``queue``, ``calls``, ``engine`` or an event kind (``called``, ``recalled``, ...)."""

    def __init__(self, site: str) -> None:
        self.site = site
        self.snapshot = SiteSnapshot()
        self._listeners: list[Listener] = []
        self.dropped = 0

    def subscribe(self, fn: Listener) -> None:
        self._listeners.append(fn)

    def topic_filters(self) -> list[str]:
        return [f"{topics.PREFIX}/{self.site}/state/+", topics.events(self.site)]

    def _emit(self, what: str, body: object) -> None:
        for fn in list(self._listeners):
            fn(what, body)

    def apply(self, topic: str, payload: bytes) -> bool:
        """True when the message changed what the model holds."""
        if not payload:
            return False  # a cleared retained message
        try:
            # The engine's own state and events, published up to 20 times a second and
            # tens of KB: no second read for repeated keys (commands get one).
            e = env.decode(payload, unique_keys=False)
        except ProtocolError as exc:
            log.warning("ignored unreadable message on %s: %s", topic, exc.message)
            return False
        if e.site != self.site:
            return False
        s = self.snapshot
        try:
            if topic == topics.state_engine(self.site):
                # The will message is fixed at connect time: the latest engine state wins.
                state = EngineState.model_validate(e.data)
                if state.online == s.engine_online:
                    return False
                s.engine_online = state.online
                self._emit("engine", state)
                return True
            if e.seq <= s.last_seq:
                self.dropped += 1
                return False
            if topic == topics.state_queue(self.site):
                s.queue = QueueState.model_validate(e.data)
                what, body = "queue", s.queue
            elif topic == topics.state_calls(self.site):
                s.calls = CallsState.model_validate(e.data).calls[:MAX_CALLS]
                what, body = "calls", s.calls
            elif (kind := topics.event_kind(topic)) in ("called", "recalled"):
                ev = TicketEvent.model_validate(e.data)
                t = ev.ticket
                if not (ev.counter and t.called_at):
                    return False
                call = Call(number=t.number, service=t.service, counter=ev.counter,
                            counter_name=ev.counter_name or ev.counter,
                            at=e.ts if kind == "recalled" else t.called_at, recall=t.recalls,
                            assistance=t.assistance)
                s.calls = [call, *s.calls][:MAX_CALLS]
                what, body = kind, call
            elif kind is not None:
                what, body = kind, e.data
            else:
                return False
        except ValueError as exc:
            log.warning("ignored invalid %s: %s", topic, exc)
            return False
        s.last_seq = e.seq
        s.last_update = e.ts
        self._emit(what, body)
        return True
