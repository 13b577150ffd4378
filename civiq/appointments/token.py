"""Ed25519-signed appointment tokens: the text inside a booking's QR code.

The booking system signs, the engine verifies; a kiosk or anyone who reads a QR code can
check a token but never make one. Free of Qt, of pydantic and of the engine, so a booking
system can import just this module (with ``cryptography``, and the plain patterns of
:mod:`civiq.protocol.formats`).

Format (docs/protocol.md, "Appointment QR token")::

    CQ1.<key_id>.<payload>.<signature>

* ``key_id``: 1-32 of ``A-Z a-z 0-9 _ -``; names the public key in the site file;
* ``payload``: base64url (no padding) of compact JSON
  ``{"b": booking_id, "s": site, "d": "YYYY-MM-DD", "t": slot start ISO 8601 with offset}``;
* ``signature``: base64url (no padding) of the 64-byte Ed25519 signature over the ASCII
  text ``CQ1.<key_id>.<payload>``, so the key id is covered as well.

Document pick-up codes (the "your passport is ready" letter) are the same format, signed
the same way, with a *kind* in the payload:
``{"k": "pickup", "b": pickup_id, "s": site, "d": ready from "YYYY-MM-DD",
"u": last day to collect "YYYY-MM-DD"}`` (an appointment's payload has no ``k``).

Only the canonical base64url spelling is accepted: otherwise the last character of a
field could change without changing its bytes, and an altered code would still pass.

A booking also has a short **booking code** for people who cannot aim a QR code
(EN 301 549): 10 digits typed on the kiosk's keypad, derived from the token's signature
(:func:`booking_code`). Only the holder of the private key can make a valid signature, so
only the booking system knows a booking's code before the letter is printed; it sends the
code to the engine with the booking. The last digit is a Damm check digit, so a mistyped
digit or two swapped neighbours are refused as a typo before anything is looked up.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from civiq.protocol.formats import BOOKING_CODE_RE as BOOKING_CODE
from civiq.protocol.formats import CODE_DIGITS
from civiq.protocol.formats import ID_RE as _ID

PREFIX = "CQ1"
#: Longer text is refused unread (a real token is about 230 characters).
MAX_TOKEN_CHARS = 1024
KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_B64 = re.compile(r"^[A-Za-z0-9_-]+$")
_SIG_BYTES = 64

MALFORMED = "malformed"
UNKNOWN_KEY = "unknown_key"
BAD_SIGNATURE = "bad_signature"


class TokenError(Exception):
    """A token that cannot be trusted; ``code`` is one of malformed, unknown_key,
    bad_signature (the engine's error codes of the same names)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


KIND_APPOINTMENT = "appointment"
KIND_PICKUP = "pickup"
KINDS = (KIND_APPOINTMENT, KIND_PICKUP)


@dataclass(frozen=True)
class AppointmentToken:
    key_id: str
    booking_id: str
    site: str
    day: date
    slot_start: datetime
    kind: str = KIND_APPOINTMENT


@dataclass(frozen=True)
class PickupToken:
    """A document pick-up code: one ticket for the site's pick-up service, once, on any
    day from ``ready_from`` to ``until``."""

    key_id: str
    pickup_id: str
    site: str
    ready_from: date
    until: date
    kind: str = KIND_PICKUP


# ----- keys ---------------------------------------------------------------------------
def generate_keypair() -> tuple[Ed25519PrivateKey, Ed25519PublicKey]:
    private = Ed25519PrivateKey.generate()
    return private, private.public_key()


def private_key_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def save_private_key(key: Ed25519PrivateKey, path: str | Path) -> Path:
    """Write PKCS#8 PEM readable by the owner only."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(private_key_pem(key))
    os.chmod(p, 0o600)  # O_CREAT's mode does not apply to an existing file
    return p


def save_public_key(key: Ed25519PublicKey, path: str | Path) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(public_key_pem(key))
    return p


def _pem_bytes(source: str | bytes | Path) -> tuple[bytes, str]:
    """(PEM bytes, where they came from) for inline PEM text or a file path."""
    if isinstance(source, bytes):
        return source, "inline PEM"
    if isinstance(source, str) and source.lstrip().startswith("-----BEGIN"):
        return source.encode(), "inline PEM"
    p = Path(source).expanduser()
    try:
        return p.read_bytes(), str(p)
    except OSError as exc:
        raise ValueError(f"{p}: cannot read: {exc.strerror or exc}") from exc


def load_private_key(source: str | bytes | Path) -> Ed25519PrivateKey:
    """From a PEM file path or inline PEM; ValueError says what is wrong."""
    data, where = _pem_bytes(source)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{where}: not an unencrypted PEM private key ({exc})") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{where}: not an Ed25519 key")
    return key


def load_public_key(source: str | bytes | Path) -> Ed25519PublicKey:
    """From a PEM file path or inline PEM; ValueError says what is wrong."""
    data, where = _pem_bytes(source)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{where}: not a PEM public key ({exc})") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{where}: not an Ed25519 key")
    return key


#: The first words of the demo key files in ``sites/keys/``, whose private half is public.
DEMO_MARK = b"civiq-demo-key:"
#: The shipped demo key's raw public bytes: a copy that lost the mark is still known.
DEMO_PUBLIC_KEYS = frozenset({
    bytes.fromhex("365510dff1b1660b6551b30a177e3fe70b28094e457d192874e24313ec86883e"),
})


def is_demo_key(source: str | bytes | Path) -> bool:
    """True for a public key marked as a demo key, or the demo key under any mark: anyone
    can sign codes that it accepts."""
    data, _ = _pem_bytes(source)
    if data.lstrip().startswith(DEMO_MARK):
        return True
    raw = load_public_key(data).public_bytes(serialization.Encoding.Raw,
                                             serialization.PublicFormat.Raw)
    return raw in DEMO_PUBLIC_KEYS


def load_public_keys(sources: Mapping[str, str | bytes | Path]) -> dict[str, Ed25519PublicKey]:
    """key id -> key, as configured in a site file's ``[appointments] public_keys``."""
    out: dict[str, Ed25519PublicKey] = {}
    for key_id, source in sources.items():
        if not KEY_ID.fullmatch(key_id):
            raise ValueError(f"key id {key_id!r}: use 1-32 of A-Z a-z 0-9 _ -")
        try:
            out[key_id] = load_public_key(source)
        except ValueError as exc:
            raise ValueError(f"public key {key_id!r}: {exc}") from exc
    return out


# ----- tokens -------------------------------------------------------------------------
def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64d(text: str, what: str) -> bytes:
    if not _B64.fullmatch(text):
        raise TokenError(MALFORMED, f"{what}: not base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise TokenError(MALFORMED, f"{what}: not base64url") from exc
    if _b64e(data) != text:
        raise TokenError(MALFORMED, f"{what}: not canonical base64url")
    return data


def _check_signing(key_id: str, ids: tuple[tuple[str, str], ...],
                   dates: tuple[tuple[object, str], ...]) -> None:
    if not KEY_ID.fullmatch(key_id):
        raise ValueError(f"key id {key_id!r}: use 1-32 of A-Z a-z 0-9 _ -")
    for value, what in ids:
        if not _ID.fullmatch(value):
            raise ValueError(f"{what} {value!r}: use 1-64 of A-Z a-z 0-9 _ . - "
                             "(starting with a letter or digit)")
    for d, what in dates:
        if isinstance(d, datetime) or not isinstance(d, date):
            raise ValueError(f"{what} must be a date")


def _sign(private_key: Ed25519PrivateKey, key_id: str, body: dict[str, str]) -> str:
    signed = f"{PREFIX}.{key_id}.{_b64e(json.dumps(body, separators=(',', ':')).encode())}"
    return f"{signed}.{_b64e(private_key.sign(signed.encode('ascii')))}"


def sign_token(private_key: Ed25519PrivateKey, key_id: str, booking_id: str, site: str,
               day: date, slot_start: datetime) -> str:
    """The compact text for a booking's QR code."""
    _check_signing(key_id, ((booking_id, "booking id"), (site, "site id")), ((day, "day"),))
    if slot_start.tzinfo is None or slot_start.utcoffset() is None:
        raise ValueError("slot_start needs a UTC offset")
    return _sign(private_key, key_id, {"b": booking_id, "s": site, "d": day.isoformat(),
                                       "t": slot_start.isoformat(timespec="seconds")})


def sign_pickup_token(private_key: Ed25519PrivateKey, key_id: str, pickup_id: str,
                      site: str, ready_from: date, until: date) -> str:
    """The compact text for a document pick-up letter's QR code."""
    _check_signing(key_id, ((pickup_id, "pick-up id"), (site, "site id")),
                   ((ready_from, "ready_from"), (until, "until")))
    if until < ready_from:
        raise ValueError(f"until {until} is before ready_from {ready_from}")
    return _sign(private_key, key_id, {"k": KIND_PICKUP, "b": pickup_id, "s": site,
                                       "d": ready_from.isoformat(), "u": until.isoformat()})


# A booking code has CODE_DIGITS digits (civiq.protocol.formats): 9 from the signature's
# hash (1e9 values), then a check digit; BOOKING_CODE matches one.
_CODE_CONTEXT = b"civiq booking code v1\0"
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2), (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9), (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8), (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4), (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5), (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def _damm(digits: str) -> int:
    interim = 0
    for d in digits:
        interim = _DAMM[interim][int(d)]
    return interim


def booking_code(token: str) -> str:
    """The 10-digit code a person can type instead of scanning ``token``'s QR code.

    Derived from the signature (a hash of it, as digits), so it needs no storage at the
    booking system and cannot be worked out from the booking id, site or slot. It proves
    nothing by itself: the engine accepts it only because the booking system sent it with
    the booking. ValueError for text that is not a token's shape.
    """
    parts = token.strip().split(".")
    if len(parts) != 4 or parts[0] != PREFIX:
        raise ValueError(f"not a civiq token (expected {PREFIX}.…)")
    try:
        signature = _b64d(parts[3], "signature")
    except TokenError as exc:
        raise ValueError(exc.message) from exc
    digest = hashlib.sha256(_CODE_CONTEXT + signature).digest()
    body = f"{int.from_bytes(digest[:8], 'big') % 10 ** (CODE_DIGITS - 1):09d}"
    return body + str(_damm(body))


def normalise_booking_code(text: str) -> str:
    """Spaces and hyphens as printed (``123 456 789 0``) removed."""
    return "".join(ch for ch in text if ch not in " -\t")


def booking_code_ok(code: str) -> bool:
    """10 digits whose check digit fits: False for a typo (a wrong digit, two swapped)."""
    return bool(BOOKING_CODE.fullmatch(code)) and _damm(code) == 0


def format_booking_code(code: str) -> str:
    """``1234567890`` -> ``123 456 789 0``: the way the letter prints it."""
    return f"{code[:3]} {code[3:6]} {code[6:9]} {code[9:]}"


def verify_token(text: str, public_keys: Mapping[str, Ed25519PublicKey]
                 ) -> AppointmentToken | PickupToken:
    """Check a scanned token; :class:`TokenError` says why it cannot be trusted.

    Surrounding whitespace (scanners end with CR/LF) is ignored; nothing else is.
    """
    if not isinstance(text, str):
        raise TokenError(MALFORMED, "a token is text")
    if len(text) > MAX_TOKEN_CHARS:
        raise TokenError(MALFORMED, f"longer than {MAX_TOKEN_CHARS} characters")
    text = text.strip()
    parts = text.split(".")
    if len(parts) != 4 or parts[0] != PREFIX:
        raise TokenError(MALFORMED, f"not a civiq appointment code (expected {PREFIX}.…)")
    _, key_id, payload_b64, sig_b64 = parts
    if not KEY_ID.fullmatch(key_id):
        raise TokenError(MALFORMED, "key id: not 1-32 of A-Z a-z 0-9 _ -")
    payload = _b64d(payload_b64, "payload")
    signature = _b64d(sig_b64, "signature")
    if len(signature) != _SIG_BYTES:
        raise TokenError(MALFORMED, f"signature: {len(signature)} bytes, not {_SIG_BYTES}")
    key = public_keys.get(key_id)
    if key is None:
        raise TokenError(UNKNOWN_KEY, f"no public key {key_id!r} at this site")
    try:
        key.verify(signature, f"{PREFIX}.{key_id}.{payload_b64}".encode("ascii"))
    except InvalidSignature as exc:
        raise TokenError(BAD_SIGNATURE, "the signature does not match: altered or forged"
                         ) from exc
    return _parse_payload(key_id, payload)


def _parse_payload(key_id: str, payload: bytes) -> AppointmentToken | PickupToken:
    # Only a correctly signed payload gets here, so a failure is the signer's bug.
    try:
        raw = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TokenError(MALFORMED, "payload: not JSON") from exc
    if isinstance(raw, dict) and "k" in raw:
        return _parse_pickup(key_id, raw)
    if not isinstance(raw, dict) or set(raw) != {"b", "s", "d", "t"} or not all(
        isinstance(v, str) for v in raw.values()
    ):
        raise TokenError(MALFORMED, 'payload: expected string fields "b", "s", "d", "t"')
    if not _ID.fullmatch(raw["b"]) or not _ID.fullmatch(raw["s"]):
        raise TokenError(MALFORMED, "payload: booking or site id not valid")
    try:
        day = date.fromisoformat(raw["d"])
        slot = datetime.fromisoformat(raw["t"])
    except ValueError as exc:
        raise TokenError(MALFORMED, f"payload: {exc}") from exc
    if slot.tzinfo is None:
        raise TokenError(MALFORMED, "payload: slot start has no UTC offset")
    return AppointmentToken(key_id=key_id, booking_id=raw["b"], site=raw["s"], day=day,
                            slot_start=slot)


def _parse_pickup(key_id: str, raw: dict) -> PickupToken:
    if raw.get("k") != KIND_PICKUP:
        raise TokenError(MALFORMED, f"payload: unknown kind {raw.get('k')!r}")
    if set(raw) != {"k", "b", "s", "d", "u"} or not all(isinstance(v, str)
                                                         for v in raw.values()):
        raise TokenError(MALFORMED, 'pick-up payload: expected string fields "k", "b", "s", '
                         '"d", "u"')
    if not _ID.fullmatch(raw["b"]) or not _ID.fullmatch(raw["s"]):
        raise TokenError(MALFORMED, "payload: pick-up or site id not valid")
    try:
        ready, until = date.fromisoformat(raw["d"]), date.fromisoformat(raw["u"])
    except ValueError as exc:
        raise TokenError(MALFORMED, f"payload: {exc}") from exc
    return PickupToken(key_id=key_id, pickup_id=raw["b"], site=raw["s"], ready_from=ready,
                       until=until)


__all__ = [
    "KIND_APPOINTMENT",
    "KIND_PICKUP",
    "AppointmentToken",
    "PickupToken",
    "TokenError",
    "booking_code",
    "booking_code_ok",
    "format_booking_code",
    "generate_keypair",
    "load_private_key",
    "load_public_key",
    "load_public_keys",
    "normalise_booking_code",
    "private_key_pem",
    "public_key_pem",
    "save_private_key",
    "save_public_key",
    "sign_pickup_token",
    "sign_token",
    "verify_token",
]
