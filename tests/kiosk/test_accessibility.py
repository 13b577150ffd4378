"""EN 301 549 (clauses 5, 8, 11) where a test can tell: speech mode by keypad alone,
spoken prompts and tickets, timeouts announced and extended, contrast, touch targets,
no colour-only cues, kiosk mode."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from civiq.clock import ManualClock
from civiq.config import Kiosk, load_site
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import Recommendation, RecommendationsState
from kiosk.theme import HIGH_CONTRAST, NORMAL, contrast
from kiosk.viewmodel import (
    IDLE_S,
    TICKET_S,
    WARN_S,
    Key,
    KioskViewModel,
    Screen,
    min_target_px,
)
from tests.conftest import EXAMPLE_SITE
from tests.kiosk.helpers import keypad, screen, tap


def said(k) -> list[str]:
    return [text for _lang, text in k.speech.history]


def test_keypad_alone_takes_a_ticket_in_speech_mode(qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    keypad(k, Qt.Key.Key_Enter)  # the marked start key
    assert k.vm.speech and "Sprachausgabe an. Die Tasten" in said(k)[-1]
    assert "Bitte wählen Sie ein Anliegen" in said(k)[-1]
    keypad(k, Qt.Key.Key_8, "8")  # next control
    assert said(k)[-1].startswith("An-, Um- & Abmeldung.")  # its name, and its wait
    assert k.window.view.focus == "svc:melde"
    assert k.window.buttons["svc:melde"].text().startswith("▶")  # shown, not only coloured
    assert k.window.caption.text().endswith(said(k)[-1])  # what is spoken is on screen
    keypad(k, Qt.Key.Key_8, "8", auto_repeat=True)  # a held key is one press
    assert k.window.view.focus == "svc:melde"
    keypad(k, Qt.Key.Key_0, "0")
    assert said(k)[-1].startswith("Hilfe.")
    keypad(k, Qt.Key.Key_Period, ".")
    assert said(k)[-1].startswith("Hilfe.")  # Repeat
    keypad(k, Qt.Key.Key_Plus, "+")
    assert said(k)[-1] == "Lautstärke 4" and k.vm.volume == 3
    keypad(k, Qt.Key.Key_2, "2")
    keypad(k, Qt.Key.Key_5, "5")  # select: the first service
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    qtbot.waitUntil(lambda: "Ihre Nummer ist A 0 0 1" in said(k)[-1], timeout=2000)
    assert "Personalausweis & Reisepass" in said(k)[-1]
    assert "Wartezeit" in said(k)[-1]
    # the next citizen starts with the usual volume
    keypad(k, Qt.Key.Key_5, "5")
    qtbot.waitUntil(lambda: screen(k) is Screen.START and k.vm.volume == 2, timeout=2000)


def test_every_control_is_reachable_and_languages_switch_by_key(qtbot, engine,
                                                               kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    keypad(k, Qt.Key.Key_Enter)
    seen = set()
    for _ in range(len(k.window.view.controls)):
        keypad(k, Qt.Key.Key_6, "6")
        seen.add(k.window.view.focus)
    assert seen == {c.id for c in k.window.view.controls}
    while k.window.view.focus != "lang:en":
        keypad(k, Qt.Key.Key_6, "6")
    keypad(k, Qt.Key.Key_5, "5")
    assert k.vm.language == "en" and k.window.title.text() == "Please choose a service"
    assert said(k)[-1].startswith("No voice for this language") is False


def test_no_voice_for_a_language_is_said_plainly_and_speech_goes_on_in_english(
        qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory()
    k.vm.voices = frozenset({"en"})  # a kiosk whose only voice is English
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    keypad(k, Qt.Key.Key_Enter)
    first = said(k)[0]
    # Said once, in the language speech goes on in; then the screen's words in English,
    # which that voice can read. The screen stays German.
    assert first.startswith("No voice for this language is installed: speech continues "
                            "in English. Speech on.")
    assert "Please choose a service" in first and "ID card & passport" in first
    assert k.window.title.text() == "Bitte wählen Sie ein Anliegen"
    keypad(k, Qt.Key.Key_0, "0")  # help
    assert said(k)[-1].startswith("Help. Keys 2 and 4 go back")
    assert not said(k)[-1].startswith("No voice")  # once per language


def test_timeouts_are_announced_20s_ahead_and_extended_by_any_key() -> None:
    cfg = load_site(EXAMPLE_SITE)
    vm = KioskViewModel(cfg, Kiosk(id="kiosk-1"))
    vm.connected, vm.engine_online = True, True
    vm.tap("lang:en", 0.0, None)
    limit = IDLE_S[0]
    assert not vm.tick(limit - WARN_S - 1)
    assert vm.tick(limit - WARN_S)  # the warning begins
    v = vm.build(None, limit - WARN_S)
    assert v.countdown.startswith("Back to the start in 20 s.")
    vm.touch(limit - 5)  # any key or touch: more time
    assert not vm.tick(limit + 1) and vm.language == "en"
    assert vm.tick(2 * limit) and vm.language == "de"  # reset: the default language
    # longer in speech mode, and the ticket screen shows its countdown from the start
    assert TICKET_S[1] > TICKET_S[0] >= WARN_S and IDLE_S[1] > IDLE_S[0]


def test_high_contrast_theme_is_7_to_1_and_normal_4_5_to_1() -> None:
    for name, (fg, bg) in HIGH_CONTRAST.text_pairs().items():
        assert contrast(fg, bg) >= 7.0, name
    for name, (fg, bg) in NORMAL.text_pairs().items():
        assert contrast(fg, bg) >= 4.5, name


def test_touch_targets_are_15mm_on_the_configured_screen(qtbot, engine, kiosk_factory,
                                                         site_config) -> None:
    cfg = site_config.model_copy(update={"kiosks": [Kiosk(id="kiosk-1", screen_inches=24)]})
    k = kiosk_factory(config=cfg, size=(1080, 1920))
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    need = min_target_px((1080, 1920), 24)
    assert 54 <= need <= 56  # 15 mm at 92 px per inch (2203 px diagonal in 24 inches)
    for cid, b in k.window.buttons.items():
        assert b.height() >= need and b.width() >= need, cid


def test_touch_targets_and_text_follow_a_resized_window_at_once(qtbot, engine,
                                                                kiosk_factory,
                                                                site_config) -> None:
    cfg = site_config.model_copy(update={"kiosks": [Kiosk(id="kiosk-1", screen_inches=24)]})
    k = kiosk_factory(config=cfg, size=(1080, 1920))
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    k._timer.stop()  # no tick redraws from here: the resize alone must
    k._poll.stop()
    big = min_target_px((1080, 1920), 24)
    title_px = k.window.title.fontInfo().pixelSize()

    def targets(need: int) -> bool:
        shown = [k.window.buttons[c.id] for c in k.window.view.controls]
        return bool(shown) and all(need <= b.minimumHeight() and b.minimumWidth() == need
                                   for b in shown)

    small = min_target_px((540, 960), 24)
    assert small < big
    k.window.resize(540, 960)  # the same 24 inches showing half the pixels
    qtbot.waitUntil(lambda: targets(small), timeout=1000)
    assert k.window.title.fontInfo().pixelSize() < title_px
    k.window.resize(1080, 1920)
    qtbot.waitUntil(lambda: targets(big), timeout=1000)
    assert k.window.title.fontInfo().pixelSize() == title_px


def test_large_print_makes_text_larger_and_stopped_services_say_why(
        qtbot, engine, kiosk_factory, clock) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    before = k.window.title.fontInfo().pixelSize()
    tap(qtbot, k, "large")
    assert k.window.title.fontInfo().pixelSize() > before
    assert k.window.buttons["large"].text().startswith("✓")  # a mark, not a colour



def test_the_choices_that_share_a_row_share_a_letter_size(qtbot, engine,
                                                          kiosk_factory) -> None:
    """Assistance and the booking code stand side by side: neither looks like an aside,
    and each is read whole, also in the window `civiq demo` opens (720 x 1100)."""
    for size in ((1080, 1920), (720, 1100)):
        k = kiosk_factory(size=size)
        qtbot.waitUntil(lambda k=k: screen(k) is Screen.START, timeout=5000)
        assist, code = k.window.buttons["assist"], k.window.buttons["code"]
        assert assist.y() == code.y()
        assert assist.fontInfo().pixelSize() == code.fontInfo().pixelSize()
        assert k.window.buttons["large"].fontInfo().pixelSize() < code.fontInfo().pixelSize()
        for b in (assist, code):
            room = b.width() - 2 * (3 + 8)  # the style sheet's border and padding
            for line in b.text().splitlines():
                assert b.fontMetrics().horizontalAdvance(line) <= room, (size, line)
        k.stop()

def test_no_camera_no_camera_button(qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory(camera=None)  # QtMultimedia finds no camera on this machine
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    assert "camera" not in k.window.buttons
    k2 = kiosk_factory("kiosk-2", camera=True)
    qtbot.waitUntil(lambda: screen(k2) is Screen.START, timeout=5000)
    assert "camera" in k2.window.buttons


def test_kiosk_mode_has_no_way_out(qtbot, engine, kiosk_factory) -> None:
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    k.window.allow_close = False
    assert k.window.close() is False and k.window.isVisible()
    qtbot.keyClick(k.window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(k.window, Qt.Key.Key_Escape)
    assert k.window.isVisible()
    k.window.allow_close = True


def test_central_recommendation_shown_on_the_ticket(qtbot, engine, kiosk_factory,
                                                    client_factory, counter) -> None:
    central = client_factory("central", "central-1")
    rec = RecommendationsState(recommendations=[Recommendation(
        site="hh-wandsbek", service="ausweis", to_site="hh-altona",
        to_site_name="Kundenzentrum Altona", to_eta_min=5,
        until=datetime.now(UTC) + timedelta(hours=1))])
    central.publish(topics.central("recommendations"),
                    env.encode(env.make("central", "recommendations", rec)), retain=True)
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(8):
        counter.request("issue_ticket", {"service": "ausweis"})
    k = kiosk_factory()
    qtbot.waitUntil(lambda: screen(k) is Screen.START and bool(k.vm.recommendations),
                    timeout=5000)
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    assert "Kürzere Wartezeit in Kundenzentrum Altona: ca. 5 Min." in k.window.extra.text()
    central.publish(topics.central("recommendations"), b"", retain=True)


def test_a_recommendation_that_runs_out_after_it_came_leaves_later_tickets(
        qtbot, engine, kiosk_factory, client_factory, counter) -> None:
    kiosk_clock = ManualClock(datetime.now(UTC))
    until = kiosk_clock.now() + timedelta(minutes=30)
    central = client_factory("central", "central-1")
    rec = RecommendationsState(recommendations=[Recommendation(
        site="hh-wandsbek", service="ausweis", to_site="hh-altona",
        to_site_name="Kundenzentrum Altona", to_eta_min=5, until=until)])
    central.publish(topics.central("recommendations"),
                    env.encode(env.make("central", "recommendations", rec)), retain=True)
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(8):
        counter.request("issue_ticket", {"service": "ausweis"})
    k = kiosk_factory(clock=kiosk_clock)
    qtbot.waitUntil(lambda: screen(k) is Screen.START and bool(k.vm.recommendations),
                    timeout=5000)
    shorter = "Kürzere Wartezeit in Kundenzentrum Altona"
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    assert shorter in k.window.extra.text()  # current when it came, and at this ticket
    tap(qtbot, k, "done")
    qtbot.waitUntil(lambda: screen(k) is Screen.START, timeout=5000)
    kiosk_clock.set(until)  # no new message: it simply runs out
    tap(qtbot, k, "svc:ausweis")
    qtbot.waitUntil(lambda: screen(k) is Screen.TICKET, timeout=5000)
    assert k.window.number.text() == "A010"
    assert shorter not in k.window.extra.text()
    central.publish(topics.central("recommendations"), b"", retain=True)


def test_a_recommendation_counts_by_the_issue_time_on_the_kiosks_clock() -> None:
    from kiosk.app import _recommendations

    vm = KioskViewModel(load_site(EXAMPLE_SITE), Kiosk(id="kiosk-1"))
    vm.connected, vm.engine_online = True, True
    # the demo's --clock: a day long past by the wall clock, which plays no part
    issued = datetime(2020, 3, 3, 9, 0, tzinfo=UTC)
    rec = Recommendation(site="hh-wandsbek", service="ausweis", to_site="hh-altona",
                         to_site_name="Kundenzentrum Altona", to_eta_min=5,
                         until=issued + timedelta(minutes=30))
    vm.recommendations = _recommendations(env.encode(env.make(
        "central", "recommendations", RecommendationsState(recommendations=[rec]))))
    assert vm.recommendations == [rec]  # kept as they came, whatever the time

    def shown_at(wall: datetime) -> str | None:
        vm.ticket_issued({"ticket": {"number": "A001", "service": "ausweis"}, "ahead": 9,
                          "eta_min": 60}, 0.0, wall)
        return vm.shorter_elsewhere()

    assert shown_at(issued) == "Shorter wait at Kundenzentrum Altona: about 5 min."
    assert shown_at(issued + timedelta(minutes=29)) is not None
    assert shown_at(issued + timedelta(minutes=30)) is None  # until: no longer
    assert shown_at(issued + timedelta(hours=2)) is None
    # an until without an offset cannot be compared with any issue time: not kept
    naive = rec.model_copy(update={"until": datetime(2020, 3, 3, 9, 30)})
    assert _recommendations(env.encode(env.make(
        "central", "recommendations", RecommendationsState(recommendations=[naive])))) == []


def test_nothing_flashes() -> None:
    # The kiosk has no animation: its only timer redraws at 2 Hz without changing colours.
    from kiosk.app import TICK_MS

    assert TICK_MS >= 334
    assert Key.HELP in set(Key)
