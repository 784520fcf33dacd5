"""The word tables behind roles and linking (data/*.tsv), loaded once."""
from __future__ import annotations

import gzip
import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

from warta.tables import read_rows

DATA = Path(__file__).parent / "data"
PLACES_FILE = DATA / "places.tsv.gz"   # built by places.py
# world area (continent or its part), country, province, regency or city, district, village
PLACE_KINDS = ("kawasan", "negara", "prov", "kab", "kec", "desa")
WIDE_PLACE_KINDS = PLACE_KINDS[:4]  # the kinds whose names are rarely anything but a place

# A doctor's specialist degree after the name: Sp + the field's letters ("SpPD-KEMD", "SpOG", "SpTHT-KL").
MEDICAL_SPECIALIST = re.compile(r"Sp[A-Z]{1,4}(?:-[A-Z]{1,5})?")

# Words that may join capitalised words inside a role or an organisation name.
CONNECTORS = frozenset({"dan", "di", "dari", "of", "by", "for", "and", "&", "untuk", "serta", "the", "on", "bidang", "se"})


def _rows(name: str) -> list[list[str]]:
    return read_rows(DATA / name)


def _word_set(name: str) -> frozenset[str]:
    """The table's first column, casefolded."""
    return frozenset(row[0].casefold() for row in _rows(name))


def _word_kinds(name: str) -> dict[str, str]:
    """The table's first column (casefolded) -> its second."""
    return {row[0].casefold(): row[1] for row in _rows(name)}


@cache
def office_acronyms() -> dict[str, str]:
    """casefolded acronym -> full form ("menkeu" -> "Menteri Keuangan")."""
    return _word_kinds("office_acronyms.tsv")


@cache
def joined_fields() -> frozenset[tuple[str, ...]]:
    """The fields an office's full name joins with "dan", from the acronym table, as casefolded word tuples:
    ("energi", "dan", "sumber", "daya", "mineral") of "Kementerian Energi dan Sumber Daya Mineral"."""
    fields = set()
    for full in office_acronyms().values():
        words = tuple(full.casefold().split())
        fields.update(words[start:] for start in (0, 1) if "dan" in words[start + 1:-1])
    return frozenset(fields)


@cache
def place_acronyms() -> dict[str, str]:
    """case-sensitive acronym -> place ("AS" -> "Amerika Serikat")."""
    return {row[0]: row[1] for row in _rows("place_acronyms.tsv")}


@cache
def title_words() -> frozenset[str]:
    """Words that open a role phrase, plus office acronyms whose full form opens with one."""
    words = {row[0].casefold() for row in _rows("titles.tsv")}
    for acronym, full in office_acronyms().items():
        if full.split()[0].casefold() in words:
            words.add(acronym)
    return frozenset(words)


@cache
def field_titles() -> frozenset[str]:
    """Titles whose field follows in lower case ("Pengamat pertanian", "kuasa hukum")."""
    return _word_set("field_titles.tsv")


@cache
def honorifics() -> dict[str, str]:
    """casefolded honorific, rank or academic title -> its kind."""
    return _word_kinds("honorifics.tsv")


@cache
def nickname_honorifics() -> frozenset[str]:
    return _word_set("nickname_honorifics.tsv")


@cache
def local_offices() -> frozenset[str]:
    """Offices and institutions of a district or village ("Puskesmas", "Camat"): a district's or village's name
    follows them ("Kepala Puskesmas Pamulang Fitri")."""
    return _word_set("local_offices.tsv")


@cache
def place_prefixes() -> frozenset[str]:
    return _word_set("place_prefixes.tsv")


@cache
def places() -> dict[tuple[str, ...], str]:
    """The world's areas and countries and Indonesia's administrative places (PLACES_FILE) as casefolded word tuples,
    each with its kind: kawasan (world area), negara (country), prov, kab (regency or city), kec (district) or desa
    (village)."""
    found: dict[tuple[str, ...], str] = {}
    with gzip.open(PLACES_FILE, "rt", encoding="utf-8") as handle:
        for kind, name in (line.rstrip("\n").split("\t") for line in handle):
            _keep_widest(found, tuple(name.casefold().split()), kind)   # "AS" (the country) over "As" (a village)
    return found


def _keep_widest(table: dict, key: object, kind: str) -> None:
    """table[key] = kind, unless it already holds a wider kind (earlier in PLACE_KINDS)."""
    if key not in table or PLACE_KINDS.index(kind) < PLACE_KINDS.index(table[key]):
        table[key] = kind


