"""The engine over a real Mosquitto with a real SQLite file: what kiosks and counters get
back, what displays see, and what is stored."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

import pytest

from civiq.clock import ManualClock
from civiq.config import SiteConfig, load_site
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient, RequestFailed
from tests.conftest import BERLIN, EXAMPLE_SITE
from tests.queue_engine.helpers import StateWatch, command_payload, db_rows, wait_until

ClientFactory = Callable[[str, str], MqttClient]


def fails(code: str, client: MqttClient, command: str, data: dict) -> RequestFailed:
    with pytest.raises(RequestFailed) as exc:
        client.request(command, data)
    assert exc.value.code == code, exc.value
    assert exc.value.message  # a reason a person can read
    return exc.value


def test_whole_lifecycle(engine, kiosk: MqttClient, counter: MqttClient, clock,
                         watch: StateWatch, site_config: SiteConfig) -> None:
    assert counter.request("open_counter", {"counter": "platz-1", "clerk": "k.meier"}) == {
        "counter": "platz-1", "status": "open"}
    a = kiosk.request("issue_ticket", {"service": "ausweis", "language": "tr"})
    assert a["ticket"]["number"] == "A001"
    assert a["ticket"]["status"] == "waiting" and a["ahead"] == 0 and a["eta_min"] == 0
    clock.advance(30)
    b = kiosk.request("issue_ticket", {"service": "melde"})
    assert b["ticket"]["number"] == "B001" and b["ahead"] == 1
    assert b["eta_min"] is not None and b["eta_min"] > 0

    clock.advance(60)
    called = counter.request("call_next", {"counter": "platz-1"})["ticket"]
    assert (called["number"], called["status"], called["counter"]) == ("A001", "called",
                                                                      "platz-1")
    watch.wait_queue(lambda q: q.counters[0].current is not None
                     and q.counters[0].current.number == "A001", what="A001 at platz-1")
    wait_until(lambda: watch.model.snapshot.calls
               and watch.model.snapshot.calls[0].number == "A001", what="the call on display")

    clock.advance(20)
    assert counter.request("recall", {"counter": "platz-1"})["ticket"]["recalls"] == 1
    assert counter.request("start", {"counter": "platz-1"})["ticket"]["status"] == "serving"
    fails("invalid_transition", counter, "no_show", {"counter": "platz-1"})
    # a counter with a ticket does not pause: a paused counter serves nobody
    fails("counter_busy", counter, "pause_counter", {"counter": "platz-1", "reason": "break"})
    clock.advance(600)
    assert counter.request("finish", {"counter": "platz-1"})["ticket"]["status"] == "finished"

    nxt = counter.request("call_next", {"counter": "platz-1"})["ticket"]
    assert nxt["number"] == "B001"
    clock.advance(120)
    assert counter.request("no_show", {"counter": "platz-1"})["ticket"]["status"] == "no_show"
    # Nothing waiting, and nothing to finish: the no-show ended B001 already.
    assert counter.request("call_next", {"counter": "platz-1"}) == {"ticket": None,
                                                                    "finished": None}

    assert counter.request("pause_counter", {"counter": "platz-1", "reason": "lunch"})[
        "status"] == "paused"
    q = watch.wait_queue(lambda q: q.counters[0].status == "paused", what="paused")
    assert q.counters[0].pause_reason == "lunch"
    fails("counter_not_open", counter, "call_next", {"counter": "platz-1"})
    assert counter.request("close_counter", {"counter": "platz-1"})["status"] == "closed"

    q = watch.wait_queue(lambda q: q.served_today == 1 and q.counters[0].status == "closed",
                         what="the day's figures")
    assert q.issued_today == 2 and q.waiting == []
    wait_until(lambda: {"issued", "called", "recalled", "started", "finished", "no_show",
                        "counter"} <= set(watch.event_kinds()), what="every event")
    rows = db_rows(site_config, "select number, status, language from tickets order by number")
    assert rows == [("A001", "finished", "tr"), ("B001", "no_show", "de")]
    # The clerk's login is never published: displays and central carry no names.
    published = [e.model_dump_json() for items in watch.raw.values() for e in items]
    assert published and not any("k.meier" in p for p in published)


def test_transfer_park_resume_and_cancel(engine, kiosk: MqttClient,
                                         client_factory: ClientFactory, clock,
                                         watch: StateWatch, site_config: SiteConfig) -> None:
    p1 = client_factory("counter", "platz-1")
    p4 = client_factory("counter", "platz-4")
    p1.request("open_counter", {"counter": "platz-1"})
    p4.request("open_counter", {"counter": "platz-4"})
    first = kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]
    clock.advance(60)
    p1.request("call_next", {"counter": "platz-1"})
    kiosk.request("issue_ticket", {"service": "melde"})
    t = p1.request("transfer", {"counter": "platz-1", "to_service": "melde"})["ticket"]
    assert (t["number"], t["service"], t["status"]) == ("A001", "melde", "waiting")
    assert t["arrival"] == first["arrival"]
    # platz-4 (melde) takes A001 before B001, by its original arrival.
    assert p4.request("call_next", {"counter": "platz-4"})["ticket"]["number"] == "A001"
    p4.request("start", {"counter": "platz-4"})
    assert p4.request("park", {"counter": "platz-4"})["ticket"]["status"] == "parked"
    q = watch.wait_queue(lambda q: any(w.parked for w in q.waiting), what="parked ticket")
    assert [(w.number, w.parked) for w in q.waiting] == [("B001", False), ("A001", True)]
    assert p4.request("call_next", {"counter": "platz-4"})["ticket"]["number"] == "B001"
    resumed = p4.request("call_ticket", {"counter": "platz-4", "number": "A001"})["ticket"]
    assert (resumed["number"], resumed["status"]) == ("A001", "called")

    kiosk.request("issue_ticket", {"service": "abholung"})
    assert kiosk.request("cancel", {"number": "D001"})["ticket"]["status"] == "cancelled"
    fails("invalid_transition", kiosk, "cancel", {"number": "D001"})
    fails("unknown_ticket", kiosk, "cancel", {"number": "D099"})
    wait_until(lambda: "transferred" in watch.event_kinds() and "parked" in watch.event_kinds()
               and "cancelled" in watch.event_kinds(), what="transfer/park/cancel events")
    rows = dict(db_rows(site_config, "select number, status from tickets"))
    assert rows == {"A001": "called", "B001": "finished", "D001": "cancelled"}


def test_refusals_carry_a_reason_and_change_nothing(engine, kiosk: MqttClient,
                                                    counter: MqttClient, clock,
                                                    site_config: SiteConfig) -> None:
    fails("unknown_service", kiosk, "issue_ticket", {"service": "hundesteuer"})
    fails("walk_in_not_allowed", kiosk, "issue_ticket", {"service": "fuehrerschein"})
    fails("forbidden", kiosk, "issue_ticket", {"service": "ausweis", "priority": 3})
    fails("unknown_counter", counter, "open_counter", {"counter": "platz-99"})
    fails("no_current_ticket", counter, "finish", {"counter": "platz-1"})
    clock.advance(9 * 3600)  # 18:00: closed
    e = fails("site_closed", kiosk, "issue_ticket", {"service": "ausweis"})
    assert e.details["until"].startswith("2026-11-25T07:00")  # Wednesday opens at 07:00
    assert db_rows(site_config, "select count(*) from tickets") == [(0,)]


def test_ticket_stop_when_the_wait_would_pass_closing_time(engine, kiosk: MqttClient,
                                                           counter: MqttClient, clock) -> None:
    counter.request("open_counter", {"counter": "platz-1", "services": ["ausweis"]})
    clock.advance(8 * 3600 + 15 * 60)  # 17:15; closes 18:00, margin 10 min
    # 0 and 12 minutes (p90 2.5 and 20.5); the third's p90 of 38.5 passes 17:50.
    got = [kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"]
           for _ in range(2)]
    assert got == ["A001", "A002"]
    e = fails("ticket_stop", kiosk, "issue_ticket", {"service": "ausweis"})
    assert e.details["until"]
    # Other services are not stopped by it.
    assert kiosk.request("issue_ticket", {"service": "melde"})["ticket"]["number"] == "B001"


def test_a_retry_with_the_same_request_id_gets_the_first_answer(
        engine, kiosk: MqttClient, site_config: SiteConfig) -> None:
    first = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="print-42")
    again = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="print-42")
    assert again == first
    other = kiosk.request("issue_ticket", {"service": "ausweis"}, request_id="print-43")
    assert other["ticket"]["number"] == "A002"
    assert db_rows(site_config, "select count(*) from tickets") == [(2,)]


def test_many_copies_of_one_request_in_flight_make_one_ticket(
        engine, kiosk: MqttClient, site_config: SiteConfig) -> None:
    payload = command_payload(site_config.site.id, "issue_ticket", {"service": "melde"},
                              request_id="dup-1")
    for _ in range(10):  # a flaky network delivering the same request again and again
        kiosk.publish(topics.command(site_config.site.id, "kiosk", "kiosk-1"), payload,
                      correlation=b"dup-1", response_topic=kiosk.reply_topic)
    first = kiosk.request("issue_ticket", {"service": "melde"}, request_id="dup-1")
    assert first["ticket"]["number"] == "B001"
    assert db_rows(site_config, "select count(*) from tickets") == [(1,)]


@pytest.fixture
def twenty_counters(tmp_path, broker) -> SiteConfig:
    counters = [{"id": f"platz-{i}", "name": f"Platz {i}", "services": ["ausweis", "melde"]}
                for i in range(1, 21)]
    return load_site(EXAMPLE_SITE, broker={"host": "127.0.0.1", "port": broker.port},
                     data={"folder": str(tmp_path / "data20")}, counters=counters)


def test_twenty_counters_calling_at_once_never_get_the_same_ticket(
        engine_factory, twenty_counters: SiteConfig) -> None:
    engine_factory(twenty_counters)
    made: list[MqttClient] = []
    try:
        clients = []
        for i in range(1, 21):
            c = MqttClient(twenty_counters.broker, twenty_counters.site.id, "counter",
                           f"platz-{i}").start(wait=10)
            made.append(c)
            clients.append(c)
        kiosk = MqttClient(twenty_counters.broker, twenty_counters.site.id, "kiosk",
                           "kiosk-1").start(wait=10)
        made.append(kiosk)
        for i, c in enumerate(clients, 1):
            c.request("open_counter", {"counter": f"platz-{i}"})
        issued = [kiosk.request_async("issue_ticket", {"service": ("ausweis", "melde")[n % 2]})
                  for n in range(30)]
        numbers = {f.result(10)["ticket"]["number"] for f in issued}
        assert len(numbers) == 30

        got: list[str | None] = []
        for _ in range(2):  # 20 + 10 tickets, then 10 counters find nothing
            start = threading.Barrier(20)
            results: list[dict] = [{}] * 20

            def call(i: int, c: MqttClient, start=start, results=results) -> None:
                start.wait()
                results[i] = c.request("call_next", {"counter": f"platz-{i + 1}"},
                                       timeout=10)

            threads = [threading.Thread(target=call, args=(i, c)) for i, c in enumerate(clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            got += [r["ticket"]["number"] if r["ticket"] else None for r in results]
        called = [n for n in got if n is not None]
        assert len(called) == 30 and set(called) == numbers, "a ticket was called twice"
        assert got.count(None) == 10
        rows = db_rows(twenty_counters.data_folder() / "queue.sqlite3",
                       "select count(distinct counter), count(*) from tickets "
                       "where status = 'called'")
        assert rows == [(10, 10)]  # the first round was finished by the second call
    finally:
        for c in made:
            c.stop()


def test_a_retried_call_next_does_not_call_a_second_ticket(
        engine, kiosk: MqttClient, counter: MqttClient, site_config: SiteConfig) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    for _ in range(2):
        kiosk.request("issue_ticket", {"service": "ausweis"})
    first = counter.request("call_next", {"counter": "platz-1"}, request_id="key-F1-1")
    again = counter.request("call_next", {"counter": "platz-1"}, request_id="key-F1-1")
    assert again == first and first["ticket"]["number"] == "A001"
    assert db_rows(site_config, "select number, status from tickets order by ord") == [
        ("A001", "called"), ("A002", "waiting")]


def test_a_clerks_priority_ticket_is_judged_by_its_own_place_near_closing(
        engine, kiosk: MqttClient, counter: MqttClient, clock) -> None:
    # Tuesday closes at 18:00, walk-ins stop 10 minutes before their wait would pass it.
    clock.set(datetime(2026, 11, 24, 17, 30, tzinfo=BERLIN))
    counter.request("open_counter", {"counter": "platz-1", "services": ["ausweis"]})
    # The first waits 0 minutes; the second's 12 have a p90 of 20.5: past 17:50.
    kiosk.request("issue_ticket", {"service": "ausweis"})
    with pytest.raises(RequestFailed) as refused:
        kiosk.request("issue_ticket", {"service": "ausweis"})
    assert refused.value.code == "ticket_stop"
    urgent = counter.request("issue_ticket", {"service": "ausweis", "priority": 5})
    assert urgent["ahead"] == 0 and urgent["eta_min"] == 0


def test_without_an_open_counter_only_the_same_service_is_ahead(
        engine, kiosk: MqttClient) -> None:
    for service in ("melde", "melde", "abholung"):
        kiosk.request("issue_ticket", {"service": service})
    got = kiosk.request("issue_ticket", {"service": "ausweis"})
    assert got["eta_min"] is None  # no counter open: no honest estimate
    assert got["ahead"] == 0  # the other services' tickets do not stand before it
    again = kiosk.request("issue_ticket", {"service": "melde"})
    assert again["ahead"] == 2


def test_closing_the_last_counter_of_a_service_stops_its_tickets(
        engine, kiosk: MqttClient, counter: MqttClient, client_factory: ClientFactory,
        clock, watch: StateWatch) -> None:
    # No roster: platz-1 is the only counter opened for ausweis today.
    clock.set(datetime(2026, 11, 24, 17, 0, tzinfo=BERLIN))
    counter.request("open_counter", {"counter": "platz-1", "services": ["ausweis"]})
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"
    counter.request("call_next", {"counter": "platz-1"})
    counter.request("finish", {"counter": "platz-1"})
    counter.request("close_counter", {"counter": "platz-1"})
    # Nobody will call another ausweis ticket today: no estimate is not "no wait".
    e = fails("ticket_stop", kiosk, "issue_ticket", {"service": "ausweis"})
    assert "no counter serves this service" in e.message
    assert e.details["until"].startswith("2026-11-25T07:00")
    q = watch.wait_queue(lambda q: q.served_today == 1 and q.counters[0].status == "closed",
                         what="platz-1 closed")
    ausweis = next(s for s in q.services if s.id == "ausweis")
    assert (ausweis.ticket_stop, ausweis.ticket_stop_reason) == (True, "ticket_stop")
    assert ausweis.ticket_stop_until is not None
    # Closed, platz-1 serves what the site file says, melde too: without a roster a
    # closed counter is not expected back (as in the estimates), so melde stops as well.
    melde = next(s for s in q.services if s.id == "melde")
    assert (melde.ticket_stop, melde.ticket_stop_reason) == (True, "ticket_stop")
    counter4 = client_factory("counter", "platz-4")
    counter4.request("open_counter", {"counter": "platz-4", "services": ["melde"]})
    assert kiosk.request("issue_ticket", {"service": "melde"})["ticket"]["number"] == "B001"
    fails("ticket_stop", kiosk, "issue_ticket", {"service": "ausweis"})
    # A clerk who comes back opens it again.
    counter.request("open_counter", {"counter": "platz-1", "services": ["ausweis"]})
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A002"


def test_before_any_clerk_logs_in_tickets_are_issued(
        engine_factory, kiosk: MqttClient, watch: StateWatch) -> None:
    # 08:00, opening, no roster, no counter open yet: the site is open, clerks come.
    engine_factory(clock=ManualClock(datetime(2026, 11, 24, 8, 0, tzinfo=BERLIN)))
    got = kiosk.request("issue_ticket", {"service": "ausweis"})
    assert got["ticket"]["number"] == "A001" and got["eta_min"] is None
    q = watch.wait_queue(lambda q: q.issued_today == 1, what="A001 in the state")
    assert not any(s.ticket_stop for s in q.services)


def test_the_roster_decides_whether_a_clerk_still_comes(
        engine_factory, kiosk: MqttClient, client_factory: ClientFactory) -> None:
    clock = ManualClock(datetime(2026, 11, 24, 8, 0, tzinfo=BERLIN))
    engine_factory(clock=clock)
    planner = client_factory("booking", "staff-planning")
    planner.request("set_roster", {"day": "2026-11-24", "counters": [
        {"counter": "platz-1", "shifts": ["08:00-12:00"], "services": ["ausweis"]},
        {"counter": "platz-4", "shifts": ["08:00-18:00"]}]})
    # Nobody has logged in yet: the roster says platz-1 comes, so a ticket has a wait.
    got = kiosk.request("issue_ticket", {"service": "ausweis"})
    assert got["ticket"]["number"] == "A001" and got["eta_min"] is not None
    counter4 = client_factory("counter", "platz-4")
    counter4.request("open_counter", {"counter": "platz-4"})
    # After 12:00 no shift that serves ausweis is left today.
    clock.set(datetime(2026, 11, 24, 12, 30, tzinfo=BERLIN))
    e = fails("ticket_stop", kiosk, "issue_ticket", {"service": "ausweis"})
    assert "no counter serves this service" in e.message
    # melde: platz-4 is open, its shift lasts until closing.
    assert kiosk.request("issue_ticket", {"service": "melde"})["ticket"]["number"] == "B001"


def test_a_language_the_site_does_not_list_is_stored_as_given(
        engine, kiosk: MqttClient, site_config: SiteConfig) -> None:
    """As the protocol document says of `language`: any code of the pattern is accepted."""
    assert "ja" not in site_config.site.languages
    got = kiosk.request("issue_ticket", {"service": "ausweis", "language": "ja"})
    assert got["ticket"]["language"] == "ja"
    fails("invalid_arguments", kiosk, "issue_ticket", {"service": "ausweis", "language": "JA"})
    # A kiosk's priority is 0, and anything else is refused (the document says so too).
    fails("forbidden", kiosk, "issue_ticket", {"service": "ausweis", "priority": 5})
