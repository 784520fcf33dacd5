"""Roles: the title phrase the text writes right before or after a name.

    Menteri Komunikasi dan Informatika, Rudiantara      (preposed, comma)
    Kapolri Jenderal Listyo Sigit                        (preposed, rank dropped)
    Darmin Nasution (Menko Perekonomian)                 (in parentheses)
    Angel Zhao, vice president Alibaba Group             (postposed)

A role is a verbatim slice of the body, from its first title word to its last
capitalised word, without honorifics, ranks or academic titles.
"""
from __future__ import annotations

import re

from warta.extract.entities.lexicon import (CONNECTORS, field_titles, honorific_kind, is_honorific, is_title,
                                           place_prefixes, places, rank_phrase_before)
from warta.extract.entities.mentions import Tokens, expand_words, is_capitalised, without_parentheses

LISTING = frozenset({"dan", "serta", "&", "and"})
ORDINAL = re.compile(r"^ke-?\d+$", re.IGNORECASE)
FORMER = frozenset({"mantan", "eks", "bekas"})
ACTING = ("pejabat", "sementara")
FUNCTION_WORDS = frozenset({"kepada", "pada", "oleh", "dengan", "yang", "itu", "ini", "ke", "dalam", "atas", "bagi",
                            "tentang", "terhadap", "sebagai", "adalah", "akan", "telah", "sudah", "juga", "pun", "saat"})
ACTIVE_VERB = re.compile(r"(?:mem|men|meng|meny|ber)[a-z]{3,}")   # menilai, mengatakan, berpendapat
MAX_PAREN_WORDS = 8
MAX_ROLE_WORDS = 16


def role_before(tokens: Tokens, first: int, blocked: set[int], named: frozenset[int] = frozenset()) \
        -> tuple[int, int] | None:
    """Token range of the role phrase ending right before the name starting at token `first`; `named` are the
    tokens of places and organisations, whose title words are theirs ("Rumah Dinas Bupati Agam")."""
    words = tokens.texts
    j = first - 1
    while j >= 0 and tokens.joined(j, j + 1):
        if rank := rank_phrase_before(words, j):
            j -= rank   # "Komisaris Besar Ade Ary", "Inspektur Jenderal ...": a rank written out in words
        elif is_honorific(words[j]) and not _service_after_title(words, j):
            j -= 1
        elif words[j] == ")" and j >= 2 and words[j - 2] == "(" and honorific_kind(words[j - 1]) == "service":
            j -= 3   # "Kapolri Jenderal (Pol) Listyo Sigit": the force of the rank, in parentheses
        else:
            break
    if j >= 0 and words[j] == ",":
        j -= 1
    if j < 0 or j in blocked or not tokens.joined(j, first):
        return None
    end = j
    k = j
    while k >= 0 and k not in blocked and end - k < MAX_ROLE_WORDS and tokens.joined(k, end):
        word = words[k]
        if word == ")":
            opening = _matching_open(words, k)
            if opening is None:
                break
            k = opening - 1
        elif is_capitalised(word) or is_title(word) or ORDINAL.match(word):
            k -= 1
        elif word.casefold() in CONNECTORS and k > 0 and (is_capitalised(words[k - 1]) or words[k - 1] in {")", ","}):
            k -= 1
        elif word == "/" and k > 0 and is_capitalised(words[k - 1]):
            k -= 1   # "Menteri Riset dan Teknologi / Kepala Badan Riset dan Inovasi Nasional"
        elif (field := _field_title_before(words, k)) is not None:
            k = field - 1   # "Pengamat pertanian Khudori", "juru bicara KPK Budi Prasetyo"
        elif word == "," and k > 0 and is_capitalised(words[k - 1]) \
                and (_listing_follows(words, k, end) or _place_follows(words, k, end)):
            k -= 1
        elif word.isdigit() and len(word) <= 4 and k > 0 and is_capitalised(words[k - 1]):
            k -= 1   # "Kepala SMKN 1 Cangkringan", "Kepala Humas Daop 1"
        else:
            break
    # a title right after a capitalised word is part of a name: "Keputusan Presiden", "Kantor Presiden"
    titles = [i for i in range(k + 1, end + 1) if tokens.is_title_at(i) and (
        i == k + 1 or is_title(words[i - 1]) or not is_capitalised(words[i - 1]) or tokens.sentence_initial(i - 1))]
    if not titles:
        # "Asta Cita Presiden Prabowo", "Keputusan Presiden Jokowi": the words before the title name something else
        titles = [i for i in range(k + 1, end + 1)
                  if is_title(words[i]) and is_capitalised(words[i]) and i not in named][-1:]
    if not titles:
        return None
    start = _role_start(tokens, titles, k)
    # "Menteri BUMN Rini Soemarno, Direktur Utama Pertamina, dan Kepala BPH Migas Andi": the last office of a
    # list is the name's (without the comma, "Menko Perekonomian dan Ketua Umum Golkar Airlangga" holds both)
    start = max((i + 1 for i in range(start + 2, end) if words[i].casefold() in LISTING and words[i - 1] == ","
                 and is_title(words[i + 1])), default=start)
    while end > start and (words[end].casefold() in CONNECTORS or words[end] == ","):
        end -= 1
    return start, end


