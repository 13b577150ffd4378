"""Ticker lines: the site's own notices and those the central tier sends this board."""

from __future__ import annotations

import logging
from datetime import datetime

from civiq.protocol import envelope as env
from civiq.protocol.errors import ProtocolError
from civiq.protocol.models import Notice, NoticesState

log = logging.getLogger(__name__)

SEPARATOR = " · "


def parse_central(payload: bytes) -> list[Notice] | None:
    """The notices in a ``central/notices`` message; None when it is unreadable (logged,
    and the board keeps what it had)."""
    if not payload:
        return []  # retained message cleared
    try:
        e = env.decode(payload)
        return NoticesState.model_validate(e.data).notices
    except ProtocolError as exc:
        log.warning("ignored unreadable central notices: %s", exc.message)
    except ValueError as exc:
        log.warning("ignored invalid central notices: %s", exc)
    return None


def notice_lines(site_notices: list[str], central: list[Notice], *, site: str,
                 services: frozenset[str] | None, languages: list[str],
                 now: datetime) -> list[str]:
    """Site notices as written, then central notices meant for this site and board,
    each in the board's languages joined by a middle dot."""
    lines = [n for n in site_notices if n.strip()]
    for n in central:
        if n.sites and site not in n.sites:
            continue
        if n.services and services is not None and not services & set(n.services):
            continue
        if n.until is not None and n.until <= now:
            continue
        texts = [n.text[lang] for lang in languages if n.text.get(lang)]
        if not texts:
            texts = [next(iter(n.text.values()))]
        lines.append(SEPARATOR.join(texts))
    return lines
