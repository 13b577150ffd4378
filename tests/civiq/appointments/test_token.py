"""Appointment QR tokens: what a booking system signs is exactly what a kiosk verifies,
and anything else — altered, forged, garbled — is refused with a reason."""

from __future__ import annotations

import base64
import json
import stat
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from PIL import Image

from civiq.appointments.cli import write_qr_png
from civiq.appointments.token import (
    AppointmentToken,
    TokenError,
    generate_keypair,
    load_private_key,
    load_public_key,
    load_public_keys,
    public_key_pem,
    save_private_key,
    save_public_key,
    sign_token,
    verify_token,
)
from civiq.cli import main as civiq_main
from civiq.config import ConfigError, load_site
from tests.conftest import EXAMPLE_SITE

BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 11, 24)
SLOT = datetime(2026, 11, 24, 9, 30, tzinfo=BERLIN)
KEYS = EXAMPLE_SITE.parent / "keys"
DEMO_PRIVATE = KEYS / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem"


def read_qr(png: Path) -> list:
    """QR codes only: a full-format scan can find a spurious 1-D code in a QR image."""
    return zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode)


@pytest.fixture(scope="module")
def pair():
    return generate_keypair()


@pytest.fixture(scope="module")
def token(pair) -> str:
    return sign_token(pair[0], "k1", "BK-2026.0042", "hh-wandsbek", DAY, SLOT)


def _code(text: str, keys) -> str:
    with pytest.raises(TokenError) as exc:
        verify_token(text, keys)
    return exc.value.code


def test_round_trip_gives_back_what_was_signed(pair, token: str) -> None:
    assert token.startswith("CQ1.k1.")
    assert len(token) < 260 and token.isascii() and token.isprintable()
    got = verify_token(token, {"k1": pair[1]})
    assert got == AppointmentToken(key_id="k1", booking_id="BK-2026.0042", site="hh-wandsbek",
                                   day=DAY, slot_start=SLOT)
    assert got.slot_start.utcoffset() == SLOT.utcoffset()


def test_scanner_line_ending_is_ignored(pair, token: str) -> None:
    assert verify_token(f"  {token}\r\n", {"k1": pair[1]}).booking_id == "BK-2026.0042"


def test_every_single_character_change_is_refused(pair, token: str) -> None:
    keys = {"k1": pair[1]}
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
    for i, ch in enumerate(token):
        for other in (alphabet[(alphabet.index(ch) + 1) % len(alphabet)], "="):
            altered = token[:i] + other + token[i + 1:]
            code = _code(altered, keys)
            assert code in {"malformed", "unknown_key", "bad_signature"}, (i, code)


def test_altered_payload_is_a_bad_signature(pair, token: str) -> None:
    prefix, kid, payload, sig = token.split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=="))
    body["t"] = "2026-11-24T16:30:00+01:00"  # a later slot, to dodge "too late"
    forged = base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode())
    forged_text = f"{prefix}.{kid}.{forged.decode().rstrip('=')}.{sig}"
    assert _code(forged_text, {"k1": pair[1]}) == "bad_signature"


def test_non_canonical_base64_is_malformed_not_accepted(pair, token: str) -> None:
    # The last of 86 signature characters carries 2 bits; the other 4 are ignored by a
    # lenient decoder. Such a spelling must not pass as "the same" signature.
    head, sig = token.rsplit(".", 1)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    i = alphabet.index(sig[-1])
    twin = alphabet[(i & ~0b1111) | ((i + 1) & 0b1111)]
    assert base64.urlsafe_b64decode(sig[:-1] + twin + "==") == \
        base64.urlsafe_b64decode(sig + "==")
    assert _code(f"{head}.{sig[:-1]}{twin}", {"k1": pair[1]}) == "malformed"


def test_unknown_key_and_forged_key(pair, token: str) -> None:
    other_private, other_public = generate_keypair()
    assert _code(token, {"k2": pair[1]}) == "unknown_key"
    # Same key id, someone else's key: a forgery.
    forged = sign_token(other_private, "k1", "BK-2026.0042", "hh-wandsbek", DAY, SLOT)
    assert _code(forged, {"k1": pair[1]}) == "bad_signature"
    assert verify_token(forged, {"k1": other_public}).booking_id == "BK-2026.0042"


@pytest.mark.parametrize("text", [
    "", "hello", "CQ1", "CQ1.k1.e30", "CQ2.k1.e30.AAAA", "CQ1.k1.e30.AAAA.AAAA",
    "CQ1.k 1.e30.AAAA", "CQ1.k1.e3+0.AAAA", "CQ1.k1.e30." + "A" * 2000,
    "https://example.org/booking?id=42",
])
def test_garbage_is_malformed(pair, text: str) -> None:
    assert _code(text, {"k1": pair[1]}) == "malformed"


def test_correctly_signed_but_wrong_payload_is_malformed(pair) -> None:
    def signed(body: bytes) -> str:
        p = base64.urlsafe_b64encode(body).decode().rstrip("=")
        head = f"CQ1.k1.{p}"
        s = base64.urlsafe_b64encode(pair[0].sign(head.encode())).decode().rstrip("=")
        return f"{head}.{s}"

    keys = {"k1": pair[1]}
    assert _code(signed(b"not json"), keys) == "malformed"
    assert _code(signed(b'{"b":"x"}'), keys) == "malformed"
    assert _code(signed(b'{"b":"x","s":"y","d":"2026-11-24","t":"2026-11-24T09:30:00"}'),
                 keys) == "malformed"  # no offset
    assert _code(signed(b'{"b":"x","s":"y","d":"24.11.2026","t":"2026-11-24T09:30+01:00"}'),
                 keys) == "malformed"


