"""The engine's record of each command's outcome, for an operator who wants to see what
the site did: command, role, client, ok or the error code, the ticket it concerned.

Logger ``civiq.engine.commands`` at INFO; ``civiq engine`` leaves it off unless
``--log-commands`` or ``-v`` is given. Never personal data: no clerk logins, no booking
ids, no tokens, no arguments, only what any display may show (a ticket number).
"""

from __future__ import annotations

import logging
from typing import Any

from civiq.protocol import topics

log = logging.getLogger("civiq.engine.commands")
# Off until an operator switches it on (civiq engine --log-commands, or this logger at INFO):
# a busy site makes thousands of lines an hour.
log.setLevel(logging.WARNING)

#: (command topic, command name or None when unreadable, "ok" or error code, result)
Entry = tuple[str, str | None, str, Any]


def enabled() -> bool:
    """Checked once per batch: when off, the engine collects nothing."""
    return log.isEnabledFor(logging.INFO)


def _ticket(result: Any) -> str | None:
    ticket = getattr(result, "ticket", None)
    number = getattr(ticket, "number", None)
    return number if isinstance(number, str) else None


def write(entries: list[Entry]) -> None:
    for topic, command, outcome, result in entries:
        ct = topics.parse_command_topic(topic)
        role, client = (ct.role, ct.client) if ct else ("?", "?")
        ticket = _ticket(result)
        log.info("%s role=%s client=%s %s%s", command or "?", role, client, outcome,
                 f" ticket={ticket}" if ticket else "")
