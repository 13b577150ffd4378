"""The demo's live text view: what waits, what was called, the estimates.

``render`` is a pure function of the snapshot, so it is tested without a terminal.
"""

from __future__ import annotations

from civiq.config import SiteConfig
from civiq.protocol.models import CounterStatus
from civiq.transport.state import SiteSnapshot


def _eta(minutes: float | None) -> str:
    if minutes is None:
        return "   –  "
    return f"{minutes:4.0f} min"


LEGEND = "D002~4' = ticket D002, about 4 min until called; (P) parked; (2x) called twice"


def render(snap: SiteSnapshot, config: SiteConfig, width: int = 100,
           speed: float | None = None) -> str:
    tz = config.tz
    sim_now = snap.last_update.astimezone(tz) if snap.last_update else None
    head = f" civiq demo — {config.site.name} "
    when = sim_now.strftime("%a %d.%m.%Y %H:%M") if sim_now else "waiting for the engine…"
    status = {None: "engine: ?", True: "engine: online", False: "engine: OFFLINE"}[
        snap.engine_online]
    lines = [f"{head}{' ' * max(1, width - len(head) - len(when) - len(status) - 4)}"
             f"{when}  {status}"]
    if speed is not None and speed != 1:
        lines.append(f" simulated day: the local time above runs {speed:g}x faster than "
                     "real time")
    lines.append("─" * width)
    name_w = max(12, min(34, width - 46))
    q = snap.queue
    if q is None:
        lines.append("No queue state yet.")
        return "\n".join(lines)
    lines.append(f"{'service':{name_w}} {'waiting':>7} {'next walk-in':>13}  open counters")
    for s in q.services:
        cfg = config.service(s.id)
        name = cfg.name("en") if cfg else s.id
        stop = ""
        if s.ticket_stop:
            stop = "  CLOSED" if s.ticket_stop_reason == "site_closed" else "  TICKET STOP"
        eta = "appointments" if cfg and not cfg.walk_in else _eta(s.eta_min)
        lines.append(f"{name[:name_w]:{name_w}} {s.waiting:>7} {eta:>13}  "
                     f"{s.open_counters}{stop}")
    lines.append("")
    lines.append(f"{'counter':10} {'status':8} current")
    for c in q.counters:
        cur = ""
        if c.current:
            cur = f"{c.current.number} ({c.current.status.value})"
        status = c.status.value
        if c.status is CounterStatus.PAUSED and c.pause_reason:
            status = f"paused: {c.pause_reason}"
        lines.append(f"{c.name:10} {status:8} {cur}")
    lines.append("")
    # A recall is the same call again: one entry per ticket, the count beside it.
    latest: dict[str, tuple[str, int]] = {}
    for call in snap.calls:
        if call.number not in latest:
            latest[call.number] = (call.counter_name, call.recall)
    calls = ", ".join(
        f"{number}→{counter}{f' ({recall + 1}x)' if recall else ''}"
        for number, (counter, recall) in list(latest.items())[:6]
    )
    lines.append(f"latest calls: {calls or '—'}")
    waiting = q.waiting[:14]
    more = len(q.waiting) - len(waiting) + q.waiting_unlisted
    lines.append(
        "waiting: " + (" ".join(
            f"{w.number}{'(P)' if w.parked else ''}~{w.eta_min:.0f}'"
            if w.eta_min is not None else w.number for w in waiting) or "—")
        + (f" … +{more}" if more else "")
    )
    lines.append(f"issued today: {q.issued_today}   served: {q.served_today}")
    lines.append(LEGEND)
    return "\n".join(line[:width] for line in lines)


def now_line(snap: SiteSnapshot, config: SiteConfig | None = None) -> str:
    """One line for a log or a terminal without cursor control, in the site's local time."""
    q = snap.queue
    last = snap.last_update
    if last is not None and config is not None:
        last = last.astimezone(config.tz)
    at = last.isoformat(timespec="seconds") if last else "-"
    if q is None:
        return f"{at} no state yet"
    waiting = sum(s.waiting for s in q.services)
    last = snap.calls[0] if snap.calls else None
    call = f"{last.number}->{last.counter_name}" if last else "-"
    return f"{at} waiting={waiting} issued={q.issued_today} served={q.served_today} last={call}"