def test_sign_refuses_bad_input(pair) -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        sign_token(pair[0], "k1", "BK-1", "hh-wandsbek", DAY, SLOT.replace(tzinfo=None))
    with pytest.raises(ValueError, match="key id"):
        sign_token(pair[0], "k.1", "BK-1", "hh-wandsbek", DAY, SLOT)
    with pytest.raises(ValueError, match="booking id"):
        sign_token(pair[0], "k1", "Max Mustermann", "hh-wandsbek", DAY, SLOT)
    # A trailing newline (a line read from a file) is not part of an id.
    with pytest.raises(ValueError, match="key id"):
        sign_token(pair[0], "k1\n", "BK-1", "hh-wandsbek", DAY, SLOT)
    with pytest.raises(ValueError, match="booking id"):
        sign_token(pair[0], "k1", "BK-1\n", "hh-wandsbek", DAY, SLOT)


def test_pem_files_round_trip(tmp_path: Path, pair) -> None:
    priv = save_private_key(pair[0], tmp_path / "k" / "private.pem")
    pub = save_public_key(pair[1], tmp_path / "k" / "public.pem")
    assert stat.S_IMODE(priv.stat().st_mode) == 0o600
    token = sign_token(load_private_key(priv), "k1", "BK-1", "hh-wandsbek", DAY, SLOT)
    keys = load_public_keys({"k1": str(pub), "inline": public_key_pem(pair[1]).decode()})
    assert verify_token(token, keys).booking_id == "BK-1"
    assert public_key_pem(load_public_key(pub)) == public_key_pem(pair[1])


def test_bad_key_files_say_what_is_wrong(tmp_path: Path, pair) -> None:
    (tmp_path / "junk.pem").write_text("-----BEGIN PUBLIC KEY-----\nnope\n")
    with pytest.raises(ValueError, match=r"'k1'.*junk\.pem: not a PEM public key"):
        load_public_keys({"k1": str(tmp_path / "junk.pem")})
    with pytest.raises(ValueError, match=r"missing\.pem: cannot read"):
        load_public_keys({"k1": str(tmp_path / "missing.pem")})
    save_private_key(pair[0], tmp_path / "private.pem")
    with pytest.raises(ValueError, match="not a PEM public key"):
        load_public_keys({"k1": str(tmp_path / "private.pem")})


def test_demo_keys_shipped_with_the_example_site_match() -> None:
    cfg = load_site(EXAMPLE_SITE)
    keys = load_public_keys(cfg.appointments.public_keys)
    token = sign_token(load_private_key(DEMO_PRIVATE), "demo", "BK-1", cfg.site.id, DAY, SLOT)
    assert verify_token(token, keys).site == "hh-wandsbek"
    assert (cfg.appointments.window_before_min, cfg.appointments.window_after_min) == (30, 15)


def test_site_file_key_paths_resolve_next_to_the_site_file(tmp_path: Path, pair) -> None:
    folder = tmp_path / "elsewhere"
    save_public_key(pair[1], folder / "keys" / "b.pem")
    site = folder / "site.toml"
    site.write_text(EXAMPLE_SITE.read_text(encoding="utf-8").replace(
        'demo = "keys/demo-public-key.pem"', 'booking = "keys/b.pem"'), encoding="utf-8")
    cfg = load_site(site)
    assert cfg.appointments.public_keys == {"booking": str(folder / "keys" / "b.pem")}
    site.write_text(site.read_text(encoding="utf-8").replace("keys/b.pem", "keys/none.pem"),
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=r"appointments: public_keys.booking: no file .*none"):
        load_site(site)
    with pytest.raises(ConfigError, match="key id 'a b'"):
        load_site(EXAMPLE_SITE, appointments={"public_keys": {"a b": "x.pem"}})


def test_qr_png_decodes_back_to_the_same_token(tmp_path: Path, token: str) -> None:
    png = write_qr_png(token, tmp_path / "qr.png")
    found = read_qr(png)
    assert [b.text for b in found] == [token]


def test_cli_keygen_and_sign_with_png(tmp_path: Path, capsys) -> None:
    assert civiq_main(["appointments", "keygen", "--out", str(tmp_path), "--key-id", "bk1"]) == 0
    assert "bk1-public-key.pem" in capsys.readouterr().out
    png = tmp_path / "code.png"
    assert civiq_main([
        "appointments", "sign", "--key", str(tmp_path / "bk1-private-key.pem"),
        "--key-id", "bk1", "--site-id", "hh-wandsbek", "--booking", "BK-77",
        "--slot", "2026-11-24T09:30:00+01:00", "--png", str(png),
    ]) == 0
    printed = capsys.readouterr().out.strip()
    got = verify_token(printed, load_public_keys({"bk1": str(tmp_path / "bk1-public-key.pem")}))
    assert (got.booking_id, got.day, got.slot_start) == ("BK-77", DAY, SLOT)
    assert [b.text for b in read_qr(png)] == [printed]
    # keygen never overwrites a key by accident
    assert civiq_main(["appointments", "keygen", "--out", str(tmp_path), "--key-id", "bk1"]) == 2
    assert "exists" in capsys.readouterr().err


def test_the_documented_example_verifies_with_the_demo_key() -> None:
    doc = (EXAMPLE_SITE.parent.parent / "docs" / "protocol.md").read_text(encoding="utf-8")
    section = doc.split("<!-- appointment-token:begin -->")[1].split(
        "<!-- appointment-token:end -->")[0]
    assert "## Appointment QR token" in section
    example = next(ln for ln in section.splitlines() if ln.startswith("CQ1.demo."))
    keys = load_public_keys(load_site(EXAMPLE_SITE).appointments.public_keys)
    assert verify_token(example, keys).booking_id == "BK-1"
