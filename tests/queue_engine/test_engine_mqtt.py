"""The engine on the broker: retained state, its online/offline state, replies only to the
sender, and commands that wait at the broker while the engine is away."""

from __future__ import annotations

from collections.abc import Callable

from civiq.config import SiteConfig
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient
from tests.queue_engine.helpers import RawReplies, StateWatch, command_payload, wait_until

ClientFactory = Callable[[str, str], MqttClient]


def test_a_late_subscriber_gets_the_whole_state_at_once_but_no_old_events(
        engine, kiosk: MqttClient, counter: MqttClient, client_factory: ClientFactory,
        site_config: SiteConfig) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    kiosk.request("issue_ticket", {"service": "ausweis"})
    kiosk.request("issue_ticket", {"service": "melde"})
    counter.request("call_next", {"counter": "platz-1"})
    early = StateWatch(client_factory("display", "early"), site_config.site.id)
    early.wait_queue(lambda q: len(q.waiting) == 1, what="the state settled")

    late = StateWatch(client_factory("display", "late"), site_config.site.id)
    q = late.wait_queue(lambda q: len(q.waiting) == 1, what="retained queue state")
    assert [w.number for w in q.waiting] == ["B001"]
    assert q.counters[0].current is not None and q.counters[0].current.number == "A001"
    wait_until(lambda: [c.number for c in late.model.snapshot.calls] == ["A001"],
               what="retained calls")
    wait_until(lambda: late.model.snapshot.engine_online is True, what="engine online")
    engine_state = late.last(topics.state_engine(site_config.site.id))
    assert engine_state.data["version"] and engine_state.data["started_at"]
    assert late.event_kinds() == []  # events are not retained


def test_state_and_events_carry_rising_seq_numbers(engine, kiosk: MqttClient,
                                                   watch: StateWatch,
                                                   site_config: SiteConfig) -> None:
    for _ in range(5):
        kiosk.request("issue_ticket", {"service": "abholung"})
    watch.wait_queue(lambda q: q.issued_today == 5, what="five tickets")
    wait_until(lambda: len(watch.event_kinds()) == 5, what="five issued events")
    seqs = [e.seq for t, items in watch.raw.items() if "/state/engine" not in t
            for e in items]
    assert len(seqs) == len(set(seqs)), "a seq was used twice"
    for items in watch.raw.values():
        mine = [e.seq for e in items]
        assert mine == sorted(mine)


def test_a_reply_goes_only_to_the_senders_own_reply_topic(
        engine, client_factory: ClientFactory, site_config: SiteConfig) -> None:
    victim = client_factory("kiosk", "kiosk-2")
    got_by_victim: list[bytes] = []
    victim.route(victim.reply_topic, lambda _t, p, _pr: got_by_victim.append(p))
    sender = client_factory("kiosk", "kiosk-1")
    raw = RawReplies(sender, site_config.site.id)
    payload = command_payload(site_config.site.id, "issue_ticket", {"service": "ausweis"})
    sender.publish(topics.command(site_config.site.id, "kiosk", "kiosk-1"), payload,
                   correlation=b"r1", response_topic=victim.reply_topic)
    wait_until(lambda: raw.got.get(b"r1"), what="the reply on the sender's topic")
    assert raw.got[b"r1"]["data"]["ok"] is True
    assert got_by_victim == []


def test_commands_sent_while_the_engine_is_away_are_answered_when_it_returns(
        engine_factory, kiosk: MqttClient, watch: StateWatch, site_config: SiteConfig) -> None:
    first = engine_factory()
    assert kiosk.request("issue_ticket", {"service": "ausweis"})["ticket"]["number"] == "A001"
    first.stop()
    wait_until(lambda: watch.model.snapshot.engine_online is False, what="engine offline")
    # One attempt only, with a long timeout: the broker keeps it for the engine's session.
    pending = kiosk.request_async("issue_ticket", {"service": "ausweis"}, timeout=15,
                                  retries=0)
    assert not pending.done()
    engine_factory()
    assert pending.result(15)["ticket"]["number"] == "A002"
    wait_until(lambda: watch.model.snapshot.engine_online is True, what="engine online")
