"""Drawing the day from the seed: who comes when, for what; who works when.

Everything random about the day that does not depend on the engine's answers is drawn
here, up front, from its own ``random.Random``; what people do in reaction to the engine
(how long a visit takes, whether a called visitor has left) is drawn while playing.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from civiq.config import Counter, SiteConfig
from simulator.settings import SimSettings

#: Minutes from a call until the visitor stands at the counter, on average.
WALK_MIN = 0.7
LANGUAGES = (("de", 0.78), ("en", 0.07), ("tr", 0.06), ("ar", 0.04), ("ru", 0.03),
             ("uk", 0.02))


@dataclass(frozen=True)
class WalkIn:
    at: datetime
    service: str
    language: str


@dataclass(frozen=True)
class Booking:
    booking_id: str
    service: str
    slot_start: datetime
    slot_minutes: int
    no_show: bool
    arrive_at: datetime  # when the visitor scans the QR code (if they come)
    cancel_at: datetime | None  # when the booking is cancelled, if it is


@dataclass(frozen=True)
class Break:
    at: datetime  # planned start (the roster's)
    planned_min: float  # the roster's length
    actual_min: float  # how long the clerk is away, from when the counter pauses
    silent: bool = False  # taken without pausing the counter


@dataclass(frozen=True)
class Shift:
    counter: str
    services: tuple[str, ...]
    open_at: datetime  # actual login
    close_at: datetime  # actual leave (for the last shift: from here, when the queue is empty)
    planned_open: datetime  # the roster's shift, as sent to the engine
    planned_close: datetime
    last: bool  # stays until the queue is empty after closing time
    breaks: tuple[Break, ...] = ()
    speed: float = 1.0  # this clerk's visits take this factor of the usual time


@dataclass(frozen=True)
class DayPlan:
    opens: datetime
    closes: datetime
    walk_ins: list[WalkIn]
    bookings: list[Booking]
    shifts: list[Shift]
    handling_mean: dict[str, float]  # the true mean minutes per service today


def _round5(minutes: float) -> float:
    return 5.0 * round(minutes / 5)


def opening_span(config: SiteConfig, settings: SimSettings) -> tuple[datetime, datetime]:
    intervals = config.intervals_on(settings.day)
    if not intervals:
        raise ValueError(f"{config.site.id} is closed on {settings.day.isoformat()} "
                         f"({settings.day.strftime('%A')}); choose another --day")
    return intervals[0][0], intervals[-1][1]


def profile(x: float, settings: SimSettings | None = None) -> float:
    """Relative walk-in arrival rate over the opening span (0 = opening, 1 = closing):
    a morning peak, a lunch dip, a smaller afternoon bump, quiet before closing; and a
    surge when the settings ask for one."""
    morning = 1.3 * math.exp(-(((x - 0.17) / 0.14) ** 2))
    afternoon = 0.45 * math.exp(-(((x - 0.68) / 0.12) ** 2))
    surge = 0.0
    if settings is not None and settings.surge_height > 0:
        surge = 1.85 * settings.surge_height * math.exp(
            -(((x - settings.surge_at) / settings.surge_width) ** 2))
    tail = 0.5 if x > 0.93 else 1.0
    return (0.55 + morning + afternoon + surge) * tail


def _service_mix(config: SiteConfig, settings: SimSettings, walk_in: bool) -> dict[str, float]:
    services = [s for s in config.services if s.walk_in or not walk_in]
    if settings.service_mix and walk_in:
        mix = {s.id: settings.service_mix.get(s.id, 0.0) for s in services}
        if sum(mix.values()) > 0:
            return mix
    # Short services (collecting documents) are the frequent ones.
    return {s.id: 1 / math.sqrt(s.minutes) for s in services}


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def handling_means(config: SiteConfig, settings: SimSettings, rng: random.Random
                   ) -> dict[str, float]:
    lo, hi = settings.handling_bias
    return {s.id: s.minutes * rng.uniform(lo, hi) for s in config.services}


def counters_needed(config: SiteConfig, settings: SimSettings, means: dict[str, float],
                    span_min: float, app_share: float) -> int:
    walk = _service_mix(config, settings, walk_in=True)
    booked = _service_mix(config, settings, walk_in=False)
    def avg(mix: dict[str, float]) -> float:
        return sum(means[s] * w for s, w in mix.items()) / sum(mix.values())
    per_visit = (1 - app_share) * avg(walk) + app_share * avg(booked) + WALK_MIN + 0.3
    work = settings.visits * per_visit
    capacity = (span_min - settings.breaks * sum(settings.break_minutes) / 2) * settings.utilisation
    return max(2, math.ceil(work / capacity))


def site_for_scale(config: SiteConfig, settings: SimSettings) -> SiteConfig:
    """The site with enough counters for ``settings.visits`` (extra counters copy the
    existing ones' services in turn). Unchanged when it already has enough."""
    opens, closes = opening_span(config, settings)
    rng = random.Random(settings.seed)
    means = handling_means(config, settings, rng)
    share = settings.appointment_share if settings.appointments else 0.0
    need = counters_needed(config, settings, means, (closes - opens).total_seconds() / 60,
                           share)
    if need <= len(config.counters):
        return config
    counters = list(config.counters)
    taken = {c.id for c in counters}
    i = 0
    while len(counters) < need:
        model = config.counters[i % len(config.counters)]
        n = len(counters) + 1
        cid = f"sim-{n}"
        while cid in taken:
            n += 1
            cid = f"sim-{n}"
        taken.add(cid)
        counters.append(Counter(id=cid, name=f"Platz {n}", services=list(model.services)))
        i += 1
    return config.model_copy(update={"counters": counters})


def _staff(config: SiteConfig, need: int, leave: tuple[str, ...] = ()) -> list[Counter]:
    """``need`` counters, first those that cover every service, then in site order;
    never one of ``leave`` (a person works it)."""
    chosen: list[Counter] = []
    covered: set[str] = set()
    counters = [c for c in config.counters if c.id not in leave]
    for c in counters:
        if set(c.services) - covered:
            chosen.append(c)
            covered |= set(c.services)
    for c in counters:
        if len(chosen) >= need:
            break
        if c not in chosen:
            chosen.append(c)
    return chosen


def make_plan(config: SiteConfig, settings: SimSettings) -> DayPlan:
    rng = random.Random(settings.seed)
    means = handling_means(config, settings, rng)
    opens, closes = opening_span(config, settings)
    span = (closes - opens).total_seconds() / 60
    share = settings.appointment_share if settings.appointments else 0.0
    intervals = config.intervals_on(settings.day)

    # Walk-ins: a Poisson process whose rate follows the profile (thinning).
    n_walk = settings.visits * (1 - share)
    peak = max(profile(i / 400, settings) for i in range(401))
    mean_rate = sum(profile((i + 0.5) / 400, settings) for i in range(400)) / 400
    lam_max = n_walk / span * peak / mean_rate  # per minute
    walk_mix = _service_mix(config, settings, walk_in=True)
    langs = dict(LANGUAGES)
    walk_ins: list[WalkIn] = []
    t = 0.0
    while True:
        t += rng.expovariate(lam_max)
        if t >= span:
            break
        if rng.random() * peak > profile(t / span, settings):
            continue
        at = opens + timedelta(minutes=t)
        if not any(a <= at < b for a, b in intervals):
            continue
        walk_ins.append(WalkIn(at.replace(microsecond=0), _pick(rng, walk_mix),
                               _pick(rng, langs)))

    # Bookings on a 15-minute grid, not in the last half hour.
    bookings: list[Booking] = []
    book_mix = _service_mix(config, settings, walk_in=False)
    slots = [a + timedelta(minutes=15 * k) for a, b in intervals
             for k in range(int((b - a).total_seconds() // 900))
             if a + timedelta(minutes=15 * k + 30) <= b]
    for i in range(round(settings.visits * share) if slots else 0):
        service = _pick(rng, book_mix)
        slot = rng.choice(slots)
        minutes = int(math.ceil(config.service(service).minutes / 5) * 5)  # type: ignore[union-attr]
        no_show = rng.random() < settings.appointment_no_show
        arrive = slot + timedelta(minutes=rng.uniform(-10, 5))
        cancel = None
        if rng.random() < settings.appointment_cancel:
            cancel = max(opens, slot - timedelta(minutes=rng.uniform(30, 180)))
        bookings.append(Booking(f"sim{settings.seed}-{i + 1:04d}", service, slot, minutes,
                                no_show, arrive.replace(microsecond=0), cancel))

    # Clerks: most log in at opening, some later in the morning; some leave early. The
    # roster (sent to the engine) has the planned times; the clerks keep them only
    # roughly, and with ``unannounced_share`` some not at all.
    need = counters_needed(config, settings, means, span, share)
    staff = _staff(config, need, settings.leave_counters)
    shifts: list[Shift] = []
    lo_b, hi_b = settings.break_minutes
    for k, c in enumerate(staff):
        late = k >= 2 and rng.random() < settings.late_share
        planned_open = opens + timedelta(minutes=_round5(rng.uniform(60, 120)) if late else 0)
        early = k >= 2 and rng.random() < settings.early_leave_share
        planned_close = (closes - timedelta(minutes=_round5(rng.uniform(60, 150))) if early
                         else closes)
        open_at = planned_open + timedelta(minutes=rng.uniform(*settings.login_jitter))
        close_at = planned_close
        if rng.random() < settings.unannounced_share:
            if rng.random() < 0.5:
                open_at += timedelta(minutes=rng.uniform(15, 45))
            else:
                close_at -= timedelta(minutes=rng.uniform(30, 90))
                early = True
        breaks = []
        length = (planned_close - planned_open).total_seconds() / 60
        n = settings.breaks
        for b in range(n):
            frac = (rng.uniform(0.25, 0.6) if n == 1
                    else (b + 1) / (n + 1) + rng.uniform(-0.05, 0.05))
            at = planned_open + timedelta(minutes=_round5(length * frac))
            planned = max(5.0, _round5(rng.uniform(lo_b, hi_b)))
            actual = max(3.0, planned + rng.uniform(*settings.break_overrun))
            breaks.append(Break(at, planned, actual,
                                silent=rng.random() < settings.silent_break_share))
        speed = (rng.lognormvariate(0.0, settings.clerk_speed_sigma)
                 if settings.clerk_speed_sigma > 0 else 1.0)
        shifts.append(Shift(c.id, tuple(c.services), open_at=open_at.replace(microsecond=0),
                            close_at=close_at.replace(microsecond=0),
                            planned_open=planned_open, planned_close=planned_close,
                            last=not early, breaks=tuple(breaks), speed=speed))
    return DayPlan(opens, closes, walk_ins, bookings, shifts, means)
