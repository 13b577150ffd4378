"""Screenshots of the real windows, as a person gets them: ``civiq demo`` under Xvfb on a
1920x1080 screen (an ordinary monitor), every civiq window captured at the size it opened
with, plus the whole screen. Part of ``make screenshots``.

    .venv/bin/python -m tools.real_windows [--out docs/screenshots] [--seconds 25]

Needs Xvfb, xwininfo, xdotool and ImageMagick's ``import`` (the Makefile's screenshot
packages).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("Xvfb", "xwininfo", "import", "xdotool")
_WINDOW = re.compile(r'^\s+(0x[0-9a-f]+) "(civiq[^"]*)": \([^)]*\)\s+(\d+)x(\d+)\+')


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on a display number of its own choosing; returns once it accepts clients
    (Xvfb writes the number to ``-displayfd`` when it is ready)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24",
                             "-dpi", "96", "-nolisten", "tcp"], pass_fds=(write,),
                            stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as ready:
        number = ready.readline().strip()
    if not number:
        xvfb.kill()
        raise SystemExit("tools.real_windows: Xvfb did not start")
    return xvfb, f":{number}"


def civiq_windows(display: str) -> dict[str, tuple[str, int, int]]:
    """title -> (window id, width, height) of every mapped civiq window."""
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                         env={**os.environ, "DISPLAY": display}, check=True).stdout
    found = {}
    for line in out.splitlines():
        m = _WINDOW.match(line)
        if m and int(m.group(3)) > 100:
            found[m.group(2)] = (m.group(1), int(m.group(3)), int(m.group(4)))
    return found


def slug(title: str) -> str:
    last = title.split("—")[-1].strip().lower()
    return re.sub(r"[^a-z0-9]+", "-", last).strip("-") or "window"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--seconds", type=float, default=25.0,
                   help="how long the demo runs before the capture (the day must move)")
    args = ap.parse_args()
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        print(f"tools.real_windows: {', '.join(missing)} missing; `make screenshots` installs "
              "them (xvfb, x11-utils, xdotool, imagemagick)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    xvfb, display = start_xvfb()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    try:
        with tempfile.TemporaryDirectory(prefix="civiq-shots-") as data:
            demo = subprocess.Popen(
                [sys.executable, "-m", "civiq", "demo", "--data", str(Path(data) / "demo"),
                 "--speed", "30", "--duration", str(args.seconds + 20)],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                time.sleep(args.seconds)
                windows = civiq_windows(display)
                if not windows:
                    err = demo.stderr.read().decode() if demo.poll() is not None else ""
                    print(f"tools.real_windows: no civiq window appeared {err}", file=sys.stderr)
                    return 1
                for title, (wid, w, h) in sorted(windows.items()):
                    path = out / f"real-{slug(title)}.png"
                    # Windows open on top of each other and X keeps no hidden pixels:
                    # raise each before its picture.
                    subprocess.run(["xdotool", "windowraise", wid], env=env, check=True)
                    time.sleep(1.0)
                    subprocess.run(["import", "-window", wid, str(path)], env=env, check=True)
                    print(f"{path}: {title} ({w}x{h})")
                screen = out / "real-screen.png"
                subprocess.run(["import", "-window", "root", str(screen)], env=env, check=True)
                print(f"{screen}: the whole 1920x1080 screen")
            finally:
                demo.terminate()
                try:
                    demo.wait(20)
                except subprocess.TimeoutExpired:
                    demo.kill()
    finally:
        xvfb.terminate()
        xvfb.wait(5)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
