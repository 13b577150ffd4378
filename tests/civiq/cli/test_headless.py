"""`pip install civiq` is a headless install: the engine, the simulator and every
non-Qt command run without PySide6, and a Qt app says which extra brings it."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.conftest import EXAMPLE_SITE, ROOT

#: Imported as a headless server would, with PySide6 made unimportable.
_NO_QT = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, _NoQt())
"""


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _NO_QT + code, *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_base_dependencies_do_not_pull_qt_and_the_apps_extra_does() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert not [d for d in project["dependencies"] if d.lower().startswith("pyside6")]
    assert any(d.startswith("PySide6-Essentials") for d in project["optional-dependencies"]["apps"])


def test_engine_simulator_and_commands_import_without_qt() -> None:
    r = _run("import queue_engine.service, queue_engine.main, simulator.main, civiq.cli.demo,"
             " civiq.cli.ticket, civiq.appointments.cli, broker_config.mosquitto;"
             " print('PySide6' in sys.modules)")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"


def test_a_qt_app_without_qt_names_the_extra_without_a_traceback() -> None:
    r = _run("from civiq.cli import main; raise SystemExit(main(['display', '--site', "
             f"'{EXAMPLE_SITE}']))")
    assert r.returncode == 2
    assert "pip install 'civiq[apps]'" in r.stderr
    assert "Traceback" not in r.stderr


def test_without_qt_no_qt_app_is_available_and_site_starts_none() -> None:
    """A Qt app's module loads without Qt (it imports Qt only when it runs), so civiq demo
    and civiq site ask whether Qt is there before they start one."""
    r = _run("from civiq.cli import available; from civiq.cli.site import devices;"
             " from civiq.config import load_site;"
             " print(available('display'), available('counter'), available('kiosk'),"
             " available('ticket'), available('simulate'));"
             f" print(devices(load_site({str(EXAMPLE_SITE)!r})))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["False False False True True", "{}"]
    lines = r.stderr.splitlines()
    assert len(lines) == 3, r.stderr
    assert all(line.startswith("civiq site: not starting ") and "civiq[apps]" in line
               for line in lines), r.stderr