def role_after(tokens: Tokens, last: int, blocked: set[int]) -> tuple[int, int] | None:
    """Token range of the role phrase right after the name ending at token `last`: "(Menko Perekonomian)" or ", vice president X"."""
    words = tokens.texts
    k = last + 1
    if k >= len(words) or not tokens.joined(last, k):
        return None
    if words[k] == "(":
        closing = next((i for i in range(k + 1, min(len(words), k + MAX_PAREN_WORDS + 2)) if words[i] == ")"), None)
        inner_first = k + 1
        while inner_first < len(words) and is_honorific(words[inner_first]):
            inner_first += 1
        if closing is None or inner_first >= closing or not is_title(words[inner_first]):
            return None
        inner_last = closing - 1
        blocked_inside = [i for i in range(inner_first, closing) if i in blocked]
        if blocked_inside:
            inner_last = blocked_inside[0] - 1
        while inner_last >= inner_first and is_honorific(words[inner_last]):
            inner_last -= 1
        return (inner_first, inner_last) if inner_last >= inner_first else None
    if words[k] != ",":
        return None
    k += 1
    while k < len(words) and is_honorific(words[k]):
        k += 1
    if k >= len(words) or not is_title(words[k]) or k in blocked:
        return None
    start = k
    while k < len(words) and k not in blocked and k - start < MAX_ROLE_WORDS and tokens.joined(start, k):
        word = words[k]
        if is_title(word) or is_capitalised(word) or ORDINAL.match(word):
            k += 1
        elif word.casefold() in CONNECTORS and k + 1 < len(words) and (is_capitalised(words[k + 1]) or is_title(words[k + 1])):
            k += 1
        elif word == "(":
            closing = _matching_close(words, k)
            if closing is None:
                break
            k = closing + 1
        else:
            break
    if _introduces_next_person(tokens, start, k, blocked):
        return None
    end = k - 1
    while end > start and (words[end].casefold() in CONNECTORS or is_honorific(words[end])):
        end -= 1
    return start, end


def _introduces_next_person(tokens: Tokens, start: int, stop: int, blocked: set[int]) -> bool:
    """Whether the role phrase start..stop-1 after one name is the title of the person named right after it:
    "Senada dengan Deddy, anggota Komisi II DPR Ahmad Doli mengatakan", "Eddy, Waketum Partai Demokrat, Dede Yusuf",
    a list "Jusuf Kalla, Wakil Presiden ke-11 Boediono, ...". Not so for "Jed Dorsheimer, analis di William Blair"
    or "Jhony, pengacara Lisa Mariana, kliennya" (the next name is what the role is of)."""
    words = tokens.texts
    if stop + 1 < len(words) and words[stop] == "," and stop + 1 in blocked and tokens.joined(stop, stop + 1):
        return True
    if stop not in blocked or not tokens.joined(stop - 1, stop) or words[stop - 1].casefold() in CONNECTORS:
        return False
    after = stop
    while after in blocked:
        after += 1
    closes_apposition = after < len(words) and words[after] in {",", ")"}
    return not (closes_apposition and not is_capitalised(words[start]))


