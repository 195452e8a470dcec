"""The device's HTTP connection to the bureau: the token on every request, errors in plain words,
and a count of the bytes on the wire (request line, headers and bodies, both ways)."""

from __future__ import annotations

import threading
from typing import Any

import httpx

from eco_field import messages
from eco_field.errors import EcoFieldError


class SyncError(EcoFieldError):
    kind = "server"

    def __init__(self, message: str, http_status: int | None = None, body: Any = None, **params: Any) -> None:
        super().__init__(message, **params)  # a message code and its parameters (eco_field.messages)
        self.status, self.body = http_status, body  # the bureau's answer, when it answered


class BureauUnreachable(SyncError):
    """No answer (no network, server down, connection cut): try again later, nothing is lost."""

    kind = "unreachable"


class DeviceRefused(SyncError):
    """The bureau does not accept this device (unknown token, revoked) or this request (another unit)."""

    kind = "refused"

    def __init__(self, message: str, http_status: int, body: Any = None, **params: Any) -> None:
        super().__init__(message, http_status, body, **params)


class BureauConnection:
    def __init__(self, url: str, token: str | None = None, timeout: float = 30.0) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.url = url.rstrip("/")
        self.client = httpx.Client(base_url=self.url, headers=headers,
                                   timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)))
        self.bytes_sent = 0
        self.bytes_received = 0
        self._count_lock = threading.Lock()  # blob uploads run on worker threads

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> BureauConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One request; transport failures become BureauUnreachable. The caller checks the status."""
        try:
            request = self.client.build_request(method, path, **kwargs)
            with self._count_lock:
                self.bytes_sent += _request_bytes(request)
            response = self.client.send(request)
        except httpx.TransportError as exc:
            raise BureauUnreachable("sync.unreachable", url=self.url) from exc
        with self._count_lock:
            self.bytes_received += _response_bytes(response)
        return response

    def json(self, method: str, path: str, body: Any = None, params: dict[str, Any] | None = None) -> Any:
        response = self.request(method, path, json=body, params=params)
        check(response)
        return response.json()

    def reachable(self) -> bool:
        try:
            return self.client.get("/health", timeout=5.0).status_code == 200
        except httpx.HTTPError:
            return False


def check(response: httpx.Response) -> None:
    if response.status_code < 400:
        return
    try:
        body = response.json()
    except ValueError:
        body = {"detail": response.text[:200]}
    detail = body.get("detail") if isinstance(body, dict) else str(body)
    if isinstance(body, dict) and messages.is_code(body.get("code")) and messages.has(body["code"]):
        params = body.get("params") if isinstance(body.get("params"), dict) else {}
        detail = messages.text(body["code"], **_params(params))  # the officer's language
    if response.status_code in (401, 403):
        raise DeviceRefused("sync.refused", response.status_code, body, status=response.status_code,
                            detail=detail)
    kind = "sync.not_accepted" if response.status_code < 500 else "sync.server"  # what was sent, or the bureau
    raise SyncError(kind, response.status_code, body, status=response.status_code, detail=detail)


def wire_text(value: Any) -> str:
    """A {code, params} the bureau sent (a problem with an entry) in the officer's language."""
    return str(_param(value, 0))


def _params(params: dict[str, Any], depth: int = 0) -> dict[str, Any]:
    """A refusal's parameters, ready to render: a parameter that is itself a known code (a problem, where it
    is, a kind of record) is rendered in the officer's language too; a list of them reads as one sentence."""
    return {str(k): _param(v, depth) for k, v in params.items()}


def _param(value: Any, depth: int) -> Any:
    if depth < 4 and isinstance(value, dict) and messages.is_code(value.get("code")) \
            and messages.has(value["code"]):
        inner = value.get("params") if isinstance(value.get("params"), dict) else {}
        return messages.Message(value["code"], _params(inner, depth + 1))
    if depth < 4 and isinstance(value, list):
        parts = [_param(v, depth + 1) for v in value[:10]]
        return ("；" if messages.language() == "zh_CN" else "; ").join(str(p) for p in parts)
    return str(value)


def _request_bytes(request: httpx.Request) -> int:
    head = f"{request.method} {request.url.raw_path.decode('ascii')} HTTP/1.1\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in request.headers.items()) + "\r\n"
    length = request.headers.get("content-length")
    return len(head.encode("latin-1", "replace")) + (int(length) if length else 0)


def _response_bytes(response: httpx.Response) -> int:
    head = "HTTP/1.1 000 X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in response.headers.items()) + "\r\n"
    return len(head.encode("latin-1", "replace")) + len(response.content)
