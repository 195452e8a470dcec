"""Exceptions the CLI and GUI turn into messages. BadInput means the user can fix it (exit 2)."""


class EcoFieldError(Exception):
    """Anything EcoField reports to the user; exit code 1 unless a subclass says otherwise."""

    exit_code = 1


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
