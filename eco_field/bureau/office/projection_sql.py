"""The projection's statements (office/projection.py), one list per backend: each reads one window of the
bureau's change feed (`seq > ? AND seq <= ?`) straight from the records table and writes the office tables in
set-based SQL, so a catch-up costs a few statements per window whatever the number of records, and no record
passes through Python. The JSON of a payload is read with jsonb operators on PostgreSQL and the JSON1
functions on SQLite; `_Json` writes the same reading for both, with the same tolerance of wrong types a device
may send (a field of the wrong type reads as absent, never as an error that would stop the catch-up).

Every `?` in a statement is a window bound, in (low, high) pairs: run each with `(low, high) * (count // 2)`.
"""

from __future__ import annotations

# case event -> the figure group it dates (first date of the group per case)
CASE_EVENTS = {"filed": "filed", "seized": "seizure", "production_limited": "production",
               "production_halted": "production", "detention_transfer": "detention",
               "criminal_transfer": "criminal"}
IMMEDIATE_KEY = "rectified_on_site"  # a finding corrected on the spot (立行立改), as the laptop records it


class _Json:
    """SQL reading a payload `r.p` (and array elements `<alias>.value`) on one backend."""

    def __init__(self, backend: str) -> None:
        self.pg = backend == "pg"
        self.deleted = "deleted" if self.pg else "deleted <> 0"

    def records(self, entity: str) -> str:
        """FROM … WHERE of the window's records of one entity, read by seq alone: the records' primary key
        starts with the entity, and a planner without statistics would otherwise walk every record of it."""
        if self.pg:  # OFFSET 0: the entity condition is not pushed into the subquery
            return ("(SELECT entity, entity_id, deleted, payload_json FROM records WHERE seq > ? AND seq <= ?"
                    f" OFFSET 0) w WHERE entity = '{entity}'")
        return f"records WHERE seq > ? AND seq <= ? AND +entity = '{entity}'"  # unary +: not by that index

    def ids(self, entity: str, deleted: bool = False) -> str:
        """The ids of the window's records of one entity (only the deleted ones when deleted)."""
        return f"SELECT entity_id FROM {self.records(entity)}" + (f" AND {self.deleted}" if deleted else "")

    def window(self, entity: str, live: bool = True) -> str:
        """The window's records of one entity as `r` (id, p), live ones only unless live is False."""
        payload = "payload_json::jsonb" if self.pg else "payload_json"
        keep = f" AND NOT ({self.deleted})" if live else ""
        fence = " OFFSET 0" if self.pg else ""  # PostgreSQL: parse each payload once, not once per reference
        return f"(SELECT entity_id AS id, {payload} AS p FROM {self.records(entity)}{keep}{fence}) r"

    def text(self, *path: str) -> str:
        """The value at path as text (NULL when absent, JSON null, or a parent is not an object)."""
        if self.pg:
            return f"(r.p #>> '{{{','.join(path)}}}')"
        return f"json_extract(r.p, '$.{'.'.join(path)}')"

    def elements(self, key: str, alias: str) -> str:
        """A FROM item: the elements of the array at key as `<alias>.value` (none when key is not an array)."""
        if self.pg:
            return (f"jsonb_array_elements(CASE WHEN jsonb_typeof(r.p -> '{key}') = 'array' THEN r.p -> '{key}'"
                    f" ELSE '[]'::jsonb END) WITH ORDINALITY AS {alias}(value, n)")
        return (f"json_each(CASE WHEN json_type(r.p, '$.{key}') = 'array' THEN json_extract(r.p, '$.{key}')"
                f" ELSE '[]' END) AS {alias}")

    def is_object(self, alias: str) -> str:
        return f"jsonb_typeof({alias}.value) = 'object'" if self.pg else f"{alias}.type = 'object'"

    def member(self, alias: str, key: str) -> str:
        """An element's member as text (NULL unless the element is an object holding it)."""
        if self.pg:
            return f"({alias}.value ->> '{key}')"
        return f"(CASE WHEN {alias}.type = 'object' THEN json_extract({alias}.value, '$.{key}') END)"

    def member_true(self, alias: str, key: str) -> str:
        """An element's member is JSON true (not 1, not "true")."""
        if self.pg:
            return f"({alias}.value -> '{key}') = 'true'::jsonb"
        return f"(CASE WHEN {alias}.type = 'object' THEN json_type({alias}.value, '$.{key}') END) = 'true'"

    def length(self, key: str) -> str:
        """The array's length; 0 when key is not an array."""
        if self.pg:
            return f"(CASE WHEN jsonb_typeof(r.p -> '{key}') = 'array' THEN jsonb_array_length(r.p -> '{key}') ELSE 0 END)"
        return f"(CASE WHEN json_type(r.p, '$.{key}') = 'array' THEN json_array_length(r.p, '$.{key}') ELSE 0 END)"

    def integer(self, *path: str) -> str:
        """The value at path when it is a JSON integer that fits 64 bits, else 0."""
        if self.pg:
            at = f"(r.p #> '{{{','.join(path)}}}')"
            return (f"(CASE WHEN jsonb_typeof({at}) = 'number' AND {at}::text ~ '^-{{0,1}}[0-9]{{1,18}}$'"
                    f" THEN ({at}::text)::bigint ELSE 0 END)")
        at = f"'$.{'.'.join(path)}'"
        return f"(CASE WHEN json_type(r.p, {at}) = 'integer' THEN json_extract(r.p, {at}) ELSE 0 END)"

    def officers(self) -> str:
        """A task's officers as JSON text [{cert_no, name}]: its officer_details, else its officers' numbers."""
        if self.pg:
            details = (f"(SELECT jsonb_agg(jsonb_build_object('cert_no', d.value -> 'cert_no', 'name',"
                       f" d.value -> 'name') ORDER BY d.n) FROM {self.elements('officer_details', 'd')}"
                       f" WHERE {self.is_object('d')})")
            numbers = (f"(SELECT jsonb_agg(jsonb_build_object('cert_no', o.value, 'name', o.value) ORDER BY o.n)"
                       f" FROM {self.elements('officers', 'o')})")
            return f"coalesce({details}, {numbers}, '[]'::jsonb)::text"
        details = (f"(SELECT CASE WHEN count(*) > 0 THEN json_group_array(json_object('cert_no',"
                   f" json_extract(d.value, '$.cert_no'), 'name', json_extract(d.value, '$.name'))) END"
                   f" FROM {self.elements('officer_details', 'd')} WHERE {self.is_object('d')})")
        numbers = (f"(SELECT CASE WHEN count(*) > 0 THEN json_group_array(json_object('cert_no', o.value, 'name',"
                   f" o.value)) END FROM {self.elements('officers', 'o')})")
        return f"coalesce({details}, {numbers}, '[]')"


