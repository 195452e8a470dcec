"""责令停产整治决定书 (限制生产停产整治办法 arts. 6, 12–16); see production_order."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds.common import Source
from eco_field.documents.kinds.production_order import gather_order, order_story
from eco_field.documents.layout import Page

KIND = "production-halt-order"
TITLE = "责令停产整治决定书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    return gather_order(src, halt=True)


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    return order_story(page, rec, halt=True)