@cache
def place_word_kinds() -> tuple[dict[str, str], dict[str, str]]:
    """casefolded word -> the widest kind of place it names alone ("jawa" -> "desa", "iran" -> "negara"), and
    -> the widest kind of area, country, province or regency whose longer name holds it ("timur" -> "kawasan")."""
    alone: dict[str, str] = {}
    inside: dict[str, str] = {}
    for name, kind in places().items():
        if len(name) == 1:
            _keep_widest(alone, name[0], kind)
        elif kind in WIDE_PLACE_KINDS:
            for word in name:
                _keep_widest(inside, word, kind)
    return alone, inside


@cache
def regions() -> frozenset[tuple[str, ...]]:
    """The world areas, countries, provinces, regencies and cities among `places`: "Rokan Hilir" ->
    ("rokan", "hilir")."""
    return frozenset(name for name, kind in places().items() if kind in WIDE_PLACE_KINDS)


@cache
def place_name_words() -> frozenset[str]:
    """Words that often continue a place's name ("Barat", "Jaya", "Hilir", "Kidul"): ten or more places have one
    after their first word."""
    counts = Counter(word for name in places() for word in name[1:])
    return frozenset(word for word, count in counts.items() if count >= 10)


@cache
def _longest_from(wide_only: bool) -> dict[str, int]:
    """First word of a region (or of any place) -> the most words a region (or place) that opens with it has."""
    longest: dict[str, int] = {}
    for name in regions() if wide_only else places():
        longest[name[0]] = max(longest.get(name[0], 0), len(name))
    return longest


def region_length(words: list[str], start: int, stop: int) -> int:
    """Number of words of the longest region name at words[start:stop] ("Rokan Hilir" -> 2), or 0."""
    return _place_length(words, start, stop, wide_only=True)


def place_length(words: list[str], start: int, stop: int) -> int:
    """Number of words of the longest place name of any kind, districts and villages too, at words[start:stop]."""
    return _place_length(words, start, stop, wide_only=False)


def _place_length(words: list[str], start: int, stop: int, wide_only: bool) -> int:
    names = regions() if wide_only else places()
    longest = _longest_from(wide_only).get(words[start].casefold(), 0) if start < stop else 0
    for length in range(min(longest, stop - start), 0, -1):
        if tuple(w.casefold() for w in words[start:start + length]) in names:
            return length
    return 0


def is_region(words: list[str], first: int, last: int) -> bool:
    """Whether words[first:last + 1] are exactly one of `regions` ("Jawa Barat", "Jayawijaya", "Asia")."""
    return region_length(words, first, last + 1) == last - first + 1


def is_country_or_area(words: list[str], first: int, last: int) -> bool:
    """Whether words[first:last + 1] are exactly a country's or world area's name ("Arab Saudi", "AS", "Asia")."""
    return places().get(tuple(w.casefold() for w in words[first:last + 1])) in ("negara", "kawasan")


@cache
def org_words() -> dict[str, str]:
    """casefolded organisation marker -> "head" or "tail"."""
    return _word_kinds("org_words.tsv")


def alias_phrase_length(words: list[str], i: int) -> int:
    """Words of the longest phrase at words[i] that gives a person another name ("atau", "alias", "yang akrab
    disapa"), or 0."""
    return _phrase_length("alias_phrases.tsv", words, i, len(words))


@cache
def name_openers() -> frozenset[str]:
    return _word_set("name_openers.tsv")


def name_opener_length(words: list[str], start: int, stop: int) -> int:
    """Number of words of the longest name opener at words[start:stop] ("Putu", "Ida Bagus", "Anak Agung"), or 0."""
    return _phrase_length("name_openers.tsv", words, start, stop)


def name_opener_ending(words: list[str], stop: int) -> int:
    """Number of words of the longest name opener that ends just before words[stop], or 0."""
    phrases, longest = _phrases("name_openers.tsv")
    return next((n for n in range(min(longest, stop), 0, -1)
                 if tuple(w.casefold() for w in words[stop - n:stop]) in phrases), 0)


@cache
def _phrases(name: str) -> tuple[frozenset[tuple[str, ...]], int]:
    """A table's first column as casefolded word tuples, and the most words one of them has."""
    phrases = frozenset(tuple(phrase.split()) for phrase in _word_set(name))
    return phrases, max(map(len, phrases), default=0)


def _phrase_length(name: str, words: list[str], start: int, stop: int) -> int:
    """Number of words of the longest phrase of table `name` at words[start:stop], or 0."""
    phrases, longest = _phrases(name)
    return next((n for n in range(min(longest, stop - start), 0, -1)
                 if tuple(w.casefold() for w in words[start:start + n]) in phrases), 0)


