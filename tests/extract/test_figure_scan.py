"""The compiled figure scanner and the fast spellings of the figure patterns, checked against `re` definitions."""
from __future__ import annotations

import random
import re
import string

import pytest

import warta.extract.figures as F
from warta.extract.figure_scan import scaled_number
from warta.extract.tables import single_spaced, trie_pattern

# The figure pattern as plainly written, with (?i) and `?` groups: FIGURE must match as it does.
_ORIGINAL_RANGE = r"(?:\s*[-–—]\s*|\s+(?i:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\s+)"
_ORIGINAL_SCALE = (r"(?:(?i:" + trie_pattern(F._FULL_SCALES) + r")(?:an)?(?![^\W\d_])"
                   r"|(?:" + trie_pattern(sorted(F.TABLES["abbreviations"])) + r")(?![^\W\d_]))")
ORIGINAL_FIGURE = re.compile(
    r"(?<![^\s(\[{\"“”‘’':;~≈±<>=+—–-])"
    rf"(?:(?P<prefix>(?i:{trie_pattern(list(F.TABLES['prefixes']))}))\.?\s*)?"
    rf"(?P<low>{F.NUMERAL})(?:{_ORIGINAL_RANGE}(?P<high>{F.NUMERAL}))?"
    rf"(?:\s*(?P<scale>{_ORIGINAL_SCALE}))?"
    rf"(?:\s*(?P<percent>(?:%|(?i:{trie_pattern(F._PERCENT_WORDS)})(?:(?=nya)|(?![^\W\d_]))))"
    rf"|\s+(?P<suffix>(?i:{trie_pattern(list(F.TABLES['suffixes']))})(?![^\W\d_]))"
    rf"|\s*(?P<unit>(?i:{trie_pattern(list(F.TABLES['units']))})(?![^\W\d_])))?"
)
# Where a figure may start, by regex: the places the scanner narrows down.
NUMBER_ANCHOR = re.compile(
    r"[0-9]{1,30}+(?:[.,][0-9]{1,30}+){0,8}+\s*+(?:%|[-–—]\s*[0-9]|" + trie_pattern(F._ANCHOR_WORDS) + ")")
PREFIX_ANCHOR = re.compile(trie_pattern(F._PREFIX_FORMS) + r"\.?\s*[0-9a-z]")
SIGNS = "".join(sorted({ch for form in F._PREFIX_FORMS for ch in form if not ch.isalnum()}))
SIGN_LEAD = max(len(form) - 1 for form in F._PREFIX_FORMS if not form.isalnum())
CODES = {form.lower() for form in F._PREFIX_FORMS if form.isalnum()}


def words_at(text: str, words: set[str]) -> list[int]:
    """Where one of `words` is a whole run of ASCII letters, whatever its case, after no letter or digit."""
    return [m.start() for m in re.finditer(r"(?<![A-Za-z0-9])[A-Za-z]+", text) if m.group().lower() in words]


def reference_starts(text: str) -> list[int]:
    numbers, covered = [], 0
    for run in re.finditer(r"[0-9]+", text):
        if run.start() >= covered and (anchor := NUMBER_ANCHOR.match(text, run.start())):
            covered = anchor.end()
            numbers.append(run.start())
    places = words_at(text, CODES) + [at for sign in re.finditer(f"[{re.escape(SIGNS)}]", text)
                                      for at in range(max(0, sign.start() - SIGN_LEAD), sign.start() + 1)]
    prefixes = [at for at in places if PREFIX_ANCHOR.match(text, at)]
    return sorted({*numbers, *prefixes})


def reference_is_approximate(before: str) -> bool:
    """figures.is_approximate in plain Python."""
    tail = before[-40:].rstrip(" \t\n(").casefold()
    for phrase in F.TABLES["approximators"]:
        if single_spaced(tail).endswith(phrase):
            cut = len(single_spaced(tail)) - len(phrase)
            if cut == 0 or not single_spaced(tail)[cut - 1].isalnum():
                return True
    return False


def reference_scale_of(word: str) -> int:
    if word in F.TABLES["abbreviations"]:
        return F.TABLES["scales"][word]
    folded = word.casefold()
    if folded not in F.TABLES["scales_folded"] and folded.endswith("an"):
        folded = folded[:-2]  # "jutaan", "miliaran"
    return F.TABLES["scales_folded"].get(folded, 1)


def reference_amount(text: str, multiplier: int) -> int | float | None:
    number = F.parse_numeral(text)
    return None if number is None else F.plain_number(number * multiplier)


