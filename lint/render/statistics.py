"""`check --statistics`: how many findings each rule made, most first,
with how many `copydesk fix` (and `--unsafe-fixes`) would apply."""

from __future__ import annotations

from collections import Counter

from lint.model import Applicability


def render(results, options=None) -> str:
    """One line per rule: count, rule, severity, fixable; then the total."""
    counts: Counter = Counter()
    severity: dict[str, str] = {}
    safe: Counter = Counter()
    unsafe: Counter = Counter()
    for result in results:
        for finding in result.findings:
            counts[finding.rule] += 1
            severity[finding.rule] = str(finding.severity)
            if finding.fix is not None and finding.fix.applicability == Applicability.SAFE:
                safe[finding.rule] += 1
            elif finding.fix is not None and finding.fix.applicability == Applicability.UNSAFE:
                unsafe[finding.rule] += 1
    if not counts:
        return "0 findings.\n"
    width = max(len(rule) for rule in counts)
    digits = len(str(max(counts.values())))
    lines = []
    for rule, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        fixable = []
        if safe[rule]:
            fixable.append(f"{safe[rule]} fixable")
        if unsafe[rule]:
            fixable.append(f"{unsafe[rule]} with --unsafe-fixes")
        lines.append(f"{count:>{digits}}  {rule:<{width}}  {severity[rule]:<7}  {', '.join(fixable)}".rstrip())
    total = sum(counts.values())
    lines.append(f"{total} finding{'s' if total != 1 else ''} from {len(counts)} "
                 f"rule{'s' if len(counts) != 1 else ''}.")
    return "\n".join(lines) + "\n"
