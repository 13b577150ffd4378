"""A clerk's whole day at the desk, by the keyboard alone, against the real engine."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt

from civiq.protocol.models import CounterStatus
from civiq.transport.mqtt import MqttClient
from counter_client import desk as d
from tests.conftest import BERLIN
from tests.counter_client.conftest import idle, log_in, press, shows, type_text
from tests.queue_engine.helpers import StateWatch

K = Qt.Key


def enabled(app, action: str) -> bool:
    return app.window.desk.buttons[action].isEnabled()


def test_whole_clerk_day_by_keyboard(qtbot, engine, kiosk: MqttClient, client_factory,
                                     clock, desk_factory) -> None:
    watch = StateWatch(client_factory("display", "watch-1"), "hh-wandsbek")
    app = desk_factory("platz-1")
    desk = app.window.desk
    # every button says its key
    assert desk.buttons[d.CALL_NEXT].text() == "Call next\n[F1]"
    assert all("[F" in b.text() for b in desk.buttons.values())
    log_in(qtbot, app, "k.meier")
    assert not enabled(app, d.RECALL) and not enabled(app, d.FINISH)
    for service in ("ausweis", "melde", "ausweis", "abholung", "melde"):
        kiosk.request("issue_ticket", {"service": service})
        clock.advance(60)
    qtbot.waitUntil(lambda: len(app.view.waiting) == 5, timeout=3000)

    # call (F1), recall (F2): the ticket large, recalled marked
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: shows(app, "A001") and idle(app), timeout=3000)
    assert "Called" in desk.ticket_state.text()
    assert "Walk-in" in desk.details.text() and "waited 5 min" in desk.details.text()
    assert not enabled(app, d.NO_SHOW)  # the grace time has not passed
    press(qtbot, app, K.Key_F2)
    qtbot.waitUntil(lambda: "recalled 1×" in desk.ticket_state.text() and idle(app),
                    timeout=3000)
    # no-show only after the grace time since the first call (2 min in the site file)
    press(qtbot, app, K.Key_F5)
    assert app.view.busy is None and shows(app, "A001")  # the key did nothing
    clock.advance(121)
    app.refresh()
    assert enabled(app, d.NO_SHOW)
    press(qtbot, app, K.Key_F5)
    qtbot.waitUntil(lambda: shows(app, "–") and idle(app), timeout=3000)
    assert app.view.message == ("done", "Done: No-show (A001)")

    # call B001, start (F3), transfer to a service with a note (F6, choice, Tab, note, Enter)
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: shows(app, "B001") and idle(app), timeout=3000)
    press(qtbot, app, K.Key_F3)
    qtbot.waitUntil(lambda: desk.ticket_state.text() == "Serving" and idle(app), timeout=3000)
    press(qtbot, app, K.Key_F6)
    assert desk.prompt.isVisible()
    assert "no personal data" in desk.prompt.hint.text().lower()
    # first choice is the first service (ausweis): down to "abholung" (4th service)
    for _ in range(3):
        press(qtbot, app, K.Key_Down)
    assert desk.prompt.choice.currentData() == ("service", "abholung")
    press(qtbot, app, K.Key_Tab)
    type_text(qtbot, app, "Ausweis liegt bereit")
    press(qtbot, app, K.Key_Return)
    qtbot.waitUntil(lambda: shows(app, "–") and idle(app), timeout=3000)
    watch.wait_queue(lambda q: any(w.number == "B001" and w.service == "abholung"
                                       for w in q.waiting), what="B001 sent to abholung")

    # the transferred ticket comes back here (platz-1 serves abholung) with its note
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: shows(app, "B001") and idle(app), timeout=3000)
    assert desk.note.isVisible() and "Ausweis liegt bereit" in desk.note.text()
    # transfer to a named counter: platz-4, no note
    press(qtbot, app, K.Key_F6)
    for _ in range(4 + 2):  # past the 4 services, past platz-2, platz-3 to platz-4
        press(qtbot, app, K.Key_Down)
    assert desk.prompt.choice.currentData() == ("counter", "platz-4")
    press(qtbot, app, K.Key_Return)
    qtbot.waitUntil(lambda: shows(app, "–") and idle(app), timeout=3000)
    watch.wait_queue(lambda q: any(w.number == "B001" and w.counter == "platz-4"
                                   for w in q.waiting), what="B001 reserved for platz-4")

    # park (F7) and resume from the parked list (select, F8)
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: not shows(app, "–") and idle(app), timeout=3000)
    parked = desk.number.text()
    press(qtbot, app, K.Key_F3)
    qtbot.waitUntil(lambda: idle(app) and desk.ticket_state.text() == "Serving", timeout=3000)
    press(qtbot, app, K.Key_F7)
    qtbot.waitUntil(lambda: shows(app, "–") and [r.number for r in app.view.parked]
                    == [parked], timeout=3000)
    desk.parked.setFocus()
    press(qtbot, app, K.Key_Down)  # the first (only) parked ticket
    assert app.desk.state.selected == parked
    press(qtbot, app, K.Key_F8)
    qtbot.waitUntil(lambda: shows(app, parked) and idle(app), timeout=3000)
    press(qtbot, app, K.Key_F3)
    qtbot.waitUntil(lambda: idle(app) and desk.ticket_state.text() == "Serving", timeout=3000)
    clock.advance(300)
    press(qtbot, app, K.Key_F4)  # finish
    qtbot.waitUntil(lambda: shows(app, "–") and idle(app), timeout=3000)

    # call a particular ticket from the list (the last one, not the policy's next), finish
    desk.waiting.setFocus()
    qtbot.waitUntil(lambda: len(app.view.waiting) == 2, timeout=3000)
    first, last = (r.number for r in app.view.waiting)
    press(qtbot, app, K.Key_Down)
    press(qtbot, app, K.Key_Down)
    assert app.desk.state.selected == last
    press(qtbot, app, K.Key_F8)
    qtbot.waitUntil(lambda: shows(app, last) and idle(app), timeout=3000)
    press(qtbot, app, K.Key_F3)
    qtbot.waitUntil(lambda: idle(app) and desk.ticket_state.text() == "Serving", timeout=3000)
    clock.advance(240)
    press(qtbot, app, K.Key_F4)
    qtbot.waitUntil(lambda: shows(app, "–") and idle(app), timeout=3000)
    qtbot.waitUntil(lambda: app.view.served_today == 2, timeout=3000)
    assert "Served today: 2" in desk.figures.text()
    assert "4.5 min" in desk.figures.text()  # (5 + 4) / 2

    # cancel the selected waiting ticket (F9, confirm with Enter)
    desk.waiting.setFocus()
    press(qtbot, app, K.Key_Down)
    assert app.desk.state.selected == first
    press(qtbot, app, K.Key_F9)
    press(qtbot, app, K.Key_Return)
    qtbot.waitUntil(lambda: idle(app) and app.view.waiting == (), timeout=3000)

    # pause with a reason (F10, Down to "back office", Enter), resume (F10)
    desk.setFocus()
    press(qtbot, app, K.Key_F10)
    press(qtbot, app, K.Key_Down)
    press(qtbot, app, K.Key_Return)
    qtbot.waitUntil(lambda: idle(app) and app.view.status.value == "paused", timeout=3000)
    assert app.view.pause_reason == "back_office"
    assert desk.counter_status.text() == "paused — Back office"
    assert not enabled(app, d.CALL_NEXT) and enabled(app, d.RESUME)
    press(qtbot, app, K.Key_F10)
    qtbot.waitUntil(lambda: idle(app) and app.view.status.value == "open", timeout=3000)
    # close (F11), open again (F11), close and log out (F12)
    press(qtbot, app, K.Key_F11)
    qtbot.waitUntil(lambda: idle(app) and app.view.status.value == "closed", timeout=3000)
    press(qtbot, app, K.Key_F11)
    qtbot.waitUntil(lambda: idle(app) and app.view.status.value == "open", timeout=3000)
    press(qtbot, app, K.Key_F12)
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.window.login
                    and app.view.status.value == "closed", timeout=3000)
    events = watch.event_kinds()
    for kind in ("called", "recalled", "no_show", "started", "transferred", "parked",
                 "finished", "cancelled", "counter"):
        assert kind in events, kind


def test_the_day_change_says_so_and_forgets_yesterdays_outcome(
        qtbot, engine, kiosk: MqttClient, clock, desk_factory) -> None:
    """A desk left open over midnight: at 00:01 the counter is closed (the day change
    closes every counter), yesterday's "Done: Call next (A001)" is gone, and the desk says
    why the counter is closed and how to go on."""
    app = desk_factory("platz-1")
    desk = app.window.desk
    log_in(qtbot, app)
    kiosk.request("issue_ticket", {"service": "ausweis"})
    qtbot.waitUntil(lambda: len(app.view.waiting) == 1, timeout=3000)
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: shows(app, "A001") and idle(app), timeout=3000)
    assert desk.message.text() == "Done: Call next (A001)"

    midnight = datetime.combine(clock.now().astimezone(BERLIN).date() + timedelta(days=1),
                                time(0, 1), tzinfo=BERLIN)
    clock.set(midnight)
    qtbot.waitUntil(lambda: app.view.status is CounterStatus.CLOSED and app.view.new_day,
                    timeout=5000)
    assert shows(app, "–") and desk.ticket_state.text() == "Counter closed"
    assert desk.message.text() == ("New day: the counter was closed at midnight. Open it "
                                   "again [F11]")
    assert enabled(app, d.OPEN)
    press(qtbot, app, K.Key_F11)
    qtbot.waitUntil(lambda: idle(app) and app.view.status is CounterStatus.OPEN,
                    timeout=3000)
    assert not app.view.new_day and desk.message.text() == "Done: Open counter"
