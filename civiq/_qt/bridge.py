"""The one place where civiq meets Qt: MQTT messages handed to the GUI thread.

paho calls back on its own network thread, where no widget may be touched. The bridge
re-emits every message through a Qt signal; a signal crossing threads is a queued
connection, so slots run on the receiver's (GUI) thread.
"""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from civiq.transport.mqtt import MqttClient


class MqttBridge(QObject):
    message = Signal(str, bytes)
    connection = Signal(bool)
    reply = Signal(str, object)  # request tag, result dict or exception
    #: Another client with this one's MQTT client id took its place at the broker; the
    #: client no longer reconnects (after ``connection(False)``).
    taken_over = Signal()

    def __init__(self, client: MqttClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        client.on_connection_change(self.connection.emit)
        client.on_taken_over(self.taken_over.emit)

    def forward(self, topic_filter: str, qos: int = 1) -> None:
        self.client.route(topic_filter, lambda t, p, _props: self.message.emit(t, bytes(p)),
                          qos=qos)

    def request(self, tag: str, command: str, data: dict, **kw: object) -> None:
        """Send a command; ``reply(tag, result-or-exception)`` arrives on the GUI thread."""
        fut = self.client.request_async(command, data, **kw)

        def done(f: Future) -> None:
            exc = f.exception()
            self.reply.emit(tag, exc if exc is not None else f.result())

        fut.add_done_callback(done)
