"""Engine or broker away, printer faults, device status and alerts."""

from __future__ import annotations

import json
import time

from broker_config.mosquitto import Mosquitto
from civiq.protocol import envelope as env
from civiq.protocol import topics
from kiosk.printing import FaultTracker
from kiosk.viewmodel import Screen
from printers import PrinterState
from tests.kiosk.helpers import screen, tap


def test_engine_away_shows_out_of_service_within_2s_and_recovers(
        qtbot, engine_factory, kiosk_factory) -> None:
    engine = engine_factory()
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    tap(qtbot, k, "lang:en")
    engine.stop()
    t0 = time.monotonic()
    qtbot.waitUntil(lambda: screen(k) is Screen.OUT_OF_SERVICE, timeout=2000)
    assert time.monotonic() - t0 < 2.0
    assert k.window.title.text() == "Out of service"  # in the chosen language
    assert not any(b.startswith("svc:") for b in k.window.buttons)  # no ticket to take
    engine_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)


def test_broker_lost_shows_out_of_service_and_recovers(qtbot, engine, broker: Mosquitto,
                                                       kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    broker.stop()
    qtbot.waitUntil(lambda: screen(k) is Screen.OUT_OF_SERVICE, timeout=2000)
    assert k.window.title.text() == "Außer Betrieb"
    broker.start()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=15_000)


def test_a_tap_the_engine_never_answers_is_reported_not_done(
        qtbot, engine_factory, kiosk_factory, client_factory) -> None:
    engine = engine_factory()
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    # the engine dies without its will being seen yet: the kiosk still offers tickets
    engine.stop()
    qtbot.waitUntil(lambda: k.vm.engine_online is False, timeout=5000)
    k.vm.engine_online = True  # as if the engine's offline state had not arrived yet
    k.refresh()
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) in (Screen.REFUSED, Screen.OUT_OF_SERVICE),
                    timeout=8000)
    assert k.vm.ticket is None  # never a ticket the engine did not confirm
    watcher = client_factory("operator", "watch")
    engine_factory()  # the engine returns: the expired command was never done
    listed = watcher.request("issue_ticket", {"service": "ausweis"})
    assert listed["ticket"]["number"] == "A001"


def test_device_status_is_retained_with_a_will(qtbot, engine, kiosk_factory,
                                               client_factory) -> None:
    seen: dict[str, dict] = {}
    watcher = client_factory("operator", "watch")
    watcher.route(topics.device_status("hh-wandsbek", "kiosk-1"),
                  lambda _t, p, _pr: seen.update(status=env.decode(p).data) if p else None)
    k = kiosk_factory()
    qtbot.waitUntil(lambda: seen.get("status", {}).get("online") is True, timeout=5000)
    assert seen["status"]["role"] == "kiosk" and seen["status"]["version"]
    assert seen["status"]["detail"]["printer"] == "none"
    k.stop()
    qtbot.waitUntil(lambda: seen["status"]["online"] is False, timeout=5000)


def test_one_alert_per_fault_and_one_resolved() -> None:
    f = FaultTracker()
    assert f.update(PrinterState.OK) == []
    first = f.update(PrinterState.PAPER_OUT)
    assert [(a.kind, a.active) for a in first] == [("printer_paper_out", True)]
    assert f.update(PrinterState.PAPER_OUT) == []  # no storm
    assert f.update(PrinterState.UNKNOWN) == []
    back = f.update(PrinterState.OK)
    assert [(a.kind, a.active) for a in back] == [("printer_paper_out", False)]
    assert json.dumps(back[0].data("kiosk-1"))  # publishable as it is


def test_a_second_kiosk_with_the_same_id_takes_over_and_the_first_says_it_is_off(
        qtbot, engine, kiosk_factory) -> None:
    # Two kiosks both started as kiosk-1 pushed each other off the broker for ever. The
    # first now stays out of service, says why for whoever asks, and does not come back.
    first = kiosk_factory()
    qtbot.waitUntil(lambda: screen(first) is Screen.START, timeout=5000)
    second = kiosk_factory()
    qtbot.waitUntil(lambda: first.vm.taken_over, timeout=20000)
    qtbot.waitUntil(lambda: screen(first) is Screen.OUT_OF_SERVICE, timeout=2000)
    assert first.window.title.text() == "Außer Betrieb"
    assert first.window.lines.text() == (
        "Dieser Automat ist abgeschaltet: ein anderer Automat mit seiner Kennung "
        "(\u2066kiosk-1\u2069) ist verbunden. Bitte fragen Sie am Empfang.")
    assert not any(b.startswith("svc:") for b in first.window.buttons)
    # The second has the connection and keeps it; the first stays off.
    qtbot.waitUntil(lambda: screen(second) is Screen.START, timeout=5000)
    qtbot.wait(3000)
    assert screen(second) is Screen.START and screen(first) is Screen.OUT_OF_SERVICE
