"""The compiled scans of the quotes stage, each checked against the Python / `re` definition it replaces.

The references below are the stage's former Python code; the texts are random runs of reporting
verbs, pronouns, titles, names, stop words, quote marks (straight and curly), punctuation, white
space and 1-, 2- and 4-byte characters (PEP 393 kinds), seeded.
"""
from __future__ import annotations

import bisect
import random
import re

import pytest

from operator import attrgetter, itemgetter

from warta.extract.quote_mentions import Mentions
from warta.extract.quote_scan import (Attribution, Speaker, WordTable, last_sentence_start, quoted_spans,
                                      sentence_starts, subject_search_start)
from warta.extract.quotes import (MAX_WHO_CHARS, MIN_INDIRECT_WORDS, NAME_JOINERS, PERSON_LABELS, SENTENCE_LOOKBACK,
                                  THAT, _alternation, attribution_before, indirect_statements, lexicon, read_table)
from warta.extract.tables import body_index, trie_pattern

MARKS = "\"\u201c\u201d\u201e\u201f"
SENTENCE_END = re.compile(rf"[.!?][{MARKS}]?\s+")
CASES = 3000  # texts per test


def pieces() -> list[str]:
    """Words of the tables (a few of each, in several cases) and the characters around them."""
    lex = lexicon()
    some = lambda words, n: sorted(words)[:n]  # noqa: E731
    words = ["kata", "ujar", "tutur", "katanya", "ujarnya", "mengatakan", "menegaskan", "bilang", "menurut",
             "menurutnya", "ia", "dia", "mereka", "ini", "itu", "tersebut", "juga", "pun", "dalam", "di", "yang",
             "Senin", "Kepala", "Wali", "Kota", "Pak", "Dr.", "H.", "Budi", "Kalla", "BPS", "ter", "bahwa",
             "bahwasanya", "nya", "x", "_", "2", "2025"]
    words += some(lex.verb_roots, 8) + some(lex.titles, 6) + some(lex.pronouns, 4)
    words += [w[:1].upper() + w[1:] for w in words[:20]] + [w.upper() for w in words[:6]]
    chars = [" ", " ", " ", "  ", "\t", "\u00a0", "\n", "\n\n", ",", ", ", ".", ". ", "!", "?", ";", ":", "(", ")",
             "'", "-", *MARKS, "é", "ş", "\u2026", "\u212a", "\u0130", "😀"]
    return words + chars * 2


PIECES = pieces()


def texts(seed: int, count: int = CASES, longest: int = 40) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def phrase(rnd: random.Random, longest: int) -> str:
    return "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, longest)))


def blank(rnd: random.Random) -> str:
    return rnd.choice(["", " ", " ", "  ", "\t", " \t", "\u00a0"])


def attribution_texts(seed: int, count: int = CASES) -> list[str]:
    """Quotes followed by a reporting verb, a subject and a verb, or anything."""
    rnd = random.Random(seed)
    lex = lexicon()
    verbs = sorted(lex.verb_roots) + ["katanya", "ujarnya", "Kata", "Tuturnya"]
    found = []
    for _ in range(count):
        verb = rnd.choice(verbs)
        subject = rnd.choice(["Budi", "ia", "Dia", "mereka", "Pak Budi"]) + rnd.choice(["", " juga"])
        after = rnd.choice([f"{blank(rnd)}{rnd.choice(['', ','])}{blank(rnd)}{verb}", f" {subject} {verb}", ""])
        found.append(f"{phrase(rnd, 6)}{rnd.choice(MARKS)}{phrase(rnd, 6)}{rnd.choice(['', ',', '.', '?'])}"
                     f"{rnd.choice(MARKS)}{after}{blank(rnd)}{phrase(rnd, 12)}")
    return found


def statement_texts(seed: int, count: int = CASES) -> list[str]:
    """Paragraphs of a subject, a reporting verb or "menurut", a comma or THAT, and words."""
    rnd = random.Random(seed)
    lex = lexicon()
    verbs = [f for group in (*lex.indirect_verb, *lex.indirect_according) for f in sorted(group)]
    found = []
    for _ in range(count):
        lines = []
        for _ in range(rnd.randint(1, 3)):
            verb = rnd.choice(verbs) if rnd.random() < 0.8 else "ter" + rnd.choice(verbs)
            tail = rnd.choice([",", f" {THAT}", f", {THAT}", f",{THAT}", f" {THAT}sanya", "", " Budi,", " Kepala BPS ,",
                               "  ,", " ,", ":"])
            lines.append(f"{phrase(rnd, 3)}{rnd.choice(['', ' ', 'Budi ', 'Ia ', 'mereka '])}{verb}{tail}{blank(rnd)}"
                         f"{' '.join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 8)))}")
        found.append("\n".join(lines))
    return found


