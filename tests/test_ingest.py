"""Tests for kg.ingest: discovery, decoding, markup removal, normalisation, bad input."""

from __future__ import annotations

import builtins
import hashlib
import os
import random
import re
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    discover,
    normalise_text,
    parse_article_bytes,
    read_article,
)


def parse(data: bytes | str, name: str = "article.txt", **kwargs):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return parse_article_bytes(data, path=name, **kwargs)


def problem(data: bytes, name: str = "article.txt") -> str:
    with pytest.raises(InputError) as info:
        parse_article_bytes(data, path=name)
    assert info.value.path == name
    assert "\n" not in info.value.problem
    return info.value.problem


# --- plain text --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Scott Kelly returned.", "Scott Kelly returned."),
        ("  \n\nLeading and trailing blank lines.\n\n  ", "Leading and trailing blank lines."),
        ('Dr. <Name> said "go" & left.', 'Dr. <Name> said "go" & left.'),
        ("<b>not markup</b> in plain text", "<b>not markup</b> in plain text"),
        (
            "Curly \u201cquotes\u201d, O\u2019Brien \u2013 and \u2014 dashes",
            "Curly \u201cquotes\u201d, O\u2019Brien \u2013 and \u2014 dashes",
        ),
        ("non\u00a0breaking\u2009thin\u3000ideographic", "non breaking thin ideographic"),
        ("zero\u200bwidth\u200d joiner\ufeff soft\u00adhyphen", "zerowidth joiner softhyphen"),
        ("tab\tseparated", "tab separated"),
        (
            "a bell\x07 and\x1b an escape\x7f in a longer line of text",
            "a bell and an escape in a longer line of text",
        ),
        ("form\x0cfeed and line\u2028separator", "form\nfeed and line\nseparator"),
        ("trailing spaces   \nnext line  ", "trailing spaces\nnext line"),
        ("  indented line kept", "indented line kept"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("Lo\u0301pez decomposed", "L\u00f3pez decomposed"),
    ],
)
def test_plain_text_normalisation(raw, expected):
    article = parse(raw)
    assert article.text == expected
    assert article.media_type == "text/plain"
    assert article.title is None
    assert article.warnings == ()


def test_plain_text_keeps_leading_indentation_inside():
    assert parse("first\n    indented").text == "first\n    indented"


@pytest.mark.parametrize(
    ("raw", "published"),
    [
        ("Date: 2016-03-01\n\nScott Kelly landed.", date(2016, 3, 1)),
        ("Headline\nPublished: 2016-03-01T09:00:00Z\nBody.", date(2016, 3, 1)),
        ("Headline\n\nBy someone\n\ndate: 2016-03-01\nBody.", date(2016, 3, 1)),
        ("Published: March 1, 2016\nBody.", None),
        ("One\nTwo\nThree\nDate: 2016-03-01", None),
        ("Date: 2016-13-45\nJunk date.", None),
        ("The launch was on 2016-03-01.", None),
    ],
)
def test_plain_text_date_line(raw, published):
    article = parse(raw)
    assert article.published == published
    assert article.text == raw  # the date line stays in the text


def test_names_with_quotes_angle_brackets_and_newlines():
    raw = 'Commander "Butch" Wilmore met Dr. <Name> and O\'Neill.\nSunita\nWilliams waved.'
    article = parse(raw)
    assert article.text == raw


