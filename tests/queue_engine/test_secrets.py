"""Passwords in configuration never show: not in reprs, not in logs, not in errors."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from broker_config.mosquitto import Mosquitto
from civiq.config import load_site
from tests.conftest import EXAMPLE_SITE
from tests.queue_engine.conftest import PostgresServer

MQ_SECRET = "mq-s3cret-pw"
DB_SECRET = "db-s3cret-pw"


def test_secrets_do_not_print(tmp_path: Path) -> None:
    cfg = load_site(EXAMPLE_SITE, broker={"username": "engine", "password": MQ_SECRET},
                    data={"database_url": f"postgresql+psycopg://civiq:{DB_SECRET}@db/x"})
    for shown in (repr(cfg), str(cfg), cfg.model_dump_json(), repr(cfg.broker), str(cfg.data)):
        assert MQ_SECRET not in shown and DB_SECRET not in shown
    # ...and still reach the code that needs them.
    assert cfg.broker.password is not None
    assert cfg.broker.password.get_secret_value() == MQ_SECRET
    assert DB_SECRET in cfg.database_url()


def test_the_engine_logs_its_database_without_the_password(
        tmp_path: Path, broker: Mosquitto, postgres: PostgresServer) -> None:
    url = postgres.url.replace("civiq@", f"civiq:{DB_SECRET}@")  # trust auth: any password
    site = tmp_path / "site.toml"
    site.write_text(EXAMPLE_SITE.read_text(encoding="utf-8").replace(
        'demo = "keys/demo-public-key.pem"',
        f'demo = "{EXAMPLE_SITE.parent / "keys" / "demo-public-key.pem"}"').replace(
        "[broker]\n", f'[broker]\nusername = "engine"\npassword = "{MQ_SECRET}"\n')
        + f'\n[data]\ndatabase_url = "{url}"\n', encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "civiq", "--verbose", "engine", "--site", str(site),
         "--broker-port", str(broker.port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        lines: list[str] = []
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "engine for hh-wandsbek" in line:
                break
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = "".join(lines) + out
    started = [x for x in lines if "engine for hh-wandsbek" in x]
    assert started, text
    assert "civiq:***@127.0.0.1" in started[0]
    assert DB_SECRET not in text and MQ_SECRET not in text
