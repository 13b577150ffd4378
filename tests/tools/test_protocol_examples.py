"""docs/protocol.md's examples are what the real engine sends: recording them again from a
real QueueEngine gives exactly the stored recording the document is generated from."""

from __future__ import annotations

from tools import protocol_doc as doc
from tools import protocol_examples

FIX = "python -m tools.protocol_examples --write && python -m tools.protocol_doc --write"


def test_the_documented_examples_are_what_the_engine_sends() -> None:
    recorded = protocol_examples.render(protocol_examples.record())
    assert doc.EXAMPLES_PATH.read_text(encoding="utf-8") == recorded, (
        f"the engine's behaviour and the documented examples differ: run `{FIX}`")


def test_the_examples_show_what_each_command_really_does() -> None:
    """The values the old hand-made examples got wrong."""
    ex = doc.recorded_examples()
    status = {name: c["reply"]["data"]["result"].get("ticket", {}).get("status")
              for name, c in ex["commands"].items()
              if isinstance(c["reply"]["data"]["result"].get("ticket"), dict)}
    assert status["no_show"] == "no_show"
    assert status["park"] == "parked"
    assert status["cancel"] == "cancelled"
    assert status["transfer"] == "waiting"
    transfer = ex["commands"]["transfer"]
    assert (transfer["reply"]["data"]["result"]["ticket"]["service"]
            == transfer["command"]["data"]["to_service"])
    for name, c in ex["commands"].items():
        assert c["reply"]["data"]["ok"] is True, name
        assert c["reply"]["request_id"] == c["command"]["request_id"], name
        assert c["reply"]["seq"] > 0 and c["command"]["ttl_s"] > 0, name
    assert ex["events"]["counter"]["data"]["status"] == "open"
    assert ex["refusal"]["data"]["error"]["code"] == "expired"
