"""The desk asks the engine for the appointment list; when the engine refuses it, the desk
asks again later (after a pause, a reconnect or an engine restart), not at once in a loop."""

from __future__ import annotations

from typing import Any

from civiq.protocol.errors import ErrorCode, ProtocolError
from civiq.transport.mqtt import RequestFailed
from counter_client import app as app_module
from queue_engine.appointment_desk import AppointmentDesk
from tests.counter_client.conftest import log_in


def test_a_refused_appointment_list_is_not_asked_for_again_at_once(
        qtbot, monkeypatch, engine_factory, desk_factory) -> None:
    asked: list[int] = []
    refuse = [True]
    listing = AppointmentDesk._list

    def counted(self: AppointmentDesk, a: Any, ctx: Any) -> Any:
        asked.append(1)
        if refuse[0]:
            raise ProtocolError(ErrorCode.INTERNAL_ERROR, "the appointment store is away")
        return listing(self, a, ctx)

    monkeypatch.setattr(AppointmentDesk, "_list", counted)
    engine_factory()
    app = desk_factory("platz-1")
    replies: list[object] = []
    app.bridge.reply.connect(lambda tag, outcome: replies.append(outcome)
                             if tag == "appointments" else None)
    qtbot.waitUntil(lambda: any(isinstance(r, RequestFailed) for r in replies), timeout=5000)
    assert len(asked) == 1
    # A command sent after the refusal came back: the engine handles this desk's commands
    # in order, so a list request sent straight after the refusal reaches it first.
    log_in(qtbot, app)
    assert len(asked) == 1, "the refused list was asked for again at once"
    assert app.desk.appointments_stale

    # a minute later (the 1 s tick sees the time) the desk asks again, and is answered
    refuse[0] = False
    later = app_module._monotonic() + app_module.APPOINTMENTS_RETRY_S + 1
    monkeypatch.setattr(app_module, "_monotonic", lambda: later)
    qtbot.waitUntil(lambda: not app.desk.appointments_stale, timeout=5000)
    assert len(asked) == 2
