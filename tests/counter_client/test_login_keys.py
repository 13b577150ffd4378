"""The login form by the keyboard: one Enter is one login, and with a password directory
Enter in the staff-id field goes on to the password instead of logging in without one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_client.login import LoginRefused
from tests.counter_client.conftest import focused, press, type_text


class _Directory:
    """A password login as a directory would do it: the password must be right."""

    needs_password = True

    def __init__(self) -> None:
        self.checked: list[tuple[str, str | None]] = []

    def check(self, clerk: str, password: str | None) -> str:
        self.checked.append((clerk, password))
        if password != "secret":
            raise LoginRefused("wrong password")
        return clerk


def test_one_enter_logs_in_once(qtbot, engine, desk_factory) -> None:
    app = desk_factory("platz-1")
    logins: list[tuple] = []
    app.window.login.login.connect(lambda *a: logins.append(a))
    qtbot.waitUntil(lambda: app.desk.online, timeout=5000)
    app.window.login.clerk.setFocus()
    type_text(qtbot, app, "k.meier")
    press(qtbot, app, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.view is not None and app.view.status is not None
                    and app.view.status.value == "open" and app.view.busy is None,
                    timeout=5000)
    assert len(logins) == 1, logins


def test_enter_in_the_staff_id_goes_to_the_password(qtbot, engine, desk_factory) -> None:
    directory = _Directory()
    app = desk_factory("platz-1", login=directory)
    panel = app.window.login
    logins: list[tuple] = []
    panel.login.connect(lambda *a: logins.append(a))
    qtbot.waitUntil(lambda: app.desk.online, timeout=5000)
    assert panel.password.isVisible()
    panel.clerk.setFocus()
    type_text(qtbot, app, "k.meier")
    press(qtbot, app, Qt.Key.Key_Return)
    # nothing is submitted yet: the cursor is now in the password field
    assert logins == [] and directory.checked == []
    assert focused(app) is panel.password
    type_text(qtbot, app, "secret")
    press(qtbot, app, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.view is not None and app.view.status is not None
                    and app.view.status.value == "open" and app.view.busy is None,
                    timeout=5000)
    assert len(logins) == 1 and directory.checked == [("k.meier", "secret")]


def test_service_names_with_an_ampersand_read_whole_on_the_login_form(qtbot) -> None:
    from civiq.config import load_site
    from counter_client.widgets import LoginPanel
    from tests.conftest import EXAMPLE_SITE

    cfg = load_site(EXAMPLE_SITE)
    panel = LoginPanel(cfg, "Platz 1", ["ausweis"], False, "de")
    qtbot.addWidget(panel)
    panel.show()
    box = panel.services["ausweis"]
    # "&&" is how Qt shows one "&": the name reads whole, and no letter became a shortcut
    assert box.text() == "Personalausweis && Reisepass"
    assert box.shortcut().isEmpty()
    assert panel.services["melde"].text() == "An-, Um- && Abmeldung"
    assert panel.services["melde"].shortcut().isEmpty()
