"""The 双随机 draw itself: a pure function of the seed, the snapshot of both lists and the plan, so anyone
holding the published export can compute it again and get the same enterprises and the same teams.

Randomness: HMAC-SHA256(seed, stream | counter) read as 64-bit integers, rejection sampling for unbiased
numbers below n, and a (partial) Fisher–Yates shuffle; one stream per category and county for the objects and
one per enterprise for its officers (../shared/domain/bureau-office.md §1.6). Counts: ceil(ratio × pool) per
category and county (the published ratios are minimums: "不低于25%"), computed with exact fractions.
Teams: two officers of the enterprise's unit (first unit = its county; officers whose units merely include it,
e.g. the city's, only when the county has fewer than two), in the pool, without a declared
conflict (回避) with it, and not the same pair that was drawn for it last time unless no other pair exists.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from fractions import Fraction
from typing import Any

from eco_field.errors import BadInput

ALGORITHM = "eco-field-draw/1: HMAC-SHA256 streams, rejection sampling, Fisher-Yates; ceil(ratio*pool)"
TEAM_SIZE = 2  # at least two officers per check (《环境行政处罚办法》(2010) art. 28; kept by the 2023 办法)


class Stream:
    """Deterministic integers from (seed, name): the n-th value is HMAC-SHA256(seed, "name|n")."""

    def __init__(self, seed: str, name: str) -> None:
        self._key, self._name, self._counter = seed.encode("utf-8"), name, 0

    def _next64(self) -> int:
        digest = hmac.new(self._key, f"{self._name}|{self._counter}".encode(), hashlib.sha256).digest()
        self._counter += 1
        return int.from_bytes(digest[:8], "big")

    def below(self, n: int) -> int:
        """An unbiased integer in [0, n): values past the last whole multiple of n are drawn again."""
        if n <= 0:
            raise ValueError("n must be positive")
        limit = (1 << 64) - (1 << 64) % n
        while True:
            value = self._next64()
            if value < limit:
                return value % n


def shuffled(stream: Stream, items: list[Any], k: int | None = None) -> list[Any]:
    """The first k items of a Fisher–Yates shuffle (all when k is None)."""
    arr = list(items)
    k = len(arr) if k is None else min(k, len(arr))
    for i in range(k):
        j = i + stream.below(len(arr) - i)
        arr[i], arr[j] = arr[j], arr[i]
    return arr[:k]


def quota(ratio: Fraction, pool: int) -> int:
    return math.ceil(ratio * pool)


def pair_key(certs: list[str]) -> str:
    return "|".join(sorted(certs))


def draw(seed: str, snapshot: dict[str, Any], plan: dict[str, Any]) -> dict[str, Any]:
    """The draw of plan {"ratios": {category: "1/4"}, "county": name | None} over snapshot {"enterprises":
    [...], "officers": [...], "previous_pairs": {enterprise_id: "certA|certB"}} (both lists sorted by their
    stable ids). BadInput when an enterprise drawn has fewer than two officers it may be checked by."""
    ratios = {name: Fraction(value) for name, value in plan["ratios"].items()}
    county = plan.get("county") or None
    enterprises = [e for e in snapshot["enterprises"] if not e["excluded"] and e["category"] in ratios
                   and (county is None or e["county"] == county)]
    counts: list[dict[str, Any]] = []
    chosen: list[dict[str, Any]] = []
    for category in sorted(ratios):
        for place in sorted({e["county"] for e in enterprises if e["category"] == category}):
            pool = [e for e in enterprises if e["category"] == category and e["county"] == place]
            n = quota(ratios[category], len(pool))
            picked = shuffled(Stream(seed, f"objects|{category}|{place}"), pool, n)
            counts.append({"category": category, "county": place, "pool": len(pool), "drawn": len(picked)})
            chosen += [{**e} for e in picked]
    items = [_team(seed, e, snapshot["officers"], snapshot.get("previous_pairs", {})) for e in chosen]
    return {"algorithm": ALGORITHM, "counts": counts, "items": items}


def _team(seed: str, ent: dict[str, Any], officers: list[dict[str, Any]], previous: dict[str, str]) -> dict[str, Any]:
    skipped, eligible = [], []
    for officer in officers:
        if ent["county"] not in officer["units"]:
            continue
        if not officer["active"]:
            skipped.append({"cert_no": officer["cert_no"], "name": officer["name"], "reason": "不在执法人员名录库"})
        elif ent["id"] in {c["enterprise_id"] for c in officer["conflicts"]}:
            skipped.append({"cert_no": officer["cert_no"], "name": officer["name"], "reason": "回避"})
        else:
            eligible.append(officer)
    own = [o for o in eligible if o["units"] and o["units"][0] == ent["county"]]
    if len(own) >= TEAM_SIZE:  # the county's own officers first; officers who also serve it only when too few
        eligible = own
    if len(eligible) < TEAM_SIZE:
        raise BadInput("dispatch.too_few_officers", enterprise=ent["name"], county=ent["county"], n=len(eligible))
    order = shuffled(Stream(seed, f"officers|{ent['credit_code'] or ent['id']}"), eligible)
    last = previous.get(ent["id"])
    pairs = [[order[i], order[j]] for i in range(len(order)) for j in range(i + 1, len(order))]
    team = next((p for p in pairs if pair_key([o["cert_no"] for o in p]) != last), pairs[0])
    same = pair_key([o["cert_no"] for o in team]) == last
    return {**ent, "officers": [o["cert_no"] for o in team], "officer_names": [o["name"] for o in team],
            "skipped": skipped, "previous_pair": last, "same_pair_unavoidable": same}