def role_key(role: str, local: dict[str, str] | None = None) -> str:
    """A role compared with others: abbreviations spelled out, parentheses and ordinals dropped, casefolded.

    "menko Perekonomian" and "Menteri Koordinator Perekonomian" share "menteri koordinator perekonomian".
    """
    without_parens = without_parentheses(role)
    words = [w for w in expand_words(without_parens, local or {}) if not ORDINAL.match(w) and w not in {",", "."}]
    return " ".join(words)


def _role_start(tokens: Tokens, titles: list[int], k: int) -> int:
    """The first word of a role, given its title words and the word before the capitalised run it is in."""
    words = tokens.texts
    # "pimpinan Presiden Prabowo": a lower-case title word before a capitalised one is ordinary prose
    start = next((i for i in titles if is_capitalised(words[i])), titles[0])
    while start - 1 > k and is_title(words[start - 1]) and is_capitalised(words[start - 1]):
        start -= 1   # "PSBB Menteri Koordinator Bidang Perekonomian": the title runs on from the word before
    if start > 0 and words[start - 1].casefold() in FORMER and tokens.joined(start - 1, start):
        start -= 1   # "mantan Menteri Pertanian": a former office is not the office
    opener = start - 3 if start >= 3 and words[start - 1] == ")" and words[start - 3] == "(" else start
    if opener - 2 > k and tuple(w.casefold() for w in words[opener - 2:opener]) == ACTING:
        start = opener - 2   # "Pejabat Sementara (Pjs) Gubernur Sulut": an acting office
    return start


def _field_title_before(words: list[str], k: int) -> int | None:
    """The index of a title that a lower-case field runs from up to word k ("Pengamat kebijakan publik"), or None."""
    for t in range(k, max(-1, k - 4), -1):
        if t < k and words[t].casefold() in field_titles():
            return t
        if not (words[t].isalpha() and words[t].islower()) or words[t] in CONNECTORS | FUNCTION_WORDS \
                or ACTIVE_VERB.match(words[t]):
            return None   # "memberikan kuasa kepada Ibnu", "kuasa hukum mengatakan Lisa": prose, not a field
    return None


def _service_after_title(words: list[str], j: int) -> bool:
    """"Panglima TNI Jenderal Agus": TNI belongs to the title; in "Mayjen TNI Kristomei" it follows a rank."""
    return honorific_kind(words[j]) == "service" and not (j > 0 and is_honorific(words[j - 1]))


def _matching_open(words: list[str], close: int) -> int | None:
    for i in range(close - 1, max(-1, close - MAX_PAREN_WORDS - 2), -1):
        if words[i] == "(":
            return i
    return None


def _matching_close(words: list[str], open_: int) -> int | None:
    for i in range(open_ + 1, min(len(words), open_ + MAX_PAREN_WORDS + 2)):
        if words[i] == ")":
            return i
    return None


def _place_follows(words: list[str], comma: int, end: int) -> bool:
    """A comma before the place an office is in ("Camat Tanah Abang, Jakarta Pusat", "Kepala Dusun Nglahar,
    Kelurahan Sumbersari"): a place word or a known place follows, up to the next comma or the end."""
    stop = next((i for i in range(comma + 1, end + 1) if words[i] == ","), end + 1)
    segment = tuple(w.casefold() for w in words[comma + 1:stop])
    return bool(segment) and (segment[0] in place_prefixes() or segment in places())


def _listing_follows(words: list[str], comma: int, end: int) -> bool:
    """A comma inside an enumerated name ("Pangan, Kelautan, dan Pertanian"): a "dan" follows before the end."""
    return any(words[i].casefold() in LISTING for i in range(comma + 1, end + 1))
