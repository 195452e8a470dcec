"""One module per document kind. Each defines KIND, TITLE, SOURCE ('inspection' or 'case'),
gather(source) -> record dict and story(page, record) -> flowables."""

from __future__ import annotations

import importlib
from types import ModuleType

from eco_field.documents.numbering import check_kind

MODULES = {
    "inspection-record": "inspection_record",
    "interview-record": "interview_record",
    "rectification-order": "rectification_order",
    "penalty-notice": "penalty_notice",
    "penalty-decision": "penalty_decision",
    "seizure-decision": "seizure_decision",
    "daily-penalty-decision": "daily_penalty_decision",
    "service-receipt": "service_receipt",
    "photo-evidence": "photo_evidence",
    "readings-report": "readings_report",
    "daily-penalty-notice": "daily_penalty_notice",
    "no-penalty-decision": "no_penalty_decision",
    "production-notice": "production_notice",
    "production-limit-order": "production_limit_order",
    "production-halt-order": "production_halt_order",
    "detention-transfer": "detention_transfer",
    "criminal-transfer": "criminal_transfer",
    "hearing-notice": "hearing_notice",
    "hearing-record": "hearing_record",
    "seizure-release": "seizure_release",
    "seizure-extension": "seizure_extension",
    "payment-reminder": "payment_reminder",
    "filing-approval": "filing_approval",
    "investigation-report": "investigation_report",
    "internal-approval": "internal_approval",
    "closing-approval": "closing_approval",
}


def module_for(kind: str) -> ModuleType:
    return importlib.import_module(f"eco_field.documents.kinds.{MODULES[check_kind(kind)]}")
