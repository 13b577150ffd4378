"""The booking CSV: a good file becomes import entries; a bad one is refused whole, with
every problem named by line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from civiq.appointments.bookings_csv import CsvError, parse_appointments_csv, read_appointments_csv
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


def test_a_stray_quote_is_reported_on_its_own_line(config: SiteConfig) -> None:
    got = problems("\n".join([
        HEADER,
        'BK-1,ausweis,hh-wandsbek,"2026-11-24T09:15:00+01:00,15',
        "BK-2,ausweis,hh-wandsbek,2026-11-24T09:30:00+01:00,15",
        "BK-3,ausweis,hh-wandsbek,2026-11-24T09:45:00+01:00,15",
    ]), config)
    assert len(got) == 1 and got[0].startswith("day.csv: line 2: a stray or unclosed quote")


def test_a_repeated_id_is_reported_even_when_its_line_has_another_error(
        config: SiteConfig) -> None:
    got = problems("\n".join([
        HEADER,
        "BK-1,ausweis,hh-wandsbek,2026-11-24T09:15:00+01:00,15",
        "BK-1,ausweis,hh-wandsbek,2026-11-24T09:30:00+01:00,0",
    ]), config)
    assert any("line 3, column slot_minutes" in p for p in got), got
    assert any("line 3, column booking_id: 'BK-1' already on line 2" in p for p in got), got


def test_a_file_without_header_is_told_to_name_its_columns(config: SiteConfig) -> None:
    got = problems("BK-7,ausweis,hh-wandsbek,2026-11-24T09:15:00+01:00,15\n", config)
    assert got == ["day.csv: line 1: the first line must name the columns booking_id, "
                   "service, site, slot_start, slot_minutes; it holds "
                   "'BK-7,ausweis,hh-wandsbek,2026-11-24T09:15:00+01:00,15'"]


def test_a_latin1_file_gets_its_line_and_a_hint(tmp_path: Path, config: SiteConfig) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes((HEADER + "\nBK-1,ausweis,hh-wandsbek,2026-11-24T09:15:00+01:00,15\n"
                       "BK-ä,ausweis,hh-wandsbek,x,1\n").encode("latin-1"))
    with pytest.raises(CsvError) as exc:
        read_appointments_csv(latin, config)
    (msg,) = exc.value.problems
    assert msg.startswith(f"{latin}: line 3: not UTF-8 text")
    assert "Latin-1" in msg and "UTF-8 (Unicode)" in msg


def test_slots_when_the_site_is_closed_are_imported_with_a_warning(
        config: SiteConfig) -> None:
    warnings: list[str] = []
    entries = parse_appointments_csv("\n".join([
        HEADER,
        "BK-1,ausweis,hh-wandsbek,2026-11-24T09:15:00+01:00,15",  # Tuesday, open
        "BK-2,ausweis,hh-wandsbek,2026-11-22T10:00:00+01:00,15",  # Sunday
        "BK-3,ausweis,hh-wandsbek,2026-11-24T17:55:00+01:00,15",  # past 18:00
    ]), config, source="day.csv", warnings=warnings)
    assert [e["booking_id"] for e in entries] == ["BK-1", "BK-2", "BK-3"]
    assert warnings == [
        "day.csv: line 3: slot Sun 22.11.2026 10:00: the site is closed that day",
        "day.csv: line 4: slot Tue 24.11.2026 17:55-18:10 is outside the opening hours "
        "(08:00-18:00)",
    ]
