"""Files in, :class:`~kg.types.Article` out.

``discover`` turns command-line paths into a sorted list of files;
``read_article`` reads one of them (size checked before reading) and
``parse_article_bytes`` does the rest: decode, pick the media type, strip
markup (HTML via :mod:`kg._html`, Markdown via :mod:`kg._markdown`) and
normalise the text.  Every problem with an input file is an
:class:`~kg.errors.InputError` with a one-line message.

Decoding policy: a byte-order mark decides the encoding (UTF-8, UTF-16, UTF-32).
Otherwise UTF-8 is tried strictly.  Text that is not valid UTF-8 is still
accepted, with a warning in ``Article.warnings``:

* mostly UTF-8 with a few bad bytes (at least as many valid multi-byte
  characters as invalid sequences): decoded as UTF-8, bad bytes become U+FFFD;
* an HTML page that declares its charset: that charset, if the bytes fit it;
* anything else: charset-normalizer's best guess, preferring cp1252 when it
  explains the bytes equally well (short Western texts are otherwise often
  guessed as exotic code pages).

Only when no encoding fits is the file rejected ("cannot decode text: ...").
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePath

from kg._html import html_to_text, leading_iso_date
from kg._markdown import markdown_to_text
from kg.errors import InputError
from kg.types import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "discover",
    "normalise_text",
    "parse_article_bytes",
    "read_article",
]

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

HTML, MARKDOWN, PLAIN = "text/html", "text/markdown", "text/plain"
_BY_SUFFIX = {".html": HTML, ".htm": HTML, ".md": MARKDOWN, ".markdown": MARKDOWN}
_MEDIA_TYPES = (HTML, MARKDOWN, PLAIN)

# --- discovery ---------------------------------------------------------------


def discover(paths: Sequence[str | Path]) -> list[Path]:
    """The files to build from: files as given, folders walked for supported suffixes.

    Hidden files and folders (name starting with ".") inside a folder are skipped and
    symbolic links to folders are not followed.  The result is sorted by path and has
    no two entries for the same file, so the build order does not depend on the
    order of the arguments or of the file system.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if not os.path.exists(path):
            raise InputError(str(given), "no such file or folder")
        if path.is_dir():
            found.extend(_walk(path))
        else:
            found.append(path)
    unique: dict[str, Path] = {}
    for path in sorted(found, key=lambda p: p.as_posix()):
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def _walk(folder: Path) -> list[Path]:
    def fail(error: OSError) -> None:
        raise InputError(str(error.filename or folder), _os_problem(error))

    files = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=fail):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(SUPPORTED_SUFFIXES):
                files.append(Path(dirpath, name))
    return files


# --- reading -----------------------------------------------------------------


def read_article(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and parse one article file.  ``max_bytes <= 0`` means no size limit."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file")
        if 0 < max_bytes < info.st_size:
            raise InputError(name, _too_large(info.st_size, max_bytes))
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1) if max_bytes > 0 else handle.read()
    except OSError as error:
        raise InputError(name, _os_problem(error)) from None
    if 0 < max_bytes < len(data):  # the file grew after stat()
        raise InputError(name, _too_large(len(data), max_bytes))
    return parse_article_bytes(data, path=name)


def _os_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot read: {error.strerror or error}".replace("\n", " ")


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _too_large(size: int, limit: int) -> str:
    shown, limit_shown = _size(size), _size(limit)
    if shown == limit_shown:
        shown, limit_shown = f"{size} bytes", f"{limit} bytes"
    return f"file is {shown}; the limit is {limit_shown} (see --max-bytes)"


# --- parsing -----------------------------------------------------------------


def parse_article_bytes(data: bytes, *, path: str, media_type: str | None = None) -> Article:
    """Decode, strip markup and normalise one article given as bytes.

    ``media_type`` is text/plain, text/markdown or text/html (parameters such as
    ``; charset=...`` are ignored); None picks it from the suffix of ``path`` and,
    for text/plain, from the content (a page starting ``<!doctype html`` or
    ``<html`` is HTML).
    """
    path = os.fspath(path)
    if media_type is not None:
        media_type = media_type.split(";", 1)[0].strip().lower()
        if media_type not in _MEDIA_TYPES:
            raise ValueError(f"unsupported media type {media_type!r}; use one of {', '.join(_MEDIA_TYPES)}")
    if not data:
        raise InputError(path, "empty file")
    suffix_type = _BY_SUFFIX.get(PurePath(path).suffix.lower(), PLAIN)
    text, warnings = _decode(data, path, maybe_html=(media_type or suffix_type) == HTML or _looks_html(data))
    if media_type is None:
        media_type = HTML if suffix_type == PLAIN and _looks_html(text) else suffix_type
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    title: str | None = None
    published: date | None = None
    if media_type == HTML:
        body, title, published = html_to_text(text)
    elif media_type == MARKDOWN:
        body, title, published = markdown_to_text(text)
    else:
        body = text
    body = normalise_text(body)
    if not body:
        raise InputError(path, "no text")
    if published is None and media_type != HTML:
        published = _date_line(body)
    if title is not None:
        title = normalise_text(title).replace("\n", " ") or None
    return Article(
        path=path,
        file_name=PurePath(path).name,
        text=body,
        content_hash="sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest(),
        media_type=media_type,
        title=title,
        published=published,
        warnings=tuple(warnings),
    )


