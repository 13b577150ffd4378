"""The desk's words through Qt Linguist: every text of the code is in each .ts file and
translated, and the committed .qm files are the ones the .ts files build."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT

I18N = ROOT / "counter_client" / "i18n"
BIN = Path(ROOT / ".venv" / "bin")
LANGS = ("de", "en")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is not installed (it comes with PySide6)"
    return found


def _messages(ts: Path) -> dict[str, tuple[str | None, str | None]]:
    out = {}
    for m in ET.parse(ts).iter("message"):
        t = m.find("translation")
        out[m.findtext("source")] = (t.text, t.get("type"))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_is_translated_and_the_qm_is_current(tmp_path: Path, lang: str) -> None:
    ts = I18N / f"counter_{lang}.ts"
    # the code's texts, collected afresh: none missing from the committed file
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    subprocess.run([_tool("pyside6-lupdate"), str(ROOT / "counter_client" / "widgets.py"),
                    str(ROOT / "counter_client" / "app.py"), "-no-obsolete", "-ts",
                    str(fresh)], check=True, capture_output=True)
    committed, collected = _messages(ts), _messages(fresh)
    assert set(collected) == set(committed), "run: make translations"
    untranslated = [s for s, (text, kind) in committed.items() if not text or kind]
    assert not untranslated, f"{ts.name}: untranslated: {untranslated}"
    qm = tmp_path / f"counter_{lang}.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == (I18N / qm.name).read_bytes(), "run: make translations"


def test_a_german_desk_speaks_german(qtbot, engine, desk_factory) -> None:
    app = desk_factory("platz-1", lang="de")
    assert app.window.desk.buttons["call_next"].text() == "Nächste aufrufen\n[F1]"
    assert app.window.login.go.text() == "Anmelden und öffnen [Enter]"
    app.stop()  # its translator goes with it: the next desk may speak another language
