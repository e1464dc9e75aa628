"""The vocabulary is declared once: every term used in code, shapes and queries is in the ontology."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.extractors import events
from kg.nlp import gazetteer
from kg.vocab import RKIND, ROLE, SCHEMES, SCOPE, SF

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "spaceflight.ttl")


def declared(ontology: Graph) -> set[str]:
    return {str(s) for s in ontology.subjects() if isinstance(s, URIRef)}


def test_namespace_matches_ontology(ontology):
    ns = str(SF._NS)
    in_file = {t[len(ns) :] for t in declared(ontology) if t.startswith(ns)}
    in_code = set(SF.__annotations__)
    assert in_file == in_code


def test_concept_schemes_match(ontology):
    for scheme in SCHEMES.values():
        ns = str(scheme._NS)
        assert {t[len(ns) :] for t in declared(ontology) if t.startswith(ns)} == set(scheme.__annotations__)


def test_unknown_terms_fail():
    with pytest.raises(AttributeError):
        SF.notATerm  # noqa: B018


def test_every_label_and_comment(ontology):
    from rdflib import RDFS

    ns = str(SF._NS)
    for term in SF.__annotations__:
        iri = URIRef(ns + term)
        assert ontology.value(iri, RDFS.label) is not None, term
        if not term.endswith("Scheme"):
            assert ontology.value(iri, RDFS.comment) is not None, term


@pytest.mark.parametrize("folder, pattern", [("queries", "*.rq"), ("ontology", "shapes*.ttl"), ("kg", "**/*.py")])
def test_terms_used_are_declared(ontology, folder, pattern):
    known = declared(ontology) | {str(SF._NS)}
    ns = re.escape(str(SF._NS))
    for path in (ROOT / folder).glob(pattern):
        text = path.read_text(encoding="utf-8")
        for local in re.findall(r"\bsf:([A-Za-z_]\w*)", text) + re.findall(ns + r"([A-Za-z_]\w*)", text):
            assert str(SF._NS) + local in known, f"{path.name}: sf:{local}"
        for local in re.findall(r"\bSF\.([A-Za-z_]\w*)", text):
            assert local.startswith("_") or str(SF._NS) + local in known, f"{path.name}: SF.{local}"


def test_gazetteer_data_is_consistent():
    entries = gazetteer.entries()
    assert gazetteer.ruler_patterns() == gazetteer.make_ruler_patterns(), "run python -m kg.nlp.gazetteer"
    for entry in entries.values():
        assert entry.cls in SF.__annotations__, entry.id
        for key in ("operator", "country"):
            ref = entry.attr(key)
            assert ref is None or ref in entries, (entry.id, key, ref)
    for role in gazetteer.roles().values():
        assert role in ROLE.__annotations__
    for kind in gazetteer.event_triggers().values():
        assert kind in events.CLASS
    for pattern in gazetteer.flight_patterns():
        assert pattern.spacecraft in entries or pattern.spacecraft == "-"
    assert SCOPE.world and RKIND.other


def test_flight_pattern_cues_are_literal_text_every_match_needs():
    """A cue lets the component skip a pattern's regex; skipping must never lose a match."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "devset" / "articles").glob("*"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*"))]
    cued = [p for p in gazetteer.flight_patterns() if p.cue is not None]
    assert len(cued) >= 20
    for pattern in cued:
        assert pattern.cue in pattern.regex.pattern, pattern.cue
        assert pattern.cue == pattern.cue.strip(), "a cue with outer spaces is lost to editors"
        skipped = [m.group() for text in texts if pattern.cue not in text for m in pattern.regex.finditer(text)]
        assert not skipped, (pattern.cue, skipped)


def test_non_name_words_are_lowercase_single_words():
    words = gazetteer.non_name_words()
    assert words and all(w == w.lower() and w.isalpha() for w in words)
    assert not words & set(gazetteer.roles()), "a role word belongs in roles.tsv"


def test_person_nouns_are_lowercase_words_that_are_no_role():
    nouns = gazetteer.person_nouns()
    assert nouns and all(n == n.lower() and n.replace("-", "").isalpha() for n in nouns)
    assert not nouns & set(gazetteer.roles()), "a role word belongs in roles.tsv"