def reference_figure(match: re.Match[str], body: str) -> dict | None:
    """figures.figure_from_match in plain Python, with the exact qualifier tests and Decimal arithmetic."""
    prefix, low_text, high_text, scale, percent, suffix, unit_word = match.groups()
    if prefix:
        kind, unit = "money", F.TABLES["prefixes"][prefix.casefold()]
        end = match.end("scale" if scale else "high" if high_text else "low")
    elif suffix:
        kind, unit, end = "money", F.TABLES["suffixes"][single_spaced(suffix.casefold())], match.end()
    elif percent:
        kind, unit, end = "percent", "%", match.end()
    elif unit_word:
        kind, unit, end = "quantity", F.TABLES["units"][single_spaced(unit_word.casefold())], match.end()
    else:
        return None
    if kind != "money" and scale and len(scale) == 1:
        return None
    start = match.start()
    if re.search(r"(?i:\b(?:pukul|jam|pkl)\.?\s*)$", body[max(0, start - 8):start]):
        return None
    multiplier = reference_scale_of(scale) if scale and kind != "percent" else 1
    value = reference_amount(low_text, multiplier)
    if value is None:
        return None
    figure = {"text": body[start:end], "kind": kind, "value": value, "unit": unit,
              "approximate": reference_is_approximate(body[max(0, start - 40):start]), "start": start, "end": end}
    if high_text:
        high_value = reference_amount(high_text, multiplier)
        if high_value is None:
            return None
        figure["value_max"] = high_value
    return figure


def reference_figures(text: str) -> list[dict]:
    """find_figures as written before the scanner: every anchored place tried with the plain pattern."""
    tails = words_at(text, set(F._TAIL_WORDS))
    starts = sorted({*reference_starts(text), *F.spelled_starts(text, tails)})
    figures, covered = [], 0
    for start in starts:
        if start >= covered and (match := ORIGINAL_FIGURE.match(text, start)):
            figure = reference_figure(match, text)
            if figure is not None:
                figures.append(figure)
                covered = match.end()
    return figures


PIECES = ["Rp", "RP", "rp", "Rp.", "US$", "$", "HK$", "€", "£", "¥", "IDR", "usd", "RMB", "RM", "S$",
          "5", "13", "2025", "1.500", "13,2", "20.8", "1.234.567,89", "1,000,000", "2.0.1", "1" * 31,
          "5/6", "1.2.3.4.5.6.7.8.9.10", "٣", "12٣", "7-", "-8", "2024–2025", "3 - 5",
          "juta", "Juta", "JUTA", "jutaan", "miliar", "triliun", "ribu", "rb", "jt", "k", "K", "M", "T", "m",
          "persen", "Persen", "persennya", "per sen", "%", "rupiah", "dolar AS", "dollar", "yuan", "ton",
          "orang", "kg", "m2", "hektare", "hingga", "sampai dengan", "s.d.", "s/d", "sd", "-", "–", "—",
          "dua", "lima", "puluh", "setengah", "sekitar", "lebih dari", "pukul", "jam", "hari", "tahun",
          "tentang", "kali", "penerima", "ſ", "İ", "K", "é", "ﬁ", "(", ")", ".", ",", ":", "\"", "“"]
SPACES = [" ", " ", " ", "", "\n", "\xa0", "  ", "\u2009"]


def random_text(rng: random.Random, most: int = 14) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(SPACES) for _ in range(rng.randint(1, most)))


def random_ascii_text(rng: random.Random, most: int) -> str:
    """A text of one-byte characters, several 64-character blocks long."""
    pieces = [piece for piece in PIECES if piece.isascii()]
    return "".join(rng.choice(pieces) + rng.choice([" ", " ", "", "\n", "  "]) for _ in range(rng.randint(1, most)))


def test_figure_matches_as_the_plain_case_insensitive_pattern():
    rng = random.Random(7)
    for _ in range(4000):
        text = random_text(rng)
        for at in range(len(text)):
            fast, plain = F.FIGURE.match(text, at), ORIGINAL_FIGURE.match(text, at)
            assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups())), (text, at)


def test_figures_are_those_found_by_trying_every_anchored_place():
    rng = random.Random(11)
    for _ in range(6000):
        text = random_text(rng)
        assert F.find_figures(text) == reference_figures(text), text


@pytest.mark.parametrize("make_text", [random_text, random_ascii_text], ids=["any", "ascii"])
def test_figures_in_long_texts_are_those_found_by_trying_every_anchored_place(make_text):
    rng = random.Random(13)
    for _ in range(1500):
        text = make_text(rng, 90)
        assert F.find_figures(text) == reference_figures(text), text


