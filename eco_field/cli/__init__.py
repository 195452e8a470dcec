"""The command line: `eco-field [--data-dir DIR] COMMAND ...`. Every core action, without the GUI.

Each module in this package that defines `register(commands)` adds its commands; see registry.py.
Exit codes: 0 success, 2 bad input (message on stderr), 1 anything else.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import traceback

from eco_field import messages
from eco_field.cli.registry import build_parser
from eco_field.errors import EcoFieldError
from eco_field.paths import DATABASE_NAME, resolve_data_dir


def interface_language(data_dir: str | None) -> str:
    """ECO_FIELD_LANG, else the data folder's `language` setting (read-only peek), else zh_CN."""
    chosen = os.environ.get("ECO_FIELD_LANG")
    if chosen:
        return messages.normalise(chosen)
    path = resolve_data_dir(data_dir) / DATABASE_NAME
    if path.exists():
        try:
            with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
                row = conn.execute("SELECT value FROM settings WHERE key = 'language'").fetchone()
            if row:
                return messages.normalise(row[0])
        except sqlite3.Error:
            pass  # opening the folder later says what is wrong with it
    return messages.DEFAULT_LANGUAGE


def data_dir_given(argv: list[str]) -> str | None:
    """The --data-dir of a command line not yet parsed (its last one, before or after the command)."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--data-dir" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--data-dir="):
            found = arg.split("=", 1)[1]
    return found


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    # the language comes first: help, usage and argparse's errors are rendered while parsing
    messages.set_language(interface_language(data_dir_given(sys.argv[1:] if argv is None else argv)))
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        result = args.handler(args)
    except EcoFieldError as exc:
        print(f"eco-field: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # the reader (e.g. `| head`) closed the pipe: nothing more to say
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"eco-field: {messages.text('cli.interrupted')}", file=sys.stderr)
        return 130
    except Exception as exc:  # the last guard: a clear line, exit 1, the trace only on request
        print(f"eco-field: {messages.describe_exception(exc)}", file=sys.stderr)
        if os.environ.get("ECO_FIELD_DEBUG"):
            traceback.print_exc()
        return 1
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
