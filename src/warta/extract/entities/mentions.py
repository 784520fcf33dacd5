"""Mentions in a body: the model's spans, repaired and backed up by rules.

The model (ner.py) is the primary source. The rules here fix what a token tagger
gets wrong in news prose: titles glued to names, a role's organisation glued to
the person after it, "Pemprov" + place, abbreviations in parentheses, and names
the model missed next to a title.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress

from warta.extract.entities.lexicon import (
    CONNECTORS, alias_phrase_length, common_words, compound_title_firsts, compound_titles, expand_office,
    expand_office_key, generic_institutions, honorific_kind, is_country_or_area, is_honorific, is_region, is_title,
    joined_fields, local_offices, name_opener_ending, name_opener_length, name_openers, nickname_honorifics,
    not_names, office_acronyms, org_words, place_acronyms, place_length, place_name_words, place_prefixes, places,
    portfolio_words, rank_phrase_at, region_length, venue_words,
)
from warta.extract.entities.ner import Span, TokenColumns, token_columns

MAX_NAME_WORDS = 5
RANK_KINDS = frozenset({"rank", "service"})   # honorific kinds that open the name after them: "Brigjen", "Pol"
# honorific kinds that, ending a place or organisation, open the person after it ("PBNU KH Maksum"); an academic
# title does not: "RSUD Dr. Soetomo" is a hospital named after a person
PERSON_OPENERS = RANK_KINDS | {"honorific"}
PARTY_WORDS = frozenset({"partai", "fraksi"})   # "Partai Republik dan Demokrat" are two parties
LEGAL_FORMS = frozenset({"pt", "cv"})   # a company's name runs on after them: "PT Jaya Abadi Steel"
INITIALS_MARKERS = frozenset({"inisial", "berinisial", "berinsial"})   # "tersangka berinisial AS" (and its misspelling)
# people a crime story names by initials right after the noun: "tersangka BS", "korban NM"
INITIALLED_PEOPLE = frozenset({"tersangka", "terdakwa", "terpidana", "pelaku", "korban"})
INITIALS = re.compile(r"[A-Z]{2,5}|(?:[A-Z]\.){2,5}")  # one letter alone is too often something else
ORGANISATION_CONNECTORS = frozenset({"dan", "serta", "&", "and", "of", "for", "the"})  # "Badan Riset dan Inovasi"
MAX_ROLE_WORDS = 8
PLACE_TITLES = frozenset({"bupati", "gubernur", "wali", "walikota", "camat", "lurah", "wagub", "wabup", "wawali", "kades"})
SELF_CONTAINED_TITLES = frozenset({"presiden", "wapres", "raja", "ratu", "paus"})
ROMAN = re.compile(r"[IVXLC]+")
ROMAN_NUMERAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")   # I to XXXIX, not "ICC"
LETTERS = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")
# an abstract noun made with (se)ke-...-an or (se)pe(r/m/n)-...-an ("Ketenagakerjaan", "Sepengetahuan") is never a word
# of a person's name; a ministry's acronym ("Kementan") is left to the office tables
ABSTRACT_NOUN = re.compile(r"(?!kemen)(?:se)?(?:ke|per|pem|pen|peng)\w{3,}an", re.IGNORECASE)
SENTENCE_ENDINGS = (".", "?", "!", ":", '"', "”")
PARENTHESES = re.compile(r"\([^)]*\)")
CLITIC = re.compile(r"-(?:nya|lah|kah|pun|ku|mu|tah)\b")   # "Coretax-nya", "AI-lah" (a literal "-" first: fast)
C1_CONTROLS = re.compile("[\x80-\x9f]")
INITIAL = re.compile(r"[A-HJ-Z]")   # "Bupati Tangerang A Zaki Iskandar" ("I" opens Balinese names: see name_openers)
QUOTE_MARKS = frozenset({'"', "“", "”"})
PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari"})
SINGLE_QUOTES = frozenset({"'", "‘", "’"})
ARABIC_SURNAME = re.compile(r"(?:al|el|ad|an|ar|as|asy|at|az)-[A-Z][\w']+")   # "Ali al-Naimi", "Abdullah al-Derazi"
ADDRESS_UNITS = frozenset({"RT", "RW"})   # "Kampung Muara RT 08/06": neighbourhood units of an address


@dataclass(slots=True)
class Mention:
    first: int                  # token indices, inclusive
    last: int
    label: str
    kind: str = "name"          # name | abbreviation | heading | short | role_noun | guess | after_title
    role: str | None = None
    defines: str | None = None  # the abbreviation this long form introduces in parentheses
    cluster: int = -1


def clitics_apart(body: str, columns: TokenColumns) -> TokenColumns:
    """"YouTube-nya" as "YouTube", "-", "nya": a clitic after a hyphen is a word of its own, as in the NER
    training data, so that it never ends a name."""
    if CLITIC.search(body) is None:
        return columns
    texts, starts, ends = [], [], []
    for text, start, end in zip(*columns):
        clitic = CLITIC.search(text, 1) if "-" in text else None
        if clitic is None:
            texts.append(text), starts.append(start), ends.append(end)
            continue
        cut = start + clitic.start()
        texts += [text[:clitic.start()], "-", text[clitic.start() + 1:]]
        starts += [start, cut, cut + 1]
        ends += [cut, cut + 1, end]
    return texts, starts, ends


class Tokens:
    """The body's tokens, with offsets, and lookups from characters to tokens."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.columns = clitics_apart(body, token_columns(body))
        self.texts, self.starts, self.ends = self.columns
        self.headings = self.find_headings(body)
        self._heading_starts = [start for start, _ in self.headings]

    def __len__(self) -> int:
        return len(self.texts)

    @cached_property
    def title_positions(self) -> list[int]:
        """The indices of title words ("Menteri", "Kapolri", "Presiden")."""
        return list(compress(range(len(self.texts)), map(is_title, self.texts)))

    @cached_property
    def compound_title_starts(self) -> frozenset[int]:
        """The indices of words that open a two-word title without being one alone ("Imam" of "Imam Besar")."""
        texts = self.texts
        firsts = compound_title_firsts()
        return frozenset(i for i in range(len(texts) - 1) if texts[i] in firsts
                         and not is_title(texts[i]) and f"{texts[i]} {texts[i + 1]}".casefold() in compound_titles())

    def is_title_at(self, i: int) -> bool:
        """Whether word i is a title, alone or as the first word of a two-word one ("Imam Besar")."""
        return is_title(self.texts[i]) or i in self.compound_title_starts

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """First and last token index inside the character span."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.ends, end)
        return first, min(last, len(self.texts) - 1)

    def text(self, first: int, last: int) -> str:
        return self.body[self.starts[first]:self.ends[last]]

    def joined(self, first: int, last: int) -> bool:
        """Whether token `last` follows token `first` on the same line (no paragraph break between)."""
        return "\n" not in self.body[self.ends[first]:self.starts[last]]

    def in_heading(self, i: int) -> bool:
        """Inside a Title Case subheading ("Upaya Pemprov DKI Jakarta Atasi Kemiskinan"), where case says little."""
        at = bisect.bisect_right(self._heading_starts, self.starts[i]) - 1
        return at >= 0 and self.starts[i] < self.headings[at][1]

    @staticmethod
    def find_headings(body: str) -> list[tuple[int, int]]:
        spans = []
        offset = 0
        for line in body.split("\n"):
            if not line.rstrip().endswith(SENTENCE_ENDINGS):   # cheap test first: most lines are sentences
                words = line.split()
                if 2 <= len(words) <= 12 and sum(1 for w in words if w[:1].isupper()) / len(words) >= 0.6:
                    spans.append((offset, offset + len(line)))
            offset += len(line) + 1
        return spans

    def sentence_initial(self, i: int) -> bool:
        """First token of a paragraph or sentence, or right after an opening quote."""
        if i == 0 or not self.joined(i - 1, i):
            return True
        previous = self.texts[i - 1]
        return previous in {".", "!", "?", ":", ";", "\"", "“", "'", "‘", "(", "-", "–", "—"}


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=1 << 16)
def is_name_word(word: str, common_ok: bool = False) -> bool:
    """A capitalised word that is not an ordinary word (unless `common_ok`: "Adil" in "Adityawarman Adil"), title or
    honorific: it can be part of a name."""
    key = word.casefold()
    return (word[:1].isupper() and LETTERS.fullmatch(word) is not None and (common_ok or key not in common_words())
            and not _never_a_name(key) and not is_title(word) and not is_honorific(word)
            and ABSTRACT_NOUN.fullmatch(word) is None)


@lru_cache(maxsize=1 << 16)
def is_org_head(word: str) -> bool:
    """"Kementerian", "Badan", or an acronym that stands for one ("Kemenkeu", "Pemprov", "BPS")."""
    key = word.casefold()
    if org_words().get(key) == "head":
        return True
    full = expand_office_key(key)
    return full is not None and org_words().get(full.split()[0].casefold()) == "head"


def opens_region(word: str) -> bool:
    """A word after which a region's name stands: "Kabupaten", "Bupati", "Kapolres", "Dinas PUPR"."""
    key = word.casefold()
    return key in place_prefixes() or key in PLACE_TITLES or is_title(word) or is_org_head(word) \
        or key in office_acronyms()


