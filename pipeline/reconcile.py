"""One row per real-world fact: names resolved to entities, decisions matched across plans.

Runs inside the transaction that stores a document, so a document and its reconciliation are
stored together or not at all.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import Connection, text

from .normalise import name_key

# Subjects this similar (0-100, word order ignored) are the same decision re-listed in a later plan.
SAME_DECISION_SIMILARITY = 90
_SUBJECT_NOISE = re.compile(r"\b(the|of|and|for|a|an|to|report|update)\b")


@dataclass(frozen=True)
class Resolved:
    entity_id: int
    name: str  # canonical
    new: bool  # first time this name (and no alias of it) was seen


def seed_aliases(connection: Connection, paths: list[Path]) -> None:
    """Load alias files (kind,name,alias rows): each alias, and each name itself, points at the entity."""
    for path in paths:
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                entity = resolve(connection, row["kind"], row["name"], "seed")
                _add_alias(connection, row["kind"], row["alias"], entity.entity_id, "seed")


def resolve(connection: Connection, kind: str, name: str, source: str) -> Resolved:
    """The entity a name refers to, through the alias table; a name never seen becomes a new entity."""
    found = connection.execute(
        text("SELECT e.id, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
             "WHERE a.kind = :kind AND a.alias_key = :key"),
        {"kind": kind, "key": name_key(name)},
    ).first()
    if found:
        return Resolved(found[0], found[1], new=False)
    entity_id = connection.execute(
        text("SELECT id FROM entities WHERE kind = :kind AND name = :name"), {"kind": kind, "name": name}
    ).scalar()
    if entity_id is None:
        entity_id = connection.execute(
            text("INSERT INTO entities (kind, name) VALUES (:kind, :name) RETURNING id"), {"kind": kind, "name": name}
        ).scalar_one()
    _add_alias(connection, kind, name, entity_id, source)
    return Resolved(entity_id, name, new=True)


def _add_alias(connection: Connection, kind: str, alias: str, entity_id: int, source: str) -> None:
    key = name_key(alias)
    exists = connection.execute(
        text("SELECT 1 FROM entity_aliases WHERE kind = :kind AND alias_key = :key"), {"kind": kind, "key": key}
    ).first()
    if not exists:
        connection.execute(
            text("INSERT INTO entity_aliases (kind, alias_key, alias, entity_id, source) "
                 "VALUES (:kind, :key, :alias, :entity, :source)"),
            {"kind": kind, "key": key, "alias": alias, "entity": entity_id, "source": source},
        )


def subject_key(subject: str) -> str:
    """A decision subject folded for matching: case, punctuation and filler words removed."""
    folded = re.sub(r"[^\w\s]", " ", name_key(subject))
    return re.sub(r"\s+", " ", _SUBJECT_NOISE.sub(" ", folded)).strip()


def decision_id(connection: Connection, council: str | None, decision_maker: str | None, subject: str) -> int:
    """The decision this plan entry is a sighting of: same council and maker, near-identical subject."""
    key = subject_key(subject)
    candidates = connection.execute(
        text("SELECT id, subject_key FROM decisions WHERE council IS NOT DISTINCT FROM :council "
             "AND decision_maker IS NOT DISTINCT FROM :maker ORDER BY id"),
        {"council": council, "maker": decision_maker},
    ).all()
    best = max(candidates, key=lambda row: fuzz.token_sort_ratio(key, row[1]), default=None)
    if best is not None and fuzz.token_sort_ratio(key, best[1]) >= SAME_DECISION_SIMILARITY:
        return best[0]
    return connection.execute(
        text("INSERT INTO decisions (council, decision_maker, subject_key) VALUES (:council, :maker, :key) "
             "RETURNING id"),
        {"council": council, "maker": decision_maker, "key": key},
    ).scalar_one()
