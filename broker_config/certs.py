"""A test certificate authority and server certificates, for demos and tests only.

A real site uses certificates from its own CA (docs/deploy.md, "Certificates"): the
broker needs ``ca.crt``, ``server.crt`` and ``server.key`` in its certificate folder,
whatever made them.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEFAULT_HOSTS = ("localhost", "127.0.0.1")


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    data = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _write_cert(path: Path, cert: x509.Certificate) -> None:
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    os.chmod(path, 0o644)


def make_ca(folder: Path, name: str = "civiq test CA", days: int = 825) -> None:
    """``ca.crt`` and ``ca.key`` in ``folder`` (an existing CA is kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / "ca.crt").exists() and (folder / "ca.key").exists():
        return
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    _write_key(folder / "ca.key", key)
    _write_cert(folder / "ca.crt", cert)


def issue_server(ca_folder: Path, out: Path, hosts: tuple[str, ...] = DEFAULT_HOSTS,
                 days: int = 397) -> None:
    """``server.crt``/``server.key`` for ``hosts`` (names and IP addresses) in ``out``,
    signed by the CA in ``ca_folder``, with a copy of ``ca.crt`` beside them."""
    ca_key = serialization.load_pem_private_key((ca_folder / "ca.key").read_bytes(), None)
    ca_cert = x509.load_pem_x509_certificate((ca_folder / "ca.crt").read_bytes())
    out.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for h in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(h)))
        except ValueError:
            names.append(x509.DNSName(h))
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])]))
            .issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    _write_key(out / "server.key", key)
    _write_cert(out / "server.crt", cert)
    _write_cert(out / "ca.crt", ca_cert)


def make_test_certificates(folder: Path, hosts: tuple[str, ...] = DEFAULT_HOSTS) -> Path:
    """A test CA and a server certificate in ``folder`` (``ca/`` and ``server/``); the
    server folder, ready for ``--certs``."""
    make_ca(folder / "ca")
    issue_server(folder / "ca", folder / "server", hosts)
    return folder / "server"
