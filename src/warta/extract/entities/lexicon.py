"""The word tables behind roles and linking (data/*.tsv), loaded once."""
from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from warta.tables import read_rows

DATA = Path(__file__).parent / "data"

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
def honorifics() -> dict[str, str]:
    """casefolded honorific, rank or academic title -> its kind."""
    return _word_kinds("honorifics.tsv")


@cache
def nickname_honorifics() -> frozenset[str]:
    return _word_set("nickname_honorifics.tsv")


@cache
def place_prefixes() -> frozenset[str]:
    return _word_set("place_prefixes.tsv")


@cache
def org_words() -> dict[str, str]:
    """casefolded organisation marker -> "head" or "tail"."""
    return _word_kinds("org_words.tsv")


@cache
def name_openers() -> frozenset[str]:
    return _word_set("name_openers.tsv")


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
def not_names() -> frozenset[str]:
    return _word_set("not_names.tsv")


@cache
def generic_institutions() -> frozenset[str]:
    return _word_set("generic_institutions.tsv")


@lru_cache(maxsize=1 << 16)
def honorific_kind(word: str) -> str | None:
    """"honorific", "rank", "academic" or "service" (see honorifics.tsv), None for any other word."""
    return honorifics().get(word.casefold().rstrip("."))


def is_honorific(word: str) -> bool:
    return honorific_kind(word) is not None


@lru_cache(maxsize=1 << 16)
def is_title(word: str) -> bool:
    key = word.casefold()
    if key in title_words():
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