def spans(text: str, rnd: random.Random, count: int = 3) -> list[tuple[int, int]]:
    starts = (rnd.randint(0, len(text)) for _ in range(count))
    return [(start, rnd.randint(start, len(text))) for start in starts]


# -- WordTable: a dict lookup -------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(2))
def test_word_table_is_a_dict_of_the_text_or_its_lower_case(seed):
    words = {w: i % 3 for i, w in enumerate(sorted({p.lower() for p in PIECES if p.isascii() and p.strip()}))}
    table = WordTable(words)
    for text in texts(seed, longest=3) + [p for p in PIECES]:
        assert table.get(text) == words.get(text), text
        assert table.get(text, True) == words.get(text.lower()), text


# -- the attribution after a closing mark ------------------------------------------------------

def reference_after(body: str, close: int):
    """quotes.attribution_after before it was compiled, as (verb, verb start, who, subject, pronoun)."""
    lex = lexicon()
    para_end = body.find("\n", close)
    para_end = len(body) if para_end < 0 else para_end
    m = VERB.match(body, close + 1, para_end)
    if m is None:
        m = lex.scan.subject_then_verb.match(body, close + 1, para_end)
        if m is None:
            return None
        kind = lex.pronouns.get(m.group("subj").lower())
        subject = m.span("subj") if kind is None else None
        return lex.root(m.group("verb")), m.start("verb"), None, subject, kind == "single"
    verb_start, verb_end = m.span("verb")
    verb = lex.root(m.group("verb"))
    if m.group("nya"):
        return verb, verb_start, None, None, True
    window_end = min(para_end, verb_end + MAX_WHO_CHARS)
    cut = next((c for c in WHO_END.finditer(body, verb_end, window_end)
                if not (body[c.start()] == "." and reference_abbreviation_dot(body, verb_end, c.start(), window_end))),
               None)
    window = body[verb_end:cut.start() if cut else window_end]
    who_start, who_end = verb_end + len(window) - len(window.lstrip()), verb_end + len(window.rstrip(" ,"))
    who_text = body[who_start:who_end]
    kind = lex.pronouns.get(who_text.split(" ", 1)[0].strip(",.").lower())
    if kind == "single":
        return verb, verb_start, None, None, True
    ends_clause = body[close - 1] in ",.!?\u2026" or body.find(",", close + 1, verb_start) >= 0
    if not ends_clause and not body[who_start:who_start + 1].isupper():
        return None
    if kind == "plural" or who_start >= who_end:
        return verb, verb_start, None, None, False
    if reference_points_back(who_text):
        return verb, verb_start, None, None, True
    return verb, verb_start, (who_start, who_end), None, False


def reference_abbreviation_dot(body: str, start: int, dot: int, end: int) -> bool:
    """A full stop after an initial or a title's abbreviation, before a capitalised word: "M. Iftitah", "Plt. Direktur"."""
    word = re.search(r"\w*$", body[start:dot]).group()
    after = body[dot + 1:end].lstrip()
    if not word or not after[:1].isupper():
        return False
    return word.isupper() if len(word) == 1 else word.lower() in lexicon().titles


def reference_points_back(who: str) -> bool:
    lex = lexicon()
    text = who.replace(",", " ")
    head = text.split(None, 1)
    if not head or head[0].lower() not in lex.titles:
        return False
    words = text.split()
    for i, word in enumerate(words[1:], 1):
        if lex.pronouns.get(word.strip(".").lower()) == "demonstrative":
            return all(w[:1].isupper() or w[:1].isdigit() for w in words[1:i])
    return False


def _stop_words(kind: str | None = None) -> list[str]:
    return [word for word, stop_kind, *_ in read_table("attribution_stops.tsv") if kind in (None, stop_kind)]


