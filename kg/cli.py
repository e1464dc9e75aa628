"""The ``kg`` command: argument parsing and printing only; all work is done by the library.

Exit codes: 0 success; 1 some input failed (build) or the graph has violations (validate);
2 a usage error or an unreadable graph.  A user's mistake never prints a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from kg.errors import KGError, UsageError

EXAMPLES = {
    "build": "kg build seeds/ -o graph.trig\n  kg build a.txt b.html -o graph.jsonld --no-model",
    "query": "kg query people --graph graph.trig\n  kg query sources --graph graph.trig --param subject='Scott Kelly' --format csv",
    "export": "kg export graph.trig -o graph.jsonld\n  kg export graph.trig -o graph.graphml",
    "stats": "kg stats graph.trig",
    "path": "kg path graph.trig 'Scott Kelly' 'Valeri Polyakov'",
    "viz": "kg viz graph.trig -o graph.html\n  kg viz graph.trig -o kelly.svg --focus 'Scott Kelly' --hops 1",
    "validate": "kg validate graph.trig\n  kg validate graph.trig --format json",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a validated, queryable knowledge graph from human-spaceflight news.",
        epilog="examples:\n  " + "\n  ".join(v.split("\n")[0] for v in EXAMPLES.values()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog="examples:\n  " + EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    p = command("build", "Read articles (files or folders) and write the graph.")
    p.add_argument("paths", nargs="*", default=["seeds"], help="article files or folders (default: seeds/)")
    p.add_argument(
        "-o", "--output", default="graph.trig", help="output file; format from extension: .ttl .trig .nq .nt .jsonld"
    )
    p.add_argument("--no-model", action="store_true", help="rules only, without the statistical English model")
    p.add_argument("--max-bytes", type=int, default=None, help="largest input file accepted (default 5 MB)")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation of the built graph")

    p = command("query", "Run a named query (people, missions, ...) or a .rq file against a graph.")
    p.add_argument("query", help="query name or .rq file")
    p.add_argument("--graph", required=True, help="graph file (.trig .ttl .nq .nt .jsonld)")
    p.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json"])
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="bind ?NAME (repeatable)")

    p = command("export", "Convert a graph to another format.")
    p.add_argument("graph")
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--format", default=None, help="turtle, nt, trig, nquads, json-ld, graphml, gexf (default: from extension)"
    )

    p = command("stats", "Counts per class and property, most connected entities, components.")
    p.add_argument("graph")

    p = command("path", "The shortest chain of facts linking two entities.")
    p.add_argument("graph")
    p.add_argument("a")
    p.add_argument("b")

    p = command("viz", "Draw the graph: an offline interactive HTML page, or an SVG/PNG picture.")
    p.add_argument("graph")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--focus", default=None, help="centre on this entity (name or IRI)")
    p.add_argument("--hops", type=int, default=2, choices=[1, 2])

    p = command("validate", "Check a graph against the SHACL shapes and report conflicts between sources.")
    p.add_argument("graph")
    p.add_argument("--shapes", default=None, help="a shapes file (default: ontology/shapes.ttl)")
    p.add_argument("--format", default="text", choices=["text", "json", "ttl"])
    return parser


def _params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip().isidentifier():
            raise UsageError(f"--param {item!r}: expected NAME=VALUE")
        out[name.strip()] = value
    return out


def _build(args: argparse.Namespace) -> int:
    from kg import commands

    report = commands.build(
        args.paths,
        args.output,
        model=None if args.no_model else "auto",
        max_bytes=args.max_bytes,
        validate=not args.no_validate,
    )
    for line in report.messages:
        print(line, file=sys.stderr)
    print(report.summary)
    return 1 if report.failed else 0


def _query(args: argparse.Namespace) -> int:
    from kg.graphio import load_dataset
    from kg.sparql import render, run_query

    result = run_query(load_dataset(args.graph), args.query, _params(args.param))
    sys.stdout.write(render(result, args.format))
    return 0


def _export(args: argparse.Namespace) -> int:
    from kg.export import export
    from kg.graphio import load_dataset

    export(load_dataset(args.graph), args.output, fmt=args.format)
    print(f"wrote {args.output}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from kg.analytics import render_stats_text, stats
    from kg.graphio import load_dataset

    print(render_stats_text(stats(load_dataset(args.graph))))
    return 0


def _path(args: argparse.Namespace) -> int:
    from kg.analytics import render_path, shortest_path
    from kg.graphio import load_dataset

    print(render_path(shortest_path(load_dataset(args.graph), args.a, args.b)))
    return 0


def _viz(args: argparse.Namespace) -> int:
    from kg.graphio import load_dataset
    from kg.viz import write_viz

    write_viz(load_dataset(args.graph), args.output, focus=args.focus, hops=args.hops)
    print(f"wrote {args.output}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from kg import commands

    text, code = commands.validate_report(args.graph, shapes=args.shapes, fmt=args.format)
    sys.stdout.write(text)
    return code


HANDLERS = {
    "build": _build, "query": _query, "export": _export, "stats": _stats, "path": _path, "viz": _viz,
    "validate": _validate,
}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    try:
        return HANDLERS[args.command](args)
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
