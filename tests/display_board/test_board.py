"""The board against the real broker and engine: what a visitor in the hall sees and hears."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication

from broker_config.mosquitto import Mosquitto
from civiq.config import SiteConfig
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import NoticesState, TicketEvent, TicketInfo, TicketStatus
from civiq.transport.mqtt import MqttClient
from display_board.app import NOTICES_TOPIC, DisplayApp, without_waiting
from display_board.filters import parse_filter
from display_board.player import Played
from tests.conftest import TUESDAY_9

ROOT = Path(__file__).resolve().parents[2]


def shows(app: DisplayApp, number: str) -> bool:
    return app.board.hero.number.text() == number


def current(app: DisplayApp) -> bool:
    v = app.board.view
    return v is not None and not v.stale


def test_call_shows_highlights_and_announces(qtbot, engine, kiosk: MqttClient,
                                             counter: MqttClient, display_factory) -> None:
    board = display_factory()
    qtbot.waitUntil(lambda: current(board), timeout=5000)
    # the main language, and beside it the site's other languages in turn
    assert board.board.hero.counter.text().startswith("Noch kein Aufruf · ")
    counter.request("open_counter", {"counter": "platz-1"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    counter.request("call_next", {"counter": "platz-1"})
    qtbot.waitUntil(lambda: shows(board, "A 001"), timeout=3000)
    assert board.board.hero.counter.text() == "→ Platz 1"
    qtbot.waitUntil(lambda: board.board.view.highlight, timeout=1000)
    # the waiting count went down again: the board follows the engine's state
    qtbot.waitUntil(lambda: board.board.service_waiting[0].text() == "0", timeout=3000)

    assert board.player is not None and board.player.engine == "mock"
    # the chime, the call, and the call once more, as halls announce
    qtbot.waitUntil(lambda: len(board.player.history) >= 5, timeout=15_000)
    played: list[Played] = list(board.player.history)
    assert [p.kind for p in played] == ["chime", "tts", "tts", "tts", "tts"]
    assert 1.0 <= played[0].duration_s <= 2.0 and Path(played[0].wav).exists()
    assert [p.text for p in played[1:]] == ["Nummer A 001, bitte zu Platz 1",
                                            "Ticket A 001, please go to counter 1"] * 2


def test_recall_is_announced_again(qtbot, engine, kiosk, counter, display_factory,
                                   site_config: SiteConfig) -> None:
    quiet = site_config.model_copy(update={"display": site_config.display.model_copy(
        update={"chime": False, "languages": ["de"]})})
    board = display_factory(config=quiet)
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(2):
        kiosk.request("issue_ticket", {"service": "melde"})
    counter.request("call_next", {"counter": "platz-1"})
    qtbot.waitUntil(lambda: shows(board, "B 001"), timeout=3000)
    counter.request("recall", {"counter": "platz-1"})
    # the recall flashes again
    qtbot.waitUntil(lambda: board.board.view.newest is not None
                    and board.board.view.newest.recall == 1 and board.board.view.highlight,
                    timeout=3000)
    again = "Erneuter Aufruf: Nummer B 001, bitte zu Platz 1"
    qtbot.waitUntil(lambda: [p.text for p in board.player.history].count(again) == 2,
                    timeout=15_000)
    said = [p.text for p in board.player.history]
    # The first call once, or twice when it was said out before the recall came (a call
    # waiting by then takes its repeat's place); then the recall, twice.
    assert said in ([*["Nummer B 001, bitte zu Platz 1"] * n, again, again] for n in (1, 2))
    assert shows(board, "B 001")
    # the recalled ticket is listed once, not twice
    counter.request("call_next", {"counter": "platz-1"})
    qtbot.waitUntil(lambda: shows(board, "B 002"), timeout=3000)
    qtbot.waitUntil(lambda: [r.number for r in board.board.view.recent] == ["B 001"],
                    timeout=1000)


def test_restart_mid_day_redraws_from_retained_state_within_a_second(
        qtbot, engine, kiosk, counter, display_factory) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(4):
        kiosk.request("issue_ticket", {"service": "ausweis"})
    for _ in range(3):
        counter.request("call_next", {"counter": "platz-1"})
    first = display_factory("display-1")
    qtbot.waitUntil(lambda: shows(first, "A 003"), timeout=3000)
    first.stop()
    first.board.close()

    t0 = time.monotonic()
    again = display_factory("display-1", sound=True)
    qtbot.waitUntil(lambda: shows(again, "A 003") and current(again), timeout=1000)
    elapsed = time.monotonic() - t0
    assert elapsed < 1.0
    view = again.board.view
    assert [r.number for r in view.recent] == ["A 002", "A 001"]
    assert view.services[0].waiting == 1
    assert not view.highlight and len(again.player.history) == 0  # old calls: no fanfare


def test_engine_offline_marks_stale_keeps_calls_and_recovers(
        qtbot, engine_factory, kiosk, counter, display_factory) -> None:
    engine = engine_factory()
    board = display_factory()
    counter.request("open_counter", {"counter": "platz-2"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    counter.request("call_next", {"counter": "platz-2"})
    qtbot.waitUntil(lambda: shows(board, "A 001") and current(board), timeout=3000)

    engine.stop()
    qtbot.waitUntil(lambda: not board.board.status.isHidden(), timeout=3000)
    assert board.board.status.text() == "Anzeige nicht aktuell · Display not up to date"
    assert shows(board, "A 001") and board.board.view.stale

    engine_factory()  # same database: the day goes on
    qtbot.waitUntil(lambda: board.board.status.isHidden(), timeout=5000)
    kiosk.request("issue_ticket", {"service": "ausweis"})
    counter.request("call_next", {"counter": "platz-2"})
    qtbot.waitUntil(lambda: shows(board, "A 002"), timeout=3000)


def test_broker_lost_marks_stale_and_reconnects(qtbot, engine, broker: Mosquitto,
                                                display_factory) -> None:
    board = display_factory(sound=False)
    qtbot.waitUntil(lambda: current(board), timeout=5000)
    broker.stop()
    qtbot.waitUntil(lambda: not board.board.status.isHidden(), timeout=5000)
    assert board.board.status.text().startswith("Keine Verbindung · No connection")
    # the last call stays, greyed and headed as old, not as the call of this moment
    assert board.board.hero.mode in ("old", "idle")
    # the band pushes the board down; it never covers the calls
    b = board.board
    qtbot.waitUntil(lambda: b.status.geometry().bottom() < b.hero.mapTo(b, QPoint(0, 0)).y(),
                    timeout=1000)
    broker.start()
    qtbot.waitUntil(lambda: current(board), timeout=15_000)
    assert board.board.status.isHidden()


def test_filters_show_only_this_floor(qtbot, engine, kiosk, client_factory, display_factory,
                                      site_config: SiteConfig) -> None:
    floor = display_factory(board_filter=parse_filter(None, "1-2", site_config), sound=False)
    everything = display_factory("display-2", sound=False)
    c1, c3 = client_factory("counter", "platz-1"), client_factory("counter", "platz-3")
    c1.request("open_counter", {"counter": "platz-1"})
    c3.request("open_counter", {"counter": "platz-3"})
    kiosk.request("issue_ticket", {"service": "melde"})
    kiosk.request("issue_ticket", {"service": "melde"})
    c1.request("call_next", {"counter": "platz-1"})
    qtbot.waitUntil(lambda: shows(floor, "B 001"), timeout=3000)
    c3.request("call_next", {"counter": "platz-3"})
    qtbot.waitUntil(lambda: shows(everything, "B 002"), timeout=3000)
    assert shows(floor, "B 001") and floor.board.view.recent == ()

    svc = display_factory("display-3", board_filter=parse_filter("B", None, site_config),
                          sound=False)
    qtbot.waitUntil(lambda: shows(svc, "B 002"), timeout=3000)
    names = [lab.top.text() for lab in svc.board.service_names if lab.top.text()]
    assert len(names) == 1 and names[0] in site_config.service("melde").names.values()


def test_stale_and_repeated_messages_are_ignored(qtbot, engine, kiosk, counter,
                                                 client_factory, display_factory) -> None:
    board = display_factory(sound=False)
    counter.request("open_counter", {"counter": "platz-1"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    counter.request("call_next", {"counter": "platz-1"})
    qtbot.waitUntil(lambda: shows(board, "A 001"), timeout=3000)
    # An old ``called`` event (seq 5) arrives late, twice: the board does not go back.
    t = TicketInfo(number="Z999", service="ausweis", status=TicketStatus.CALLED,
                   arrival=TUESDAY_9, issued_at=TUESDAY_9, counter="platz-4",
                   called_at=TUESDAY_9)
    old = env.encode(env.make(engine.site, "called", TicketEvent(
        ticket=t, counter="platz-4", counter_name="Platz 4"), seq=5))
    rogue = client_factory("engine", "replayer")
    dropped = board.model.dropped
    for _ in range(2):
        rogue.publish(topics.event(engine.site, "called"), old)
    qtbot.waitUntil(lambda: board.model.dropped >= dropped + 2, timeout=3000)
    assert shows(board, "A 001")
    assert all(r.number != "Z 999" for r in board.board.view.recent)


def test_central_notice_reaches_the_ticker(qtbot, engine, client_factory,
                                           display_factory) -> None:
    board = display_factory(sound=False)
    central = client_factory("central", "central-1")
    body = NoticesState(notices=[{"text": {"de": "Ausweis: in Eimsbüttel nur 5 Min.",
                                           "en": "ID cards: 5 min at Eimsbüttel"},
                                  "sites": [engine.site]}])
    central.publish(NOTICES_TOPIC, env.encode(env.make("central", "notices", body)), retain=True)
    qtbot.waitUntil(lambda: board.board.view is not None and any(
        "Eimsbüttel" in n for n in board.board.view.notices), timeout=3000)
    central.publish(NOTICES_TOPIC, b"", retain=True)


def test_espeak_renders_a_wav_of_plausible_length(qtbot, engine, kiosk, counter,
                                                  display_factory, site_config) -> None:
    quiet = site_config.model_copy(update={"display": site_config.display.model_copy(
        update={"chime": False})})
    board = display_factory(config=quiet, tts_engine="espeak")
    counter.request("open_counter", {"counter": "platz-5"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    counter.request("call_next", {"counter": "platz-5"})
    qtbot.waitUntil(lambda: len(board.player.history) >= 1, timeout=10_000)
    de = board.player.history[0]
    assert de.kind == "wav" and de.language == "de"
    assert de.text == "Nummer A 001, bitte zu Platz 5"
    assert Path(de.wav).exists() and 1.5 <= de.duration_s <= 8.0


def test_muted_board_shows_but_stays_silent(qtbot, engine, kiosk, counter,
                                            display_factory) -> None:
    board = display_factory(mute=True)
    counter.request("open_counter", {"counter": "platz-1"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    with qtbot.waitSignal(board.call_announced, timeout=3000):
        counter.request("call_next", {"counter": "platz-1"})
    assert shows(board, "A 001") and len(board.player.history) == 0
    assert len(board.player.queue) == 0


def test_cli_runs_the_board_and_reports_its_status(qtbot, broker: Mosquitto, engine,
                                                   client_factory, tmp_path: Path) -> None:
    seen: list[dict] = []
    watcher = client_factory("operator", "watcher")
    watcher.route(topics.device_status(engine.site, "hall-2"),
                  lambda _t, p, _pr: seen.append(json.loads(p)["data"]) if p else None)
    bad = subprocess.run(
        [sys.executable, "-m", "civiq", "display", "--site", str(ROOT / "sites" /
         "hamburg-wandsbek.toml"), "--counters", "40-42"], capture_output=True, text=True,
        timeout=30)
    assert bad.returncode == 2 and "no counter numbered 40-42" in bad.stderr
    temp = tmp_path / "tmp"  # the board's own temporary folder goes in here
    temp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "civiq", "display", "--site",
         str(ROOT / "sites" / "hamburg-wandsbek.toml"), "--broker-port", str(broker.port),
         "--id", "hall-2", "--mute", "--portrait", "--quit-after", "2.5"],
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: any(s["online"] for s in seen), timeout=10_000)
        made = [p.name for p in temp.glob("civiq-display-*")]
        assert len(made) == 1 and (temp / made[0] / "chime.wav").is_file()
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    # gone with the board: a board restarted again and again leaves nothing behind
    assert list(temp.glob("civiq-display-*")) == []
    qtbot.waitUntil(lambda: not seen[-1]["online"], timeout=3000)
    online = next(s for s in seen if s["online"])
    assert online["role"] == "display" and online["detail"]["muted"] is True


def test_the_boards_sound_folder_goes_when_it_stops(qtbot, display_factory) -> None:
    board = display_factory(work_dir=None)  # its own temporary folder, as `civiq display`
    folder = board.player.work_dir
    assert folder.name.startswith("civiq-display-") and (folder / "chime.wav").is_file()
    board.stop()
    assert not folder.exists()
    board.stop()  # again (the fixture stops it too): nothing left to do


def test_the_example_board_is_legible_at_its_distance_in_every_language(qtbot) -> None:
    """The example site's board on the assumed 55-inch panel, 1920x1080 and turned to
    1080x1920 (and back: the board re-arranges on a resize): every text of the service
    table, every heading, the header's date, name and clock and the counter's second
    line at least the legible size for its viewing distance, whichever language's turn
    it is; the three column headings at one size; and no "too small" band."""
    from civiq.config import load_site
    from civiq.protocol.models import ServiceState
    from civiq.transport.state import SiteStateModel
    from display_board.viewmodel import LANGUAGE_PERIOD_S, BoardViewModel
    from display_board.widgets import BoardWidget
    from tests.conftest import EXAMPLE_SITE
    from tests.display_board.test_viewmodel import call, feed_state

    cfg = load_site(EXAMPLE_SITE)
    model = SiteStateModel(cfg.site.id)
    feed_state(model, [call(f"A{i:03d}", minute=i) for i in range(12, 4, -1)], services=[
        ServiceState(id="ausweis", waiting=17, eta_min=50.0, eta_p10_min=40.0,
                     eta_p90_min=65.0, open_counters=2),
        ServiceState(id="melde", waiting=9, eta_min=40.0, open_counters=2),
        ServiceState(id="fuehrerschein", waiting=0, eta_min=None, open_counters=1),
        ServiceState(id="abholung", waiting=3, eta_min=0.5, open_counters=1)])
    vm = BoardViewModel(cfg)
    vm.set_connected(True)
    board = BoardWidget(vm.row_count, vm.service_count)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitExposed(board)
    for size in ((1920, 1080), (1080, 1920), (1920, 1080)):
        board.resize(*size)
        qtbot.waitUntil(lambda s=size: (board.width(), board.height()) == s)
        board.show_view(vm.build(model.snapshot, TUESDAY_9, 0.0, size))
        # the table runs across the board's width, below the calls
        qtbot.waitUntil(lambda: board.services_box.width() > 0.9 * board.width())
        bottom = max(_top(board, w) + w.height() for w in (board.hero, board.recent_box))
        assert _top(board, board.services_box) >= bottom
        portrait = size[1] > size[0]
        # portrait: each service's name over its count and wait; landscape: one line
        name, count = board.service_names[0].top, board.service_waiting[0]
        qtbot.waitUntil(lambda n=name, c=count, p=portrait:
                        (_top(board, c) >= _top(board, n) + n.height()) == p
                        and (abs(_top(board, c) - _top(board, n)) < 5) != p)
        seen = set()
        for turn in range(2 * len(vm.languages)):
            view = vm.build(model.snapshot, TUESDAY_9, turn * LANGUAGE_PERIOD_S + 0.5, size)
            board.show_view(view)
            legible = view.typography.legible_px
            assert view.typography.shortfalls == [] and not board.setup_note.isVisible()
            table = ([two.top for two in board.service_names + board.service_wait]
                     + board.service_waiting)
            seen.add(table[0].text())
            heads = [two.top for two in board.headings]
            texts = [*table, *heads, board.recent_heading, board.hero.heading,
                     board.hero.counter, board.hero.counter_alt, board.site_name,
                     board.date, board.clock, *board.recent_numbers, *board.recent_counters]
            small = [(lab.text(), lab.shown_px()) for lab in texts
                     if lab.text() and lab.shown_px() < legible]
            assert small == [], f"{size}: below {legible} px"
            assert len({h.shown_px() for h in heads}) == 1, \
                [(h.text(), h.shown_px()) for h in heads]
            assert board.date.text() and board.recent_heading.text()
            assert board.hero.counter_alt.text() or view.language == "de"
        assert "Удостоверение личности и паспорт" in seen and len(seen) == 6  # every language


def test_board_ignores_the_waiting_list_it_never_shows() -> None:
    payload = json.dumps({"v": 1, "site": "x", "seq": 3, "ts": "2026-11-24T08:00:00Z",
                          "type": "queue", "data": {"waiting": [{"number": "A001"}],
                                                    "services": []}}).encode()
    assert json.loads(without_waiting(payload))["data"] == {"waiting": [], "services": []}
    for odd in (b"{broken", b"[1, 2]", b'{"data": 5}'):
        assert without_waiting(odd) == odd  # the state model refuses and logs it


def _calls(kiosk: MqttClient, counter: MqttClient, n: int) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(n):
        kiosk.request("issue_ticket", {"service": "melde"})
    for _ in range(n):
        counter.request("call_next", {"counter": "platz-1"})


def _top(board, widget) -> int:
    return widget.mapTo(board, QPoint(0, 0)).y()


def test_stale_board_greys_the_last_call(qtbot, engine, kiosk, counter, broker: Mosquitto,
                                         display_factory) -> None:
    board = display_factory(sound=False)
    _calls(kiosk, counter, 1)
    qtbot.waitUntil(lambda: shows(board, "B 001") and current(board), timeout=3000)
    assert board.board.hero.mode in ("flash", "newest")
    broker.stop()
    qtbot.waitUntil(lambda: board.board.hero.mode == "old", timeout=5000)
    # one language at a time (both would not fit the panel legibly), at a legible size
    heading = board.board.hero.heading
    assert heading.text() in {board.vm.texts.get(lang, "last") for lang in board.vm.languages}
    assert heading.shown_px() >= board.board.view.typography.legible_px
    assert shows(board, "B 001")
    broker.start()
    qtbot.waitUntil(lambda: current(board), timeout=15_000)
    qtbot.waitUntil(lambda: board.board.hero.mode == "newest", timeout=5000)


@pytest.mark.parametrize("inches", [24, 14])
def test_default_window_shows_every_recent_call_filling_the_column(
        qtbot, engine, kiosk, counter, display_factory, inches: int) -> None:
    """What `civiq display` opens (1920x1080) on a desktop monitor and on a laptop."""
    board = display_factory(sound=False, screen_inches=inches)
    _calls(kiosk, counter, 7)
    qtbot.waitUntil(lambda: shows(board, "B 007") and len(board.board.view.recent) == 6,
                    timeout=5000)
    qtbot.waitUntil(lambda: board.board.recent_numbers[-1].text() == "B 001", timeout=1000)
    b = board.board
    assert [n.text() for n in b.recent_numbers] == [f"B 00{i}" for i in range(6, 0, -1)]
    assert all(n.isVisible() and n.shown_px() == b.recent_numbers[0].shown_px()
               for n in b.recent_numbers)
    # the rows reach down to the bottom of their column: no empty band below them
    box_bottom = _top(b, b.recent_box) + b.recent_box.height()
    last = b.recent_numbers[-1]
    assert box_bottom - (_top(b, last) + last.height()) < 0.08 * b.recent_box.height()
    # a row's text is as large as the row allows
    assert last.shown_px() * 1.1 >= last.height() * 0.7
    note = b.setup_note
    if inches == 14:  # 5 m is too far for a 14-inch screen: said on the screen
        assert note.isVisible() and "Zu klein für 5 m" in note.text()
    # the waits stand on the service names' line, at their size
    for name, waiting, wait in zip(b.service_names, b.service_waiting, b.service_wait,
                                   strict=True):
        assert name.top.shown_px() == waiting.shown_px() == wait.top.shown_px()
        assert _top(b, name.top) == _top(b, waiting) == _top(b, wait.top)
        assert name.top.height() == waiting.height() == wait.top.height()


def test_a_window_smaller_than_its_screen_is_scaled_on_both_sides(
        qtbot, monkeypatch, display_factory) -> None:
    """A 24-inch 16:9 screen (531 x 299 mm); the window covers half its long side: the
    board is half the screen's size both ways, the screen's shape kept."""
    # the offscreen platform is not a real screen: say it is, its 800 px stay
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    board = display_factory(sound=False, screen_inches=24, size=(400, 225))
    screen_long = max(board.board.screen().geometry().width(),
                      board.board.screen().geometry().height())
    share = max(board.board.width(), board.board.height()) / screen_long
    assert 0 < share < 1
    diag_mm = 24 * 25.4
    long_mm, short_mm = board._physical_mm()
    assert long_mm == pytest.approx(diag_mm * 16 / 18.358 * share)
    assert short_mm == pytest.approx(diag_mm * 9 / 18.358 * share)


def test_counters_layout_shows_each_open_counters_number(
        qtbot, engine, kiosk, client_factory, display_factory) -> None:
    board = display_factory(sound=False, layout="counters")
    c1, c3 = client_factory("counter", "platz-1"), client_factory("counter", "platz-3")
    c1.request("open_counter", {"counter": "platz-1"})
    c3.request("open_counter", {"counter": "platz-3"})
    for _ in range(2):
        kiosk.request("issue_ticket", {"service": "ausweis"})
    c1.request("call_next", {"counter": "platz-1"})
    qtbot.waitUntil(lambda: shows(board, "A 001"), timeout=3000)

    def column() -> list[tuple[str, str]]:
        return [(c.text(), n.text()) for c, n in zip(board.board.recent_counters,
                                                     board.board.recent_numbers, strict=True)
                if c.text()]

    qtbot.waitUntil(lambda: column() == [("Platz 1", "A 001"), ("Platz 3", "–")],
                    timeout=3000)
    assert board.board.recent_heading.text().startswith("Plätze · ")
    c3.request("call_next", {"counter": "platz-3"})
    qtbot.waitUntil(lambda: column() == [("Platz 1", "A 001"), ("Platz 3", "A 002")],
                    timeout=3000)


def test_a_second_board_with_the_same_id_takes_over_and_the_first_says_it_is_off(
        qtbot, engine, kiosk, counter, display_factory) -> None:
    # Two boards both started as display-1 pushed each other off the broker for ever,
    # each missing calls meanwhile. The first now stays off and says so on its band.
    first = display_factory(sound=False)
    qtbot.waitUntil(lambda: current(first), timeout=5000)
    second = display_factory(sound=False)
    qtbot.waitUntil(lambda: first.vm.taken_over, timeout=20000)
    qtbot.waitUntil(lambda: not first.board.status.isHidden(), timeout=3000)
    assert first.board.status.text() == ("Aus: eine andere Anzeige mit dieser Kennung ist "
                                         "verbunden · Off: another display with this id is "
                                         "connected")
    # The second has the connection and keeps it: it shows the next call.
    counter.request("open_counter", {"counter": "platz-2"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    counter.request("call_next", {"counter": "platz-2"})
    qtbot.waitUntil(lambda: shows(second, "A 001"), timeout=5000)
    assert second.board.status.isHidden() and not second.vm.taken_over
    assert not shows(first, "A 001") and not first.board.status.isHidden()
