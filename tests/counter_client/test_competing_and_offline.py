"""Two desks competing for one queue, and the desk through broker and engine outages."""

from __future__ import annotations

from PySide6.QtCore import Qt

from broker_config.mosquitto import Mosquitto
from civiq.transport.mqtt import MqttClient
from counter_client import desk as d
from tests.counter_client.conftest import idle, log_in, press, shows
from tests.queue_engine.helpers import StateWatch

K = Qt.Key


def test_two_desks_competing_never_get_the_same_ticket(qtbot, engine, kiosk: MqttClient,
                                                      desk_factory, client_factory) -> None:
    watch = StateWatch(client_factory("display", "watch-1"), "hh-wandsbek")
    one, two = desk_factory("platz-1"), desk_factory("platz-2")
    log_in(qtbot, one, "clerk.one")
    log_in(qtbot, two, "clerk.two")
    for _ in range(12):
        kiosk.request("issue_ticket", {"service": "melde"})
    qtbot.waitUntil(lambda: len(one.view.waiting) == 12 and len(two.view.waiting) == 12,
                    timeout=3000)
    seen: dict[str, list[str]] = {"platz-1": [], "platz-2": []}
    one.painted.connect(lambda n: n and seen["platz-1"].append(n))
    two.painted.connect(lambda n: n and seen["platz-2"].append(n))
    for _ in range(6):
        # both keys pressed at the same moment: the engine decides, each desk shows its own
        press(qtbot, one, K.Key_F1)
        press(qtbot, two, K.Key_F1)
        qtbot.waitUntil(lambda: idle(one) and idle(two), timeout=5000)
        qtbot.waitUntil(lambda: one.view.current is not None and two.view.current is not None
                        and one.view.current.number != two.view.current.number,
                        timeout=3000)
    got = seen["platz-1"] + seen["platz-2"]
    assert len(got) == len(set(got)) == 12, seen
    q = watch.wait_queue(lambda q: {c.id: c.current.number for c in q.counters
                                    if c.current} == {"platz-1": one.view.current.number,
                                                      "platz-2": two.view.current.number},
                         what="the engine's view equals the desks'")
    assert q.waiting == []


def test_offline_says_so_keeps_the_ticket_and_recovers(qtbot, engine, kiosk: MqttClient,
                                                       broker: Mosquitto,
                                                       desk_factory) -> None:
    app = desk_factory("platz-1")
    log_in(qtbot, app)
    kiosk.request("issue_ticket", {"service": "ausweis"})
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: shows(app, "A001") and idle(app), timeout=3000)
    broker.stop()
    qtbot.waitUntil(lambda: app.view.link == "broker_down", timeout=5000)
    desk = app.window.desk
    assert desk.link.isVisible() and desk.link.text().startswith("OFFLINE")
    assert shows(app, "A001")  # the current ticket stays in view
    assert not any(b.isEnabled() for b in desk.buttons.values())
    press(qtbot, app, K.Key_F2)
    assert app.view.busy is None  # nothing sent
    broker.start()
    qtbot.waitUntil(lambda: app.view.online, timeout=15_000)
    assert not desk.link.isVisible() and desk.buttons[d.RECALL].isEnabled()

    engine.stop()
    qtbot.waitUntil(lambda: app.view.link == "engine_down", timeout=5000)
    assert "queue engine" in desk.link.text() and shows(app, "A001")
    assert not desk.buttons[d.CALL_NEXT].isEnabled()


def test_a_blip_during_an_action_is_confirmed_once(qtbot, engine, kiosk: MqttClient,
                                                   broker: Mosquitto, desk_factory,
                                                   client_factory) -> None:
    """The broker goes away right after Call next is pressed and comes back within the
    command's time: the retry with the same request id is answered once, one ticket
    called, and the desk says done."""
    app = desk_factory("platz-1")
    log_in(qtbot, app)
    for _ in range(3):
        kiosk.request("issue_ticket", {"service": "ausweis"})
    qtbot.waitUntil(lambda: len(app.view.waiting) == 3, timeout=3000)
    broker.stop()  # the desk has not noticed yet: the key still works
    press(qtbot, app, K.Key_F1)
    assert app.view.busy == d.CALL_NEXT
    broker.start()
    qtbot.waitUntil(lambda: idle(app), timeout=10_000)
    watch = StateWatch(client_factory("display", "watch-1"), "hh-wandsbek")
    if app.view.message[0] == "done":
        assert app.view.message[1] == "Done: Call next (A001)"
        qtbot.waitUntil(lambda: shows(app, "A001"), timeout=5000)
        # the retained state after the call (a restarted broker may first hand an older
        # one): one ticket called, not two
        q = watch.wait_queue(lambda q: q.counters[0].current is not None, what="the call")
        assert q.counters[0].current.number == "A001"
        assert [w.number for w in q.waiting] == ["A002", "A003"]
    else:
        # reported not done: and then it was not done
        assert app.view.message[0] == "not_done"
        q = watch.wait_queue(lambda q: len(q.waiting) == 3, what="state")
        assert q.counters[0].current is None


