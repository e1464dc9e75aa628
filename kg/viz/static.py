"""A static picture of the entity graph (SVG or PNG) for reports and READMEs, drawn with matplotlib.

Big graphs are cut to their most connected entities; the layout has a fixed seed and the files
carry no dates, so the same dataset gives the same picture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import UsageError
from kg.graphio import write_atomic
from kg.viz.html import check_hops
from kg.viz.model import TYPE_STYLES, VizModel, build_model, find_node, most_connected, neighbourhood

#: Entities drawn at most; the rest are left out (most connected first).
TOP_N = 80
#: Labels drawn at most (the most connected of the drawn entities).
LABELS_MAX = 45
_SEED = 7


def write_static(
    dataset: object, path: str | Path, *, focus: str | None = None, hops: int = 2, top_n: int = TOP_N
) -> None:
    """Draw the graph (or ``focus``'s neighbourhood) to ``path``; the format comes from its extension."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise UsageError(f"{path}: a static picture must be .svg or .png")
    check_hops(hops)
    if top_n < 1:
        raise UsageError("top_n must be at least 1")
    model = build_model(dataset)
    if focus is not None:
        keep = neighbourhood(model, find_node(model, focus), hops)[:top_n]
    else:
        keep = most_connected(model, top_n)
    figure = _draw(model, sorted(keep), shown_of=len(model.nodes))
    write_atomic(path, lambda tmp: _save(figure, tmp, fmt))


def _graph(model: VizModel, keep: list[int]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(keep)
    kept = set(keep)
    graph.add_edges_from((s, t) for s, t, *_rest in model.edges if s in kept and t in kept and s != t)
    return graph


def _layout(graph: nx.Graph) -> dict[int, tuple[float, float]]:
    """Each connected part laid out on its own (fixed seed), side by side; lone entities beneath."""
    parts = sorted((sorted(c) for c in nx.connected_components(graph) if len(c) > 1), key=lambda c: (-len(c), c))
    alone = sorted(n for n in graph if not graph.degree(n))
    pos: dict[int, tuple[float, float]] = {}
    left = 0.0
    for part in parts:
        size = len(part) ** 0.5
        spring = nx.spring_layout(
            graph.subgraph(part), seed=_SEED, method="force", iterations=300, scale=size, k=2.0 / size
        )
        xs = [float(x) for x, _y in spring.values()]
        for n, (x, y) in spring.items():
            pos[n] = (left + float(x) - min(xs), float(y))
        left += max(xs) - min(xs) + 1.0
    width = max(left - 1.0, 3.0)
    bottom = min((y for _x, y in pos.values()), default=0.0) - 0.8
    per_row = max(4, int(len(alone) ** 0.5 * 1.6))
    for k, n in enumerate(alone):
        pos[n] = ((k % per_row) * width / max(1, per_row - 1), bottom - 0.6 * (k // per_row))
    return pos


def _draw(model: VizModel, keep: list[int], *, shown_of: int) -> Any:  # a matplotlib Figure
    try:
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
    except ImportError:  # pragma: no cover - depends on the installation
        raise UsageError("SVG/PNG output needs matplotlib: pip install matplotlib") from None
    graph = _graph(model, keep)
    pos = _layout(graph)
    figure = Figure(figsize=(12, 8.5), layout="constrained")
    ax = figure.add_subplot()
    ax.set_axis_off()
    for s, t in sorted(graph.edges):
        ax.plot([pos[s][0], pos[t][0]], [pos[s][1], pos[t][1]], color="#b4bcc6", lw=0.8, zorder=1)
    if graph.number_of_edges() <= 25:
        _edge_labels(ax, model, pos)
    handles = []
    for style in TYPE_STYLES:
        members = [i for i in keep if model.nodes[i].type == style.name]
        if not members:
            continue
        sizes = [60 + 40 * min(model.nodes[i].degree, 12) for i in members]
        ax.scatter(
            [pos[i][0] for i in members],
            [pos[i][1] for i in members],
            s=sizes,
            c=style.colour,
            marker=style.marker if style.marker != "." else "o",
            edgecolors="#333333",
            linewidths=0.6,
            zorder=2,
        )
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker=style.marker if style.marker != "." else "o",
                markersize=9,
                markerfacecolor=style.colour,
                markeredgecolor="#333333",
                label=f"{style.label} ({len(members)})",
            )
        )
    for i in sorted(keep, key=lambda i: (-model.nodes[i].degree, i))[:LABELS_MAX]:
        label = model.nodes[i].label
        ax.annotate(
            label if len(label) <= 28 else label[:27] + "…",
            pos[i],
            xytext=(0, -11),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=8,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="entity type")
    title = f"{len(keep)} of {shown_of} entities" if len(keep) < shown_of else f"{shown_of} entities"
    ax.set_title(f"Spaceflight knowledge graph — {title}", fontsize=11)
    ax.margins(0.08)
    return figure


def _edge_labels(ax: Any, model: VizModel, pos: dict) -> None:
    """Relation names at edge midpoints, for small pictures only (they clutter big ones)."""
    seen: set[tuple[int, int]] = set()
    for s, t, p, *_rest in model.edges:
        if s in pos and t in pos and (s, t) not in seen:
            seen.add((s, t))
            x, y = (pos[s][0] + pos[t][0]) / 2, (pos[s][1] + pos[t][1]) / 2
            ax.text(
                x,
                y,
                model.predicates[p],
                fontsize=7,
                color="#4a5361",
                ha="center",
                va="center",
                zorder=1.5,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
            )


def _save(figure: Any, target: Path, fmt: str) -> None:
    from matplotlib import rc_context

    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with rc_context({"svg.hashsalt": "kg-viz", "svg.fonttype": "path"}):
        figure.savefig(target, format=fmt, dpi=150, metadata=metadata)
