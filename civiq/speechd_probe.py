"""Is speech-dispatcher answering? Asked before ``QTextToSpeech("speechd")`` is built.

Qt's speechd engine connects to the daemon in its constructor, on the GUI thread, and
waits without a deadline: a daemon that is alive but no longer answers (it happens after
many clients) would keep a kiosk or a wall board from ever showing its window. This
module asks first, with a plain socket and a deadline, in the daemon's own protocol
(SSIP: ``SET SELF CLIENT_NAME`` answered by ``208``, then ``QUIT``).

The socket is where libspeechd looks for it: ``SPEECHD_ADDRESS`` (``unix_socket:PATH``
or ``inet_socket:HOST:PORT``) if set, else ``$XDG_RUNTIME_DIR/speech-dispatcher/
speechd.sock``, else the same under ``$XDG_CACHE_HOME`` (``~/.cache``). When nothing
listens there, the daemon is started as its first client would start it
(``speech-dispatcher --spawn``), but with a deadline, and asked again.

Qt-free: the kiosk (kiosk/speech.py) and the board (display_board/player.py) use it.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

#: The daemon answers in well under a millisecond when it is well; a daemon that says
#: nothing for this long is taken as hung.
PROBE_TIMEOUT_S = 2.0
#: ``speech-dispatcher --spawn`` returns once the daemon listens (0.3 s measured, cold).
SPAWN_TIMEOUT_S = 5.0
DEFAULT_PORT = 6560
CLIENT_NAME = "user:civiq:probe"


@dataclass(frozen=True)
class Address:
    family: int
    target: str | tuple[str, int]

    def __str__(self) -> str:
        if isinstance(self.target, tuple):
            return f"{self.target[0]}:{self.target[1]}"
        return self.target


def address(env: dict[str, str] | None = None) -> Address:
    """Where libspeechd connects, from the environment as it reads it."""
    env = os.environ if env is None else env
    given = env.get("SPEECHD_ADDRESS", "").strip()
    if given.startswith("unix_socket:") and given[len("unix_socket:"):]:
        return Address(socket.AF_UNIX, given[len("unix_socket:"):])
    if given.startswith("inet_socket"):
        parts = given.split(":")
        host = parts[1] if len(parts) > 1 and parts[1] else "127.0.0.1"
        port = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else DEFAULT_PORT
        return Address(socket.AF_INET, (host, port))
    base = env.get("XDG_RUNTIME_DIR") or env.get("XDG_CACHE_HOME") or str(
        Path.home() / ".cache")
    return Address(socket.AF_UNIX, str(Path(base) / "speech-dispatcher" / "speechd.sock"))


class _NotListening(Exception):
    """No daemon behind the address (no socket file, or nothing accepts on it)."""


class _Hung(Exception):
    """Connected, but no answer within the deadline (or not an SSIP answer)."""


def _ask(addr: Address, timeout_s: float) -> None:
    """One SSIP exchange within ``timeout_s``; raises _NotListening or _Hung."""
    deadline = time.monotonic() + timeout_s
    if addr.family == socket.AF_UNIX and not Path(str(addr.target)).exists():
        raise _NotListening("no socket")
    with socket.socket(addr.family, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout_s)
        try:
            sock.connect(addr.target)
        except (ConnectionRefusedError, FileNotFoundError) as e:
            raise _NotListening(str(e)) from e
        except TimeoutError as e:
            raise _Hung("connect timed out") from e
        except OSError as e:
            raise _Hung(f"connect: {e}") from e
        try:
            sock.sendall(f"SET SELF CLIENT_NAME {CLIENT_NAME}\r\n".encode())
            reply = b""
            while b"\r\n" not in reply:
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = sock.recv(256)
                if not chunk:
                    raise _Hung("closed without answering")
                reply += chunk
        except TimeoutError as e:
            raise _Hung(f"no answer within {timeout_s:g} s") from e
        except OSError as e:
            raise _Hung(str(e)) from e
        if not reply.startswith(b"208"):
            raise _Hung(f"unexpected answer {reply[:60]!r}")
        try:  # a courtesy: the answer to QUIT (231) is not waited for long
            sock.settimeout(max(0.01, min(0.5, deadline - time.monotonic())))
            sock.sendall(b"QUIT\r\n")
            sock.recv(256)
        except OSError:
            pass


def _spawn(addr: Address, timeout_s: float) -> str | None:
    """Start the daemon as libspeechd's autospawn does, within ``timeout_s``; None when
    it was started (or was running already), else why not."""
    exe = shutil.which("speech-dispatcher")
    if exe is None:
        return "speech-dispatcher is not installed"
    args = [exe, "--spawn"]
    if addr.family == socket.AF_UNIX:
        args += ["--communication-method", "unix_socket", "--socket-path", str(addr.target)]
    else:
        args += ["--communication-method", "inet_socket", "--port", str(addr.target[1])]
    try:
        # DEVNULL, not pipes: the daemon it leaves running would hold a pipe open.
        subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=timeout_s, check=False,
                       start_new_session=True)
    except subprocess.TimeoutExpired:
        return f"`speech-dispatcher --spawn` did not return within {timeout_s:g} s"
    except OSError as e:
        return f"`speech-dispatcher --spawn` failed: {e}"
    return None  # exit code 1 is "already running": the probe after it decides


def speechd_answers(fallback: str, *, timeout_s: float | None = None,
                    env: dict[str, str] | None = None) -> bool:
    """True when speech-dispatcher answers at its address, so ``QTextToSpeech("speechd")``
    will not hang; otherwise logs a warning that names the address, says what happens
    instead (``fallback``) and how to mend it, and returns False. Takes at most
    ``timeout_s`` (:data:`PROBE_TIMEOUT_S`) per question, plus :data:`SPAWN_TIMEOUT_S`
    when the daemon has to be started."""
    timeout_s = PROBE_TIMEOUT_S if timeout_s is None else timeout_s
    addr = address(env)
    try:
        _ask(addr, timeout_s)
        return True
    except _Hung as e:
        log.warning("speech-dispatcher at %s does not answer (%s); %s. Restart "
                    "speech-dispatcher (end the hung daemon; its next client starts it "
                    "again)", addr, e, fallback)
        return False
    except _NotListening:
        pass
    why = _spawn(addr, SPAWN_TIMEOUT_S)
    if why is not None:
        log.warning("speech-dispatcher is not running at %s and could not be started "
                    "(%s); %s", addr, why, fallback)
        return False
    try:
        _ask(addr, timeout_s)
        return True
    except (_Hung, _NotListening) as e:
        log.warning("speech-dispatcher at %s does not answer after starting it (%s); %s. "
                    "Restart speech-dispatcher", addr, e or "not listening", fallback)
        return False


def qt_engine_safe(name: str, instead: str) -> bool:
    """Whether QtTextToSpeech engine ``name`` may be built on a GUI thread: its ``speechd``
    engine waits for the daemon without a deadline, so the daemon is asked first (a hung
    one must not keep a kiosk or board from starting); other engines need no asking.
    ``instead``: what the app does without it, for the warning."""
    return name != "speechd" or speechd_answers(instead)
