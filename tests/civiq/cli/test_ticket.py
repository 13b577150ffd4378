"""``civiq ticket ...`` and ``civiq check-in`` against the real engine on a real broker:
what an operator types, what he reads, the exit code he scripts against."""

from __future__ import annotations

import argparse
import json
import logging
import time
from datetime import date, datetime, timedelta

import pytest

from broker_config.mosquitto import Mosquitto
from civiq.appointments.token import (
    booking_code,
    format_booking_code,
    load_private_key,
    sign_token,
)
from civiq.cli import check_in as check_in_cli
from civiq.cli import main as civiq_main
from civiq.cli import ticket as ticket_cli
from civiq.config import load_site
from civiq.transport.mqtt import MqttClient
from queue_engine.service import EngineService
from tests.conftest import BERLIN, EXAMPLE_SITE
from tests.queue_engine.helpers import wait_until

DEMO_KEY = load_private_key(
    EXAMPLE_SITE.parent / "keys" / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem")


def civiq(capsys: pytest.CaptureFixture[str], broker: Mosquitto, *args: str
          ) -> tuple[int, str, str]:
    two = args[0] in ("ticket", "appointments")
    head = [a for a in args if not a.startswith("-")][:2] if two else args[:1]
    rest = list(args[len(head):])
    code = civiq_main([*head, "--site", str(EXAMPLE_SITE), "--broker-port", str(broker.port),
                       "--timeout", "3", *rest])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_operator_runs_the_queue_from_a_terminal(
        engine: EngineService, broker: Mosquitto, counter: MqttClient,
        capsys: pytest.CaptureFixture[str]) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    counter.request("open_counter", {"counter": "platz-2"})

    code, out, _ = civiq(capsys, broker, "ticket", "issue", "ausweis", "--priority", "2")
    assert code == 0 and out.startswith("A001 (") and "0 ahead" in out
    code, out, _ = civiq(capsys, broker, "ticket", "issue", "ausweis", "--json")
    assert code == 0 and json.loads(out)["ticket"]["number"] == "A002"

    # The retained state follows the commands within moments (coalesced by the engine).
    code, out, _ = wait_until(lambda: (r := civiq(capsys, broker, "ticket", "list"))[1]
                              .count("\n  A0") == 2 and r, what="both tickets listed")
    assert code == 0
    waiting = [ln.split()[0] for ln in out.splitlines() if ln.startswith("  A0")]
    assert waiting == ["A001", "A002"] and "priority 2" in out and "waiting: 2" in out

    code, out, _ = civiq(capsys, broker, "ticket", "call", "platz-1", "a002")
    assert (code, out.strip()) == (0, out.strip()) and "A002" in out and "called to" in out
    code, out, _ = civiq(capsys, broker, "ticket", "transfer", "platz-1", "--to-counter",
                         "platz-2")
    assert code == 0 and "A002: back in the queue" in out and "platz-2" in out
    code, out, _ = civiq(capsys, broker, "ticket", "cancel", "A001")
    assert (code, out.strip()) == (0, "A001: cancelled")

    code, out, _ = civiq(capsys, broker, "ticket", "call", "platz-2")
    assert code == 0 and "A002" in out
    code, out, _ = civiq(capsys, broker, "ticket", "call", "platz-1")
    assert (code, out.strip()) == (0, "platz-1: nothing waiting for this counter")

    # A refusal: the engine's reason, exit code 1.
    code, _, err = civiq(capsys, broker, "ticket", "cancel", "A001")
    assert code == 1 and "refused:" in err and "A001" in err
    code, _, err = civiq(capsys, broker, "ticket", "issue", "no-such-service")
    assert code == 1 and "refused: " in err


def test_the_list_says_the_sites_device_problems_under_it(
        engine: EngineService, broker: Mosquitto, kiosk: MqttClient,
        capsys: pytest.CaptureFixture[str]) -> None:
    from civiq.protocol import envelope as env
    from civiq.protocol import topics
    from civiq.protocol.models import DeviceStatus

    def status(online: bool, **detail: object) -> bytes:
        return env.encode(env.make(engine.site, "device_status", DeviceStatus(
            online=online, role="kiosk", version="t", detail=detail)))

    # what a kiosk publishes when its printer runs out of paper (retained)
    kiosk.publish(topics.device_status(engine.site, "kiosk-1"),
                  status(True, printer="paper_out", paper="out"), retain=True
                  ).wait_for_publish(timeout=3)
    code, out, _ = civiq(capsys, broker, "ticket", "list")
    assert code == 0
    assert out.splitlines()[-2:] == ["device problems:",
                                     "  kiosk-1      kiosk    paper out"]
    kiosk.publish(topics.device_status(engine.site, "kiosk-1"),
                  status(True, printer="ok", paper="ok"), retain=True
                  ).wait_for_publish(timeout=3)
    code, out, _ = civiq(capsys, broker, "ticket", "list")
    assert code == 0 and "device problems" not in out


def test_a_call_says_which_ticket_it_finished(
        engine: EngineService, broker: Mosquitto, counter: MqttClient,
        capsys: pytest.CaptureFixture[str]) -> None:
    # Never opened today: said so, not "closed at the day change".
    code, _, err = civiq(capsys, broker, "ticket", "call", "platz-1")
    assert code == 1
    assert err.strip().endswith("refused: counter_not_open: counter Platz 1 has not been "
                                "opened today; open it first")
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(3):
        assert civiq(capsys, broker, "ticket", "issue", "ausweis")[0] == 0
    code, out, _ = civiq(capsys, broker, "ticket", "call", "platz-1")
    assert code == 0 and out.startswith("A001 (") and "finished" not in out
    # A particular ticket called while A001 is current: A001 is finished, and said so.
    code, out, _ = civiq(capsys, broker, "ticket", "call", "platz-1", "A003")
    assert code == 0 and out.startswith("A003 (")
    assert out.rstrip().endswith("called to Platz 1; A001 finished")
    code, out, _ = civiq(capsys, broker, "ticket", "call", "platz-1")
    assert out.startswith("A002 (") and out.rstrip().endswith("; A003 finished")
    code, out, _ = civiq(capsys, broker, "ticket", "call", "platz-1", "--json")
    assert code == 0 and json.loads(out)["finished"]["number"] == "A002"
    code, out, _ = civiq(capsys, broker, "ticket", "call", "platz-1")
    assert (code, out.strip()) == (0, "platz-1: nothing waiting for this counter")


def test_check_in_by_the_codes_text(engine: EngineService, broker: Mosquitto,
                                    client_factory, capsys: pytest.CaptureFixture[str]
                                    ) -> None:
    slot = datetime(2026, 11, 24, 9, 15, tzinfo=BERLIN)
    client_factory("booking", "booking-system").request("import_appointments", {
        "appointments": [{"booking_id": "BK-1", "service": "fuehrerschein",
                          "slot_start": slot.isoformat(), "slot_minutes": 15}]})
    token = sign_token(DEMO_KEY, "demo", "BK-1", "hh-wandsbek", date(2026, 11, 24), slot)
    code, out, _ = civiq(capsys, broker, "check-in", token)
    assert code == 0 and out.startswith("checked in: C001 (")
    code, _, err = civiq(capsys, broker, "check-in", token)
    assert code == 1 and "refused: already_checked_in" in err


def test_check_in_by_the_booking_code_the_letter_prints(
        engine: EngineService, broker: Mosquitto, client_factory,
        capsys: pytest.CaptureFixture[str]) -> None:
    slot = datetime(2026, 11, 24, 9, 15, tzinfo=BERLIN)
    token = sign_token(DEMO_KEY, "demo", "BK-1", "hh-wandsbek", date(2026, 11, 24), slot)
    code = booking_code(token)
    client_factory("booking", "booking-system").request("import_appointments", {
        "appointments": [{"booking_id": "BK-1", "service": "fuehrerschein",
                          "slot_start": slot.isoformat(), "slot_minutes": 15,
                          "code": code}]})
    # Typed as printed, with its spaces: checked in by code, no QR text needed.
    printed = format_booking_code(code)
    assert " " in printed
    rc, out, err = civiq(capsys, broker, "check-in", printed)
    assert (rc, err) == (0, "") and out.startswith("checked in: C001 (")
    # The same booking again, by its QR code and by its code without spaces.
    rc, _, err = civiq(capsys, broker, "check-in", token)
    assert rc == 1 and "refused: already_checked_in" in err
    rc, _, err = civiq(capsys, broker, "check-in", code)
    assert rc == 1 and "refused: already_checked_in" in err
    # A typo in the code is named as one, not as a QR code that is not CQ1.…
    typo = code[:9] + str((int(code[9]) + 1) % 10)
    rc, _, err = civiq(capsys, broker, "check-in", typo)
    assert rc == 1 and "check digit" in err and "CQ1" not in err


def test_an_engine_that_never_ran_is_said_with_how_to_start_it(
        broker: Mosquitto, capsys: pytest.CaptureFixture[str]) -> None:
    """No retained state/engine at all: the requests are tried, then given up."""
    code, _, err = civiq(capsys, broker, "ticket", "issue", "ausweis", "--timeout", "0.3")
    assert code == 3 and "no engine answers" in err
    assert f"civiq engine --site {EXAMPLE_SITE}" in err


STOPPED = "the queue engine for site hh-wandsbek is not running"


@pytest.mark.parametrize("argv", [
    ["ticket", "issue", "ausweis"], ["ticket", "call", "platz-1"],
    ["ticket", "cancel", "A001"], ["check-in", "1234567890"],
    # As operator: the booking system's own user reads only its replies (the access
    # list), so as role booking it cannot know the engine's state and tries.
    ["appointments", "list", "--role", "operator"],
    ["appointments", "cancel", "BK-1", "--role", "operator"],
], ids=lambda a: " ".join(a[:2]))
def test_a_stopped_engine_is_said_at_once_without_sending(
        engine: EngineService, broker: Mosquitto, capsys: pytest.CaptureFixture[str],
        argv: list[str]) -> None:
    """The retained state/engine says offline: no three attempts of 5 s each first, and
    no command left at the broker for an engine that might start a moment later."""
    engine.stop()
    started = time.monotonic()
    code, out, err = civiq(capsys, broker, *argv, "--timeout", "5")
    assert time.monotonic() - started < 4
    assert (code, out) == (3, "")
    assert f"{STOPPED} (since 2026-11-24 09:00); nothing was sent. Start it with: civiq " \
        f"engine --site {EXAMPLE_SITE}" in err, err
    assert err.count("\n") == 1


def test_the_list_of_a_stopped_engine_is_headed_as_its_last_state(
        engine: EngineService, broker: Mosquitto, counter: MqttClient,
        capsys: pytest.CaptureFixture[str]) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    assert civiq(capsys, broker, "ticket", "issue", "ausweis")[0] == 0
    wait_until(lambda: "A001" in civiq(capsys, broker, "ticket", "list")[1],
               what="the ticket listed")
    engine.stop()
    code, out, err = civiq(capsys, broker, "ticket", "list")
    assert code == 3
    head, rest = out.split("\n", 1)
    assert head == (f"NOT CURRENT: {STOPPED} (since 2026-11-24 09:00). The last state it "
                    "published, at 2026-11-24 09:00:")
    assert "waiting: 1" in rest and "  A001 " in rest
    assert err == (f"civiq ticket list: {STOPPED} (since 2026-11-24 09:00): the list is the "
                   f"last state it published, not the queue now. Start it with: civiq "
                   f"engine --site {EXAMPLE_SITE}\n")
    code, out, err = civiq(capsys, broker, "ticket", "list", "--json")
    assert code == 3 and json.loads(out)["waiting"][0]["number"] == "A001"
    assert STOPPED in err


def test_an_engine_that_died_is_said_with_when_it_was_last_heard_of(
        engine: EngineService, broker: Mosquitto, kiosk: MqttClient, clock,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Killed, not stopped: the broker publishes its will, which was made when the
    engine connected; the last state it published tells better when it was alive."""
    clock.set(clock.now() + timedelta(minutes=7))
    kiosk.request("issue_ticket", {"service": "ausweis"})
    wait_until(lambda: "A001" in civiq(capsys, broker, "ticket", "list")[1],
               what="the ticket listed")
    engine._stop.set()
    engine._worker.join(5)
    engine.client.stop(graceful=False)  # the connection drops: the broker sends the will
    code, out, err = wait_until(
        lambda: (r := civiq(capsys, broker, "ticket", "list"))[0] == 3 and r,
        what="the will published")
    said = (f"{STOPPED} (it stopped without signing off; last heard of at 2026-11-24 "
            "09:07)")
    assert out.startswith(f"NOT CURRENT: {said}. The last state it published, at "
                          "2026-11-24 09:07:\n")
    code, _, err = civiq(capsys, broker, "ticket", "issue", "ausweis")
    assert code == 3 and said in err


def test_a_cancel_refusal_names_a_tool_that_exists(
        engine: EngineService, broker: Mosquitto, client_factory,
        capsys: pytest.CaptureFixture[str]) -> None:
    slot = datetime(2026, 11, 24, 9, 15, tzinfo=BERLIN)
    client_factory("booking", "booking-system").request("import_appointments", {
        "appointments": [{"booking_id": "BK-1", "service": "fuehrerschein",
                          "slot_start": slot.isoformat(), "slot_minutes": 15}]})
    token = sign_token(DEMO_KEY, "demo", "BK-1", "hh-wandsbek", date(2026, 11, 24), slot)
    assert civiq(capsys, broker, "check-in", token)[0] == 0
    code = civiq_main(["appointments", "cancel", "--site", str(EXAMPLE_SITE),
                       "--broker-port", str(broker.port), "BK-1"])
    err = capsys.readouterr().err
    assert code == 1 and "civiq ticket cancel C001" in err
    assert civiq(capsys, broker, "ticket", "cancel", "C001")[0] == 0


def test_the_engine_logs_each_commands_outcome_without_personal_data(
        engine: EngineService, broker: Mosquitto, counter: MqttClient,
        caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.INFO, logger="civiq.engine.commands")
    counter.request("open_counter", {"counter": "platz-1", "clerk": "mueller.h"})
    assert civiq(capsys, broker, "ticket", "issue", "ausweis")[0] == 0
    assert civiq(capsys, broker, "ticket", "cancel", "A009")[0] == 1
    lines = [r.getMessage() for r in caplog.records if r.name == "civiq.engine.commands"]
    assert lines[0] == "open_counter role=counter client=platz-1 ok"
    assert lines[1].startswith("issue_ticket role=operator client=ticket-cli-")
    assert lines[1].endswith(" ok ticket=A001")
    assert lines[2].startswith("cancel role=operator") and lines[2].endswith(
        " unknown_ticket")
    assert not any("mueller" in ln for ln in lines)


def test_the_command_log_is_off_unless_asked(
        engine: EngineService, counter: MqttClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)  # everything else at INFO, as civiq engine runs
    counter.request("open_counter", {"counter": "platz-1"})
    assert not [r for r in caplog.records if r.name == "civiq.engine.commands"]


# ----- the wait an operator reads is the one the visitor's ticket shows -------------------
WIDE = {"ahead": 9, "eta_min": 47.0, "eta_p10_min": 31.0, "eta_p90_min": 58.0}


def test_an_issued_ticket_with_a_wide_interval_shows_the_range(
        capsys: pytest.CaptureFixture[str]) -> None:
    cfg = load_site(EXAMPLE_SITE)
    result = {"ticket": {"number": "A007", "service": "ausweis"}, **WIDE}
    line = ticket_cli._describe(argparse.Namespace(action="issue"), cfg, result)
    # The kiosk prints "30–60 Min." for this estimate: not "about 47 min".
    assert line.startswith("A007 (") and line.endswith(": 9 ahead, 30–60 min")


def test_a_check_in_with_a_wide_interval_shows_the_range(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class NoBroker:
        def stop(self) -> None:
            pass

    result = {"ticket": {"number": "C003", "service": "fuehrerschein"}, **WIDE}
    monkeypatch.setattr(check_in_cli, "connect", lambda *_a, **_k: NoBroker())
    monkeypatch.setattr(check_in_cli, "request", lambda *_a, **_k: result)
    code = civiq_main(["check-in", "--site", str(EXAMPLE_SITE), "1234567890"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("checked in: C003 (")
    assert out.rstrip().endswith(": 9 ahead, 30–60 min")


def test_a_narrow_interval_is_one_figure_and_under_a_minute_no_waiting() -> None:
    cfg = load_site(EXAMPLE_SITE)
    issue = argparse.Namespace(action="issue")
    ticket = {"number": "A001", "service": "ausweis"}
    narrow = {"ticket": ticket, "ahead": 2, "eta_min": 12.4, "eta_p10_min": 9.0,
              "eta_p90_min": 16.0}
    assert ticket_cli._describe(issue, cfg, narrow).endswith(": 2 ahead, about 12 min")
    soon = {"ticket": ticket, "ahead": 0, "eta_min": 0.3}
    assert ticket_cli._describe(issue, cfg, soon).endswith(": 0 ahead, no waiting")
    unknown = {"ticket": ticket, "ahead": 0, "eta_min": None}
    assert ticket_cli._describe(issue, cfg, unknown).endswith(": 0 ahead")
