from __future__ import annotations

from collections.abc import Callable

import pytest

from civiq.config import SiteConfig, load_site
from civiq.mqtt_client import MqttClient
from tests.conftest import EXAMPLE_SITE
from tests.queue_engine.helpers import StateWatch


@pytest.fixture
def watch(client_factory: Callable[[str, str], MqttClient], site_config: SiteConfig
          ) -> StateWatch:
    """A display-like observer of retained state and events."""
    c = client_factory("display", "watch-1")
    return StateWatch(c, site_config.site.id)


@pytest.fixture
def offline_config() -> SiteConfig:
    """The example site without a broker: for the pure domain tests."""
    return load_site(EXAMPLE_SITE)
