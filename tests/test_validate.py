"""kg.validate: loading shapes safely, findings with sources, reports, quarantine, bad input, scale."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef

from kg.errors import GraphReadError, ShapesError
from kg.graphio import load_dataset
from kg.validate import (
    QUARANTINE,
    SH,
    load_shapes,
    quarantine,
    render_json,
    render_text,
    render_turtle,
    summary,
    validate,
)

HERE = Path(__file__).parent / "shapes"
SF = "https://w3id.org/spaceflight-kg/ontology#"
ANNA = URIRef("https://w3id.org/spaceflight-kg/id/person/anna-test")
ASSERTION = URIRef("https://w3id.org/spaceflight-kg/id/article/0123456789abcdef/assertion/02")
ARTICLE = URIRef("https://w3id.org/spaceflight-kg/id/article/0123456789abcdef")
PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix sf: <https://w3id.org/spaceflight-kg/ontology#> .
"""


def too_old() -> Dataset:
    """The base graph with Anna aged 152, stated by sentence 0 of one-year.txt."""
    ds = load_dataset(HERE / "base.trig")
    g = ds.graph(ARTICLE)
    for s, p, o in [(ANNA, URIRef(SF + "age"), Literal(45)), (ASSERTION, RDF.object, Literal(45))]:
        g.remove((s, p, o))
        g.add((s, p, Literal(152)))
    return ds


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def test_finding_explains_itself_with_its_source(shapes: Graph) -> None:
    result = validate(too_old(), shapes=shapes)
    assert not result.conforms
    (finding,) = result.findings
    assert (finding.severity, finding.focus, finding.path, finding.value) == ("Violation", str(ANNA), "sf:age", "152")
    assert (finding.shape, finding.constraint) == ("sfsh:Person-age", "sh:MaxInclusiveConstraintComponent")
    assert "0 to 120" in finding.message
    assert finding.sources == (
        ("one-year.txt", "NASA astronaut Anna Test, 45, and cosmonaut Boris Test landed in Kazakhstan."),
    )


def test_render_text_groups_by_focus_with_label_value_and_source(shapes: Graph) -> None:
    ds = too_old()
    text = render_text(validate(ds, shapes=shapes), ds)
    lines = text.splitlines()
    assert lines[0] == "kgid:person/anna-test (Anna Test)"
    assert "Violation" in lines[1] and "0 to 120" in lines[1]
    assert "shape sfsh:Person-age, sf:age = 152" in lines[2]
    assert "source one-year.txt:" in lines[3] and "Anna Test, 45" in lines[3]
    assert lines[-1] == "does not conform: 1 violation, 0 warnings, 0 info"
    assert "Traceback" not in text and "pyshacl" not in text


def test_reports_are_deterministic(shapes: Graph) -> None:
    first, second = validate(too_old(), shapes=shapes), validate(too_old(), shapes=shapes)
    assert render_json(first) == render_json(second)
    assert render_turtle(first) == render_turtle(second)
    doc = json.loads(render_json(first))
    assert list(doc) == ["conforms", "triples", "violations", "warnings", "info", "findings"]
    assert list(doc["findings"][0]) == [
        "severity",
        "focus",
        "path",
        "value",
        "shape",
        "constraint",
        "message",
        "sources",
    ]
    assert doc["findings"][0]["sources"][0]["document"] == "one-year.txt"


def test_turtle_report_is_a_standard_shacl_report(shapes: Graph) -> None:
    report = Graph().parse(data=render_turtle(validate(too_old(), shapes=shapes)), format="turtle")
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms) == Literal(False)
    (result,) = report.objects(node, SH.result)
    assert report.value(result, SH.focusNode) == ANNA
    assert report.value(result, SH.resultSeverity) == SH.Violation


def test_warnings_and_info_still_conform(shapes: Graph) -> None:
    ds = load_dataset(HERE / "base.trig")
    ds.graph(ARTICLE).remove(
        (URIRef("https://w3id.org/spaceflight-kg/id/event/handover-one-year"), URIRef(SF + "date"), None)
    )
    result = validate(ds, shapes=shapes)
    assert result.conforms and [f.severity for f in result.findings] == ["Info"]
    assert summary(result) == "conforms: 0 violations, 0 warnings, 1 info"


