from civiq.transport.mqtt import MqttClient


def test_walk_in_ticket_and_call(engine, kiosk: MqttClient, counter: MqttClient) -> None:
    counter.request("open_counter", {"counter": "platz-1"})
    issued = kiosk.request("issue_ticket", {"service": "ausweis"})
    assert issued["ticket"]["number"] == "A001"
    called = counter.request("call_next", {"counter": "platz-1"})
    assert called["ticket"]["number"] == "A001"
