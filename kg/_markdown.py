"""Markdown to plain text for :mod:`kg.ingest`.

Not a full CommonMark renderer: a line-based pass that removes markup while
keeping every word.  Paragraphs (hard-wrapped lines joined) and headings become
blocks separated by a blank line; list items, table rows and code lines keep a
line each.  Front matter between ``---`` lines supplies the title and date.
"""

from __future__ import annotations

import html
import re
from datetime import date

from kg._html import leading_iso_date

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}> ?")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?$")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|(\d{1,3})[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(.*)$")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]?(.*)$")

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ESCAPED = 0x10FF00  # escaped punctuation is parked at U+10FF00 + code while markup is removed
_UNPARK = {_ESCAPED + c: chr(c) for c in range(0x21, 0x7F)}
# (url "title") after a link or image; a URL may contain balanced parentheses.
_URL = r"""\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'))?\s*\)"""
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_INLINE = (
    (re.compile(rf"!\[[^\[\]]*\](?:{_URL}|\[[^\[\]]*\])"), ""),  # images
    (re.compile(rf"\[([^\[\]]*)\]{_URL}"), r"\1"),  # inline links
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+)>", re.I), r"\1"),  # autolinks
    (re.compile(r"<([^\s<>@]+@[^\s<>@]+\.[A-Za-z]{2,})>"), r"\1"),
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (
        re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|table|tr|section|article|figure|hr)\b[^<>]*>", re.I),
        " ",
    ),
    (
        re.compile(
            r"</?(?:a|abbr|b|bdi|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|q|s|samp|small|span|strong"
            r"|sub|sup|td|th|thead|tbody|time|u|var|wbr|figcaption|caption|center|details|summary)\b[^<>]*>",
            re.I,
        ),
        "",
    ),
)
# Emphasis delimiters as (width, opener, closer); an opener pairs with the nearest closer
# on the same line.  Pairing is done by hand: a lazy regex would be quadratic on long
# paragraphs full of unpaired delimiters.
_EMPHASIS = (
    (2, re.compile(r"\*\*(?=\S)"), re.compile(r"(?<=\S)\*\*")),
    (2, re.compile(r"(?<!\w)__(?=\S)"), re.compile(r"(?<=\S)__(?!\w)")),
    (2, re.compile(r"~~(?=\S)"), re.compile(r"(?<=\S)~~")),
    (1, re.compile(r"\*(?=[^\s*])"), re.compile(r"(?<=[^\s*])\*")),
    (1, re.compile(r"(?<!\w)_(?=[^\s_])"), re.compile(r"(?<=[^\s_])_(?!\w)")),
)
_RAW_OPEN = re.compile(r"<!--|<(script|style)\b", re.I)
_RAW_CLOSE = {
    "--": re.compile("-->"),
    "script": re.compile(r"</script\s*>", re.I),
    "style": re.compile(r"</style\s*>", re.I),
}
_SPACES = re.compile(r"[ \t]{2,}")


def markdown_to_text(text: str) -> tuple[str, str | None, date | None]:
    """Body text, title and date of a Markdown document (text not yet normalised)."""
    lines = text.split("\n")
    meta, lines = _front_matter(lines)
    title = meta.get("title") or None
    published = leading_iso_date(meta.get("date"))
    body, first_h1 = _blocks(_remove_raw_blocks("\n".join(lines)).split("\n"))
    return body, title or first_h1, published


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}, lines
    inner = lines[1:end]
    first = next((line for line in inner if line.strip()), None)
    if first is None or not _FRONT_KEY.match(first):
        return {}, lines  # a thematic break, not YAML
    meta: dict[str, str] = {}
    i = 0
    while i < len(inner):
        m = _FRONT_KEY.match(inner[i])
        i += 1
        if not m:
            continue
        key, value = m[1].lower(), m[2].strip()
        if value[:1] in (">", "|"):  # block scalar: the indented lines that follow
            block = []
            while i < len(inner) and (not inner[i].strip() or inner[i][:1] in (" ", "\t")):
                block.append(inner[i].strip())
                i += 1
            value = " ".join(part for part in block if part)
        elif len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].replace('\\"', '"') if value[0] == '"' else value[1:-1].replace("''", "'")
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()  # YAML comment
        meta.setdefault(key, value)
    return meta, lines[end + 1 :]


