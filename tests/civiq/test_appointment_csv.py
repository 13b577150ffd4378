"""The booking CSV: a good file becomes import entries; a bad one is refused whole, with
every problem named by line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from civiq.appointment_csv import CsvError, parse_appointments_csv, read_appointments_csv
from civiq.config import SiteConfig, load_site
from tests.conftest import EXAMPLE_SITE

HEADER = "booking_id,service,site,slot_start,slot_minutes"


@pytest.fixture(scope="module")
def config() -> SiteConfig:
    return load_site(EXAMPLE_SITE)


def problems(text: str, config: SiteConfig) -> list[str]:
    with pytest.raises(CsvError) as exc:
        parse_appointments_csv(text, config, source="day.csv")
    return exc.value.problems


def test_good_file_in_any_column_order_with_bom_and_semicolons(tmp_path: Path,
                                                               config: SiteConfig) -> None:
    p = tmp_path / "export.csv"
    p.write_text("\ufeffslot_minutes;site;booking_id;service;slot_start\r\n"
                 "15;hh-wandsbek;BK-1;fuehrerschein;2026-11-24T09:15:00+01:00\r\n"
                 "\r\n"
                 "20;hh-wandsbek;BK-2;ausweis;2026-11-24T09:30:00+01:00\r\n", encoding="utf-8")
    assert read_appointments_csv(p, config) == [
        {"booking_id": "BK-1", "service": "fuehrerschein", "site": "hh-wandsbek",
         "slot_start": "2026-11-24T09:15:00+01:00", "slot_minutes": 15},
        {"booking_id": "BK-2", "service": "ausweis", "site": "hh-wandsbek",
         "slot_start": "2026-11-24T09:30:00+01:00", "slot_minutes": 20},
    ]


def test_each_bad_cell_is_named_by_line_and_column(config: SiteConfig) -> None:
    got = problems("\n".join([
        HEADER,
        "BK-1,fuehrerschein,hh-wandsbek,2026-11-24T09:15:00+01:00,15",
        "BK 2,fuehrerschein,hh-wandsbek,2026-11-24T09:15:00+01:00,15",
        "BK-3,gewerbe,hh-wandsbek,2026-11-24T09:15:00+01:00,15",
        "BK-4,ausweis,hh-altona,2026-11-24T09:15:00+01:00,15",
        "BK-5,ausweis,hh-wandsbek,24.11.2026 09:15,15",
        "BK-6,ausweis,hh-wandsbek,2026-11-24T09:15:00,15",
        "BK-7,ausweis,hh-wandsbek,2026-11-24T09:15:00+01:00,viertel",
        "BK-8,ausweis,hh-wandsbek,2026-11-24T09:15:00+01:00,0",
        "BK-1,ausweis,hh-wandsbek,2026-11-24T09:45:00+01:00,15",
        "BK-9,ausweis,hh-wandsbek",
    ]), config)
    assert [":".join(p.split(":")[:2]) for p in got] == [
        "day.csv: line 3, column booking_id",
        "day.csv: line 4, column service",
        "day.csv: line 5, column site",
        "day.csv: line 6, column slot_start",
        "day.csv: line 7, column slot_start",
        "day.csv: line 8, column slot_minutes",
        "day.csv: line 9, column slot_minutes",
        "day.csv: line 10, column booking_id",
        "day.csv: line 11",
    ]
    assert "already on line 2" in got[7]
    assert "no UTC offset" in got[4]
    assert "3 fields; the header has 5" in got[8]


@pytest.mark.parametrize(("text", "says"), [
    ("", "empty"),
    ("booking_id,service,site,slot_start\nBK-1,a,b,c", "missing column(s) slot_minutes"),
    (HEADER + ",name\n", "name not allowed"),
    (HEADER + ",site\n", "site twice"),
])
def test_bad_headers(config: SiteConfig, text: str, says: str) -> None:
    got = problems(text, config)
    assert any(says in p for p in got), got


def test_unreadable_files(tmp_path: Path, config: SiteConfig) -> None:
    with pytest.raises(CsvError, match="cannot read"):
        read_appointments_csv(tmp_path / "missing.csv", config)
    latin = tmp_path / "latin1.csv"
    latin.write_bytes((HEADER + "\nBK-ä,ausweis,hh-wandsbek,x,1\n").encode("latin-1"))
    with pytest.raises(CsvError, match="not UTF-8"):
        read_appointments_csv(latin, config)