def names_portfolio(word: str) -> bool:
    """A capitalised word of a minister's portfolio: "Negeri" (Luar Negeri), "Perminyakan", "Pertahanan"."""
    return is_capitalised(word) and (word.casefold() in portfolio_words() or ABSTRACT_NOUN.fullmatch(word) is not None)


def reads_as_initials(word: str) -> bool:
    """Whether a degree's letters in capitals, opening a name, are the person's initials: a degree follows a
    name ("Budi Santoso ST"), never opens it ("Jaksa Agung ST Burhanuddin")."""
    return word.isupper() and honorific_kind(word) == "degree"


def breaks_name(word: str) -> bool:
    """An ordinary Indonesian word in lower case ("melalui", "mentah"), which no name holds; short function words
    of other languages do ("Mobility as a Service", "Centre for Peace")."""
    return len(word) >= 4 and word.islower() and word.isalpha() and word in common_words() and word not in CONNECTORS


def is_org_tail(word: str) -> bool:
    return org_words().get(word.casefold()) == "tail"


def names_venue(words: list[str]) -> bool:
    """Whether a name opens or closes with a venue word and holds no organisation word."""
    venue = venue_words()
    return (venue.get(words[0].casefold()) == "head" or venue.get(words[-1].casefold()) == "tail") \
        and not any(is_org_head(w) or is_org_tail(w) for w in words)


def abbreviation_matches(abbreviation: str, long_form: str) -> bool:
    """Whether "BPS" abbreviates "Badan Pusat Statistik": its letters in order, starting at the first word."""
    letters = [c for c in abbreviation.casefold() if c.isalpha()]
    text = "".join(c for c in long_form.casefold() if c.isalpha() or c == " ").strip()
    if len(letters) < 2 or not text or letters[0] != text[0]:
        return False
    content_words = [w for w in text.split() if w not in CONNECTORS]
    if len(letters) < (len(content_words) + 1) // 2:
        return False
    position = 0
    for letter in letters:
        position = text.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def looks_like_abbreviation(word: str) -> bool:
    """BPS, HIPMI, Jabar, KDM: one capitalised word, short enough to stand for a longer name."""
    return word[:1].isupper() and word.replace("-", "").isalnum() and 2 <= len(word) <= 12


def is_code(word: str) -> bool:
    """An all-caps code: "ESL", "SIKS-NG", "B20"."""
    return word.isupper() and word.replace("-", "").isalnum() and len(word) >= 2


