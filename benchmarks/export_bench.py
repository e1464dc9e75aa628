"""Export time per format on a synthetic graph shaped like ``kg build`` output.

    python benchmarks/export_bench.py [--triples 100000] [--seed 0] [--repeat 1] [-o docs/export-benchmark.md]

Prints a Markdown table (and writes it to ``-o`` if given): wall time of
``kg.export.export`` per format (serialising, sorting and the atomic write), the output
size, and throughput in input quads per second.  Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository's packages importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx
import rdflib

from benchmarks.synth import synth_dataset
from kg.export import FORMATS, export
from kg.graphio import SUFFIX_BY_FORMAT, write_atomic

SUFFIX = {fmt: suffix.lstrip(".") for fmt, suffix in SUFFIX_BY_FORMAT.items()}


def measure(n_triples: int, seed: int, repeat: int) -> tuple[str, list[tuple[str, float, int]]]:
    """(description of the input, [(format, best seconds, output bytes)])."""
    t0 = time.perf_counter()
    ds = synth_dataset(n_triples, seed)
    built = time.perf_counter() - t0
    quads = sum(len(g) for g in ds.graphs())
    graphs = sum(1 for g in ds.graphs() if len(g))
    about = (
        f"{quads:,} quads in {graphs:,} article graphs ({len(ds):,} distinct triples), "
        f"`synth_dataset({n_triples}, seed={seed})`, generated in {built:.1f} s"
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            path = Path(tmp) / f"out.{SUFFIX[fmt]}"
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                export(ds, path, fmt=fmt)
                best = min(best, time.perf_counter() - start)
            rows.append((fmt, best, path.stat().st_size))
    return about, rows


def table(about: str, rows: list[tuple[str, float, int]], n_quads: int) -> str:
    """The Markdown report."""
    env = (
        f"Python {platform.python_version()}, rdflib {rdflib.__version__}, networkx {networkx.__version__}, "
        f"{platform.machine()} with {os.cpu_count()} CPUs"
    )
    lines = [
        "# Export benchmark",
        "",
        f"Input: {about}.  ",
        f"Environment: {env}.",
        "",
        "Produced by `python benchmarks/export_bench.py -o docs/export-benchmark.md`; time is wall-clock for",
        "`kg.export.export` (sorting, serialising, atomic write), best of the runs.",
        "GraphML and GEXF hold the entity graph only (provenance left out), hence their size.",
        "",
        "| format | time (s) | output (MB) | quads/s |",
        "| --- | ---: | ---: | ---: |",
    ]
    for fmt, seconds, size in rows:
        lines.append(f"| {fmt} | {seconds:.2f} | {size / 1e6:.1f} | {n_quads / seconds:,.0f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("-o", "--output", help="also write the table to this Markdown file")
    args = parser.parse_args(argv)
    about, rows = measure(args.triples, args.seed, max(1, args.repeat))
    report = table(about, rows, int(about.split()[0].replace(",", "")))
    print(report, end="")
    if args.output:
        write_atomic(args.output, lambda tmp: tmp.write_text(report, encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
