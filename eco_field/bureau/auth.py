"""Enrolment and device tokens: one-time codes that expire; the bureau keeps only hashes of secrets."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from eco_field.bureau.storage import BureauStorage, Device
from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed from a screen
CODE_LENGTH = 10


class AuthRefused(Exception):
    """A request the bureau refuses: status 401 (who are you) or 403 (not allowed)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_enroll_code(storage: BureauStorage, officer_cert: str, valid_hours: float = 24) -> dict[str, str]:
    """A one-time enrolment code for the officer's next device."""
    if officer_cert not in {o["cert_no"] for o in storage.officers()}:
        raise NotFound(f"Unknown officer {officer_cert!r} (see `eco-field bureau officers`)")
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires = (datetime.now(UTC) + timedelta(hours=valid_hours)).isoformat(timespec="seconds")
    with storage.transaction():
        storage.add_enroll_code(secret_hash(normalise_code(code)), officer_cert, expires)
    return {"code": f"{code[:5]}-{code[5:]}", "officer": officer_cert, "expires_at": expires}


def enroll(storage: BureauStorage, code: str, device_name: str) -> dict[str, object]:
    """Trade a valid code for a device id and token (shown once; only its hash is kept)."""
    device_id, token, now = str(uuid.uuid4()), secrets.token_urlsafe(32), utc_now()
    with storage.transaction():
        officer = storage.take_enroll_code(secret_hash(normalise_code(code)), now, device_id)
        if officer is None:
            raise AuthRefused(403, "enrolment code unknown, already used or expired")
        storage.add_device(device_id, officer, device_name[:100], secret_hash(token), now)
    officer_row = next(o for o in storage.officers() if o["cert_no"] == officer)
    return {"device_id": device_id, "token": token, "officer": officer_row}


def authenticate(storage: BureauStorage, authorization: str | None) -> Device:
    """The device behind a `Bearer TOKEN` header; 401 for none or unknown, 403 for revoked."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise AuthRefused(401, "missing device token (enrol the device first)")
    device = storage.device_by_token(secret_hash(authorization[7:].strip()))
    if device is None:
        raise AuthRefused(401, "unknown device token")
    if device.revoked_at:
        raise AuthRefused(403, f"device {device.id} was revoked on {device.revoked_at}")
    now = utc_now()
    if device.last_seen is None or device.last_seen[:16] != now[:16]:  # one write a minute at most
        with storage.transaction():
            storage.touch_device(device.id, now)
    return device


def revoke(storage: BureauStorage, device_id: str) -> dict[str, str]:
    with storage.transaction():
        if not storage.revoke_device(device_id, utc_now()):
            raise BadInput(f"No device {device_id!r} (see `eco-field bureau devices`)")
    device = storage.device(device_id)
    return {"device_id": device_id, "revoked_at": device.revoked_at if device else ""}
