"""The gazetteers: real-world agencies, spacecraft, places, countries, roles, flights and
event words, kept as data files in ``kg/nlp/patterns/`` and loaded here.

``entities.tsv`` is the source of truth for known things; ``gazetteer.jsonl`` holds the
spaCy ``EntityRuler`` patterns generated from it (each with the entity ``id``).  Regenerate
with ``python -m kg.nlp.gazetteer``; ``tests/test_vocab.py`` checks the two agree.
``non_names.txt`` lists the capitalised words no person's name contains.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PATTERNS = Path(__file__).resolve().parent / "patterns"

#: EntityRuler label for each gazetteer kind.
RULER_LABEL = {
    "organization": "ORG",
    "spacecraft": "SPACECRAFT",
    "place": "LOC",
    "country": "GPE",
}


@dataclass(frozen=True)
class GazEntry:
    """One known real-world thing."""

    id: str
    kind: str  # organization, spacecraft, place, country
    cls: str  # ontology class name
    label: str
    aliases: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...]

    def attr(self, name: str) -> str | None:
        """An attribute value, or None when absent or empty."""
        return dict(self.attrs).get(name) or None


@dataclass(frozen=True)
class FlightPattern:
    """A regular expression for named flights (Expedition 46, Soyuz MS-22, STS-79, ...)."""

    regex: re.Pattern[str]
    family: str
    spacecraft: str
    named_vehicle: bool
    cue: str | None = None  # literal text every match contains: the regex need not run without it

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text`` (none at once when the cue is absent)."""
        if self.cue is not None and self.cue not in text:
            return iter(())
        return self.regex.finditer(text)


def _rows(name: str) -> list[list[str]]:
    lines = (PATTERNS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@cache
def entries() -> dict[str, GazEntry]:
    """All gazetteer entries by id."""
    out: dict[str, GazEntry] = {}
    for row in _rows("entities.tsv"):
        row += [""] * (6 - len(row))
        ident, kind, cls, label, aliases, attrs = row[:6]
        pairs = tuple((k.strip(), v.strip()) for k, _, v in (a.partition("=") for a in attrs.split(";") if a.strip()))
        out[ident] = GazEntry(ident, kind, cls, label, tuple(a for a in aliases.split("|") if a), pairs)
    return out


@cache
def by_name() -> dict[str, GazEntry]:
    """Entries by any of their names, lowercased ('BAIKONUR' finds Baikonur Cosmodrome)."""
    out: dict[str, GazEntry] = {}
    for entry in entries().values():
        for name in (entry.label, *entry.aliases):
            out.setdefault(name.lower(), entry)
    return out


@cache
def roles() -> dict[str, str]:
    """Role phrase (lowercase) -> role concept name."""
    return {phrase.lower(): role for phrase, role in _rows("roles.tsv")}


@cache
def role_tails() -> frozenset[str]:
    """The last word of each two-word role phrase ('specialists' of 'mission specialists'), where a
    name after it may start."""
    return frozenset(phrase.split()[-1] for phrase in roles() if " " in phrase)


def _words(name: str) -> frozenset[str]:
    """A one-word-per-line list, lowercased."""
    return frozenset(row[0].lower() for row in _rows(name))


@cache
def non_name_words() -> frozenset[str]:
    """Lowercase words that never belong to a person's name (titles, institutions, hardware)."""
    return _words("non_names.txt")


@cache
def person_verbs() -> frozenset[str]:
    """Lowercase verb forms whose subject is a person ('said', 'came', 'handed')."""
    return _words("person_verbs.txt")


@cache
def person_nouns() -> frozenset[str]:
    """Lowercase nouns that describe a person without a spaceflight role ('aviator', 'actor')."""
    return _words("person_nouns.txt")


@cache
def titles() -> frozenset[str]:
    """Lowercase offices that, right before a name, mark an official ('President', 'Administrator')."""
    return _words("titles.txt")


@cache
def event_triggers() -> dict[str, str]:
    """Event trigger phrase or lemma (lowercase) -> event type."""
    return {phrase.lower(): kind for phrase, kind in _rows("events.tsv")}


@dataclass(frozen=True)
class NameHead:
    """A head word that marks an unlisted name: 'the Altamar orbital station', 'the X Space Agency'."""

    words: tuple[str, ...]
    inside: bool  # the head is part of the name ("Space Agency"), not a word after it ("capsule")
    kind: str
    cls: str


@cache
def name_heads() -> tuple[NameHead, ...]:
    """Heads from ``name_heads.tsv``, longest first so 'orbital station' wins over 'station'."""
    heads = [
        NameHead(tuple(head.split()), where == "in", kind, cls) for head, where, kind, cls in _rows("name_heads.tsv")
    ]
    return tuple(sorted(heads, key=lambda h: -len(h.words)))


@cache
def name_heads_by_first_word() -> dict[str, tuple[NameHead, ...]]:
    """The heads indexed by their first word (the component looks at every token)."""
    out: dict[str, list[NameHead]] = {}
    for head in name_heads():
        out.setdefault(head.words[0], []).append(head)
    return {word: tuple(heads) for word, heads in out.items()}


@cache
def flight_patterns() -> tuple[FlightPattern, ...]:
    """Named-flight patterns in file order."""
    return tuple(
        FlightPattern(re.compile(regex), family, craft, named == "yes", None if cue == "-" else cue)
        for regex, family, craft, named, cue in _rows("missions.tsv")
    )


def make_ruler_patterns() -> list[dict[str, str]]:
    """EntityRuler patterns (label, pattern, id) for every name and alias, sorted."""
    patterns = []
    for entry in entries().values():
        for name in (entry.label, *entry.aliases):
            patterns.append({"label": RULER_LABEL[entry.kind], "pattern": name, "id": entry.id})
    return sorted(patterns, key=lambda p: (p["id"], p["pattern"]))


def ruler_patterns() -> list[dict[str, str]]:
    """The committed EntityRuler patterns."""
    lines = (PATTERNS / "gazetteer.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def write_ruler_patterns() -> Path:
    """Regenerate ``gazetteer.jsonl`` from ``entities.tsv``."""
    path = PATTERNS / "gazetteer.jsonl"
    text = "".join(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n" for p in make_ruler_patterns())
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_ruler_patterns())