VERB = re.compile(rf"[\s,]*(?P<verb>{_alternation(lexicon().verb_roots)})(?P<nya>nya)?(?!\w)")
WHO_END = re.compile(rf"[;!?]|[.!?][{MARKS}]?\s+|(?<!\w)(?:{trie_pattern(_stop_words('hard'))})(?!\w)")
STOP = re.compile(rf",|\(|(?<!\w)(?:{trie_pattern(_stop_words())})(?!\w)")


def as_tuple(attribution):
    if attribution is None:
        return None
    a = attribution
    return a.verb, a.verb_start, a.who, a.subject, a.pronoun


@pytest.mark.parametrize("seed", range(3))
def test_attribution_after_is_the_python_definition(seed):
    rnd = random.Random(seed)
    scan = lexicon().scan
    for text in texts(seed) + attribution_texts(seed):
        marks = [i for i, ch in enumerate(text) if ch in MARKS and i > 0]
        for close in marks + [rnd.randint(1, len(text) - 1) for _ in range(2) if len(text) > 1]:
            assert as_tuple(scan.after(text, close)) == reference_after(text, close), (text, close)


def reference_trim_who(body: str, start: int, end: int) -> int:
    """quotes.trim_who before it was compiled: the end of the trimmed window."""
    stop_words = set(_stop_words())

    def first_stop(at: int) -> int:
        m = STOP.search(body, at, end)
        return m.start() if m else -1

    def is_role_comma(stop: int) -> bool:
        if body[stop] != ",":
            return False
        after = body[stop + 1:end].lstrip()
        first = after.split(" ", 1)[0] if after else ""
        return bool(first[:1].isupper()) and first not in stop_words

    stop = first_stop(start + 1)
    while stop >= 0 and is_role_comma(stop):
        stop = first_stop(stop + 1)
    return stop if stop >= 0 else end


@pytest.mark.parametrize("seed", range(3))
def test_trim_who_is_the_python_definition(seed):
    rnd = random.Random(seed)
    scan = lexicon().scan
    for text in texts(seed) + attribution_texts(seed):
        for start, end in spans(text, rnd):
            assert scan.trim_who(text, start, end) == reference_trim_who(text, start, end), (text, start, end)


NAME_WORD = re.compile(r"[A-Z][\w'.\-]*")


def reference_name_words(body: str, start: int, end: int) -> tuple[list[str], int]:
    """The words and leading titles ArticleText.by_surface read before they were compiled."""
    titles = lexicon().titles
    words = [w if len(w) == 2 else w.rstrip(".") for w in NAME_WORD.findall(body, start, end)]
    lead = 0
    for w in words:
        if w.lower().rstrip(".") not in titles and w.lower() not in titles:
            break
        lead += 1
    return words, lead


@pytest.mark.parametrize("seed", range(3))
def test_name_words_are_the_regex_words_and_leading_titles(seed):
    rnd = random.Random(seed)
    scan = lexicon().scan
    for text in texts(seed) + attribution_texts(seed):
        for start, end in spans(text, rnd):
            assert scan.name_words(text, start, end) == reference_name_words(text, start, end), (text, start, end)


LAST_NON_SUBJECT_CHAR = re.compile(r"[^\w\s'.\-][\w\s'.\-]*(?:,\s*)?$")
TRAILING_COMMA = re.compile(r",\s*$")


@pytest.mark.parametrize("seed", range(3))
def test_subject_search_start_is_the_regex_definition(seed):
    rnd = random.Random(seed)
    for text in texts(seed) + statement_texts(seed):
        for start, end in spans(text, rnd):
            other = LAST_NON_SUBJECT_CHAR.search(text, start, end)
            expected = other.start() if other and not TRAILING_COMMA.match(text, other.start(), end) else -1
            assert subject_search_start(text, start, end) == expected, (text, start, end)


def subject_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The stage's former subject patterns: after white space or a comma, and opening the body."""
    lex = lexicon()
    pronoun = _alternation(w for w in lex.pronouns if w != "nya")
    name = rf"[A-Z][\w'.\-]*(?:\s+(?:[A-Z][\w'.\-]*|{'|'.join(NAME_JOINERS)}))*"
    adverb = f"(?:\\s+(?:{_alternation(row[0] for row in read_table('attribution_adverbs.tsv'))}))*"
    tail = rf"(?P<subj>{pronoun}|{name}){adverb}\s*,?\s*$"
    return re.compile(rf"[\s,]{tail}"), re.compile(tail)


