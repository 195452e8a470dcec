"""The command line's own words — help, usage, argparse's errors — in the interface language.

Help strings stay written in English where the commands are declared (they are the message ids, as in
gettext); resources/i18n/cli/help.<language>.json maps each to its translation. `localise(parser)` walks
the built parser tree once and replaces every description, help and group title; `install()` points
argparse's own gettext calls (usage:, error:, "the following arguments are required" …) at the same
catalog. English needs no file: the id is the English text. The language is chosen before the parser is
built (cli.main), so `--help` and argparse's errors already read in it.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from functools import cache

from eco_field import messages
from eco_field.paths import RESOURCES_DIR

CATALOG_DIR = RESOURCES_DIR / "i18n" / "cli"


@cache
def catalog(language: str) -> dict[str, str]:
    path = CATALOG_DIR / f"help.{language}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def tr(msgid: str) -> str:
    """The translation of an English help/argparse string in the current language (itself when none)."""
    return catalog(messages.language()).get(msgid, msgid)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return tr(singular if n == 1 else plural)


def install() -> None:
    """argparse looks up `_` and `ngettext` in its module namespace at call time: answer from our catalog."""
    argparse._ = tr  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every sub-command's parser below it (each once)."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: list[argparse.ArgumentParser] = []
            for sub in action.choices.values():
                if sub not in seen:
                    seen.append(sub)
                    yield from parsers(sub)


def texts(parser: argparse.ArgumentParser) -> Iterator[tuple[object, str, str]]:
    """(holder, attribute, English text) for every description, epilog, help and group title of one parser."""
    if parser.description:
        yield parser, "description", parser.description
    if parser.epilog:
        yield parser, "epilog", parser.epilog
    for group in parser._action_groups:
        if group.title:
            yield group, "title", group.title
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield action, "help", action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    yield choice, "help", choice.help


# Chinese text followed by a colon takes the full-width one ("选项：", "默认：…"); argparse writes its section
# headings with an ASCII colon of its own, so the finished help is mended rather than each text.
CHINESE_THEN_COLON = re.compile(r"([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) ?:(?=\s|$)")


class FullWidthColons(argparse.HelpFormatter):
    """Mixed in before a parser's formatter class: a colon after Chinese text is the full-width one."""

    def format_help(self) -> str:
        return _align_usage(CHINESE_THEN_COLON.sub("\\1：", super().format_help()))


def _align_usage(text: str) -> str:
    """argparse indents a wrapped usage line by the characters of "用法：", which show twice as wide: widen it."""
    prefix = tr("usage: ")
    extra = sum(1 for c in prefix if "\u3000" <= c <= "\uffef")  # each wide character takes two columns
    if not extra or not text.startswith(prefix):
        return text
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if not lines[index].startswith(" "):
            break  # the usage ends at its first unindented (or blank) line
        lines[index] = " " * extra + lines[index]
    return "\n".join(lines)


def _with_full_width_colons(formatter: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    if issubclass(formatter, FullWidthColons):
        return formatter
    return type(f"FullWidth{formatter.__name__}", (FullWidthColons, formatter), {})


def localise(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Put every text of the tree in the current language (the English id stays where none is known)."""
    table = catalog(messages.language())
    for each in parsers(parser):
        each.formatter_class = _with_full_width_colons(each.formatter_class)
        for holder, attribute, text in list(texts(each)):
            translated = table.get(text) or _group_title(text, table)
            if translated:
                setattr(holder, attribute, translated)
    return parser


def _group_title(text: str, table: dict[str, str]) -> str | None:
    """'sync commands' (a sub-command set's title, from registry or a module) through '{name} commands'."""
    template = table.get("{name} commands")
    if template and text.endswith(" commands") and " " not in text[: -len(" commands")]:
        return template.format(name=text[: -len(" commands")])
    return None


def untranslated(parser: argparse.ArgumentParser, language: str) -> list[str]:
    """The English texts of the tree that have no translation in `language` (for tests)."""
    table = catalog(language)
    # a template's rendering ("audit 的子命令" from "{name} commands") counts as translated
    formed = [re.compile(re.sub(r"\\\{\w+\\\}", ".+", re.escape(v))) for v in table.values() if "{" in v]
    return sorted({text for each in parsers(parser) for _h, _a, text in texts(each)
                   if text not in table and text not in table.values()
                   and not any(f.fullmatch(text) for f in formed)})