# --- Markdown ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("# Heading\n\nBody text.", "Heading\n\nBody text."),
        ("## Closed heading ##\ntext", "Closed heading\n\ntext"),
        (
            "Some *emphasis*, **strong**, _under_, __dunder__ and ~~gone~~.",
            "Some emphasis, strong, under, dunder and gone.",
        ),
        ("snake_case_name and 5 * 3 * 2 stay", "snake_case_name and 5 * 3 * 2 stay"),
        ("Use `code *here*` ticks", "Use code *here* ticks"),
        ('See [NASA](https://www.nasa.gov "title") now', "See NASA now"),
        ("See [Soyuz](https://en.wikipedia.org/wiki/Soyuz_(spacecraft)).", "See Soyuz."),
        ("A [ref link][1] here.\n\n[1]: https://example.org", "A ref link here."),
        ("Photo: ![a crew photo](crew.jpg) caption", "Photo: caption"),
        ("<https://example.org> autolink", "https://example.org autolink"),
        ("> Quoted line\n> continues\n\nAfter", "Quoted line continues\n\nAfter"),
        ("- one\n- two\n* three\n+ four", "one\ntwo\nthree\nfour"),
        ("1. first\n2. second", "first\nsecond"),
        ("- [x] done task", "done task"),
        ("wrapped\nparagraph\nlines\n\nnext", "wrapped paragraph lines\n\nnext"),
        ("hard break  \nnext", "hard break\nnext"),
        ("Title\n=====\n\nBody", "Title\n\nBody"),
        ("para\n\n---\n\nafter rule", "para\n\nafter rule"),
        ("```python\nx = *1*\n```\nafter", "x = *1*\n\nafter"),
        ("Dr. <Name> and <b>bold</b> and <span class=x>span</span>", "Dr. <Name> and bold and span"),
        ("AT&amp;T &lt;tag&gt; caf&eacute;", "AT&T <tag> caf\u00e9"),
        ("escaped \\*stars\\* stay", "escaped *stars* stay"),
        ("text<!-- hidden comment -->more", "textmore"),
        ("<script>alert(1)</script>Visible", "Visible"),
        ("| Name | Days |\n|------|-----:|\n| Kelly | 340 |", "Name | Days\nKelly | 340"),
        ("line one<br>line two", "line one\nline two"),
    ],
)
def test_markdown_markup_removed(raw, expected):
    article = parse(raw, "a.md")
    assert article.media_type == "text/markdown"
    assert article.text == expected


def test_markdown_front_matter():
    raw = (
        "---\n"
        'title: "A Year in Space"\n'
        "date: 2016-03-01 10:00:00 +0000\n"
        "tags: [iss, kelly]\n"
        "---\n"
        "# Kelly returns\n\n"
        "Scott Kelly landed.\n"
    )
    article = parse(raw, "a.markdown")
    assert article.title == "A Year in Space"
    assert article.published == date(2016, 3, 1)
    assert article.text == "Kelly returns\n\nScott Kelly landed."
    assert "tags" not in article.text


@pytest.mark.parametrize(
    ("raw", "title", "published"),
    [
        ("---\ntitle: Plain\n---\nBody", "Plain", None),
        ("---\ntitle: 'It''s here'\ndate: junk\n---\nBody", "It's here", None),
        ("---\ntitle: >\n  Folded\n  title\n---\nBody", "Folded title", None),
        ("# First heading\n\nBody", "First heading", None),
        ("Setext title\n===\n\nBody", "Setext title", None),
        ("Date: 2016-03-01\n\nBody", None, date(2016, 3, 1)),
        ("---\n\nNot front matter\n\n---\nBody", None, None),
    ],
)
def test_markdown_title_and_date(raw, title, published):
    article = parse(raw, "a.md")
    assert article.title == title
    assert article.published == published
    assert article.text.endswith("Body")


# --- HTML ----------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Page title | Site</title>
<meta property="og:title" content="OG title">
<meta property="article:published_time" content="2016-03-01T22:00:00-05:00">
<style>body { color: red; } .secret::after { content: "CSS TEXT"; }</style>
<script>alert(1)</script>
<script type="application/ld+json">{"datePublished": "2015-01-01"}</script>
</head>
<body onload="alert('onload')">
<header><a href="/">Site name</a><nav><a>Home</a> <a>News</a></nav></header>
<article>
  <header><h1>Kelly &amp; Kornienko   return</h1><p>By A. Writer</p></header>
  <p>Scott&nbsp;Kelly and Mikhail Kornienko
     landed in <b>Kazakhstan</b> on March 2.</p>
  <p onclick="alert(2)">They spent 340 days<br>on the station.</p>
  <script>document.write("INLINE JS")</script>
  <noscript>NOSCRIPT TEXT</noscript>
  <template><p>TEMPLATE TEXT</p></template>
  <svg><text>SVG TEXT</text></svg>
  <form><input value="x"><button>FORM BUTTON</button></form>
  <iframe src="x">IFRAME TEXT</iframe>
  <ul><li>First item</li><li>Second item</li></ul>
  <footer>ARTICLE FOOTER</footer>