def _blocks(lines: list[str]) -> tuple[str, str | None]:
    blocks: list[tuple[str, bool]] = []  # (text, is a line of a list/table/code block)
    para: list[str] = []
    para_is_item = False
    first_h1: str | None = None
    fence: str | None = None
    code: list[str] = []
    was_quote = False
    hard_break = False  # the previous paragraph line ended with two spaces or a backslash

    def flush() -> None:
        nonlocal para, para_is_item, hard_break
        if para:
            text = inline(" ".join(para)).strip()
            if text:
                blocks.append((text, para_is_item))
        para, para_is_item, hard_break = [], False, False

    for raw in lines:
        if fence is not None:
            if raw.strip().startswith(fence) and not raw.strip(fence[0] + " \t"):
                blocks.append(("\n".join(code), False))
                fence, code = None, []
            else:
                code.append(raw)
            continue
        line, quote = raw, False
        while (m := _QUOTE.match(line)) is not None:
            line, quote = line[m.end() :], True
        if quote != was_quote:
            flush()
            was_quote = quote
        m = _FENCE.match(line)
        if m:
            flush()
            fence = m[1]
            continue
        if not line.strip():
            flush()
            blocks.append(("", False))  # a blank line: the next block starts a new paragraph
            continue
        m = _ATX.match(line)
        if m:
            flush()
            heading = line[m.end() :].strip()
            unclosed = heading.rstrip("#")
            if unclosed != heading and (not unclosed or unclosed[-1] in " \t"):
                heading = unclosed  # closing sequence: "## Heading ##"
            heading = inline(heading).strip()
            if heading:
                blocks.append((heading, False))
                if len(m[1]) == 1 and first_h1 is None:
                    first_h1 = heading
            continue
        m = _SETEXT.match(line)
        if m and para and not para_is_item:
            text = inline(" ".join(para)).strip()
            para = []
            if text:
                blocks.append((text, False))
                if m[1][0] == "=" and first_h1 is None:
                    first_h1 = text
            continue
        if _RULE.match(line) or _LINK_DEF.match(line) or ("|" in line and _TABLE_RULE.match(line)):
            flush()
            continue
        if line.lstrip().startswith("|"):
            flush()
            cells = [inline(cell).strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            row = " | ".join(cell for cell in cells if cell)
            if row:
                blocks.append((row, True))
            continue
        m = _ITEM.match(line)
        if m and (not para or para_is_item or m[1] is None or m[1] == "1"):
            flush()
            para, para_is_item = [m[2].strip()], True
            continue
        if para and hard_break:
            para[-1] += "\n"
        hard_break = raw.endswith("  ") or raw.rstrip().endswith("\\")
        para.append(line.strip().removesuffix("\\") if hard_break else line.strip())
    flush()
    if code:
        blocks.append(("\n".join(code), False))
    out: list[str] = []
    previous_is_line = False
    for text, is_line in blocks:
        if not text:
            previous_is_line = False
            continue
        if out:
            out.append("\n" if is_line and previous_is_line else "\n\n")
        out.append(text)
        previous_is_line = is_line
    return "".join(out).replace("\n ", "\n"), first_h1


def inline(text: str) -> str:
    """Remove inline Markdown (emphasis, links, images, code ticks, known HTML tags)."""
    text = _ESCAPE.sub(lambda m: chr(_ESCAPED + ord(m[1])), text)
    pieces = _CODE_SPAN.split(text)
    # split() yields: text, ticks, code, text, ticks, code, ... ; ticks are dropped.
    out: list[str] = []
    for i, piece in enumerate(pieces):
        kind = i % 3
        if kind == 0:
            for pattern, replacement in _INLINE:
                piece = pattern.sub(replacement, piece)
            for width, opener, closer in _EMPHASIS:
                piece = _unwrap(piece, width, opener, closer)
            out.append(_SPACES.sub(" ", html.unescape(piece)))
        elif kind == 2:
            out.append(piece.strip(" ") or piece)
    return "".join(out).translate(_UNPARK)


def _unwrap(text: str, width: int, opener: re.Pattern[str], closer: re.Pattern[str]) -> str:
    """Remove paired emphasis delimiters, keeping the text between them."""
    if opener.search(text) is None:
        return text
    lines = []
    for line in text.split("\n"):
        closes = [m.start() for m in closer.finditer(line)]
        cuts: list[int] = []  # start offsets of delimiters to remove
        j = 0
        free = 0  # openers before this offset are inside an earlier pair
        for m in opener.finditer(line):
            start = m.start()
            if start < free:
                continue
            while j < len(closes) and closes[j] < start + width + 1:
                j += 1
            if j == len(closes):
                break
            cuts += (start, closes[j])
            free = closes[j] + width
            j += 1
        if cuts:
            kept, previous = [], 0
            for cut in cuts:
                kept.append(line[previous:cut])
                previous = cut + width
            kept.append(line[previous:])
            line = "".join(kept)
        lines.append(line)
    return "\n".join(lines)


def _remove_raw_blocks(text: str) -> str:
    """Drop HTML comments and <script>/<style> elements (linear time, unclosed ones kept)."""
    kept: list[str] = []
    copied = search = 0
    unclosed: set[str] = set()
    while (m := _RAW_OPEN.search(text, search)) is not None:
        kind = (m[1] or "--").lower()
        end = None if kind in unclosed else _RAW_CLOSE[kind].search(text, m.end())
        if end is None:
            unclosed.add(kind)
            search = m.end()
            continue
        kept.append(text[copied : m.start()])
        copied = search = end.end()
    kept.append(text[copied:])
    return "".join(kept)
