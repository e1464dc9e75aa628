"""The shipped shapes, one at a time: a conforming base graph and one small patch per shape or rule.

tests/shapes/base.trig conforms with no finding at all; each case in tests/shapes/cases.trig
adds, removes or renames a few triples of it, and must yield exactly the findings listed in
EXPECTED (severity, shape, focus node, path, constraint) -- cases named ok-* are near misses
of a domain rule and must yield none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from kg.graphio import load_dataset
from kg.validate import ONTOLOGY_DIR, SFSH, SH, load_shapes, validate

HERE = Path(__file__).parent / "shapes"
ARTICLE = URIRef("https://w3id.org/spaceflight-kg/id/article/0123456789abcdef")
_ID = "https://w3id.org/spaceflight-kg/id/"
PREFIXES = {
    "sf": "https://w3id.org/spaceflight-kg/ontology#",
    "person": _ID + "person/",
    "org": _ID + "organization/",
    "place": _ID + "place/",
    "craft": _ID + "spacecraft/",
    "mission": _ID + "mission/",
    "event": _ID + "event/",
    "record": _ID + "record/",
    "qty": _ID + "quantity/",
    "xtr": _ID + "extractor/",
    "art": _ID + "article/",
    "snt": _ID + "article/0123456789abcdef/sentence/",
    "asr": _ID + "article/0123456789abcdef/assertion/",
    "ex": "https://example.org/",
}

# "SEVERITY SHAPE FOCUS PATH CONSTRAINT": V/W/I, a shape in sfsh:, a prefixed focus node,
# the result path as kg.validate writes it ('-' for none), the constraint component's short name.
EXPECTED: dict[str, list[str]] = {
    "entity-two-kinds": ["V EntityShape person:anna-test - Xone", "W SpacecraftShape person:anna-test - Pattern"],
    "entity-no-source": ["V Entity-source place:baikonur ^rdf:subject MinCount"],
    "entity-two-names": ["V Entity-prefLabel person:boris-test skos:prefLabel MaxCount"],
    "entity-no-name": ["V NamedEntity-prefLabel place:kazakhstan skos:prefLabel MinCount"],
    "mission-no-name": ["V DescribedEntityShape mission:one-year - Or"],
    "ok-mission-described": [],
    "mission-two-descriptions": ["V DescribedEntity-label mission:one-year rdfs:label MaxCount"],
    "entity-empty-altlabel": ["V Entity-altLabel person:anna-test skos:altLabel MinLength"],
    "person-iri": ["W PersonShape ex:carl - Pattern"],
    "organization-iri": ["W OrganizationShape ex:roscosmos - Pattern"],
    "place-iri": ["W PlaceShape ex:usa - Pattern"],
    "spacecraft-iri": ["W SpacecraftShape ex:iss - Pattern"],
    "mission-iri": ["W MissionShape ex:one-year - Pattern"],
    "event-iri": ["W EventShape ex:handover - Pattern"],
    "record-iri": ["W RecordShape ex:old-record - Pattern"],
    "quantity-iri": ["W QuantityShape ex:orbits - Pattern"],
    "article-iri": ["W ArticleShape art:not-hex - Pattern"],
    "sentence-iri": ["W SentenceShape ex:sentence-1 - Pattern"],
    "assertion-iri": ["W AssertionShape ex:assertion-4 - Pattern"],
    "extractor-iri": ["W ExtractorShape ex:missions - Pattern"],
    "person-role": ["V Person-role person:carl-test sf:role In"],
    "person-agency": ["V Person-agency person:carl-test sf:agency Class"],
    "person-nationality": ["V Person-nationality person:carl-test sf:nationality Class"],
    "person-age-too-old": ["V Person-age person:anna-test sf:age MaxInclusive"],
    "person-age-negative": ["V Person-age person:boris-test sf:age MinInclusive"],
    "person-age-not-whole": ["V Person-age person:boris-test sf:age Datatype"],
    "ok-person-age-120": [],
    "country-demonym": ["V Country-demonym place:kazakhstan sf:demonym Datatype"],
    "spacecraft-operator": ["V Spacecraft-operator craft:iss sf:operator Or"],
    "spacecraft-status": ["V Spacecraft-status craft:soyuz sf:status In"],
    "mission-crew": ["V Mission-crewMember mission:one-year sf:crewMember Class"],
    "mission-commander": ["V Mission-commander mission:one-year sf:commander Class"],
    "mission-spacecraft": ["V Mission-spacecraft mission:one-year sf:spacecraft Class"],
    "mission-start-text": ["V Mission-startDate mission:one-year sf:startDate Or"],
    "mission-end-datetime": ["V Mission-endDate mission:one-year sf:endDate Or"],
    "mission-duration-text": [
        "V Mission-durationDays mission:one-year sf:durationDays Datatype",
        "V Mission-durationDays mission:one-year sf:durationDays MinInclusive",
    ],
    "mission-approximate-twice": ["V Mission-approximate mission:one-year sf:approximate MaxCount"],
    "mission-quantity": ["V Mission-hasQuantity mission:one-year sf:hasQuantity Class"],
    "mission-ends-before-start": ["V MissionDatesShape mission:one-year sf:endDate SPARQL"],
    "ok-mission-same-year": [],
    "ok-mission-same-month": [],
    "mission-duration-off": ["W MissionDurationShape mission:one-year sf:durationDays SPARQL"],
    "ok-mission-duration-one-day-off": [],
    "mission-orbits-off": ["W MissionOrbitsShape mission:one-year sf:hasQuantity SPARQL"],
    "ok-mission-orbits-close": [],
    "event-no-kind": ["V Event-type event:handover-one-year rdf:type QualifiedMinCount"],
    "event-mission": ["V Event-mission event:handover-one-year sf:mission Class"],
    "event-date": ["V Event-date event:handover-one-year sf:date Datatype"],
    "event-time-no-offset": ["V Event-time event:landing-one-year sf:time Pattern"],
    "event-place": ["V Event-place event:landing-one-year sf:place Class"],
    "event-participant": ["V Event-participant event:handover-one-year sf:participant Class"],
    "event-vehicle": ["V Event-vehicle event:landing-one-year sf:vehicle Class"],
    "event-undated": ["I EventWhenShape event:handover-one-year - Or"],
    "handover-by": ["V Handover-handedOverBy event:handover-one-year sf:handedOverBy Class"],
    "handover-to": ["V Handover-handedOverTo event:handover-one-year sf:handedOverTo Class"],
    "event-station": ["V Event-station event:handover-one-year sf:station Class"],
    "handover-command-of": ["V Handover-commandOf event:handover-one-year sf:commandOf Class"],
    "landing-stranger": ["W LandingCrewShape event:landing-one-year sf:participant SPARQL"],
    "ok-landing-crew-unknown": [],
    "landing-date-off": ["W LandingDateShape event:landing-one-year sf:date SPARQL"],
    "ok-landing-next-day": [],
    "record-no-holder": ["V Record-holder record:us-single-flight sf:holder MinCount"],
    "record-holder-not-person": ["V Record-holder record:us-single-flight sf:holder Class"],
    "record-two-kinds": [
        "V Record-recordKind record:us-single-flight-2007 sf:recordKind MaxCount",
        "W RecordComparableShape record:us-single-flight sf:supersedes SPARQL",
    ],
    "record-unknown-scope": [
        "V Record-scope record:us-single-flight-2007 sf:scope In",
        "W RecordComparableShape record:us-single-flight sf:supersedes SPARQL",
    ],
    "record-description": ["V Record-description record:us-single-flight-2007 sf:description Datatype"],
    "record-value-text": ["V Record-value record:us-single-flight-2007 sf:value Datatype"],
    "record-two-units": [
        "V Record-unit record:us-single-flight-2007 sf:unit MaxCount",
        "W RecordComparableShape record:us-single-flight sf:supersedes SPARQL",
    ],
    "record-approximate": ["V Record-approximate record:us-single-flight-2007 sf:approximate Datatype"],
    "record-year": ["V Record-year record:us-single-flight-2007 sf:year Datatype"],
    "record-supersedes": ["V Record-supersedes record:us-single-flight-2007 sf:supersedes Class"],
    "record-set-during": ["V Record-setDuring record:us-single-flight-2007 sf:setDuring Class"],
    "record-smaller": ["V RecordSupersedesShape record:us-single-flight sf:supersedes SPARQL"],
    "ok-record-two-claims": [],
    "record-other-scope": ["W RecordComparableShape record:us-single-flight sf:supersedes SPARQL"],
    "ok-record-youngest": [],
    "quantity-no-source": ["V Quantity-source qty:volume-x ^rdf:subject MinCount"],
    "quantity-kind": ["V Quantity-kind qty:orbits-one-year sf:quantityKind In"],
    "quantity-two-values": ["V Quantity-value qty:orbits-one-year sf:value MaxCount"],
    "quantity-unit-text": [
        "V Quantity-unit qty:orbits-one-year sf:unit NodeKind",
        "V Quantity-unit qty:orbits-one-year sf:unit Pattern",
    ],
    "quantity-approximate": [
        "V Quantity-approximate qty:orbits-one-year sf:approximate Datatype",
        "V Quantity-approximate qty:orbits-one-year sf:approximate MaxCount",
    ],
    "article-hash": ["V Article-contentHash art:0123456789abcdef sf:contentHash Pattern"],
    "article-file-name": ["V Article-fileName art:0123456789abcdef sf:fileName MinLength"],
    "article-media-type": ["V Article-mediaType art:0123456789abcdef sf:mediaType In"],
    "article-published": ["V Article-published art:0123456789abcdef sf:published Datatype"],
    "article-two-titles": ["V Article-title art:0123456789abcdef sf:title MaxCount"],
    "sentence-article": ["V Sentence-article snt:1 sf:article MaxCount", "V Sentence-article snt:1 sf:article Class"],
    "sentence-index": ["V Sentence-index snt:1 sf:index MinInclusive"],
    "sentence-no-start": ["V Sentence-start snt:1 sf:start MinCount"],
    "sentence-no-end": ["V Sentence-end snt:1 sf:end MinCount"],
    "sentence-ends-first": ["V Sentence-offsets snt:1 sf:start LessThanOrEquals"],
    "sentence-text": ["V Sentence-text snt:1 sf:text Datatype"],
    "assertion-subject": [
        "V Assertion-subject asr:04 rdf:subject MaxCount",
        "V Assertion-subject asr:04 rdf:subject NodeKind",
    ],
    "assertion-predicate": ["V Assertion-predicate asr:04 rdf:predicate MinCount"],
    "assertion-object": ["V Assertion-object asr:04 rdf:object MaxCount"],
    "assertion-sentence": ["V Assertion-sentence asr:04 sf:sentence Class"],
    "assertion-extractor": ["V Assertion-extractor asr:04 sf:extractor Class"],
    "assertion-evidence": ["V Assertion-evidence asr:02 sf:evidence MaxCount"],
    "extractor-label": ["V Extractor-label xtr:missions rdfs:label MinCount"],
}
_SEVERITY = {"V": "Violation", "W": "Warning", "I": "Info"}


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


def _expected(line: str) -> tuple[str, str, str, str | None, str]:
    severity, shape, focus, path, constraint = line.split()
    return (
        _SEVERITY[severity],
        f"sfsh:{shape}",
        _expand(focus),
        None if path == "-" else path,
        f"sh:{constraint}ConstraintComponent",
    )


@lru_cache(maxsize=1)
def _cases() -> dict[str, dict[str, Graph]]:
    patches = Dataset()
    patches.parse(HERE / "cases.trig", format="trig")
    cases: dict[str, dict[str, Graph]] = {}
    for graph in patches.graphs():
        match = re.fullmatch(r"urn:case:(.+):(add|remove|rename)", str(graph.identifier))
        if match:
            cases.setdefault(match[1], {})[match[2]] = graph
    return cases


def patched(case: str) -> Dataset:
    """The base dataset with one case's patch applied."""
    ds = load_dataset(HERE / "base.trig")
    article = ds.graph(ARTICLE)
    patch = _cases()[case]
    for old, _, new in patch.get("rename", ()):
        for s, p, o in list(article):
            if old in (s, o):
                article.remove((s, p, o))
                article.add((new if s == old else s, p, new if o == old else o))
    for triple in patch.get("remove", ()):
        assert triple in article, f"{case}: cannot remove {triple}: not in the base graph"
        article.remove(triple)
    for triple in patch.get("add", ()):
        article.add(triple)
    return ds


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def test_base_graph_has_no_finding_at_all(shapes: Graph) -> None:
    result = validate(load_dataset(HERE / "base.trig"), shapes=shapes)
    assert result.conforms and result.findings == ()


