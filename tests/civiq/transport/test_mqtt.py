"""The shared MQTT client against a real broker and the real engine."""

from __future__ import annotations

import threading
import time

import pytest

from broker_config.mosquitto import Mosquitto
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import QueueState
from civiq.transport.mqtt import MqttClient, RequestFailed, Will
from tests.queue_engine.helpers import wait_until


def wait_for(cond, timeout: float = 5.0) -> None:
    wait_until(cond, timeout)


def drive_until(client: MqttClient, cond, timeout: float = 5.0) -> None:
    """Turn a driven client's network until ``cond()`` holds (it has no thread)."""
    end = time.monotonic() + timeout
    while not cond() and time.monotonic() < end:
        client.drive(0.05)
    assert cond(), "condition not met in time"


def test_no_engine_means_a_clear_engine_unavailable(kiosk: MqttClient) -> None:
    with pytest.raises(RequestFailed) as err:
        kiosk.request("issue_ticket", {"service": "ausweis"}, timeout=0.2, retries=1)
    assert err.value.code == "engine_unavailable"
    assert "2 attempts" in err.value.message


def test_refusal_carries_the_engines_reason(engine, kiosk: MqttClient) -> None:
    with pytest.raises(RequestFailed) as err:
        kiosk.request("issue_ticket", {"service": "fuehrerschein"})
    assert err.value.code == "walk_in_not_allowed"
    assert "appointment" in err.value.message


def test_retry_reaches_an_engine_that_starts_late_and_gives_one_ticket(
    engine_factory, kiosk: MqttClient, client_factory
) -> None:
    # The first attempt goes out before any engine listens; the client retries with the
    # same request id until the engine answers, and the engine makes one ticket of it.
    starter = threading.Timer(0.5, engine_factory)
    starter.start()
    result = kiosk.request("issue_ticket", {"service": "melde"}, timeout=0.4, retries=10)
    starter.join()
    assert result["ticket"]["number"] == "B001"
    again = kiosk.request("issue_ticket", {"service": "melde"}, request_id="other")
    assert again["ticket"]["number"] == "B002"


def test_same_request_id_returns_the_first_answer(engine, kiosk: MqttClient) -> None:
    first = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="req-42")
    second = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="req-42")
    assert second == first
    third = kiosk.request("issue_ticket", {"service": "ausweis"})
    assert third["ticket"]["number"] == "A002"


def test_client_reconnects_and_resubscribes_after_broker_restart(
    site_config, broker: Mosquitto, engine
) -> None:
    seen: list[QueueState] = []
    client = MqttClient(site_config.broker, site_config.site.id, "display", "d-1")
    client.route(topics.state_queue(site_config.site.id),
                 lambda t, p, _: seen.append(QueueState.model_validate(env.decode(p).data)))
    client.start(wait=5)
    try:
        wait_for(lambda: seen)
        broker.stop()
        wait_for(lambda: not client.connected.is_set())
        broker.start()
        wait_for(lambda: client.connected.is_set(), timeout=15)
        wait_for(lambda: engine.client.connected.is_set(), timeout=15)
        n = len(seen)
        with MqttClient(site_config.broker, site_config.site.id, "counter", "platz-2") as c:
            c.start(wait=5)
            c.request("open_counter", {"counter": "platz-2"}, timeout=2, retries=3)
            # New state reaches the old client: it subscribed again by itself.
            wait_for(lambda: len(seen) > n and any(
                x.status.value == "open" for x in seen[-1].counters), timeout=5)
    finally:
        client.stop()


def test_driven_client_reads_a_burst_to_the_end_and_sends_in_one_go(
    site_config, client_factory
) -> None:
    # The driven mode reads the socket in large chunks: messages already read from the
    # socket but not yet handed over must not wait for the next byte from the broker.
    site = site_config.site.id
    got: list[bytes] = []
    driven = MqttClient(site_config.broker, site, "engine", "driven-1")
    driven.route(f"civiq/v1/{site}/event/#", lambda _t, p, _: got.append(p))
    driven.start_driven()
    sender = client_factory("display", "burst-1")
    try:
        drive_until(driven, driven.connected.is_set)
        driven.drive(0.2)  # the subscription is acknowledged
        burst = [f'{{"n":{i},"pad":"{"x" * (i % 700)}"}}'.encode() for i in range(300)]
        infos = [sender.publish(topics.event(site, "burst"), p) for p in burst]
        for info in infos:
            info.wait_for_publish(5)
        # Nothing more will arrive: every message must come out of what was read.
        drive_until(driven, lambda: len(got) >= len(burst))
        assert got == burst
        # Publishing queues; the next turns send all of it, also what waits beyond the
        # client's limit of messages in flight, and the broker acknowledges.
        sent = [driven.publish(topics.event(site, "answer"), b"%d" % i, qos=1)
                for i in range(1500)]
        drive_until(driven, lambda: all(i.is_published() for i in sent))
    finally:
        driven.stop()