class MentionFinder:
    """All mentions in one body, as token ranges."""

    def __init__(self, tokens: Tokens, spans: list[Span]) -> None:
        self.tokens = tokens
        self.words = tokens.texts
        self.spans = spans
        self.local_acronyms: dict[str, str] = {}   # "BPS" -> "Badan Pusat Statistik", from this body
        self.mojibake = C1_CONTROLS.search(tokens.body) is not None   # checked per span only when the body has any

    # --- the model's spans, repaired -------------------------------------------------
    def from_model(self) -> list[Mention]:
        mentions = []
        for span in self.spans:
            first, last = self.tokens.covering(span.start, span.end)
            if first <= last:
                mentions.extend(self.repair(first, last, span.label))
        for m in mentions:
            if self.tokens.in_heading(m.first):
                m.kind = "heading"   # linked like any mention, but never the source of a canonical name
        return mentions

    def repair(self, first: int, last: int, label: str) -> list[Mention]:
        words = self.words
        first, last = self.trimmed(first, last, label)
        if first > last or (self.mojibake and C1_CONTROLS.search(
                self.tokens.body, self.tokens.starts[first], self.tokens.ends[last] + 1)):
            # C1 control characters in or right after it: mojibake ("Ù\x8aÙ\x8e…", "Ä\x81", Arabic read as Latin-1)
            return []
        inner = next((i for i in range(first + 1, last) if breaks_name(words[i])), None)
        if inner is not None:
            # "Minyak mentah Brent North Sea", "Kementerian Sosial melalui Program Keluarga Harapan"
            return [*self.repair(first, inner - 1, label), *self.repair(inner + 1, last, label)]
        if label == "ORG" and first + 2 <= last and words[first + 1] in {",", "&"} and is_code(words[first]):
            # "WHO & FAO", "OECD, Asian Development Bank": a list of organisations, not one
            return [Mention(first, first, "ORG"), *self.repair(first + 2, last, label)]
        if (split := self.region_then_name(first, last, label)) is not None:
            return split
        if label != "PER" and first < last and self.tokens.sentence_initial(first) and not opens_region(words[first]) \
                and words[first].casefold() in common_words() and is_region(words, first + 1, last):
            first, label = first + 1, "LOC"   # "Patokan AS, West Texas Intermediate": the sentence's first word
        if label == "ORG" and is_region(words, first, last):
            label = "LOC"   # "Jayawijaya" of "Kejaksaan Negeri (Kejari) Jayawijaya": a regency, not an organisation
        if label == "PER" and is_org_head(words[first]) and is_capitalised(words[first]):
            label = "ORG"   # "Kementerian Imipas" read as a person
        if first in self.tokens.compound_title_starts:
            first += 2   # "Imam Besar" + "Nasaruddin Umar", + "Masjid Istiqlal": the title opens no name
            if first > last:
                return []
        if label == "PER":
            rank = next((i for i in range(last - 1, first, -1)
                         if honorific_kind(words[i]) in RANK_KINDS), None)
            if rank is not None and any(map(is_name_word, words[rank + 1:last + 1])):
                first = rank + 1   # "Karo Monev Stamarena Polri Brigjen Hadi Utomo": the name follows the rank
            if last > first and is_office_numeral(words[first], words[first + 1]):
                first += 1
            while first <= last and (is_title(words[first]) or (is_honorific(words[first]) and not (
                                         first < last and reads_as_initials(words[first])))
                                     or (words[first].casefold() in common_words() and not self.opens_name(first, last))
                                     or ABSTRACT_NOUN.fullmatch(words[first])
                                     or (first < last and words[first] in place_acronyms())):
                first += 1   # "Kepresidenan Moeldoko" of "Kepala Staf Kepresidenan Moeldoko", "Tangsel M Taufiq MZ"
            while last >= first and is_honorific(words[last]):
                last -= 1
            if first <= last and is_org_head(words[first]):
                label = "ORG"   # "Kalakhar Badan" read as a person: the title's organisation opens
            if first <= last and last + 1 < len(words) and is_org_tail(words[last + 1]) \
                    and is_capitalised(words[last + 1]) and self.tokens.joined(last, last + 1):
                label, last = "ORG", last + 1   # "Edu TikTok" + "Shop": a person's name takes no such tail
            elif first < last and is_org_tail(words[last]):
                label = "ORG"   # "Spear Invest", "Euroskinlab Aesthetic Centre"
            if first == last and last + 3 < len(words) and words[last + 1] == "(" and words[last + 3] == ")" \
                    and is_code(words[last + 2]):
                label = "ORG"   # "Pusdatin (SIKS-NG)", "Euroskinlab (ESL)": a one-word name followed by a code
        if label == "ORG":
            while last > first and (honorific_kind(words[last]) in RANK_KINDS or rank_phrase_at(words, last)):
                last -= 1   # "Polrestabes Palembang AKBP" + "Andrie Setiawan", "Polri Komisaris" + "Jenderal Listyo"
        if first > last:
            return []
        if label != "PER" and first > 0 and is_honorific(words[first - 1]) and self.tokens.joined(first - 1, first) \
                and all(is_name_word(words[i]) for i in range(first, last + 1)):
            label = "PER"   # "Jenderal Listyo Sigit", "Pak Tito": a rank or honorific comes before a person
        if label != "PER" and is_title(words[first]) and not is_org_head(words[first]):
            rest = first
            while rest < last and (is_title(words[rest]) or words[rest].casefold() in CONNECTORS):
                rest += 1
            if last > rest and is_name_word(words[rest]):
                # "Director Galderma Indonesia Mesza Reinaldo": kept if split_glued finds the person inside
                mentions = self.repair(rest, last, label)
                for m in mentions:
                    if m.label != "PER":
                        m.kind = "after_title"
                return mentions
            return []   # "Menteri Keuangan", "Head of ...": a role, not an organisation
        role = self.role_before_comma(first)
        if label == "LOC" and last > first and role is not None and all(map(is_name_word, words[first:last + 1])) \
                and (last + 1 == len(words) or words[last + 1] != "," or not self.organisation_tokens.isdisjoint(role)):
            # "kata Sekretaris Utama Bappenas, Syahrial Loetan di Jakarta", "Sekretaris Perusahaan Indofood, Clara
            # Suraya, di Jakarta": the role's holder; but "Menteri Perhubungan, Amerika Serikat, ...": its country
            label = "PER"
        if label != "LOC" and names_venue(words[first:last + 1]):
            label = "LOC"   # "The Dome", "Stadion Manahan": a venue is a place
        if label != "ORG":
            head = next((i for i in range(first, last + 1) if is_org_head(words[i])), None)
            if head is not None and (head == first or label == "LOC"):
                # "Bursa Efek Jakarta", "Kantor Kementerian Sosial", "kantor Pusat Kemenkeu"
                return [Mention(head, last, "ORG")]
        if first == last and label != "PER" and honorific_kind(words[first]) == "degree" and not (
                last + 1 < len(words) and is_name_word(words[last + 1]) and self.tokens.joined(last, last + 1)):
            return []   # "Budi Santoso ST, MM": a degree after a name (before one, "ST Burhanuddin", initials)
        if first == last and (ROMAN_NUMERAL.fullmatch(words[first]) or (len(words[first]) == 1 and label != "PER")):
            return []   # "Teradu VII", "Komisi C": a numeral or a letter alone names nothing ("Ipda P." does)
        if all(_never_a_name(w) or w.isdigit() for w in words[first:last + 1]):
            return []   # "Juli-September 2025", "Senin": dates, not names
        if first == last and label != "PER" and (org_words().get(words[first].casefold()) == "head" or (
                words[first].casefold() in common_words() and self.tokens.sentence_initial(first))):
            return []
        return [Mention(first, last, label)]

    def trimmed(self, first: int, last: int, label: str) -> tuple[int, int]:
        """The model's span without what cannot belong to a name at its edges: lower-case words, figures, half a
        parenthesis, a quotation, and the rank, title or address unit that belongs to what follows."""
        words = self.words
        opening = _last_index(words, "(", first, last)
        if opening is not None and ")" not in words[opening:last + 1]:
            last = opening - 1   # "PT Pupuk Indonesia (Persero": the span stopped inside parentheses
        closing = next((i for i in range(first, last + 1) if words[i] in ("(", ")")), None)
        if closing is not None and words[closing] == ")":
            first = closing + 1   # "Kejari) Jayawijaya": the span started inside parentheses
        stop = next((i for i in range(first, last) if self.tail_ends_sentence(i)), None)
        if stop is not None:
            last = stop
        quote = next((i for i in range(first, last + 1) if words[i] in QUOTE_MARKS), None)
        if quote is not None:
            last = quote - 1   # 'Fox News "Sunday Morning Futures': a name stops at a quotation mark
        while first <= last and not is_capitalised(words[first]):
            first += 1
        while last >= first and not (is_capitalised(words[last]) or words[last].isdigit()
                                     or (words[last] == ")" and "(" in words[first:last])):
            last -= 1   # lower-case words and figures ("Kemenag 3,26", "Kementerian Pertanian skor 3,216")
        if label != "PER" and last > first and honorific_kind(words[last]) in PERSON_OPENERS \
                and not is_org_head(words[last - 1]) and last + 1 < len(words) and is_name_word(words[last + 1]) \
                and self.tokens.joined(last, last + 1):
            last -= 1   # "PBNU KH" + "Maksum Faqih", "Tanah Sareal Kompol" + name: the honorific opens the person
        while label == "LOC" and last > first and words[last] in ADDRESS_UNITS:
            last -= 1   # "Kampung Cibojong RT 07/04": the neighbourhood unit is part of the address, not the name
        while label != "PER" and last > first and is_title(words[last]) and not is_org_head(words[last]) \
                and last + 1 < len(words) and is_name_word(words[last + 1]) and self.tokens.joined(last, last + 1):
            last -= 1   # "Asta Cita Presiden" + "Prabowo Subianto": the title is the person's role
        return first, last

    def tail_ends_sentence(self, i: int) -> bool:
        """Whether the abbreviated organisation tail i ("Tbk.") also ends its sentence: an ordinary word follows
        ("PT Antam Tbk. Perusahaan itu ...")."""
        words = self.words
        return words[i].endswith(".") and is_org_tail(words[i].rstrip(".")) and i + 1 < len(words) \
            and words[i + 1].casefold() in common_words()

    def opens_name(self, i: int, last: int) -> bool:
        """Whether the ordinary word i opens the person's name words[i:last + 1] the model read ("Surya Paloh",
        "Setia Gunawan"): a name word follows it, and a rank or honorific, an organisation's code, "bernama" or an
        apposition's comma comes before it ("Ipda Setia Gunawan", "NasDem Surya Paloh", "MPR RI Lestari Moerdijat")."""
        words = self.words
        if i >= last or self.tokens.sentence_initial(i) or not is_name_word(words[i + 1]) or is_org_head(words[i]) \
                or words[i].casefold() in place_prefixes():
            return False
        if name_opener_length(words, i, last + 1):
            return True   # "Lalu Kusnawan": a Sasak, Bugis or Balinese name opener
        before = words[i - 1]
        return is_honorific(before) or is_code(before) or before in (",", "bernama") \
            or (before[:1].isupper() and before[1:] != before[1:].lower() and before.isalpha())   # "NasDem", "PKB"

    def region_then_name(self, first: int, last: int, label: str) -> list[Mention] | None:
        """"Kabupaten Mandailing Natal Elpi Yanti Harahap", "Bupati Rokan Hilir Bistamam": a region named after an
        office or place word, and run into the name after it, ends where the person's name begins. After a title
        that is not a region's ("Direktur Toba Pulp"), the model's place or organisation is left whole."""
        words = self.words
        for start in range(first, last):
            length = self.place_after_office(start, last + 1)
            if not length or start + length > last or not self.tokens.joined(start - 1, start):
                continue
            opener = words[start - 1].casefold()
            if label != "PER" and start == first and is_title(words[start - 1]) \
                    and opener not in PLACE_TITLES and opener not in office_acronyms():
                continue
            name = start + length
            opener = name_opener_length(words, name, last + 1)   # after "Anak Agung", any capitalised word
            if name + opener <= last and all(is_name_word(word, opener > 0) for word in words[name + opener:last + 1]) \
                    and not is_code(words[name]) \
                    and words[name].casefold() not in place_name_words() and not is_org_tail(words[last]) \
                    and tuple(w.casefold() for w in words[name:last + 1]) not in places() \
                    and not region_length(words, name, last + 1) \
                    and tuple(w.casefold() for w in words[start:name + 1]) not in places():
                region = [Mention(start, name - 1, "LOC")] if start == first \
                    else self.repair(first, name - 1, "LOC" if label == "PER" else label)
                return [*region, Mention(name, last, "PER")]
        return None

    def place_after_office(self, start: int, stop: int) -> int:
        """Number of words of the place named at words[start:stop] right after an office or place word, or 0: a
        region ("Bupati Rokan Hilir"), or after a district's or village's office any place ("Puskesmas Margadana",
        "Kepala Desa Sekapuk"; but "Desa Sepang Tokong" may be one village)."""
        if start == 0:
            return 0
        office = self.words[start - 1].casefold()
        titled = start > 1 and is_title(self.words[start - 2])
        if office in local_offices() and (office not in place_prefixes() or titled) \
                and (length := place_length(self.words, start, stop)):
            return length
        length = region_length(self.words, start, stop)
        return length if length and self.after_region_opener(start, start + length - 1) else 0

    def after_organisation_title(self, i: int) -> bool:
        """Whether token i follows a title held in an organisation ("Pendiri", "CEO"; not "Gubernur", "Presiden")."""
        title = self.words[i - 1] if i > 0 else ""
        return is_title(title) and title.casefold() not in PLACE_TITLES | SELF_CONTAINED_TITLES \
            and self.tokens.joined(i - 1, i)

    def role_before_comma(self, i: int) -> range | None:
        """The tokens of "Title Organisation," when token i follows one on its line ("Direktur PT Bank Mega Tbk, ...")."""
        words = self.words
        comma = i - 1
        if comma < 1 or words[comma] != "," or not self.tokens.joined(comma, i):
            return None
        j = comma - 1
        while j > 0 and comma - j < MAX_ROLE_WORDS and self.tokens.joined(j - 1, j) and not is_title(words[j]) \
                and (is_capitalised(words[j - 1]) or words[j - 1].casefold() in CONNECTORS):
            j -= 1
        return range(j, comma) if is_title(words[j]) and is_capitalised(words[j]) else None

    @cached_property
    def organisation_tokens(self) -> set[int]:
        """The tokens of the model's ORG spans."""
        covering = (self.tokens.covering(span.start, span.end) for span in self.spans if span.label == "ORG")
        return {i for first, last in covering for i in range(first, last + 1)}

    def split_glued(self, mentions: list[Mention]) -> list[Mention]:
        """Undo three model slips: "Galderma Indonesia Mesza Reinaldo" (ORG) read as ORG + PER when the article
        names the person elsewhere, "Edu TikTok" (PER) dropped when its words name an organisation elsewhere,
        and "Pendiri Alibaba" (LOC) made the organisation the article names "Alibaba Group"."""
        words = self.words
        self.names_read_as_organisations(mentions)
        person_words = {words[i] for m in mentions if m.label == "PER" for i in range(m.first, m.last + 1)}
        known = {self.tokens.text(m.first, m.last) for m in mentions}
        organisation_openers = {words[m.first] for m in mentions if m.label == "ORG" and m.last > m.first}
        non_person_words = {words[m.first] for m in mentions if m.label != "PER" and m.first == m.last}
        # a word that opens two or more person names, and neither stands alone as a non-person nor opens an
        # organisation, is a first name ("Sri Mulyani" beside "Sri Lanka"; but "Danone Gives Back" beside "Danone
        # Indonesia")
        person_openers = Counter(words[m.first] for m in mentions if m.label == "PER" and m.last > m.first)
        non_person_inner = {words[i] for m in mentions if m.label != "PER" for i in range(m.first, m.last + 1)
                            if is_capitalised(words[i])} - person_words_outside(mentions, words) \
            - ({word for word, count in person_openers.items() if count >= 2} - non_person_words - organisation_openers)
        single_non_person = set(non_person_words)   # grows as people turn out to be organisations
        places = Counter(words[m.first] for m in mentions if m.label == "LOC" and m.first == m.last)
        result = []
        for m in mentions:
            if m.label == "LOC" and m.first == m.last and words[m.first] in organisation_openers \
                    and places[words[m.first]] == 1 and self.after_organisation_title(m.first):
                m.label = "ORG"   # "Pendiri Alibaba" beside "Alibaba Group": the founder's company, not a place
            if m.label == "PER":
                while m.last - m.first >= 2 and words[m.first] in non_person_inner:
                    m.first += 1   # "Imipas Agus Andrianto" where the article also writes "Kementerian Imipas"
                if m.first == m.last and words[m.first] in organisation_openers:
                    m.label = "ORG"   # "Cetaphil" beside "Cetaphil Indonesia"
                    single_non_person.add(words[m.first])
                if single_non_person.isdisjoint(words[m.first:m.last + 1]):
                    result.append(m)   # no word of the person is an organisation or place on its own elsewhere
                continue
            cut = self.person_inside(m, person_words, known, non_person_words)
            if cut is None:
                if m.kind != "after_title":
                    result.append(m)   # what followed a title is dropped, as the title's object, unless it holds a person
            else:
                result.append(Mention(m.first, cut - 1, m.label))
                result.append(Mention(cut, m.last, "PER"))
        return result

    def names_read_as_organisations(self, mentions: list[Mention]) -> None:
        """Parts of a person's name the model read as an organisation: the person's first word at the end of the
        organisation before it, a Balinese birth-order name ("Perbekel Cemagi Putu" + "Hendra Sastrawan") or a
        name word after an organisation the article names ("... Bank Indonesia Ramdan"); and a word of the
        person's full name alone ("Vera" where the article names "Vera Galuh Sugijanto")."""
        words = self.words
        starts = {m.first: m for m in mentions if m.label == "PER"}
        known = {self.tokens.text(m.first, m.last) for m in mentions if m.label != "PER"}
        for m in mentions:
            follower = starts.get(m.last + 1)
            if m.label == "PER" or follower is None or m.last == m.first or not self.tokens.joined(m.last, m.last + 1):
                continue
            opener = name_opener_ending(words, m.last + 1)
            if opener == 0 and is_name_word(words[m.last]) \
                    and any(self.tokens.text(j, m.last - 1) in known for j in range(m.first, m.last - 1)):
                opener = 1
            if 0 < opener <= m.last - m.first:
                m.last -= opener   # "Perbekel Cemagi Putu", "Kota Denpasar Ida Bagus", "... Bank Indonesia Ramdan"
                follower.first -= opener
        names = {words[i] for m in mentions if m.label == "PER" and m.last > m.first for i in range(m.first, m.last + 1)}
        in_longer_names = {words[i] for m in mentions if m.label != "PER" and m.last > m.first
                           for i in range(m.first, m.last + 1)}
        for m in mentions:
            word = words[m.first]
            if m.label == "ORG" and m.first == m.last and word in names and word not in in_longer_names \
                    and not word.isupper():
                m.label = "PER"

    def names_organisation_word(self, name: tuple[int, int], mentions: list[Mention]) -> bool:
        """Whether a word of a candidate name is part of an organisation or place mention elsewhere."""
        words = {self.words[i] for i in range(name[0], name[1] + 1)}
        return any(self.words[i] in words for m in mentions if m.label != "PER" for i in range(m.first, m.last + 1))

    def person_inside(self, m: Mention, person_words: set[str], known: set[str],
                      non_person_words: set[str]) -> int | None:
        """Where a person's name starts inside an organisation or place mention, if it does."""
        words = self.words
        if m.last - m.first < 2 or is_org_tail(words[m.last]):
            return None   # "Euroskinlab Aesthetic Centre": a name ending so is the organisation's
        cuts = [i for i in range(m.first + 1, m.last + 1)
                if all(is_name_word(words[j]) and words[j] not in non_person_words for j in range(i, m.last + 1))]
        for i in cuts:
            if words[i] in person_words:
                return i
        for i in cuts:
            if self.tokens.text(m.first, i - 1) in known and m.last - i >= 1:
                return i
        return None

    def people_repaired(self, mentions: list[Mention]) -> list[Mention]:
        """Eight fixes around person names, on mentions without overlaps:
        a name word the model left off the front ("Listyo" + "Sigit Prabowo") or an Arabic surname off the end
        ("Ali" + "al-Naimi"), or read as a person of its own ("Ramdan" + "Denny Prakoso", "I" + "Made Agus"); a
        company's name read as a person ("PT Taru" + "Martani", "Chandra Asri" beside "PT Chandra Asri"); a title's
        object or a region read as a person ("Bupati Ogan Komering Ilir (OKI) Muchendi Mahzareki", "Baznas Jawa
        Barat"); a second name after "atau" or "yang akrab disapa" ("... atau Noel")."""
        words = self.words
        covered = self.covered(mentions)
        organisation_words = {words[i] for m in mentions if m.label != "PER" for i in range(m.first, m.last + 1)}
        starts = {m.first: m for m in mentions}
        ends = {m.last: m for m in mentions}
        person_words = Counter(words[i] for m in mentions if m.label == "PER" for i in range(m.first, m.last + 1))
        added, absorbed = [], set()
        for m in mentions:
            if m.label != "PER":
                continue
            before = ends.get(m.first - 1)
            if before is not None and self.first_name_apart(before, m):
                m.first = before.first
                absorbed.add(id(before))
            elif before is not None and before.first == before.last and reads_as_initials(words[before.first]) \
                    and self.tokens.joined(before.first, m.first):
                m.first = before.first   # "ST" (read as an organisation) + "Burhanuddin"
                absorbed.add(id(before))
            elif before is not None and self.company_name_runs_on(before, m, person_words):
                before.last = m.last
                absorbed.add(id(m))
                continue
            if m.first < m.last and m.first > 0 and f"{words[m.first - 1]} {words[m.first]}".casefold() in compound_titles():
                m.first += 1   # "Jaksa Agung ST Burhanuddin": Agung is the office's (and stays covered)
            while m.first - 1 >= 0 and m.first - 1 not in covered \
                    and (is_name_word(words[m.first - 1]) or reads_as_initials(words[m.first - 1])
                         or (INITIAL.fullmatch(words[m.first - 1]) and not is_code(words[m.first]))) \
                    and words[m.first - 1] not in organisation_words \
                    and self.may_open_name(m.first - 1, m.last - m.first + 1) \
                    and self.tokens.joined(m.first - 1, m.first) and not self.tokens.sentence_initial(m.first - 1):
                m.first -= 1
                covered.add(m.first)
            if (opening := self.apposed_name_start(m.first, covered, organisation_words)) is not None:
                covered.update(range(opening, m.first))
                m.first = opening
            while m.last + 1 < len(words) and m.last + 1 not in covered and ARABIC_SURNAME.fullmatch(words[m.last + 1]):
                m.last += 1   # a lower-case article opens an Arabic surname: "Ali al-Naimi"
                covered.add(m.last)
            after = m.last + 1
            if after + 2 < len(words) and words[after] == "(" and words[after + 2] == ")":
                after += 3
            follower = starts.get(after)
            if follower is not None and follower is not m and follower.label == "PER" and m.first > 0 \
                    and is_title(words[m.first - 1]) and self.tokens.joined(m.first - 1, after):
                m.label = "LOC" if words[m.first - 1].casefold() in PLACE_TITLES else "ORG"
            if self.names_region(m):
                m.label = "LOC"
            alias = m.last + 1 + alias_phrase_length(words, m.last + 1)
            if m.last + 1 < alias < len(words) and alias not in covered:
                name = self.name_run(alias, covered, min_words=1)
                if name is not None:
                    added.append(Mention(name[0], name[1], "PER"))
                    covered.update(range(name[0], name[1] + 1))
        mentions = [m for m in mentions if id(m) not in absorbed]
        companies = {tuple(words[m.first + 1:m.last + 1]) for m in mentions
                     if m.label == "ORG" and m.last > m.first and words[m.first].casefold() in LEGAL_FORMS}
        for m in mentions:
            if m.label == "PER" and tuple(words[m.first:m.last + 1]) in companies:
                m.label = "ORG"   # "Chandra Asri" where the article names "PT Chandra Asri"
        return sorted(mentions + added, key=lambda m: m.first)

    def apposed_name_start(self, first: int, covered: set[int], organisation_words: set[str]) -> int | None:
        """Where a name set off by a comma starts when the model left one or two capitalised words, an ordinary one
        among them, off its front: ", Putri Maya" + "Rumanti" (but not ", Sentra Terpadu Inten" + "Suwono", "PM" +
        "Abe", nor "Danone" of an organisation named in the article)."""
        words = self.words
        start = first
        while start > 0 and start - 1 not in covered and self.tokens.joined(start - 1, start):
            word = words[start - 1]
            if not (word[1:].islower() and is_name_word(word, common_ok=True)) or word in organisation_words \
                    or is_org_head(word):
                break
            start -= 1
        apposed = 0 < start < first and words[start - 1] == "," and self.tokens.joined(start - 1, start)
        return start if apposed and first - start <= 2 else None

    def first_name_apart(self, before: Mention, person: Mention) -> bool:
        """Whether a one-word person right before another is its first word: "Ramdan" + "Denny Prakoso"; or a
        one-word place that is no region nor named as a place: "Muslim" + "Jaya Butar Butar"."""
        word = self.words[before.first]
        return before.first == before.last \
            and (before.label == "PER" or (before.label == "LOC" and self.unplaced_place(before.first))) \
            and self.tokens.joined(before.first, person.first) \
            and (is_name_word(word) or word.casefold() in name_openers()) \
            and self.may_open_name(before.first, person.last - person.first + 1)

    def unplaced_place(self, i: int) -> bool:
        """Whether the one-word place i is neither a region nor named as a place ("di", "Desa", "Puskesmas" before
        it): the model may have read a first name as a village ("Muslim" + "Jaya Butar Butar")."""
        before = self.words[i - 1] if i > 0 and self.tokens.joined(i - 1, i) else ""
        return not is_region(self.words, i, i) and before.casefold() not in PLACE_PREPOSITIONS \
            and before.casefold() not in local_offices() and not opens_region(before)

    def company_name_runs_on(self, before: Mention, person: Mention, person_words: Counter[str]) -> bool:
        """Whether a person right after a company's legal form is the rest of its name: "PT" + "Taru Martani", "PT
        Jaya" + "Abadi Steel"; but not "Direktur PT Bukit Asam" + "Arsal Ismail", "PT Pertamina (Persero)" +
        "Muhammad Iskandar", nor "Group PT Bank DBS" + "Anthonius Sehonamin" when "Anthonius" is named again."""
        words = self.words
        if before.label != "ORG" or words[before.first].casefold() not in LEGAL_FORMS \
                or not self.tokens.joined(before.last, person.first):
            return False
        return before.first == before.last or not (
            words[before.last] == ")" or is_org_tail(words[before.last])
            or any(person_words[words[i]] > 1 for i in range(person.first, person.last + 1))
            or (before.first > 0 and is_title(words[before.first - 1])))

    def names_with_nicknames(self, mentions: list[Mention]) -> list[Mention]:
        """"Munafri 'Appi' Arifuddin": a nickname in single quotes between a person's names is one person, whatever
        the model made of its parts ("Golkar Makassar Munafri" + "Appi' Arifuddin")."""
        if not any(quote in self.tokens.body for quote in SINGLE_QUOTES):
            return mentions
        words = self.words
        people = []
        for i in range(len(words) - 4):
            if words[i + 1] in SINGLE_QUOTES and words[i + 3] == words[i + 1] and is_name_word(words[i]) \
                    and is_name_word(words[i + 2]) and is_name_word(words[i + 4]) and self.tokens.joined(i, i + 4):
                last = i + 4
                while last + 1 < len(words) and is_name_word(words[last + 1]) and self.tokens.joined(last, last + 1):
                    last += 1
                people.append(Mention(i, last, "PER"))
        if not people:
            return mentions
        result = []
        for m in mentions:
            person = next((p for p in people if m.first <= p.last and m.last >= p.first), None)
            if person is None:
                result.append(m)
            elif m.first < person.first and m.label != "PER":
                result.append(Mention(m.first, person.first - 1, m.label))   # "Golkar Makassar" keeps its words
        return sorted(result + people, key=lambda m: m.first)

    def names_region(self, m: Mention) -> bool:
        """Whether a person mention is a world area, country, province, regency or city: an area or a country not given
        an age ("Asia", "Kuwait", but "Vatikan (27)"), a region of two or more words ("Jawa Barat"), or one after a
        preposition of place ("di Wajo") or an office ("Pengadilan Negeri (PN) Palu", "Kapolres Bima"); a one-word
        region alone may be a person's name ("kata Bima")."""
        words = self.words
        if not is_region(words, m.first, m.last):
            return False
        before = words[m.first - 1] if m.first > 0 else ""
        return m.last > m.first or (is_country_or_area(words, m.first, m.last) and not self.aged(m.last)) \
            or before.casefold() in PLACE_PREPOSITIONS \
            or ((before == ")" or opens_region(before)) and self.tokens.joined(m.first - 1, m.first))

    def aged(self, last: int) -> bool:
        """Whether an age in parentheses follows word `last`: "Vatikan (27)"."""
        return self.numbered(last) and len(self.words[last + 2]) <= 2

    def numbered(self, last: int) -> bool:
        """Whether a number in parentheses follows word `last`: "Kuwait (101)"."""
        words = self.words
        return last + 3 < len(words) and words[last + 1] == "(" and words[last + 2].isdigit() and words[last + 3] == ")"

    def may_open_name(self, i: int, name_words: int) -> bool:
        """Whether word i, just before a person name of `name_words` words, can be the name's first word: not an
        office or place acronym ("Kepala Bappenas", "Menteri PU", "Wagub Kaltim"), nor, before a name of two words
        or more, the word a title or "The" opens ("Kasat Reskrim", "The Prakarsa")."""
        word = self.words[i]
        if is_org_head(word) or is_code(word) or word in place_acronyms() or is_office_numeral(word, self.words[i + 1]):
            return False
        if word.casefold() in portfolio_words() or (i > 0 and self.words[i - 1].casefold() in PARTY_WORDS) \
                or self.ends_titled_region(i):
            return False   # "Menteri Komunikasi dan Informatika", "Fraksi Nasdem", "Wakil Gubernur DKI Jakarta"
        if name_words < 2 or i == 0 or not self.tokens.joined(i - 1, i):
            return True
        return not (is_title(self.words[i - 1]) or self.words[i - 1] == "The")

    def ends_titled_region(self, i: int) -> bool:
        """Whether word i ends a region named after an office or place word ("Gubernur DKI Jakarta")."""
        words = self.words
        return any(is_region(words, start, i) and self.after_region_opener(start, i) for start in range(max(0, i - 2), i + 1))

    def after_region_opener(self, first: int, last: int) -> bool:
        """Whether the region words[first:last + 1] follows an office or place word ("Bupati Rokan Hilir"), or,
        being a country or world area, a portfolio ("Menteri Perminyakan Iran")."""
        if first == 0:
            return False
        before = self.words[first - 1]
        return opens_region(before) or (names_portfolio(before) and is_country_or_area(self.words, first, last))

    # --- organisations made of an office word and a place -----------------------------
    def organisations_before_places(self, mentions: list[Mention]) -> list[Mention]:
        """"Pemprov DKI Jakarta", "DPRD DKI Jakarta", "Pemerintah Provinsi (Pemprov) DKI Jakarta", "Cetaphil Indonesia"."""
        covered = self.covered(mentions)
        result = []
        for m in sorted(mentions, key=lambda m: m.first):
            if m.label != "LOC":
                result.append(m)
                continue
            start = self.office_words_before(m.first, covered)
            gap = 3 if m.first >= 3 and self.words[m.first - 1] == ")" and self.words[m.first - 3] == "(" else 0
            previous = next((r for r in reversed(result) if r.last == m.first - 1 - gap), None)
            if previous is not None and previous.label == "ORG" and self.tokens.joined(previous.last, m.first):
                if gap and self.holder_after_code(previous, m):
                    m.label = "PER"
                    result.append(m)
                else:
                    result.remove(previous)
                    result.append(Mention(previous.first, m.last, "ORG"))
            elif start is not None:
                result.append(Mention(start, m.last, "ORG"))
            elif self.words[m.first] == "Indonesia" and m.first == m.last and m.first > 0:
                # a company's Indonesian arm: "Cetaphil Indonesia", "Galderma Indonesia"
                before = m.first - 1
                prev_mention = next((r for r in reversed(result) if r.last == before), None)
                if prev_mention is not None and prev_mention.first == prev_mention.last and prev_mention.label != "LOC" \
                        and is_name_word(self.words[before]):
                    result.remove(prev_mention)
                    result.append(Mention(before, m.last, "ORG"))
                elif before not in covered and is_name_word(self.words[before]) and not self.tokens.sentence_initial(before):
                    result.append(Mention(before, m.last, "ORG"))
                else:
                    result.append(m)
            else:
                result.append(m)
        return result

    def holder_after_code(self, organisation: Mention, place: Mention) -> bool:
        """Whether the "place" after an organisation and its code in parentheses is the holder of the title before
        them: no known place, only name words ("Direktur PT Prima Global Baverindo (PGB) Mustika Aji Jaya Binangun";
        but "Pemerintah Provinsi (Pemprov) DKI Jakarta")."""
        words = self.words
        return organisation.first > 0 and is_title(words[organisation.first - 1]) \
            and place_length(words, place.first, place.last + 1) != place.last - place.first + 1 \
            and all(is_name_word(w) for w in words[place.first:place.last + 1])

    def office_words_before(self, i: int, covered: set[int]) -> int | None:
        """Start of the run of office words ("Pemerintah Provinsi (Pemprov)") right before token i, if any."""
        j = i - 1
        start = None
        while j >= 0 and j not in covered and self.tokens.joined(j, j + 1):
            word = self.words[j]
            if word == ")" and j >= 2 and self.words[j - 2] == "(":
                j -= 3
                continue
            if is_org_head(word) or (start is not None and word.casefold() in {"provinsi", "kota", "kabupaten"}):
                start = j
                j -= 1
                continue
            if word.casefold() in {"provinsi", "kota", "kabupaten"}:
                j -= 1
                continue
            break
        return start

    # --- abbreviations in parentheses ----------------------------------------------------
    def parenthesised(self, mentions: list[Mention]) -> list[Mention]:
        """"Badan Pusat Statistik (BPS)": link both forms; "Puskeswan (Pusat Kesehatan Hewan)" too."""
        words = self.words
        added = []
        for i in _positions(words, "(", 1, len(words) - 2):
            if words[i + 2] != ")":
                continue
            inner = words[i + 1]
            if not looks_like_abbreviation(inner) or is_honorific(inner):
                continue   # "Kapolri Jenderal (Pol) Idham Azis": the rank's force, no abbreviation
            long_first = self.long_form_before(i, inner)
            if long_first is None:
                continue
            while long_first > 0 and is_org_head(words[long_first - 1]) and is_capitalised(words[long_first - 1]) \
                    and self.tokens.joined(long_first - 1, long_first):
                long_first -= 1   # "Kementerian" + "Komunikasi dan Informatika (Kominfo)"
            long_text = self.tokens.text(long_first, i - 1)
            if is_title(words[long_first]) and not is_org_head(words[long_first]):
                continue   # "Menteri Keuangan (Menkeu)": a title, not a name
            label = self.label_of(long_first, i - 1, mentions)
            if label is None:
                continue
            if label == "PER":   # "M Hidayat Nur Wahid (HNW)": the letters skip an initial of the person's name
                long_first = min((m.first for m in mentions if m.last == i - 1 and m.first < long_first
                                  and m.label == "PER"), default=long_first)
                long_text = self.tokens.text(long_first, i - 1)
            if label == "PER" and ((long_first > 0 and is_title(words[long_first - 1]))
                                   or any(word in CONNECTORS for word in words[long_first:i])):
                # "Menteri Imigrasi dan Pemasyarakatan (Imipas) Agus": a portfolio, however the model read it;
                # "Sertifikat Laik Higiene dan Sanitasi (SLHS)": no person's name holds "dan"
                mentions = [m for m in mentions if not (m.label == "PER" and long_first <= m.first and m.last <= i + 2)]
                continue
            if expand_office_key(inner.casefold()) is None:
                self.local_acronyms[inner] = long_text   # the office table already knows "Kominfo"
            # the model's own mentions of the two forms take the link (and the long form's label)
            long_form = next((m for m in mentions if (m.first, m.last) == (long_first, i - 1)), None)
            if long_form is None:
                added.append(Mention(long_first, i - 1, label, defines=inner))
            else:
                long_form.defines = inner
            short_form = next((m for m in mentions if m.first == m.last == i + 1), None)
            if short_form is None:
                added.append(Mention(i + 1, i + 1, label, kind="abbreviation"))
            else:
                short_form.label, short_form.kind = label, "abbreviation"
        return mentions + added

    def parenthesised_nicknames(self, mentions: list[Mention]) -> list[Mention]:
        """"Saifullah Yusuf (Gus Ipul)": a name of two or three words in parentheses right after a person is what
        the article calls them ("kata Gus Ipul"); one word is left to `parenthesised` ("(HNW)")."""
        words = self.words
        people = {m.last: m for m in mentions if m.label == "PER"}
        added = []
        for i in _positions(words, "(", 1, len(words) - 3):
            close = next((j for j in range(i + 3, min(i + 5, len(words))) if words[j] == ")"), None)
            person = people.get(i - 1)
            if close is None or person is None or not self.tokens.joined(i - 1, close):
                continue
            inner = words[i + 1:close]
            if not (inner[0].casefold() in nickname_honorifics() or is_name_word(inner[0])) \
                    or not all(map(is_name_word, inner[1:])) or any(is_code(w) or is_org_head(w) for w in inner):
                continue   # not "(Ditjen Intram)", "(PB JATMA ASWAJA)": an office's or organisation's short name
            self.local_acronyms[self.tokens.text(i + 1, close - 1)] = self.tokens.text(person.first, person.last)
            mentions = [m for m in mentions if not (i < m.first and m.last < close)]
            added.append(Mention(i + 1, close - 1, "PER", kind="abbreviation"))
        return sorted(mentions + added, key=lambda m: m.first) if added else mentions

    def long_form_before(self, paren: int, abbreviation: str) -> int | None:
        """First token of the shortest capitalised run ending before `paren` that `abbreviation` abbreviates."""
        first = self.capitalised_run_start(paren - 1)
        if first is None:
            return None
        for start in range(paren - 1, first - 1, -1):
            if is_capitalised(self.words[start]) and abbreviation_matches(abbreviation, self.tokens.text(start, paren - 1)):
                return start
        return None

    def capitalised_run_start(self, last: int) -> int | None:
        """Start of the run of capitalised words (with connectors and listing commas) ending at `last`."""
        words = self.words
        if last < 0 or not is_capitalised(words[last]):
            return None
        j = last
        while j - 1 >= 0 and self.tokens.joined(j - 1, j):
            word = words[j - 1]
            if is_capitalised(word):
                j -= 1
            elif word.casefold() in CONNECTORS and j - 2 >= 0 and (is_capitalised(words[j - 2]) or words[j - 2] == ","):
                j -= 1
            elif word == "," and j - 2 >= 0 and is_capitalised(words[j - 2]) \
                    and any(w.casefold() in {"dan", "serta", "&"} for w in words[j:last + 1]):
                j -= 1
            else:
                break
        return j

    def label_of(self, first: int, last: int, mentions: list[Mention]) -> str | None:
        """ORG for a name an organisation word opens ("Perhimpunan Hotel dan Restoran Indonesia", whatever the model
        read inside it), else the label of the model's mention overlapping the range most, else ORG when it holds
        an organisation word."""
        if is_org_head(self.words[first]) and is_capitalised(self.words[first]):
            return "ORG"
        best, best_overlap = None, 0
        for m in mentions:
            overlap = min(m.last, last) - max(m.first, first) + 1
            if overlap > best_overlap:
                best, best_overlap = m.label, overlap
        if best is not None:
            return best
        if any(is_org_head(self.words[i]) or is_org_tail(self.words[i]) for i in range(first, last + 1)):
            return "ORG"
        return None

    def extend_organisations(self, mentions: list[Mention]) -> list[Mention]:
        """"BPJS Ketenagakerjaan", "TikTok Shop": the model stopped one capitalised word short; "PT Bank OCBC" +
        "NISP Tbk": it cut a company's name between its legal form and its tail."""
        covered = self.covered(mentions)
        words = self.words
        starts = {m.first: m for m in mentions}
        absorbed = set()
        for m in mentions:
            rest = starts.get(m.last + 1)
            if m.label == "ORG" and rest is not None and rest.label == "ORG" and id(m) not in absorbed \
                    and words[m.first].casefold() in LEGAL_FORMS and is_org_tail(words[rest.last]) \
                    and self.tokens.joined(m.last, rest.first):
                m.last = rest.last
                absorbed.add(id(rest))
        mentions = [m for m in mentions if id(m) not in absorbed]
        for m in mentions:
            after = m.last + 1
            if m.label == "ORG" and after < len(words) and after not in covered and self.tokens.joined(m.last, after) \
                    and not self.tokens.in_heading(after) \
                    and is_capitalised(words[after]) and LETTERS.fullmatch(words[after]) and not words[after].endswith(".") \
                    and not is_title(words[after]) and not is_honorific(words[after]) \
                    and not _never_a_name(words[after]) and not self.tail_ends_sentence(m.last):
                m.last = after
                covered.add(after)
        return mentions

    def organisations_joined_by_dan(self, mentions: list[Mention]) -> list[Mention]:
        """"Kementerian Haji" + "dan Umrah": an office named by two fields is one organisation, when one capitalised
        word closes it (but "KPU dan Bawaslu", "Rumah Sakit RKZ dan Kasikarunia" are two)."""
        words = self.words
        starts = {m.first: m for m in mentions}
        covered = self.covered(mentions)
        dropped: set[int] = set()
        for m in mentions:
            if m.label == "ORG" and (known := self.known_field_end(m)) is not None:
                dropped.update(id(other) for other in mentions if m.last < other.first <= known)
                m.last = known   # "Kementerian Energi" + "dan Sumber Daya Mineral"
                continue
            field = m.last + 2
            if m.label != "ORG" or m.last == m.first or field >= len(words) or words[m.last + 1] != "dan" \
                    or org_words().get(words[m.first].casefold()) != "head" or words[m.first].casefold() in PARTY_WORDS \
                    or words[m.last].isupper() \
                    or not self.tokens.joined(m.last, field):
                continue
            other = starts.get(field)
            if (other is None and field in covered) or (other is not None and (other.last != field or other.label != "ORG")):
                continue
            word = words[field]
            closes = field + 1 >= len(words) or not (is_capitalised(words[field + 1]) and self.tokens.joined(field, field + 1))
            if is_capitalised(word) and not word.isupper() and LETTERS.fullmatch(word) and not is_org_head(word) and closes:
                m.last = field
                if other is not None:
                    dropped.add(id(other))
        return [m for m in mentions if id(m) not in dropped]

    def known_field_end(self, m: Mention) -> int | None:
        """The last word of an office's known fields joined by "dan" that the organisation m stopped inside of, after
        its head word ("Kementerian Energi" of "Kementerian Energi dan Sumber Daya Mineral"), or None."""
        words = self.words
        if not is_org_head(words[m.first]) or m.last + 1 >= len(words) or words[m.last + 1] != "dan":
            return None
        ends = [m.first + len(field) for field in joined_fields()
                if m.last + 1 < m.first + len(field) < len(words)
                and tuple(w.casefold() for w in words[m.first + 1:m.first + 1 + len(field)]) == field
                and all(self.tokens.joined(i, i + 1) for i in range(m.last, m.first + len(field)))]
        return max(ends, default=None)

    def without_generic(self, mentions: list[Mention]) -> list[Mention]:
        """Drop "Pemerintah Daerah", "Puskeswan", "BLUD": generic institutions, not entities."""
        generic = generic_institutions()
        kept = []
        for m in mentions:
            text = self.tokens.text(m.first, m.last)
            full = self.local_acronyms.get(text, text)
            if m.label != "PER" and " ".join(expand_words(full, {})) in generic:
                continue
            kept.append(m)
        return kept

    # --- names the model missed ----------------------------------------------------------
    def names_after_titles(self, mentions: list[Mention]) -> list[Mention]:
        """"Menteri Sosial, Saifullah Yusuf", "Kapolri Jenderal Listyo Sigit": a capitalised name after a title."""
        covered = self.covered(mentions)
        people = self.covered([m for m in mentions if m.label == "PER"])
        added = []
        for i in self.tokens.title_positions:
            if i in covered or (i > 0 and i - 1 not in covered and is_title(self.words[i - 1])):
                continue
            name = self.name_after_role_comma(i, covered, people) or self.name_after_bare_title(i, covered) \
                or self.name_after_local_office(i, covered)
            if name is not None and not self.names_organisation_word(name, mentions):
                added.append(Mention(name[0], name[1], "PER"))
                covered.update(range(name[0], name[1] + 1))
        return mentions + added

    def name_after_role_comma(self, i: int, covered: set[int], people: set[int]) -> tuple[int, int] | None:
        """"Menteri Sosial, Saifullah Yusuf", "Ketua DPRD Kota Bogor, Adityawarman Adil": the role runs over
        capitalised words (organisations and places too, not people) up to a comma; after its first word the name
        may hold ordinary words."""
        words = self.words
        j = i + 1
        while j < len(words) and j not in people and self.tokens.joined(j - 1, j) and (
                is_capitalised(words[j]) or words[j].casefold() in CONNECTORS):
            j += 1
        if j >= len(words) or words[j] != ",":
            return None
        name = self.name_run(j + 1, covered, min_words=1, common_ok=True)
        if name is None or any(is_org_head(words[k]) for k in range(name[0], name[1] + 1)):
            return None   # "anggota House of Representatives, Senat, serta ...": a list of organisations
        return name

    def name_after_bare_title(self, i: int, covered: set[int]) -> tuple[int, int] | None:
        """"Kapolri Jenderal Listyo Sigit", "Presiden Joko Widodo": a self-contained title, ranks, a two-word name.

        Titles that need an object ("Bupati Ogan Komering Ilir", "Kasi Intel") are left to the model.
        """
        words = self.words
        j = i
        while j + 1 < len(words) and self.tokens.joined(j, j + 1) and is_title(words[j + 1]):
            j += 1
        title = words[j].casefold()
        if title not in SELF_CONTAINED_TITLES and len(expand_office(words[j]).split()) < 3:
            return None
        k = j + 1
        while k < len(words) and self.tokens.joined(k - 1, k) and is_honorific(words[k]):
            k += 1
        return self.name_run(k, covered, min_words=2)

    def name_after_local_office(self, i: int, covered: set[int]) -> tuple[int, int] | None:
        """"Kepala Puskesmas Pamulang Fitri", "Camat Cilandak Budi Santoso": the name after a district's or village's
        office (the title i, or the word after it) and the place it serves."""
        words = self.words
        office = i if words[i].casefold() in local_offices() else i + 1
        if office >= len(words) or words[office].casefold() not in local_offices() \
                or not self.tokens.joined(i, office):
            return None
        length = self.place_after_office(office + 1, len(words))
        return self.name_run(office + 1 + length, covered, min_words=1) if length else None

    def name_run(self, k: int, covered: set[int], min_words: int, common_ok: bool = False) -> tuple[int, int] | None:
        """The run of name words starting at k (after honorifics), if it has at least min_words words; with
        `common_ok`, ordinary capitalised words may follow its first word."""
        words = self.words
        while k < len(words) and is_honorific(words[k]):
            k += 1
        end = k
        while end < len(words) and end not in covered and is_name_word(words[end], common_ok and end > k) \
                and end - k < MAX_NAME_WORDS and self.tokens.joined(end - 1, end):
            end += 1
        if end - k < min_words:
            return None
        if end < len(words) and self.tokens.joined(end - 1, end) and is_capitalised(words[end]):
            return None   # the name runs on into words we cannot read as a name
        return k, end - 1

    def people_by_age(self, mentions: list[Mention]) -> list[Mention]:
        """"Suci Anggraini (30)", "berinisial AR (37)": a name or initials followed by an age are a person's, there
        and wherever the article repeats them."""
        words = self.words
        aged_words = [i - 1 for i in _positions(words, "(", 1, len(words)) if self.aged(i - 1)]
        if not aged_words:
            return mentions
        covered = self.covered(mentions)
        mentions = mentions + [Mention(i, i, "PER") for i in aged_words
                               if i not in covered and INITIALS.fullmatch(words[i])]
        numbered_places = {self.tokens.text(m.first, m.last) for m in mentions if self.numbered(m.last)
                           and place_length(words, m.first, m.last + 1) == m.last - m.first + 1}
        if len(numbered_places) < 2:
            numbered_places = set()   # "Vatikan (27)" may be a person; "Uni Emirat Arab (98), dan Rusia (80)" a list
        aged = {self.tokens.text(m.first, m.last) for m in mentions if self.aged(m.last)} - numbered_places
        for m in mentions:
            if m.label != "PER" and self.tokens.text(m.first, m.last) in aged:
                m.label = "PER"
        return mentions

    def people_by_initials(self, mentions: list[Mention]) -> list[Mention]:
        """"tersangka berinisial AS dan BS", "tersangka BS": the initials after "inisial" or a suspect or victim are
        people, there and wherever the article repeats them (the model reads them as organisations)."""
        words = self.words
        initials: set[str] = set()
        for i, word in enumerate(words[:-1]):
            key = word.casefold()
            if key in INITIALLED_PEOPLE and INITIALS.fullmatch(words[i + 1]) and self.tokens.joined(i, i + 1) \
                    and not self.names_office(words[i + 1]):
                initials.add(words[i + 1])
                continue
            if key not in INITIALS_MARKERS:
                continue
            j = i + 1
            while j < len(words) and INITIALS.fullmatch(words[j]):
                initials.add(words[j])
                if j + 1 == len(words) or words[j + 1].casefold() not in {",", "dan", "serta"}:
                    break
                j += 2   # "berinisial AS, BS dan CD"
        if not initials:
            return mentions
        for m in mentions:
            if m.first == m.last and words[m.first] in initials:
                m.label = "PER"
        covered = self.covered(mentions)
        added = [Mention(i, i, "PER", kind="initials") for i, word in enumerate(words)
                 if word in initials and i not in covered]
        return sorted(mentions + added, key=_first)

    def names_office(self, word: str) -> bool:
        """Whether capitals name an office, place or thing rather than a person: "tersangka KPK", "tersangka DPO"."""
        return word.casefold() in office_acronyms() or word in place_acronyms() or _never_a_name(word) \
            or word in self.local_acronyms

    def organisations_by_their_word(self, mentions: list[Mention], role_tokens: set[int]) -> list[Mention]:
        """Organisations the model missed, from an organisation word over the capitalised words after it: in a role
        phrase ("Direktur … Kementerian Kesehatan Siti Nadia"), or anywhere for an office acronym ("Bawaslu",
        "Polres Garut").

        A second organisation word starts another organisation ("Ditjen Pajak" | "Kementerian Keuangan"), and a
        list ("Dinas Ketahanan Pangan, Kelautan, dan Pertanian") needs its "dan".
        """
        covered = self.covered(mentions)
        words = self.words
        found: list[Mention] = []
        for i, word in enumerate(words):
            if i in covered or found and i <= found[-1].last or not (is_capitalised(word) and is_org_head(word)):
                continue
            acronym = expand_office_key(word.casefold()) is not None
            if i not in role_tokens and not (acronym and not self.ends_unread_name(i, covered)
                                             and not self.tokens.in_heading(i) and not self.in_single_quotes(i)):
                continue
            last = self.organisation_run_end(i, covered, lists=i in role_tokens)
            if acronym or any(_names_an_organisation(w) for w in words[i + 1:last + 1]):
                found.append(Mention(i, last, "ORG", kind="by_word"))
        return self.without_generic(found)

    def ends_unread_name(self, i: int, covered: set[int]) -> bool:
        """Whether word i ends a name the model left unread ("Korlantas Polri", "Bareskrim Polri"): a capitalised
        word that is no title comes right before it."""
        before = i - 1
        return before >= 0 and before not in covered and self.tokens.joined(before, i) \
            and is_capitalised(self.words[before]) and not self.tokens.sentence_initial(before) \
            and not is_title(self.words[before]) and not is_honorific(self.words[before])

    def organisation_run_end(self, head: int, covered: set[int], lists: bool) -> int:
        """The last word of the organisation that the organisation word at `head` opens; with `lists`, its name
        may hold connectors and a listing ("Badan Riset dan Inovasi Nasional")."""
        words = self.words
        last = head
        j = head + 1
        while j < len(words) and j not in covered and self.tokens.joined(j - 1, j):
            word = words[j]
            if is_capitalised(word) and (is_org_head(word) or is_honorific(word) or _never_a_name(word)
                                         or rank_phrase_at(words, j)):
                break   # "Kepolisian Daerah Metro Jaya" + "Inspektur Jenderal M Fadil Imran": a rank opens the person
            if is_capitalised(word):
                last = j
            elif not lists or word.casefold() not in ORGANISATION_CONNECTORS and not (
                    word == "," and "dan" in map(str.casefold, words[j:j + 6])):
                break
            j += 1
        # "Dinas PUPR Kota" + "Medan": the place is a name of its own; "KPK Wilayah V" is the KPK
        while last > head and words[last].casefold() in place_prefixes():
            last -= 1
        if last > head + 1 and ROMAN.fullmatch(words[last]) and words[last - 1].casefold() in place_prefixes():
            last -= 2
        return last

    def unknown_names(self, mentions: list[Mention], skip: set[int]) -> list[Mention]:
        """Names in mid-sentence that nothing else explains: "membeli Lazada", "melalui Himbara"; places where the
        place list or a preposition says so ("dan Iran mengisyaratkan", "di Cushing").

        Only Titlecase words right after a lower-case word count (all-caps words are mostly
        generic terms: KTP, ASN, OTT). Run last, with `skip` holding the role phrases' tokens.
        """
        covered = self.covered(mentions) | skip
        words = self.words
        added = []
        resume = 1
        for i in [i for i, word in enumerate(words[1:], 1) if word[:1].isupper()]:
            if i < resume or i in covered or not words[i - 1].islower() or not self.guessable(i) \
                    or not self.tokens.joined(i - 1, i) or self.in_single_quotes(i) or self.tokens.in_heading(i):
                continue
            j = i
            while j + 1 < len(words) and j + 1 not in covered and self.guessable(j + 1) \
                    and self.tokens.joined(j, j + 1) and j + 1 - i < MAX_NAME_WORDS:
                j += 1
            resume = j + 1
            if j + 1 < len(words) and self.tokens.joined(j, j + 1) and is_capitalised(words[j + 1]):
                continue   # runs on into words we cannot read as a name
            previous = words[i - 1].casefold()
            # "dan Iran mengisyaratkan", "pembangunan Waduk Karian"
            place = previous in {"di", "ke"} or is_region(words, i, j) or names_venue(words[i:j + 1])
            added.append(Mention(i, j, "LOC" if place else "ORG", kind="guess"))
        return added

    def guessable(self, i: int) -> bool:
        word = self.words[i]
        return len(word) >= 3 and not word.isupper() and is_name_word(word) and not ROMAN.fullmatch(word)

    def in_single_quotes(self, i: int) -> bool:
        """Inside a 'quoted title' on the same line (those are names of things, not entities)."""
        line_start = self.tokens.body.rfind("\n", 0, self.tokens.starts[i]) + 1
        before = self.tokens.body[line_start:self.tokens.starts[i]]
        return (before.count("'") + before.count("‘")) % 2 == 1

    # --- bookkeeping ------------------------------------------------------------------------
    @staticmethod
    def covered(mentions: list[Mention]) -> set[int]:
        return covered_tokens(mentions)

    @staticmethod
    def without_overlaps(mentions: list[Mention]) -> list[Mention]:
        """Keep the longest of overlapping mentions (the earlier found on ties)."""
        if not mentions:
            return []
        order = sorted(mentions, key=_negative_width)   # stable: the earlier found first on ties
        taken = bytearray(max(m.last for m in mentions) + 1)
        kept = []
        for m in order:
            end = m.last + 1
            if taken.find(1, m.first, end) >= 0:
                continue
            taken[m.first:end] = b"\x01" * (end - m.first)
            kept.append(m)
        return sorted(kept, key=_first)

    def find(self) -> list[Mention]:
        mentions = self.from_model()
        mentions = self.split_glued(mentions)
        mentions = self.without_overlaps(mentions)
        mentions = self.names_with_nicknames(mentions)
        mentions = self.people_repaired(mentions)
        mentions = self.organisations_before_places(mentions)
        mentions = self.parenthesised(mentions)
        mentions = self.parenthesised_nicknames(mentions)
        mentions = self.without_overlaps(mentions)
        mentions = self.extend_organisations(mentions)
        mentions = self.organisations_joined_by_dan(mentions)
        mentions = self.without_generic(mentions)
        mentions = self.names_after_titles(mentions)
        mentions = self.people_by_initials(mentions)
        mentions = self.people_by_age(mentions)
        mentions = self.headings_trimmed(mentions)
        mentions = self.without_closing_credit(mentions)
        return self.without_overlaps(mentions)

    def without_closing_credit(self, mentions: list[Mention]) -> list[Mention]:
        """"… sejak Mei 2010. (Sanny Cicilia)", "… kata Pri Agung. (EVY)": a name in parentheses that ends the body,
        after a full stop, is the reporter's credit, not part of the story (unless the story names it too)."""
        words = self.words
        end = len(words) - 1
        if end < 3 or words[end] != ")":
            return mentions
        opening = _last_index(words, "(", max(0, end - MAX_NAME_WORDS - 1), end)
        if opening is None or opening == 0 or words[opening - 1] not in {".", "!", "?", '"', "”"}:
            return mentions
        credit = words[opening + 1:end]
        named_elsewhere = any(m.first <= opening and words[m.first:m.last + 1] == credit for m in mentions)
        if named_elsewhere:
            return mentions
        return [m for m in mentions if not (opening < m.first and m.last < end)]

    def headings_trimmed(self, mentions: list[Mention]) -> list[Mention]:
        """A subheading mention that runs past a name the body spells elsewhere is cut back to that name."""
        known = {tuple(self.words[m.first:m.last + 1]) for m in mentions if m.kind != "heading"}
        for m in mentions:
            if m.kind != "heading":
                continue
            for last in range(m.last, m.first - 1, -1):
                if tuple(self.words[m.first:last + 1]) in known:
                    m.last = last
                    break
        return mentions


