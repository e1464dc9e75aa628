"""Pictures of the entity graph: an interactive offline HTML page, or a static SVG/PNG.

``write_viz`` picks the kind from the output file's extension; ``render_html`` returns the page
as text.  Both read the RDF directly (see ``kg.viz.model``), leaving provenance nodes out.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import UsageError
from kg.viz.html import DRAW_LIMIT, render_html, write_html
from kg.viz.static import write_static

__all__ = ["DRAW_LIMIT", "SUFFIXES", "render_html", "write_html", "write_static", "write_viz"]

#: Output kinds by file extension.
SUFFIXES = (".html", ".htm", ".svg", ".png")


def write_viz(dataset: object, path: str | Path, *, focus: str | None = None, hops: int = 2) -> None:
    """Write an HTML page or a static picture, chosen by the extension of ``path``."""
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        write_html(dataset, path, focus=focus, hops=hops)
    elif suffix in (".svg", ".png"):
        write_static(dataset, path, focus=focus, hops=hops)
    else:
        raise UsageError(
            f"{path}: unknown picture format {suffix or '(no extension)'!r}; use one of {', '.join(SUFFIXES)}"
        )
