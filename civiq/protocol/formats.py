"""The text formats the protocol shares, each defined once: ids, language codes, booking
codes. Plain patterns, no pydantic and no other import, so a module that must stay light
(``civiq.appointments.token``, the kiosk's view model) can use them too.

The patterns are strings for pydantic's ``Field(pattern=...)`` (docs/protocol.md prints them
as they are here); the compiled ``*_RE`` are for code that checks text itself.
"""

from __future__ import annotations

import re

#: A site, client, service, counter or booking id: it may become a topic level, so no
#: wildcards and no slashes.
ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
ID_RE = re.compile(ID)

#: A language code, ISO 639-1 or -3 in lower case ("de", "en", "tr", "fil").
LANGUAGE = r"^[a-z]{2,3}$"
#: What the protocol document says of a command's ``language``.
LANGUAGE_NOTE = (
    "the visitor's language, ISO 639-1 or -3; stored with the ticket as given. Any code "
    "of the pattern is accepted, also one that is not among the site's [site] languages: "
    "kiosks send only those, `civiq ticket` checks them, and refusing the others would "
    "turn away a visitor for a word on the ticket")

#: Digits of a booking code: 9 from the token signature's hash, then a Damm check digit
#: (civiq.appointments.token.booking_code).
CODE_DIGITS = 10
#: A booking code as the kiosk sends it, already without spaces and hyphens.
BOOKING_CODE = rf"^[0-9]{{{CODE_DIGITS}}}$"
BOOKING_CODE_RE = re.compile(BOOKING_CODE)

#: Wrong booking codes each client has free per window; each further one locks that
#: client's codes, first for CODE_FIRST_LOCK_S, then twice as long each time up to
#: CODE_MAX_LOCK_MIN (queue_engine.code_attempts; the protocol document says the same).
CODE_FREE_WRONG = 5
CODE_WRONG_WINDOW_MIN = 60
CODE_FIRST_LOCK_S = 60
CODE_MAX_LOCK_MIN = 15
