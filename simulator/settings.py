"""What a simulated day looks like: its size, its people and its randomness."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: A Tuesday: the example site is open 08:00-18:00 (long day, morning peak).
DEFAULT_DAY = date(2026, 11, 24)


@dataclass(frozen=True)
class SimSettings:
    seed: int = 1
    #: Expected visits in the day, walk-ins and appointments (a typical centre ~300,
    #: the city centre ~600). Counters are added to the site when it is too small.
    visits: int = 300
    day: date = DEFAULT_DAY
    #: Share of visits booked as appointments (used once the engine takes bookings).
    appointment_share: float = 0.25
    #: Booked visitors who never come (Berlin saw 11-17 %).
    appointment_no_show: float = 0.14
    #: Booked visitors who cancel during the day.
    appointment_cancel: float = 0.03
    #: A called walk-in has left: this base share plus up to ``abandon_per_hour`` per
    #: hour waited.
    walk_in_abandon: float = 0.02
    abandon_per_hour: float = 0.10
    #: Visits sent on to another service at the counter.
    transfer_share: float = 0.03
    #: Spread of handling times (sigma of the lognormal); means near the configured
    #: minutes, each service off by a seeded factor in ``handling_bias``.
    handling_sigma: float = 0.55
    handling_bias: tuple[float, float] = (0.85, 1.25)
    #: Clerks' breaks: ``breaks`` per clerk, each planned (in the roster) for this many
    #: minutes (rounded to 5), taken for the planned length plus ``break_overrun``
    #: minutes, from when the clerk pauses (after the visit under way).
    break_minutes: tuple[float, float] = (15.0, 30.0)
    breaks: int = 1
    break_overrun: tuple[float, float] = (-2.0, 6.0)
    #: Breaks taken without pausing the counter: it shows "open", nobody calls.
    silent_break_share: float = 0.0
    #: Actual login minus the rostered start, minutes (most clerks are about on time).
    login_jitter: tuple[float, float] = (-5.0, 4.0)
    #: Clerks whose day differs from the roster without anyone telling the engine: they
    #: log in 15-45 minutes late, or leave 30-90 minutes early.
    unannounced_share: float = 0.0
    #: Per-clerk speed: each clerk's visits take a lognormal factor of this sigma.
    clerk_speed_sigma: float = 0.0
    #: Handling times drift over the day: factor 1 - drift/2 at opening, 1 + drift/2 at
    #: closing (negative: faster later).
    drift: float = 0.0
    #: Heavy tail: this share of visits takes ``long_visit_factor`` times as long.
    long_visit_share: float = 0.0
    long_visit_factor: float = 4.0
    #: A surge of walk-ins: (centre, width) as fractions of the opening span and the
    #: extra rate relative to the usual peak (0: none).
    surge_at: float = 0.45
    surge_width: float = 0.06
    surge_height: float = 0.0
    #: Send the planned duty roster to the engine before opening (role booking,
    #: ``set_roster``), as a staff-planning system would.
    send_roster: bool = True
    #: Clerks (beyond the first two) who log in one to two hours after opening, and who
    #: leave one to two and a half hours before closing.
    late_share: float = 0.25
    early_leave_share: float = 0.25
    #: Target counter utilisation when sizing staff for ``visits``.
    utilisation: float = 0.85
    #: Walk-in service mix (service id -> weight); default from the configured minutes.
    service_mix: dict[str, float] = field(default_factory=dict)
    #: Use appointments when the engine supports them.
    appointments: bool = True
    #: Counters the simulation leaves to people (``civiq demo`` opens a desk for one):
    #: no simulated clerk logs in there, and the roster it sends leaves them out.
    leave_counters: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.visits < 1:
            raise ValueError("visits must be at least 1")
        for name in ("appointment_share", "appointment_no_show", "appointment_cancel",
                     "walk_in_abandon", "transfer_share", "late_share",
                     "early_leave_share", "silent_break_share",
                     "unannounced_share", "long_visit_share"):
            v = getattr(self, name)
            if not 0 <= v <= 1:
                raise ValueError(f"{name} must be between 0 and 1, not {v}")
        if not 0 < self.utilisation <= 2.0:
            raise ValueError("utilisation must be in (0, 2]")
        if not 0 <= self.breaks <= 4:
            raise ValueError("breaks must be 0 to 4")
