"""A bureau refusal a device shows its officer: a message code and parameters, besides the English detail.

The API answers {"detail" (English, the API's language, kept for older devices), "code", "params"};
the laptop renders a code it knows in the officer's language (sync.transport.check). The catalog is
resources/i18n/messages/refusals.*.json.
"""

from __future__ import annotations

from typing import Any

from eco_field import messages


class Refusal(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(messages.text(code, language="en", **params))
        self.code, self.params = code, params

    def body(self, **extra: Any) -> dict[str, Any]:
        """The answer's JSON body: detail, code, params and what this refusal adds (offset, last_seq …)."""
        return {"detail": str(self), "code": self.code, "params": {k: plain(v) for k, v in self.params.items()},
                **extra}


def plain(value: Any) -> Any:
    """JSON for a parameter; one that is itself a message (a problem, a kind of record) stays a code with its
    parameters, so the device renders it in its own language too."""
    if isinstance(value, messages.Message):
        return {"code": value.code, "params": {k: plain(v) for k, v in value.params.items()}}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value if isinstance(value, int | float | bool | str) or value is None else str(value)
