"""Readable labels for entities the text describes but does not name (an unnamed stay, an
event, a record, a quantity), made from the labels of the entities in their keys.

Each derived label cites the first sentence that introduced its entity.
"""

from __future__ import annotations

from kg.types import Ref, Statement

_KIND_WORDS = {
    "single_flight_duration": "single-flight duration record",
    "cumulative_duration": "cumulative time in space record",
    "spacewalk_duration": "spacewalk time record",
}
_SCOPE_WORDS = {"us": "US", "world": "world", "women": "women's", "unknown": ""}


def derived_labels(statements: list[Statement]) -> list[Statement]:
    """An rdfs:label statement (a description, not a name) for every mission, event, record and
    quantity the text does not name; real names stay skos:prefLabel."""
    labels: dict[Ref, str] = {}
    first: dict[Ref, Statement] = {}
    for st in statements:
        first.setdefault(st.subject, st)
        if st.predicate == "prefLabel" and st.subject not in labels and isinstance(st.object, str):
            labels[st.subject] = st.object
    out: list[Statement] = []
    for ref, st in first.items():
        if ref in labels or ref.kind not in ("mission", "event", "record", "quantity"):
            continue
        label = _label(ref, labels)
        labels[ref] = label
        out.append(Statement(ref, "label", label, st.source))
    return out


def _name(part, labels: dict[Ref, str]) -> str:
    if isinstance(part, Ref):
        return labels.get(part) or _label(part, labels)
    return str(part)


def _label(ref: Ref, labels: dict[Ref, str]) -> str:
    key = ref.key
    if ref.kind == "mission" and key and key[0] == "stay":
        where = "in space" if key[2] == "space" else f"aboard {_name(key[2], labels)}"
        when = f" from {key[3]}" if len(key) > 3 else ""
        return f"{_name(key[1], labels)}'s stay {where}{when}"
    if ref.kind == "event":
        kind = str(key[0]).replace("_", " ")
        rest = " ".join(_name(p, labels) for p in key[1:] if p)
        return f"{kind} — {rest}".strip(" —")
    if ref.kind == "record":
        kind, scope, holder = key[0], key[1], key[2]
        scope_word = _SCOPE_WORDS.get(str(scope), str(scope))
        era = f"({key[3]})" if len(key) > 3 else ""  # one holder's record of one year, told apart from another
        words = (f"{_name(holder, labels)}:", scope_word, _KIND_WORDS.get(str(kind), "record"), era)
        return " ".join(w for w in words if w)
    if ref.kind == "quantity":
        return f"{str(key[0]).replace('_', ' ')} {key[2]} — {_name(key[1], labels)}"
    return " ".join(_name(p, labels) for p in key)
