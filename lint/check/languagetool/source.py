"""LanguageTool as a checking source for the engine.

Only the prose that segmentation produced (`Block.text`) is sent; blocks are
looked up in the paragraph cache first, the rest are joined with blank lines
into a few requests, and match offsets are mapped back to each block and
then to the source. The server is found or started only when some text is
not cached, so a fully cached run needs no server at all.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from lint.check import dictionary
from lint.check.engine import SourceUnavailable
from lint.check.kinds.spelling import looks_like_name
from lint.check.languagetool.cache import (
    ParagraphCache,
    paragraph_key,
    settings_fingerprint,
)
from lint.check.languagetool.client import LanguageToolClient, RawMatch
from lint.check.languagetool.findings import KnownWords, is_spelling, to_finding
from lint.check.languagetool.locations import layout_for, pinned_version
from lint.check.technical import is_code_like
from lint.check.terms import DocumentTerms
from lint.config.settings import Settings
from lint.model import Block, Document, Finding
from lint.ruleset.rulespec import CompileContext

# Requests stay well under the timeout even on a busy machine: about 2,000 words each.
BATCH_CHARS = 12_000
# Beyond this much prose in one document LanguageTool would take minutes.
MAX_DOCUMENT_CHARS = 1_000_000
SEPARATOR = "\n\n"
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class LanguageToolSource:
    """Grammar and spelling findings from a real LanguageTool server."""

    name = "languagetool"

    def __init__(self, settings: Settings, context: CompileContext, stream=None):
        policy = context.languagetool
        # The policy's rules left off are not asked for, unless the configuration enables them.
        off = sorted(rule for rule in set(policy.off) - set(settings.languagetool.enable_rules)
                     if not rule.endswith("*"))  # a family is dropped from the answers instead
        self.settings = replace(settings.languagetool,
                                disable_rules=tuple(dict.fromkeys((*settings.languagetool.disable_rules, *off))))
        self.policy = policy
        self.dialect = settings.dialect
        self.dialect_ready = dictionary.unavailable(self.dialect) is None
        self.required = self.settings.required
        self.layout = layout_for(settings)
        self.known_words = KnownWords(context)
        self.cache = ParagraphCache(self.layout.results)
        self.stream = stream  # where start-up progress goes (stderr by default)
        self._client: LanguageToolClient | None = None
        self._version: str | None = None
        self._failure: str | None = None

    def check(self, document: Document, blocks: list[Block]) -> list[Finding]:
        """LanguageTool's findings for these blocks, in source offsets."""
        if self._failure:  # fail fast on every later file, with the same reason
            raise SourceUnavailable(self._failure)
        blocks = [block for block in blocks if _HAS_LETTER.search(block.text)]
        size = sum(len(block.text) for block in blocks)
        if size > MAX_DOCUMENT_CHARS:
            raise SourceUnavailable(self._explain(
                f"{size:,} characters of prose is more than LanguageTool checks in one document "
                f"({MAX_DOCUMENT_CHARS:,}); split the file to have it checked"))
        try:
            return self._check(document, blocks)
        except SourceUnavailable as exc:
            self._failure = self._explain(str(exc))
            raise SourceUnavailable(self._failure) from None

    def _explain(self, reason: str) -> str:
        if self.required:
            return reason
        return f"LanguageTool skipped, checked with the built-in rules only: {reason}"

    def _check(self, document: Document, blocks: list[Block]) -> list[Finding]:
        if not blocks:
            return []
        fingerprint = settings_fingerprint(self._server_version(), self.settings)
        keys = [paragraph_key(fingerprint, block.text) for block in blocks]
        results = self.cache.get_many(keys)
        missing = {key: block.text for key, block in zip(keys, blocks, strict=True) if key not in results}
        if missing:
            fresh = self._fetch(missing)
            self.cache.put_many(fresh)
            results.update(fresh)
        findings = []
        terms = DocumentTerms(document.text, (block.text for block in blocks))
        for key, block in zip(keys, blocks, strict=True):
            for match in results[key]:
                start, end = match.offset, match.offset + match.length
                flagged = block.text[start:end]
                if self._left_out(match.rule):
                    continue
                if is_code_like(block.text, start, end) or _spans_markup(document.text, block, start, end):
                    continue  # main.rs, Cargo.toml, Listing 10-9: not prose (the built-in exemptions)
                # Names are left alone by every speller (the built-in one's rules),
                # and so are the document's own terms ("newtype" used throughout, "hasher" in code).
                spelling = is_spelling(match)
                if spelling and (looks_like_name(block.text, start, end) or terms.is_term(flagged)
                                 or self._in_dictionary(flagged)):
                    continue
                if not self.known_words.excuses(match, flagged):
                    findings.append(self._keeping_dialect(to_finding(match, block, self.policy), flagged))
        return findings

    def _in_dictionary(self, word: str) -> bool:
        """True when the dialect's Hunspell dictionary, which the built-in
        speller uses, accepts the word LanguageTool's speller does not."""
        return self.dialect_ready and dictionary.is_known(word, self.dialect)

    def _keeping_dialect(self, finding: Finding, flagged: str) -> Finding:
        """The finding without its fix when the fix brings in a word the
        dialect's dictionary does not know ("colours" -> "colors" in en-GB)."""
        if finding.fix is None or not self.dialect_ready:
            return finding
        own = {word.casefold() for word in _WORDS.findall(flagged)}
        new = [word for word in _WORDS.findall(finding.replacements[0]) if word.casefold() not in own]
        if all(dictionary.is_known(word, self.dialect) for word in new):
            return finding
        return replace(finding, fix=None)

    def _left_out(self, rule: str) -> bool:
        """True for a rule of a family the policy disables, unless the configuration enables it."""
        return (self.policy.severity_tier(rule) == "disabled" and rule not in self.policy.off
                and rule not in self.settings.enable_rules)

    def _server_version(self) -> str:
        if self._version is None:
            # Our own server is the pinned version; another server is asked.
            self._version = self._connect().version() if self.settings.url else pinned_version()
        return self._version

    def _connect(self) -> LanguageToolClient:
        if self._client is None:
            if self.settings.url:
                self._client = LanguageToolClient(
                    self.settings.url, self.settings,
                    remedy="check that this server is running and reachable, or leave out "
                           "--languagetool / languagetool.url to let Copydesk run its own")
            else:
                from lint.check.languagetool.server import (
                    ServerManager,  # a fully cached run never needs it (nor psutil)
                )

                state = ServerManager(self.layout).ensure_running(self.stream)
                self._client = LanguageToolClient(
                    state.url, self.settings,
                    remedy=f"the LanguageTool server Copydesk started (pid {state.pid}) stopped "
                           f"or hung; the next run starts a new one (`copydesk server status` "
                           f"shows it; its log is {self.layout.server_log})")
        return self._client

    def _fetch(self, texts: dict[str, str]) -> dict[str, list[RawMatch]]:
        """Matches for each key's text, a few requests in all."""
        client = self._connect()
        fresh: dict[str, list[RawMatch]] = {}
        for batch in _batches(texts):
            # A lone surrogate (from undecodable input) cannot be sent as UTF-8;
            # U+FFFD has the same length, so offsets stay put.
            joined = _LONE_SURROGATE.sub("\ufffd", SEPARATOR.join(text for _, text in batch))
            starts = []
            position = 0
            for _, text in batch:
                starts.append(position)
                position += len(text) + len(SEPARATOR)
            per_text: list[list[RawMatch]] = [[] for _ in batch]
            for match in client.check(joined):
                index = bisect.bisect_right(starts, match.offset) - 1
                local = match.offset - starts[index]
                # A match reaching into the separator or the next block is dropped.
                if index >= 0 and local + match.length <= len(batch[index][1]):
                    per_text[index].append(_shift(match, local))
            for (key, _), matches in zip(batch, per_text, strict=False):
                fresh[key] = matches
        return fresh


def _spans_markup(source: str, block: Block, start: int, end: int) -> bool:
    """True when the match covers a tag in the source ("ctrl</kbd>-<kbd>C")
    that segmentation took out of the block's text."""
    where = source[block.to_source(start):block.to_source(end, is_end=True)]
    return ("<" in where or ">" in where) and "<" not in block.text[start:end]


def _batches(texts: dict[str, str]):
    """Group (key, text) pairs into runs of about BATCH_CHARS characters."""
    batch: list[tuple[str, str]] = []
    size = 0
    for key, text in texts.items():
        if batch and size + len(text) > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append((key, text))
        size += len(text) + len(SEPARATOR)
    if batch:
        yield batch


def _shift(match: RawMatch, offset: int) -> RawMatch:
    return RawMatch(offset, match.length, match.rule, match.message, match.replacements,
                    match.category, match.issue_type, match.type_name)
