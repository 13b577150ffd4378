"""What the security tests share: a started secured site broker with a user per role,
and raw MQTT 5 clients that report the broker's answers (reason codes) as they are."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion

from broker_config.generate import SiteBroker, write_site
from broker_config.mosquitto import Mosquitto, free_port
from broker_config.users import UserStore
from civiq.config import SiteConfig, load_site
from civiq.credentials import load_credentials
from tests.conftest import EXAMPLE_SITE

SITE = "hh-wandsbek"
P = f"civiq/v1/{SITE}"
#: One user per role (the central link's role is "central").
USERS = {"engine": "engine", "kiosk-1": "kiosk", "kiosk-2": "kiosk", "platz-1": "counter",
         "platz-2": "counter", "display-1": "display", "booking-1": "booking",
         "operator-1": "operator", "central-1": "central"}


@dataclass
class SecuredSite:
    folder: Path
    port: int
    lan_port: int
    cafile: Path
    users: UserStore
    broker: Mosquitto
    data: Path
    creds: dict[str, Path] = field(default_factory=dict)

    def cleanup(self) -> None:
        self.broker.cleanup()
        shutil.rmtree(self.folder, ignore_errors=True)

    def config(self, user: str, *, tls: bool = False) -> SiteConfig:
        """The example site as ``user`` sees it: its credentials, loopback or TLS."""
        broker = {"host": "127.0.0.1", "port": self.lan_port if tls else self.port,
                  "credentials": str(self.creds[user]), "tls": tls,
                  "ca_file": str(self.cafile) if tls else None}
        return load_site(EXAMPLE_SITE, broker=broker, data={"folder": str(self.data)})

    def password(self, user: str) -> str:
        return load_credentials(self.creds[user]).password.get_secret_value()

    def raw(self, user: str | None, *, password: str | None = None, client_id: str = "",
            tls: bool = False, connect: bool = True) -> RawClient:
        c = RawClient(client_id or f"raw-{user}")
        if user is not None:
            c.paho.username_pw_set(user, password if password is not None
                                   else self.password(user))
        if tls:
            c.paho.tls_set(ca_certs=str(self.cafile))
        if connect:
            c.connect(self.lan_port if tls else self.port)
        return c


def make_site(tmp_path: Path, pki: Path) -> SecuredSite:
    # Not under pytest's tmp_path (root's, mode 0700): Mosquitto started as root drops to
    # the user mosquitto, which must reach its folder.
    folder = Path(tempfile.mkdtemp(prefix="civiq-secured-"))
    os.chmod(folder, 0o755)
    port, lan = free_port(), free_port()
    conf = write_site(SiteBroker(SITE, folder, port=port, lan_port=lan,
                                 lan_address="127.0.0.1", certs=pki))
    users = UserStore(folder, "site", SITE)
    creds = {u: users.ensure(u, r) for u, r in USERS.items()}
    broker = Mosquitto(port, config_file=conf).start()
    return SecuredSite(folder, port, lan, pki / "ca.crt", users, broker, tmp_path / "data",
                       creds)


class RawClient:
    """A bare paho MQTT 5 client (an outsider's tool): every answer of the broker kept."""

    def __init__(self, client_id: str) -> None:
        self.paho = paho.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                                protocol=paho.MQTTv5)
        self.connack = threading.Event()
        self.connack_rc: paho.ReasonCode | None = None
        self.disconnected = threading.Event()
        self.received: list[tuple[str, bytes, bool]] = []
        self._acks: dict[int, paho.ReasonCode] = {}
        self._subacks: dict[int, list] = {}
        self._cv = threading.Condition()
        c = self.paho
        c.on_connect = self._on_connect
        c.on_disconnect = lambda *a: self.disconnected.set()
        c.on_publish = self._on_publish
        c.on_subscribe = self._on_subscribe
        c.on_message = self._on_message

    def connect(self, port: int, wait: float = 5.0) -> RawClient:
        self.paho.connect("127.0.0.1", port, keepalive=10)
        self.paho.loop_start()
        self.connack.wait(wait)
        return self

    @property
    def accepted(self) -> bool:
        return self.connack_rc is not None and not self.connack_rc.is_failure

    def _on_connect(self, client, userdata, flags, rc, props) -> None:
        self.connack_rc = rc
        self.connack.set()

    def _on_publish(self, client, userdata, mid, rc, props) -> None:
        with self._cv:
            self._acks[mid] = rc
            self._cv.notify_all()

    def _on_subscribe(self, client, userdata, mid, rcs, props) -> None:
        with self._cv:
            self._subacks[mid] = rcs
            self._cv.notify_all()

    def _on_message(self, client, userdata, msg) -> None:
        with self._cv:
            self.received.append((msg.topic, msg.payload, msg.retain))
            self._cv.notify_all()

    def publish(self, topic: str, payload: bytes = b"{}", *, retain: bool = False,
                timeout: float = 5.0) -> int:
        """A QoS 1 publish; the PUBACK's reason code (0 or 16: accepted; 135: refused)."""
        info = self.paho.publish(topic, payload, qos=1, retain=retain)
        with self._cv:
            if not self._cv.wait_for(lambda: info.mid in self._acks, timeout):
                raise AssertionError(f"no PUBACK for {topic} in {timeout} s")
            return self._acks[info.mid].value

    def subscribe(self, topic: str, timeout: float = 5.0) -> int:
        _, mid = self.paho.subscribe(topic, qos=1)
        with self._cv:
            if not self._cv.wait_for(lambda: mid in self._subacks, timeout):
                raise AssertionError(f"no SUBACK for {topic} in {timeout} s")
            return self._subacks[mid][0].value

    def wait_message(self, pred, timeout: float = 5.0) -> bool:
        with self._cv:
            return self._cv.wait_for(lambda: any(pred(*m) for m in self.received), timeout)

    def close(self) -> None:
        self.paho.disconnect()
        self.paho.loop_stop()
