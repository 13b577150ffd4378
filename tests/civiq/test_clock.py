from datetime import UTC, datetime, timedelta

import pytest

from civiq.clock import AcceleratedClock, ManualClock, clock_from_spec

T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def test_manual_clock_moves_only_forward() -> None:
    c = ManualClock(T0)
    assert c.advance(90) == T0 + timedelta(seconds=90)
    with pytest.raises(ValueError, match="backwards"):
        c.set(T0)


def test_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ManualClock(datetime(2026, 1, 1))


def test_clock_spec() -> None:
    c = clock_from_spec("2026-11-24T09:00:00+01:00@60")
    assert isinstance(c, AcceleratedClock)
    assert abs((c.now() - datetime(2026, 11, 24, 8, 0, tzinfo=UTC)).total_seconds()) < 60
    with pytest.raises(ValueError, match="ISO time"):
        clock_from_spec("tomorrow@3")
