"""facts: a wrong description attached to a known entity.

The entities come from ``facts/*.yaml`` in every rule directory (see
``lint/facts.py``). A rule of this kind looks at the phrases a sentence
attaches to an entity's name:

- apposition: "Siemens, the Finnish telecommunications company, said ...";
- a parenthetical name then the phrase: "... CEO of China Electronics
  Technology Group Corporation (CETC), the state-owned electricity utility
  monopoly is accelerating ...";
- a copula: "Siemens is a Finnish telecommunications company";
- a phrase just before the name: "the Finnish telecommunications company Siemens".

When the phrase contains one of the entity's ``wrong`` descriptors, the
finding says what the entity is and whom the descriptor fits, and suggests
the entity's own descriptor in place of the phrase (an unsafe fix)::

    - id: wrong-descriptor
      kind: facts
      severity: error
      message: "{name} is {is}, not {wrong}{fits}"
      fix: unsafe
"""

from __future__ import annotations

import re

from lint.check.checker import BlockChecker
from lint.check.indefinite import indefinite_article, with_article
from lint.check.text import block_sentences, match_case
from lint.ruleset.facts import Entity, WrongDescriptor
from lint.ruleset.regexes import compile_safe
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"max_phrase_words": int}
REQUIRED = ()

_VERBS = (r"is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|said|says|"
          r"announced|reported|launched|plans|plans|aims|operates|owns|runs|remains|became|also")
_PHRASE = r"(?P<phrase>(?:the|a|an|its)\s+[^,;:.()]{1,120}?)"
_AFTER_NAME = re.compile(r"(?:\s*\([^()]{1,60}\))?\s*,\s+" + _PHRASE +
                         rf"(?=\s*,|\s*[.;:]|\s*$|\s+(?:{_VERBS})\b)", re.IGNORECASE)
_COPULA = re.compile(r"(?:\s*\([^()]{1,60}\))?\s+(?:is|was|remains|became)\s+" + _PHRASE +
                     r"(?=\s*[,.;:]|\s*$|\s+(?:that|which|with|in|based|and|owned)\b)", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(?:of|to|for|with|from|by|like|than|at|in|on|about|against|over|under)\b",
                          re.IGNORECASE)
_BEFORE_NAME = re.compile(r"\b(?P<phrase>(?:the|a|an)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s*,?\s*$", re.IGNORECASE)


class FactsChecker(BlockChecker):
    """Finds entity names, then checks the phrases attached to them."""

    def __init__(self, rules: list[RuleSpec], entities: list[Entity]):
        self.rules = tuple(rules)
        self.entities = entities
        self.max_words = max((r.options.get("max_phrase_words", 12) for r in rules), default=12)
        by_name: dict[str, Entity] = {}
        for entity in entities:
            for name in entity.names:
                by_name.setdefault(name, entity)
        self.by_name = by_name
        self.wrong_regexes = {
            entity.id: [(w, re.compile(_descriptor_pattern(w.descriptor), re.IGNORECASE)) for w in entity.wrong]
            for entity in entities}
        self.names_regex = None
        if by_name:
            body = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
            # Names are matched as written: "CETC" is a name, "cetc" is not.
            # (compile_safe leads it with a test of the names' first letters)
            self.names_regex = compile_safe(rf"(?<![\w-])(?:{body})(?![\w-])")

    def check_block(self, block):
        """Yield a hit for each wrong descriptor attached to an entity."""
        text = block.text
        if self.names_regex is None or not self.names_regex.search(text):
            return  # most blocks name no entity: no sentences needed
        for sentence in block_sentences(block):
            for match in self.names_regex.finditer(text, sentence.start, sentence.end):
                entity = self.by_name[match.group()]
                for phrase_start, phrase_end in self._attached_phrases(text, match, sentence):
                    hit = self._judge(block, entity, phrase_start, phrase_end)
                    if hit:
                        yield from hit
                        break

    def _attached_phrases(self, text: str, match: re.Match, sentence):
        """(start, end) of each phrase the sentence attaches to this mention."""
        end = sentence.end
        for regex in (_AFTER_NAME, _COPULA):
            after = regex.match(text, match.end(), end)
            if after:
                yield after.span("phrase")
        before = _BEFORE_NAME.search(text, max(sentence.start, match.start() - 100), match.start())
        if before:
            yield before.span("phrase")

    def _judge(self, block, entity: Entity, start: int, end: int):
        phrase = block.text[start:end]
        if len(phrase.split()) > self.max_words or self._names_other_entity(phrase, entity):
            return None
        for wrong, regex in self.wrong_regexes[entity.id]:
            found = regex.search(phrase)
            # "a supplier to the electricity utility" describes a supplier: the
            # descriptor must head the phrase, not sit in a prepositional phrase.
            if found and not _PREPOSITION.search(phrase, 0, found.start()):
                return [self._hit(rule, block, entity, wrong, start, end) for rule in self.rules]
        return None

    def _names_other_entity(self, phrase: str, entity: Entity) -> bool:
        """A phrase that names another entity describes that one, not ours."""
        assert self.names_regex is not None  # check_block returns early without it
        return any(other is not entity for other in (self.by_name[m.group()]
                                                      for m in self.names_regex.finditer(phrase)))

    @staticmethod
    def _hit(rule: RuleSpec, block, entity: Entity, wrong: WrongDescriptor, start: int, end: int) -> Hit:
        phrase = block.text[start:end]
        replacement = _corrected_phrase(phrase, entity)
        fits = f"; '{wrong.descriptor}' describes {wrong.fits}" if wrong.fits else ""
        note = f" ({wrong.note})" if wrong.note else ""
        message = rule.format_message(name=entity.name, **{"is": entity.is_}, wrong=with_article(wrong.descriptor),
                                      fits=fits + note, text=phrase, replacement=replacement)
        return Hit(rule, start, end, message, (replacement,))


def _descriptor_pattern(descriptor: str) -> str:
    """Whole words of the descriptor; a space may also be written as a hyphen."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", descriptor.strip()) if w]
    # Not before a possessive: "the electricity utility's supplier" is not a utility.
    return r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-]|[’']s\b)"


def _corrected_phrase(phrase: str, entity: Entity) -> str:
    """The entity's own description, with the article the phrase used."""
    article = phrase.split()[0]
    own = entity.descriptor if article.lower() in ("the", "its") else entity.is_
    own_words = own.split()
    if own_words and own_words[0].lower() in ("a", "an", "the"):
        own_words = own_words[1:]
    body = " ".join(own_words)
    if article.lower() in ("a", "an"):
        article = match_case(article, indefinite_article(body))
    return f"{article} {body}"


def build(rules, context):
    """One checker over every entity in the knowledge base."""
    return [FactsChecker(rules, list(context.entities))]