def test_driven_client_stopping_against_a_stalled_broker_sends_everything_then_leaves(
    site_config, broker: Mosquitto, client_factory
) -> None:
    # The broker stops reading while the engine still has megabytes to send; stop()
    # must send all of it whole before its DISCONNECT (a DISCONNECT inside a half-sent
    # packet garbled the stream: the broker dropped the rest and fired the will).
    import os
    import signal
    import socket

    site = site_config.site.id
    got: list[bytes] = []
    watcher = client_factory("display", "watch-stall")
    watcher.route(f"civiq/v1/{site}/event/bulk", lambda _t, p, _: got.append(p))
    watcher.route(topics.state_engine(site), lambda _t, p, _: got.append(b"WILL " + p))
    # the subscriptions are in place once a marker sent through them comes back
    watcher.publish(topics.state_engine(site), b"ready")
    wait_for(lambda: b"WILL ready" in got)
    got.clear()
    will = Will(topics.state_engine(site), b'{"online": false}', retain=False)
    driven = MqttClient(site_config.broker, site, "engine", "stall-1", will=will)
    driven._paho.on_socket_open = lambda _c, _u, sock: sock.setsockopt(
        socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
    driven.start_driven()
    drive_until(driven, driven.connected.is_set)
    payloads = [b"%05d" % i + b"x" * 20_000 for i in range(150)]
    os.kill(broker.proc.pid, signal.SIGSTOP)
    try:
        for p in payloads:
            driven.publish(topics.event(site, "bulk"), p, qos=0)
        driven.drive(0)
        assert driven._paho.want_write()  # the kernel took only part of it
        resume = threading.Timer(0.3, os.kill, (broker.proc.pid, signal.SIGCONT))
        resume.start()
        driven.stop()
        resume.join()
    finally:
        os.kill(broker.proc.pid, signal.SIGCONT)
    wait_for(lambda: len(got) >= len(payloads), timeout=10)
    # A will would come as the broker closes the driven client's connection, after its
    # last payload: a marker sent now arrives after any such will.
    watcher.publish(topics.state_engine(site), b"end")
    wait_for(lambda: got[-1:] == [b"WILL end"])
    assert got[:-1] == payloads


def test_a_listener_that_raises_does_not_stop_the_client_reconnecting(
    site_config, broker: Mosquitto
) -> None:
    # A connection listener raising on paho's network thread ended that thread: after a
    # broker restart the client never came back.
    client = MqttClient(site_config.broker, site_config.site.id, "display", "d-raise")
    calls: list[bool] = []

    def bad_listener(up: bool) -> None:
        calls.append(up)
        raise RuntimeError("listener bug")

    client.on_connection_change(bad_listener)
    got: list[bytes] = []
    client.route(topics.event(site_config.site.id, "x"), lambda _t, p, _: got.append(p))
    client.route(topics.event(site_config.site.id, "x"), lambda *_: 1 / 0)
    client.start(wait=5)
    try:
        broker.stop()
        wait_for(lambda: not client.connected.is_set())
        broker.start()
        wait_for(client.connected.is_set, timeout=15)
        assert calls == [True, False, True]
        with MqttClient(site_config.broker, site_config.site.id, "display", "d-pub") as c:
            c.start(wait=5)
            c.publish(topics.event(site_config.site.id, "x"), b"after").wait_for_publish(5)
            wait_for(lambda: got == [b"after"])  # handlers still run after one raised
    finally:
        client.stop()


def test_a_deliberate_disconnect_is_no_news_and_a_missing_broker_is_said_at_once(
    site_config, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from broker_config.mosquitto import free_port

    caplog.set_level(logging.DEBUG)
    with MqttClient(site_config.broker, site_config.site.id, "display", "d-quiet") as c:
        c.start(wait=5)
    noisy = [r for r in caplog.records if r.levelno >= logging.INFO
             and r.name.startswith(("civiq", "paho"))]
    assert noisy == []
    caplog.clear()
    gone = site_config.broker.model_copy(update={"port": free_port()})
    lost = MqttClient(gone, site_config.site.id, "display", "d-nobroker").start()
    try:
        wait_for(lambda: any(r.levelno == logging.WARNING for r in caplog.records))
    finally:
        lost.stop()
    warning = next(r for r in caplog.records if r.levelno == logging.WARNING)
    assert f"MQTT broker at 127.0.0.1:{gone.port} cannot be reached" in warning.getMessage()


def test_a_second_client_with_the_same_id_takes_the_place_and_the_first_stays_off(
    site_config, caplog: pytest.LogCaptureFixture
) -> None:
    # Two clients with one client id pushed each other off the broker about once a
    # second for ever. The one that was there first now stops, says why, and stays off.
    import logging

    caplog.set_level(logging.INFO)
    site = site_config.site.id
    first = MqttClient(site_config.broker, site, "counter", "platz-1").start(wait=5)
    second = MqttClient(site_config.broker, site, "counter", "platz-1")
    told: list[object] = []
    first.on_connection_change(told.append)
    first.on_taken_over(lambda: told.append("taken over"))
    first_back, second_lost = threading.Event(), threading.Event()
    try:
        second.start(wait=5)
        wait_for(first.taken_over.is_set, timeout=20)
        wait_for(second.connected.is_set)
        assert told[-2:] == [False, "taken over"]
        first.on_connection_change(lambda up: up and first_back.set())
        second.on_connection_change(lambda up: up or second_lost.set())
        # An absence: well past the 1 s reconnect delay the first has not come back
        # (had it, the broker would have pushed the second off).
        assert not first_back.wait(4) and not second_lost.is_set()
        assert second.connected.is_set() and not second.taken_over.is_set()
        with pytest.raises(RequestFailed) as err:
            first.request("list_appointments", {}, timeout=5)
        assert "took this one's place" in err.value.message
    finally:
        first.stop()
        second.stop()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith(
        f"another client with the id civiq-counter-platz-1 connected to the broker at "
        f"127.0.0.1:{site_config.broker.port} and took this one's place; not reconnecting")


@pytest.mark.parametrize("driven", [False, True], ids=["own-thread", "driven"])
def test_a_broker_saying_session_taken_over_is_believed_at_once(
    site_config, caplog: pytest.LogCaptureFixture, driven: bool
) -> None:
    # MQTT 5 brokers say it with reason code 0x8E (Mosquitto from 2.0.15; the fixture's
    # 2.0.11 does not): a listener that answers as such a broker does to a client whose
    # id another took, and counts how often the client comes back.
    import logging
    import socket

    caplog.set_level(logging.INFO)
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    connects: list[bytes] = []
    done, acked, back = threading.Event(), threading.Event(), threading.Event()

    def serve() -> None:
        while not done.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                connects.append(conn.recv(1024))  # the CONNECT
                conn.sendall(b"\x20\x03\x00\x00\x00")  # CONNACK: accepted
                acked.wait(5)  # the client has read it: a DISCONNECT now ends a session
                conn.sendall(b"\xe0\x02\x8e\x00")  # DISCONNECT: session taken over

    listener = threading.Thread(target=serve, daemon=True)
    listener.start()
    broker = site_config.broker.model_copy(update={"port": server.getsockname()[1]})
    client = MqttClient(broker, site_config.site.id, "display", "d-taken")
    client.on_connection_change(lambda up: up and (back.set() if acked.is_set()
                                                   else acked.set()))
    try:
        if driven:
            client.start_driven()
            drive_until(client, client.taken_over.is_set)
            # three times the reconnect delay, the network turned all the while
            end = time.monotonic() + 3
            while time.monotonic() < end and not back.is_set():
                client.drive(0.05)
        else:
            client.start()
            wait_for(client.taken_over.is_set)
            back.wait(3)  # three times the reconnect delay: it must not come back
        assert not back.is_set()
        assert len(connects) == 1 and not client.connected.is_set()
    finally:
        client.stop()
        done.set()
        listener.join()
        server.close()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [
        f"another client with the id civiq-display-d-taken connected to the broker at "
        f"127.0.0.1:{broker.port} and took this one's place; not reconnecting (the broker "
        "said so: reason code 0x8E, session taken over)"]