def test_an_action_the_engine_never_answers_is_reported_not_done(
        qtbot, engine, kiosk: MqttClient, desk_factory, client_factory) -> None:
    app = desk_factory("platz-1")
    log_in(qtbot, app)
    kiosk.request("issue_ticket", {"service": "ausweis"})
    qtbot.waitUntil(lambda: len(app.view.waiting) == 1, timeout=3000)
    engine.stop()  # its will message comes after the key: the desk sends, nobody answers
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: idle(app), timeout=10_000)
    assert app.view.message[0] == "not_done"
    assert app.window.desk.message.text().startswith("NOT DONE: Call next")
    assert shows(app, "–")


def test_a_refusal_is_said_in_the_desks_language_with_the_engines_words_after(
        qtbot, engine, kiosk: MqttClient, desk_factory, client_factory) -> None:
    app = desk_factory("platz-1", lang="de")
    log_in(qtbot, app, "clerk.one")
    other = client_factory("counter", "platz-2")
    other.request("open_counter", {"counter": "platz-2"})
    kiosk.request("issue_ticket", {"service": "melde"})
    qtbot.waitUntil(lambda: len(app.view.waiting) == 1, timeout=3000)
    app.window.desk.waiting.setFocus()
    press(qtbot, app, K.Key_Down)
    number = app.desk.state.selected
    assert number is not None
    # The other counter calls it first; this desk has not heard yet when F8 goes out.
    other.request("call_next", {"counter": "platz-2"})
    press(qtbot, app, K.Key_F8)
    qtbot.waitUntil(lambda: idle(app) and app.window.desk.message.text() != "", timeout=5000)
    text = app.window.desk.message.text()
    assert text.startswith("Abgelehnt: ")
    assert "für diese Nummer jetzt nicht möglich" in text
    assert f"[ticket {number} is called, not waiting]" in text



def test_a_highlight_never_outlives_the_selection(qtbot, engine, kiosk: MqttClient,
                                                  desk_factory) -> None:
    """The highlighted row is what F8/F9 act on, through a logout and the next login."""
    app = desk_factory("platz-1")
    log_in(qtbot, app, "clerk.one")
    for _ in range(2):
        kiosk.request("issue_ticket", {"service": "melde"})
    desk = app.window.desk
    qtbot.waitUntil(lambda: desk.waiting.count() == 2, timeout=3000)
    first = desk.waiting.item(0)
    assert first.text().startswith("B001")
    qtbot.mouseClick(desk.waiting.viewport(), Qt.MouseButton.LeftButton,
                     pos=desk.waiting.visualItemRect(first).center())
    qtbot.waitUntil(lambda: desk.buttons[d.CALL_SELECTED].isEnabled(), timeout=3000)
    assert [i.text()[:4] for i in desk.waiting.selectedItems()] == ["B001"]
    press(qtbot, app, K.Key_F12)
    qtbot.waitUntil(lambda: app.window.login.isVisible(), timeout=5000)
    assert app.window.login.clerk.text() == ""  # the next clerk starts afresh
    log_in(qtbot, app, "clerk.two")
    qtbot.waitUntil(lambda: idle(app) and desk.waiting.count() == 2, timeout=5000)
    assert app.desk.state.clerk == "clerk.two"
    selected = app.desk.state.selected
    assert [i.text()[:4] for i in desk.waiting.selectedItems()] == \
        ([selected] if selected else [])
    assert desk.buttons[d.CALL_SELECTED].isEnabled() == (selected is not None)
    # with the keyboard alone: the list's focus row is the selection, highlighted
    desk.waiting.setFocus()
    press(qtbot, app, K.Key_Down)
    qtbot.waitUntil(lambda: app.desk.state.selected is not None, timeout=3000)
    assert [i.text()[:4] for i in desk.waiting.selectedItems()] == [app.desk.state.selected]
    assert desk.buttons[d.CALL_SELECTED].isEnabled()


