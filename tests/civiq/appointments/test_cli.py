"""``civiq appointments keygen`` and ``sign``: what a booking system's operator types."""

from __future__ import annotations

import zxingcpp
from PIL import Image

from civiq.cli import main as civiq_main
from tests.conftest import EXAMPLE_SITE

KEY = str(EXAMPLE_SITE.parent / "keys" / "demo-private-key-DO-NOT-USE-IN-PRODUCTION.pem")
SIGN = ["appointments", "sign", "--key", KEY, "--key-id", "demo", "--site-id", "hh-wandsbek",
        "--booking", "BK-7"]


def test_keygen_refuses_a_missing_folder_and_prints_a_path_any_site_file_can_use(
        tmp_path, capsys, monkeypatch) -> None:
    assert civiq_main(["appointments", "keygen", "--out", str(tmp_path / "no" / "dir"),
                       "--key-id", "k1"]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "keys").mkdir()
    assert civiq_main(["appointments", "keygen", "--out", "keys", "--key-id", "k1"]) == 0
    out = capsys.readouterr().out
    assert f'public_keys = {{ k1 = "{tmp_path / "keys" / "k1-public-key.pem"}" }}' in out


def test_sign_refuses_a_day_that_is_not_the_slots(capsys) -> None:
    assert civiq_main([*SIGN, "--slot", "2026-12-02T09:30:00+01:00", "--day",
                       "2026-12-03"]) == 2
    err = capsys.readouterr().err
    assert "--day 2026-12-03 but the slot" in err and "is on 2026-12-02" in err


def test_sign_says_no_such_date(capsys) -> None:
    assert civiq_main([*SIGN, "--slot", "2026-02-30T09:30:00+01:00"]) == 2
    assert "no such date (2026-02-30)" in capsys.readouterr().err


def test_the_qr_png_says_under_the_code_whose_it_is(tmp_path, capsys) -> None:
    png = tmp_path / "bk7.png"
    assert civiq_main([*SIGN, "--service", "fuehrerschein", "--slot",
                       "2026-11-24T09:30:00+01:00", "--png", str(png)]) == 0
    token = capsys.readouterr().out.strip()
    image = Image.open(png)
    (code,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert code.text == token
    # Text under the code: dark pixels below the code's own square.
    below = image.convert("L").crop((0, image.width, image.width, image.height))
    assert image.height > image.width and below.getextrema()[0] < 128


def test_a_png_that_cannot_be_written_is_refused_before_the_code_is_printed(
        tmp_path, capsys) -> None:
    for png, why in (("/proc/x.png", "cannot write: no file can be made in /proc"),
                     (str(tmp_path / "no" / "x.png"), f"no folder {tmp_path / 'no'}"),
                     (str(tmp_path), "cannot write: it is a folder")):
        for kind in (["--slot", "2026-11-24T09:30:00+01:00"], ["--kind", "pickup"]):
            assert civiq_main([*SIGN, *kind, "--png", png]) == 2
            said = capsys.readouterr()
            assert said.out == ""  # no token printed without its QR code
            assert said.err.startswith(f"civiq appointments sign: {png}: ")
            assert why in said.err and said.err.count("\n") == 1
            assert "Traceback" not in said.err and "FileNotFoundError" not in said.err
