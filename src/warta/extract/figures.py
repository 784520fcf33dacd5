"""Stage "figures": money, percentages and quantities in the body, with normalised values.

Each figure is `{text, kind, value, unit, approximate, start, end}` with `kind` money | percent |
quantity and offsets into `article.body`. Conventions:

- Numbers are Indonesian: a comma is the decimal mark and a dot groups thousands ("1.500" = 1500,
  "13,2" = 13.2). A single dot followed by one or two digits is a decimal ("20.8 juta"); anything
  else that does not parse ("2.0.1") is not a figure.
- `text` runs from the currency sign or the number through the scale word, currency word, % sign
  or unit; qualifiers ("sekitar", "per bulan") stay outside.
- A range is one figure ("Rp5-10 juta", "3 hingga 5 persen"): `value` is the lower bound and the
  extra key `value_max` the upper one.
- `unit` is an ISO 4217 code for money, "%" for percentages, the unit word's canonical form for
  quantities. For percentages `value` is the number itself (4,28 persen -> 4.28).
- `approximate` is true only when a phrase of data/approximators.tsv comes right before the
  figure (an opening parenthesis may sit between): "sekitar Rp13,2 triliun", "(sekitar Rp13,2 triliun)".

Word lists live in data/*.tsv, one table each.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from warta.extract.figure_scan import FigureReader, FigureScanner, Qualifiers, scaled_number
from warta.extract.tables import read_table, single_spaced, trie_pattern
from warta.pipeline import register_stage
from warta.record import Article
from warta.report import RunReport


def _build_tables() -> dict[str, Any]:
    scales = {r["word"]: int(r["multiplier"]) for r in read_table("scale_words")}
    abbreviations = {r["word"] for r in read_table("scale_words") if r["abbreviation"] == "yes"}
    currencies = read_table("currencies")
    return {
        "scales": scales,
        "scales_folded": {w.casefold(): m for w, m in scales.items() if w not in abbreviations},
        "abbreviations": abbreviations,
        "prefixes": {r["surface"].casefold(): r["code"] for r in currencies if r["position"] == "prefix"},
        "suffixes": {r["surface"].casefold(): r["code"] for r in currencies if r["position"] == "suffix"},
        "units": {r["surface"].casefold(): r["unit"] for r in read_table("units")},
        "number_words": {r["word"]: (Decimal(r["value"]), r["kind"]) for r in read_table("number_words")},
        "approximators": [r["phrase"].casefold() for r in read_table("approximators")],
        "percent_words": [r["surface"] for r in read_table("percent_words")],
    }


TABLES = _build_tables()

# (?i) matches an ASCII letter in either case and these four non-ASCII letters for some: "İ", "ı", "ſ", "K".
_CASE_RELATIVES = "\u0130\u0131\u017f\u212a"


def letter_class(letter: str) -> str:
    """A class of the characters (?i) matches `letter` with ("k" -> "[Kk\u212a]")."""
    forms = {letter.lower(), letter.upper()} | {ch for ch in _CASE_RELATIVES if re.fullmatch(f"(?i:{letter})", ch)}
    return "[" + "".join(sorted(forms)) + "]"


def caseless(pattern: str) -> str:
    """`pattern` (no classes, no flags) made to match as under (?i), each ASCII letter as a class of its cases.

    `re` tries a case-insensitive alternative in full, where a class lets it pass over an alternative
    whose first character does not match: the word lists below match several times faster.
    """
    if any(not ch.isascii() and ch.lower() != ch.upper() for ch in pattern):
        raise ValueError(f"only ASCII letters are made caseless: {pattern!r}")
    return re.sub(r"\\.|[A-Za-z]", lambda m: m.group() if m.group()[0] == "\\" else letter_class(m.group()), pattern)


def without_repeats(pattern: str) -> str:
    """`pattern` (no classes) with each optional group `(?:X)?` written `(?:X|)`: the same matches, found faster.

    `re` sets up a repeat, on the heap, for each `?` group it enters; an empty alternative costs nothing.
    """
    return re.sub(r"\\.|\)\?", lambda m: "|)" if m.group() == ")?" else m.group(), pattern)


def word_pattern(words: list[str], *, caseless_match: bool = True) -> str:
    """trie_pattern(words), case-insensitive unless told otherwise, written to match fast."""
    pattern = trie_pattern(words)
    return without_repeats(caseless(pattern) if caseless_match else pattern)


# Bounded repeats keep every attempt short: "1.1.1.1…" thousands of times long must not go quadratic.
_NUM = r"(?:\d{1,30}(?:[.,]\d{1,30}){0,8})(?![0-9]|[.,][0-9]|/\d)"
_WORD = r"\b(?:" + trie_pattern(list(TABLES["number_words"])) + r")\b"
_SPELLED = rf"(?:{_WORD}(?:\s+{_WORD})*)"
NUMERAL = rf"(?:{_NUM}|(?i:{_SPELLED}))"
# NUMERAL written to match fast, as the word lists below are: the {0,8} groups nested as (?:X|).
_FAST_NUM = r"(?:\d{1,30}" + r"(?:[.,]\d{1,30}" * 8 + "|)" * 8 + r")(?![0-9]|[.,][0-9]|/\d)"
_FAST_WORD = r"\b(?:" + word_pattern(list(TABLES["number_words"])) + r")\b"
_FAST_NUMERAL = rf"(?:{_FAST_NUM}|(?:{_FAST_WORD}(?:\s+{_FAST_WORD})*))"
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+" + without_repeats(caseless(r"(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)")) + r"\s+)"
_FULL_SCALES = [w for w in TABLES["scales"] if w not in TABLES["abbreviations"]]
_SCALE = ("(?:" + word_pattern(_FULL_SCALES) + r"(?:an|)(?![^\W\d_])"
          r"|(?:" + word_pattern(sorted(TABLES["abbreviations"]), caseless_match=False) + r")(?![^\W\d_]))")
_PERCENT_WORDS = [w for w in TABLES["percent_words"] if w != "%"]
_PERCENT = r"(?:%|" + word_pattern(_PERCENT_WORDS) + r"(?:(?=nya)|(?![^\W\d_])))"
_PREFIX = word_pattern(list(TABLES["prefixes"]))
_SUFFIX = word_pattern(list(TABLES["suffixes"])) + r"(?![^\W\d_])"
_UNIT = word_pattern(list(TABLES["units"])) + r"(?![^\W\d_])"

# Every part after the first number is optional, written (?:X|) (see without_repeats).
FIGURE = re.compile(
    rf"(?<![^\s(\[{{\"“”‘’':;~≈±<>=+—–-])"  # starts a word: not "B20", "2.0.1" or mojibake "â¥77"
    rf"(?:(?P<prefix>{_PREFIX})\.?\s*|)"
    rf"(?P<low>{_FAST_NUMERAL})(?:{_RANGE_SEP}(?P<high>{_FAST_NUMERAL})|)"
    rf"(?:\s*(?P<scale>{_SCALE})|)"
    rf"(?:\s*(?P<percent>{_PERCENT})|\s+(?P<suffix>{_SUFFIX})|\s*(?P<unit>{_UNIT})|)"
)
# Where a figure may start: FIGURE then reads it from there. A body is scanned once, in compiled code
# (figure_scan.pyx), for the numbers followed by something that can follow an amount, the currency
# signs and codes right before an amount, and the words a spelled-out amount comes before.
# A number and the word after it, spelled as listed: a figure only when that word can follow an amount.
_AFTER_AMOUNT = {w.split()[0] for w in list(TABLES["scales"]) + _PERCENT_WORDS + list(TABLES["suffixes"])
                 + list(TABLES["units"]) + ["hingga", "sampai", "s/d", "s.d"]}
_ANCHOR_WORDS = sorted({form for w in _AFTER_AMOUNT for form in (w, w.casefold(), w.capitalize(), w.upper())})
# The words of _RANGE_SEP, spelled as the letters they start with are read ("s.d" -> "s", "sd").
_RANGE_WORDS = ("hingga", "sampai", "s.d", "sd", "s/d")


def leading_letters(word: str) -> str:
    """The run of ASCII letters `word` starts with, lower-cased ("m2" -> "m", "dolar AS" -> "dolar")."""
    return re.match(r"[a-z]*", word.casefold()).group()


# What FIGURE can read after a number, as the letters each word starts with: a number followed by
# any other word is never a figure ("5 hari", "2025 tentang"), nor is one followed by a scale word
# and then any other ("5 juta penerima"), so neither is tried. A percent word may run into "nya".
_AMOUNT_RUNS = {leading_letters(w) for w in [*_PERCENT_WORDS, *TABLES["suffixes"], *TABLES["units"], *_RANGE_WORDS]}
_AMOUNT_PREFIXES = {w + "nya" for w in _PERCENT_WORDS if w.isalpha()}
_SCALE_RUNS = {leading_letters(w) for w in [*TABLES["scales"], *(w + "an" for w in _FULL_SCALES)]}
# The currency prefixes as spelled ("Rp", "RP", "US$"): the scanner tries them after their signs and
# where a code ("rp", "usd") is a whole word, whatever its case.
_PREFIX_FORMS = sorted({form for r in read_table("currencies") if r["position"] == "prefix"
                        for form in (r["surface"], r["surface"].upper())})
SPELLED_BEFORE = re.compile(rf"(?<![^\W\d_]){_SPELLED}(?:\s+(?:{trie_pattern(_FULL_SCALES)}))?\s+$")
# spelled-out amounts are looked for before these words only: "lima persen", "dua juta rupiah"
SPELLED_TAILS = ("persen", "rupiah", "dolar", "dollar", "euro", "yuan", "yen", "ringgit")
# "persennya" is the one longer word a tail starts that can still end a figure (see _PERCENT)
_TAIL_WORDS = frozenset((*SPELLED_TAILS, "persennya"))
SCANNER = FigureScanner(_ANCHOR_WORDS, _AMOUNT_RUNS, _AMOUNT_PREFIXES, _SCALE_RUNS, _PREFIX_FORMS, _TAIL_WORDS)
APPROXIMATOR_ENDINGS = tuple({phrase.split()[-1] for phrase in TABLES["approximators"]})
_TIME_WORDS = re.compile(r"(?i:\b(?:pukul|jam|pkl)\.?\s*)$")
# Cheap tests first: most figures follow neither a time word nor an approximator.
QUALIFIERS = Qualifiers(("pukul", "jam", "pkl"), 8, APPROXIMATOR_ENDINGS, 40, " \t\n(")
_INDONESIAN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_INDONESIAN_FULL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_ENGLISH_FULL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")
_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")
_COMMA_DECIMAL = re.compile(r"\d+,\d+")


def parse_number(text: str) -> Decimal | None:
    """An Indonesian-written number: "1.500" -> 1500, "13,2" -> 13.2, "2.0.1" -> None."""
    if text.isdigit():
        return Decimal(text)
    if _INDONESIAN_THOUSANDS.fullmatch(text):
        return Decimal(text.replace(".", ""))
    if _COMMA_DECIMAL.fullmatch(text) or _DOT_DECIMAL.fullmatch(text):
        return Decimal(text.replace(",", "."))
    if _INDONESIAN_FULL.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _ENGLISH_THOUSANDS.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _ENGLISH_FULL.fullmatch(text):
        return Decimal(text.replace(",", ""))
    return None


def parse_number_words(text: str) -> Decimal | None:
    """Spelled-out numbers: "dua puluh lima" -> 25, "seratus dua" -> 102, "satu setengah" -> 1.5."""
    total, pending = Decimal(0), Decimal(0)
    for word in text.casefold().split():
        entry = TABLES["number_words"].get(word)
        if entry is None:
            return None
        value, kind = entry
        if kind == "digit":
            pending += value
        elif kind == "teen":
            pending += value
        elif kind in ("tens", "hundreds"):
            if pending == 0:
                return None
            total, pending = total + pending * value, Decimal(0)
        else:  # a whole word value: sepuluh, seratus, setengah
            total += value
    return total + pending


def parse_numeral(text: str) -> Decimal | None:
    return parse_number(text) if text[:1].isdigit() else parse_number_words(text)


def plain_number(value: Decimal) -> int | float | None:
    """An int when whole, else a float; None when it does not fit a float."""
    as_float = float(value)
    if not math.isfinite(as_float):
        return None
    return int(value) if value == value.to_integral_value() and abs(as_float) < 2**63 else as_float


def decimal_amount(text: str, multiplier: int) -> int | float | None:
    """plain_number(parse_numeral(text) * multiplier), in Decimal arithmetic."""
    number = parse_numeral(text)
    return None if number is None else plain_number(number * multiplier)


def amount(text: str, multiplier: int) -> int | float | None:
    """decimal_amount(text, multiplier): in integers for a number in ASCII digits (most are)."""
    value = scaled_number(text, multiplier)
    return decimal_amount(text, multiplier) if value is None else value  # spelled out, other digits, malformed or long


def after_time_word(body: str, start: int) -> bool:
    """True when a time word ("pukul", "jam") comes right before `start`: "pukul 10.00" is no figure."""
    return _TIME_WORDS.search(body, max(0, start - 8), start) is not None


READER = FigureReader(FIGURE.match, TABLES["prefixes"], TABLES["suffixes"], TABLES["units"], TABLES["scales"],
                      TABLES["scales_folded"], TABLES["abbreviations"], QUALIFIERS, single_spaced, after_time_word,
                      decimal_amount, TABLES["approximators"], APPROXIMATOR_ENDINGS)
figure_from_match = READER.figure  # (match, body): the figure a FIGURE match stands for, or None when it is only a number
is_approximate = READER.is_approximate  # (text before a figure): does it end with an approximator ("sekitar")?


def same_length_lower(text: str) -> str:
    """`text` lowercased without changing any offset (a few letters, like "İ", grow when lowercased)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def spelled_starts(body: str, tails: list[int]) -> Iterator[int]:
    """Where a spelled-out amount before a tail word (`tails`: "persen", "rupiah"...) begins ("dua juta rupiah")."""
    for at in tails:
        words = same_length_lower(body[max(0, at - 24):at]).split()[-2:]
        if any(word in TABLES["number_words"] for word in words):  # cheap test before the regex
            # the window and the one character before it, which SPELLED_BEFORE looks behind at
            lead = max(0, at - 61)
            before = SPELLED_BEFORE.search(same_length_lower(body[lead:at]), max(0, at - 60) - lead)
            if before:
                yield lead + before.start()


def candidate_starts(body: str) -> list[int]:
    starts, tails = SCANNER.scan(body)
    spelled = list(spelled_starts(body, tails)) if tails else []
    return sorted({*starts, *spelled}) if spelled else starts


def find_figures(body: str) -> list[dict[str, Any]]:
    """Every money, percent and quantity figure in `body`, in text order."""
    return READER.read(body, candidate_starts(body))


@register_stage("figures")
class FiguresStage:
    """Fills `article.figures` from `article.body`."""

    name = "figures"

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            doc.figures = find_figures(doc.body or "")
            yield doc
