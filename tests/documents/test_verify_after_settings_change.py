"""A bureau that moves office or changes its procedure's thresholds after issuing documents: every genuine
document issued before still verifies (it keeps the settings its record was made with), while a change to the
case record itself is still caught."""

from __future__ import annotations

from pathlib import Path

from eco_field.documents import service
from eco_field.law import cases
from eco_field.store import settings
from eco_field.store.database import write_transaction
from tests.documents.case_walk import approve, issue, opened
from tests.law.procedure_helpers import ago


def _put(ws, **values: str) -> None:
    with write_transaction(ws.db):
        for key, value in values.items():
            settings.put(ws.db, key, value)


def test_a_document_verifies_after_the_bureau_changes_its_details_but_not_after_its_record(ready, tmp_path):
    case_id = opened(ready, tmp_path, days_ago=60, factors={"impact": "medium"})
    approve(ready, case_id, "filing", ago(59))
    cases.record_event(ready.db, case_id, "filed", ago(59))
    doc, _ = issue(ready, "rectification-order", case_id, tmp_path, ago(50))
    pdf = Path(doc["pdf"])
    kept = service.list_documents(ready.db, case_id=case_id)[0]["facts"]["settings"]
    address = settings.get(ready.db, "doc_bureau_address")
    assert address and kept["doc_bureau_address"] == address
    assert not {"server_url", "officer_cert", "doc_font"} & set(kept)  # only what the record rests on

    _put(ready, doc_bureau_address="吕梁市离石区新址路1号", doc_contact="赵科长 0358-1234567",
         procedure_statement_days="7", bureau_name="吕梁市生态环境局（新）")
    assert service.verify_pdf(ready, pdf)["matches"]
    # what the document states is the case's record: a change there is still a change
    ready.db.execute("UPDATE cases SET facts = facts || '（改）' WHERE id = ?", [case_id])
    result = service.verify_pdf(ready, pdf)
    assert not result["matches"] and "已被更改" in result["problem"], result
