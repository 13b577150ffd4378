"""The generated site broker's access list, against a real Mosquitto: every role tries
what it must not do and is refused (MQTT 5 reason code 135 on a QoS 1 publish; a read it
may not do delivers nothing), and every allowed action works."""

from __future__ import annotations

import pytest

from tests.broker_config.secured import P, SecuredSite

NOT_AUTHORIZED = 135
ACCEPTED = (0, 16)  # success, or success with no subscriber yet

CENTRAL = "civiq/v1/central/notices"
#: What each user may publish (QoS 1). Everything in WRITE_PROBES not listed is refused.
ALLOWED_WRITES = {
    "engine": {f"{P}/state/queue", f"{P}/state/calls", f"{P}/state/engine",
               f"{P}/event/called", f"{P}/reply/kiosk-1", f"{P}/reply/platz-1", f"{P}/alert"},
    "kiosk-1": {f"{P}/cmd/kiosk/kiosk-1", f"{P}/device/kiosk-1/status", f"{P}/alert"},
    "platz-1": {f"{P}/cmd/counter/platz-1", f"{P}/device/platz-1/status", f"{P}/alert"},
    "display-1": {f"{P}/device/display-1/status"},
    "booking-1": {f"{P}/cmd/booking/booking-1"},
    "operator-1": {f"{P}/cmd/operator/operator-1", f"{P}/device/operator-1/status",
                   f"{P}/alert"},
    "central-1": {CENTRAL},
}
WRITE_PROBES = sorted({
    f"{P}/state/queue", f"{P}/state/calls", f"{P}/state/engine", f"{P}/event/called",
    f"{P}/reply/kiosk-1", f"{P}/reply/platz-1", f"{P}/alert", CENTRAL,
    f"{P}/cmd/kiosk/kiosk-1", f"{P}/cmd/kiosk/kiosk-2", f"{P}/cmd/counter/platz-1",
    f"{P}/cmd/counter/anything", f"{P}/cmd/booking/booking-1", f"{P}/cmd/engine/engine",
    f"{P}/cmd/operator/operator-1", f"{P}/device/kiosk-1/status",
    f"{P}/device/platz-1/status", f"{P}/device/display-1/status",
    f"{P}/device/operator-1/status", "civiq/v1/other-site/event/called", "$SYS/x",
})


@pytest.mark.parametrize("user", sorted(ALLOWED_WRITES))
def test_each_role_publishes_only_where_its_role_may(secured: SecuredSite, user: str) -> None:
    c = secured.raw(user)
    try:
        assert c.accepted, c.connack_rc
        got = {t: c.publish(t) for t in WRITE_PROBES}
    finally:
        c.close()
    allowed = ALLOWED_WRITES[user]
    refused_wrongly = {t: rc for t, rc in got.items() if t in allowed and rc not in ACCEPTED}
    let_through = {t: rc for t, rc in got.items() if t not in allowed and rc != NOT_AUTHORIZED}
    print(f"{user}: {len(allowed)} allowed publishes accepted, "
          f"{len(got) - len(allowed)} others refused with 135")
    assert not refused_wrongly, f"{user} could not publish where it may: {refused_wrongly}"
    assert not let_through, f"{user} published where it must not: {let_through}"


#: What each user may read; the engine publishes on every probe topic, each user listens
#: on '#' and must get exactly the allowed ones.
ALLOWED_READS = {
    "kiosk-1": {f"{P}/state/queue", f"{P}/event/called", f"{P}/reply/kiosk-1", CENTRAL},
    "platz-1": {f"{P}/state/queue", f"{P}/event/called", f"{P}/reply/platz-1",
                f"{P}/device/kiosk-2/status", CENTRAL},  # the desk shows device problems
    "display-1": {f"{P}/state/queue", f"{P}/event/called", CENTRAL},
    "booking-1": {f"{P}/reply/booking-1"},
    "operator-1": {f"{P}/state/queue", f"{P}/event/called", f"{P}/reply/operator-1",
                   f"{P}/alert", f"{P}/device/kiosk-2/status", CENTRAL},
    "central-1": {f"{P}/state/queue", f"{P}/event/called", f"{P}/alert",
                  f"{P}/device/kiosk-2/status", CENTRAL},
}


