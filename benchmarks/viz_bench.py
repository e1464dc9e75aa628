"""How fast ``kg viz`` is: HTML generation at 100k triples, and a 5,000-entity page in headless chromium.

Prints a Markdown table and writes it to docs/viz-benchmark.md.

    .venv/bin/python benchmarks/viz_bench.py [--triples 100000] [--entities 5000] [--out FILE.md]

The browser half needs /usr/bin/chromium and the playwright package (scripts/install-browser.sh);
without them it is reported as skipped.  Page timings are taken from the page itself:
``window.kgReadyAt`` is ``performance.now()`` (milliseconds since navigation started) when the
first layout has been placed and painted.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository's ``kg`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from kg.viz import render_html
from kg.vocab import ID, SF

ROOT = Path(__file__).resolve().parent.parent
# the browser and its flags, shared with the browser test
CHROMIUM, *ARGS = [
    line
    for line in (ROOT / "scripts" / "chromium-args.txt").read_text().splitlines()
    if line and not line.startswith("#")
]
_KINDS = (
    ("person", SF.Person, 0.45),
    ("event", SF.Landing, 0.2),
    ("mission", SF.Mission, 0.15),
    ("record", SF.Record, 0.08),
    ("spacecraft", SF.Capsule, 0.05),
    ("place", SF.Place, 0.05),
    ("organization", SF.SpaceAgency, 0.02),
)


def entity_dataset(n: int, seed: int = 0) -> Dataset:
    """``n`` entities in 50 article graphs, linked with preferential attachment, every fact asserted."""
    rng = random.Random(seed)
    ds = Dataset(default_union=True)
    articles = [URIRef(f"{ID}article/{i:016x}") for i in range(50)]
    graphs = [ds.graph(a) for a in articles]
    for i, (a, g) in enumerate(zip(articles, graphs, strict=True)):
        g.add((a, RDF.type, SF.Article))
        g.add((a, SF.fileName, Literal(f"{i:03d}_{i:016x}.txt")))
    kinds = rng.choices([k for k in _KINDS], weights=[w for *_k, w in _KINDS], k=n)
    iris = [URIRef(f"{ID}{kind}/e{i}") for i, (kind, _c, _w) in enumerate(kinds)]
    ends: list[int] = []
    counter = 0

    def fact(g: object, s: URIRef, p: URIRef, o: object, k: int) -> None:
        nonlocal counter
        counter += 1
        art = articles[k % len(articles)]
        sentence = URIRef(f"{art}/sentence/{counter}")
        assertion = URIRef(f"{art}/assertion/{counter}")
        text = f"Sentence {counter} says something about {s.rsplit('/', 1)[-1]}."
        for t in (
            (s, p, o),
            (assertion, RDF.type, SF.Assertion),
            (assertion, RDF.subject, s),
            (assertion, RDF.predicate, p),
            (assertion, RDF.object, o),
            (assertion, SF.sentence, sentence),
            (sentence, RDF.type, SF.Sentence),
            (sentence, SF.article, art),
            (sentence, SF.index, Literal(counter)),
            (sentence, SF.text, Literal(text)),
        ):
            g.add(t)  # type: ignore[attr-defined]

    for i, (kind, cls, _w) in enumerate(kinds):
        g = graphs[i % len(graphs)]
        fact(g, iris[i], RDF.type, cls, i)
        fact(g, iris[i], SKOS.prefLabel, Literal(f"{kind.title()} {i}"), i)
        if kind == "person":
            fact(g, iris[i], SF.age, Literal(rng.randint(30, 65)), i)
        for _ in range(2 if i else 0):
            j = rng.choice(ends) if ends and rng.random() < 0.7 else rng.randrange(i)
            fact(g, iris[i], SF.participant if kind == "event" else SF.mission, iris[j], i)
            ends += [i, j]
    return ds


def time_generation(n_triples: int) -> list[tuple[str, str]]:
    try:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from synth import synth_dataset  # type: ignore[import-not-found]
    except ImportError:
        synth_dataset = None
    ds = synth_dataset(n_triples, 0) if synth_dataset else entity_dataset(n_triples // 30)
    quads = sum(len(g) for g in ds.graphs())
    start = time.perf_counter()
    page = render_html(ds)
    seconds = time.perf_counter() - start
    return [
        (
            f"HTML generation, {quads:,} quads ({'synth.py' if synth_dataset else 'own generator'})",
            f"{seconds:.2f} s, {len(page.encode()) / 1e6:.2f} MB",
        )
    ]


def time_browser(n_entities: int) -> list[tuple[str, str]]:
    if not os.access(CHROMIUM, os.X_OK):
        return [("page in headless chromium", f"skipped: {CHROMIUM} missing")]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return [("page in headless chromium", "skipped: playwright missing")]
    ds = entity_dataset(n_entities)
    start = time.perf_counter()
    page_text = render_html(ds)
    generation = time.perf_counter() - start
    rows = [
        (
            f"HTML generation, {n_entities:,} entities",
            f"{generation:.2f} s, {len(page_text.encode()) / 1e6:.2f} MB",
        )
    ]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "big.html"
        path.write_text(page_text, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 850}, offline=True).new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_function("window.kgReady === true", timeout=120_000)
        ready = page.evaluate("window.kgReadyAt")
        shown = page.evaluate("kgView.cy.nodes().length")
        rows.append(
            (
                f"{n_entities:,}-entity page: interactive after (navigation start to layout painted)",
                f"{ready / 1000:.2f} s ({shown} entities drawn, neighbourhood of the most connected)",
            )
        )
        for label, script in (
            (
                "search + focus on another entity (2 hops)",
                "() => { const t = performance.now(); kgView.select(kgView.nodes.length - 1, true); "
                "return performance.now() - t; }",
            ),
            (
                "'Overview' button (draws the most connected entities)",
                "() => { const t = performance.now(); kgView.showOverview(); return performance.now() - t; }",
            ),
        ):
            ms = page.evaluate(script)
            drawn = page.evaluate("kgView.cy.nodes().length")
            rows.append((label, f"{ms / 1000:.2f} s ({drawn} entities drawn)"))
        browser.close()
        if errors:
            rows.append(("page errors", "; ".join(errors)[:200]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--entities", type=int, default=5_000)
    parser.add_argument("--out", default=str(ROOT / "docs" / "viz-benchmark.md"))
    args = parser.parse_args(argv)
    rows = time_generation(args.triples) + time_browser(args.entities)
    lines = [
        "# kg viz benchmark",
        "",
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        "`benchmarks/viz_bench.py`.",
        "",
        "| what | time |",
        "| --- | --- |",
        *(f"| {what} | {value} |" for what, value in rows),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
