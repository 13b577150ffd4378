"""A wait is said as people say it, and as a range where the interval is wide."""

from __future__ import annotations

import pytest

from civiq.waits import Wait, people_minutes, say_wait


@pytest.mark.parametrize(("minutes", "said"), [
    (0.2, 1), (4.4, 4), (12.6, 13), (19.4, 19), (21, 20), (47, 45), (48, 50), (93, 95),
])
def test_minutes_are_rounded_as_people_say_them(minutes: float, said: int) -> None:
    assert people_minutes(minutes) == said


def test_no_estimate_is_no_wait() -> None:
    assert say_wait(None, 1, 2) is None


def test_a_narrow_interval_gives_the_median_alone() -> None:
    assert say_wait(12, 9, 17) == Wait(12)
    assert say_wait(12) == Wait(12)


def test_a_wide_interval_gives_the_range_rounded_and_around_the_median() -> None:
    assert say_wait(30, 18, 52) == Wait(18, 50)
    # An interval that does not hold its own median is widened to hold it.
    assert say_wait(30, 33, 45) == Wait(30, 45)


def test_under_a_minute_with_a_narrow_interval_is_no_waiting_everywhere() -> None:
    assert say_wait(0.0, 0.1, 0.4) == Wait(1, none=True)
    assert say_wait(0.9) == Wait(1, none=True)
    assert say_wait(1.2, 0.5, 4) == Wait(1)  # a minute or so: said as one
    # A wide interval is said as a range even when the median is 0.
    assert say_wait(0.0, 0.0, 14) == Wait(1, 14)
