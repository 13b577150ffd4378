"""Every scenario's site can be played: the bench's days are real days, not days of
refused commands (a site file that the simulator's devices may not act on gave the bench
a big-centre condition without a single call)."""

from __future__ import annotations

import dataclasses

import pytest

from simulator import scenarios
from simulator.runner import simulate

SITES = sorted({str(scenarios.load(n).site): n for n in scenarios.names()}.values())


@pytest.mark.parametrize("name", SITES)
def test_a_short_day_at_each_scenario_site_runs_without_refused_commands(name: str) -> None:
    sc = scenarios.load(name)
    settings = dataclasses.replace(sc.sim_settings(1), visits=60)
    rows = simulate(sc.site_config(), settings).result.rows
    assert [r for r in rows if r.kind == "error"] == []
    assert sum(1 for r in rows if r.kind == "called") > 20
