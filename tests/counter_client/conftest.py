"""Counter desks wired to the real broker and engine from the shared fixtures, driven by
the keyboard as a clerk does."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from civiq.config import SiteConfig
from counter_client.app import CounterApp


@pytest.fixture
def desk_factory(qtbot, site_config: SiteConfig, clock) -> Iterator[Callable[..., CounterApp]]:
    made: list[CounterApp] = []

    def make(counter: str = "platz-1", *, config: SiteConfig | None = None,
             **kw: object) -> CounterApp:
        kw.setdefault("clock", clock)
        kw.setdefault("lang", "en")
        app = CounterApp(config or site_config, counter, **kw)
        qtbot.addWidget(app.window)
        app.window.resize(1280, 800)
        app.window.show()
        app.start()
        made.append(app)
        return app

    yield make
    for app in made:
        app.stop()


def focused(app: CounterApp) -> QWidget:
    """Where a key goes: the widget with the keyboard focus in the desk's window."""
    return app.window.focusWidget() or app.window.desk


def press(qtbot, app: CounterApp, key: Qt.Key) -> None:
    qtbot.keyClick(focused(app), key)


def type_text(qtbot, app: CounterApp, text: str) -> None:
    qtbot.keyClicks(focused(app), text)


def log_in(qtbot, app: CounterApp, clerk: str = "k.meier") -> None:
    """Type the staff id and press Enter; wait until the counter is open."""
    qtbot.waitUntil(lambda: app.desk.online, timeout=5000)
    app.window.login.clerk.setFocus()
    type_text(qtbot, app, clerk)
    press(qtbot, app, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.view is not None and app.view.status is not None
                    and app.view.status.value == "open" and app.view.busy is None,
                    timeout=5000)


def shows(app: CounterApp, number: str) -> bool:
    return app.window.desk.number.text() == number


def idle(app: CounterApp) -> bool:
    return app.view is not None and app.view.busy is None