def test_closing_a_question_selects_no_ticket(qtbot, engine, kiosk: MqttClient,
                                             desk_factory) -> None:
    """After a question closes the focus is the desk's, not a list's: Qt's making a list's
    first row current when the list gets the focus is no clerk's choice, and F9 must not
    cancel a ticket nobody chose."""
    app = desk_factory("platz-1")
    log_in(qtbot, app, "clerk.one")
    for _ in range(3):
        kiosk.request("issue_ticket", {"service": "melde"})
    desk = app.window.desk
    qtbot.waitUntil(lambda: desk.waiting.count() == 3, timeout=3000)

    def nothing_selected() -> None:
        assert app.desk.state.selected is None and app.view.selected is None
        assert desk.waiting.selectedItems() == [] and desk.parked.selectedItems() == []
        assert not desk.buttons[d.CANCEL_SELECTED].isEnabled()
        assert not desk.buttons[d.CALL_SELECTED].isEnabled()
        assert app.window.focusWidget() is desk

    # pause (F10, Enter)
    press(qtbot, app, K.Key_F10)
    assert desk.prompt.isVisible()
    press(qtbot, app, K.Key_Return)
    qtbot.waitUntil(lambda: idle(app) and app.view.status.value == "paused", timeout=3000)
    assert not desk.prompt.isVisible()
    nothing_selected()
    press(qtbot, app, K.Key_F9)  # nothing to cancel: no question
    assert not desk.prompt.isVisible()
    # resume, call, Esc out of the transfer question
    press(qtbot, app, K.Key_F10)
    qtbot.waitUntil(lambda: idle(app) and app.view.status.value == "open", timeout=3000)
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: shows(app, "B001") and idle(app), timeout=3000)
    press(qtbot, app, K.Key_F6)
    assert desk.prompt.isVisible()
    press(qtbot, app, K.Key_Escape)
    assert not desk.prompt.isVisible()
    qtbot.waitUntil(lambda: desk.waiting.count() == 2, timeout=3000)
    nothing_selected()
    press(qtbot, app, K.Key_F9)
    assert not desk.prompt.isVisible()
    # a ticket the clerk does choose is selected, and highlighted: the first arrow key
    # selects the first row
    desk.waiting.setFocus()
    assert app.desk.state.selected is None and desk.waiting.currentItem() is None
    press(qtbot, app, K.Key_Down)
    qtbot.waitUntil(lambda: app.desk.state.selected == "B002", timeout=3000)
    assert [i.text()[:4] for i in desk.waiting.selectedItems()] == ["B002"]
    assert desk.buttons[d.CANCEL_SELECTED].isEnabled()


def test_a_counter_with_a_ticket_does_not_pause(qtbot, engine, kiosk: MqttClient,
                                               desk_factory) -> None:
    """Paused while a ticket was called, the desk offered Start and Finish at a paused
    counter: now pause, like close and logout, waits until the ticket is done."""
    app = desk_factory("platz-1")
    log_in(qtbot, app, "clerk.one")
    desk = app.window.desk
    kiosk.request("issue_ticket", {"service": "melde"})
    qtbot.waitUntil(lambda: desk.waiting.count() == 1, timeout=3000)
    assert desk.buttons[d.PAUSE].isEnabled()
    press(qtbot, app, K.Key_F1)
    qtbot.waitUntil(lambda: shows(app, "B001") and idle(app), timeout=3000)
    assert not desk.buttons[d.PAUSE].isEnabled()
    press(qtbot, app, K.Key_F10)  # the key is off with its button: no question
    assert not desk.prompt.isVisible() and app.view.busy is None
    press(qtbot, app, K.Key_F3)
    qtbot.waitUntil(lambda: idle(app) and desk.ticket_state.text() == "Serving",
                    timeout=3000)
    assert not desk.buttons[d.PAUSE].isEnabled()
    press(qtbot, app, K.Key_F4)
    qtbot.waitUntil(lambda: shows(app, "–") and idle(app), timeout=3000)
    assert desk.buttons[d.PAUSE].isEnabled()
    press(qtbot, app, K.Key_F10)
    press(qtbot, app, K.Key_Return)
    qtbot.waitUntil(lambda: idle(app) and app.view.status.value == "paused", timeout=3000)
    assert app.view.enabled.isdisjoint({d.CALL_NEXT, d.START, d.FINISH, d.RECALL})


def test_a_second_desk_for_the_same_counter_takes_over_and_the_first_says_it_is_off(
        qtbot, engine, kiosk: MqttClient, desk_factory) -> None:
    # Both started as platz-1 (the same MQTT client id): they pushed each other off the
    # broker about once a second for ever. The first now stays off and says why.
    first = desk_factory("platz-1")
    log_in(qtbot, first)
    kiosk.request("issue_ticket", {"service": "ausweis"})
    second = desk_factory("platz-1")
    qtbot.waitUntil(lambda: first.view.link == "taken_over", timeout=20000)
    band = first.window.desk.link
    assert band.isVisible()
    assert band.text() == ("OFF: another desk for this counter is connected; this one is "
                           "off. Work at that one, or close it and start this one again.")
    assert not any(b.isEnabled() for b in first.window.desk.buttons.values())
    press(qtbot, first, K.Key_F1)  # nothing happens: the key is off with its button
    assert first.view.busy is None and first.view.current is None
    # The second has the counter's connection, and keeps it: the first does not push back.
    qtbot.waitUntil(lambda: second.view.link == "up", timeout=5000)
    qtbot.wait(3000)
    assert second.view.link == "up" and first.view.link == "taken_over"
    assert len(second.view.waiting) == 1