def test_each_role_reads_only_what_its_role_may(secured: SecuredSite) -> None:
    listeners = {u: secured.raw(u) for u in ALLOWED_READS}
    engine = secured.raw("engine")
    # One connection per user (the client id is the user): other senders are kiosk-2
    # and the central link's own listener.
    kiosk, central = secured.raw("kiosk-2"), listeners["central-1"]
    try:
        for c in listeners.values():
            assert c.subscribe("#") in (0, 1, NOT_AUTHORIZED)
            c.subscribe(f"{P}/#")
        sent = {f"{P}/state/queue": engine, f"{P}/event/called": engine,
                f"{P}/alert": engine, f"{P}/device/kiosk-2/status": kiosk, CENTRAL: central,
                f"{P}/cmd/kiosk/kiosk-2": kiosk}
        sent |= {f"{P}/reply/{u}": engine for u in ("kiosk-1", "platz-1", "booking-1",
                                                    "operator-1")}
        for topic, by in sent.items():
            assert by.publish(topic, b"probe") in ACCEPTED, topic
        marker = f"{P}/state/calls"  # read by all but booking: sent last, so all is in
        assert engine.publish(marker, b"last") in ACCEPTED
        for user, c in listeners.items():
            if user != "booking-1":
                assert c.wait_message(lambda t, *_: t == marker), user
        booking = listeners["booking-1"]
        assert booking.wait_message(lambda t, *_: t == f"{P}/reply/booking-1")
        for user, c in listeners.items():
            got = {t for t, _, _ in c.received} - {marker}
            assert got == ALLOWED_READS[user], f"{user} read {sorted(got)}"
    finally:
        for c in [*listeners.values(), engine, kiosk]:
            c.close()


def test_nobody_gets_in_without_a_valid_user(secured: SecuredSite) -> None:
    anonymous = secured.raw(None)
    wrong = secured.raw("kiosk-1", password="guessed")
    unknown = secured.raw("intruder", password="x")
    try:
        for c in (anonymous, wrong, unknown):
            # 134 bad user name or password, or 135 not authorized (Mosquitto 2.0's answer)
            assert c.connack_rc is not None and c.connack_rc.value in (134, 135), c.connack_rc
            assert not c.accepted
    finally:
        for c in (anonymous, wrong, unknown):
            c.close()


def test_the_site_network_listener_speaks_only_tls(secured: SecuredSite) -> None:
    plain = secured.raw("kiosk-1", connect=False)
    with pytest.raises(OSError):
        # The TLS listener reads the CONNECT as a broken handshake and closes.
        plain.paho.connect("127.0.0.1", secured.lan_port, keepalive=10)
        plain.paho.loop_start()
        if not plain.connack.wait(3):
            raise ConnectionResetError("no CONNACK over plain TCP")
    plain.paho.loop_stop()
    assert not plain.accepted
    over_tls = secured.raw("kiosk-1", tls=True)
    try:
        assert over_tls.accepted
        assert over_tls.publish(f"{P}/cmd/kiosk/kiosk-1") in ACCEPTED
        assert over_tls.publish(f"{P}/event/called") == NOT_AUTHORIZED
    finally:
        over_tls.close()


def test_a_revoked_device_is_out_at_once_without_a_broker_restart(
        secured: SecuredSite) -> None:
    from broker_config.users import reload_broker

    kiosk = secured.raw("kiosk-2")
    password = secured.password("kiosk-2")
    pid = secured.broker.proc.pid
    try:
        assert kiosk.accepted
        secured.users.revoke("kiosk-2")
        assert reload_broker(secured.folder) == pid  # SIGHUP through the pid file
        assert kiosk.disconnected.wait(5), "the revoked device stayed connected"
        again = secured.raw("kiosk-2", password=password)
        assert again.connack_rc is not None and again.connack_rc.value in (134, 135)
        again.close()
        assert secured.broker.proc.poll() is None and secured.broker.proc.pid == pid
        assert not secured.creds["kiosk-2"].exists()
        other = secured.raw("kiosk-1")  # the others are untouched
        assert other.accepted
        other.close()
    finally:
        kiosk.close()
