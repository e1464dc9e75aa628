"""HTML to plain text for :mod:`kg.ingest` (selectolax's lexbor parser).

The page is parsed once.  Metadata (title, publication date) is read from the
whole document; the body text comes from the main content element only, with
boilerplate and non-text elements skipped and block elements turned into line
breaks so that paragraphs stay separate.
"""

from __future__ import annotations

import json
import re
from collections import deque
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose whole subtree is never text of the article.
_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
        "form", "iframe", "head", "title", "meta", "link", "object", "embed", "canvas", "math",
        "button", "select", "textarea", "dialog",
    }
)  # fmt: skip
# A <header> inside the content usually holds the headline: keep only its headings.
_HEADINGS = "h1, h2, h3, h4, h5, h6"
# Elements that end a line, and elements that end a paragraph.
_LINE = frozenset({"li", "tr", "dt", "dd", "option", "caption", "figcaption", "summary", "legend"})
_PARAGRAPH = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "main",
        "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "pre", "figure", "address",
        "details", "fieldset", "hgroup", "center", "body", "html",
    }
)  # fmt: skip
_CELL = "\U0010fffd"  # marks the start of a table cell until the lines are cleaned up
_NOT_CONTENT = _DROP - {"form"}  # some sites wrap the whole page in a <form>
_NOT_IN_TITLE = frozenset({"nav", "aside", "footer", "form", "template"})

_HTML_WS = re.compile(r"[ \t\n\r\f]+")
_LINE_WS = re.compile(r"[^\S\n]+")
_CELL_RUN = re.compile(f"(?: ?{_CELL})+ ?")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")

# meta[property|name|itemprop] keys that carry the publication date, best first.
_DATE_META = (
    "article:published_time",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "datepublished",
)


def leading_iso_date(value: object) -> date | None:
    """The date at the start of ``value`` ("2016-03-01T09:00Z" -> 2016-03-01); None for junk."""
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value)
    if m is None:
        return None
    try:
        parsed = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    # Content systems use year 1 or 1970 style sentinels for "unknown".
    return parsed if 1900 <= parsed.year <= 2200 else None


def html_to_text(text: str) -> tuple[str, str | None, date | None]:
    """Body text, title and publication date of an HTML page (text not yet normalised)."""
    tree = LexborHTMLParser(text)
    metas = _meta_map(tree)
    root = _content_root(tree)
    if root is None:
        return "", None, None
    title = _title(tree, root, metas)
    published = _published(tree, root, metas)
    return _extract(root), title, published


def _meta_map(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = attrs.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content)
    return found


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    # Teasers in an <aside> or a <footer> are not the page's content.
    articles = [node for node in tree.css("article") if not _inside(node, _NOT_CONTENT)]
    if len(articles) == 1:
        return articles[0]
    if articles:
        # A listing, or an article with its comments as articles: take the one with the most text.
        return max(articles, key=lambda node: len(node.text(deep=True)))
    for main in tree.css("main"):
        if not _inside(main, _NOT_CONTENT):
            return main
    return tree.body if tree.body is not None else tree.root


def _clean_inline(value: str | None) -> str | None:
    if not value:
        return None
    value = _LINE_WS.sub(" ", value.replace("\n", " ")).strip()
    return value or None


def _title(tree: LexborHTMLParser, root: LexborNode, metas: dict[str, str]) -> str | None:
    for h1 in root.css("h1"):
        if not _inside(h1, _NOT_IN_TITLE, stop=root):
            title = _clean_inline(h1.text(deep=True))
            if title:
                return title
    title = _clean_inline(metas.get("og:title"))
    if title:
        return title
    node = tree.css_first("title")
    return _clean_inline(node.text(deep=True)) if node is not None else None


def _inside(node: LexborNode, tags: frozenset[str], *, stop: LexborNode | None = None) -> bool:
    """Whether an ancestor of ``node`` (below ``stop``) is one of ``tags``."""
    parent = node.parent
    while parent is not None and (stop is None or parent.mem_id != stop.mem_id):
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _published(tree: LexborHTMLParser, root: LexborNode, metas: dict[str, str]) -> date | None:
    for key in _DATE_META:
        found = leading_iso_date(metas.get(key))
        if found:
            return found
    found = _json_ld_date(tree)
    if found:
        return found
    # <time> is last: an article may mark up dates it talks about, not only its own.
    for selector in ("time[pubdate][datetime]", "time[itemprop=datePublished][datetime]", "time[datetime]"):
        for scope in (root, tree.root):
            node = scope.css_first(selector) if scope is not None else None
            if node is not None:
                found = leading_iso_date(node.attributes.get("datetime"))
                if found:
                    return found
    return None


def _json_ld_date(tree: LexborHTMLParser) -> date | None:
    for script in tree.css("script"):
        kind = (script.attributes.get("type") or "").strip().lower()
        if kind != "application/ld+json":
            continue
        try:
            data = json.loads(script.text(deep=True))
        except (ValueError, RecursionError):
            continue
        queue: deque[object] = deque([data])
        while queue:
            item = queue.popleft()
            if isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, list) and value:
                    value = value[0]
                if isinstance(value, dict):
                    value = value.get("@value")
                found = leading_iso_date(value)
                if found:
                    return found
                queue.extend(item.values())
            elif isinstance(item, list):
                queue.extend(item)
    return None


def _extract(root: LexborNode) -> str:
    parts: list[str | int] = []  # text, or the number of line breaks wanted there

    def brk(n: int) -> None:
        if parts and isinstance(parts[-1], int):
            parts[-1] = max(parts[-1], n)
        else:
            parts.append(n)

    # (node, leaving): a node is visited on the way in and, for elements, on the way out.
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    in_pre = 0
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag == "pre":
                in_pre -= 1
            brk(1 if tag in _LINE else 2)
            continue
        if node.is_text_node:
            value = node.text_content or ""
            parts.append(value if in_pre else _HTML_WS.sub(" ", value))
            continue
        if not node.is_element_node:
            continue  # comments, doctype
        if tag == "br":
            parts.append(1)  # consecutive <br>s are kept: they may separate paragraphs
            continue
        if tag == "hr":
            brk(2)
            continue
        if tag in ("td", "th"):
            parts.append(_CELL)
        if tag in _DROP and node is not root and not (tag == "form" and _wraps_page(node)):
            if tag == "header":
                for heading in reversed(node.css(_HEADINGS)):
                    stack.append((heading, False))
            continue
        if tag in _LINE or tag in _PARAGRAPH:
            brk(1 if tag in _LINE else 2)
            stack.append((node, True))
            if tag == "pre":
                in_pre += 1
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    return _clean_lines("".join("\n" * part if isinstance(part, int) else part for part in parts))


def _wraps_page(form: LexborNode) -> bool:
    """A <form> around the whole page (ASP.NET style) rather than a search or comment form."""
    return len(form.css("p")) >= 3 or form.css_first("article, main") is not None


def _clean_lines(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = _LINE_WS.sub(" ", line).strip(" " + _CELL)
        lines.append(_CELL_RUN.sub(" | ", line) if _CELL in line else line)
    return "\n".join(lines)