def _never_a_name(word: str) -> bool:
    """A day, month or unit word, or a range of them and numbers ("Juli-September", "Covid-19"), or an ordinary
    word with a possessive "-nya" ("Legalitasnya" opening a sentence)."""
    key = word.casefold()
    return key in not_names() or (key.endswith("nya") and key[:-3] in common_words()) \
        or ("-" in key and all(part in not_names() or part.isdigit() for part in key.split("-")))


def is_office_numeral(word: str, next_word: str) -> bool:
    """"Wilayah V" + "Dian Patria", "Teradu I" + "Muhammad Afifuddin": a Roman numeral before a name is the office's;
    but the Balinese "I" opens "I Made Anom"."""
    return ROMAN.fullmatch(word) is not None and not (word == "I" and next_word.casefold() in name_openers())


def _names_an_organisation(word: str) -> bool:
    """A word after an organisation word that makes it a name: "Kesehatan", "PU"; not "III" or "C"."""
    return is_capitalised(word) and not ROMAN.fullmatch(word) and (is_code(word) or len(word) >= 3)


def _positions(words: list[str], word: str, start: int, stop: int) -> Iterator[int]:
    """Where word occurs in words[start:stop] (list.index scans in C)."""
    i = start - 1
    while True:
        try:
            i = words.index(word, i + 1, stop)
        except ValueError:
            return
        yield i


