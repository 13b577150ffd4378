"""SIGKILL of the engine process in the middle of a burst of tickets from several kiosks.

Afterwards every acknowledged ticket is in the database, no number is given twice, a
retried request never makes a second ticket, and a retry gets the first answer. The
broker publishes the engine's will (offline) when it dies.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from broker_config.mosquitto import stop_process
from civiq.config import SiteConfig
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient, RequestFailed
from tests.conftest import EXAMPLE_SITE
from tests.queue_engine.helpers import StateWatch, db_rows, wait_until

CIVIQ = Path(sys.executable).parent / "civiq"
CLIENTS = 4
PER_CLIENT = 30


class EngineProcess:
    def __init__(self, port: int, data: Path, log: Path) -> None:
        self.args = [str(CIVIQ), "engine", "--site", str(EXAMPLE_SITE), "--broker-port",
                     str(port), "--data", str(data), "--clock", "2026-11-24T09:00:00+01:00"]
        self.log = log
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(self.args, stdout=out, stderr=subprocess.STDOUT)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()  # SIGKILL: no goodbye, no flush, no offline message of its own
        self.proc.wait(5)

    def stop(self) -> None:
        if self.proc is not None:
            stop_process(self.proc)


@pytest.fixture
def engine_process(broker, tmp_path: Path) -> Iterator[EngineProcess]:
    p = EngineProcess(broker.port, tmp_path / "data", tmp_path / "engine.log")
    yield p
    p.stop()


def test_sigkill_during_a_burst_loses_no_acknowledged_ticket(
        engine_process: EngineProcess, client_factory: Callable[[str, str], MqttClient],
        site_config: SiteConfig, tmp_path: Path) -> None:
    watch = StateWatch(client_factory("display", "wall-1"), site_config.site.id)
    engine_process.start()
    wait_until(lambda: watch.model.snapshot.engine_online is True, 30, "the engine online")

    kiosks = [client_factory("kiosk", f"kiosk-{i}") for i in range(CLIENTS)]
    acked: dict[str, dict] = {}  # request id -> first answer
    failures: list[BaseException] = []
    lock = threading.Lock()

    def burst(k: MqttClient) -> None:
        try:
            for i in range(PER_CLIENT):
                rid = f"{k.client_id}-{i}"
                # 1 s per attempt and enough attempts to span the kill and the restart.
                res = k.request("issue_ticket", {"service": ("ausweis", "melde")[i % 2]},
                                timeout=1.0, retries=45, request_id=rid)
                with lock:
                    acked[rid] = res
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=burst, args=(k,)) for k in kiosks]
    for t in threads:
        t.start()
    wait_until(lambda: len(acked) >= CLIENTS * PER_CLIENT // 4, 20, "the burst under way")
    engine_process.kill()
    killed_at = len(acked)
    wait_until(lambda: watch.model.snapshot.engine_online is False, 5,
               "the will message: engine offline")
    engine_process.start()
    wait_until(lambda: watch.model.snapshot.engine_online is True, 30, "the engine back")
    for t in threads:
        t.join(90)
    assert not failures, failures
    assert killed_at < CLIENTS * PER_CLIENT, "the kill came after the burst"
    assert len(acked) == CLIENTS * PER_CLIENT

    db = tmp_path / "data" / "queue.sqlite3"
    rows = db_rows(db, "select day, number from tickets")
    got = [r["ticket"]["number"] for r in acked.values()]
    # Every acknowledged ticket is stored; none was given twice; no request made two.
    assert set(got) <= {n for _, n in rows}
    assert len(set(got)) == len(got)
    assert len(rows) == len(set(rows)) == len(acked)
    assert db_rows(db, "select count(*) from requests") == [(len(acked),)]
    # Numbers are never skipped or reused: A001..A060 and B001..B060.
    for prefix in "AB":
        mine = sorted(int(n[1:]) for n in got if n[0] == prefix)
        assert mine == list(range(1, CLIENTS * PER_CLIENT // 2 + 1))

    # A client that asks again, with the same request id, gets its first answer.
    for rid in ("kiosk-0-0", f"kiosk-1-{PER_CLIENT // 2}", f"kiosk-3-{PER_CLIENT - 1}"):
        k = kiosks[int(rid.split("-")[1])]
        again = k.request("issue_ticket", {"service": "ausweis"}, request_id=rid, timeout=5)
        assert again == acked[rid]
    assert db_rows(db, "select count(*) from tickets") == [(len(acked),)]

    # Retained state rebuilt by the restarted engine shows the whole burst.
    q = watch.wait_queue(lambda q: q.issued_today == len(acked), 10, "the full count")
    assert len(q.waiting) == len(acked)
    # seq kept rising across the kill and restart, so no receiver drops the new state.
    seqs = [e.seq for e in watch.raw[topics.state_queue(site_config.site.id)]]
    assert seqs == sorted(set(seqs)), "state/queue seq went backwards"
    with pytest.raises(RequestFailed):
        kiosks[0].request("issue_ticket", {"service": "nope"}, timeout=5)
