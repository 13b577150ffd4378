"""Boards wired to the real broker and engine from the shared fixtures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from civiq.config import SiteConfig
from display_board.app import DisplayApp


@pytest.fixture
def display_factory(qtbot, site_config: SiteConfig, tmp_path: Path
                    ) -> Iterator[Callable[..., DisplayApp]]:
    made: list[DisplayApp] = []

    def make(client_id: str = "display-1", *, size: tuple[int, int] = (1920, 1080),
             config: SiteConfig | None = None, **kw: object) -> DisplayApp:
        kw.setdefault("tts_engine", "mock")
        kw.setdefault("work_dir", tmp_path / f"sound-{client_id}-{len(made)}")
        app = DisplayApp(config or site_config, client_id, **kw)
        qtbot.addWidget(app.board)
        app.board.resize(*size)
        app.board.show()
        app.start()
        made.append(app)
        return app

    yield make
    for app in made:
        app.stop()
