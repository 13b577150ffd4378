"""The site's device problems now, from the devices' retained status messages.

Plain Python (no Qt). A kiosk publishes its status (``device/{client}/status``, retained)
whenever its printer's state changes, and its will message says when its connection is
lost; the retained message is the device's state *now*, so a desk or an operator that
starts later still learns of a kiosk that has been out of paper since the morning. The
``alert`` topic says the same as events, which a later client never sees: it is not
read here.

Counters are not watched: a desk that is closed is no problem.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.errors import ProtocolError
from civiq.protocol.models import DeviceStatus

log = logging.getLogger(__name__)

#: Roles whose problems staff must act on.
WATCHED_ROLES = ("kiosk", "display")
#: A kiosk's ``printer`` states that are problems, and the kind each is reported as
#: (the kinds of the kiosk's alerts).
#: A kiosk whose clock is behind the engine's (``clock_behind_s`` in its status) has put
#: itself out of service: every ticket it asked for would be refused as expired.
CLOCK_BEHIND = "clock_behind"
PRINTER_PROBLEMS = {"paper_out": "printer_paper_out", "offline": "printer_offline",
                    "paper_near_end": "printer_paper_near_end"}
OFFLINE = "offline"


@dataclass(frozen=True)
class DeviceProblem:
    device: str  # client id, e.g. kiosk-1
    role: str  # kiosk, display
    kind: str  # "offline", CLOCK_BEHIND, or one of PRINTER_PROBLEMS' kinds
    since: datetime | None = None  # offline: since when, None when unknown


@dataclass(frozen=True)
class _Known:
    role: str
    online: bool
    printer: str | None
    clock_behind: bool
    since: datetime | None  # offline only
    ts: datetime


class DeviceProblems:
    """Feed it ``device/+/status`` messages (:meth:`apply`); ask for :meth:`problems`."""

    def __init__(self, site: str) -> None:
        self.site = site
        self._known: dict[str, _Known] = {}

    def topic_filter(self) -> str:
        return topics.device_statuses(self.site)

    def apply(self, topic: str, payload: bytes, now: datetime) -> bool:
        """One status message, received at ``now``; True when the problems changed."""
        device = topics.device_of_status(topic)
        if device is None or topic != topics.device_status(self.site, device):
            return False
        before = self.problems()
        if not payload:  # the retained status was cleared (a device removed)
            self._known.pop(device, None)
            return self.problems() != before
        try:
            e = env.decode(payload)
            if e.site != self.site:
                return False
            s = DeviceStatus.model_validate(e.data)
        except (ProtocolError, ValueError) as exc:
            log.warning("ignored unreadable device status on %s: %s", topic, exc)
            return False
        if s.role not in WATCHED_ROLES:
            self._known.pop(device, None)
            return self.problems() != before
        prev = self._known.get(device)
        since = None
        if not s.online:
            if prev is not None and not prev.online:
                since = prev.since  # the same loss again (a re-sent retained message)
            elif s.detail.get("will") is not True:
                since = e.ts  # a clean stop: made when the device stopped
            elif prev is not None:
                since = now  # seen online, now its will: lost about now
            # else: a retained will, met at start; it says when the device connected,
            # not when it was lost: unknown
        printer = s.detail.get("printer") if s.online else None
        behind = s.online and s.detail.get("clock_behind_s") is not None
        self._known[device] = _Known(s.role, s.online, printer if isinstance(printer, str)
                                     else None, behind, since, e.ts)
        return self.problems() != before

    def problems(self) -> list[DeviceProblem]:
        """The problems now, by device id."""
        out = []
        for device, k in sorted(self._known.items()):
            if not k.online:
                out.append(DeviceProblem(device, k.role, OFFLINE, k.since))
                continue
            if k.clock_behind:  # the kiosk is out of service until restarted
                out.append(DeviceProblem(device, k.role, CLOCK_BEHIND))
            if k.printer in PRINTER_PROBLEMS:
                out.append(DeviceProblem(device, k.role, PRINTER_PROBLEMS[k.printer]))
        return out
