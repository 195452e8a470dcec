"""Pre-check against the Shanxi 免罚清单 (轻微不罚 / 首违不罚): does the case meet every threshold of an item?

The list is data (resources/discretion/shanxi_exemptions.json, or the bureau's <data_dir>/exemptions.json).
Facts come in as the same NAME=VALUE strings as discretion factors (exceed_multiple=0.05, corrected_days=3 …).
"""

from __future__ import annotations

import json
import operator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eco_field.errors import BadInput
from eco_field.law import resource_errors
from eco_field.paths import RESOURCES_DIR

LIST_FILE = "exemptions.json"
DEFAULT_LIST = RESOURCES_DIR / "discretion" / "shanxi_exemptions.json"
KINDS = {"minor": "轻微不罚", "first": "首违不罚"}
BASIS = {
    "minor": "《中华人民共和国行政处罚法》第三十三条第一款前段（违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚）",
    "first": "《中华人民共和国行政处罚法》第三十三条第一款后段（初次违法且危害后果轻微并及时改正的，可以不予行政处罚）",
}
NO_FAULT_BASIS = "《中华人民共和国行政处罚法》第三十三条第二款（当事人有证据足以证明没有主观过错的，不予行政处罚）"
OPS = {"eq": (operator.eq, "为"), "lt": (operator.lt, "小于"), "le": (operator.le, "不超过"),
       "gt": (operator.gt, "大于"), "ge": (operator.ge, "不少于")}
# a threshold met, as a decision states it of the facts found (not the calculator's 不超过/小于 of a bound)
FOUND_OPS = {"eq": "为", "lt": "小于", "le": "未超过", "gt": "大于", "ge": "不少于"}
TRUE, FALSE = {"yes", "true", "1", "是", "y"}, {"no", "false", "0", "否", "n"}


@dataclass(frozen=True)
class ExemptionList:
    name: str
    facts: dict[str, dict[str, Any]]
    items: list[dict[str, Any]]


@dataclass
class ExemptionCheck:
    """The result for one list item: applies only when every condition is met."""

    code: str
    kind: str
    title: str
    met: list[str] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def applies(self) -> bool:
        return not self.unmet and not self.unknown

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "kind": self.kind, "kind_label": KINDS.get(self.kind, self.kind),
                "title": self.title, "applies": self.applies, "met": self.met, "unmet": self.unmet,
                "unknown": self.unknown, "legal_ground": BASIS.get(self.kind, "")}


def load_exemptions(data_dir: Path | None = None) -> ExemptionList:
    path = DEFAULT_LIST
    if data_dir is not None and (Path(data_dir) / LIST_FILE).is_file():
        path = Path(data_dir) / LIST_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return ExemptionList(str(doc.get("name") or ""), dict(doc["facts"]), list(doc["items"]))
    except OSError as exc:
        raise resource_errors.unreadable(resource_errors.EXEMPTIONS, path, exc) from exc
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise resource_errors.malformed(resource_errors.EXEMPTIONS, path, exc) from exc


def check(exemptions: ExemptionList, catalog_id: str, facts: dict[str, str]) -> list[ExemptionCheck]:
    """Every list item for this catalog entry, each with the conditions met, unmet and not yet known."""
    results = []
    for item in exemptions.items:
        if catalog_id not in item.get("catalog_ids", []):
            continue
        result = ExemptionCheck(str(item["code"]), str(item["kind"]), str(item["title"]))
        for name, op, expected in item["conditions"]:
            text = _condition_text(exemptions, name, op, expected)
            if name not in facts:
                result.unknown.append(text)
            elif _holds(exemptions, name, op, expected, facts[name]):
                result.met.append(text)
            else:
                result.unmet.append(f"{text}（实际：{_shown(exemptions, name, facts[name])}）")
        results.append(result)
    return results


def parse_bool(name: str, value: str) -> bool:
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise BadInput("law.fact_yes_no", name=name, value=value)


def _holds(exemptions: ExemptionList, name: str, op: str, expected: Any, value: str) -> bool:
    kind = exemptions.facts.get(name, {}).get("type", "choice")
    compare = OPS[op][0]
    if kind == "bool":
        return compare(parse_bool(name, value), parse_bool(name, str(expected)))
    if kind == "number":
        try:
            return compare(float(value), float(expected))
        except ValueError as exc:
            raise BadInput("law.fact_number", name=name, value=value) from exc
    return compare(str(value).strip(), str(expected))


def _shown(exemptions: ExemptionList, name: str, value: str) -> str:
    """The fact as the rationale prints it: 是/否 for yes/no, the Chinese label of a choice."""
    fact = exemptions.facts.get(name, {})
    if fact.get("type") == "bool":
        return "是" if parse_bool(name, value) else "否"
    return str(fact.get("choices", {}).get(value, value))


def _condition_text(exemptions: ExemptionList, name: str, op: str, expected: Any) -> str:
    fact = exemptions.facts.get(name, {})
    label = fact.get("label", name)
    if fact.get("type") == "bool":
        return label if parse_bool(name, str(expected)) else fact.get("label_no", f"非{label}")
    choices = fact.get("choices", {})
    if op == "eq" and str(expected) in choices:
        return str(choices[str(expected)])
    return f"{label}{OPS[op][1]}{expected}"


def found_text(exemptions: ExemptionList, condition: str) -> str:
    """A met condition as the 不予行政处罚决定书 states it: 堆场面积（m²）小于200 -> 堆场面积小于200平方米, 改正所用天数
    不超过7 -> 于7日内改正 (the fact's "found" wording or its "unit" in the list). Conditions of yes/no facts and
    choices are already worded as facts and come back as they are."""
    for name, fact in sorted(exemptions.facts.items(), key=lambda kv: -len(kv[1].get("label", kv[0]))):
        label = str(fact.get("label", name))
        for op, (_, word) in OPS.items():
            if fact.get("type") == "number" and condition.startswith(label + word):
                value = condition[len(label + word):]
                template = (fact.get("found") or {}).get(op)
                if template:
                    return str(template).format(value=value)
                return f"{label.split('（')[0]}{FOUND_OPS[op]}{value}{fact.get('unit', '')}"
    return condition
