"""Kiosks wired to the real broker and engine from the shared fixtures."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from civiq.config import Kiosk, PrinterSettings, SiteConfig
from kiosk.app import KioskApp
from printers.virtual import VirtualPrinter


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


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    """A virtual ESC/POS printer on loopback that records what it is sent."""
    with VirtualPrinter() as vp:
        yield vp


@pytest.fixture
def printing_config(site_config: SiteConfig, printer: VirtualPrinter) -> SiteConfig:
    """The site with kiosk-1 printing to :func:`printer`."""
    settings = PrinterSettings(backend="network", host=printer.host, port=printer.port,
                               timeout_s=1.0)
    return site_config.model_copy(update={"kiosks": [Kiosk(id="kiosk-1", printer=settings)]})
