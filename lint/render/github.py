"""GitHub Actions workflow commands, which annotate the pull request diff:
``::error file=F,line=L,endLine=L,col=C,endColumn=C,title=RULE::MESSAGE``.

Capped as GitHub caps them, changed lines first (see github_summary)."""

from __future__ import annotations

from lint.render.github_summary import PER_TYPE, capped
from lint.render.located import located_findings, problems

_LEVELS = {"error": "error", "warning": "warning", "info": "notice", "note": "notice"}


def _escape_data(text: str) -> str:
    # As GitHub's toolkit does (escapeData): the message may not hold raw newlines.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties) -> str:
    """One workflow command line."""
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{_LEVELS[level]} {props}::{_escape_data(message)}" if props else \
        f"::{_LEVELS[level]}::{_escape_data(message)}"


def render(results, options) -> str:
    """One annotation per skipped file, then per finding up to GitHub's cap."""
    lines: list[str] = []
    items: list = []
    for result in results:
        for problem in problems(result):
            lines.append(command(problem.level, problem.message, file=problem.path, title="copydesk"))
        items.extend((item.path, item) for item in located_findings(result))
    shown, dropped = capped(items, options.changed_lines)
    notices = [pair for pair in shown if pair[1].data["severity"] == "info"]
    if dropped and len(notices) == PER_TYPE:  # room for the notice that says so
        shown.remove(notices[-1])
        dropped += 1
    if dropped:
        lines.append(command("info", f"{dropped} more finding{'s' if dropped != 1 else ''} not annotated "
                             "(GitHub shows 10 of each type); all are in the step summary and the SARIF",
                             title="copydesk"))
    for path, item in shown:
        data = item.data
        lines.append(command(data["severity"], data["message"], file=path,
                             line=data["line"], endLine=data["end_line"], col=data["column"],
                             endColumn=data["end_column"], title=data["rule"]))
    return "".join(line + "\n" for line in lines)
