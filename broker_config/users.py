"""A broker's users: the password file (hashes only), the role of each user, the access
list made from them, and the reload that makes a change effective.

Passwords are generated (32 random bytes, URL-safe) and stored only as Mosquitto's
``$7$`` hash (PBKDF2-SHA512 with a random salt, the format ``mosquitto_passwd`` writes),
computed here so that no password ever appears on a command line. A change is applied
by SIGHUP: Mosquitto re-reads ``password_file`` and ``acl_file`` and disconnects a
client whose user is gone, without a restart (see docs/deploy.md, "Devices").
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import logging
import os
import secrets
import signal
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from broker_config import acl
from broker_config.mosquitto import broker_owner, give_to_broker
from civiq.credentials import Credentials, write_credentials
from civiq.protocol.topics import check_id

log = logging.getLogger(__name__)

#: Mosquitto 2's own default; the passwords are 256-bit random, so a slow hash adds
#: nothing against guessing and would cost every connect.
ITERATIONS = 101


class UsersError(Exception):
    """A user cannot be added or removed; the message says why."""


def new_password() -> str:
    return secrets.token_urlsafe(32)


def hash_password(password: str, *, salt: bytes | None = None,
                  iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(12)
    digest = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, iterations)
    return (f"$7${iterations}${base64.b64encode(salt).decode()}$"
            f"{base64.b64encode(digest).decode()}")


@dataclass
class UserStore:
    """One broker's folder: ``passwd`` (user:hash), ``users.toml`` (user -> role),
    ``acl`` (rendered from the roles), and ``credentials/`` for the secrets handed out.

    ``kind`` is ``site`` (``site`` names it) or ``central``."""

    folder: Path
    kind: str
    site: str = "central"

    @property
    def passwd(self) -> Path:
        return self.folder / "passwd"

    @property
    def registry(self) -> Path:
        return self.folder / "users.toml"

    @property
    def acl_path(self) -> Path:
        return self.folder / "acl"

    @property
    def credentials_dir(self) -> Path:
        return self.folder / "credentials"

    def roles(self) -> dict[str, str]:
        if not self.registry.exists():
            return {}
        try:
            raw = tomllib.loads(self.registry.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsersError(f"{self.registry}: unreadable user list: {exc}") from exc
        return {str(u): str(r) for u, r in raw.get("users", {}).items()}

    def hashes(self) -> dict[str, str]:
        if not self.passwd.exists():
            return {}
        out = {}
        for line in self.passwd.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and ":" in line:
                user, h = line.split(":", 1)
                out[user] = h
        return out

    def _allowed_roles(self) -> tuple[str, ...]:
        return acl.SITE_ROLES if self.kind == "site" else acl.CENTRAL_ROLES

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """One writer at a time across processes (``civiq site`` adding its apps while
        ``civiq device add`` runs): each reads the users, changes them and writes them
        back, and without the lock one of two changes was lost."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".users.lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def add(self, user: str, role: str, *, out: Path | None = None,
            replace: bool = False) -> Path:
        """Create ``user`` with a new password; write its credentials file (0600) and
        return its path. An existing user is refused unless ``replace`` (a new password:
        the old credentials file stops working)."""
        with self._locked():
            return self._add(user, role, out=out, replace=replace)

    def _add(self, user: str, role: str, *, out: Path | None, replace: bool) -> Path:
        check_id(user, "device id")
        if role not in self._allowed_roles():
            raise UsersError(f"role {role!r} is not one of {', '.join(self._allowed_roles())}")
        roles = self.roles()
        if user in roles and not replace:
            raise UsersError(f"{user!r} exists already (role {roles[user]}); revoke it first, "
                             "or --replace for a new password")
        password = new_password()
        hashes = self.hashes()
        hashes[user] = hash_password(password)
        roles[user] = role
        creds = Credentials(site=self.site, role=role, username=user, password=password)
        path = out or self.credentials_dir / f"{user}.toml"
        if path.parent == self.credentials_dir:
            self.credentials_dir.mkdir(parents=True, exist_ok=True)
            os.chmod(self.credentials_dir, 0o700)
        write_credentials(path, creds)
        self._write(roles, hashes)
        return path

    def revoke(self, user: str) -> str:
        """Remove ``user``; returns its role. Its credentials file (in ``credentials/``)
        is deleted too: it opens nothing any more."""
        with self._locked():
            return self._revoke(user)

    def _revoke(self, user: str) -> str:
        roles = self.roles()
        if user not in roles:
            raise UsersError(f"no user {user!r} at this broker ({self.folder})")
        role = roles.pop(user)
        hashes = self.hashes()
        hashes.pop(user, None)
        self._write(roles, hashes)
        with contextlib.suppress(FileNotFoundError):
            (self.credentials_dir / f"{user}.toml").unlink()
        return role

    def ensure(self, user: str, role: str) -> Path:
        """``user`` exists with ``role``; its credentials file's path."""
        with self._locked():
            path = self.credentials_dir / f"{user}.toml"
            if self.roles().get(user) == role:
                if path.exists():
                    return path
                # Said, not silent: whoever holds a copy (a moved file, a device) is
                # locked out from the broker's next reload.
                log.warning("%s's credentials file %s is missing: a new password was made; "
                            "a copy of the old one elsewhere no longer works", user, path)
            return self._add(user, role, out=None, replace=True)

    def write_acl(self) -> None:
        with self._locked():
            self._write(self.roles(), self.hashes())

    def _write(self, roles: dict[str, str], hashes: dict[str, str]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        reg = ["# civiq broker users and their roles; passwords: passwd (hashes only).",
               "[users]"] + [f'"{u}" = "{r}"' for u, r in sorted(roles.items())]
        write_file(self.registry, "\n".join(reg) + "\n", 0o644)
        lines = [f"{u}:{hashes[u]}" for u in sorted(roles) if u in hashes]
        write_file(self.passwd, "\n".join(lines) + ("\n" if lines else ""), 0o600)
        if self.kind == "site":
            text = acl.render(f"civiq site broker {self.site}: access by role", roles.items(),
                              lambda role, user: acl.site_rules(self.site, role, user))
        else:
            text = acl.render("civiq central broker: access by role", roles.items(),
                              acl.central_rules)
        write_file(self.acl_path, text, 0o644)
        give_to_broker(self.folder, skip=self.credentials_dir)


def write_file(path: Path, text: str, mode: int) -> None:
    """Replace ``path`` whole (the broker may re-read it at any moment): a private
    temporary file, already the broker user's, renamed over it. A file that appeared as
    root's for an instant made a starting broker fail with "Unable to open pwfile", and
    two writers sharing one temporary name could move each other's half-written file."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        owner = broker_owner()
        if owner is not None:
            os.chown(tmp, *owner)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def reload_broker(folder: Path) -> int | None:
    """SIGHUP the broker running from ``folder`` (its ``mosquitto.pid``): it re-reads the
    users and the access list. The pid signalled, or None when no broker runs there."""
    pid_file = folder / "mosquitto.pid"
    try:
        pid = int(pid_file.read_text().strip())
        # A pid file left by a broker that was killed may name another process by now,
        # which SIGHUP would end.
        running = Path(f"/proc/{pid}/comm").read_text().strip()
    except (OSError, ValueError):
        return None
    if running != "mosquitto":
        return None
    try:
        os.kill(pid, signal.SIGHUP)
    except ProcessLookupError:
        return None
    except PermissionError as exc:
        raise UsersError(f"the broker (pid {pid}) may not be signalled by this user; run "
                         "`systemctl reload civiq-broker` (or kill -HUP it) as its owner"
                         ) from exc
    return pid
