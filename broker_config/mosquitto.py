"""A private Mosquitto on a free loopback port, for the demo, tests and benchmarks: with
its own minimal configuration, or running a generated one (``config_file``).

Mosquitto started as root drops to the user ``mosquitto``; its folder and files are made
readable and writable for that user.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

MOSQUITTO_PATHS = ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto")


class BrokerError(RuntimeError):
    pass


def mosquitto_binary() -> str:
    found = shutil.which("mosquitto") or next(
        (p for p in MOSQUITTO_PATHS if os.access(p, os.X_OK)), None)
    if not found:
        raise BrokerError(
            "mosquitto is not installed: run `make demo` or `make test` (they install it "
            "with apt-get), or `apt-get install mosquitto`"
        )
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def broker_owner() -> tuple[int, int] | None:
    """(uid, gid) of the user Mosquitto drops to when started as root, else None."""
    if os.geteuid() != 0:
        return None
    try:
        pw = pwd.getpwnam("mosquitto")
    except KeyError:
        return None
    return pw.pw_uid, pw.pw_gid


def give_to_broker(folder: Path, skip: Path | None = None) -> None:
    """Mosquitto started as root drops to the user ``mosquitto``: what it reads (and its
    data folder) must be that user's. The credentials handed out stay the caller's."""
    owner = broker_owner()
    if owner is None:
        return
    for p in [folder, *folder.rglob("*")]:
        if skip is not None and (p == skip or skip in p.parents):
            continue
        try:
            os.chown(p, *owner)
        except FileNotFoundError:
            pass  # another writer's temporary file, renamed meanwhile


def stop_process(proc: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 5.0) -> None:
    """Ask a child to stop with ``sig``; kill it when it has not gone after ``timeout``."""
    if proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Mosquitto:
    """``with Mosquitto() as b: b.port`` — started, listening, and stopped afterwards."""

    def __init__(self, port: int | None = None, *, folder: Path | None = None,
                 persistence: bool = False, extra_config: str = "",
                 config_file: Path | None = None) -> None:
        self.port = port or free_port()
        self._own_folder = folder is None and config_file is None
        self.folder = folder or (config_file.parent if config_file else
                                 Path(tempfile.mkdtemp(prefix="civiq-mosquitto-")))
        self.persistence = persistence
        self.extra_config = extra_config
        #: A generated configuration (broker_config.generate) to run as it is; ``port``
        #: must then be one of its listeners on 127.0.0.1.
        self.config_file = config_file
        self.proc: subprocess.Popen | None = None

    @property
    def log_path(self) -> Path:
        return self.folder / "mosquitto.log"

    def write_config(self) -> Path:
        if self.config_file is not None:
            give_to_broker(self.folder, skip=self.folder / "credentials")
            return self.config_file
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o755)
        lines = [
            f"listener {self.port} 127.0.0.1",
            # Loopback only, for demo and tests; site brokers get users and ACLs.
            "allow_anonymous true",
            "max_inflight_messages 1000",
            "max_queued_messages 100000",
            # Without it Nagle holds small replies ~40 ms: every request would wait.
            "set_tcp_nodelay true",
            f"log_dest file {self.log_path}",
            "log_type error",
            "log_type warning",
            "log_type notice",
            "log_timestamp_format %Y-%m-%dT%H:%M:%S",
        ]
        if self.persistence:
            lines += [
                "persistence true",
                f"persistence_location {self.folder}/",
                "autosave_on_changes true",
                "autosave_interval 1",
            ]
        conf = self.folder / "mosquitto.conf"
        conf.write_text("\n".join(lines) + "\n" + self.extra_config)
        self.log_path.touch()
        give_to_broker(self.folder)
        return conf

    def start(self, timeout: float = 10.0) -> Mosquitto:
        conf = self.write_config()
        self.proc = subprocess.Popen(
            [mosquitto_binary(), "-c", str(conf)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                log = (self.log_path.read_text(errors="replace") if self.log_path.exists()
                       else "")
                raise BrokerError(f"mosquitto exited with {self.proc.returncode}: {err}{log}")
            with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", self.port), timeout=0.2
            ):
                return self
            time.sleep(0.02)
        self.stop()
        raise BrokerError(f"mosquitto did not listen on port {self.port} within {timeout} s")

    def stop(self) -> None:
        if self.proc is not None:
            stop_process(self.proc)
        self.proc = None

    def kill(self) -> None:
        """SIGKILL: no goodbye, no last save (what a power cut does)."""
        if self.proc is not None:
            stop_process(self.proc, signal.SIGKILL)
        self.proc = None

    def cleanup(self) -> None:
        self.stop()
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Mosquitto:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def reachable_by_broker_user(folder: Path) -> bool:
    """Whether Mosquitto, started as root and dropping to the user ``mosquitto``, can
    reach ``folder`` (every parent searchable by others, or the user's own)."""
    if os.geteuid() != 0:
        return True
    try:
        uid = pwd.getpwnam("mosquitto").pw_uid
    except KeyError:
        return True  # no such user: Mosquitto keeps running as the starting user
    for p in [folder.resolve(), *folder.resolve().parents]:
        if not p.exists():
            continue
        st = p.stat()
        if not (st.st_mode & 0o001 or (st.st_uid == uid and st.st_mode & 0o100)):
            return False
    return True