_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.I)
_HTML_START_BYTES = re.compile(rb"\s*<(?:!doctype\s+html|html[\s>])", re.I)
_DATE_LINE = re.compile(r"(?:published|date)[ \t]*:[ \t]*(\d{4}-\d{2}-\d{2})", re.I)


def _looks_html(content: str | bytes) -> bool:
    if isinstance(content, bytes):
        return _HTML_START_BYTES.match(content, 0, 512) is not None
    return _HTML_START.match(content, 0, 512) is not None


def _date_line(text: str) -> date | None:
    """``Date: 2016-03-01`` or ``Published: 2016-03-01`` in the first three lines."""
    for line in [line for line in text.split("\n", 20) if line.strip()][:3]:
        m = _DATE_LINE.match(line.strip())
        if m:
            return leading_iso_date(m[1])
    return None


# --- decoding ----------------------------------------------------------------

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_MAGIC = (  # common binary formats that may not contain NUL early on
    b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04",
    b"\x1f\x8b", b"\x7fELF", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"BZh91AY&SY", b"\xfd7zXZ\x00",
)  # fmt: skip
# C0 control bytes that never occur in text (TAB, LF, VT, FF, CR, ESC and SUB excluded).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1A), *range(0x1C, 0x20), 0x7F])
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f\x7f-\x84\x86-\x9f\ufffd]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Labels that browsers read as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"ascii", "latin_1", "iso8859_1", "cp1252"})
_BINARY = "binary file, not text"


def _decode(data: bytes, path: str, *, maybe_html: bool) -> tuple[str, list[str]]:
    warnings: list[str] = []
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if codec == "utf-8":
                data = body
                break
            text = body.decode(codec, errors="replace")
            bad = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
            if bad:
                warnings.append(f"not valid {label}; {_plural(bad, 'invalid byte sequence')} replaced with U+FFFD")
            _check_text(text, path)
            return text, warnings
    if data.startswith(_MAGIC):
        raise InputError(path, _BINARY)
    if b"\x00" in data:
        utf16, codec = _bomless_utf16(data)
        if utf16 is None:
            raise InputError(path, _BINARY)
        warnings.append(f"no byte-order mark; decoded as {codec}")
        _check_text(utf16, path)
        return utf16, warnings
    if len(data) - len(data.translate(None, _CONTROL_BYTES)) > 2 + 0.05 * len(data):
        raise InputError(path, _BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_text(text, path)
        return text, warnings
    text, note = _decode_non_utf8(data, path, maybe_html=maybe_html)
    warnings.append(f"not valid UTF-8; {note}")
    _check_text(text, path)
    return text, warnings


def _decode_non_utf8(data: bytes, path: str, *, maybe_html: bool) -> tuple[str, str]:
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid_multibyte = len(re.findall("[^\x00-\x7f\ufffd]", lenient))
    if 0 < invalid <= valid_multibyte:
        return lenient, f"{_plural(invalid, 'invalid byte sequence')} replaced with U+FFFD"
    if maybe_html:
        m = _META_CHARSET.search(data, 0, 4096)
        if m:
            try:
                name = codecs.lookup(m[1].decode("ascii")).name.replace("-", "_")
                if name in _AS_CP1252:
                    name = "cp1252"
                if name != "utf_8":
                    return data.decode(name), f"decoded as {name} (declared by the page)"
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes  # imported lazily: rarely needed, slow to import

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(path, "cannot decode text: not UTF-8, and no other text encoding fits")
    best = matches[0]
    # On short texts the scores of equally clean decodings differ by noise: prefer cp1252,
    # the usual legacy encoding of English news, when it is about as good as the best.
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + 0.01
            and match.coherence >= best.coherence - 0.1
        ):
            try:
                return data.decode("cp1252"), "decoded as cp1252"
            except UnicodeDecodeError:
                break
    return str(best), f"decoded as {best.encoding}"


def _bomless_utf16(data: bytes) -> tuple[str | None, str]:
    """UTF-16 without a byte-order mark: mostly-ASCII text has NUL in every other byte."""
    if len(data) % 2 or len(data) < 4:
        return None, ""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if other == 0 and zeros >= half * 0.5:
            try:
                return data.decode(codec), codec.upper()
            except UnicodeDecodeError:
                return None, ""
    return None, ""


def _check_text(text: str, path: str) -> None:
    if len(_BAD_CHARS.findall(text)) > 2 + 0.05 * len(text):
        raise InputError(path, _BINARY)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# --- normalisation -----------------------------------------------------------

_TO_NEWLINE = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """The normal form of every article text.

    CR/CRLF, VT, FF, NEL and U+2028 become LF, U+2029 a blank line; TAB and
    Unicode spaces become a space; other control characters, soft hyphens and
    zero-width characters are removed; then NFC, no trailing spaces, at most one
    blank line in a row, no leading or trailing whitespace.  Quotes, apostrophes
    and dashes are kept as they are.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    text = _TO_NEWLINE.sub("\n", text)
    text = _SPACES.sub(" ", text.replace("\t", " "))
    text = _INVISIBLE.sub("", _CONTROLS.sub("", text))
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
