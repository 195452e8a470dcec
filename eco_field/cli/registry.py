"""Builds the argparse tree from the command modules of this package.

A command module defines `register(commands: Commands)` and adds its sub-commands with
`commands.group("inspections")` (shared between modules) or `commands.command("init", ...)`.
`--data-dir` is accepted before the command and after it.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

import eco_field.cli as cli_package
from eco_field.cli import help_language
from eco_field.errors import BadInput

Handler = Callable[[argparse.Namespace], int | None]


class Commands:
    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self.common = argparse.ArgumentParser(add_help=False)
        self.common.add_argument("--data-dir", default=argparse.SUPPRESS,
                                 help="data folder (default: ECO_FIELD_HOME or the per-user data folder)")
        self._top = parser.add_subparsers(title="commands", metavar="COMMAND")
        self._groups: dict[str, Any] = {}

    def command(self, name: str, handler: Handler, help: str, *, parent: Any = None) -> argparse.ArgumentParser:
        """A leaf command; parent is a group from group() or None for a top-level one."""
        target = parent if parent is not None else self._top
        sub = target.add_parser(name, help=help, description=help, parents=[self.common])
        sub.set_defaults(handler=handler)
        return sub

    def group(self, name: str, help: str = "", *, parent: Any = None) -> Any:
        """The sub-command set of `eco-field [PARENT] NAME ...`, created on first use and shared after.

        Called without an action, a group says which actions it has (exit 2)."""
        key = (id(parent) if parent is not None else None, name)
        if key not in self._groups:
            target = parent if parent is not None else self._top
            parser = target.add_parser(name, help=help, description=help, parents=[self.common])
            actions = parser.add_subparsers(title=f"{name} commands", metavar="ACTION")
            parser.set_defaults(handler=lambda _args: _needs_action(parser.prog, actions))
            self._groups[key] = actions
        return self._groups[key]


def _needs_action(prog: str, actions: Any) -> int:
    raise BadInput("cli.needs_action", command=prog, actions=", ".join(actions.choices))


def build_parser() -> argparse.ArgumentParser:
    """The whole tree, its help and argparse's own words in the current interface language
    (messages.set_language() before calling; see help_language)."""
    help_language.install()
    parser = argparse.ArgumentParser(prog="eco-field", description="EcoField 生态执法现场通 — command line")
    parser.add_argument("--data-dir", default=None,
                        help="data folder (default: ECO_FIELD_HOME or the per-user data folder)")
    commands = Commands(parser)
    for module in _command_modules():
        module.register(commands)
    return help_language.localise(parser)


def _command_modules() -> list[Any]:
    names = sorted(m.name for m in pkgutil.iter_modules(cli_package.__path__) if not m.name.startswith("_"))
    modules = [importlib.import_module(f"eco_field.cli.{name}") for name in names]
    # the foundation's commands first so `--help` reads in the order an officer works
    return sorted((m for m in modules if hasattr(m, "register")), key=lambda m: getattr(m, "ORDER", 50))
