"""The figures of an audit's results: counts by rule and severity, the
worst documents with their findings, and findings by month of publication.

Read from the Parquet shards with Arrow's group-by, so a results folder of
millions of rows is summed without loading it as Python objects; only the
worst documents' findings are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from lint.audit import shards

WORST = 25  # documents listed with their findings


@dataclass
class AuditSummary:
    """What `copydesk audit-report` shows."""

    documents: int = 0
    checked: int = 0
    failed: int = 0
    findings: int = 0
    by_severity: dict = field(default_factory=dict)  # severity -> findings
    by_rule: list = field(default_factory=list)  # (rule, severity, findings, documents), most first
    worst: list = field(default_factory=list)  # document rows, most errors first
    worst_findings: dict = field(default_factory=dict)  # doc_id -> its finding rows
    by_month: list = field(default_factory=list)  # (YYYY-MM, findings, documents)
    errors: list = field(default_factory=list)  # (doc_id, error) of documents not checked


def summarise(results: Path, worst: int = WORST) -> AuditSummary:
    """Sum up a results folder."""
    documents = shards.read_table(results, shards.DOCUMENTS)
    findings = shards.read_table(results, shards.FINDINGS,
                                 ["doc_id", "rule", "severity", "line", "column", "text", "message",
                                  "replacement"])
    summary = AuditSummary(documents=documents.num_rows, findings=findings.num_rows)
    failed = pc.is_valid(documents["error"])
    kinds = documents["error_kind"]
    not_checked = pc.and_(failed, pc.invert(pc.fill_null(pc.equal(kinds, "note"), False)))
    summary.failed = pc.sum(pc.cast(not_checked, pa.int64())).as_py() or 0
    summary.checked = summary.documents - summary.failed
    summary.errors = [(r["doc_id"], r["error"]) for r in documents.filter(not_checked)
                      .select(["doc_id", "error"]).slice(0, 200).to_pylist()]
    if findings.num_rows:
        per_severity = findings.group_by("severity").aggregate([("rule", "count")])
        summary.by_severity = dict(zip(per_severity["severity"].to_pylist(),
                                       per_severity["rule_count"].to_pylist(), strict=True))
        per_rule = findings.group_by(["rule", "severity"]).aggregate(
            [("doc_id", "count"), ("doc_id", "count_distinct")])
        rows = zip(per_rule["rule"].to_pylist(), per_rule["severity"].to_pylist(),
                   per_rule["doc_id_count"].to_pylist(), per_rule["doc_id_count_distinct"].to_pylist(),
                   strict=True)
        summary.by_rule = sorted(rows, key=lambda r: (-r[2], r[0]))
    ranked = documents.filter(pc.greater(documents["findings"], 0)).sort_by(
        [("errors", "descending"), ("findings", "descending"), ("doc_id", "ascending")]).slice(0, worst)
    summary.worst = ranked.to_pylist()
    wanted = pa.array([d["doc_id"] for d in summary.worst], pa.string())
    for row in findings.filter(pc.is_in(findings["doc_id"], value_set=wanted)).to_pylist():
        summary.worst_findings.setdefault(row["doc_id"], []).append(row)
    summary.by_month = _by_month(documents)
    return summary


def _by_month(documents: pa.Table) -> list:
    dated = documents.filter(pc.is_valid(documents["published"]))
    if not dated.num_rows:
        return []
    months = pc.utf8_slice_codeunits(dated["published"], 0, 7)
    table = pa.table({"month": months, "findings": dated["findings"]})
    grouped = table.group_by("month").aggregate([("findings", "sum"), ("findings", "count")])
    rows = zip(grouped["month"].to_pylist(), grouped["findings_sum"].to_pylist(),
               grouped["findings_count"].to_pylist(), strict=True)
    return sorted(r for r in rows if len(r[0]) == 7 and r[0][4] == "-")
