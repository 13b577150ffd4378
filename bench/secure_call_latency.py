"""Call latency through the secured site broker: ``call_next`` -> ``called`` at 20
subscribers, p99, with TLS, passwords and the access list, against the same through a
plain loopback broker (anonymous, no TLS, no ACL) in the same run.

Both sites run at once, each with its own real ``civiq engine`` process; calls alternate
between them, so both see the same machine load. At the secured site the counter and the
20 displays connect over the TLS listener with their own users (the engine on loopback,
as at a site); at the plain one everything is anonymous on loopback. Both brokers save
on every change (the site broker's persistence), so the ratio is what security costs.
Target: ratio_p99 <= 1.5. Last line: {"p99_ms", "plain_p99_ms", "ratio_p99", ...}.

    .venv/bin/python bench/secure_call_latency.py [--calls 200] [--subscribers 20]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from _support import (
    SITE_ID,
    Mosquitto,
    emit,
    engine_process,
    percentile,
    site_config,
    write_bench_site,
)
from call_latency import IssuedSeen, Subscribers

from broker_config.certs import make_test_certificates
from broker_config.generate import SiteBroker, write_site
from broker_config.mosquitto import free_port
from broker_config.users import UserStore
from civiq.config import Broker
from civiq.credentials import load_credentials
from civiq.transport.mqtt import MqttClient


def tls_broker(port: int, cafile: Path, creds: Path) -> Broker:
    c = load_credentials(creds)
    return Broker(host="127.0.0.1", port=port, tls=True, ca_file=str(cafile),
                  username=c.username, password=c.password, role=c.role)


class Site:
    """One site: a counter and N subscribers on its broker, timing call_next -> called."""

    def __init__(self, counter: MqttClient, subs: Subscribers) -> None:
        self.counter, self.subs, self.called_ms = counter, subs, []
        self.issued, self.count = IssuedSeen(counter), 0

    def call(self, i: int, n: int) -> None:
        self.counter.request("issue_ticket", {"service": "svc-0"}, timeout=10)
        self.count += 1
        self.issued.wait(self.count)
        self.subs.reset()
        t0 = time.perf_counter()
        reply = self.counter.request_async("call_next", {"counter": "platz-1"})
        got = self.subs.wait_all()
        number = reply.result(timeout=10)["ticket"]["number"]
        arrived = [t for t, topic, p in got if topic.endswith("/event/called")
                   and json.loads(p)["data"]["ticket"]["number"] == number]
        if len(arrived) != n:
            raise SystemExit(f"call {i}: {len(arrived)} subscribers saw {number}")
        if i >= 0:
            self.called_ms += [(t - t0) * 1000 for t in arrived]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--subscribers", type=int, default=20)
    args = ap.parse_args()
    n = args.subscribers

    with tempfile.TemporaryDirectory(prefix="civiq-bench-") as tmp, ExitStack() as stack:
        folder = Path(tmp)
        site = write_bench_site(folder, 1)
        # The plain site: anonymous on loopback, no TLS, no ACL; persistence as the site
        # broker's (autosave on every change), so the ratio is what security costs.
        plain_broker = stack.enter_context(Mosquitto(persistence=True))
        (folder / "plain").mkdir()
        plain_cfg = site_config(site, plain_broker.port)
        stack.enter_context(engine_process(site, plain_broker.port, folder / "plain"))
        # The secured site: generated configuration, TLS listener, a user per device.
        broker_dir = Path(tempfile.mkdtemp(prefix="civiq-bench-broker-"))
        os.chmod(broker_dir, 0o755)
        stack.callback(shutil.rmtree, broker_dir, True)
        certs = make_test_certificates(folder / "pki")
        port, lan = free_port(), free_port()
        conf = write_site(SiteBroker(SITE_ID, broker_dir, port=port, lan_port=lan,
                                     lan_address="127.0.0.1", certs=certs))
        users = UserStore(broker_dir, "site", SITE_ID)
        creds = {u: users.ensure(u, r) for u, r in
                 [("engine", "engine"), ("bench-platz-1", "counter"),
                  ("bench-watch", "display"),
                  *((f"bench-display-{i}", "display") for i in range(n))]}
        stack.enter_context(Mosquitto(port, config_file=conf))
        (folder / "secure").mkdir()
        watch = load_credentials(creds["bench-watch"])
        stack.enter_context(engine_process(
            site, port, folder / "secure", credentials=creds["engine"],
            watcher=Broker(port=port, username=watch.username, password=watch.password)))
        cafile = certs / "ca.crt"

        plain_counter = MqttClient(plain_cfg.broker, SITE_ID, "counter",
                                   "bench-platz-1").start(wait=10)
        secure_counter = MqttClient(tls_broker(lan, cafile, creds["bench-platz-1"]), SITE_ID,
                                    "counter", "bench-platz-1").start(wait=10)
        plain_subs = Subscribers(plain_cfg, n)
        secure_subs = Subscribers(plain_cfg, n, brokers=[
            tls_broker(lan, cafile, creds[f"bench-display-{i}"]) for i in range(n)])
        plain, secure = Site(plain_counter, plain_subs), Site(secure_counter, secure_subs)
        for s in (plain, secure):
            s.counter.request("open_counter", {"counter": "platz-1"}, timeout=10)
        for i in range(-5, args.calls):  # the first five warm up
            for s in ((plain, secure) if i % 2 else (secure, plain)):
                s.call(i, n)
        for s in (plain, secure):
            s.subs.stop()
            s.counter.stop()

    p50, p99 = percentile(secure.called_ms, 50), percentile(secure.called_ms, 99)
    q50, q99 = percentile(plain.called_ms, 50), percentile(plain.called_ms, 99)
    print(f"{args.calls} calls x {n} subscribers per site")
    print(f"secured (TLS, users, ACL): p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    print(f"plain loopback broker:     p50 {q50:.2f} ms, p99 {q99:.2f} ms")
    print(f"p99 ratio {p99 / q99:.2f} (target <= 1.5)")
    emit({"p50_ms": round(p50, 2), "p99_ms": round(p99, 2), "plain_p50_ms": round(q50, 2),
          "plain_p99_ms": round(q99, 2), "ratio_p99": round(p99 / q99, 2),
          "calls": args.calls, "subscribers": n})


if __name__ == "__main__":
    main()
