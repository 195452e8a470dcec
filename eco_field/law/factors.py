"""The bureau's discretion table (裁量要素 → 裁量因子 → 百分值) and the 从轻/减轻 grounds of 《行政处罚法》 art. 32.

Shipped defaults are resources/discretion/factors.json; a bureau's own table (<data_dir>/discretion.json,
pulled with sync or entered locally) replaces it as a whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from eco_field.errors import BadInput
from eco_field.law import resource_errors
from eco_field.messages import Message, Term
from eco_field.paths import RESOURCES_DIR

CONFIG_FILE = "discretion.json"
DEFAULT_CONFIG = RESOURCES_DIR / "discretion" / "factors.json"


@dataclass(frozen=True)
class Level:
    code: str
    label: str
    share: Decimal  # percent; negative shares (cooperation) lower the sum
    aliases: tuple[str, ...] = ()
    low: Decimal | None = None    # numeric range [low, high) that selects this level (months, counts)
    high: Decimal | None = None

    def names(self) -> set[str]:
        return {self.code.lower(), self.label.lower(), *(a.lower() for a in self.aliases)}

    def holds(self, value: Decimal) -> bool:
        return self.low is not None and value >= self.low and (self.high is None or value < self.high)


@dataclass(frozen=True)
class Factor:
    name: str
    label: str
    levels: tuple[Level, ...]
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return {self.name.lower(), self.label.lower(), *(a.lower() for a in self.aliases)}

    def level(self, text: str) -> Level:
        """By code, label or alias; a number picks the level whose range holds it (duration=7 → 6–12 months)."""
        wanted = text.strip().lower()
        for level in self.levels:
            if wanted in level.names():
                return level
        number = _number(wanted)
        if number is not None:
            for level in self.levels:
                if level.holds(number):
                    return level
        choices = ", ".join(f"{lv.code} ({lv.label})" for lv in self.levels)
        raise BadInput("law.unknown_level", factor=self.name, label=self.label, text=text, choices=choices)


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    return value if value.is_finite() else None


@dataclass(frozen=True)
class Ground:
    code: str
    label: str
    basis: str


@dataclass(frozen=True)
class DiscretionConfig:
    name: str
    factors: tuple[Factor, ...]
    grounds: tuple[Ground, ...]
    start_when_no_minimum: Decimal
    lighter_ratio: Decimal
    heavier_ratio: Decimal
    reduced_ratio: Decimal
    source: str = ""

    def factor(self, name: str) -> Factor | None:
        key = name.strip().lower()
        return next((f for f in self.factors if key in f.names()), None)

    def ground(self, text: str) -> Ground:
        key = text.strip()
        for ground in self.grounds:
            if key in (ground.code, ground.label):
                return ground
        choices = ", ".join(f"{g.code} ({g.label})" for g in self.grounds)
        raise BadInput("law.unknown_ground", text=text, choices=choices)


def load_config(data_dir: Path | None = None) -> DiscretionConfig:
    path = DEFAULT_CONFIG
    if data_dir is not None and (Path(data_dir) / CONFIG_FILE).is_file():
        path = Path(data_dir) / CONFIG_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise resource_errors.unreadable(resource_errors.DISCRETION, path, exc) from exc
    except json.JSONDecodeError as exc:
        raise resource_errors.not_json(path, exc) from exc
    return parse_config(doc, path)


TABLE_NAME = Term("law.what_discretion")  # the source named in errors when the caller names none


def parse_config(doc: Any, source: Path | str | Message = TABLE_NAME) -> DiscretionConfig:
    try:
        factors = tuple(Factor(str(f["name"]), str(f.get("label") or f["name"]),
                               tuple(_level(lv) for lv in f["levels"]), tuple(map(str, f.get("aliases", []))))
                        for f in doc["factors"])
        grounds = tuple(Ground(str(g["code"]), str(g["label"]), str(g["basis"])) for g in doc.get("grounds", []))
        return DiscretionConfig(
            name=str(doc.get("name") or ""), factors=factors, grounds=grounds,
            start_when_no_minimum=_ratio(doc, "start_when_no_minimum", "0.1"),
            lighter_ratio=_ratio(doc, "lighter_ratio", "0.5"), heavier_ratio=_ratio(doc, "heavier_ratio", "0.5"),
            reduced_ratio=_ratio(doc, "reduced_ratio", "0.5"), source=str(source))
    except (KeyError, TypeError, ArithmeticError) as exc:
        raise resource_errors.malformed(resource_errors.DISCRETION, source, exc) from exc


def _level(raw: dict[str, Any]) -> Level:
    bounds = raw.get("range") or [None, None]
    low, high = (None if b is None else Decimal(str(b)) for b in bounds)
    return Level(str(raw["code"]), str(raw.get("label") or raw["code"]), Decimal(str(raw["share"])),
                 tuple(map(str, raw.get("aliases", []))), low, high)


def _ratio(doc: dict[str, Any], key: str, default: str) -> Decimal:
    value = Decimal(str(doc.get(key, default)))
    if not Decimal(0) <= value <= Decimal(1):
        raise BadInput("law.discretion_ratio", key=key, value=value)
    return value
