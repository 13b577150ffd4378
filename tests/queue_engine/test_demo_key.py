"""The demo signing key's private half ships with civiq: an engine trusts it only at a
site that says it is a demonstration (or when told so on the command line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from civiq.appointments.token import generate_keypair, public_key_pem
from civiq.config import load_site
from queue_engine.main import demo_key_refusal
from tests.conftest import EXAMPLE_SITE

KEYS = EXAMPLE_SITE.parent / "keys"


def copy_of_example(tmp_path: Path, key: str, *, demo: bool = False) -> Path:
    """The example site file as a real site would copy it, with ``demo = true`` removed."""
    text = EXAMPLE_SITE.read_text(encoding="utf-8")
    assert "\ndemo = true\n" in text  # the example says so...
    if not demo:
        text = text.replace("\ndemo = true\n", "\n")
    text = text.replace('demo = "keys/demo-public-key.pem"', f'demo = "{key}"')
    site = tmp_path / "site.toml"
    site.write_text(text, encoding="utf-8")
    return site


def test_a_site_trusting_the_demo_key_is_refused_in_one_line(tmp_path: Path) -> None:
    site = copy_of_example(tmp_path, str(KEYS / "demo-public-key.pem"))
    proc = subprocess.run(
        [sys.executable, "-m", "civiq", "engine", "--site", str(site),
         "--data", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "demo key demo" in lines[0] and "demo = true" in lines[0]
    assert "--allow-demo-key" in lines[0]
    assert not (tmp_path / "data").exists()  # refused before it touched anything


def test_the_demo_key_is_known_without_its_mark(tmp_path: Path) -> None:
    pem = (KEYS / "demo-public-key.pem").read_text(encoding="utf-8")
    bare = tmp_path / "booking.pem"
    bare.write_text(pem[pem.index("-----BEGIN"):], encoding="utf-8")
    cfg = load_site(copy_of_example(tmp_path, str(bare)))
    assert "demo key demo" in (demo_key_refusal(cfg) or "")
    assert demo_key_refusal(cfg, allow=True) is None


def test_demo_sites_and_real_keys_start(tmp_path: Path) -> None:
    assert demo_key_refusal(load_site(EXAMPLE_SITE)) is None  # the example says demo = true
    own = tmp_path / "own.pem"
    own.write_bytes(public_key_pem(generate_keypair()[1]))
    assert demo_key_refusal(load_site(copy_of_example(tmp_path, str(own)))) is None
