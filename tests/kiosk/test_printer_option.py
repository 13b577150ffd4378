"""``civiq kiosk --printer-host``: one kiosk's printer pointed elsewhere (set-up, the
demo's virtual printer), nothing else of the site changed."""

from __future__ import annotations

import pytest

from civiq.config import load_site
from kiosk.main import with_network_printer
from tests.conftest import EXAMPLE_SITE


def test_the_kiosk_prints_to_the_named_printer_and_keeps_its_other_settings() -> None:
    cfg = load_site(EXAMPLE_SITE)
    before = next(k for k in cfg.kiosks if k.id == "kiosk-1")
    out = with_network_printer(cfg, "kiosk-1", "127.0.0.1", 9911)
    mine = next(k for k in out.kiosks if k.id == "kiosk-1")
    assert (mine.printer.backend, mine.printer.host, mine.printer.port) == (
        "network", "127.0.0.1", 9911)
    assert mine.screen_inches == before.screen_inches
    assert mine.printer.profile == before.printer.profile
    assert out.site == cfg.site and out.services == cfg.services


def test_a_kiosk_without_an_entry_gets_one_and_a_bad_port_is_refused() -> None:
    cfg = load_site(EXAMPLE_SITE)
    out = with_network_printer(cfg, "kiosk-9", "10.0.0.5", 9100)
    assert {k.id for k in out.kiosks} == {"kiosk-1", "kiosk-9"}
    with pytest.raises(ValueError, match="--printer-port"):
        with_network_printer(cfg, "kiosk-1", "127.0.0.1", 70000)