SUBJECT_TAIL, SUBJECT_OPENING = subject_patterns()


def reference_subject_before(body: str, start: int, end: int):
    """Lexicon.subject_before before it was compiled, as the subject's span."""
    other = LAST_NON_SUBJECT_CHAR.search(body, start, end)
    if other and not TRAILING_COMMA.match(body, other.start(), end):
        m = SUBJECT_TAIL.search(body, other.start(), end)
    elif start == 0 and SUBJECT_OPENING.match(body, 0, end):
        m = SUBJECT_OPENING.match(body, 0, end)
    else:
        m = SUBJECT_TAIL.search(body, start, end)
    return m.span("subj") if m else None


def subject_texts(seed: int, count: int = CASES) -> list[str]:
    """Words before a verb: names (with joiners), pronouns, adverbs, commas and anything."""
    rnd = random.Random(seed)
    words = ["Budi", "Santoso", "Ali", "bin", "binti", "van", "de", "al", "ia", "Ia", "dia", "Mereka", "juga", "Juga",
             "pun", "kembali", "sudah", "itu", "O'Neil", "Jr.", "Al-Amin", "x", "2"]
    return ["".join(rnd.choice(words + [" ", " ", " ", ",", ", ", "\n", "\t"] + PIECES[:5])
                    for _ in range(rnd.randint(0, 14))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(3))
def test_subjects_before_are_the_subject_patterns(seed):
    rnd = random.Random(seed)
    subjects = lexicon().subjects
    for text in texts(seed) + subject_texts(seed):
        for start, end in spans(text, rnd) + [(0, len(text)), (rnd.randint(0, len(text)), len(text))]:
            assert subjects.before(text, start, end) == reference_subject_before(text, start, end), (text, start, end)


# -- indirect statements ------------------------------------------------------------------------

VERB_TAIL = rf"(?!\w)(?:[ \t]*,[ \t]*{THAT}|[ \t]*,|[ \t]+{THAT})[ \t]+(?P<text>[^\n]+)"
ACCORDING_TAIL = rf"(?!\w)(?:[ \t]+(?P<who>[^,.;:\n]{{1,{MAX_WHO_CHARS}}}?))?[ \t]*,[ \t]*(?P<text>[^\n]+)"
CLAUSE = re.compile(rf"\w*(?:[ \t]*,|[ \t]+{THAT})")


def statement_patterns() -> list[tuple[re.Pattern[str], frozenset[str], bool]]:
    """The statement patterns the stage used, with the (lower-case) words each starts with."""
    lex = lexicon()
    return [(re.compile(f"(?P<verb>{trie_pattern(list(forms))}){tail}"), frozenset(f.lower() for f in forms), according)
            for group, tail, according in ((lex.indirect_verb, VERB_TAIL, False),
                                           (lex.indirect_according, ACCORDING_TAIL, True))
            for forms in group]


def paragraph_matches(pattern, body, places):
    """The matches pattern.finditer(body) gives that start at one of `places` (the former Python code)."""
    done, para_end = 0, -1
    for at in places:
        if at < done:
            continue
        if at > para_end:
            para_end = body.find("\n", at)
            para_end = len(body) if para_end < 0 else para_end
        if pattern.match(body, at, para_end):
            done = para_end
            m = pattern.search(body, body.rfind("\n", 0, at) + 1, para_end)
            if m is not None and m.start() == at:
                yield m


def quote_touches(quoted, start, end):
    i = bisect.bisect_left(quoted, (start,))
    return (i < len(quoted) and quoted[i][0] <= end) or (i > 0 and start <= quoted[i - 1][1] <= end)


def reference_statements(body: str) -> list[tuple]:
    """What quotes.indirect_statements found before it was compiled, up to the word count of _indirect."""
    words, quoted, found = body_index(body).words, quoted_spans(body), []
    for pattern, group_words, according in statement_patterns():
        places = sorted(at for word, ats in words.items() if word in group_words for at in ats)
        if not places:
            continue
        if not according:
            places = [at for at in places if CLAUSE.match(body, at)]
        for m in paragraph_matches(pattern, body, places):
            start = m.start()
            if start and (body[start - 1].isalnum() or body[start - 1] == "_"):
                continue
            para_start = body.rfind("\n", 0, start) + 1
            if quote_touches(quoted, para_start, m.end()):
                continue
            text_start = m.start("text")
            stop = SENTENCE_END.search(body, text_start, m.end("text"))
            end = stop.start() if stop else m.end("text")
            while end and body[end - 1] in " .!?":
                end -= 1
            if len(body[text_start:end].split(None, MIN_INDIRECT_WORDS - 1)) < MIN_INDIRECT_WORDS:
                continue
            who = m.span("who") if according and m.group("who") is not None else (-1, -1)
            found.append((according, *m.span("verb"), *who, text_start, end, para_start))
    return found


@pytest.mark.parametrize("seed", range(3))
def test_statement_places_are_the_matches_of_the_statement_patterns(seed):
    places = lexicon().statement_places
    for text in texts(seed, longest=60) + statement_texts(seed):
        expected = reference_statements(text)
        assert places.find(text, body_index(text).words, quoted_spans(text)) == expected, text


def test_statement_places_hide_a_verb_after_a_match_inside_a_longer_word():
    body = ("Harganya terbilang, kata dia, cukup tinggi. Budi bilang, harga beras naik lagi.\n"
            "Pedagang itu bilang, stok beras di gudang mulai menipis.\n"
            "Tidak ada yang dibilang di sini.\n"
            "Ia bilang bahwa semua sudah beres sejak pekan lalu.")
    found = lexicon().statement_places.find(body, body_index(body).words, quoted_spans(body))
    assert found == reference_statements(body)
    # finditer's first match of a paragraph is inside "terbilang": it hides "Budi bilang" after it
    assert [body.count("\n", 0, place[1]) for place in found] == [1, 3]


def reference_last_sentence_start(body: str, start: int, end: int) -> int:
    """quotes._last_sentence_start before it was compiled."""
    last = start
    for m in SENTENCE_END.finditer(body, max(start, end - SENTENCE_LOOKBACK), end):
        last = m.end()
    return last


@pytest.mark.parametrize("seed", range(3))
def test_last_sentence_start_is_the_end_of_the_last_sentence_end_match(seed):
    rnd = random.Random(seed)
    for text in texts(seed, longest=200):
        for start, end in spans(text, rnd) + [(0, len(text)), (len(text), 0)]:
            expected = reference_last_sentence_start(text, start, end)
            assert last_sentence_start(text, start, end, SENTENCE_LOOKBACK) == expected, (text, start, end)


def reference_indirect(body: str, mentions, according: bool, verb_start: int, verb_end: int, who_start: int,
                       who_end: int, start: int, end: int, para_start: int):
    """quotes._indirect before it was compiled, as a statement tuple (None for no statement)."""
    lex = lexicon()
    verb_form = body[verb_start:verb_end]
    verb = lex.root(verb_form)
    if according:
        if who_start < 0:
            attribution = Attribution(verb, verb_start, pronoun=verb_form.lower().endswith("nya"))
        elif lex.pronouns.get(body[who_start:who_end].strip().lower()) == "single":
            attribution = Attribution(verb, verb_start, pronoun=True)
        else:
            attribution = Attribution(verb, verb_start, who=(who_start, who_end))
    else:
        s = lex.subjects.before(body, max(para_start, verb_start - MAX_WHO_CHARS), verb_start)
        if not s:
            return None
        kind = lex.pronouns.get(body[s[0]:s[1]].lower())
        if kind == "plural":
            return None
        subject = None if kind else (reference_last_sentence_start(body, para_start, s[0]), verb_start)
        attribution = Attribution(verb, verb_start, pronoun=kind == "single", subject=subject)
    if not attribution.pronoun:
        span = attribution.who or attribution.subject
        if span is None or (mentions is not None and not mentions.within(*span)):
            return None
    return start, end, as_tuple(attribution), verb_start, False


@pytest.mark.parametrize("seed", range(3))
def test_indirect_statements_are_the_python_definition(seed):
    rnd = random.Random(seed)
    places = lexicon().statement_places
    for text in texts(seed, longest=60) + statement_texts(seed):
        words, quoted = body_index(text).words, quoted_spans(text)
        entities = [{"start": m.start(), "end": m.end(), "label": rnd.choice(["PER", "ORG"]), "text": m.group()}
                    for m in re.finditer(r"Budi|Kepala BPS|BPS|Ia", text) if rnd.random() < 0.7]
        for mentions in (None, Mentions(entities, len(text), quoted, PERSON_LABELS)):
            expected = [reference_indirect(text, mentions, *place) for place in places.find(text, words, quoted)]
            found = places.statements(text, words, quoted, mentions)
            assert [statement_tuple(s) for s in found] == [e for e in expected if e is not None], text


# -- direct quotes, speakers without mentions and the records -------------------------------------

def statement_tuple(statement):
    return statement.start, statement.end, as_tuple(statement.attribution), statement.anchor, statement.direct


def reference_direct_statements(body: str) -> list[tuple]:
    """quotes.direct_statements before it was compiled, as statement tuples."""
    scan, found = lexicon().scan, []
    for start, end in quoted_spans(body):
        attribution = scan.after(body, end) or attribution_before(body, start - 1, body.rfind("\n", 0, start - 1) + 1)
        if attribution is not None:
            anchor = start - 1 if attribution.verb_start > end else min(start - 1, attribution.verb_start)
            found.append((start, end, as_tuple(attribution), anchor, True))
        elif found and reference_continues(body, found[-1], start - 1):
            found.append((start, end, *found[-1][2:]))
    return found


def reference_continues(body: str, previous: tuple, open_mark: int) -> bool:
    verb_start = previous[2][1]
    if not previous[1] < verb_start < open_mark or open_mark - verb_start > MAX_WHO_CHARS:
        return False
    between = body[verb_start:open_mark]
    return "\n" not in between and between.rstrip().endswith((".", "!", "?"))


def quote_texts(seed: int, count: int = CASES) -> list[str]:
    """Paragraphs of quotes with attributions after and before them, and sentences between."""
    rnd = random.Random(seed)
    leads = ["", "Budi mengatakan, ", "Menurut Kepala BPS Budi, ", "kata dia: ", "Ia menegaskan bahwa ", "Menurutnya, "]
    found = []
    for _ in range(count // 3):
        parts = []
        for _ in range(rnd.randint(1, 4)):
            parts.append(rnd.choice(leads) + rnd.choice(attribution_texts(rnd.randint(0, 10 ** 6), 1))
                         + rnd.choice(["", ". ", ".\n", "\n\n", " ", ". \u201cLagi.\u201d "]))
        found.append("".join(parts))
    return found


@pytest.mark.parametrize("seed", range(3))
def test_direct_statements_are_the_python_definition(seed):
    scan = lexicon().scan
    for text in texts(seed) + attribution_texts(seed) + quote_texts(seed):
        found = scan.direct_statements(text, quoted_spans(text), attribution_before)
        assert [statement_tuple(s) for s in found] == reference_direct_statements(text), text


def reference_speaker(body: str, attribution, anchor: int, named: list[tuple[int, str]]) -> str | None:
    """ArticleText.resolve for a body without mentions before it was compiled: the speaker's name."""
    if attribution.pronoun:
        return next((name for at, name in reversed(named) if 0 <= at < anchor), None)
    span = attribution.who or attribution.subject
    if span is None:
        return None
    start, end = span
    if attribution.who:
        end = reference_trim_who(body, start, end)
    comma = body.rfind(",", start, end)
    if comma >= 0:
        start = comma + 1
    words, titles = reference_name_words(body, start, end)
    return " ".join(words[titles:]) if words and titles < len(words) else None


def reference_quotes(body: str, statements, speaker_of=None) -> list[dict]:
    """extract_quotes' loop over the statements before it was compiled."""
    quotes, named = [], []
    for st in sorted(statements, key=attrgetter("anchor")):
        if speaker_of is None:
            name, role = reference_speaker(body, st.attribution, st.anchor, named), None
            if name:
                named.append((st.attribution.verb_start, name))
        else:
            speaker = speaker_of(st.attribution, st.anchor)
            name, role = speaker.name, speaker.role
        if name or st.direct:
            quotes.append({"text": body[st.start:st.end], "speaker": name, "speaker_role": role,
                           "verb": st.attribution.verb, "direct": st.direct, "start": st.start, "end": st.end})
    return sorted(quotes, key=itemgetter("start"))


def some_speaker(attribution, anchor: int) -> Speaker:
    """A speaker for the records test: named, role-only or nobody, by the anchor."""
    return [Speaker("Budi Santoso", "Kepala BPS"), Speaker(), Speaker("Ani"), Speaker("")][anchor % 4]


@pytest.mark.parametrize("seed", range(3))
def test_quote_records_are_the_python_definition(seed):
    lex = lexicon()
    for text in texts(seed) + attribution_texts(seed) + statement_texts(seed) + quote_texts(seed):
        quoted = quoted_spans(text)
        statements = (lex.scan.direct_statements(text, quoted, attribution_before)
                      + indirect_statements(text, quoted, lex, None))
        assert lex.scan.quotes(text, statements) == reference_quotes(text, statements), text
        assert lex.scan.quotes(text, statements, some_speaker) == reference_quotes(text, statements, some_speaker)


# -- mentions -----------------------------------------------------------------------------------

def reference_mentions(entities, size):
    valid = []
    for e in entities:
        try:
            if isinstance(e, dict) and 0 <= int(e["start"]) < int(e["end"]) <= size:
                valid.append(e)
        except (KeyError, TypeError, ValueError):
            continue
    return sorted(valid, key=lambda e: (e["start"], -e["end"]))


def reference_within(mentions, quoted, size, start, end, labels):
    def in_quote(pos):
        i = bisect.bisect_right(quoted, (pos, size + 1)) - 1
        return i >= 0 and quoted[i][0] <= pos < quoted[i][1]
    starts = [e["start"] for e in mentions]
    i, found = bisect.bisect_left(starts, start), []
    while i < len(mentions) and mentions[i]["start"] < end:
        e = mentions[i]
        if e["end"] <= end and e.get("label") in labels and not in_quote(e["start"]):
            found.append(e)
        i += 1
    return found


def random_entities(rnd: random.Random, size: int) -> list:
    entities = []
    for _ in range(rnd.randint(0, 12)):
        start = rnd.randint(-2, size + 1)
        e = {"start": start, "end": start + rnd.randint(-1, 8), "label": rnd.choice(["PER", "ORG", "LOC", None]),
             "text": rnd.choice(["Budi", "BPS", ""]), "canonical": rnd.choice(["Budi Santoso", None]),
             "role": rnd.choice([None, "", "Kepala BPS"])}
        if rnd.random() < 0.1:
            del e[rnd.choice(["start", "end"])]
        if rnd.random() < 0.1:
            e["start"] = float(e.get("start", 0))
        entities.append(rnd.choice([e, e, e, e, None, "x"]))
    if rnd.random() < 0.5:
        entities.sort(key=lambda e: e["start"] if isinstance(e, dict) and "start" in e else 0)
    return entities


@pytest.mark.parametrize("seed", range(3))
def test_mentions_are_the_python_definition(seed):
    rnd = random.Random(seed)
    for text in texts(seed, count=1000):
        entities, quoted = random_entities(rnd, len(text)), quoted_spans(text)
        mentions = Mentions(entities, len(text), quoted, PERSON_LABELS)
        expected = reference_mentions(entities, len(text))
        assert mentions.all == expected and bool(mentions) == bool(expected)
        for start, end in spans(text, rnd):
            for labels in (PERSON_LABELS, frozenset({"ORG"})):
                assert mentions.within(start, end, labels) == reference_within(
                    expected, quoted, len(text), start, end, labels)


# -- quote marks and sentences ------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(3))
def test_sentence_starts_are_the_ends_of_the_sentence_end_regex(seed):
    for text in texts(seed):
        assert sentence_starts(text) == [0] + [m.end() for m in SENTENCE_END.finditer(text)], text


def test_quoted_spans_pair_straight_curly_and_kompas_style_marks():
    body = "A \"satu\" B \u201cdua\u201d C \u201dtiga\u201d D \"empat"
    assert [body[s:e] for s, e in quoted_spans(body)] == ["satu", "dua", "tiga"]


def test_a_quote_runs_over_paragraphs_that_open_with_a_mark():
    body = "\"Satu.\n\n\"Dua,\" kata Budi.\n\"Tiga\nlalu"
    assert [body[s:e] for s, e in quoted_spans(body)] == ["Satu.\n\n\"Dua,"]
