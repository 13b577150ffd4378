"""Who works at the counter: the clerk's login, before the counter opens.

The clerk id goes to the engine in ``open_counter`` (stored for the day, never
published). Today a site trusts the desk's login screen: any well-formed id is taken.
A directory login (LDAP, Active Directory) plugs in here: a class with the same
``check`` method that binds to the directory with the clerk's name and password (e.g.
with ``ldap3``: ``Connection(server, user=f"{name}@{domain}", password=...).bind()``)
and returns the id to store — the directory's account name, not a person's name — or
raises :class:`LoginRefused` with a reason the desk shows. The desk asks for a password
only when the login says it needs one (``needs_password``).
"""

from __future__ import annotations

import re
from typing import Protocol

_CLERK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")


class LoginRefused(Exception):
    """The clerk cannot log in; the message says why, in words for the clerk."""


class ClerkLogin(Protocol):
    needs_password: bool

    def check(self, clerk: str, password: str | None) -> str:
        """The clerk id to store, or :class:`LoginRefused`."""
        ...


class LocalLogin:
    """The site trusts its desks: the clerk types their staff id."""

    needs_password = False

    def check(self, clerk: str, password: str | None = None) -> str:
        clerk = clerk.strip()
        if not _CLERK.fullmatch(clerk):
            raise LoginRefused("staff id: 1-64 letters, digits, '.', '_', '-', '@'")
        return clerk
