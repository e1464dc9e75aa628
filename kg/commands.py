"""Library side of the CLI commands that do more than one call: build-and-write with a
summary, and validation reports.  Returns text and codes; never prints, never parses argv.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Dataset

from kg.vocab import SF


@dataclass(frozen=True)
class BuildReport:
    """What ``kg build`` prints: per-file messages, a summary, and whether any input failed."""

    summary: str
    messages: tuple[str, ...]
    failed: bool


def _count(ds: Dataset, cls) -> int:
    return len(set(ds.subjects(RDF.type, cls)))


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def build(
    paths, output: str | Path, *, model: str | None = "auto", max_bytes: int | None = None, validate: bool = True
) -> BuildReport:
    """Build, validate (when shapes ship), write atomically, and summarise."""
    from kg.export import export
    from kg.graphio import format_for
    from kg.pipeline import build as run_build

    format_for(output)  # a bad extension fails before any work is done
    options = {"model": model}
    if max_bytes is not None:
        options["max_bytes"] = max_bytes
    result = run_build(paths, **options)
    ds = result.dataset
    lines = [
        f"articles   {len(result.articles)}",
        f"triples    {len(ds)}",
        f"people     {_count(ds, SF.Person)}",
        f"missions   {_count(ds, SF.Mission)}",
        f"records    {_count(ds, SF.Record)}",
        f"events     {sum(_count(ds, c) for c in (SF.Launch, SF.Landing, SF.Splashdown, SF.Docking, SF.Undocking, SF.Handover, SF.Spacewalk, SF.PressConference))}",
    ]
    if _has("kg.conflicts"):
        from kg.conflicts import find_conflicts

        lines.append(f"conflicts  {len(find_conflicts(ds))}")
    if validate and _has("kg.validate"):
        from kg.validate import quarantine
        from kg.validate import validate as run_validate

        report = run_validate(ds)
        moved = quarantine(ds, report) if not report.conforms else 0
        counts = {s: sum(1 for f in report.findings if f.severity == s) for s in ("Violation", "Warning", "Info")}
        note = f" ({moved} triples moved to the quarantine graph)" if moved else ""
        lines.append(
            f"validation {'conforms' if report.conforms else 'violations'}: {counts['Violation']} violations, "
            f"{counts['Warning']} warnings, {counts['Info']} info{note}"
        )
    elif not validate:
        lines.append("validation skipped (--no-validate)")
    lines.append(f"warnings   {len(result.warnings)}")
    lines.append(f"errors     {len(result.errors)}")
    lines.append(f"model      {result.model or 'none (rules only)'}")
    export(ds, output)
    lines.append(f"wrote      {output}")
    messages = tuple(f"warning: {w}" for w in result.warnings) + tuple(f"error: {e}" for e in result.errors)
    return BuildReport("\n".join(lines), messages, bool(result.errors))


def validate_report(graph: str | Path, *, shapes: str | Path | None = None, fmt: str = "text") -> tuple[str, int]:
    """The validation report of a graph file as text, JSON or Turtle, and the exit code."""
    from kg.graphio import load_dataset
    from kg.validate import load_shapes, render_json, render_text, render_turtle, validate

    ds = load_dataset(graph)
    shapes_graph = load_shapes(shapes) if shapes else None
    result = validate(ds, shapes=shapes_graph)
    if fmt == "json":
        text = render_json(result)
    elif fmt == "ttl":
        text = render_turtle(result)
    else:
        text = render_text(result, ds)
        if _has("kg.conflicts"):
            from kg.conflicts import find_conflicts, render_conflicts_text

            text = text.rstrip("\n") + "\n\n" + render_conflicts_text(find_conflicts(ds))
    return (text if text.endswith("\n") else text + "\n"), (0 if result.conforms else 1)
