"""Site files: the example loads, and every error names the file, the key and the problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from civiq.config import ConfigError, load_site

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sites" / "hamburg-wandsbek.toml"
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


def site_file(tmp_path: Path, text: str) -> Path:
    # The site file names key files relative to its own folder.
    keys = tmp_path / "keys"
    if not keys.exists():
        keys.symlink_to(EXAMPLE.parent / "keys")
    p = tmp_path / "site.toml"
    p.write_text(text, encoding="utf-8")
    return p


def edited(old: str, new: str, count: int = 1) -> str:
    assert old in EXAMPLE_TEXT, old
    return EXAMPLE_TEXT.replace(old, new, count)


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as exc:
        load_site(path)
    return str(exc.value)


def test_the_example_site_loads() -> None:
    cfg = load_site(EXAMPLE)
    assert cfg.site.id == "hh-wandsbek"
    assert [s.prefix for s in cfg.services] == ["A", "B", "C", "D"]
    assert cfg.counter("platz-5").services == ["fuehrerschein", "ausweis"]
    assert cfg.hours["sunday"] == []


def test_a_name_missing_in_a_language_falls_back_to_english_then_the_sites_first() -> None:
    cfg = load_site(EXAMPLE)
    svc = cfg.service("ausweis").model_copy(update={"names": {"de": "Ausweis",
                                                              "tr": "Kimlik"}})
    assert cfg.service_name(svc, "tr") == "Kimlik"
    assert cfg.service_name(cfg.service("ausweis").model_copy(update={"names": {
        "de": "Ausweis", "en": "ID card"}}), "pl") == "ID card"
    # no English name: the site's first language, German here
    assert cfg.service_name(svc, "pl") == "Ausweis"
    assert svc.name("pl", "tr") == "Kimlik"  # a site whose first language is Turkish
    assert svc.name("pl") == "Ausweis"  # then German
    assert cfg.service("melde").model_copy(update={"names": {"ar": "x"}}).name("pl") == "x"


@pytest.mark.parametrize(("old", "new", "key", "problem"), [
    ('prefix = "B"', 'prefix = "b"', "services[1].prefix", "one capital letter"),
    ('prefix = "B"', 'prefix = "A"', "services", "prefix A used twice"),
    ('prefix = "B"', 'prefx = "B"', "services[1].prefx",
     "unknown key 'prefx'; did you mean 'prefix'?"),
    ('[display]\n', '[display]\nlanguage = ["de"]\n', "display.language",
     "did you mean 'languages'?"),
    ('below.\nlanguages = ["de", "en"', 'below.\nlanguages = ["de", "fr"', "display.languages",
     "'fr' is not one of the site's languages (de, en, tr, ar, ru, uk, pl, fa)"),
    ("minutes = 6\n", "minutes = -6\n", "services[1].minutes", "greater than 0"),
    ("minutes = 6\n", 'minutes = "six"\n', "services[1].minutes", "number"),
    ('tuesday = "08:00-18:00"', 'tuesday = "18:00-08:00"', "hours", "closes before it opens"),
    ('tuesday = "08:00-18:00"', 'tuesday = "8 to 6"', "hours", "HH:MM-HH:MM"),
    ('tuesday = "08:00-18:00"', 'tuesday = ["08:00-12:00", "11:00-18:00"]', "hours",
     "overlap"),
    ('sunday = "closed"', 'sundy = "closed"', "hours", "unknown weekday"),
    ('timezone = "Europe/Berlin"', 'timezone = "Europe/Hamburg"', "site.timezone",
     "unknown time zone"),
    ('id = "hh-wandsbek"', 'id = "hh wandsbek/1"', "site.id", "letters, digits"),
    ('services = ["melde", "abholung"]', 'services = ["melde", "hundesteuer"]',
     "counters[3].services", "unknown service 'hundesteuer'"),
    ('services = ["melde", "abholung"]', "services = []", "counters[3].services",
     "at least 1"),
    ('id = "platz-2"', 'id = "platz-1"', "counters", "duplicate id"),
    ("port = 1883", "port = 70000", "broker.port", "less than or equal to 65535"),
    ("escalate_after_min = 45", "escalate_after_min = 0", "dispatch.escalate_after_min",
     "greater than 0"),
    ("viewing_distance_m = 5", "viewing_distance_m = 5\ncolour = 'red'", "display.colour",
     "unknown key 'colour'; allowed here: viewing_distance_m"),
])
def test_an_error_names_the_file_the_key_and_the_problem(
        tmp_path: Path, old: str, new: str, key: str, problem: str) -> None:
    path = site_file(tmp_path, edited(old, new))
    msg = error_of(path)
    line = next((x for x in msg.splitlines() if f": {key}:" in x), None)
    assert line is not None, f"no line names {key!r}:\n{msg}"
    assert line.startswith(f"{path}: {key}: ")
    assert problem.lower() in line.lower(), line


def test_a_misspelt_key_is_not_also_reported_missing(tmp_path: Path) -> None:
    msg = error_of(site_file(tmp_path, edited('prefix = "B"', 'prefx = "B"')))
    assert msg.splitlines() == [f"{tmp_path / 'site.toml'}: services[1].prefx: unknown key "
                                "'prefx'; did you mean 'prefix'?"]


def test_a_missing_table_is_named(tmp_path: Path) -> None:
    text = re.sub(r"\[\[counters\]\].*?(?=\n\[broker\])", "", EXAMPLE_TEXT, flags=re.S)
    msg = error_of(site_file(tmp_path, text))
    assert f"{tmp_path / 'site.toml'}: counters: Field required" in msg


def test_broken_toml_and_a_missing_file_are_named(tmp_path: Path) -> None:
    msg = error_of(site_file(tmp_path, EXAMPLE_TEXT + "\n[site\n"))
    assert msg.startswith(f"{tmp_path / 'site.toml'}: not valid TOML")
    missing = tmp_path / "nowhere.toml"
    assert error_of(missing).startswith(f"{missing}: cannot read")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = edited('prefix = "B"', 'prefix = "bb"').replace("port = 1883", "port = 0")
    lines = error_of(site_file(tmp_path, text)).splitlines()
    assert any(": services[1].prefix: " in x for x in lines)
    assert any(": broker.port: " in x for x in lines)


def test_command_line_overrides_replace_only_what_is_given(tmp_path) -> None:
    from civiq.config import load_site_overridden

    plain = load_site_overridden(EXAMPLE)
    assert plain.broker.port == 1883
    cfg = load_site_overridden(EXAMPLE, broker_port=18830, data_folder=str(tmp_path))
    assert (cfg.broker.port, cfg.broker.host) == (18830, plain.broker.host)
    assert cfg.data_folder() == tmp_path
    assert cfg.services == plain.services
