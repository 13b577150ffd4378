"""A device's broker credentials: the one way every civiq app takes its user and password.

``civiq device add`` writes one TOML file per device (mode 0600)::

    site = "hh-wandsbek"
    role = "kiosk"
    username = "kiosk-1"
    password = "..."

An app reads it from ``--credentials FILE`` or the site file's ``[broker] credentials``
(:func:`civiq.config.load_site_overridden`). The broker user is the device's client id:
its command topic is ``cmd/{role}/{username}``, its replies ``reply/{username}``, and the
site broker sets the MQTT client id to the user name (``use_username_as_clientid``), so
nobody can take over another device's connection.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from civiq.protocol.topics import ROLES, check_id

if TYPE_CHECKING:
    from civiq.config import SiteConfig


#: The protocol's roles, and a site's bridge (its user at the central broker).
CREDENTIAL_ROLES = (*ROLES, "bridge")


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    site: str = Field(min_length=1)
    role: str
    username: str
    password: SecretStr = Field(description="the broker password, as generated")

    @field_validator("role")
    @classmethod
    def _role(cls, v: str) -> str:
        if v not in CREDENTIAL_ROLES:
            raise ValueError(f"unknown role {v!r}; one of {', '.join(CREDENTIAL_ROLES)}")
        return v

    @field_validator("username")
    @classmethod
    def _user(cls, v: str) -> str:
        return check_id(v, "username")

    def to_toml(self) -> str:
        return (
            f"# civiq broker credentials of {self.role} {self.username!r} at site "
            f"{self.site!r}.\n"
            "# Secret: readable by this device's app only (chmod 600). `civiq device revoke`\n"
            "# makes it useless; `civiq device add` again makes a new one.\n"
            f'site = "{self.site}"\nrole = "{self.role}"\nusername = "{self.username}"\n'
            f'password = "{self.password.get_secret_value()}"\n'
        )


def _error(path: Path, why: str) -> Exception:
    from civiq.config import ConfigError

    return ConfigError(f"{path}: {why}")


def load_credentials(path: str | Path) -> Credentials:
    """The file's credentials, or :class:`~civiq.config.ConfigError` naming the file."""
    from civiq.config import read_utf8

    p = Path(path)
    try:
        st = p.stat()
        text = read_utf8(p)
    except OSError as exc:
        raise _error(p, f"cannot read the credentials file: {exc.strerror or exc}") from exc
    if os.name == "posix" and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        # A password others can read is no device's own any more.
        raise _error(p, f"the credentials file may be read by others (mode "
                        f"{stat.S_IMODE(st.st_mode):o}); make it the app user's only: "
                        f"chmod 600 {p}")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _error(p, f"not a credentials file (not valid TOML: {exc})") from exc
    try:
        return Credentials.model_validate(raw)
    except ValidationError as exc:
        why = "; ".join(f"{'.'.join(map(str, e['loc'])) or '(top level)'}: "
                        f"{e['msg'].removeprefix('Value error, ')}" for e in exc.errors())
        raise _error(p, f"not a usable credentials file: {why}") from exc


def write_credentials(path: Path, creds: Credentials) -> None:
    """Write the file readable and writable by its owner only, from the first byte on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(creds.to_toml())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def apply_credentials(cfg: SiteConfig, path: Path) -> SiteConfig:
    """``cfg`` with the file's user, password and role in its ``[broker]`` table."""
    creds = load_credentials(path)
    if creds.site != cfg.site.id:
        raise _error(path, f"credentials for site {creds.site!r}, but {cfg.source} is site "
                           f"{cfg.site.id!r}")
    broker = cfg.broker.model_copy(update={
        "username": creds.username, "password": creds.password, "role": creds.role,
        "credentials": str(path)})
    return cfg.model_copy(update={"broker": broker})


def client_id(cfg: SiteConfig, default: str | None) -> str | None:
    """The client id an app or command uses: its broker user when it has credentials (the
    broker's ACL lets a device use only its own topics), else ``default``."""
    return cfg.broker.username or default
