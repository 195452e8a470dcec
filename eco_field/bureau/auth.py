"""Enrolment and device tokens: one-time codes that expire; the bureau keeps only hashes of secrets."""

from __future__ import annotations

import hashlib
import secrets
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from eco_field import messages
from eco_field.bureau.storage import BureauStorage, Device
from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed from a screen
CODE_LENGTH = 10
T = TypeVar("T")


class AuthRefused(Exception):
    """A request the bureau refuses: status 401 (who are you) or 403 (not allowed). The answer's detail is
    English (the API's language); its code and params let the device say it in the officer's language."""

    def __init__(self, status: int, code: str, **params: Any) -> None:
        super().__init__(messages.text(code, language="en", **params))
        self.status, self.code, self.params = status, code, params


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_enroll_code(storage: BureauStorage, officer_cert: str, valid_hours: float = 24) -> dict[str, str]:
    """A one-time enrolment code for the officer's next device."""
    if officer_cert not in {o["cert_no"] for o in storage.officers()}:
        raise NotFound("bureau.unknown_officer", cert_no=officer_cert)
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
            raise AuthRefused(403, "bureau.auth.bad_enroll_code")
        storage.add_device(device_id, officer, device_name[:100], secret_hash(token), now)
    officer_row = next(o for o in storage.officers() if o["cert_no"] == officer)
    return {"device_id": device_id, "token": token, "officer": officer_row}


def authenticate(storage: BureauStorage, authorization: str | None) -> Device:
    """The device behind a `Bearer TOKEN` header; 401 for none or unknown, 403 for revoked."""
    return authenticate_and_read(storage, authorization, None)[0]


def authenticate_and_read(storage: BureauStorage, authorization: str | None, read: Callable[[], T] | None,
                          guesses: DeviceGuesses | None = None) -> tuple[Device, T | None]:
    """authenticate(), and read()'s result: on PostgreSQL the token check and the read share one round
    trip. The token is checked on every request (a revoked device is refused at once); read() must only
    read and must not depend on the device, since it may run before the check is answered. guesses
    learns the device (or forgets a refused token)."""
    token_hash = _token_hash(authorization)
    try:
        if read is None:
            device, result = storage.device_by_token(token_hash), None
        else:
            device, result = storage.device_and_read(token_hash, read)
        device = _checked(storage, device)
    except AuthRefused:
        if guesses is not None:
            guesses.put(token_hash, None)
        raise
    if guesses is not None:
        guesses.put(token_hash, device)
    return device, result


class DeviceGuesses:
    """The device each recent token belonged to at its last check: a pull reads for that device in its
    token check's statement, and a request body of such a token is read before the check (which then goes
    with the first read). A guess never lets a request through: every request's token is checked in the
    database before anything is read for it or written, and a read made for a guess that turns out wrong
    is made again (see authenticate_then_read)."""

    def __init__(self, size: int = 10_000) -> None:
        self.size, self._lock, self._devices = size, threading.Lock(), {}

    def get(self, token_hash: str) -> Device | None:
        return self._devices.get(token_hash)

    def knows(self, authorization: str | None) -> bool:
        """Whether this `Bearer TOKEN` belonged to a device at its last check (a hint, never a permission)."""
        try:
            return _token_hash(authorization) in self._devices
        except AuthRefused:
            return False

    def put(self, token_hash: str, device: Device | None) -> None:
        with self._lock:
            self._devices.pop(token_hash, None)
            if device is not None:
                self._devices[token_hash] = device
                if len(self._devices) > self.size:
                    del self._devices[next(iter(self._devices))]  # the oldest


def authenticate_then_read(storage: BureauStorage, authorization: str | None, read: Callable[[Device], T],
                           guesses: DeviceGuesses) -> tuple[Device, T]:
    """authenticate(), and read(device) for a read that depends on the device's id and units (a pull).
    When the token's device is known from an earlier request, read() starts with that guess in the
    token check's round trip, and its result is kept only if the checked device has the same id and
    units; otherwise (or for a token not seen before) read() runs after the check."""
    token_hash = _token_hash(authorization)
    guess = guesses.get(token_hash)
    try:
        if guess is None:
            device, result = _checked(storage, storage.device_by_token(token_hash)), None
        else:
            found, result = storage.device_and_read(token_hash, lambda: read(guess))
            device = _checked(storage, found)
    except AuthRefused:
        guesses.put(token_hash, None)
        raise
    if guess is None or (guess.id, guess.units) != (device.id, device.units):
        result = read(device)
    guesses.put(token_hash, device)
    return device, result


class _GuessWrong(Exception):
    """The checked device is not the guessed one (refused, or other id or units): the work is undone."""


def authenticate_then_work(storage: BureauStorage, authorization: str | None, work: Callable[[Device], T],
                           guesses: DeviceGuesses) -> tuple[Device, T]:
    """authenticate(), and work(device) (a push batch: reads, then writes). For a token whose device is
    known from its last check, work runs for that guess in one transaction with the token check (on
    PostgreSQL the check travels with work's first read) and is rolled back, nothing kept, unless the
    checked device is the guess; then, or for a token not seen before, the token is checked first and
    work runs for the checked device."""
    token_hash = _token_hash(authorization)
    guess = guesses.get(token_hash)
    if guess is not None:
        try:
            device, result = _work_as_guess(storage, token_hash, guess, work)
        except _GuessWrong:
            guesses.put(token_hash, None)
        else:
            return _checked(storage, device), result
    device = authenticate_and_read(storage, authorization, None, guesses)[0]
    return device, work(device)


def _work_as_guess(storage: BureauStorage, token_hash: str, guess: Device,
                   work: Callable[[Device], T]) -> tuple[Device, T]:
    def holds(device: Device | None) -> bool:
        return device is not None and not device.revoked_at and (device.id, device.units) == (guess.id, guess.units)

    with storage.transaction():
        checked = storage.device_check(token_hash)
        try:
            result = work(guess)
        except Exception:
            try:
                held = holds(checked())
            except Exception:
                held = True  # the database failed: work's own error says what happened
            if held:
                raise  # work's own refusal (Forbidden, a conflict of entries), for the right device
            raise _GuessWrong() from None
        device = checked()
        if not holds(device):
            raise _GuessWrong()  # leaving the block rolls back what work wrote
    return device, result


def _token_hash(authorization: str | None) -> str:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise AuthRefused(401, "bureau.auth.no_token")
    return secret_hash(authorization[7:].strip())


def _checked(storage: BureauStorage, device: Device | None) -> Device:
    """The device, if it may make requests (else AuthRefused); notes when it was last seen."""
    if device is None:
        raise AuthRefused(401, "bureau.auth.unknown_token")
    if device.revoked_at:
        raise AuthRefused(403, "bureau.auth.revoked", device=device.id, when=device.revoked_at)
    now = utc_now()
    if device.last_seen is None or device.last_seen[:16] != now[:16]:  # one write a minute at most
        with storage.transaction():
            storage.touch_device(device.id, now)
    return device


def revoke(storage: BureauStorage, device_id: str) -> dict[str, str]:
    with storage.transaction():
        if not storage.revoke_device(device_id, utc_now()):
            raise BadInput("bureau.no_device", id=device_id)
    device = storage.device(device_id)
    return {"device_id": device_id, "revoked_at": device.revoked_at if device else ""}