def test_every_case_has_an_expectation() -> None:
    assert sorted(_cases()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case_yields_exactly_the_expected_findings(case: str, shapes: Graph) -> None:
    result = validate(patched(case), shapes=shapes)
    got = sorted((f.severity, f.shape, f.focus, f.path, f.constraint) for f in result.findings)
    assert got == sorted(_expected(line) for line in EXPECTED[case])
    assert result.conforms == all(not line.startswith("V") for line in EXPECTED[case])
    assert all(f.message and "{" not in f.message for f in result.findings)


def test_every_shape_is_broken_by_some_case(shapes: Graph) -> None:
    covered = {line.split()[1] for lines in EXPECTED.values() for line in lines}
    constrained = {
        str(s).removeprefix(str(SFSH))
        for s in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
        if isinstance(s, URIRef) and set(shapes.predicates(s)) - {RDF.type, SH.targetClass, SH.message, SH.severity}
    }
    assert constrained - covered == set()


def _pyshacl_native(ds: Dataset, shapes: Graph) -> set[tuple]:
    """SPARQL-constraint results as pyshacl computes them itself, once per focus node."""
    from pyshacl import validate as run_pyshacl

    graph = Graph()
    for ctx in ds.graphs():
        graph += ctx
    onto = Graph().parse(ONTOLOGY_DIR / "spaceflight.ttl")
    graph += [(s, RDFS.subClassOf, o) for s, o in onto.subject_objects(RDFS.subClassOf)]
    _, report, _ = run_pyshacl(graph, shacl_graph=shapes, inference="none", inplace=True)
    return _sparql_results(report)


def _sparql_results(report: Graph) -> set[tuple[str, ...]]:
    """(focus, path, value, shape, severity) of each SPARQL-constraint result in a report."""
    return {
        (
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.value)),
            str(report.value(r, SH.sourceShape)),
            str(report.value(r, SH.resultSeverity)),
        )
        for r in report.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent)
    }


