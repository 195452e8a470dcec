"""What an issued document states, kept with it so a verifier can compare a paper or scanned copy by eye:
number, kind, title, party, amount, date of issue, pages, and whether it is signed and still current."""

from __future__ import annotations

from typing import Any

from eco_field import money

FINE_KINDS = ("penalty-notice", "penalty-decision")


def of_record(kind: str, title: str, rec: dict[str, Any], issued_on: str) -> dict[str, Any]:
    """The facts printed in a document made from rec (amount in fen when the document states a fine)."""
    party = rec.get("party") or {}
    amount_fen = None
    if isinstance(rec.get("daily"), dict) and rec["daily"].get("amount") is not None:
        amount_fen = money.parse_yuan(rec["daily"]["amount"])
    elif kind in FINE_KINDS and isinstance(rec.get("assessment"), dict):
        amount_fen = money.fen_of(rec["assessment"])
    return {"title": title, "party": party.get("name", ""), "credit_code": party.get("credit_code", ""),
            "amount_fen": amount_fen, "issued_on": issued_on}


def describe(result: dict[str, Any]) -> list[str]:
    """The record's facts as lines of Chinese, from a verification result."""
    facts = result.get("facts") or {}
    amount = facts.get("amount_fen")
    signed = result.get("signatures") or []
    who = "、".join(f"{s.get('role_label', s.get('role'))}{s.get('name', '')}（{s.get('signed_on', '')}）"
                   for s in signed)
    this_version = f"此文件为第 {result['version']} 版，" if result.get("version") else ""
    state = {"issued": "现行有效", "void": "已作废"}.get(result.get("status", ""), result.get("status", ""))
    if result.get("status") == "void" and result.get("void_reason"):
        state += f"（{result['void_reason']}）"
    return [
        f"文号：{result.get('number', '')}",
        f"文书：{facts.get('title') or result.get('kind', '')}（{result.get('kind', '')}）",
        f"当事人：{facts.get('party') or '—'}",
        f"金额：{'人民币' + money.yuan_text(amount) + '元' if amount is not None else '—'}",
        f"日期：{facts.get('issued_on') or result.get('issued_at', '')}",
        f"页数：{result.get('pages', '')}",
        f"签名：{who if signed else '未签名'}",
        f"版本：{this_version}现行为第 {result.get('current_version', 1)} 版",
        f"状态：{state}",
    ]