</article>
<aside>RELATED STORY</aside>
<footer>Copyright</footer>
<!-- a comment -->
</body></html>
"""


def test_html_page():
    article = parse(PAGE, "page.html")
    assert article.media_type == "text/html"
    assert article.title == "Kelly & Kornienko return"
    assert article.published == date(2016, 3, 1)
    assert article.text == (
        "Kelly & Kornienko return\n\n"
        "Scott Kelly and Mikhail Kornienko landed in Kazakhstan on March 2.\n\n"
        "They spent 340 days\non the station.\n\n"
        "First item\nSecond item"
    )
    junk = "alert color CSS INLINE NOSCRIPT TEMPLATE SVG FORM IFRAME FOOTER RELATED Copyright Site Home"
    for word in [*junk.split(), "comment", "By A."]:
        assert word not in article.text


def test_html_script_only_page_has_no_text():
    data = b"<html><head><style>p{}</style></head><body><script>alert(1)</script></body></html>"
    assert problem(data, "x.html") == "no text"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<div>One</div><div>Two</div>", "One\n\nTwo"),
        ("<h2>Head</h2>Text", "Head\n\nText"),
        ("<blockquote>Quote</blockquote><section>Sec</section>", "Quote\n\nSec"),
        ("Line<br>break<br/>twice", "Line\nbreak\ntwice"),
        ("<p>in<b>line</b> <i>tags</i> <a href='#'>keep</a> words</p>", "inline tags keep words"),
        (
            "<table><tr><th>Name</th><th>Days</th></tr><tr><td>Kelly</td><td>340</td></tr></table>",
            "Name | Days\nKelly | 340",
        ),  # fmt: skip
        (
            "<p>&lt;Name&gt; &amp; &quot;x&quot; &#8220;y&#8221; caf&eacute;</p>",
            '<Name> & "x" \u201cy\u201d caf\u00e9',
        ),
        ("<pre>line one\n  line two</pre>", "line one\nline two"),
        ("<p>a\u200bb&nbsp;&nbsp;c</p>", "ab c"),
    ],
)
def test_html_blocks_and_entities(body, expected):
    assert parse(f"<html><body>{body}</body></html>", "a.htm").text == expected


def test_html_prefers_main_then_body():
    assert parse("<body><p>Outside</p><main><p>Inside</p></main></body>", "a.html").text == "Inside"
    assert parse("<body><p>Just body</p></body>", "a.html").text == "Just body"


def test_html_ignores_teaser_articles_outside_the_content():
    data = "<body><main><p>Main text.</p></main><aside><article><p>Teaser</p></article></aside></body>"
    assert parse(data, "a.html").text == "Main text."


def test_html_page_wrapped_in_a_form_keeps_its_text():
    paragraphs = "".join(f"<p>Paragraph {i}.</p>" for i in range(3))
    data = f"<body><form action='x'><nav>Menu</nav>{paragraphs}</form><form><input>Search</form></body>"
    assert parse(data, "a.html").text == "Paragraph 0.\n\nParagraph 1.\n\nParagraph 2."


def test_html_picks_the_longest_article():
    data = "<body><article><p>Short teaser</p></article><article><p>" + "Long text. " * 20 + "</p></article></body>"
    assert parse(data, "a.html").text.startswith("Long text.")


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ('<title>T</title><meta property="og:title" content="OG">', "<h1>H1</h1><p>x</p>", "H1"),
        ('<title>T</title><meta property="og:title" content="OG">', "<p>x</p>", "OG"),
        ("<title> Only\n title </title>", "<p>x</p>", "Only title"),
        ("", "<p>x</p>", None),
        ("<title>T</title>", "<nav><h1>Menu</h1></nav><p>x</p>", "T"),
    ],
)
def test_html_title(head, body, title):
    assert parse(f"<html><head>{head}</head><body>{body}</body></html>", "a.html").title == title


@pytest.mark.parametrize(
    ("markup", "published"),
    [
        ('<meta property="article:published_time" content="2016-03-01T10:00:00Z">', date(2016, 3, 1)),
        ('<meta name="date" content="2016-03-02">', date(2016, 3, 2)),
        ('<meta name="pubdate" content="2016-03-03">', date(2016, 3, 3)),
        ('<meta name="PublishDate" content="2016-03-04 10:00">', date(2016, 3, 4)),
        ('<meta name="DC.date" content="2016-03-05">', date(2016, 3, 5)),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
            '"datePublished": "2016-03-06T08:00:00+00:00"}]}</script>',
            date(2016, 3, 6),
        ),  # fmt: skip
        ('<time datetime="2016-03-07">March 7</time>', date(2016, 3, 7)),
        ('<meta name="date" content="not a date">', None),
        ('<meta name="date" content="2016-02-30">', None),
        ('<meta name="date" content="0001-01-01T00:00:00">', None),
        ('<script type="application/ld+json">{broken json</script>', None),
        ('<time datetime="soon">soon</time>', None),
        ('<meta name="date" content="junk"><time datetime="2016-03-08">x</time>', date(2016, 3, 8)),
    ],
)
def test_html_published(markup, published):
    assert parse(f"<html><head>{markup}</head><body><p>x</p></body></html>", "a.html").published == published


@pytest.mark.parametrize("start", ["<!DOCTYPE html>", "<!doctype HTML>", "  \n<html>", "<html lang=en>"])
def test_txt_with_html_content_is_html(start):
    article = parse(f"{start}<body><p>Hello <b>there</b></p><script>x()</script></body></html>", "page.txt")
    assert article.media_type == "text/html"
    assert article.text == "Hello there"


def test_txt_mentioning_html_is_plain():
    assert parse("<b>bold</b> is an HTML tag", "a.txt").media_type == "text/plain"
    assert parse("<htmlish> text", "a.txt").media_type == "text/plain"


def test_explicit_media_type():
    assert parse("# Heading", "x.txt", media_type="text/markdown").text == "Heading"
    assert parse("<p>a</p>", "x.md", media_type="text/html; charset=utf-8").text == "a"
    assert parse("# kept", "x.md", media_type="text/plain").text == "# kept"
    with pytest.raises(ValueError, match="unsupported media type"):
        parse("x", "x.txt", media_type="application/pdf")


def test_media_type_by_suffix():
    assert parse("x", "A.HTML").media_type == "text/html"
    assert parse("x", "a.markdown").media_type == "text/markdown"
    assert parse("x", "a.text").media_type == "text/plain"
    assert parse("x", "no_suffix").media_type == "text/plain"


# --- bad input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n  \n", "no text"),
        ("\u00a0\u200b\n".encode(), "no text"),
        (b"\xef\xbb\xbf", "no text"),
        (b"\xff\xfe", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file, not text"),
        (b"\x89PNG\r\n\x1a\n", "binary file, not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file, not text"),
        (b"GIF89a\x01\x00", "binary file, not text"),
        (b"PK\x03\x04\x14\x00", "binary file, not text"),
        (b"English text with a NUL\x00 byte in it", "binary file, not text"),
        (random.Random(7).randbytes(4096), "binary file, not text"),
        (bytes(random.Random(8).choices(range(1, 32), k=100)), "binary file, not text"),
        (bytes(random.Random(9).choices(range(1, 256), k=4096)), "binary file, not text"),
    ],
)
def test_bad_input(data, expected):
    assert problem(data) == expected


def test_random_bytes_with_nul_are_binary():
    rng = random.Random(1234)
    for _ in range(20):
        data = rng.randbytes(rng.randrange(64, 2048)) + b"\x00"
        assert problem(data) == "binary file, not text"


def test_input_error_message_includes_path():
    with pytest.raises(InputError, match=r"^dir/a\.txt: empty file$"):
        parse_article_bytes(b"", path="dir/a.txt")


# --- decoding --------------------------------------------------------------------

NAME = "Michael L\u00f3pez-Alegr\u00eda"


def test_utf8_with_bom():
    article = parse(b"\xef\xbb\xbf" + f"{NAME} flew.".encode())
    assert article.text == f"{NAME} flew."
    assert article.warnings == ()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec):
    text = f"{NAME} flew on \u201cDiscovery\u201d.\r\nSecond line."
    if codec == "utf-16-le":
        data = b"\xff\xfe" + text.encode(codec)
    elif codec == "utf-16-be":
        data = b"\xfe\xff" + text.encode(codec)
    else:
        data = text.encode(codec)  # Python writes the native-order BOM
    article = parse(data)
    assert article.text == f"{NAME} flew on \u201cDiscovery\u201d.\nSecond line."
    assert article.warnings == ()


def test_utf16_html_with_bom():
    data = ("<!doctype html><html><body><p>" + NAME + "</p></body></html>").encode("utf-16")
    article = parse(data, "page.txt")
    assert article.media_type == "text/html"
    assert article.text == NAME


def test_utf16_without_bom_is_decoded_with_a_warning():
    article = parse(f"{NAME} flew.".encode("utf-16-le"))
    assert article.text == f"{NAME} flew."
    assert article.warnings == ("no byte-order mark; decoded as UTF-16-LE",)


def test_truncated_utf16_replaces_and_warns():
    article = parse("Kelly returned.".encode("utf-16") + b"\x41")
    assert article.text == "Kelly returned.\ufffd"
    assert article.warnings == ("not valid UTF-16; 1 invalid byte sequence replaced with U+FFFD",)


@pytest.mark.parametrize(
    "text",
    [
        f"Astronaut {NAME} commanded Expedition 14.",
        "Lopez-Alegr\u00eda",
        "NASA\u2019s astronaut said \u201cwe\u2019re ready\u201d \u2013 and flew.",
        "Gr\u00fc\u00dfe aus M\u00fcnchen, sagte der Astronaut.",
    ],
)
def test_cp1252_is_decoded_with_a_warning(text):
    article = parse(text.encode("cp1252"))
    assert article.text == text
    assert article.warnings == ("not valid UTF-8; decoded as cp1252",)


def test_other_legacy_encoding_uses_best_guess():
    text = "\u042e\u0440\u0438\u0439 \u0413\u0430\u0433\u0430\u0440\u0438\u043d \u043f\u043e\u043b\u0435\u0442\u0435\u043b \u0432 \u043a\u043e\u0441\u043c\u043e\u0441 12 \u0430\u043f\u0440\u0435\u043b\u044f 1961 \u0433\u043e\u0434\u0430."  # noqa: E501
    article = parse(text.encode("cp1251"))
    assert article.text == text
    assert len(article.warnings) == 1
    assert article.warnings[0].startswith("not valid UTF-8; decoded as ")


def test_mostly_utf8_with_a_stray_byte_keeps_utf8():
    data = f"{NAME} flew on Discovery.".encode() + b" Then \xff it ended."
    article = parse(data)
    assert article.text == f"{NAME} flew on Discovery. Then \ufffd it ended."
    assert article.warnings == ("not valid UTF-8; 1 invalid byte sequence replaced with U+FFFD",)


def test_invalid_utf8_in_english_text_decodes_with_warning():
    article = parse(b"Plain English text with one bad byte \x92 here.")
    assert article.text == "Plain English text with one bad byte \u2019 here."
    assert article.warnings == ("not valid UTF-8; decoded as cp1252",)


def test_html_declared_charset_is_used():
    data = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
        b"</head><body><p>Prix: 5 \xa4</p></body></html>"
    )
    article = parse(data, "a.html")
    assert article.text == "Prix: 5 \u20ac"
    assert article.warnings == ("not valid UTF-8; decoded as iso8859_15 (declared by the page)",)


def test_html_declared_latin1_means_cp1252():
    data = b'<html><head><meta charset="ISO-8859-1"></head><body><p>\x93quoted\x94</p></body></html>'
    article = parse(data, "a.html")
    assert article.text == "\u201cquoted\u201d"
    assert article.warnings == ("not valid UTF-8; decoded as cp1252 (declared by the page)",)


# --- files ---------------------------------------------------------------------------


def test_read_article(tmp_path):
    path = tmp_path / "story.md"
    path.write_bytes(b"---\ntitle: T\n---\nBody text.\n")
    article = read_article(path)
    assert article.path == str(path)
    assert article.file_name == "story.md"
    assert article.title == "T"
    assert article.text == "Body text."


def test_read_article_keeps_path_as_given(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert read_article("./a.txt").path == "./a.txt"
    assert read_article(Path("a.txt")).path == "a.txt"


@pytest.mark.parametrize("name", ["quote \"double\" and 'single'.txt", "angle <Name>.txt", "new\nline.txt"])
def test_file_names_with_special_characters(tmp_path, name):
    path = tmp_path / name
    path.write_text("Text.", encoding="utf-8")
    article = read_article(path)
    assert article.file_name == name
    assert article.path == str(path)
    assert discover([tmp_path]) == [path]


def test_too_large_file_is_rejected_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # sparse: no need to write 20 MB

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(builtins, "open", no_open)
    with pytest.raises(InputError) as info:
        read_article(path)
    monkeypatch.undo()
    assert info.value.problem == "file is 20.0 MB; the limit is 5.0 MB (see --max-bytes)"
    assert str(info.value) == f"{path}: file is 20.0 MB; the limit is 5.0 MB (see --max-bytes)"


@pytest.mark.parametrize(
    ("size", "limit", "message"),
    [
        (2048, 1024, "file is 2.0 KB; the limit is 1.0 KB (see --max-bytes)"),
        (101, 100, "file is 101 bytes; the limit is 100 bytes (see --max-bytes)"),
        (1025, 1024, "file is 1025 bytes; the limit is 1024 bytes (see --max-bytes)"),
    ],
)
def test_max_bytes_messages(tmp_path, size, limit, message):
    path = tmp_path / "a.txt"
    path.write_bytes(b"a" * size)
    with pytest.raises(InputError) as info:
        read_article(path, max_bytes=limit)
    assert info.value.problem == message


def test_max_bytes_boundary_and_no_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"a" * 100)
    assert read_article(path, max_bytes=100).text == "a" * 100
    assert read_article(path, max_bytes=0).text == "a" * 100
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p, "no such file or folder"),
        (lambda p: (p.mkdir(), p)[1], "is a folder, not a file"),
        (lambda p: (p.write_bytes(b""), p)[1], "empty file"),
        (lambda p: (p.write_bytes(b"  \n\n "), p)[1], "no text"),
        (lambda p: (os.mkfifo(p), p)[1], "not a regular file"),
    ],
)
def test_read_article_errors(tmp_path, make, expected):
    path = make(tmp_path / "thing.txt")
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.problem == expected
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (IsADirectoryError(21, "Is a directory"), "is a folder, not a file"),
        (OSError(5, "Input/output error"), "cannot read: Input/output error"),
    ],
)
def test_os_errors_become_input_errors(tmp_path, monkeypatch, error, expected):
    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")

    def failing_open(*args, **kwargs):
        raise error

    monkeypatch.setattr(builtins, "open", failing_open)
    with pytest.raises(InputError) as info:
        read_article(path)
    monkeypatch.undo()
    assert info.value.problem == expected


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as info:
            read_article(path)
    finally:
        path.chmod(0o600)
    assert info.value.problem == "permission denied"


# --- discover --------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    files = [
        "b.txt", "a.md", "c.HTML", "notes.pdf", "image.png", ".hidden.txt",
        "sub/d.htm", "sub/deeper/e.markdown", "sub/deeper/f.text", "sub/.secret/g.txt", ".git/h.md",
    ]  # fmt: skip
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text", encoding="utf-8")


def test_discover_walks_folders(tmp_path):
    make_tree(tmp_path)
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.md", "b.txt", "c.HTML", "sub/d.htm", "sub/deeper/e.markdown", "sub/deeper/f.text",
    ]  # fmt: skip
    assert all(p.suffix.lower() in SUPPORTED_SUFFIXES for p in found)


def test_discover_takes_files_as_given_and_deduplicates(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    found = discover(["sub", "notes.pdf", ".hidden.txt", "sub/d.htm", "./sub/deeper/../d.htm", tmp_path / "b.txt"])
    assert [str(p) for p in found] == [  # sorted as text: "." < "/" < letters
        ".hidden.txt",
        str(tmp_path / "b.txt"),
        "notes.pdf",
        "sub/d.htm",
        "sub/deeper/e.markdown",
        "sub/deeper/f.text",
    ]


def test_discover_order_does_not_depend_on_argument_order(tmp_path):
    make_tree(tmp_path)
    args = [tmp_path / "sub", tmp_path / "b.txt", tmp_path / "a.md"]
    assert discover(args) == discover(list(reversed(args)))


def test_discover_skips_symlinked_folders_but_dedups_symlinked_files(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "link").symlink_to(tmp_path / "sub", target_is_directory=True)
    (tmp_path / "z.txt").symlink_to(tmp_path / "b.txt")
    names = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert "link/d.htm" not in names
    assert names.count("b.txt") == 1 and "z.txt" not in names


def test_discover_missing_path(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(InputError) as info:
        discover([tmp_path, missing])
    assert info.value.path == str(missing)
    assert info.value.problem == "no such file or folder"


def test_discover_unreadable_folder(tmp_path, monkeypatch):
    def walk(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(top)))
        return iter(())

    monkeypatch.setattr(os, "walk", walk)
    with pytest.raises(InputError) as info:
        discover([tmp_path])
    assert info.value.path == str(tmp_path)
    assert info.value.problem == "permission denied"


def test_discover_empty_folder(tmp_path):
    assert discover([tmp_path]) == []


# --- determinism and hashing ---------------------------------------------------------------


def test_same_bytes_same_article():
    data = f"{NAME} flew.\n\nSecond paragraph.".encode()
    first, second = parse(data), parse(data)
    assert first == second
    assert first.content_hash == "sha256:" + hashlib.sha256(first.text.encode("utf-8")).hexdigest()
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", first.content_hash)
    assert first.doc_id == first.content_hash[7:23]


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
def test_line_endings_do_not_change_the_hash(name):
    text = "<p>First line.\nSecond line.</p>\n\n<p>Next paragraph.</p>\n"
    lf = parse(text.encode(), name)
    crlf = parse(text.replace("\n", "\r\n").encode(), name)
    cr = parse(text.replace("\n", "\r").encode(), name)
    bom = parse(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), name)
    assert lf.content_hash == crlf.content_hash == cr.content_hash == bom.content_hash
    assert lf.text == crlf.text


def test_different_text_different_hash():
    assert parse("Kelly flew.").content_hash != parse("Kelly flies.").content_hash


def test_path_does_not_change_the_hash():
    assert parse("Same text.", "a/x.txt").content_hash == parse("Same text.", "b/y.text").content_hash


def test_normalise_text_is_idempotent():
    raw = " a\u00a0b\t c \r\n\r\n\r\n\u200bd\u2029e\x0c "
    once = normalise_text(raw)
    assert once == "a b  c\n\nd\n\ne"
    assert normalise_text(once) == once


@pytest.mark.parametrize(
    "unit", ["_a b ", "*a b ", "**a b ", "![a](b ", "<b x ", "<!-- x ", "<script> x ", "`` a ``` "]
)
def test_markdown_without_closing_delimiters_is_linear(unit):
    import time

    start = time.perf_counter()
    article = parse(unit * 20000, "a.md")
    assert time.perf_counter() - start < 2
    assert len(article.text) > 20000


def test_many_articles_are_fast():
    import time

    page = PAGE.encode()
    start = time.perf_counter()
    for i in range(500):
        parse(page + str(i).encode(), "page.html")
    assert time.perf_counter() - start < 10


def test_a_fault_while_analysing_one_article_spares_the_others(build_text, monkeypatch):
    from kg import pipeline

    real = pipeline.extract_article

    def flaky(article, doc):
        if article.file_name == "bad.txt":
            raise KeyError("boom")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    good = "Astronaut Wren Calloway-Ibsen landed in Kazakhstan on April 3, 2027.\n"
    result = build_text({"bad.txt": good.replace("Wren", "Ada"), "good.txt": good})
    assert [a.file_name for a in result.articles] == ["good.txt"]
    assert len(result.errors) == 1 and "bad.txt: could not be analysed (KeyError" in result.errors[0]


def test_the_build_restores_the_collectors_thresholds(build_text):
    import gc

    before = gc.get_threshold()
    build_text({"a.txt": "Astronaut Wren Calloway-Ibsen landed in Kazakhstan on April 3, 2027.\n"})
    assert gc.get_threshold() == before
