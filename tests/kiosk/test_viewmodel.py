"""The kiosk's view model and scanner without a window."""

from __future__ import annotations

from civiq.config import Kiosk, load_site
from kiosk.scanner import ScanBuffer
from kiosk.viewmodel import PER_PAGE, KioskViewModel, Screen, identity, wait_text
from tests.conftest import EXAMPLE_SITE


def many_services() -> KioskViewModel:
    cfg = load_site(EXAMPLE_SITE)
    base = cfg.services[0].model_dump()
    services = [{**base, "id": f"s{i}", "prefix": chr(ord("E") + i),
                 "names": {"de": f"Dienst {i}"}} for i in range(11)]
    cfg = load_site(EXAMPLE_SITE, services=[s.model_dump() for s in cfg.services] + services)
    vm = KioskViewModel(cfg, Kiosk(id="k"))
    vm.connected, vm.engine_online = True, True
    return vm


def test_more_than_eight_services_go_on_pages() -> None:
    vm = many_services()
    first = [c.id for c in vm.controls(None) if c.kind == "service"]
    assert len(first) == PER_PAGE and "more" in [c.id for c in vm.controls(None)]
    vm.tap("more", 1.0, None)
    second = [c.id for c in vm.controls(None) if c.kind == "service"]
    assert second and not set(first) & set(second)
    assert "prev_page" in [c.id for c in vm.controls(None)]
    assert len(first) + len(second) == len(vm.offered()) == 14


def test_waits_as_people_say_them() -> None:
    assert wait_text(identity, "en", 14.6) == "about 15 min."
    assert wait_text(identity, "en", 20, 12, 45) == "12–45 min."
    assert wait_text(identity, "en", None) == "no counter open at the moment"


def test_a_busy_kiosk_ignores_a_second_tap() -> None:
    vm = many_services()
    assert vm.tap("svc:ausweis", 1.0, None) is not None
    assert vm.screen is Screen.BUSY
    assert vm.tap("svc:ausweis", 1.1, None) is None  # never a second ticket
    assert vm.scanned("CQ1.x.y.z", 1.2) is None


def test_scanner_bursts_and_people() -> None:
    b = ScanBuffer()
    for i, ch in enumerate("CQ1.demo"):
        assert b.key(ch, 1.0 + i * 0.004)
    assert b.enter(1.04) == "CQ1.demo"
    for i, ch in enumerate("CQ1.demo"):
        b.key(ch, 2.0 + i * 0.15)  # typed by hand
    assert b.enter(3.3) is None


def test_headphones_are_told_by_the_output_the_audio_system_names() -> None:
    from kiosk.viewmodel import headphones_in

    assert headphones_in(["Built-in Audio Analog Stereo", "Headphones (USB Audio)"])
    assert headphones_in(["Kopfhörer"])
    assert not headphones_in(["Built-in Audio Analog Stereo", "HDMI / DisplayPort"])
    assert not headphones_in([])


def test_plugging_in_headphones_switches_speech_on() -> None:
    vm = KioskViewModel(load_site(EXAMPLE_SITE), Kiosk(id="k"))
    assert not vm.speech
    vm.set_headphones(True)
    assert vm.speech and vm.headphones


def test_a_new_window_size_changes_the_touch_targets_and_the_same_size_nothing() -> None:
    vm = KioskViewModel(load_site(EXAMPLE_SITE), Kiosk(id="k", screen_inches=24))
    vm.connected, vm.engine_online = True, True
    assert vm.resized(1080, 1920)
    big = vm.build(None, 0.0).min_target_px
    assert not vm.resized(1080, 1920)  # nothing to redraw
    assert vm.resized(540, 960)
    assert vm.build(None, 0.0).min_target_px < big
    assert vm.resized(0, 0) and vm.build(None, 0.0).min_target_px >= 1


def site_with(languages: list[str], **names: dict[str, str]):
    """The example site with these ``[site] languages`` and, per service id, these names."""
    cfg = load_site(EXAMPLE_SITE)
    services = [{**s.model_dump(), "names": names.get(s.id, s.names)} for s in cfg.services]
    return load_site(EXAMPLE_SITE, site={**cfg.site.model_dump(), "languages": languages},
                     services=services, display={"languages": languages[:1]})


def test_the_kiosk_offers_the_sites_languages_in_its_order_and_starts_in_the_first() -> None:
    # "xx": a language the kiosk has no words for is left out (the app logs it)
    vm = KioskViewModel(site_with(["tr", "de", "xx", "pl"]), Kiosk(id="k"))
    vm.connected, vm.engine_online = True, True
    langs = [(c.label, c.checked) for c in vm.build(None, 0.0).controls
             if c.kind == "language"]
    assert langs == [("Türkçe", True), ("Deutsch", False), ("Polski", False)]
    assert vm.build(None, 0.0).language == "tr"
    vm.tap("lang:en", 1.0, None)  # not one of this site's: nothing changes
    assert vm.language == "tr"
    vm.tap("lang:pl", 1.0, None)
    assert vm.language == "pl"
    assert vm.tick(1.0 + 61)  # the next citizen starts in the site's first language
    assert vm.language == "tr" and vm.screen is Screen.START


def test_a_site_in_languages_the_kiosk_has_no_words_for_shows_english() -> None:
    vm = KioskViewModel(site_with(["xx"]), Kiosk(id="k"))
    assert vm.language == "en"
    assert [c.label for c in vm.build(None, 0.0).controls if c.kind == "language"] == [
        "English"]


def test_a_service_without_a_name_in_the_language_shows_english_then_the_sites_first() -> None:
    cfg = site_with(["tr", "de", "pl"], ausweis={"de": "Personalausweis", "en": "ID card",
                                                 "tr": "Kimlik"},
                    melde={"de": "Anmeldung", "tr": "Adres kaydı"})
    vm = KioskViewModel(cfg, Kiosk(id="k"))
    vm.connected, vm.engine_online = True, True
    vm.tap("lang:pl", 0.0, None)
    names = {c.id: c.label for c in vm.build(None, 0.0).controls if c.kind == "service"}
    # no Polish name: English; no English either: the site's first language (Turkish)
    assert names["svc:ausweis"] == "ID card" and names["svc:melde"] == "Adres kaydı"