def test_each_match_stands_for_the_figure_the_plain_reading_gives():
    rng = random.Random(17)
    qualifiers = ["sekitar ", "(sekitar ", "lebih dari ", "Pukul ", "jam ", "kira-kira\n", "hampir  ", "x"]
    for _ in range(3000):
        text = rng.choice(["", *qualifiers]) + random_text(rng)
        for at in range(len(text)):
            for pattern in (F.FIGURE, ORIGINAL_FIGURE):
                if match := pattern.match(text, at):
                    assert F.figure_from_match(match, text) == reference_figure(match, text), (text, at)


def test_is_approximate_agrees_with_the_plain_reading():
    rng = random.Random(19)
    pieces = ["sekitar", "SEKITAR", "hampir", "kurang lebih", "kira-kira", "lebih dari", "lebih", "dari", "(", " ",
              "  ", "\n", "\t", "x", "5", ".", "İ", "K", "ſ", "é"]
    for _ in range(20000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert F.is_approximate(before) == reference_is_approximate(before), before


def test_scanner_starts_are_anchored_places():
    rng = random.Random(3)
    for _ in range(3000):
        text = random_text(rng)
        assert set(F.candidate_starts(text)) <= {*reference_starts(text), *F.spelled_starts(text, words_at(text, set(F._TAIL_WORDS)))}


@pytest.mark.parametrize("text, starts", [
    ("naik 5 persen", [5]), ("5 hari lagi", []), ("2025 tentang", []), ("5 juta.", []), ("5 juta orang", [0]),
    ("Rp 5", [0]), ("rp5", []), ("RP5", [0]), ("US$5", [0, 1, 2]), ("xUS$5", [1, 2, 3]), ("Rp tanpa", [0]), ("Rp Tanpa", []),
    ("10-12 persen", [0]), ("5\u00a0persen", [0]), ("5 PERSEN", [0]), ("5 PeRsEn", []),
])
def test_scanner_examples(text, starts):
    assert F.candidate_starts(text) == starts


def test_the_scanner_reads_two_and_four_byte_texts():
    for text in ("Harga “Rp 5 juta” naik 3 persen — 10 ton", "naik 3 persen 😀 Rp 5 juta € 7"):
        assert F.find_figures(text) == reference_figures(text)
        assert F.find_figures(text)


def test_caseless_letters_match_what_ignorecase_matches():
    every_char = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    for letter in string.ascii_letters:
        assert set(re.findall(F.letter_class(letter), every_char)) == set(re.findall(f"(?i:{letter})", every_char))


def test_scaled_numbers_agree_with_decimal_arithmetic():
    rng = random.Random(5)
    texts = {"".join(rng.choice("0123456789" * rng.randint(1, 4) + ".,") for _ in range(rng.randint(1, 16)))
             for _ in range(50_000)}
    texts |= {"1.500", "13,2", "20.8", "1.234.567,89", "1,000,000", "1,234.5", "12.3456", "2.0.1", "1" * 19, "٣"}
    for text in texts:
        number = F.parse_number(text)
        for multiplier in (1, 10**3, 10**6, 10**9, 10**12, 10**15, 10**18 + 1):
            value = scaled_number(text, multiplier)
            if value is not None:
                expected = F.plain_number(number * multiplier)
                assert (value, type(value)) == (expected, type(expected)), (text, multiplier)
            elif text.isascii() and len(text.replace(".", "").replace(",", "")) <= 18:
                assert number is None, text


def test_amounts_agree_with_decimal_arithmetic():
    for text in ("1.500", "13,2", "20.8", "4,28", "4,0", "1.234.567,89", "999.999.999.999", "1" * 18, "1" * 25, "dua"):
        for multiplier in (1, 1000, 10**6, 10**9, 10**12, 10**15):
            expected = F.plain_number(F.parse_numeral(text) * multiplier)
            got = F.amount(text, multiplier)
            assert (got, type(got)) == (expected, type(expected)), (text, multiplier)


def test_qualifier_tests_are_false_only_where_the_exact_tests_are():
    rng = random.Random(9)
    pieces = ["sekitar", "SEKIRA", "hampir", "kurang lebih", "kira-kira", "lebih dari", "pukul", "Jam", "pKl",
              "pK\u212al", "ﬁ", "İ", "ſ", "(", " ", "\n", "\t", "x", "dari", "5", "."]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) + "5"
        start = len(text) - 1
        before = text[max(0, start - 8):start].lower()
        if not F.QUALIFIERS.may_follow_time_word(text, start):
            assert not ("jam" in before or "pukul" in before or "pkl" in before), text
        if not F.QUALIFIERS.may_be_approximate(text, start):
            assert not F.is_approximate(text[max(0, start - 40):start]), text
