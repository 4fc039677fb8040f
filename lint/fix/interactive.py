"""`copydesk fix --interactive`: ask about each change in the terminal, as
`codespell -i` does. Questions go to stderr so stdout can carry the edition."""

from __future__ import annotations

import sys

from lint.fix import ACCEPT, Decision, Proposal

CONTEXT = 40  # characters of the line shown on each side of the change

QUESTION = "Apply? [y]es, [n]o, [e]dit, [a]ll the rest, [q]uit: "
ANSWERS = {"y": "accept", "yes": "accept", "n": "reject", "no": "reject", "e": "edit",
           "edit": "edit", "a": "all", "all": "all", "q": "quit", "quit": "quit"}


def context_line(text: str, start: int, end: int) -> str:
    """The change in its line, trimmed to CONTEXT characters each side, the changed text marked [-like this-]."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = text[max(line_start, start - CONTEXT):start]
    right = text[end:min(line_end, end + CONTEXT)].rstrip("\r")
    prefix = "…" if start - CONTEXT > line_start else ""
    suffix = "…" if end + CONTEXT < line_end else ""
    return prefix + left.lstrip() + "[-" + text[start:end] + "-]" + right + suffix


class InteractiveEditor:
    """Decides each proposal by asking the person at the terminal."""

    def __init__(self, path: str, stdin=None, stderr=None):
        self.path = path
        self.stdin = stdin or sys.stdin
        self.stderr = stderr or sys.stderr
        self.accept_all = False

    def _ask(self, prompt: str) -> str | None:
        self.stderr.write(prompt)
        self.stderr.flush()
        line = self.stdin.readline()
        return None if line == "" else line.rstrip("\r\n")

    def __call__(self, proposal: Proposal) -> Decision:
        """Show the change and return the editor's decision."""
        if self.accept_all:
            return ACCEPT
        finding = proposal.finding
        assert finding.fix is not None  # fix_document proposes only findings with a fix
        self.stderr.write(f"\n{self.path}:{proposal.line}: {finding.rule} {finding.message}\n"
                          f"    {context_line(proposal.text, proposal.start, proposal.end)}\n"
                          f"  - {proposal.before!r}\n  + {proposal.after!r}"
                          f"  ({finding.fix.applicability})\n")
        while True:
            answer = self._ask(QUESTION)
            if answer is None:  # end of input: stop asking, keep what was accepted
                return Decision("quit")
            action = ANSWERS.get(answer.strip().lower())
            if action == "all":
                self.accept_all = True
                return ACCEPT
            if action == "edit":
                replacement = self._ask(f"Replace {proposal.before!r} with (empty keeps it): ")
                if replacement is None:
                    return Decision("quit")
                if replacement == "" or replacement == proposal.before:
                    return Decision("reject")
                return Decision("edit", replacement)
            if action is not None:
                return Decision(action)
            self.stderr.write("Please answer y, n, e, a or q.\n")
