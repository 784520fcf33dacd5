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

from warta.extract.tables import body_index, read_table, register_keywords, single_spaced, trie_pattern
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

# Bounded repeats keep every attempt short: "1.1.1.1…" thousands of times long must not go quadratic.
_NUM = r"(?:\d{1,30}(?:[.,]\d{1,30}){0,8})(?![0-9]|[.,][0-9]|/\d)"
_WORD = r"\b(?:" + trie_pattern(list(TABLES["number_words"])) + r")\b"
_SPELLED = rf"(?:{_WORD}(?:\s+{_WORD})*)"
NUMERAL = rf"(?:{_NUM}|(?i:{_SPELLED}))"
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?i:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\s+)"
_FULL_SCALES = [w for w in TABLES["scales"] if w not in TABLES["abbreviations"]]
_SCALE = (r"(?:(?i:" + trie_pattern(_FULL_SCALES) + r")(?:an)?(?![^\W\d_])"
          r"|(?:" + trie_pattern(sorted(TABLES["abbreviations"])) + r")(?![^\W\d_]))")
_PERCENT_WORDS = [w for w in TABLES["percent_words"] if w != "%"]
_PERCENT = r"(?:%|(?i:" + trie_pattern(_PERCENT_WORDS) + r")(?:(?=nya)|(?![^\W\d_])))"
_PREFIX = r"(?i:" + trie_pattern(list(TABLES["prefixes"])) + r")"
_SUFFIX = r"(?i:" + trie_pattern(list(TABLES["suffixes"])) + r")(?![^\W\d_])"
_UNIT = r"(?i:" + trie_pattern(list(TABLES["units"])) + r")(?![^\W\d_])"

FIGURE = re.compile(
    rf"(?<![^\s(\[{{\"“”‘’':;~≈±<>=+—–-])"  # starts a word: not "B20", "2.0.1" or mojibake "â¥77"
    rf"(?:(?P<prefix>{_PREFIX})\.?\s*)?"
    rf"(?P<low>{NUMERAL})(?:{_RANGE_SEP}(?P<high>{NUMERAL}))?"
    rf"(?:\s*(?P<scale>{_SCALE}))?"
    rf"(?:\s*(?P<percent>{_PERCENT})|\s+(?P<suffix>{_SUFFIX})|\s*(?P<unit>{_UNIT}))?"
)
# Fast scans that only say where a figure may start; FIGURE then reads it. Each begins with a
# literal or a character class, which lets `re` skip ahead instead of trying every position.
# A number and the word after it: a figure only when that word can follow an amount.
_AFTER_AMOUNT = {w.split()[0] for w in list(TABLES["scales"]) + _PERCENT_WORDS + list(TABLES["suffixes"])
                 + list(TABLES["units"]) + ["hingga", "sampai", "s/d", "s.d"]}
# Possessive repeats: none of the words after an amount starts with a digit, "." or "," (asserted
# below), so giving back digits, groups or spaces never makes a failed anchor match.
NUMBER_ANCHOR = re.compile(
    r"[0-9]{1,30}+(?:[.,][0-9]{1,30}+){0,8}+\s*+(?:%|[-–—]\s*[0-9]|"
    + trie_pattern(sorted({form for w in _AFTER_AMOUNT for form in (w, w.casefold(), w.capitalize(), w.upper())}))
    + ")")
assert not any(w[:1].isdigit() or w[:1] in ".," or w[:1].isspace() for w in _AFTER_AMOUNT)
_PREFIX_FORMS = sorted({form for r in read_table("currencies") if r["position"] == "prefix"
                        for form in (r["surface"], r["surface"].upper())})
PREFIX_ANCHOR = re.compile(trie_pattern(_PREFIX_FORMS) + r"\.?\s*[0-9a-z]")
# A currency sign is found with str.find, and a written code ("Rp", "USD") in the body index; the
# letters before a sign ("US$", "HK$") are at most this many.
CURRENCY_SIGNS = "".join(sorted({ch for form in _PREFIX_FORMS for ch in form if not ch.isalnum()}))
SIGN_LEAD = max(len(form) - 1 for form in _PREFIX_FORMS if not form.isalnum())
_PREFIX_WORDS = frozenset(form.casefold() for form in _PREFIX_FORMS if form.isalnum())
SPELLED_BEFORE = re.compile(rf"(?<![^\W\d_]){_SPELLED}(?:\s+(?:{trie_pattern(_FULL_SCALES)}))?\s+$")
# spelled-out amounts are looked for before these words only: "lima persen", "dua juta rupiah"
SPELLED_TAILS = ("persen", "rupiah", "dolar", "dollar", "euro", "yuan", "yen", "ringgit")
# "persennya" is the one longer word a tail starts that can still end a figure (see _PERCENT)
_TAIL_WORDS = frozenset((*SPELLED_TAILS, "persennya"))
register_keywords([*_PREFIX_WORDS, *_TAIL_WORDS])
APPROXIMATOR_ENDINGS = tuple({phrase.split()[-1] for phrase in TABLES["approximators"]})
_TIME_WORDS = re.compile(r"(?i:\b(?:pukul|jam|pkl)\.?\s*)$")
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


def scale_of(word: str | None) -> int:
    if not word:
        return 1
    if word in TABLES["abbreviations"]:
        return TABLES["scales"][word]
    folded = word.casefold()
    if folded not in TABLES["scales_folded"] and folded.endswith("an"):
        folded = folded[:-2]  # "jutaan", "miliaran"
    return TABLES["scales_folded"].get(folded, 1)


