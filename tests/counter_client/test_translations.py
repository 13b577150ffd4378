"""The desk's words through Qt Linguist: every text of the code is in each .ts file and
translated, and the committed .qm files are the ones the .ts files build."""

from __future__ import annotations

import itertools
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


_SEQ = itertools.count(11)


def _show_counter(app, **counter: object) -> None:
    """Draw ``app``'s desk for platz-1 in this state (as the engine's state would)."""
    from civiq.protocol import envelope as env
    from civiq.protocol import topics
    from civiq.protocol.models import CounterState, EngineState, QueueState
    from tests.conftest import TUESDAY_9

    site = app.site
    app.desk.state.clerk, app.desk.state.connected = "k.meier", True
    app.desk.apply(topics.state_engine(site), env.encode(env.make(
        site, "engine", EngineState(online=True), seq=0, ts=TUESDAY_9)))
    state = CounterState(id="platz-1", name="Platz 1", services=["ausweis"], **counter)
    q = QueueState(day="2026-11-24", services=[], waiting=[], counters=[state])
    app.desk.apply(topics.state_queue(site), env.encode(env.make(
        site, "queue", q, seq=next(_SEQ), ts=TUESDAY_9)))
    app.window.desk.show_view(app.desk.build(TUESDAY_9))


def test_a_german_desk_writes_numbers_and_its_pause_in_german(qtbot, qapp) -> None:
    from civiq.config import load_site
    from civiq.protocol.models import CounterStatus
    from counter_client.app import CounterApp
    from tests.conftest import EXAMPLE_SITE

    app = CounterApp(load_site(EXAMPLE_SITE), "platz-1", lang="de")
    qtbot.addWidget(app.window)
    try:
        desk = app.window.desk
        _show_counter(app, status=CounterStatus.OPEN, served_today=2, handling_avg_min=4.5)
        assert desk.figures.text() == "Heute bedient: 2 · Durchschnitt: 4,5 Min."
        _show_counter(app, status=CounterStatus.PAUSED, pause_reason="break")
        assert desk.counter_status.text() == "in Pause"  # not "in Pause — Pause"
        _show_counter(app, status=CounterStatus.PAUSED, pause_reason="phone")
        assert desk.counter_status.text() == "in Pause — Telefon"
    finally:
        app.stop()


@pytest.mark.parametrize("lang", ["xx", "tr"])
def test_a_desk_without_words_in_its_language_says_so_and_speaks_english(
        qtbot, qapp, caplog, lang: str) -> None:
    import logging

    from civiq.config import load_site
    from civiq.protocol.models import CounterStatus
    from counter_client.app import CounterApp
    from tests.conftest import EXAMPLE_SITE

    cfg = load_site(EXAMPLE_SITE)
    if lang == "tr":  # a site whose first language the desk has no words for, no --lang
        cfg = load_site(EXAMPLE_SITE, site={**cfg.site.model_dump(),
                                            "languages": ["tr", "de", "en"]},
                        display={"languages": ["tr"]})
    with caplog.at_level(logging.WARNING, logger="counter_client.app"):
        app = CounterApp(cfg, "platz-1", lang=lang if lang == "xx" else None)
    qtbot.addWidget(app.window)
    try:
        assert [r.getMessage() for r in caplog.records] == [
            f"counter desk: no translation for language '{lang}' (no "
            f"counter_client/i18n/counter_{lang}.qm); the desk speaks English"]
        assert app.window.login.go.text() == "Log in and open [Enter]"
        _show_counter(app, status=CounterStatus.OPEN, served_today=1, handling_avg_min=4.5)
        # English words, English numbers
        assert app.window.desk.figures.text() == "Served today: 1 · average: 4.5 min"
    finally:
        app.stop()
