"""The discretion (fine) calculator: factor-and-percentage method of enforcement.md §5.2.

    Y = statutory minimum / statutory maximum            (裁量起点)
    fine = [Y + Σ% × (1 − Y)] × statutory maximum         (Σ% clamped to 0–100 %)

then 从重 / 从轻 move the amount toward the maximum / minimum, 减轻 goes below the minimum only with a
ground of 《行政处罚法》 art. 32, and the 免罚清单 pre-check (or proven absence of fault, art. 33 ¶2)
ends in no penalty. Amounts are rounded half-up to the yuan and always stay inside the statutory range
unless a stated legal ground applies. The rationale lists every factor and its share, in Chinese.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from eco_field import money
from eco_field.errors import BadInput
from eco_field.law import exemptions as exemption_list
from eco_field.law.catalog import CatalogEntry, FineRange
from eco_field.law.factors import DiscretionConfig, load_config
from eco_field.messages import Term

TREATMENTS = {"normal": "一般", "lighter": "从轻", "heavier": "从重", "reduced": "减轻"}
SPECIAL = {"treatment": "处罚情节（从轻/从重/减轻）", "ground": "从轻、减轻的法定情形", "tier": "适用的罚款幅度"}
ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)


@dataclass
class Assessment:
    catalog_id: str
    amount: int | float  # yuan; a float (2 decimals) only for a decided amount with 角/分 (amount_fen exact)
    min: int
    max: int
    formula: str
    rationale: str
    law: str
    article: str
    citation: str = ""
    factors: dict[str, str] = field(default_factory=dict)
    shares: list[dict[str, Any]] = field(default_factory=list)
    start: float = 0.0                 # Y
    share_total: float = 0.0           # Σ%, percent, after clamping
    treatment: str = "normal"
    decision: str = "fine"             # fine | no_penalty
    legal_ground: str | None = None    # set when below the minimum or not punished
    exemption: dict[str, Any] | None = None
    range_text: str = ""
    inputs: dict[str, Any] = field(default_factory=dict)
    measures: list[str] = field(default_factory=list)
    parts: list[Assessment] = field(default_factory=list)
    suggested_amount: int | None = None  # the calculator's amount when the bureau decided another one
    amount_fen: int | None = None      # the decided amount exactly, in fen (amount is then yuan, 2 decimals)
    decided_reason: str = ""           # why the decided amount departs from the suggestion (documents state it)

    def validate(self) -> None:
        """BadInput unless the amount is inside the statutory range or a legal ground is stated."""
        if self.amount < 0:
            raise BadInput("law.fine_negative", id=self.catalog_id, amount=self.amount)
        if self.amount > self.max:  # the grounds (减轻, 不予处罚) only go down; 从重 stays inside the range
            raise BadInput("law.fine_above_max", id=self.catalog_id, amount=self.amount, min=self.min, max=self.max)
        if not self.min <= self.amount <= self.max and not self.legal_ground:
            raise BadInput("law.fine_outside_no_ground", id=self.catalog_id, amount=self.amount, min=self.min,
                           max=self.max)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["treatment_label"] = TREATMENTS.get(self.treatment, self.treatment)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assessment:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["parts"] = [cls.from_dict(p) for p in data.get("parts") or []]
        return cls(**known)


def suggest(entry: CatalogEntry, factors: dict[str, str], investment: float | None = None,
            disposal_cost: float | None = None, occurrences: int = 1, *, data_dir: Path | None = None,
            config: DiscretionConfig | None = None,
            exemptions: exemption_list.ExemptionList | None = None) -> Assessment:
    """The suggested fine for one violation, with its formula and a Chinese rationale."""
    config = config or load_config(data_dir)
    exemptions = exemptions or exemption_list.load_exemptions(data_dir)
    factors = {str(k).strip(): str(v).strip() for k, v in factors.items()}
    shares, facts = _split_factors(config, exemptions, factors)
    fine = entry.fine_for(_tier(factors.get("tier", "")))
    low, high, inputs = statutory_range(entry, fine, investment, disposal_cost, occurrences)
    if _yuan_up(low) > _yuan_down(high):
        raise BadInput("law.range_no_whole_yuan", id=entry.id, low=low, high=high)
    base = Assessment(entry.id, 0, _yuan_up(low), _yuan_down(high), "", "", entry.law,
                      f"{entry.article}{entry.clause}", entry.citation, factors, shares,
                      range_text=_range_text(fine, occurrences), inputs=inputs,
                      measures=[m["measure"] for m in entry.measures])
    checks = exemption_list.check(exemptions, entry.id, facts)
    exempt = _exemption(facts, checks)
    if exempt is not None:
        return _not_punished(base, entry, exempt, checks)
    return _fined(base, entry, config, factors, low, high, checks)


def decide(assessment: Assessment, amount: int | str | Decimal, reason: str = "",
           legal_ground: str | None = None) -> Assessment:
    """The bureau's decided amount in place of the suggestion (e.g. after 集体讨论), checked against the range.
    amount: yuan with at most two decimals (1000000.05); kept exactly as amount_fen."""
    fen = money.parse_yuan(amount, Term("money.decided_fine"))
    decided = Assessment.from_dict(assessment.to_dict())
    decided.suggested_amount, decided.amount, decided.amount_fen = assessment.amount, money.fen_to_yuan(fen), fen
    if legal_ground:
        decided.legal_ground = legal_ground
    elif decided.min <= decided.amount <= decided.max:
        decided.legal_ground = None
    decided.decision = "fine" if decided.amount > 0 else "no_penalty"
    decided.decided_reason = reason.strip().rstrip("。")
    decided.validate()
    why = f"理由：{reason}。" if reason else ""
    ground = f"法律依据：{legal_ground}。" if legal_ground else ""
    decided.rationale += f"\n决定罚款：人民币{money.yuan_text(fen)}元（计算建议{assessment.amount}元）。{why}{ground}"
    return decided


def statutory_range(entry: CatalogEntry, fine: FineRange, investment: float | None, disposal_cost: float | None,
                    occurrences: int = 1) -> tuple[Decimal, Decimal, dict[str, Any]]:
    """The range in yuan (exact, before rounding) and the inputs it was computed from."""
    low, high = Decimal(str(fine.min)), Decimal(str(fine.max))
    for name, value in (("investment", investment), ("disposal cost", disposal_cost)):
        if value is not None and not math.isfinite(value):
            raise BadInput("law.amount_not_finite", id=entry.id, name=name, value=value)
    if fine.basis == "investment":
        if investment is None or investment <= 0:
            raise BadInput("law.need_investment", id=entry.id, fine=fine.describe())
        total = Decimal(str(investment))
        return total * low / HUNDRED, total * high / HUNDRED, {"investment": float(total)}
    if fine.basis == "disposal_cost":
        if disposal_cost is None or disposal_cost < 0:
            raise BadInput("law.need_disposal_cost", id=entry.id, fine=fine.describe())
        cost = Decimal(str(disposal_cost))
        counted = max(cost, Decimal(fine.basis_floor or 0))
        return counted * low, counted * high, {"disposal_cost": float(cost), "counted_cost": float(counted)}
    if fine.basis == "per_occurrence":
        if occurrences < 1:
            raise BadInput("law.occurrences", id=entry.id)
        return low * occurrences, high * occurrences, {"occurrences": occurrences}
    return low, high, {}


def _split_factors(config: DiscretionConfig, exemptions: exemption_list.ExemptionList,
                   factors: dict[str, str]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    shares, facts = [], {}
    for name, value in factors.items():
        factor = config.factor(name)
        if factor is not None:
            if any(s["name"] == factor.name for s in shares):
                raise BadInput("law.factor_twice", factor=factor.name, label=factor.label, name=name)
            level = factor.level(value)
            shares.append({"name": factor.name, "label": factor.label, "level": level.code,
                           "level_label": level.label, "share": float(level.share), "value": value})
        elif name in exemptions.facts:
            facts[name] = value
        elif name not in SPECIAL:
            known = [f"{f.name} ({f.label})" for f in config.factors] + list(SPECIAL) + list(exemptions.facts)
            raise BadInput("law.unknown_factor", name=name, known=", ".join(known))
    return shares, facts


def _tier(text: str) -> str:
    labels = {"逾期不改正": "uncorrected", "拒不改正": "uncorrected", "情节严重": "serious", "责任人员": "person"}
    return labels.get(text, text)


def _treatment(factors: dict[str, str]) -> str:
    text = factors.get("treatment", "normal")
    for code, label in TREATMENTS.items():
        if text in (code, label):
            return code
    raise BadInput("law.unknown_treatment", text=text, known=", ".join(f"{c} ({n})" for c, n in TREATMENTS.items()))


def _exemption(facts: dict[str, str], checks: list[exemption_list.ExemptionCheck]) -> dict[str, Any] | None:
    if "no_fault" in facts and exemption_list.parse_bool("no_fault", facts["no_fault"]):
        return {"code": "ART33-2", "kind": "no_fault", "title": "没有主观过错",
                "legal_ground": exemption_list.NO_FAULT_BASIS, "applies": True}
    for result in checks:
        if result.applies:
            return result.to_dict()
    return None


def _not_punished(base: Assessment, entry: CatalogEntry, exempt: dict[str, Any],
                  checks: list[exemption_list.ExemptionCheck]) -> Assessment:
    base.decision, base.treatment, base.amount = "no_penalty", "exempt", 0
    base.exemption = exempt
    base.legal_ground = exempt["legal_ground"] + (f"；山西省免罚清单 {exempt['code']}" if exempt["code"] != "ART33-2" else "")
    base.formula = "不予行政处罚：罚款 = 0"
    lines = _head(entry, base) + [f"免罚预检：符合“{exempt['title']}”。"]
    lines += [f"  · {text}" for text in exempt.get("met", [])]
    lines += [f"法律依据：{base.legal_ground}。", "建议：不予行政处罚，责令改正并对当事人进行教育（免罚不免责）。"]
    base.rationale = "\n".join(lines)
    return base


def _fined(base: Assessment, entry: CatalogEntry, config: DiscretionConfig, factors: dict[str, str],
           low: Decimal, high: Decimal, checks: list[exemption_list.ExemptionCheck]) -> Assessment:
    treatment = _treatment(factors)
    ground = config.ground(factors["ground"]) if factors.get("ground") else None
    if treatment == "reduced" and ground is None:
        raise BadInput("law.reduced_needs_ground", grounds=", ".join(g.code for g in config.grounds))
    no_minimum = low == ZERO
    start = config.start_when_no_minimum if no_minimum else low / high
    total = sum((Decimal(str(s["share"])) for s in base.shares), ZERO)
    clamped = min(max(total, ZERO), HUNDRED)
    computed = (start + clamped / HUNDRED * (ONE - start)) * high
    final = _apply_treatment(treatment, computed, low, high, config)
    amount = int(final.quantize(ONE, rounding=ROUND_HALF_UP))
    if treatment != "reduced":
        amount = min(max(amount, base.min), base.max)
    base.amount, base.treatment = amount, treatment
    base.start, base.share_total = float(start), float(clamped)
    if treatment == "reduced":
        base.legal_ground = f"{ground.basis}（{ground.label}）"
    base.formula = (f"[Y + Σ × (1 − Y)] × 最高额 = [{_pct(start)} + {_pct(clamped / HUNDRED)} × (1 − {_pct(start)})]"
                    f" × {_money(high)} = {_money(computed)}")
    base.rationale = "\n".join(_fine_lines(base, entry, config, total, computed, ground, no_minimum, checks))
    return base


def _apply_treatment(treatment: str, computed: Decimal, low: Decimal, high: Decimal,
                     config: DiscretionConfig) -> Decimal:
    if treatment == "heavier":
        return computed + (high - computed) * config.heavier_ratio
    if treatment == "lighter":
        return low + (computed - low) * config.lighter_ratio
    if treatment == "reduced":
        return (low if low > ZERO else computed) * config.reduced_ratio
    return computed


def _head(entry: CatalogEntry, base: Assessment) -> list[str]:
    lines = [f"违法行为：{entry.description}。", f"处罚依据：{entry.citation}，法定罚款幅度为{base.range_text}。"]
    if base.inputs.get("investment") is not None:
        lines.append(f"建设项目总投资额：{_money(Decimal(str(base.inputs['investment'])))}。")
    if base.inputs.get("disposal_cost") is not None:
        lines.append(f"所需处置费用：{_money(Decimal(str(base.inputs['disposal_cost'])))}，"
                     f"计罚基数：{_money(Decimal(str(base.inputs['counted_cost'])))}。")
    if base.inputs.get("occurrences", 1) > 1:
        lines.append(f"违法次数：{base.inputs['occurrences']}次。")
    lines.append(f"法定罚款额：{base.min}元至{base.max}元。")
    return lines


def _fine_lines(base: Assessment, entry: CatalogEntry, config: DiscretionConfig, total: Decimal,
                computed: Decimal, ground: Any, no_minimum: bool, checks: list[Any]) -> list[str]:
    lines = _head(entry, base)
    if no_minimum:
        lines.append(f"裁量起点：法律未规定最低罚款额，按本局裁量基准取最高额的{_pct(Decimal(str(base.start)))}。")
    else:
        lines.append(f"裁量起点：Y = {base.min} ÷ {base.max} = {_pct(Decimal(str(base.start)))}。")
    lines.append("裁量因素及百分值：" if base.shares else "裁量因素及百分值：未选择加重因素，各项百分值为0%。")
    for i, s in enumerate(base.shares, 1):
        given = f"（{s['value']}）" if s.get("value") and s["value"] not in (s["level"], s["level_label"]) else ""
        lines.append(f"  {i}. {s['label']}：{s['level_label']}{given}，裁量百分值{_pct(Decimal(str(s['share'])) / HUNDRED)}；")
    note = "" if total == Decimal(str(base.share_total)) else f"（合计{_pct(total / HUNDRED)}，按0%—100%计）"
    lines.append(f"裁量百分值合计：Σ = {_pct(Decimal(str(base.share_total)) / HUNDRED)}{note}。")
    lines.append(f"计算：{base.formula}。")
    lines += _treatment_lines(base, config, computed, ground)
    lines += _precheck_lines(checks)
    if entry.fine.discretionary:
        lines.append("说明：本条规定“可以处”罚款，是否罚款由执法机关根据情节决定。")
    lines.append(f"建议罚款：人民币{base.amount}元。")
    return lines


def _treatment_lines(base: Assessment, config: DiscretionConfig, computed: Decimal, ground: Any) -> list[str]:
    why = f"，情形：{ground.label}（{ground.basis}）" if ground is not None else ""
    low, high, c = Decimal(base.min), Decimal(base.max), _money(computed)
    if base.treatment == "heavier":
        ratio = _pct(config.heavier_ratio)
        return [f"从重处罚{why}：在计算结果与法定最高额之间按{ratio}上调：{c} + ({_money(high)} − {c}) × {ratio}"
                f" = {base.amount}元，不超过法定最高额。"]
    if base.treatment == "lighter":
        ratio = _pct(config.lighter_ratio)
        return [f"从轻处罚{why}：在法定最低额与计算结果之间按{ratio}确定：{_money(low)} + ({c} − {_money(low)})"
                f" × {ratio} = {base.amount}元，不低于法定最低额。"]
    if base.treatment == "reduced":
        ratio = _pct(config.reduced_ratio)
        how = (f"在法定最低额以下按{_money(low)} × {ratio}" if low > ZERO
               else f"法律未规定最低罚款额，按计算结果{c} × {ratio}")
        return [f"减轻处罚{why}：{how} = {base.amount}元确定罚款。法律依据：{base.legal_ground}。"]
    return []


def _precheck_lines(checks: list[Any]) -> list[str]:
    lines = []
    for c in checks:
        listed = f"免罚预检：本事项列入{exemption_list.KINDS.get(c.kind, c.kind)}清单“{c.title}”"
        if c.unmet:
            lines.append(f"{listed}，不适用，未满足：{'；'.join(c.unmet)}。")
        else:
            lines.append(f"{listed}，尚需查明：{'；'.join(c.unknown)}；全部符合的可不予处罚。")
    return lines


def _range_text(fine: FineRange, occurrences: int) -> str:
    text = fine.describe()
    return f"{text}（{fine.label}）" if fine.label else text


def _yuan_up(value: Decimal) -> int:
    return int(value.quantize(ONE, rounding=ROUND_CEILING))


def _yuan_down(value: Decimal) -> int:
    return int(value.quantize(ONE, rounding=ROUND_FLOOR))


def _pct(ratio: Decimal) -> str:
    text = f"{(ratio * HUNDRED).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _money(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}".rstrip("0").rstrip(".")
    return f"{text}元"