def test_quarantine_moves_the_fact_and_its_assertion(shapes: Graph) -> None:
    ds = too_old()
    moved = quarantine(ds, validate(ds, shapes=shapes))
    held = ds.graph(QUARANTINE)
    assert (ANNA, URIRef(SF + "age"), Literal(152)) in held
    assert (ASSERTION, RDF.subject, ANNA) in held
    assert moved == len(held) == 8  # the fact and the seven triples of its assertion
    assert (ANNA, URIRef(SF + "age"), Literal(152)) not in ds.graph(ARTICLE)
    again = validate(ds, shapes=shapes)  # the quarantine is not part of what is validated
    assert again.conforms and again.findings == ()
    assert quarantine(ds, again) == 0


def test_validation_leaves_the_dataset_as_it_was(shapes: Graph) -> None:
    ds = too_old()
    ds.default_union = False
    before = sorted(ds.quads((None, None, None, None)))
    names = sorted(str(g.identifier) for g in ds.graphs())
    validate(ds, shapes=shapes)
    assert sorted(ds.quads((None, None, None, None))) == before
    assert sorted(str(g.identifier) for g in ds.graphs()) == names
    assert ds.default_union is False


def test_a_plain_graph_validates_too(shapes: Graph) -> None:
    graph = Graph()
    for ctx in too_old().graphs():
        graph += ctx
    result = validate(graph, shapes=shapes)
    assert [f.shape for f in result.findings] == ["sfsh:Person-age"]
    assert result.findings[0].sources


def test_focus_nodes_limit_what_is_checked(shapes: Graph) -> None:
    ds = too_old()
    ds.graph(ARTICLE).add(
        (URIRef("https://w3id.org/spaceflight-kg/id/person/boris-test"), URIRef(SF + "age"), Literal(-3))
    )
    everything = validate(ds, shapes=shapes)
    assert len(everything.findings) == 2
    only_anna = validate(ds, shapes=shapes, focus_nodes=[str(ANNA)])
    assert [f.focus for f in only_anna.findings] == [str(ANNA)]
    nothing = validate(ds, shapes=shapes, focus_nodes=[])
    assert nothing.conforms and nothing.findings == ()


def test_an_empty_graph_conforms_with_a_note(shapes: Graph) -> None:
    result = validate(Dataset(), shapes=shapes)
    assert result.conforms and result.triples == 0
    text = render_text(result, Dataset())
    assert text.startswith("note: the graph has no triples")
    assert text.rstrip().endswith("conforms: 0 violations, 0 warnings, 0 info")


# ------------------------------------------------------------------ shapes from users


