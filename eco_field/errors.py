"""Exceptions the CLI and GUI turn into messages. BadInput means the user can fix it (exit 2).

An error carries a message code and parameters: `BadInput("os.not_found", path=p)`; str(error)
renders it in the interface language from resources/i18n/messages (see eco_field.messages). A plain
sentence still works (`BadInput("...")`) for messages not yet moved to the catalog.
"""

from __future__ import annotations

from typing import Any

from eco_field import messages


class EcoFieldError(Exception):
    """Anything EcoField reports to the user; exit code 1 unless a subclass says otherwise."""

    exit_code = 1

    def __init__(self, message: object = "", /, *args: object, **params: Any) -> None:
        super().__init__(message, *args)
        self.code: str | None = message if messages.is_code(message) else None
        self.params: dict[str, Any] = params

    def __str__(self) -> str:
        if self.code is not None:
            return messages.text(self.code, **self.params)
        return super().__str__()

    def message(self) -> messages.Message | None:
        """The code and parameters (None for a plain-sentence error)."""
        return messages.Message(self.code, self.params) if self.code else None


class BadInput(EcoFieldError):
    """The request or a file given to us is wrong; the message says what and where."""

    exit_code = 2


class NotFound(BadInput):
    """A record named by the user does not exist."""


class DatabaseUnavailable(BadInput):
    """The database is missing, locked, corrupt or newer than this program."""


class SealedRecord(BadInput):
    """A sealed inspection cannot be changed; amend it instead."""


class Cancelled(EcoFieldError):
    """The user cancelled a long job; whatever it was writing was rolled back."""
