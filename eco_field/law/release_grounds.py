"""The grounds of 解除查封、扣押: the one place that knows them (the `seizure_lifted` event's `ground`, the CLI's
--ground, the GUI's picker and the 解除查封（扣押）决定书 all read this table).

Texts (read this session from web copies, not the official gazettes: unverified against them):
- 《中华人民共和国行政强制法》第二十八条第一款 (items 一–五) and 第二款, as reprinted on a court's page
  (dqdebt.hljcourt.gov.cn, 2012) and in a 2021 reprint of the law; both agree word for word:
  「有下列情形之一的，行政机关应当及时作出解除查封、扣押决定：（一）当事人没有违法行为；（二）查封、扣押的场所、
  设施或者财物与违法行为无关；（三）行政机关对违法行为已经作出处理决定，不再需要查封、扣押；（四）查封、扣押期限
  已经届满；（五）其他不再需要采取查封、扣押措施的情形。」
- 《环境保护主管部门实施查封、扣押办法》(环境保护部令第29号, 2014) as reproduced in GitHub Fungwingwaa/cee
  (docs/posts/P4/hjbhzgbmsscfkybf.md, citing mee.gov.cn/gzk/gz/202112/t20211210_963766.shtml): 第十八条 is the
  party's application to lift (not the release itself); 第十九条 its verification within 5 working days, (一)
  「确已改正违反法律法规规定排放污染物行为的，解除查封、扣押」; 第二十条 the release without application, (一)
  「对违反法律法规规定排放污染物行为已经作出行政处罚或者处理决定，不再需要实施查封、扣押的」 (二) 「查封、扣押期限
  已经届满的」 (三) 「其他不再需要实施查封、扣押的情形」; 第二十一条 「并自解除查封、扣押决定作出之日起三个工作日内
  送达解除决定」.
The 办法 has no item of its own for 「没有违法行为」 and 「与违法行为无关」: we cite 第二十条第三项 (其他不再需要) for them,
our reading, not the 办法's words. `corrected` is the 办法's own path (application, 第十八条、第十九条第一项) under
第二十八条第一款第五项.
"""

from __future__ import annotations

from dataclasses import dataclass

from eco_field.errors import BadInput

LAW = "《中华人民共和国行政强制法》"
MEASURES = "《环境保护主管部门实施查封、扣押办法》"
CN_ITEMS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}
SERVICE_WORKING_DAYS = 3  # 查扣办法第二十一条第一款: the release decision is served within 3 working days


@dataclass(frozen=True)
class ReleaseGround:
    code: str           # the named code (CLI --ground, the event's data)
    item: int           # the item of 行政强制法第二十八条第一款
    words: str          # that item's words, as quoted above
    article: str        # the 查扣办法 provision cited beside it
    fact: str = ""      # the 办法's own words for the facts, where its provision says more than the item

    @property
    def citation(self) -> str:
        """「《行政强制法》第二十八条第一款第N项和《查扣办法》第X条…」 as the decision cites it."""
        return f"{LAW}第二十八条第一款第{CN_ITEMS[self.item]}项和{MEASURES}{self.article}"


GROUNDS: tuple[ReleaseGround, ...] = (
    ReleaseGround("no-violation", 1, "当事人没有违法行为", "第二十条第三项"),
    ReleaseGround("unrelated", 2, "查封、扣押的场所、设施或者财物与违法行为无关", "第二十条第三项"),
    ReleaseGround("decided", 3, "行政机关对违法行为已经作出处理决定，不再需要查封、扣押", "第二十条第一项"),
    ReleaseGround("expired", 4, "查封、扣押期限已经届满", "第二十条第二项"),
    ReleaseGround("other", 5, "其他不再需要采取查封、扣押措施的情形", "第二十条第三项"),
    ReleaseGround("corrected", 5, "其他不再需要采取查封、扣押措施的情形", "第十九条第一项",
                  "经核查，你单位确已改正违反法律法规规定排放污染物行为"),
)
BY_CODE = {g.code: g for g in GROUNDS}
# --ground 1..5 names the item of 第二十八条第一款 (5 is `other`; `corrected` is asked for by its name)
BY_ITEM = {str(g.item): g for g in GROUNDS if g.code != "corrected"}


def find(value: str | None) -> ReleaseGround | None:
    """The ground named by its code, its item (1–5) or the item's words; None for a blank or unknown one."""
    wanted = str(value or "").strip()
    if not wanted:
        return None
    return BY_CODE.get(wanted.lower()) or BY_ITEM.get(wanted) or next((g for g in GROUNDS if wanted == g.words
                                                                        and g.code != "corrected"), None)


def normalise(value: str | None) -> str:
    """The code a typed ground is stored as (the value unchanged when unknown, for the procedure to refuse)."""
    found = find(value)
    return found.code if found else str(value or "").strip()


def choices_text() -> str:
    """The allowed grounds, as a refusal names them."""
    listed = [f"{g.item} {g.words}（{g.code}）" for g in BY_ITEM.values()]
    corrected = BY_CODE["corrected"]
    listed.append(f"corrected 当事人申请解除，经核查确已改正违法排污行为（第{CN_ITEMS[corrected.item]}项；"
                  f"{MEASURES}{corrected.article}）")
    return "；".join(listed)


def need(value: str | None) -> ReleaseGround:
    """The ground, or BadInput naming the allowed ones."""
    found = find(value)
    if found is None:
        raise BadInput("procedure.need_release_ground", choices=choices_text())
    return found
