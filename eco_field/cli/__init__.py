"""The command line: `eco-field [--data-dir DIR] COMMAND ...`. Every core action, without the GUI.

Each module in this package that defines `register(commands)` adds its commands; see registry.py.
Exit codes: 0 success, 2 bad input (message on stderr), 1 anything else.
"""

from __future__ import annotations

import os
import sys
import traceback

from eco_field.cli.registry import build_parser
from eco_field.errors import EcoFieldError


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
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
        print("eco-field: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last guard: a clear line, exit 1, the trace only on request
        print(f"eco-field: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if os.environ.get("ECO_FIELD_DEBUG"):
            traceback.print_exc()
        return 1
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