@cache
def venue_words() -> dict[str, str]:
    """casefolded venue marker ("Stadion", "Park") -> "head" or "tail"."""
    return _word_kinds("venue_words.tsv")


@cache
def common_words() -> frozenset[str]:
    """Lowercase words that news text mostly writes in lower case (so a capitalised one is rarely a name)."""
    path = DATA / "common_words.txt"
    if not path.exists():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w)


@cache
def leader_titles() -> frozenset[str]:
    return _word_set("leader_titles.tsv")


@cache
def compound_titles() -> frozenset[str]:
    return _word_set("compound_titles.tsv")


@cache
def compound_title_firsts() -> frozenset[str]:
    """The first words of `compound_titles` as written: lower-case, capitalised or in capitals ("Imam" of "imam
    besar")."""
    firsts = {title.split()[0] for title in compound_titles()}
    return frozenset(form for word in firsts for form in (word, word.capitalize(), word.upper()))


@cache
def not_names() -> frozenset[str]:
    return _word_set("not_names.tsv")


@cache
def generic_institutions() -> frozenset[str]:
    return _word_set("generic_institutions.tsv")


@lru_cache(maxsize=1 << 16)
def honorific_kind(word: str) -> str | None:
    """"honorific", "rank", "academic", "degree" or "service" (see honorifics.tsv), None for any other word."""
    if MEDICAL_SPECIALIST.fullmatch(word.rstrip(".")):
        return "degree"
    return honorifics().get(word.casefold().rstrip("."))


@cache
def rank_phrases() -> frozenset[tuple[str, ...]]:
    """Ranks written out in words ("Komisaris Besar", "Brigadir Jenderal"), as casefolded word tuples."""
    return frozenset(tuple(row[0].split()) for row in _rows("rank_phrases.tsv"))


@cache
def _longest_rank_phrase() -> int:
    return max(map(len, rank_phrases()))


def rank_phrase_at(words: list[str], i: int) -> bool:
    """Whether a rank written out in words opens at words[i] ("Komisaris Jenderal", "Ajun Komisaris Besar")."""
    return words[i].casefold() in _rank_phrase_firsts() and any(
        tuple(w.casefold() for w in words[i:i + n]) in rank_phrases() for n in range(2, _longest_rank_phrase() + 1))


@cache
def _rank_phrase_firsts() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in rank_phrases())


def rank_phrase_before(words: list[str], last: int) -> int:
    """Number of words of the rank written out in words that ends at words[last], or 0."""
    for length in range(_longest_rank_phrase(), 1, -1):
        if last - length + 1 >= 0 and tuple(w.casefold() for w in words[last - length + 1:last + 1]) in rank_phrases():
            return length
    return 0


def is_honorific(word: str) -> bool:
    return honorific_kind(word) is not None


@lru_cache(maxsize=1 << 16)
def is_title(word: str) -> bool:
    key = word.casefold()
    if key in title_words() or (key.startswith("co-") and key[3:] in title_words()):   # "Co-President"
        return True
    full = expand_office_key(key) if key.startswith(("wamen", "kemen", "men")) else None
    return full is not None and full.split()[0].casefold() in title_words()


# Ministerial acronyms are built from a portfolio: men+keu, wamen+keu, kemen+keu.
OFFICE_PREFIXES = (("wamen", "Wakil Menteri"), ("kemen", "Kementerian"), ("kem", "Kementerian"), ("men", "Menteri"))


@cache
def portfolios() -> dict[str, str]:
    """"keu" -> "Keuangan", from the table's "menkeu" -> "Menteri Keuangan" rows."""
    found = {}
    for acronym, full in office_acronyms().items():
        if acronym.startswith("men") and full.startswith("Menteri ") and len(acronym) > 4:
            found[acronym[3:]] = full[len("Menteri "):]
    return found


@cache
def portfolio_words() -> frozenset[str]:
    """The words of ministers' portfolios ("informatika", "transmigrasi"), casefolded, less connectors."""
    return frozenset(w for full in portfolios().values() for w in full.casefold().replace(",", " ").split()) - CONNECTORS


@cache
def expand_office_key(key: str) -> str | None:
    if key in office_acronyms():
        return office_acronyms()[key]
    for prefix, title in OFFICE_PREFIXES:
        if key.startswith(prefix) and key[len(prefix):] in portfolios():
            return f"{title} {portfolios()[key[len(prefix):]]}"
    return None


def expand_office(word: str) -> str:
    """An office acronym's full form ("Wamenaker" -> "Wakil Menteri Ketenagakerjaan"), or the word itself."""
    return expand_office_key(word.casefold()) or word
