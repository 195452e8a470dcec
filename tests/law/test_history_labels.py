"""The case's history as `cases show` and the case screen list it names what the record holds: a 告知书 without
the hearing right is not called 「事先（听证）告知书」, and the service after a 不予行政处罚决定 is the service of a
不予行政处罚决定书. `cases next` prints steps by their labels, and an officer can type the label as printed."""

from __future__ import annotations

from eco_field.law.case_events import event_code, history_labels
from eco_field.messages import text


def test_history_labels_follow_the_notice_and_the_decision_served():
    plain = history_labels(["discovered", "filed", "notified", "decided", "served"], hearing_right=False)
    assert plain[2] == "送达行政处罚事先告知书" and plain[4] == "送达行政处罚决定书"
    waived = history_labels(["notified", "waived", "order_served", "daily_notified", "waived"], hearing_right=False)
    assert waived[1] == "当事人书面放弃陈述申辩" and waived[4] == "当事人书面放弃陈述申辩（听证）"
    heard = history_labels(["filed", "notified", "hearing_requested", "hearing_held"], hearing_right=False)
    assert heard[1] == "送达行政处罚事先（听证）告知书"  # a hearing was asked: the notice offered it
    assert history_labels(["notified"], hearing_right=True) == ["送达行政处罚事先（听证）告知书"]
    spared = history_labels(["filed", "investigated", "no_penalty", "served"], hearing_right=False)
    assert spared[-1] == "送达不予行政处罚决定书"


def test_the_labels_cases_next_prints_are_typed_back_as_events():
    for code in ("installments", "recheck_violation", "production_proposed", "seizure_extended", "served"):
        assert event_code(text(f"procedure.event.{code}", language="zh_CN")) == code
        assert event_code(code) == code
