"""Complete Mosquitto configurations from the templates in ``broker_config/templates``:
a site broker (loopback listener, TLS listener on the site network, users, access list,
persistence, the bridge to central) and the central broker."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from string import Template

from broker_config.users import UserStore, write_file
from civiq.credentials import load_credentials
from civiq.protocol.envelope import MAX_PAYLOAD_BYTES

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Room for topic, properties and headers around the largest payload the protocol allows.
PACKET_OVERHEAD = 4096
MAX_PACKET_SIZE = MAX_PAYLOAD_BYTES + PACKET_OVERHEAD
#: What a busy site's bridge queues in a day offline (events and device status at QoS 1;
#: state goes at QoS 0, latest only): the simulator's default day (`civiq simulate`,
#: 300 visits) publishes 1,226 events, ~4.1 per visit; a busy site of 1,500 visits
#: makes ~6,200, with device status and alerts about 6,500.
BUSY_DAY_MESSAGES = 6_500
#: Fifteen such days (events are ~0.5 KiB: ~50 MiB at most in the broker's memory).
MAX_QUEUED = 100_000


class GenerateError(Exception):
    """The configuration cannot be written; the message says why."""


@dataclass(frozen=True)
class CentralLink:
    """The site's bridge to central: where, and the site's credentials there."""

    host: str
    port: int
    credentials: Path  # written by `civiq broker-config central --site ID`
    cafile: Path  # the CA that signed central's certificate


@dataclass(frozen=True)
class SiteBroker:
    site: str
    folder: Path
    port: int = 1883
    lan_port: int | None = 8883
    lan_address: str = "0.0.0.0"
    certs: Path | None = None  # ca.crt, server.crt, server.key
    central: CentralLink | None = None
    restart_timeout: tuple[int, int] = (5, 60)
    max_queued: int = MAX_QUEUED
    #: The process user Mosquitto runs as when started as root (None: its default,
    #: ``mosquitto``). ``root`` only for a demo in a folder that user cannot reach.
    run_as: str | None = None

    @property
    def config_file(self) -> Path:
        return self.folder / "mosquitto.conf"


CERT_FILES = ("ca.crt", "server.crt", "server.key")


def check_certs(certs: Path) -> None:
    """GenerateError, naming the folder and what to give instead, unless ``certs`` holds
    the three files a TLS listener needs."""
    for name in CERT_FILES:
        if (certs / name).is_file():
            continue
        if (certs / "server" / name).is_file() and (certs / "ca").is_dir():
            # `civiq broker-config ca --out DIR` writes DIR/ca (the CA's key: never to a
            # broker) and DIR/server (what a broker needs).
            raise GenerateError(f"{certs}: no {name}; this is the folder `civiq broker-config "
                                f"ca` wrote: use --certs {certs / 'server'}")
        raise GenerateError(f"{certs}: no {name} (a folder with ca.crt, server.crt and "
                            "server.key; `civiq broker-config ca` makes test ones)")


def _copy_certs(certs: Path, dest: Path) -> None:
    """Copy what :func:`check_certs` checked (before anything was written)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in CERT_FILES:
        if (certs / name).resolve() != (dest / name).resolve():
            shutil.copyfile(certs / name, dest / name)
    os.chmod(dest / "server.key", 0o600)


def _check_site(b: SiteBroker) -> None:
    """Every input of :func:`write_site` that can be wrong, before anything is written."""
    if b.lan_port is not None:
        if b.certs is None:
            raise GenerateError("the site network listener needs TLS certificates: give "
                                "--certs (or --no-lan for a broker on this machine only)")
        check_certs(b.certs)
    if b.central is not None:
        creds = load_credentials(b.central.credentials)
        if creds.role != "bridge" or creds.username != b.site:
            raise GenerateError(f"{b.central.credentials}: these are {creds.role} "
                                f"{creds.username!r}'s credentials, not site {b.site}'s bridge "
                                f"(make them with: civiq broker-config central --site {b.site})")
        if not b.central.cafile.is_file():
            raise GenerateError(f"{b.central.cafile}: no such file (--central-ca: the CA of "
                                "the central broker's certificate)")


