"""The topic tree, version 1. docs/protocol.md documents it; tests keep both in step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from civiq.protocol.formats import ID_RE as _ID

PREFIX = "civiq/v1"

ROLES = ("kiosk", "counter", "display", "engine", "booking", "central", "operator")


def valid_id(value: str) -> bool:
    """Whether ``value`` is a valid site or client id (see :func:`check_id`)."""
    return bool(_ID.fullmatch(value))


def check_id(value: str, what: str = "id") -> str:
    """Site and client ids become topic levels: no wildcards, no slashes."""
    if not valid_id(value):
        raise ValueError(
            f"{what} {value!r} must be 1-64 characters of letters, digits, '_', '.', '-'"
        )
    return value


def state_queue(site: str) -> str:
    return f"{PREFIX}/{site}/state/queue"


def state_calls(site: str) -> str:
    return f"{PREFIX}/{site}/state/calls"


def state_engine(site: str) -> str:
    return f"{PREFIX}/{site}/state/engine"


def event(site: str, kind: str) -> str:
    return f"{PREFIX}/{site}/event/{kind}"


def events(site: str) -> str:
    return f"{PREFIX}/{site}/event/+"


def command(site: str, role: str, client: str) -> str:
    return f"{PREFIX}/{site}/cmd/{role}/{client}"


def commands(site: str) -> str:
    return f"{PREFIX}/{site}/cmd/+/+"


def reply(site: str, client: str) -> str:
    return f"{PREFIX}/{site}/reply/{client}"


def device_status(site: str, client: str) -> str:
    return f"{PREFIX}/{site}/device/{client}/status"


def device_statuses(site: str) -> str:
    return f"{PREFIX}/{site}/device/+/status"


def device_of_status(topic: str) -> str | None:
    """The client id of a ``device/{client}/status`` topic; None for any other topic."""
    parts = topic.split("/")
    if len(parts) == 6 and parts[3] == "device" and parts[5] == "status":
        return parts[4]
    return None


def alert(site: str) -> str:
    return f"{PREFIX}/{site}/alert"


def central(kind: str) -> str:
    return f"{PREFIX}/central/{kind}"


def bridge_state(site: str) -> str:
    # Mosquitto's own topic for a bridge's notifications, under the bridge's client id at
    # central, which is the site id (broker_config/templates/bridge.conf).
    return f"$SYS/broker/connection/{site}/state"


@dataclass(frozen=True)
class CommandTopic:
    site: str
    role: str
    client: str


def parse_command_topic(topic: str) -> CommandTopic | None:
    parts = topic.split("/")
    if len(parts) != 6 or f"{parts[0]}/{parts[1]}" != PREFIX or parts[3] != "cmd":
        return None
    return CommandTopic(site=parts[2], role=parts[4], client=parts[5])


def event_kind(topic: str) -> str | None:
    parts = topic.split("/")
    if len(parts) == 5 and parts[3] == "event":
        return parts[4]
    return None


# ----- the registry ---------------------------------------------------------------------
@dataclass(frozen=True)
class TopicSpec:
    """How a topic is used; docs/protocol.md is generated from it (``python -m
    tools.protocol_doc --write``). Commands (civiq.transport.mqtt) and the engine's replies
    take their QoS from here; every other publisher in this repository (engine state and
    events, device status and will messages, alerts) sets QoS and retain where it
    publishes, to the values written here: change one, change the other."""

    build: Callable[..., str]
    retained: bool | None  # None: a subscription filter, never published to
    qos: int
    publisher: str
    body: str  # Markdown: what the payload is (a link into docs/protocol.md)
    what: str


#: Every topic function above, described. tests/civiq/protocol/test_topics.py fails when a
#: topic function has no entry here.
TOPICS: dict[str, TopicSpec] = {
    "state_queue": TopicSpec(state_queue, True, 1, "engine", "[QueueState](#queuestate)",
                             "per service: waiting, estimate, ticket stop; per counter: "
                             "state and current ticket; the waiting list"),
    "state_calls": TopicSpec(state_calls, True, 1, "engine", "[CallsState](#callsstate)",
                             "the latest calls, newest first: enough to redraw a display"),
    "state_engine": TopicSpec(state_engine, True, 1, "engine (and its will message)",
                              "[EngineState](#enginestate)", "engine online / offline"),
    "event": TopicSpec(event, False, 1, "engine", "see [Events](#events)",
                       "one message per change, `{kind}` as listed under Events"),
    "events": TopicSpec(events, None, 1, "(subscription filter)", "",
                        "every event of the site"),
    "command": TopicSpec(command, False, 1, "kiosk, counter, booking, operator, ...",
                         "see [Commands](#commands)",
                         "requests; `{role}` must be allowed to send the command; MQTT 5 "
                         "response topic, correlation data and message expiry"),
    "commands": TopicSpec(commands, None, 1, "(subscription filter; the engine)", "",
                          "every command of the site"),
    # QoS 0: a lost reply is recovered by the client's retry with the same request id,
    # which the engine answers from its reply store (docs/protocol.md, "Requests").
    "reply": TopicSpec(reply, False, 0, "engine", "[Reply](#reply)",
                       "replies to `{client}`'s commands, correlation data echoed"),
    "device_status": TopicSpec(device_status, True, 1, "each device (and its will message)",
                               "[DeviceStatus](#devicestatus)",
                               "device online / offline, printer paper, version"),
    "device_statuses": TopicSpec(device_statuses, None, 1,
                                 "(subscription filter; counter desks, operators)", "",
                                 "every device's status: the desk shows the site's device "
                                 "problems from it"),
    "alert": TopicSpec(alert, False, 1, "kiosks", "JSON envelope, type `alert`; `data`: "
                       "`device`, `role` (`kiosk`), `kind` (`printer_paper_out`, "
                       "`printer_paper_near_end`, `printer_offline`, `clock_behind`), "
                       "`state` (`active` or `resolved`), `detail`",
                       "a kiosk's printer fault begins or ends, or its clock is found "
                       "behind the engine's: staff must act. (A device that goes offline "
                       "shows in its retained `device/{client}/status`, not here; the "
                       "engine publishes no alerts)"),
    "central": TopicSpec(central, True, 1, "central tier",
                         "`notices`: [NoticesState](#noticesstate); `recommendations`: "
                         "[RecommendationsState](#recommendationsstate)",
                         "recommendations and notices from the central tier, bridged into "
                         "every site"),
    "bridge_state": TopicSpec(bridge_state, True, 1, "the site broker's bridge (Mosquitto)",
                              "`1` up, `0` down (plain text, not an envelope)",
                              "whether the site's link to central is up, at both ends; "
                              "when it returns, the engine publishes again the events "
                              "central may have lost (docs/deploy.md)"),
}
