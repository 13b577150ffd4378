"""Scenario files: named conditions for simulated days (docs/simulation.md).

Each ``NAME.toml`` here has a ``description``, optionally a ``site`` file (relative to
this folder; default the example site) and a ``[settings]`` table of
:class:`simulator.settings.SimSettings` fields. ``*.site.toml`` are site files, not
scenarios.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path

from civiq.config import SiteConfig, load_site
from simulator.settings import SimSettings

HERE = Path(__file__).resolve().parent
DEFAULT_SITE = HERE.parent.parent / "sites" / "hamburg-wandsbek.toml"


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    site: Path
    settings: dict

    def sim_settings(self, seed: int) -> SimSettings:
        return SimSettings(seed=seed, **self.settings)

    def site_config(self) -> SiteConfig:
        return load_site(self.site)


def names() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml") if not p.name.endswith(".site.toml"))


def load(name: str) -> Scenario:
    path = HERE / f"{name}.toml"
    if not path.is_file():
        raise ValueError(f"no scenario {name!r}; there are: {', '.join(names())}")
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    known = {f.name: f for f in dataclasses.fields(SimSettings)}
    settings = {}
    for key, value in raw.get("settings", {}).items():
        if key not in known or key == "seed":
            raise ValueError(f"{path}: settings.{key}: not a simulator setting")
        settings[key] = tuple(value) if isinstance(value, list) else value
    SimSettings(**settings)  # fails here, naming the setting, when a value is out of range
    site = HERE / raw["site"] if "site" in raw else DEFAULT_SITE
    return Scenario(name, raw.get("description", name), site, settings)
