"""The topic registry is the one list of topics: every topic function is described in
it, and what the document says about a topic is what the code does."""

from __future__ import annotations

import inspect

import pytest

from civiq.protocol import topics
from tools import protocol_doc


def test_every_topic_function_is_in_the_registry_with_itself_as_builder() -> None:
    fns = protocol_doc.topic_functions()
    assert set(fns) == set(topics.TOPICS)
    for name, fn in fns.items():
        assert topics.TOPICS[name].build is fn


def test_filters_are_never_published_and_published_topics_say_retained_or_not() -> None:
    for name, spec in topics.TOPICS.items():
        pattern = protocol_doc.topic_pattern(spec.build)
        is_filter = "+" in pattern or "#" in pattern
        assert (spec.retained is None) == is_filter, name
        assert spec.qos in (0, 1, 2)


@pytest.mark.parametrize("name", sorted(topics.TOPICS))
def test_the_document_shows_the_registry(name: str) -> None:
    spec = topics.TOPICS[name]
    doc = protocol_doc.DEFAULT_PATH.read_text(encoding="utf-8")
    pattern = protocol_doc.topic_pattern(spec.build)
    row = next(line for line in doc.splitlines() if line.startswith(f"| `{pattern}` |"))
    cells = [c.strip() for c in row.split("|")[1:-1]]
    assert cells[2] == str(spec.qos)
    assert cells[1] == ("—" if spec.retained is None else "yes" if spec.retained else "no")
    assert inspect.isfunction(spec.build)


def test_the_alert_topic_says_who_publishes_it_and_what() -> None:
    """Only kiosks publish alerts (their printer's faults), in the shape the document
    gives; the engine publishes none."""
    from pathlib import Path

    from kiosk.printing import Alert, FaultTracker
    from printers.api import PrinterState

    spec = topics.TOPICS["alert"]
    assert spec.publisher == "kiosks"
    root = Path(__file__).resolve().parents[3]
    engine_src = "".join(p.read_text(encoding="utf-8")
                         for p in (root / "queue_engine").rglob("*.py"))
    assert "topics.alert(" not in engine_src and "/alert" not in engine_src
    faults = FaultTracker()
    made = [a for s in PrinterState for a in faults.update(s)] + [Alert("x", True)]
    for alert in made:
        for key in alert.data("kiosk-1"):
            assert f"`{key}`" in spec.body
    for kind in {a.kind for a in made if a.kind != "x"}:
        assert f"`{kind}`" in spec.body