def _upsert(table: str, columns: tuple[str, ...], select: str) -> str:
    """INSERT … SELECT … ON CONFLICT (first column) DO UPDATE (the select needs a WHERE: SQLite's parser)."""
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    return f"INSERT INTO {table} ({', '.join(columns)}) {select} ON CONFLICT ({columns[0]}) DO UPDATE SET {sets}"


def _lookup(table: str, column: str, key: str) -> str:
    """One row's column by primary key, as a scalar subquery: an index probe per new record (a join would let
    the planner hash the whole table to apply a thousand records)."""
    return f"(SELECT {column} FROM {table} WHERE id = {key})"


def _day(expr: str) -> str:
    """The local date a value carries (its first 10 characters: times keep the device's local date)."""
    return f"substr(coalesce({expr}, ''), 1, 10)"


def enterprise_statements(j: _Json) -> list[str]:
    county_now = ("coalesce((SELECT e.county FROM office_fig_enterprises e"
                  " WHERE e.id = office_fig_inspections.enterprise_id), '')")
    return [
        _upsert("office_fig_enterprises", ("id", "name", "county", "credit_code"),
                f"SELECT r.id, coalesce({j.text('name')}, ''), coalesce({j.text('county')}, ''),"
                f" coalesce({j.text('credit_code')}, '') FROM {j.window('enterprise', live=False)} WHERE 1 = 1"),
        # an enterprise new or moved: its inspections count in its county from now on
        f"UPDATE office_fig_inspections SET county = {county_now}"
        f" WHERE enterprise_id IN ({j.ids('enterprise')}) AND county <> {county_now}",
    ]


