"""The interactive view: one self-contained, offline HTML file.

The page inlines the bundled cytoscape.js, our own script and style, and the entity model as
JSON in a ``<script type="application/json">`` block.  Nothing is fetched: a Content-Security-Policy
allows only the two inline scripts (by hash) and no network source at all.  Data never reaches
the page as markup: the JSON is escaped so ``</script>`` or ``<!--`` in a label cannot end the
block, and the script builds the DOM with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

from kg.errors import UsageError
from kg.graphio import write_atomic
from kg.viz.model import TYPE_INDEX, TYPE_STYLES, VizModel, build_model, find_node, most_connected, subset

#: Above this many entities the page opens on the neighbourhood of one entity, not the whole graph.
DRAW_LIMIT = 1000
_ASSETS = ("template.html", "viewer.css", "viewer.js", "cytoscape.min.js")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_html(
    dataset: object,
    *,
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int = 5000,
    draw_limit: int = DRAW_LIMIT,
) -> str:
    """The page for a dataset, as text; the same dataset always gives the same bytes.

    ``focus`` (an entity's IRI, label or alias) opens the page on that entity's neighbourhood of
    ``hops`` (1-3) edges.  At most ``max_nodes`` entities go into the page (the most connected);
    above ``draw_limit`` the page starts on the most connected entity's neighbourhood, and search
    and focus still reach every included entity.
    """
    check_hops(hops)
    if max_nodes < 1 or draw_limit < 1:
        raise UsageError("max_nodes and draw_limit must be at least 1")
    model = build_model(dataset)
    total = len(model.nodes)
    focus_iri = model.nodes[find_node(model, focus)].iri if focus is not None else None
    if total > max_nodes:
        keep = set(most_connected(model, max_nodes))
        if focus_iri is not None:
            keep.add(model.index_of()[focus_iri])
        model = subset(model, keep)
    start = model.index_of()[focus_iri] if focus_iri is not None else None
    if start is None and len(model.nodes) > draw_limit:
        start = most_connected(model, 1)[0]
    payload = _payload(model, total=total, start=start, hops=hops, draw_limit=draw_limit)
    return _page(embed_json(payload))


def write_html(dataset: object, path: str | Path, **kw: object) -> None:
    """Write the page to ``path`` atomically (OutputError if its folder is missing)."""
    text = render_html(dataset, **kw)  # type: ignore[arg-type]
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def check_hops(hops: int) -> None:
    """UsageError unless ``hops`` is 1, 2 or 3."""
    if not isinstance(hops, int) or not 1 <= hops <= 3:
        raise UsageError(f"hops must be 1, 2 or 3, not {hops!r}")


def embed_json(payload: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left unescaped."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _payload(model: VizModel, *, total: int, start: int | None, hops: int, draw_limit: int) -> dict:
    return {
        "types": [[t.name, t.label, t.colour, t.shape] for t in TYPE_STYLES],
        "predicates": model.predicates,
        "articles": model.articles,
        "sentences": [list(s) for s in model.sentences],
        "nodes": [[n.iri, n.label, TYPE_INDEX[n.type], n.kind, n.alts, n.degree] for n in model.nodes],
        "edges": [list(e) for e in model.edges],
        "facts": [list(f) for f in model.facts],
        "view": {"focus": start, "hops": hops, "drawLimit": draw_limit, "total": total},
    }


def _page(data_json: str) -> str:
    template, css, app, lib = _assets()
    parts = {
        "CSP": _csp(lib, app),
        "CSS": css,
        "LIB": lib,
        "DATA": data_json,
        "APP": app,
    }
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m.group(1)], template)


def _csp(*scripts: str) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'" for s in scripts
    )
    return f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:"


@cache
def _assets() -> tuple[str, str, str, str]:
    """The template and the inlined files, checked once that none can end its element early."""
    folder = resources.files("kg") / "data" / "viz"
    texts = tuple(folder.joinpath(name).read_text(encoding="utf-8") for name in _ASSETS)
    for name, text in zip(_ASSETS[1:], texts[1:], strict=True):
        if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
            raise RuntimeError(f"kg/data/viz/{name} cannot be inlined: it contains a closing tag")
    return texts  # type: ignore[return-value]
