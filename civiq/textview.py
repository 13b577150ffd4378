"""The demo's live text view: what waits, what was called, the estimates.

``render`` is a pure function of the snapshot, so it is tested without a terminal.
"""

from __future__ import annotations

from civiq.config import SiteConfig
from civiq.protocol.models import CounterStatus
from civiq.state_model import SiteSnapshot


def _eta(minutes: float | None) -> str:
    if minutes is None:
        return "   –  "
    return f"{minutes:4.0f} min"


def render(snap: SiteSnapshot, config: SiteConfig, width: int = 100) -> str:
    tz = config.tz
    sim_now = snap.last_update.astimezone(tz) if snap.last_update else None
    head = f" civiq demo — {config.site.name} "
    when = sim_now.strftime("%a %d.%m.%Y %H:%M") if sim_now else "waiting for the engine…"
    status = {None: "engine: ?", True: "engine: online", False: "engine: OFFLINE"}[
        snap.engine_online]
    lines = [f"{head}{' ' * max(1, width - len(head) - len(when) - len(status) - 4)}"
             f"{when}  {status}", "─" * width]
    q = snap.queue
    if q is None:
        lines.append("No queue state yet.")
        return "\n".join(lines)
    lines.append(f"{'service':34} {'waiting':>7} {'next walk-in':>13}  open counters")
    for s in q.services:
        cfg = config.service(s.id)
        name = cfg.name("en") if cfg else s.id
        stop = ""
        if s.ticket_stop:
            stop = "  CLOSED" if s.ticket_stop_reason == "site_closed" else "  TICKET STOP"
        eta = "appointments" if cfg and not cfg.walk_in else _eta(s.eta_min)
        lines.append(f"{name[:34]:34} {s.waiting:>7} {eta:>13}  {s.open_counters}{stop}")
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
    calls = ", ".join(
        f"{call.number}→{call.counter_name}{' (again)' if call.recall else ''}"
        for call in snap.calls[:6]
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
    return "\n".join(line[:width] for line in lines)


def now_line(snap: SiteSnapshot) -> str:
    q = snap.queue
    at = snap.last_update.isoformat(timespec="seconds") if snap.last_update else "-"
    if q is None:
        return f"{at} no state yet"
    waiting = sum(s.waiting for s in q.services)
    last = snap.calls[0] if snap.calls else None
    call = f"{last.number}->{last.counter_name}" if last else "-"
    return f"{at} waiting={waiting} issued={q.issued_today} served={q.served_today} last={call}"

