"""Validation time and peak memory at 10k, 100k and 1M triples, and where the time goes.

Each (size, variant) runs in a fresh subprocess on the same synthetic dataset
(``benchmarks/synth.py``, seed 0).  Peak memory is the process's peak resident set size, reset
after the data is built (Linux ``/proc/self/clear_refs``), so it covers validation only;
"data" is the resident size of the Dataset itself.  Variants:

  full              kg.validate.validate with the shipped shapes (what `kg validate` runs)
  core              core SHACL shapes only (no SPARQL rules)
  core-provenance   core shapes on articles, sentences, assertions and extractors only
  core-entities     core shapes on entities and quantities only
  sparql-once       the SPARQL rules only, each run once for all focus nodes (kg.validate)
  sparql-per-focus  the SPARQL rules only, as pyshacl runs them: once per focus node
  graph-copy        `full`, but on a copy of the union in a plain rdflib Graph
  nested            `full`, with each property shape nested (sh:property) in a node shape that
                    carries its targets, the usual SHACL layout (shapes.ttl gives property
                    shapes their own targets instead)

    python benchmarks/validate_bench.py [--sizes 10000 100000 1000000] [--variants full core ...]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = (
    "full",
    "core",
    "core-provenance",
    "core-entities",
    "sparql-once",
    "sparql-per-focus",
    "graph-copy",
    "nested",
)
PROVENANCE = ("Article", "Sentence", "Assertion", "Extractor")
SLOW_ABOVE = {"sparql-per-focus": 100_000}  # per-focus SPARQL takes minutes beyond this


def _rss_mb(field: str) -> float:
    """VmRSS / VmHWM of this process in MB (ru_maxrss when /proc is unavailable)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _shapes_for(variant: str):
    """The shipped shapes, cut down to what the variant measures (targets removed elsewhere)."""
    from rdflib import RDF, BNode, URIRef

    from kg.validate import SFSH, SH, load_shapes

    shapes = load_shapes()
    if variant in ("full", "graph-copy"):
        return shapes
    if variant == "nested":
        for prop in set(shapes.subjects(RDF.type, SH.PropertyShape)):
            holder = BNode()
            shapes.add((holder, RDF.type, SH.NodeShape))
            shapes.add((holder, SH.property, prop))
            for cls in list(shapes.objects(prop, SH.targetClass)):
                shapes.remove((prop, SH.targetClass, cls))
                shapes.add((holder, SH.targetClass, cls))
        return shapes
    has_sparql = set(shapes.subjects(SH.sparql, None))
    for shape, cls in list(shapes.subject_objects(SH.targetClass)):
        provenance = str(cls).rsplit("#", 1)[-1] in PROVENANCE
        keep = {
            "core": shape not in has_sparql,
            "core-provenance": shape not in has_sparql and provenance,
            "core-entities": shape not in has_sparql and not provenance,
            "sparql-once": shape in has_sparql,
            "sparql-per-focus": shape in has_sparql,
        }[variant]
        if not keep:
            shapes.remove((shape, SH.targetClass, cls))
    if variant == "sparql-per-focus":
        shapes.remove((None, URIRef(str(SFSH) + "evaluateOnce"), None))
    return shapes


def worker(n: int, variant: str) -> dict:
    """Build the data, validate once, and report time and memory (runs in its own process)."""
    sys.path.insert(0, str(ROOT))
    from rdflib import Graph

    from benchmarks.synth import synth_dataset
    from kg.validate import validate

    start = time.perf_counter()
    ds = synth_dataset(n, seed=0)
    build = time.perf_counter() - start
    shapes = _shapes_for(variant)
    data_mb = _rss_mb("VmRSS")
    _reset_peak()
    start = time.perf_counter()
    data = ds
    if variant == "graph-copy":
        data = Graph()
        for ctx in ds.graphs():
            data.addN((s, p, o, data) for s, p, o in ctx)
    copied = time.perf_counter() - start
    result = validate(data, shapes=shapes)
    elapsed = time.perf_counter() - start
    return {
        "n": n,
        "variant": variant,
        "triples": result.triples,
        "seconds": round(elapsed, 2),
        "copy_seconds": round(copied, 2),
        "build_seconds": round(build, 1),
        "data_mb": round(data_mb),
        "peak_mb": round(_rss_mb("VmHWM")),
        "findings": len(result.findings),
        "conforms": result.conforms,
    }


def run(sizes: list[int], variants: list[str]) -> list[dict]:
    """Every (size, variant) in its own subprocess; returns their reports."""
    rows = []
    for n in sizes:
        for variant in variants:
            if n > SLOW_ABOVE.get(variant, n):
                continue
            out = subprocess.run(
                [sys.executable, __file__, "--worker", str(n), variant],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            row = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(f"  {n:>9,} {variant:<17} {row['seconds']:>7.2f} s  peak {row['peak_mb']:>5} MB", file=sys.stderr)
    return rows


def table(rows: list[dict]) -> str:
    """The reports as a Markdown table."""
    head = (
        "| quads | union triples | variant | time (s) | µs / triple | peak RSS during validation (MB) | "
        "data RSS (MB) | findings |\n|---:|---:|---|---:|---:|---:|---:|---:|"
    )
    lines = [head]
    for r in rows:
        per = r["seconds"] / max(r["triples"], 1) * 1e6
        copy = f" (copy {r['copy_seconds']:.1f})" if r["variant"] == "graph-copy" else ""
        lines.append(
            f"| {r['n']:,} | {r['triples']:,} | {r['variant']} | {r['seconds']:.2f}{copy} | {per:.0f} | "
            f"{r['peak_mb']:,} | {r['data_mb']:,} | {r['findings']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark and print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--worker", nargs=2, metavar=("N", "VARIANT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(int(args.worker[0]), args.worker[1])))
        return 0
    print(table(run(args.sizes, args.variants)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
