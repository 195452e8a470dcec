"""Reading a request's JSON body without trusting it: a size limit (by header, then by count), no NaN or
Infinity, no lone surrogate or NUL in any text, at most MAX_DEPTH levels of nesting. Anything else is a
BadBody (400) before any schema or database sees it, so no input reaches the rules as a 500."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from eco_field.bureau.refusals import Refusal

MAX_JSON_BYTES = 16 * 1024 ** 2
MAX_DEPTH = 64  # a checklist or a reading series nests a handful of levels; json's own limit is ~1000


class BodyTooLarge(Refusal):
    pass


class BadBody(Refusal, ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise BadBody("bureau.refused.not_a_number", name=name)


async def read_json(request: Request, limit: int = MAX_JSON_BYTES) -> Any:
    """The request's JSON body, refusing more than limit bytes (by header first, then by count)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge("bureau.refused.body_declared_too_large", size=declared, max=limit)
    body = bytearray()
    async for piece in request.stream():
        body += piece
        if len(body) > limit:
            raise BodyTooLarge("bureau.refused.body_too_large", max=limit)
    return parse_json(bytes(body))


def parse_json(body: bytes) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadBody("bureau.refused.not_utf8", reason=str(exc)) from exc
    try:  # the parser's own recursion limit stops a body of 100,000 `[` (RecursionError)
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError as exc:
        raise BadBody("bureau.refused.too_deep", max=MAX_DEPTH) from exc
    except json.JSONDecodeError as exc:
        raise BadBody("bureau.refused.not_json", reason=str(exc)) from exc
    check_texts(value)
    return value


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise BadBody("bureau.refused.out_of_range", text=text[:40])
    return value


def check_texts(value: Any) -> None:
    """At most MAX_DEPTH levels; every text (keys too) valid Unicode without NUL: a lone surrogate cannot be
    stored as UTF-8, a NUL not at all on PostgreSQL, and neither belongs in a record."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            _check_text(item)
            continue
        if depth > MAX_DEPTH:
            raise BadBody("bureau.refused.too_deep", max=MAX_DEPTH)
        if isinstance(item, dict):
            for key, inner in item.items():
                _check_text(key)
                if isinstance(inner, (str, dict, list)):
                    stack.append((inner, depth + 1))
        elif isinstance(item, list):
            stack.extend((inner, depth + 1) for inner in item if isinstance(inner, (str, dict, list)))


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise BadBody("bureau.refused.nul")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise BadBody("bureau.refused.surrogate") from exc