def _write(tmp_path: Path, text: str, name: str = "shapes.ttl") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_shapes_run(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        PREFIXES
        + """ex:AgeKnown a sh:NodeShape ; sh:targetClass sf:Person ;
        sh:property [ sh:path sf:age ; sh:minCount 1 ; sh:message "age unknown" ] .""",
    )
    result = validate(load_dataset(HERE / "base.trig"), shapes=load_shapes(path))
    assert {f.message for f in result.findings} == {"age unknown"}
    assert {f.shape for f in result.findings} == {"https://example.org/AgeKnown/sf:age"}
    assert len(result.findings) == 2  # Boris and Carl


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ex:S a sh:NodeShape ; sh:targetClass sf:Person ; sh:property [ sh:minCount 1 ] .", "sh:path"),
        (
            'ex:S a sh:NodeShape ; sh:targetClass sf:Person ; sh:property [ sh:path sf:age ; sh:minCount "one" ] .',
            "non-negative xsd:integer",
        ),
        (
            'ex:S a sh:PropertyShape ; sh:targetClass sf:Person ; sh:path sf:age ; sh:datatype "integer" .',
            "sh:datatype takes exactly one IRI",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass sf:Person ; sh:severity sh:Fatal ; sh:nodeKind sh:IRI .",
            "sh:severity must be one of",
        ),
        ("ex:S a sh:NodeShape ; sh:targetClass sf:Person ; sh:in sf:Person .", "RDF list"),
        ("ex:S a sh:NodeShape ; sh:path sf:age .", "node shape cannot have a sh:path"),
    ],
)
def test_invalid_shacl_is_refused_clearly(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(ShapesError) as err:
        load_shapes(_write(tmp_path, PREFIXES + text))
    message = str(err.value)
    assert "not valid SHACL" in message and words in message and "\n" not in message


@pytest.mark.parametrize(
    "term", ['sh:sparql [ sh:select "SELECT $this WHERE { }" ]', "sh:rule [ ]", 'sh:js [ sh:jsFunctionName "f" ]']
)
def test_untrusted_shapes_may_not_run_code(tmp_path: Path, term: str) -> None:
    path = _write(tmp_path, PREFIXES + f"ex:S a sh:NodeShape ; sh:targetClass sf:Person ; {term} .")
    with pytest.raises(ShapesError, match="may not run SPARQL"):
        load_shapes(path)


def test_trusted_shapes_may_use_sparql(tmp_path: Path) -> None:
    query = "SELECT $this WHERE { FILTER NOT EXISTS { $this <" + SF + "age> ?a } }"
    path = _write(
        tmp_path,
        PREFIXES + f"ex:S a sh:NodeShape ; sh:targetClass sf:Person ; "
        f'sh:sparql [ sh:message "no age" ; sh:select "{query}" ] .',
    )
    result = validate(load_dataset(HERE / "base.trig"), shapes=load_shapes(path, trusted=True))
    assert len(result.findings) == 2 and {f.constraint for f in result.findings} == {"sh:SPARQLConstraintComponent"}


def test_owl_imports_are_never_fetched(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        PREFIXES
        + """@prefix owl: <http://www.w3.org/2002/07/owl#> .
        <https://example.org/shapes> a owl:Ontology ; owl:imports <http://127.0.0.1:9/nothing-here.ttl> .
        ex:S a sh:NodeShape ; sh:targetClass sf:Person ; sh:nodeKind sh:IRI .""",
    )
    assert validate(load_dataset(HERE / "base.trig"), shapes=load_shapes(path)).conforms


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "cannot read"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not valid Turtle"),
        (b"@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e .\n", "line 3"),
        (b"# nothing here\n", "no shapes"),
    ],
)
def test_unreadable_shapes_files(tmp_path: Path, content: bytes | None, words: str) -> None:
    path = tmp_path / "shapes.ttl"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ShapesError, match=words) as err:
        load_shapes(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


# ------------------------------------------------------------------ bad graphs, scale


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("graph.ttl", b"\x00\x01\x02 this is not RDF \xff\xfe", "not valid"),
        ("graph.ttl", b"@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e ex:f\nex:g .\n", "line"),
        ("graph.trig", b"<urn:g> { <urn:a> <urn:b> ", "not valid"),
    ],
)
def test_unreadable_graphs_get_one_clear_line(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(GraphReadError, match=words) as err:
        load_dataset(path)
    assert "\n" not in str(err.value)


def synth_dataset(n: int, seed: int) -> Dataset:
    """benchmarks/synth.py's generator (benchmarks/ is not a package)."""
    name = "kg_benchmarks_synth"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE.parent.parent / "benchmarks" / "synth.py")
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name].synth_dataset(n, seed)


def test_a_100k_triple_graph_validates(shapes: Graph) -> None:
    # how long it takes is measured by benchmarks/validate_bench.py, not asserted here
    ds = synth_dataset(100_000, seed=1)
    result = validate(ds, shapes=shapes)
    assert result.conforms and result.triples > 90_000


@pytest.mark.parametrize("n", [0, 50, 2_500, 20_000])
def test_synthetic_graphs_are_valid_deterministic_and_the_size_asked(shapes: Graph, n: int) -> None:
    ds = synth_dataset(n, seed=2)
    quads = sorted(ds.quads((None, None, None, None)))
    assert n - 60 <= len(quads) <= n
    assert quads == sorted(synth_dataset(n, seed=2).quads((None, None, None, None)))
    result = validate(ds, shapes=shapes)
    assert result.conforms and result.findings == ()
