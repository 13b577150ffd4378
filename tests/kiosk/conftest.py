"""Kiosks wired to the real broker and engine from the shared fixtures."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from civiq.config import SiteConfig
from kiosk.app import KioskApp


@pytest.fixture
def kiosk_factory(qtbot, site_config: SiteConfig, clock) -> Iterator[Callable[..., KioskApp]]:
    made: list[KioskApp] = []

    def make(kiosk_id: str = "kiosk-1", *, size: tuple[int, int] = (1080, 1920),
             config: SiteConfig | None = None, **kw: object) -> KioskApp:
        kw.setdefault("tts_engine", "mock")
        kw.setdefault("clock", clock)
        app = KioskApp(config or site_config, kiosk_id, **kw)
        qtbot.addWidget(app.window)
        app.window.allow_close = True
        app.window.resize(*size)
        app.window.show()
        app.start()
        made.append(app)
        return app

    yield make
    for app in made:
        app.stop()
