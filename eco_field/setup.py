"""First start on a laptop: who uses it (the officers) and which bureau it belongs to (name, 机关代字).

The GUI's first-start setup and any later change call `apply`; one place checks what a usable setup is.
"""

from __future__ import annotations

import re

import sqlite_utils

from eco_field.errors import BadInput
from eco_field.records import Officer
from eco_field.store import officers as officer_store
from eco_field.store import settings
from eco_field.store.database import write_transaction

# 机关代字: the bureau's short sign in document numbers (吕环罚〔2026〕12号): one to four Chinese characters.
PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,4}$")


def check(laptop_officers: list[Officer], bureau_name: str, doc_prefix: str) -> None:
    """BadInput naming the first field that is wrong."""
    if not laptop_officers:
        raise BadInput("setup.no_officer")
    for officer in laptop_officers:
        if not officer.name.strip() or not officer.cert_no.strip():
            raise BadInput("setup.officer_incomplete", name=officer.name or officer.cert_no)
        if not re.fullmatch(r"[0-9A-Za-z-]{4,32}", officer.cert_no.strip()):
            raise BadInput("setup.cert_no", cert_no=officer.cert_no)
    if not bureau_name.strip():
        raise BadInput("setup.no_bureau_name")
    if not PREFIX.match(doc_prefix.strip()):
        raise BadInput("setup.doc_prefix", prefix=doc_prefix)


def apply(db: sqlite_utils.Database, laptop_officers: list[Officer], bureau_name: str, doc_prefix: str) -> None:
    """Store the officers (the first one is this laptop's user: the actor of its audit entries) and the bureau."""
    check(laptop_officers, bureau_name, doc_prefix)
    with write_transaction(db):
        for officer in laptop_officers:
            officer_store.upsert(db, Officer(officer.cert_no.strip(), officer.name.strip(),
                                             officer.unit.strip() or bureau_name.strip()))
        settings.put(db, "bureau_name", bureau_name.strip())
        settings.put(db, "doc_prefix", doc_prefix.strip())
        settings.put(db, "officer_cert", laptop_officers[0].cert_no.strip())
