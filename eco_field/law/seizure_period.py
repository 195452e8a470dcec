"""The period of a 查封、扣押: its last day, and the last day of its one extension. The one computation the
查封决定书, the 延期通知书, the deadlines (`cases show`) and the procedure's guards (extension, release ground
「期限届满」) all use.

Sources (read from web copies, not an official gazette: unverified):
- 《行政强制法》第二十五条第一款 「查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，
  但是延长期限不得超过三十日。法律、行政法规另有规定的除外。」 (pages: m.64365.com/special/23294465,
  crsrw.com/falvjiangtang/161161.html); 查扣办法第十五条 the same for the MEE's measures.
- Counting: the day the period begins is not counted. The copies of 行政强制法第六十九条 we found say only that its
  periods of ten days or less are working days, not how a period starts; the start-day rule is 《民法典》第二百零一条
  「按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算」 (web copies of the Code) and 民事诉讼法第八十五条
  (../shared/domain/procedure.md "Counting days"), applied here by analogy. So a seizure made on 9月18日 runs
  30 days from 9月19日 and its last day is 10月18日; extended, 11月17日.
- Not rolled past a holiday: the period binds the bureau (a measure must end by then), the conservative reading
  (law/deadlines.py).
"""

from __future__ import annotations

from datetime import date, timedelta

DAYS = 30            # 行政强制法第二十五条第一款: 不得超过三十日
EXTENSION_DAYS = 30  # 延长期限不得超过三十日 (once)


def last_day(seized_on: date, extension_days: int = 0) -> date:
    """The last day of a seizure made on seized_on (the start day not counted), extended by extension_days
    (0 = not extended; at most EXTENSION_DAYS)."""
    if not 0 <= extension_days <= EXTENSION_DAYS:
        raise ValueError(f"a seizure is extended by at most {EXTENSION_DAYS} days, not {extension_days}")
    return seized_on + timedelta(days=DAYS + extension_days)


def first_day(seized_on: date) -> date:
    """The first day counted (the day after the measure): printed as 「自…起」 with the start day named."""
    return seized_on + timedelta(days=1)
