"""A secured site broker for the security tests: the generated configuration (users,
access list by role, a TLS listener), run by a real Mosquitto."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from civiq.config import SiteConfig
from tests.broker_config.secured import SecuredSite, make_site


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from broker_config.certs import make_test_certificates

    return make_test_certificates(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def secured(tmp_path: Path, pki: Path) -> Iterator[SecuredSite]:
    site = make_site(tmp_path, pki)
    try:
        yield site
    finally:
        site.cleanup()


@pytest.fixture
def secured_config(secured: SecuredSite, tmp_path: Path) -> Callable[..., SiteConfig]:
    return secured.config