def _last_index(words: list[str], word: str, first: int, last: int) -> int | None:
    """The index of the last `word` among words[first..last], if any."""
    window = words[first:last + 1]
    if word not in window:
        return None
    return last - window[::-1].index(word)


def _negative_width(m: Mention) -> int:
    return m.first - m.last


def _first(m: Mention) -> int:
    return m.first


def covered_tokens(mentions: list[Mention]) -> set[int]:
    """The token indices inside any of the mentions."""
    return {i for m in mentions for i in range(m.first, m.last + 1)}


def person_words_outside(mentions: list[Mention], words: list[str]) -> set[str]:
    """Words that some person mention of two or more words ends with or holds after its first word."""
    return {words[i] for m in mentions if m.label == "PER" for i in range(m.first + 1, m.last + 1)}


def person_key_words(text: str) -> list[str]:
    """A person's name words without honorifics, ranks or nickname honorifics, casefolded; a nickname's quotes
    dropped ("Munafri 'Appi' Arifuddin" -> munafri, appi, arifuddin); initials kept ("ST Burhanuddin")."""
    words = text.replace(",", " ").split()
    return [w.strip("'‘’").casefold() for i, w in enumerate(words)
            if (not is_honorific(w) or (i == 0 and len(words) > 1 and reads_as_initials(w)))
            and w.casefold() not in nickname_honorifics() and w not in "()"]


def without_parentheses(text: str) -> str:
    """The text with each parenthesised part replaced by a space."""
    return PARENTHESES.sub(" ", text) if "(" in text else text


def expand_words(text: str, local: dict[str, str]) -> list[str]:
    """Words with abbreviations spelled out (this body's own first, then places, then offices), casefolded."""
    words: list[str] = []
    for word in text.replace("(", " ( ").replace(")", " ) ").split():
        if word in local:
            words.extend(local[word].casefold().split())
        else:
            words.extend(expanded_word(word))
    return words


@lru_cache(maxsize=1 << 16)
def expanded_word(word: str) -> tuple[str, ...]:
    """A word with a place or office abbreviation spelled out (from the fixed tables), casefolded."""
    places = place_acronyms()
    full = places[word] if word in places else expand_office(word)
    return tuple(full.casefold().split())