@pytest.mark.parametrize(
    "case", sorted(c for c in EXPECTED if c.split("-")[0] in ("ok", "mission", "landing", "record"))
)
def test_sparql_rules_run_once_agree_with_pyshacl(case: str, shapes: Graph) -> None:
    ds = patched(case)
    report = validate(ds, shapes=shapes).report_graph
    assert _sparql_results(report) == _pyshacl_native(ds, shapes)


def test_shipped_shapes_conform_to_shacl_for_shacl() -> None:
    from pyshacl import validate as run_pyshacl

    meta = Graph().parse(ONTOLOGY_DIR / "shacl-shacl.ttl")
    for file in ("shapes.ttl", "shacl-shacl.ttl"):
        conforms, _, text = run_pyshacl(Graph().parse(ONTOLOGY_DIR / file), shacl_graph=meta, inference="none")
        assert conforms, text


def test_shapes_name_only_terms_the_ontology_defines(shapes: Graph) -> None:
    onto = Graph().parse(ONTOLOGY_DIR / "spaceflight.ttl")
    defined = {str(s) for s in onto.subjects()}
    ours = "https://w3id.org/spaceflight-kg/"
    named = {str(t) for triple in shapes for t in triple if isinstance(t, URIRef)}
    for query in shapes.objects(None, SH.select):
        for prefix, local in re.findall(r"\b(sf|qkind|rkind):(\w+)", str(query)):
            named.add(
                {
                    "sf": ours + "ontology#",
                    "qkind": ours + "vocab/quantity-kind/",
                    "rkind": ours + "vocab/record-kind/",
                }[prefix]
                + local
            )
    used = {t for t in named if t.startswith(ours) and not t.startswith(str(SFSH))}
    assert used, "the shapes should name ontology terms"
    assert used - defined == set()


def test_every_shape_and_constraint_has_a_message(shapes: Graph) -> None:
    nodes = (
        set(shapes.subjects(RDF.type, SH.NodeShape))
        | set(shapes.subjects(RDF.type, SH.PropertyShape))
        | set(shapes.objects(None, SH.sparql))
    )
    assert nodes
    for node in nodes:
        messages = list(shapes.objects(node, SH.message))
        assert messages and all(isinstance(m, Literal) and len(m) > 10 for m in messages), node