def task_statements(j: _Json) -> list[str]:
    spot_now = ("(CASE WHEN EXISTS (SELECT 1 FROM office_fig_tasks t WHERE t.id = office_fig_inspections.task_id"
                " AND t.kind = 'random') THEN 1 ELSE 0 END)")
    return [
        f"DELETE FROM office_fig_tasks WHERE id IN ({j.ids('task', deleted=True)})",
        _upsert("office_fig_tasks", ("id", "kind", "enterprise_id", "title", "due_date", "status", "officers",
                                     "updated_at"),
                f"SELECT r.id, coalesce({j.text('kind')}, ''), coalesce({j.text('enterprise_id')}, ''),"
                f" coalesce({j.text('title')}, ''), nullif({j.text('due_date')}, ''),"
                f" coalesce({j.text('status')}, 'open'), {j.officers()}, coalesce({j.text('updated_at')}, '')"
                f" FROM {j.window('task')} WHERE 1 = 1"),
        # a task new, gone or of another kind: its inspections are 双随机 ones or not from now on
        f"UPDATE office_fig_inspections SET spot = {spot_now} WHERE task_id IN ({j.ids('task')})"
        f" AND spot <> {spot_now}",
    ]


def inspection_statements(j: _Json) -> list[str]:
    parent = f"nullif({j.text('amends_id')}, '')"
    immediate = f"(SELECT 1 FROM {j.elements('findings', 'f')} WHERE {j.member_true('f', IMMEDIATE_KEY)})"
    return [
        f"DELETE FROM office_fig_inspections WHERE id IN ({j.ids('inspection', deleted=True)})",
        _upsert("office_fig_inspections", ("id", "chain", "enterprise_id", "task_id", "day", "sealed", "findings",
                                           "immediate", "sealed_at", "county", "spot", "amendment"),
                f"SELECT r.id, coalesce({parent}, r.id), coalesce({j.text('enterprise_id')}, ''),"
                f" nullif({j.text('task_id')}, ''), {_day(j.text('started_at'))},"
                f" CASE WHEN {j.text('status')} = 'sealed' THEN 1 ELSE 0 END, {j.length('findings')},"
                f" CASE WHEN EXISTS {immediate} THEN 1 ELSE 0 END, nullif({j.text('sealed_at')}, ''),"
                f" coalesce({_lookup('office_fig_enterprises', 'county', j.text('enterprise_id'))}, ''),"
                f" CASE WHEN {_lookup('office_fig_tasks', 'kind', j.text('task_id'))} = 'random' THEN 1 ELSE 0 END,"
                f" CASE WHEN {parent} IS NULL THEN 0 ELSE 1 END FROM {j.window('inspection')} WHERE 1 = 1"),
    ]


# An amendment of an amendment belongs to the first one's chain: run until it changes nothing (amendments are
# few; the bound stops a cycle a device might send).
CHAIN_STEP = ("UPDATE office_fig_inspections SET chain = (SELECT p.chain FROM office_fig_inspections p"
              " WHERE p.id = office_fig_inspections.chain) WHERE amendment = 1 AND EXISTS (SELECT 1"
              " FROM office_fig_inspections p WHERE p.id = office_fig_inspections.chain AND p.amendment = 1"
              " AND p.chain <> office_fig_inspections.chain AND p.chain <> office_fig_inspections.id)")
CHAIN_STEPS_MAX = 20


def _spot_of(inspection: str) -> str:
    """1 when the inspection is a 双随机 one (its flag, kept on case steps and documents that trace to it)."""
    return f"coalesce({_lookup('office_fig_inspections', 'spot', inspection)}, 0)"


def spot_statements(j: _Json) -> list[str]:
    """Case steps and documents of the window's inspections, and of the inspections of its tasks, take the
    inspections' 双随机 flag again (an inspection new, gone or re-tasked; a task new, gone or of another kind)."""
    changed = (f"inspection_id IN ({j.ids('inspection')} UNION SELECT id FROM office_fig_inspections"
               f" WHERE task_id IN ({j.ids('task')}))")
    return [f"UPDATE {table} SET spot = {_spot_of(f'{table}.inspection_id')} WHERE {changed}"
            f" AND spot <> {_spot_of(f'{table}.inspection_id')}"
            for table in ("office_fig_case_events", "office_fig_documents")]


