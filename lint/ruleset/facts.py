"""The entity knowledge base: who an organisation or person really is.

Entity files live in a ``facts/`` folder of any rule directory::

    entities:
      - id: cetc
        names: [China Electronics Technology Group Corporation, CETC]
        is: a state-owned defense electronics group
        descriptor: the state-owned defense electronics group
        wrong:
          - descriptor: electricity utility
            fits: State Grid Corporation of China

The ``facts`` rule kind uses these to flag a wrong descriptor attached to an
entity; the speller and LanguageTool treat every name as a known word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lint.config.yamlsource import ConfigError, LocatedDict, check_keys, load_yaml

_FILE_KEYS = {"entities": list}
_ENTITY_KEYS = {"id": str, "names": list, "is": str, "descriptor": str, "wrong": list,
                "type": str, "source": str}
_WRONG_KEYS = {"descriptor": str, "fits": str, "note": str}


@dataclass(frozen=True)
class WrongDescriptor:
    """A description that does not fit the entity, and whom it does fit."""

    descriptor: str
    fits: str = ""
    note: str = ""


@dataclass(frozen=True)
class Entity:
    """One organisation, person or place with its true and false descriptions."""

    id: str
    names: tuple[str, ...]
    is_: str
    descriptor: str
    wrong: tuple[WrongDescriptor, ...]
    type: str
    path: Path
    line: int

    @property
    def name(self) -> str:
        """The entity's main (first) name."""
        return self.names[0]


def load_entities(path: Path) -> list[Entity]:
    """Read and validate one facts file."""
    data = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, LocatedDict):
        raise ConfigError("a facts file must be a mapping with 'entities:'", path, 1)
    check_keys(data, _FILE_KEYS, required=("entities",), what="facts file")
    entities = []
    for index, item in enumerate(data["entities"]):
        if not isinstance(item, LocatedDict):
            raise data["entities"].error("each entity must be a mapping", index)
        check_keys(item, _ENTITY_KEYS, required=("id", "is"), what="entity")
        names = item.get("names")
        if not names:
            raise item.error(f"entity {item['id']!r} has no names: give at least one in 'names:'",
                             "names" if "names" in item else None)
        if not all(isinstance(n, str) and n.strip() for n in names):
            raise item.error("every name must be a non-empty string", "names")
        wrong = []
        for w_index, w in enumerate(item.get("wrong", [])):
            if not isinstance(w, LocatedDict):
                raise item["wrong"].error("each wrong descriptor must be a mapping", w_index)
            check_keys(w, _WRONG_KEYS, required=("descriptor",), what="wrong descriptor")
            wrong.append(WrongDescriptor(w["descriptor"], w.get("fits", ""), w.get("note", "")))
        entities.append(Entity(
            id=item["id"], names=tuple(names), is_=item["is"],
            descriptor=item.get("descriptor", item["is"]), wrong=tuple(wrong),
            type=item.get("type", "organisation"), path=path, line=item.line,
        ))
    return entities


def check_unique_names(entities: list[Entity]) -> None:
    """Two entities may not share an id."""
    seen: dict[str, Entity] = {}
    for entity in entities:
        if entity.id in seen:
            first = seen[entity.id]
            raise ConfigError(f"duplicate entity id {entity.id!r} (first at {first.path}:{first.line})",
                              entity.path, entity.line)
        seen[entity.id] = entity
