"""The kiosk's translations: complete, current, and mirrored for right-to-left scripts."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from civiq.config import load_site
from kiosk import texts
from kiosk.translations import I18N, Translations
from kiosk.viewmodel import LANGUAGES
from tests.conftest import EXAMPLE_SITE

TRANSLATED = [code for code, _ in LANGUAGES if code != "en"]
SOURCES = {v for k, v in vars(texts).items() if k.isupper() and isinstance(v, str)
           and k != "CONTEXT"}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_ts_is_finished_and_covers_every_string(lang: str) -> None:
    root = ET.parse(I18N / f"kiosk_{lang}.ts").getroot()
    messages = list(root.iter("message"))
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") == "unfinished"
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []
    assert {m.findtext("source") for m in messages} == SOURCES
    for m in messages:  # every placeholder survives translation
        assert (set(re.findall(r"\{\w+\}", m.findtext("source")))
                == set(re.findall(r"\{\w+\}", m.findtext("translation")))), m.findtext("source")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_committed_qm_files_are_current(lang: str, tmp_path: Path) -> None:
    out = tmp_path / f"kiosk_{lang}.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(I18N / f"kiosk_{lang}.ts"), "-qm", str(out)],
                   check=True)
    assert out.read_bytes() == (I18N / f"kiosk_{lang}.qm").read_bytes(), \
        "run make kiosk-i18n and commit the .qm files"


def test_the_kiosk_speaks_each_language(qapp) -> None:
    tr = Translations()
    assert tr.missing == []
    assert tr("de", texts.WAIT_ABOUT).format(min=15) == "ca. 15 Min."
    assert tr("ar", texts.YOUR_NUMBER) == "رقمك"
    assert tr("fa", texts.OUT_TITLE) == "خارج از سرویس"


def test_every_service_is_named_in_every_kiosk_language() -> None:
    cfg = load_site(EXAMPLE_SITE)
    for svc in cfg.services:
        missing = [code for code, _ in LANGUAGES if code not in svc.names]
        assert missing == [], f"{svc.id}: no name in {missing}"


def test_the_window_shows_the_sites_languages_and_starts_in_the_first(qtbot) -> None:
    from civiq.config import Kiosk
    from kiosk.viewmodel import KioskViewModel
    from tests.kiosk.helpers import portrait_window
    from tests.kiosk.test_viewmodel import site_with

    vm = KioskViewModel(site_with(["tr", "de", "pl"], ausweis={"de": "Personalausweis",
                                                               "en": "ID card & passport"}),
                        Kiosk(id="kiosk-1"), Translations())
    vm.connected, vm.engine_online = True, True
    w = portrait_window(qtbot)
    w.show_view(vm.build(None, 0.0))
    langs = [b.text() for cid, b in w.buttons.items() if cid.startswith("lang:")]
    assert langs == ["✓ Türkçe", "Deutsch", "Polski"]
    assert w.title.text() == Translations()("tr", texts.CHOOSE) != texts.CHOOSE
    # what the app does with a tap: the view model decides, the window redraws
    w.tapped.connect(lambda cid: (vm.tap(cid, 1.0, None), w.show_view(vm.build(None, 1.0))))
    qtbot.mouseClick(w.buttons["lang:pl"], Qt.MouseButton.LeftButton)
    assert w.buttons["lang:pl"].text() == "✓ Polski"
    # no Polish name for this service: the English one, not the German ("&&" shows "&")
    assert w.buttons["svc:ausweis"].text() == "ID card && passport"