def case_statements(j: _Json) -> list[str]:
    group = ("CASE " + " ".join(f"WHEN {j.member('v', 'event')} = '{code}' THEN '{name}'"
                                for code, name in CASE_EVENTS.items()) + " END")
    day = _day(j.member("v", "date"))
    collate = ' COLLATE "C"' if j.pg else ""
    inspection, enterprise = f"coalesce({j.text('inspection_id')}, '')", f"coalesce({j.text('enterprise_id')}, '')"
    return [
        f"DELETE FROM office_fig_case_events WHERE case_id IN ({j.ids('case')})",
        f"DELETE FROM office_fig_cases WHERE id IN ({j.ids('case', deleted=True)})",
        _upsert("office_fig_cases", ("id", "inspection_id", "enterprise_id"),
                f"SELECT r.id, {inspection}, {enterprise} FROM {j.window('case')} WHERE 1 = 1"),
        # each group's first date per case
        f"INSERT INTO office_fig_case_events (case_id, event, day, inspection_id, enterprise_id, spot)"
        f" SELECT r.id, {group}, min({day}{collate}), {inspection}, {enterprise}, max({_spot_of(inspection)})"
        f" FROM {j.window('case')} CROSS JOIN {j.elements('events', 'v')}"
        f" WHERE {j.is_object('v')} AND {group} IS NOT NULL AND {day} <> ''"
        f" GROUP BY r.id, {group}, {inspection}, {enterprise}",
    ]


# A document's enterprise is its case's, else its inspection's; a document read before its case or inspection
# arrived is resolved again at each catch-up (the partial index keeps that to such documents).
_CASE_OF = "(SELECT {col} FROM office_fig_cases c WHERE c.id = office_fig_documents.case_id)"
_DOC_INSPECTION = f"coalesce(inspection_id, nullif({_CASE_OF.format(col='c.inspection_id')}, ''))"
ORPHAN_DOCUMENTS = (
    f"UPDATE office_fig_documents SET inspection_id = {_DOC_INSPECTION}, enterprise_id = coalesce(nullif("
    f"{_CASE_OF.format(col='c.enterprise_id')}, ''), {_lookup('office_fig_inspections', 'enterprise_id', _DOC_INSPECTION)},"
    f" ''), spot = {_spot_of(_DOC_INSPECTION)} WHERE enterprise_id = ''")


def document_statements(j: _Json) -> list[str]:
    case_id, own_inspection = f"nullif({j.text('case_id')}, '')", f"nullif({j.text('inspection_id')}, '')"
    inspection = f"coalesce({own_inspection}, nullif({_lookup('office_fig_cases', 'inspection_id', case_id)}, ''))"
    enterprise = (f"coalesce(nullif({_lookup('office_fig_cases', 'enterprise_id', case_id)}, ''),"
                  f" {_lookup('office_fig_inspections', 'enterprise_id', inspection)}, '')")
    issued = _day(f"coalesce(nullif({j.text('facts', 'issued_on')}, ''), {j.text('issued_at')})")
    current = f"CASE WHEN {j.text('status')} = 'issued' AND coalesce({j.text('superseded_by')}, '') = '' THEN 1 ELSE 0 END"
    return [
        f"DELETE FROM office_fig_documents WHERE id IN ({j.ids('document', deleted=True)})",
        _upsert("office_fig_documents", ("id", "kind", "day", "case_id", "inspection_id", "enterprise_id",
                                         "amount_fen", "current", "spot"),
                f"SELECT r.id, coalesce({j.text('kind')}, ''), {issued}, {case_id}, {inspection}, {enterprise},"
                f" {j.integer('facts', 'amount_fen')}, {current}, {_spot_of(inspection)}"
                f" FROM {j.window('document')} WHERE 1 = 1"),
    ]


def window_statements(backend: str) -> tuple[list[str], list[str], str]:
    """(statements before the chains are resolved, statements after, the orphan documents' statement):
    enterprises, tasks and inspections first (inspections read both), then the flags they lend case steps and
    documents, then cases and documents."""
    j = _Json(backend)
    return ([*enterprise_statements(j), *task_statements(j), *inspection_statements(j)],
            [*spot_statements(j), *case_statements(j), *document_statements(j)], ORPHAN_DOCUMENTS)
