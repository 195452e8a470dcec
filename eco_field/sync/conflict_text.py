"""A sync conflict as an officer reads it: the kind of record and why the bureau did not take the change, in the
interface language (never the entity key, a UUID or the reason's code)."""

from __future__ import annotations

from typing import Any

from eco_field import messages
from eco_field.sync.transport import wire_text


def kind_text(entity: str) -> str:
    """The kind of record (the bureau's catalog of record kinds, shared with its refusals)."""
    code = f"bureau.entity.{entity}"
    return messages.text(code if messages.is_code(code) and messages.has(code, "en") else "bureau.entity.unknown")


def record_text(item: dict[str, Any]) -> str:
    """The kind and a short reference an officer can quote to the bureau (the first 8 characters of its id)."""
    return f"{kind_text(item['entity'])} {str(item['entity_id'])[:8]}"


def reason_text(item: dict[str, Any]) -> str:
    """Why the bureau did not take the change; for a refused entry, what was wrong with it."""
    reason = str(item.get("reason") or "")
    code = f"sync.conflict.{reason}"
    text = messages.text(code if messages.has(code) else "sync.conflict.other", reason=reason)
    problems = [wire_text(p) for p in item.get("problems") or []]
    if not problems:
        return text
    chinese = messages.language() == "zh_CN"
    return text + ("：" if chinese else ": ") + ("；" if chinese else "; ").join(problems)
