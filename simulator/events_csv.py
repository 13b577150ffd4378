"""The day's events as CSV rows: what the simulator did and what the engine answered.

Columns (docs/simulation.md): seq, time, kind, ticket, service, counter, eta_min, ahead,
detail, eta_p10_min, eta_p90_min (the last two may be missing in older files).
``time`` is ISO 8601 with the site's UTC offset.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TextIO

COLUMNS = [f for f in ("seq", "time", "kind", "ticket", "service", "counter", "eta_min",
                       "ahead", "detail", "eta_p10_min", "eta_p90_min")]


@dataclass(frozen=True)
class Row:
    seq: int
    time: datetime
    kind: str
    ticket: str = ""
    service: str = ""
    counter: str = ""
    eta_min: float | None = None
    ahead: int | None = None
    detail: str = ""
    eta_p10_min: float | None = None
    eta_p90_min: float | None = None

    def as_csv(self) -> dict[str, str]:
        d = asdict(self)
        d["time"] = self.time.isoformat()
        for k in ("eta_min", "eta_p10_min", "eta_p90_min"):
            d[k] = "" if d[k] is None else f"{d[k]:g}"
        d["ahead"] = "" if self.ahead is None else str(self.ahead)
        return {k: str(v) for k, v in d.items()}


assert [f.name for f in fields(Row)] == COLUMNS


def write(rows: Iterable[Row], out: Path | TextIO) -> None:
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", newline="", encoding="utf-8") as f:
            write(rows, f)
        return
    w = csv.DictWriter(out, fieldnames=COLUMNS)
    w.writeheader()
    for r in rows:
        w.writerow(r.as_csv())


def read(path: Path) -> Iterator[Row]:
    with path.open(newline="", encoding="utf-8") as f:
        for i, d in enumerate(csv.DictReader(f), start=2):
            try:
                yield Row(
                    seq=int(d["seq"]), time=datetime.fromisoformat(d["time"]), kind=d["kind"],
                    ticket=d["ticket"], service=d["service"], counter=d["counter"],
                    eta_min=_num(d["eta_min"]),
                    ahead=int(d["ahead"]) if d["ahead"] else None, detail=d["detail"],
                    eta_p10_min=_num(d.get("eta_p10_min")),
                    eta_p90_min=_num(d.get("eta_p90_min")),
                )
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}:{i}: not an events row: {exc}") from exc


def _num(v: str | None) -> float | None:
    return float(v) if v else None
