"""GitHub Actions workflow commands, which annotate the pull request diff:
``::error file=F,line=L,endLine=L,col=C,endColumn=C,title=RULE::MESSAGE``."""

from __future__ import annotations

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
    """One annotation per finding and per skipped file."""
    lines = []
    for result in results:
        for problem in problems(result):
            lines.append(command(problem.level, problem.message, file=problem.path, title="copydesk"))
        for item in located_findings(result):
            data = item.data
            lines.append(command(data["severity"], data["message"], file=item.path,
                                 line=data["line"], endLine=data["end_line"], col=data["column"],
                                 endColumn=data["end_column"], title=data["rule"]))
    return "".join(line + "\n" for line in lines)
