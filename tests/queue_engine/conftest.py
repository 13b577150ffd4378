from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from broker_config.mosquitto import free_port, stop_process
from civiq.config import SiteConfig, load_site
from civiq.transport.mqtt import MqttClient
from tests.conftest import EXAMPLE_SITE
from tests.queue_engine.helpers import StateWatch


@pytest.fixture
def watch(client_factory: Callable[[str, str], MqttClient], site_config: SiteConfig
          ) -> StateWatch:
    """A display-like observer of retained state and events."""
    c = client_factory("display", "watch-1")
    return StateWatch(c, site_config.site.id)


@pytest.fixture
def offline_config() -> SiteConfig:
    """The example site without a broker: for the pure domain tests."""
    return load_site(EXAMPLE_SITE)


def _pg_tool(name: str) -> str:
    # Debian keeps the server tools off PATH, in /usr/lib/postgresql/<version>/bin.
    debian = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
                    key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    found = shutil.which(name) or (str(debian[-1]) if debian else None)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return found


class PostgresServer:
    """A throwaway PostgreSQL server on a free loopback port, which tests may stop and start
    again on the same data. PostgreSQL refuses to run as root, so as root it runs as the
    ``postgres`` user in a folder that user owns."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="civiq-pg-"))
        self.data, self.sock = self.folder / "data", self.folder / "sock"
        self.sock.mkdir()
        self.as_user: dict = {}
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            for p in (self.folder, self.sock):
                os.chown(p, pw.pw_uid, pw.pw_gid)
            # Run as that user directly (not via runuser), so signals reach the server.
            self.as_user = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": [],
                            "cwd": self.folder}
        self.port = free_port()
        self.url = f"postgresql+psycopg://civiq@127.0.0.1:{self.port}/postgres"
        self.proc: subprocess.Popen | None = None
        subprocess.run([_pg_tool("initdb"), "-D", str(self.data), "-U", "civiq",
                        "--auth=trust", "-E", "UTF8", "--no-sync"],
                       check=True, capture_output=True, **self.as_user)

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [_pg_tool("postgres"), "-D", str(self.data), "-p", str(self.port),
             "-h", "127.0.0.1", "-k", str(self.sock), "-c", "fsync=off"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, **self.as_user)
        deadline = time.monotonic() + 20
        while True:
            try:
                psycopg.connect(f"host=127.0.0.1 port={self.port} user=civiq dbname=postgres",
                                connect_timeout=1).close()
                return
            except psycopg.OperationalError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("PostgreSQL did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is None:
            return
        stop_process(self.proc, signal.SIGINT, 10)  # "fast" shutdown: clients are cut off
        self.proc = None


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres: PostgresServer) -> str:
    return postgres.url
