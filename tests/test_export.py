"""Export: every format, byte-stable output, lossless round trips, the JSON-LD context and its guard."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.shared.jsonld import context as jsonld_context

from kg import jsonld
from kg.errors import GraphReadError, OutputError, UsageError
from kg.export import FORMATS, export, serialize
from kg.graphio import SUFFIX_BY_FORMAT, load_dataset
from kg.vocab import ID, PREFIXES, SF

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "sample.trig"
SUFFIX = {fmt: suffix.lstrip(".") for fmt, suffix in SUFFIX_BY_FORMAT.items()}
SKOS_PREF = URIRef(PREFIXES["skos"] + "prefLabel")


def tricky() -> Dataset:
    """Two article graphs and a default-graph triple, with literals that break naive writers."""
    ds = Dataset(default_union=True)
    g1, g2 = ds.graph(URIRef(f"{ID}article/t1")), ds.graph(URIRef(f"{ID}article/t2"))
    person, craft, qty = URIRef(f"{ID}person/x"), URIRef(f"{ID}spacecraft/evil"), BNode()
    for p, o in [
        (RDF.type, SF.Person),
        (SKOS_PREF, Literal('Ann "the" O\'Hara')),
        (SF.description, Literal('said "hi"\nthen <script>alert(1)</script> \\ left')),
        (SF.description, Literal("Ça va, 宇宙飛行士 🚀", lang="fr")),
        (SF.description, Literal("line\u2028sep\x85next\ttab\rcr")),
        (SF.age, Literal("52", datatype=XSD.integer)),
        (SF.age, Literal("fifty")),
        (SF.approximate, Literal(True)),
        (SF.hasQuantity, qty),
        (SF.startDate, Literal("2015-03", datatype=XSD.gYearMonth)),
        (SF.endDate, Literal("2016-03-01", datatype=XSD.date)),
        (SF.text, Literal("typed", datatype=XSD.string)),
        (URIRef("http://example.org/other#p"), URIRef("http://example.org/x")),
    ]:
        g1.add((person, p, o))
    for p, o in [
        (RDF.type, SF.Quantity),
        (SF.value, Literal("340", datatype=XSD.decimal)),
        (SF.value, Literal("1.50", datatype=XSD.decimal)),
    ]:
        g1.add((qty, p, o))
    for p, o in [
        (RDF.type, SF.Spacecraft),
        (SKOS_PREF, Literal("<script>alert(1)</script>")),
        (SF.year, Literal("1998", datatype=XSD.gYear)),
        (SF.operator, person),
        (SF.hasQuantity, qty),
    ]:
        g2.add((craft, p, o))
    ds.add((craft, SF.status, URIRef(PREFIXES["status"] + "active")))  # default graph
    return ds


def cases() -> dict[str, Dataset]:
    return {"sample": load_dataset(SAMPLE), "tricky": tricky()}


def union(data: Graph) -> Graph:
    g = Graph()
    for t in data.triples((None, None, None)):
        g.add(t)
    return g


def folded(data: Graph) -> Graph:
    """A dataset as one graph (graph name folded into the predicate) so isomorphism covers graphs."""
    g = Graph()
    for s, p, o, ctx in data.quads((None, None, None, None)):
        g.add((s, URIRef(f"{p}\x1f{graph_name(ctx)}"), o))
    return g


def graph_name(ctx: object) -> URIRef:
    return ctx.identifier if isinstance(ctx, Graph) else (ctx or DATASET_DEFAULT_GRAPH_ID)


def assert_iso(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(expected, actual)
        pytest.fail(
            "not isomorphic\nonly in original:\n"
            + only_expected.serialize(format="nt")
            + "\nonly in re-parsed:\n"
            + only_actual.serialize(format="nt")
        )


def plain_strings(g: Graph) -> Graph:
    """Explicit xsd:string -> plain literal (the same RDF 1.1 term; rdflib and pyoxigraph differ here)."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


def from_oxigraph(data: bytes) -> Graph:
    """Parse JSON-LD with pyoxigraph (an independent processor) into an rdflib Graph."""

    def term(t: object) -> object:
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=URIRef(t.datatype.value))

    g = Graph()
    for q in ox.parse(data, format=ox.RdfFormat.JSON_LD):
        g.add((term(q.subject), term(q.predicate), term(q.object)))
    return g


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_the_serialized_bytes(tmp_path: Path, fmt: str) -> None:
    ds = tricky()
    by_suffix, by_name = tmp_path / f"out.{SUFFIX[fmt]}", tmp_path / "named.out"
    export(ds, by_suffix)
    export(ds, by_name, fmt=fmt)
    assert by_suffix.read_bytes() == by_name.read_bytes() == serialize(ds, fmt)
    assert by_suffix.stat().st_size > 200
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary file left behind"


@pytest.mark.parametrize("name", ["sample", "tricky"])
@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "nt", "json-ld"])
def test_round_trip_is_lossless(tmp_path: Path, fmt: str, name: str) -> None:
    original = cases()[name]
    path = tmp_path / f"g.{SUFFIX[fmt]}"
    export(original, path)
    back = load_dataset(path)
    if fmt in ("trig", "nquads"):
        assert_iso(folded(original), folded(back))
    else:
        assert_iso(union(original), union(back))


