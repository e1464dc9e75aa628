"""Cardinal and ordinal numbers as news text writes them: "5,440", "143.8 million",
"twenty-one", "a dozen", "nearly 438", "21st".

The regex fragments ``APPROX_PATTERN`` and ``NUMBER_PATTERN`` are shared with
:mod:`kg.normalize.durations` so both modules agree on what a number looks like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["APPROX_PATTERN", "NUMBER_PATTERN", "Number", "clean_decimal", "parse_number", "parse_ordinal"]


@dataclass(frozen=True)
class Number:
    """A cardinal number, flagged when the text hedges it ("nearly 438")."""

    value: Decimal
    approximate: bool = False


_SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: dict[str, int] = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_FRACTIONS: dict[str, Decimal] = {
    "½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"),
    "⅓": Decimal(1) / Decimal(3), "⅔": Decimal(2) / Decimal(3),
}  # fmt: skip
_ORDINALS: dict[str, str] = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five",
    "sixth": "six", "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten",
    "eleventh": "eleven", "twelfth": "twelve", "thirteenth": "thirteen", "fourteenth": "fourteen",
    "fifteenth": "fifteen", "sixteenth": "sixteen", "seventeenth": "seventeen",
    "eighteenth": "eighteen", "nineteenth": "nineteen", "twentieth": "twenty", "thirtieth": "thirty",
    "fortieth": "forty", "fiftieth": "fifty", "sixtieth": "sixty", "seventieth": "seventy",
    "eightieth": "eighty", "ninetieth": "ninety", "hundredth": "hundred", "thousandth": "thousand",
    "millionth": "million", "billionth": "billion",
}  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so "seventeen" beats "seven"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_SEP = r"[\s\-\u2010\u2011]+"
_FRAC_CHARS = "".join(_FRACTIONS)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen"
_SMALL_WORD = _alternation(_SMALL)
# A scale word may carry the "and" of "one hundred and five" when a small number follows.
_SCALE_AND = rf"(?:hundred|thousand|million|billion|trillion)(?:{_SEP}and(?={_SEP}(?:{_SMALL_WORD})\b))?"
_WORD = rf"(?:{_SMALL_WORD}|{_SCALE_AND}|dozen)"

#: Words that hedge a number; the trailing space (or nothing, after "~") is part of it.
APPROX_PATTERN = (
    r"(?:\b(?:nearly|almost|about|around|roughly|approximately|some|over|more\s+than|less\s+than"
    r"|fewer\s+than|just\s+(?:over|under)|close\s+to|upwards\s+of|at\s+least|up\s+to"
    r"|an\s+estimated)\s+|~\s*)"
)

#: A cardinal in digits ("1,000", "3.5", "3½", "1.2 billion") or words
#: ("twenty-one", "one hundred and five", "a dozen", "six-and-a-half").  Case-insensitive.
#: At most eight number words, so a run of them cannot make matching quadratic.
NUMBER_PATTERN = (
    rf"(?:(?<![\w.,])(?:(?:{_DIGITS})[{_FRAC_CHARS}]?|[{_FRAC_CHARS}])"
    rf"(?:\s+(?:thousand|million|billion|trillion)\b)?"
    rf"|\b(?:an?{_SEP}(?=(?:{_SCALE_WORDS})\b))?{_WORD}(?:{_SEP}{_WORD}){{0,7}}\b"
    rf"(?:{_SEP}and{_SEP}an?{_SEP}half\b)?)"
)

_STRIP = " \t\n\r\u00a0\u202f\u2009.,;:!?\"'()[]\u2018\u2019\u201c\u201d"
_APPROX_RE = re.compile(rf"^{APPROX_PATTERN}", re.IGNORECASE)
_OR_SO_RE = re.compile(r"\s+or\s+so$", re.IGNORECASE)
_DIGIT_RE = re.compile(
    rf"(?P<sign>[-\u2212+])?(?P<num>{_DIGITS})?(?P<frac>[{_FRAC_CHARS}])?"
    rf"(?:\s*(?P<scale>{_SCALE_WORDS}))?",
    re.IGNORECASE,
)
_TOKEN_SPLIT_RE = re.compile(_SEP)
_ORDINAL_DIGITS_RE = re.compile(r"(\d+)\s?(?:st|nd|rd|th)", re.IGNORECASE)


def clean_decimal(value: Decimal) -> Decimal:
    """Drop meaningless trailing zeros: 143800000.0 -> 143800000, 5.440 -> 5.44."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _parse_digits(body: str) -> Decimal | None:
    """Digits with optional fraction character and scale word, or None."""
    m = _DIGIT_RE.fullmatch(body)
    if m is None or (m.group("num") is None and m.group("frac") is None):
        return None
    try:
        value = Decimal(m.group("num").replace(",", "")) if m.group("num") else Decimal(0)
    except InvalidOperation:
        return None
    if m.group("frac"):
        value += _FRACTIONS[m.group("frac")]
    scale = (m.group("scale") or "").lower()
    if scale == "hundred":
        value *= 100
    elif scale == "dozen":
        value *= 12
    elif scale:
        value *= _SCALES[scale]
    if m.group("sign") in ("-", "\u2212"):
        value = -value
    return value


