"""Which events the engine sends again when the bridge to central returns: those central
may have acknowledged and lost (queue_engine/central_resend.py). The MQTT side, with a
SIGKILLed central broker, is tests/broker_config/test_bridge.py."""

from __future__ import annotations

from queue_engine.central_resend import CentralResend


def stream(r: CentralResend[int], start: float, end: float, step: float = 1.0) -> None:
    """An event a second, named by the second it was published in."""
    t = start
    while t <= end:
        r.published(t, int(t))
        t += step


def test_the_first_word_from_the_bridge_sends_nothing_again() -> None:
    r: CentralResend[int] = CentralResend(margin_s=60, settle_s=600)
    stream(r, 0, 100)
    assert r.link(100, True) == []
    assert r.link(101, True) == []  # told again (every reconnect to the site broker)


def test_after_a_settled_link_only_the_minute_before_it_went_down_is_sent_again() -> None:
    r: CentralResend[int] = CentralResend(margin_s=60, settle_s=600)
    r.link(0, True)
    stream(r, 0, 2000)
    assert len(r) <= 61  # a settled link keeps only the last minute
    assert r.link(2000.5, False) == []
    stream(r, 2001, 2300)  # queued by the bridge while central is away: not needed again
    again = r.link(2300.5, True)
    assert again == list(range(1941, 2001))


def test_a_kill_while_a_backlog_drains_reaches_back_to_the_first_outage() -> None:
    r: CentralResend[int] = CentralResend(margin_s=60, settle_s=600)
    r.link(0, True)
    stream(r, 0, 1000)
    r.link(1000.5, False)
    stream(r, 1001, 4000)  # an hour away: the bridge queues all of it
    assert r.link(4000.5, True) == list(range(941, 1001))
    stream(r, 4001, 4100)
    # Killed again after 100 s: what central acknowledged in them may be anything of the
    # backlog, published from 1001 on.
    r.link(4100.5, False)
    again = r.link(4200.5, True)
    assert again == list(range(941, 4101))
    # Once the link has stayed up long enough, the window is the last minute again.
    stream(r, 4201, 5000)
    r.link(5000.5, False)
    assert r.link(5001, True) == list(range(4941, 5001))


def test_a_link_down_when_the_engine_starts_sends_nothing_older_than_it_knows() -> None:
    r: CentralResend[int] = CentralResend(margin_s=60, settle_s=600)
    r.link(0, False)
    stream(r, 1, 300)
    assert r.link(300.5, True) == []


def test_memory_is_bounded() -> None:
    r: CentralResend[int] = CentralResend(margin_s=60, settle_s=600, max_kept=100)
    r.link(0, False)
    stream(r, 1, 10_000)
    assert len(r) == 100