def _first_missing(folder: Path) -> Path | None:
    """The outermost folder of ``folder``'s path that does not exist yet (None: it does)."""
    missing = None
    for p in (folder, *folder.absolute().parents):
        if p.exists():
            break
        missing = p
    return missing


def write_site(b: SiteBroker) -> Path:
    """Write the site broker's folder; keeps its users. Returns ``mosquitto.conf``.
    Its inputs are checked first; a failure leaves no folder this call made behind."""
    _check_site(b)
    made = _first_missing(b.folder)
    try:
        return _write_site(b)
    except BaseException:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)
        raise


def _write_site(b: SiteBroker) -> Path:
    b.folder.mkdir(parents=True, exist_ok=True)
    (b.folder / "data").mkdir(exist_ok=True)
    values = {"site": b.site, "folder": str(b.folder.resolve()), "port": b.port,
              "max_packet_size": MAX_PACKET_SIZE, "max_queued": b.max_queued,
              "busy_day": f"{BUSY_DAY_MESSAGES:,}"}
    text = Template((TEMPLATES / "site.conf").read_text()).substitute(values)
    if b.run_as:
        text += ("\n# ----- Process user -------------------------------------------------------\n"
                 "# Started as root in a folder the user mosquitto cannot reach (a demo in root's\n"
                 "# home): keep the starting user rather than fail to write the store.\n"
                 f"user {b.run_as}\n")
    if b.lan_port is not None:
        assert b.certs is not None  # _check_site
        _copy_certs(b.certs, b.folder / "certs")
        text += Template((TEMPLATES / "site-lan.conf").read_text()).substitute(
            lan_port=b.lan_port, lan_address=b.lan_address,
            certs=str((b.folder / "certs").resolve()))
    if b.central is not None:
        creds = load_credentials(b.central.credentials)
        cafile = b.folder / "certs" / "central-ca.crt"
        cafile.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(b.central.cafile, cafile)
        text += Template((TEMPLATES / "bridge.conf").read_text()).substitute(
            site=b.site, bridge_name=f"central-{b.site}", central_host=b.central.host,
            central_port=b.central.port, remote_user=creds.username,
            remote_password=creds.password.get_secret_value(), bridge_cafile=str(cafile.resolve()),
            restart_base=b.restart_timeout[0], restart_cap=b.restart_timeout[1])
    write_file(b.config_file, text, 0o600)  # the bridge's password is in it
    users = UserStore(b.folder, "site", b.site)
    users.ensure("engine", "engine")
    users.write_acl()  # which also hands the folder to the broker's user
    return b.config_file


@dataclass(frozen=True)
class CentralBroker:
    folder: Path
    certs: Path
    port: int = 8883
    address: str = "0.0.0.0"
    max_queued: int = MAX_QUEUED

    @property
    def config_file(self) -> Path:
        return self.folder / "mosquitto.conf"


def write_central(b: CentralBroker, sites: list[str] = (), operators: list[str] = ()) -> Path:
    check_certs(b.certs)
    b.folder.mkdir(parents=True, exist_ok=True)
    (b.folder / "data").mkdir(exist_ok=True)
    _copy_certs(b.certs, b.folder / "certs")
    text = Template((TEMPLATES / "central.conf").read_text()).substitute(
        folder=str(b.folder.resolve()), port=b.port, address=b.address,
        max_packet_size=MAX_PACKET_SIZE, max_queued=b.max_queued,
        certs=str((b.folder / "certs").resolve()))
    write_file(b.config_file, text, 0o600)  # the broker's user's only
    users = UserStore(b.folder, "central")
    users.ensure("central", "central")
    for site in sites:
        if site not in users.roles():
            users.add(site, "bridge")
    for op in operators:
        if op not in users.roles():
            users.add(op, "operator")
    users.write_acl()  # which also hands the folder to the broker's user
    return b.config_file