def _parse_words(body: str) -> Decimal | None:
    """Spelled-out cardinals ("one hundred and five", "a dozen", "six and a half"), or None."""
    tokens = [t for t in _TOKEN_SPLIT_RE.split(body.lower()) if t]
    half = Decimal(0)
    if len(tokens) >= 3 and tokens[-3:-1] in (["and", "a"], ["and", "an"]) and tokens[-1] == "half":
        half, tokens = Decimal("0.5"), tokens[:-3]
    elif tokens in (["half"], ["a", "half"]):
        return Decimal("0.5")
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        if len(tokens) < 2 or tokens[1] not in ("hundred", "dozen", *_SCALES):
            return None
        tokens[0] = "one"
    total, current, last_scale, after_and = 0, 0, 10**15, False
    for i, tok in enumerate(tokens):
        if tok == "and":
            if i == 0 or tokens[i - 1] not in ("hundred", *_SCALES):
                return None  # "and" only joins "hundred and five", "thousand and one"
            after_and = True
            continue
        after_and = False
        if tok in _SMALL:
            v, low = _SMALL[tok], current % 100
            if not (low == 0 or (low >= 20 and low % 10 == 0 and v < 10)):
                return None
            current += v
        elif tok == "hundred":
            if not 0 < current < 100:
                return None
            current *= 100
        elif tok == "dozen":
            if current == 0:
                return None
            current *= 12
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if current == 0 or scale >= last_scale:
                return None
            total, current, last_scale = total + current * scale, 0, scale
        else:
            return None
    if after_and:
        return None
    return Decimal(total + current) + half


def parse_number(text: str) -> Number | None:
    """The cardinal a phrase states, with its hedge; None for ordinals, bare "a", or non-numbers."""
    if not isinstance(text, str):
        return None
    body = text.strip(_STRIP)
    approximate = False
    m = _APPROX_RE.match(body)
    if m is not None and m.end() < len(body):
        body, approximate = body[m.end() :].strip(_STRIP), True
    m = _OR_SO_RE.search(body)
    if m is not None:
        body, approximate = body[: m.start()], True
    if not body:
        return None
    value = _parse_digits(body) if body[0].isdigit() or body[0] in "-\u2212+" + _FRAC_CHARS else None
    if value is None:
        value = _parse_words(body)
    if value is None:
        return None
    return Number(clean_decimal(value), approximate)


def parse_ordinal(text: str) -> int | None:
    """The position an ordinal names: "first" -> 1, "twenty-first" -> 21, "21st" -> 21; else None."""
    if not isinstance(text, str):
        return None
    body = text.strip(_STRIP).lower()
    m = _ORDINAL_DIGITS_RE.fullmatch(body)
    if m is not None:
        return int(m.group(1))
    tokens = [t for t in _TOKEN_SPLIT_RE.split(body) if t]
    if not tokens or tokens[-1] not in _ORDINALS:
        return None
    cardinal = _ORDINALS[tokens[-1]]
    prefix = tokens[:-1] or (["one"] if cardinal in ("hundred", *_SCALES) else [])
    value = _parse_words(" ".join([*prefix, cardinal]))
    if value is None or value != value.to_integral_value():
        return None
    return int(value)
