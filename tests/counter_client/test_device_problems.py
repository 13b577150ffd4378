"""The desk shows the site's device problems (a kiosk out of paper, a device offline)
from the devices' retained status: it appears when the kiosk reports it, goes when the
kiosk reports it cleared, and a desk started later still shows it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.protocol.models import DeviceStatus
from counter_client.desk import CounterDesk, DeviceRow
from printers.virtual import VirtualState
from tests.counter_client.conftest import log_in
from tests.kiosk.conftest import (  # noqa: F401  (fixtures)
    kiosk_factory,
    printer,
    printing_config,
)

SITE = "hh-wandsbek"
SHOTS = Path("/tmp/alerts3")


def status(online: bool, role: str = "kiosk", ts: datetime | None = None,
           **detail: object) -> bytes:
    body = DeviceStatus(online=online, role=role, version="t", detail=detail)
    return env.encode(env.make(SITE, "device_status", body, ts=ts))


def rows(desk: CounterDesk, now: datetime) -> tuple[DeviceRow, ...]:
    return desk.build(now).devices


# ----- the view model, without a window ------------------------------------------------
def test_a_printer_fault_comes_and_goes_with_the_kiosks_status(site_config) -> None:
    desk = CounterDesk(site_config, "platz-1")
    assert topics.device_statuses(SITE) in desk.topic_filters()
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    t = topics.device_status(SITE, "kiosk-1")
    assert desk.apply(t, status(True, printer="ok"), now) is False  # no problem, none shown
    assert desk.apply(t, status(True, printer="paper_out"), now)
    assert rows(desk, now) == (DeviceRow("kiosk-1", "kiosk", "printer_paper_out"),)
    assert desk.apply(t, status(True, printer="paper_out"), now) is False  # the same again
    assert desk.apply(t, status(True, printer="ok"), now)
    assert rows(desk, now) == ()
    # counters are not watched: a closed desk is no problem
    assert desk.apply(topics.device_status(SITE, "platz-2"),
                      status(False, role="counter"), now) is False
    # another site's, or an unreadable one, changes nothing
    assert desk.apply(t, b"{", now) is False
    assert desk.apply(t, env.encode(env.make("other", "device_status", DeviceStatus(
        online=False, role="kiosk"))), now) is False
    assert rows(desk, now) == ()



def test_a_kiosk_out_of_service_for_its_clock_is_shown_with_its_printer(site_config) -> None:
    desk = CounterDesk(site_config, "platz-1")
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    t = topics.device_status(SITE, "kiosk-1")
    assert desk.apply(t, status(True, printer="paper_near_end", clock_behind_s=9.8), now)
    assert rows(desk, now) == (DeviceRow("kiosk-1", "kiosk", "clock_behind"),
                               DeviceRow("kiosk-1", "kiosk", "printer_paper_near_end"))
    assert desk.apply(t, status(True, printer="ok"), now)  # restarted with a right clock
    assert rows(desk, now) == ()

def test_offline_since_when_it_is_known(site_config) -> None:
    desk = CounterDesk(site_config, "platz-1")
    tz = site_config.tz
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    # a board's retained will, met at the desk's start: it says when the board connected,
    # not when it was lost: no time
    board = topics.device_status(SITE, "display-1")
    assert desk.apply(board, status(False, "display", ts=now - timedelta(hours=2), will=True),
                      now)
    assert rows(desk, now) == (DeviceRow("display-1", "display", "offline"),)
    # a kiosk seen online, then its will: lost about when the desk heard it
    kiosk = topics.device_status(SITE, "kiosk-1")
    desk.apply(kiosk, status(True, printer="ok"), now)
    later = now + timedelta(minutes=5)
    desk.apply(kiosk, status(False, ts=now - timedelta(hours=3), will=True), later)
    assert rows(desk, later)[1] == DeviceRow("kiosk-1", "kiosk", "offline", later.astimezone(tz))
    # the same message again (a reconnect's retained copy) keeps the time
    desk.apply(kiosk, status(False, ts=now - timedelta(hours=3), will=True), later + timedelta(
        minutes=30))
    assert rows(desk, later)[1].since == later.astimezone(tz)
    # a clean stop yesterday evening: its own time, with the day
    k2 = topics.device_status(SITE, "kiosk-2")
    evening = datetime(2026, 11, 23, 17, 2, tzinfo=UTC)
    desk.apply(k2, status(False, ts=evening), now)
    assert rows(desk, now)[2] == DeviceRow("kiosk-2", "kiosk", "offline",
                                           evening.astimezone(tz), earlier_day=True)
    # back online, and a cleared retained status (a device removed), are no problem
    desk.apply(kiosk, status(True, printer="ok"), later)
    desk.apply(k2, b"", later)
    assert [r.device for r in rows(desk, later)] == ["display-1"]


# ----- a real kiosk with a virtual printer, a real desk ---------------------------------
def band(app) -> str:
    w = app.window.desk.devices
    return "" if w.isHidden() else w.text()


def test_a_kiosk_out_of_paper_is_on_every_desk_until_it_has_paper_again(
        qtbot, engine, kiosk_factory, desk_factory, printing_config,  # noqa: F811
        printer) -> None:  # noqa: F811
    # the kiosk's keyboard filter (scanner, keypad) would take the clerk's keys here
    k = kiosk_factory(config=printing_config, install_input=False)
    first = desk_factory()
    qtbot.waitUntil(lambda: first.desk.online, timeout=5000)
    qtbot.waitUntil(lambda: k.faults.state.value == "ok", timeout=5000)
    assert band(first) == ""
    printer.state = VirtualState.PAPER_OUT
    k.poll_printer()
    qtbot.waitUntil(lambda: band(first) == "⚠ Kiosk kiosk-1: paper out", timeout=5000)
    # a desk started later (in German) learns it from the retained status
    later = desk_factory("platz-2", lang="de")
    qtbot.waitUntil(lambda: band(later) == "⚠ Kiosk kiosk-1: Papier leer", timeout=5000)
    log_in(qtbot, later, "a.schulz")  # the band stays above the clerk's work
    assert band(later) == "⚠ Kiosk kiosk-1: Papier leer"
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert later.window.grab().save(str(SHOTS / "desk-paper-out.png"))
    printer.state = VirtualState.OK
    k.poll_printer()
    qtbot.waitUntil(lambda: band(first) == "" and band(later) == "", timeout=5000)
    # the kiosk stops: offline, since the time of its stop (both desks speak German now:
    # the translator is the process's, and both desks are in one process here)
    k.stop()
    qtbot.waitUntil(lambda: all(band(a).startswith("⚠ Kiosk kiosk-1 offline seit ")
                                for a in (first, later)), timeout=5000)
    assert later.window.grab().save(str(SHOTS / "desk-kiosk-offline.png"))
