"""``civiq site``: a site on one machine with no network: the secured broker made on
first use, the engine in with its own credentials, a device reading its state."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from broker_config.mosquitto import free_port
from civiq.config import load_site
from civiq.protocol import envelope as env
from civiq.protocol import topics
from civiq.transport.mqtt import MqttClient
from tests.conftest import EXAMPLE_SITE
from tests.queue_engine.helpers import wait_until


def test_civiq_site_runs_a_secured_site_on_this_machine(tmp_path: Path) -> None:
    data = Path(tempfile.mkdtemp(prefix="civiq-site-"))  # the broker's user must reach it
    os.chmod(data, 0o755)
    port = free_port()
    text = EXAMPLE_SITE.read_text().replace("port = 1883", f"port = {port}", 1).replace(
        "[site]", f'[data]\nfolder = "{data}"\n\n[site]', 1)
    shutil.copytree(EXAMPLE_SITE.parent / "keys", tmp_path / "keys")
    site = tmp_path / "site.toml"
    site.write_text(text)
    assert tomllib.loads(text)["broker"]["port"] == port
    env_ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env_.pop("DISPLAY", None)
    proc = subprocess.Popen([sys.executable, "-m", "civiq", "site", "--site", str(site),
                             "--headless"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env_, text=True)
    viewer = None
    try:
        creds = data / "broker" / "credentials" / "engine.toml"
        wait_until(lambda: creds.exists() or proc.poll() is not None, timeout=40,
                   what="the broker configuration made")
        from broker_config.users import UserStore, reload_broker

        # A device added while the site runs (civiq device add does the same).
        UserStore(data / "broker", "site", "hh-wandsbek").ensure("display-9", "display")
        wait_until(lambda: reload_broker(data / "broker"), timeout=20, what="the broker")
        cfg = load_site(site, broker={"port": port, "credentials": str(
            data / "broker" / "credentials" / "display-9.toml")})
        online: list[bool] = []
        viewer = MqttClient(cfg.broker, cfg.site.id, "display", "display-9")
        viewer.route(topics.state_engine(cfg.site.id), lambda _t, p, _x: online.append(
            bool(p) and env.decode(p).data.get("online")))
        viewer.start()
        try:
            wait_until(lambda: any(online), timeout=60, what="the engine online at the site")
        except AssertionError as exc:
            logs = {p.name: p.read_text(errors="replace")[-2000:]
                    for p in data.rglob("*.log")}
            proc.terminate()
            out, err = proc.communicate(timeout=20)
            raise AssertionError(f"{exc}; site said: {out[-1500:]} {err[-1500:]}; "
                                 f"logs: {logs}") from None
        conf = (data / "broker" / "mosquitto.conf").read_text()
        assert "allow_anonymous false" in conf and "listener 8883" not in conf
        # The access list is this version's (written again at every start): the engine
        # may read the bridge's state, to send again what central may have lost.
        acl = (data / "broker" / "acl").read_text()
        assert "topic read $SYS/broker/connection/hh-wandsbek/state" in acl
    finally:
        if viewer is not None:
            viewer.stop()
        proc.terminate()
        out, err = proc.communicate(timeout=20)
        shutil.rmtree(data, ignore_errors=True)
    assert proc.returncode == 0, err
    assert "civiq site: stopped" in out and "Traceback" not in err


def test_civiq_site_starts_no_app_that_cannot_load(monkeypatch, capsys) -> None:
    from civiq import cli
    from civiq.cli.site import devices

    monkeypatch.setitem(cli.SUBCOMMANDS, "kiosk", ("no_such_module.main", "A kiosk."))
    apps = devices(load_site(EXAMPLE_SITE))
    assert "kiosk" not in {cmd for cmd, _ in apps.values()}
    assert {cmd for cmd, _ in apps.values()} == {"display", "counter"}
    err = capsys.readouterr().err
    assert err.startswith("civiq site: not starting kiosk: civiq kiosk: not available here")
    assert err.count("\n") == 1, err


def test_civiq_site_starts_the_kiosk_as_a_window_unless_asked() -> None:
    """One laptop, one screen: a kiosk locked full screen and always on top would hide
    the desks and swallow the keys (docs/deploy.md: the apps start as windows)."""
    import argparse

    from civiq.cli import build_parser
    from civiq.cli.site import devices
    from kiosk.main import add_arguments as kiosk_arguments

    cfg = load_site(EXAMPLE_SITE)
    assert cfg.kiosks
    kiosks = [opts for cmd, opts in devices(cfg).values() if cmd == "kiosk"]
    assert len(kiosks) == len(cfg.kiosks)
    p = argparse.ArgumentParser()
    kiosk_arguments(p)
    for opts in kiosks:
        args = p.parse_args(["--site", "x", *opts])
        assert args.window and args.size == "720x1100"
    full = [opts for cmd, opts in devices(cfg, kiosk_full_screen=True).values()
            if cmd == "kiosk"]
    assert all(not p.parse_args(["--site", "x", *opts]).window for opts in full)
    ns = build_parser("site").parse_args(["site", "--site", "x", "--kiosk-full-screen"])
    assert ns.kiosk_full_screen