@pytest.mark.parametrize("name", ["sample", "tricky"])
def test_jsonld_reads_the_same_in_pyoxigraph(name: str) -> None:
    # The exported document carries its (used-terms) context inline, so pyoxigraph needs no loader.
    original = cases()[name]
    assert_iso(plain_strings(union(original)), plain_strings(from_oxigraph(serialize(original, "json-ld"))))


def test_graphml_and_gexf_hold_the_entity_graph(tmp_path: Path) -> None:
    ds = load_dataset(SAMPLE)
    export(ds, tmp_path / "g.graphml")
    export(ds, tmp_path / "g.gexf")
    for g in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert g.number_of_nodes() == 7 and g.number_of_edges() == 6
        assert g.nodes[f"{ID}person/scott-kelly"]["label"] == "Scott Kelly"
    assert b"lastmodifieddate" not in serialize(ds, "gexf")


_SEED_SCRIPT = """
import hashlib, json, sys
from kg.export import FORMATS, serialize
from kg.graphio import load_dataset
ds = load_dataset(sys.argv[1])
print(json.dumps({f: hashlib.sha256(serialize(ds, f)).hexdigest() for f in FORMATS}))
"""


def test_output_is_byte_identical_across_hash_seeds_and_insertion_order(tmp_path: Path) -> None:
    both = tricky()
    for s, p, o, g in load_dataset(SAMPLE).quads((None, None, None, None)):
        both.graph(graph_name(g)).add((s, p, o))
    path = tmp_path / "both.trig"
    export(both, path)
    digests = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        run = subprocess.run(
            [sys.executable, "-c", _SEED_SCRIPT, str(path)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(run.stdout)
    assert len(digests) == 1, digests
    reloaded = load_dataset(path)
    reversed_ds = Dataset(default_union=True)
    for s, p, o, g in reversed(list(reloaded.quads((None, None, None, None)))):
        reversed_ds.graph(graph_name(g)).add((s, p, o))
    expected = json.loads(digests.pop())
    assert {f: hashlib.sha256(serialize(reversed_ds, f)).hexdigest() for f in FORMATS} == expected


def test_turtle_declares_only_the_prefixes_it_uses() -> None:
    text = serialize(load_dataset(SAMPLE), "turtle").decode()
    declared = {line.split()[1].rstrip(":") for line in text.splitlines() if line.startswith("@prefix")}
    assert declared == {"rdf", "rdfs", "role", "sf", "skos", "xsd"}


def test_shipped_context_is_current() -> None:
    assert jsonld.CONTEXT_PATH.read_text(encoding="utf-8") == jsonld.render_context(), (
        "ontology/context.jsonld is stale: run `python -m kg.jsonld`"
    )


@pytest.mark.parametrize("reference", ["file", jsonld.CONTEXT_IRI, "context.jsonld", "../ontology/context.jsonld"])
def test_shipped_context_works_in_place_of_the_inline_one(tmp_path: Path, reference: str) -> None:
    original = tricky()
    doc = json.loads(serialize(original, "json-ld"))
    if reference == "file":  # a consumer that loads ontology/context.jsonld itself
        doc["@context"] = json.loads(jsonld.CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
        text = json.dumps(doc)
        assert_iso(union(original), union(Graph().parse(data=text, format="json-ld")))
        assert_iso(plain_strings(union(original)), plain_strings(from_oxigraph(text.encode())))
    else:
        doc["@context"] = reference
        path = tmp_path / "ref.jsonld"
        path.write_text(json.dumps(doc), encoding="utf-8")
        assert_iso(union(original), union(load_dataset(path)))


@pytest.mark.parametrize(
    "context",
    [
        "http://example.org/ctx.jsonld",
        "file:///etc/passwd",
        ["context.jsonld", "http://example.org/ctx.jsonld"],
        {"@import": "http://example.org/ctx.jsonld"},
        {"p": {"@id": "http://example.org/p", "@context": "file:///etc/passwd"}},
    ],
)
def test_jsonld_never_fetches_a_foreign_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, context: object
) -> None:
    fetched: list[object] = []
    monkeypatch.setattr(jsonld_context, "source_to_json", lambda *a, **k: fetched.append(a) or ({}, None))
    monkeypatch.setattr("urllib.request.urlopen", lambda *a, **k: fetched.append(a))
    path = tmp_path / "evil.jsonld"
    path.write_text(json.dumps({"@context": context, "@id": "http://example.org/s", "p": "v"}), encoding="utf-8")
    with pytest.raises(GraphReadError, match=r"(example\.org/ctx\.jsonld|file:///etc/passwd).*not allowed"):
        load_dataset(path)
    assert fetched == []


def test_unknown_format_lists_the_known_ones(tmp_path: Path) -> None:
    ds = load_dataset(SAMPLE)
    with pytest.raises(UsageError, match="turtle.*json-ld.*graphml"):
        serialize(ds, "rdfxml")
    with pytest.raises(UsageError, match=r"\.graphml"):
        export(ds, tmp_path / "out.xyz")


def test_missing_output_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        export(load_dataset(SAMPLE), tmp_path / "missing" / "out.ttl")