def plain_number(value: Decimal) -> int | float | None:
    """An int when whole, else a float; None when it does not fit a float."""
    as_float = float(value)
    if not math.isfinite(as_float):
        return None
    return int(value) if value == value.to_integral_value() and abs(as_float) < 2**63 else as_float


def is_approximate(before: str) -> bool:
    """True when the text right before a figure ends with an approximator ("sekitar", "lebih dari")."""
    tail = before[-40:].rstrip(" \t\n(").casefold()
    if not tail.endswith(APPROXIMATOR_ENDINGS):  # a cheap test first: most figures have no qualifier
        return False
    tail = single_spaced(tail)
    for phrase in TABLES["approximators"]:
        if tail.endswith(phrase):
            cut = len(tail) - len(phrase)
            if cut == 0 or not tail[cut - 1].isalnum():
                return True
    return False


def amount_end(match: re.Match[str]) -> int:
    """Where the number and its scale word end (the text of a money figure with a currency sign)."""
    return max(match.end(group) for group in ("low", "high", "scale") if match.group(group))


_PREFIXES, _SUFFIXES, _UNITS = TABLES["prefixes"], TABLES["suffixes"], TABLES["units"]


def figure_from_match(match: re.Match[str], body: str) -> dict[str, Any] | None:
    """The figure a FIGURE match stands for, or None when it is only a number."""
    prefix, low_text, high_text, scale, percent, suffix, unit_word = match.group(
        "prefix", "low", "high", "scale", "percent", "suffix", "unit")
    if prefix:
        # amount_end(match), from the groups already read
        end = max(match.end(group) for group, text in (("low", low_text), ("high", high_text), ("scale", scale)) if text)
        kind, unit = "money", _PREFIXES[prefix.casefold()]
    elif suffix:
        kind, unit, end = "money", _SUFFIXES[single_spaced(suffix.casefold())], match.end()
    elif percent:
        kind, unit, end = "percent", "%", match.end()
    elif unit_word:
        kind, unit, end = "quantity", _UNITS[single_spaced(unit_word.casefold())], match.end()
    else:
        return None
    if kind != "money" and scale and len(scale) == 1:
        return None  # "5 M" or "2 T" without a currency: Masehi, metres, a grade
    start = match.start()
    before = body[max(0, start - 8):start].lower()
    if ("jam" in before or "pukul" in before or "pkl" in before) and _TIME_WORDS.search(
            body, max(0, start - 8), start):
        return None
    low = parse_numeral(low_text)
    if low is None:
        return None
    multiplier = scale_of(scale) if kind != "percent" else 1
    value = plain_number(low * multiplier)
    if value is None:
        return None
    figure: dict[str, Any] = {
        "text": body[start:end], "kind": kind, "value": value, "unit": unit,
        "approximate": is_approximate(body[max(0, start - 40):start]), "start": start, "end": end,
    }
    if high_text:
        high = parse_numeral(high_text)
        high_value = plain_number(high * multiplier) if high is not None else None
        if high_value is None:
            return None
        figure["value_max"] = high_value
    return figure


def same_length_lower(text: str) -> str:
    """`text` lowercased without changing any offset (a few letters, like "İ", grow when lowercased)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def spelled_starts(body: str) -> Iterator[int]:
    """Where a spelled-out amount before "persen" or a currency word begins ("dua juta rupiah")."""
    tails = body_index(body).starts(_TAIL_WORDS)
    if not tails:
        return
    lowered = same_length_lower(body)
    for at in tails:
        words = lowered[max(0, at - 24):at].split()[-2:]
        if any(word in TABLES["number_words"] for word in words):  # cheap test before the regex
            before = SPELLED_BEFORE.search(lowered, max(0, at - 60), at)
            if before:
                yield before.start()


def prefix_starts(body: str) -> Iterator[int]:
    """Where a currency sign or code right before an amount begins ("Rp13,2", "US$ 5")."""
    places = body_index(body).starts(_PREFIX_WORDS)
    for sign in CURRENCY_SIGNS:
        at = body.find(sign)
        while at != -1:
            places.extend(range(max(0, at - SIGN_LEAD), at + 1))
            at = body.find(sign, at + 1)
    for at in sorted(set(places)):
        if PREFIX_ANCHOR.match(body, at):
            yield at


def anchor_starts(pattern: re.Pattern[str], body: str, places: Iterable[int]) -> Iterator[int]:
    """Where `pattern` matches, trying only `places` (sorted) and skipping overlaps, as finditer would."""
    covered = 0
    for at in places:
        if at >= covered and (match := pattern.match(body, at)):
            covered = match.end()
            yield at


def candidate_starts(body: str) -> list[int]:
    starts = set(anchor_starts(NUMBER_ANCHOR, body, body_index(body).digit_runs))
    starts.update(prefix_starts(body))
    starts.update(spelled_starts(body))
    return sorted(starts)


def find_figures(body: str) -> list[dict[str, Any]]:
    """Every money, percent and quantity figure in `body`, in text order."""
    figures: list[dict[str, Any]] = []
    covered = 0
    for start in candidate_starts(body):
        if start < covered:
            continue
        match = FIGURE.match(body, start)
        if match is None:
            continue
        figure = figure_from_match(match, body)
        if figure is not None:
            figures.append(figure)
            covered = match.end()
    return figures


@register_stage("figures")
class FiguresStage:
    """Fills `article.figures` from `article.body`."""

    name = "figures"

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            doc.figures = find_figures(doc.body or "")
            yield doc
