"""Stage "quotes": who said what.

Direct quotes (text between double quote marks with a reporting verb next to them) and indirect
statements ("X mengatakan bahwa ...", "Menurut X, ..."), each as
`{text, speaker, speaker_role, verb, direct, start, end}` with offsets into `article.body`.
The speaker is the canonical entity of the entities stage; a pronoun or -nya speaker is resolved to
the person the preceding text points to, and stays null when nothing does.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from warta.extract.tables import body_index, register_keywords
from warta.pipeline import register_stage
from warta.record import Article
from warta.tables import read_rows
from warta.report import RunReport

DATA = Path(__file__).with_name("data")
QUOTE_MARKS = "\"\u201c\u201d\u201e\u201f"
NON_SPACE = re.compile(r"\S")
CLAUSE_END = ",.!?\u2026"
# A sentence ends at . ! ? (optionally followed by a closing quote) and then white space.
SENTENCE_END = re.compile(rf"[.!?][{QUOTE_MARKS}]?\s+")
PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"LOC", "GPE"})
MAX_ANTECEDENT_SENTENCES = 4
MAX_WHO_CHARS = 160
SENTENCE_LOOKBACK = 400  # characters searched back for a sentence start
MIN_INDIRECT_WORDS = 3
# the last character that cannot be part of a subject, its adverbs or the comma after them
LAST_NON_SUBJECT_CHAR = re.compile(r"[^\w\s'.\-][\w\s'.\-]*(?:,\s*)?$")
TRAILING_COMMA = re.compile(r",\s*$")

Span = tuple[int, int]


def read_table(name: str) -> list[list[str]]:
    """Rows of a data table: tab-separated, `#` comments, first row a header."""
    return read_rows(DATA / name)[1:]


def _alternation(words: Iterable[str], capitalised: bool = True) -> str:
    """A regex matching any of `words`, lower-case or capitalised, as a trie: "me(?:nyatakan|...)".

    Factoring the common prefixes keeps the scan linear and fast; a flat alternation of a hundred
    words (or a case-insensitive one) costs more than cleaning the article.
    """
    trie: dict[str, Any] = {}
    variants = {v for w in words for v in (w.lower(), w[:1].upper() + w[1:].lower())} if capitalised else set(words)
    for word in variants:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


@dataclass(frozen=True)
class PrefixPattern:
    """A statement pattern and the (lower-case) words it can start with."""

    pattern: re.Pattern[str]
    words: frozenset[str]


def _by_prefix(words: Iterable[str], tail: str, lower_only: bool = False) -> tuple[PrefixPattern, ...]:
    """`(?P<verb>word)tail` as one pattern per two-letter prefix, with the words it can start with.

    The body index gives where those words start a word, so a pattern is only tried in the
    paragraphs that hold one; the verbs after a subject are lower-case, so those need no
    capitalised variant.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        variants = [word.lower()] if lower_only else [word.lower(), word[:1].upper() + word[1:].lower()]
        for variant in variants:
            groups.setdefault(variant[:2], []).append(variant[2:])
    patterns = []
    for prefix, rests in sorted(groups.items()):
        trie: dict[str, Any] = {}
        for rest in rests:
            node = trie
            for ch in rest:
                node = node.setdefault(ch, {})
            node[""] = {}
        pattern = re.compile(f"(?P<verb>{re.escape(prefix)}{_trie_pattern(trie)}){tail}")
        patterns.append(PrefixPattern(pattern, frozenset((prefix + rest).lower() for rest in rests)))
    return tuple(patterns)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


@dataclass(frozen=True)
class Lexicon:
    """The word lists of data/*.tsv and the patterns built from them, compiled once."""

    verb_roots: dict[str, str]
    pronouns: dict[str, str]
    according: dict[str, str]
    titles: frozenset[str]
    after_verb: re.Pattern[str]
    after_subject_verb: re.Pattern[str]
    lead_subject_verb: re.Pattern[str]
    lead_verb_who: re.Pattern[str]
    lead_according: re.Pattern[str]
    subject_tail: re.Pattern[str]
    subject_opening: re.Pattern[str]
    indirect_verb: tuple[PrefixPattern, ...]
    indirect_according: tuple[PrefixPattern, ...]
    stops: re.Pattern[str]
    hard_stops: re.Pattern[str]
    subject_verb: re.Pattern[str]
    name_word: re.Pattern[str] = field(default=re.compile(r"[A-Z][\w'.\-]*"))

    def subject_before(self, body: str, start: int, end: int) -> re.Match[str] | None:
        """The subject that ends `body[start:end]` (after a space or comma, or opening the body).

        A subject and its adverbs hold only word characters, spaces and ' . -, so it starts after the
        last other character; searching from there spares `re` trying a subject at every word.
        """
        other = LAST_NON_SUBJECT_CHAR.search(body, start, end)
        if other and not TRAILING_COMMA.match(body, other.start(), end):
            return self.subject_tail.search(body, other.start(), end)
        if start == 0 and (opening := self.subject_opening.match(body, 0, end)):
            return opening
        return self.subject_tail.search(body, start, end)

    def root(self, word: str) -> str:
        """The root of a reporting verb form ("tegasnya" -> "tegas", "mengatakan" -> "kata")."""
        low = word.lower()
        if low in self.verb_roots:
            return self.verb_roots[low]
        if low.endswith("nya") and low[:-3] in self.verb_roots:
            return self.verb_roots[low[:-3]]
        return self.according.get(low, low)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verb_roots = {form.lower(): root for form, root, *_ in read_table("reporting_verbs.tsv")}
    pronouns = {word.lower(): kind for word, kind, *_ in read_table("speaker_pronouns.tsv")}
    according = {form.lower(): root for form, root, *_ in read_table("according_markers.tsv")}
    adverbs = [row[0] for row in read_table("attribution_adverbs.tsv")]
    stop_kinds = {word: kind for word, kind, *_ in read_table("attribution_stops.tsv")}
    hard_stops = _alternation([w for w, kind in stop_kinds.items() if kind == "hard"], capitalised=False)
    titles = frozenset(row[0].lower() for row in read_table("speaker_titles.tsv"))

    verbs = f"(?P<verb>{_alternation(verb_roots)})(?P<nya>nya)?(?!\\w)"
    # Forms that follow a subject ("X mengatakan"): the active me-/ber- forms, plus "bilang".
    subject_forms = [f for f in verb_roots if f.startswith(("me", "ber")) or f == "bilang"]
    # Forms that come before their speaker ("kata X"): the rest.
    short_verbs = f"(?P<verb>{_alternation(set(verb_roots) - set(subject_forms))})(?!\\w)"
    word_pronouns = [w for w in pronouns if w != "nya"]
    pronoun = f"(?:{_alternation(word_pronouns)})"
    name = r"[A-Z][\w'.\-]*(?:\s+(?:[A-Z][\w'.\-]*|bin|binti|van|de|al))*"
    adverb = f"(?:\\s+(?:{_alternation(adverbs)}))*"
    subject = f"(?P<subj>{pronoun}|{name})"
    according_words = _alternation(according)
    register_keywords(form for form in [*subject_forms, *according])  # where indirect statements may start
    return Lexicon(
        verb_roots=verb_roots,
        pronouns=pronouns,
        according=according,
        titles=titles,
        # '..."  ujar X' / '..." katanya'
        after_verb=re.compile(rf"[\s,]*{verbs}"),
        # '..." X menambahkan' / '..." ia menjelaskan'
        after_subject_verb=re.compile(rf"[\s,]*{subject}{adverb}\s+{verbs}"),
        # 'X mengatakan, "...' / 'Ia menegaskan: "...'
        lead_subject_verb=re.compile(
            rf"{verbs}(?:[ \t]+[^,.:;\"\u201c\u201d\n]{{1,60}}?)?(?:[ \t]*[,:]|[ \t]+bahwa)[ \t]*$"),
        # 'kata X, "...'
        lead_verb_who=re.compile(rf"{short_verbs}\s+(?P<who>[^,:;]{{1,{MAX_WHO_CHARS}}}?)\s*[,:]\s*$"),
        # 'Menurut X, "...' / 'Menurutnya, "...'
        lead_according=re.compile(
            rf"(?<!\w)(?P<verb>{according_words})(?:\s+(?P<who>[^,:;]{{1,{MAX_WHO_CHARS}}}?))?\s*[,:]\s*$"),
        # the subject right before a verb: a pronoun or capitalised words, then adverbs (see subject_before)
        subject_tail=re.compile(rf"[\s,](?P<subj>{pronoun}|{name}){adverb}\s*,?\s*$"),
        subject_opening=re.compile(rf"(?P<subj>{pronoun}|{name}){adverb}\s*,?\s*$"),
        # 'X mengatakan bahwa ...' / 'X menegaskan, ...'
        indirect_verb=_by_prefix(
            subject_forms,
            r"(?!\w)(?:[ \t]*,[ \t]*bahwa|[ \t]*,|[ \t]+bahwa)[ \t]+(?P<text>[^\n]+)", lower_only=True),
        # 'Menurut X, ...'
        indirect_according=_by_prefix(
            according, rf"(?!\w)(?:[ \t]+(?P<who>[^,.;:\n]{{1,{MAX_WHO_CHARS}}}?))?[ \t]*,[ \t]*(?P<text>[^\n]+)"),
        stops=re.compile(rf",|\(|(?<!\w)(?:{_alternation(stop_kinds, capitalised=False)})(?!\w)"),
        hard_stops=re.compile(rf"(?<!\w)(?:{hard_stops})(?!\w)"),
        # a person in subject position: adverbs, then a prefixed verb ("Yusri sudah menegaskan")
        subject_verb=re.compile(rf",?{adverb}\s+(?i:me|ber|ter|di)[a-z]{{3,}}"),
    )


@dataclass(slots=True)
class Attribution:
    """Where a statement's reporting verb is, and where its speaker is written."""

    verb: str
    verb_start: int
    who: Span | None = None          # a name written after the verb ("kata Kalla ...")
    subject: Span | None = None      # a name or pronoun written before the verb ("Kalla mengatakan")
    pronoun: bool = False            # -nya / ia / dia: resolve from the preceding text


@dataclass(slots=True)
class Speaker:
    name: str | None = None
    role: str | None = None


class ArticleText:
    """One body with what speaker resolution needs: sentences, quoted spans and person mentions."""

    def __init__(self, body: str, entities: list[dict[str, Any]], quoted: list[Span]) -> None:
        self.body = body
        self.lex = lexicon()
        self._sentence_starts: list[int] | None = None
        self.quoted = quoted
        self.mentions = sorted(
            (e for e in entities if _valid_mention(e, len(body))), key=lambda e: (e["start"], -e["end"]))
        self.mention_starts = [e["start"] for e in self.mentions]
        self.roles: dict[str, str] = {}
        for e in self.mentions:
            if e.get("role") and e.get("label") in PERSON_LABELS:
                self.roles.setdefault(_canonical(e), e["role"])
        self.has_entities = bool(self.mentions)
        self.named: list[tuple[int, Speaker]] = []  # speakers attributions name, by position

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, len(self.body) + 1)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def sentence_start(self, pos: int) -> int:
        if self._sentence_starts is None:  # only articles with statements need sentences
            self._sentence_starts = [0] + [m.end() for m in SENTENCE_END.finditer(self.body)]
        return self._sentence_starts[bisect.bisect_right(self._sentence_starts, pos) - 1]

    def mentions_in(self, start: int, end: int, labels: frozenset[str] = PERSON_LABELS) -> list[dict[str, Any]]:
        i = bisect.bisect_left(self.mention_starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i]["start"] < end:
            e = self.mentions[i]
            if e["end"] <= end and e.get("label") in labels and not self.in_quote(e["start"]):
                found.append(e)
            i += 1
        return found

    def speaker_of(self, mention: dict[str, Any]) -> Speaker:
        name = _canonical(mention)
        return Speaker(name, mention.get("role") or self.roles.get(name))

    # -- resolving an attribution ---------------------------------------------------------------

    def resolve(self, attribution: Attribution, anchor: int) -> Speaker:
        """The speaker of an attribution; `anchor` is where the statement starts (for pronouns)."""
        if attribution.pronoun:
            return self.antecedent(anchor)
        span = attribution.who or attribution.subject
        if span is None:
            return Speaker()
        people = self.mentions_in(*span)
        if people:
            return self.speaker_of(people[0] if attribution.who else people[-1])
        if attribution.who:
            # "kata BPS": an organisation named right after the verb speaks for itself
            first = self.mentions_in(span[0], span[1], ORG_LABELS)[:1]
            if first and not self.body[span[0]:first[0]["start"]].strip():
                return Speaker(_canonical(first[0]))
        return self.by_surface(trim_who(self.body, span, self.lex) if attribution.who else span)

    def antecedent(self, pos: int) -> Speaker:
        """The person the text before `pos` points to.

        Walking back sentence by sentence (text inside quotes does not count): the speaker of the
        last attribution naming one, else a person in subject position (before a verb); the
        first person of the nearest sentence naming any is the last resort.
        """
        if not self.has_entities:  # only attributions name people: the last one before `pos`
            named = [speaker for at, speaker in self.named if at < pos]
            return named[-1] if named else Speaker()
        fallback: dict[str, Any] | None = None
        end, seen = pos, 0
        while end > 0 and seen < MAX_ANTECEDENT_SENTENCES:
            start = self.sentence_start(end - 1)
            named = [speaker for at, speaker in self.named if start <= at < end]
            if named:
                return named[-1]
            people = self.mentions_in(start, end)
            subjects = [e for e in people if self.lex.subject_verb.match(self.body, e["end"])]
            if subjects:
                return self.speaker_of(subjects[0])
            if people and fallback is None:
                fallback = people[0]
            if not self.in_quote(start) and not self.opens_with_pronoun(start):
                seen += 1  # a sentence about "ia"/"dia" continues the same person: it does not count
            end = start
        return self.speaker_of(fallback) if fallback is not None else Speaker()

    def opens_with_pronoun(self, start: int) -> bool:
        first = self.body[start:start + 12].split(" ", 1)[0]
        return self.lex.pronouns.get(first.lower()) == "single"

    def by_surface(self, span: Span) -> Speaker:
        """A speaker no person mention covers: a role naming one known person, or the written name.

        A phrase that opens with a title ("Kepala Gudang Bulog") or that the entities stage marks
        as an organisation names no person: null.
        """
        start, end = span
        comma = self.body.rfind(",", start, end)
        if comma >= 0:  # 'Kepala BPS, Nurul Hasanudin': the name follows the role
            start = comma + 1
        if self.mentions_in(start, end, ORG_LABELS | PLACE_LABELS):
            return Speaker()
        text = self.body[start:end]
        words = [w if len(w) == 2 else w.rstrip(".") for w in self.lex.name_word.findall(text)]
        if not words:
            return Speaker()
        titles = _leading(words, self.lex.titles)
        if len(titles) == len(words):
            return self.by_role(" ".join(words))
        if titles and self.has_entities:
            return Speaker()
        return self.by_name(words[len(titles):])

    def by_name(self, words: list[str]) -> Speaker:
        """A written name, as the one person whose canonical name holds all its words, if any."""
        wanted = {w.lower() for w in words}
        holders = {_canonical(e) for e in self.mentions if e.get("label") in PERSON_LABELS
                   and wanted <= {w.lower() for w in _canonical(e).split()}}
        if len(holders) == 1:
            name = holders.pop()
            return Speaker(name, self.roles.get(name))
        return Speaker(" ".join(words))

    def by_role(self, role_text: str) -> Speaker:
        low = role_text.lower()
        holders = {name for name, role in self.roles.items() if low in role.lower()}
        if len(holders) == 1:
            name = holders.pop()
            return Speaker(name, self.roles[name])
        return Speaker()


def _leading(words: list[str], titles: frozenset[str]) -> list[str]:
    lead = []
    for w in words:
        if w.lower().rstrip(".") not in titles and w.lower() not in titles:
            break
        lead.append(w)
    return lead


def _canonical(mention: dict[str, Any]) -> str:
    return str(mention.get("canonical") or mention.get("text") or "")


def _valid_mention(e: Any, size: int) -> bool:
    try:
        return isinstance(e, dict) and 0 <= int(e["start"]) < int(e["end"]) <= size
    except (KeyError, TypeError, ValueError):
        return False


# -- direct quotes ------------------------------------------------------------------------------

def quoted_spans(body: str) -> list[Span]:
    """Spans between matching double quote marks (marks excluded), in order.

    A mark opens when followed by a non-space and closes when preceded by one, so straight,
    curly and Kompas-style (”...”) quotes all pair up. A quote still open at the end of a
    paragraph continues when the next paragraph starts with a quote mark (the convention for
    quotes that run over several paragraphs); otherwise it is dropped as unbalanced.
    """
    spans: list[Span] = []
    open_at: int | None = None
    line_end = 0  # end of the paragraph the open quote has reached
    for i in _mark_positions(body):
        if open_at is not None and i > line_end:
            first = NON_SPACE.search(body, line_end)
            if first is not None and first.start() == i:
                line_end = _line_end(body, i)
                continue  # the re-opening mark of a continued paragraph
            open_at = None  # the open quote never closed: unbalanced
        prev = body[i - 1] if i else " "
        nxt = body[i + 1] if i + 1 < len(body) else " "
        if open_at is None or (prev.isspace() and not nxt.isspace()):
            # an opening mark (a second one while open means the first was unbalanced)
            if not nxt.isspace():
                open_at, line_end = i + 1, _line_end(body, i)
        elif not prev.isspace():
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
    return spans


def _mark_positions(body: str) -> list[int]:
    """Where the quote marks are, in order (str.find per mark kind beats a regex scan)."""
    positions: list[int] = []
    for mark in QUOTE_MARKS:
        i = body.find(mark)
        while i >= 0:
            positions.append(i)
            i = body.find(mark, i + 1)
    positions.sort()
    return positions


def _line_end(body: str, pos: int) -> int:
    end = body.find("\n", pos)
    return len(body) if end < 0 else end


def paragraph_of(body: str, pos: int) -> Span:
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    return start, (len(body) if end < 0 else end)


def who_window(body: str, start: int, limit: int, lex: Lexicon) -> Span:
    """The name part of an attribution after a verb: up to a hard stop word or the clause end."""
    end = min(limit, start + MAX_WHO_CHARS)
    stop = lex.hard_stops.search(body, start, end)
    if stop:
        end = stop.start()
    sentence_end = SENTENCE_END.search(body, start, end)
    if sentence_end:
        end = sentence_end.start()
    for ch in ";!?":
        cut = body.find(ch, start, end)
        if cut >= 0:
            end = cut
    text = body[start:end]
    lead = len(text) - len(text.lstrip())
    return start + lead, start + len(text.rstrip(" ,"))


def trim_who(body: str, span: Span, lex: Lexicon) -> Span:
    """The window cut at the first stop word after its first word ("Kalla dalam sambutannya" -> "Kalla")."""
    start, end = span
    stop = lex.stops.search(body, start + 1, end)
    while stop and _is_role_comma(body, stop, end, lex):
        stop = lex.stops.search(body, stop.end(), end)
    return (start, stop.start() if stop else end)


def _is_role_comma(body: str, stop: re.Match[str], end: int, lex: Lexicon) -> bool:
    """'papar Kepala BPS, Nurul Hasanudin': a comma between a role and the name is not a stop."""
    if stop.group() != ",":
        return False
    after = body[stop.end():end].lstrip()
    first = after.split(" ", 1)[0] if after else ""
    return bool(first[:1].isupper()) and not lex.stops.fullmatch(first)


def attribution_after(body: str, close: int, para_end: int, lex: Lexicon) -> Attribution | None:
    """'..." ujar X', '..." katanya', '..." X menambahkan' right after the closing mark."""
    m = lex.after_verb.match(body, close + 1, para_end)
    if m:
        verb = lex.root(m.group("verb"))
        if m.group("nya"):
            return Attribution(verb, m.start("verb"), pronoun=True)
        who = who_window(body, m.end(), para_end, lex)
        first_word = body[who[0]:who[1]].split(" ", 1)[0].strip(",.").lower()
        if lex.pronouns.get(first_word) == "single":
            return Attribution(verb, m.start("verb"), pronoun=True)
        # a quoted term followed by a common word ('program "Sekolah Rakyat" lanjut dibahas') is no
        # attribution: a quote ends its clause with punctuation, or the verb names a speaker
        ends_clause = body[close - 1] in CLAUSE_END or "," in body[close + 1:m.start("verb")]
        if not ends_clause and not body[who[0]:who[0] + 1].isupper():
            return None
        if lex.pronouns.get(first_word) == "plural" or who[0] >= who[1]:
            return Attribution(verb, m.start("verb"))
        if points_back(body[who[0]:who[1]], lex):
            return Attribution(verb, m.start("verb"), pronoun=True)
        return Attribution(verb, m.start("verb"), who=who)
    m = lex.after_subject_verb.match(body, close + 1, para_end)
    if m:
        return _subject_attribution(m, lex)
    return None


def points_back(who: str, lex: Lexicon) -> bool:
    """A role phrase closed by a demonstrative names nobody new: "Wali Kota Makassar ini"."""
    words = who.replace(",", " ").split()
    for i, word in enumerate(words[1:], 1):
        if lex.pronouns.get(word.strip(".").lower()) == "demonstrative":
            return words[0].lower() in lex.titles and all(w[:1].isupper() or w[:1].isdigit() for w in words[1:i])
    return False


def _subject_attribution(m: re.Match[str], lex: Lexicon) -> Attribution:
    subject = m.group("subj")
    kind = lex.pronouns.get(subject.lower())
    attribution = Attribution(lex.root(m.group("verb")), m.start("verb"))
    if kind == "single":
        attribution.pronoun = True
    elif kind is None:
        attribution.subject = m.span("subj")
    return attribution


def attribution_before(body: str, open_mark: int, para_start: int, lex: Lexicon) -> Attribution | None:
    """'X mengatakan, "', 'Menurut X, "', 'kata X, "' in the sentence before the opening mark."""
    lead_start = para_start
    if not body[para_start:open_mark].strip() and para_start > 0:
        # a quote opening its paragraph, introduced by the end of the previous one ("... berkata:")
        prev_end = para_start
        while prev_end and body[prev_end - 1].isspace():  # len(body[:para_start].rstrip()) without the copy
            prev_end -= 1
        prev_start = paragraph_of(body, max(prev_end - 1, 0))[0]
        if body[prev_start:prev_end].rstrip().endswith(":"):
            lead_start, open_mark = prev_start, prev_end
    sentence_start = max(lead_start, _last_sentence_start(body, lead_start, open_mark))
    for pattern in (lex.lead_according, lex.lead_verb_who):
        m = pattern.search(body, sentence_start, open_mark)
        if m:
            verb = lex.root(m.group("verb"))
            who = m.span("who") if m.group("who") else None
            nya = "nya" in m.groupdict() and m.group("nya")
            if (who is None and pattern is lex.lead_according) or nya:
                return Attribution(verb, m.start("verb"), pronoun=True)
            if who is not None:
                word = body[who[0]:who[1]].strip().lower()
                if lex.pronouns.get(word) == "single":
                    return Attribution(verb, m.start("verb"), pronoun=True)
                return Attribution(verb, m.start("verb"), who=who)
    m = lex.lead_subject_verb.search(body, sentence_start, open_mark)
    if m:
        if m.group("nya"):
            return Attribution(lex.root(m.group("verb")), m.start("verb"), pronoun=True)
        s = lex.subject_before(body, sentence_start, m.start())
        if s:
            kind = lex.pronouns.get(s.group("subj").lower())
            attribution = Attribution(lex.root(m.group("verb")), m.start("verb"))
            if kind == "single":
                attribution.pronoun = True
            elif kind is None:
                attribution.subject = (sentence_start, m.start())
            return attribution
    return None


def _last_sentence_start(body: str, start: int, end: int) -> int:
    """Where the sentence holding `end` starts, looking no further back than `start`."""
    last = start
    for m in SENTENCE_END.finditer(body, max(start, end - SENTENCE_LOOKBACK), end):
        last = m.end()
    return last


@dataclass(slots=True)
class Statement:
    """A statement found in the text, before its speaker is resolved."""

    start: int
    end: int
    attribution: Attribution
    anchor: int  # where the statement and its attribution begin: pronouns look before it
    direct: bool


def direct_statements(text: ArticleText) -> list[Statement]:
    body, lex = text.body, text.lex
    found = []
    for start, end in text.quoted:
        if not body[start:end].strip():
            continue
        para_start = paragraph_of(body, start - 1)[0]
        para_end = paragraph_of(body, end)[1]
        attribution = attribution_after(body, end, para_end, lex) or attribution_before(body, start - 1, para_start, lex)
        if attribution is not None:
            anchor = start - 1 if attribution.verb_start > end else min(start - 1, attribution.verb_start)
            found.append(Statement(start, end, attribution, anchor, direct=True))
        elif found and continues(body, found[-1], start - 1):
            found.append(Statement(start, end, found[-1].attribution, found[-1].anchor, direct=True))
    return found


def continues(body: str, previous: Statement, open_mark: int) -> bool:
    """'"A," kata X. "B."': a quote right after the attribution sentence of the one before it."""
    attribution = previous.attribution
    if not previous.end < attribution.verb_start < open_mark or open_mark - attribution.verb_start > MAX_WHO_CHARS:
        return False
    between = body[attribution.verb_start:open_mark]
    return "\n" not in between and between.rstrip().endswith((".", "!", "?"))


# -- indirect statements ------------------------------------------------------------------------

def indirect_statements(text: ArticleText) -> list[Statement]:
    """'X mengatakan bahwa ...', 'X menegaskan, ...', 'Menurut X, ...' in paragraphs without quotes."""
    body, lex = text.body, text.lex
    patterns, groups_of = _indirect_patterns(lex)
    places: dict[int, list[int]] = {}  # for each pattern, where its words start (index.starts, in one pass)
    for word, at in body_index(body).words.items():
        for group in groups_of.get(word, ()):
            if group in places:
                places[group].extend(at)
            else:
                places[group] = list(at)
    if not places:
        return []
    quoted_paragraphs = {body.rfind("\n", 0, pos) + 1 for span in text.quoted for pos in span}
    found = []
    for group, (prefixed, according) in enumerate(patterns):
        if group not in places:
            continue
        group_places = places[group]
        group_places.sort()
        for m in paragraph_matches(prefixed.pattern, body, group_places, quoted_paragraphs):
            start = m.start()
            if start and (body[start - 1].isalnum() or body[start - 1] == "_"):
                continue  # inside a longer word
            statement = _indirect(text, m, according, body.rfind("\n", 0, start) + 1)
            if statement:
                found.append(statement)
    return found


_INDIRECT_PATTERNS: dict[int, tuple[Lexicon, list[tuple[PrefixPattern, bool]], dict[str, tuple[int, ...]]]] = {}


def _indirect_patterns(lex: Lexicon) -> tuple[list[tuple[PrefixPattern, bool]], dict[str, tuple[int, ...]]]:
    """The statement patterns in the order they are tried (verb ones, then according ones, each
    flagged `according`), and for each word the indexes of the patterns it can start (built once a lexicon)."""
    cached = _INDIRECT_PATTERNS.get(id(lex))
    if cached is not None and cached[0] is lex:
        return cached[1], cached[2]
    patterns = [(p, False) for p in lex.indirect_verb] + [(p, True) for p in lex.indirect_according]
    groups: dict[str, list[int]] = {}
    for index, (prefixed, _) in enumerate(patterns):
        for word in prefixed.words:
            groups.setdefault(word, []).append(index)
    groups_of = {word: tuple(indexes) for word, indexes in groups.items()}
    _INDIRECT_PATTERNS[id(lex)] = (lex, patterns, groups_of)
    return patterns, groups_of


def paragraph_matches(pattern: re.Pattern[str], body: str, places: list[int], skip: set[int]) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(body)` gives in the paragraphs that hold one of `places` (sorted)
    and do not start at an offset in `skip`.

    A statement pattern runs to the end of its paragraph, so finditer gives at most one match a
    paragraph: the first one there, even inside a longer word, which a search from its start finds.
    """
    done = 0  # the end of the last paragraph searched
    for at in places:
        if at < done:
            continue
        start = body.rfind("\n", 0, at) + 1
        done = _line_end(body, at)
        if start not in skip and (m := pattern.search(body, start, done)):
            yield m


def _indirect(text: ArticleText, m: re.Match[str], according: bool, para_start: int) -> Statement | None:
    body, lex = text.body, text.lex
    start = m.start("text")
    stop = SENTENCE_END.search(body, start, m.end("text"))
    end = stop.start() if stop else m.end("text")
    while end and body[end - 1] in " .!?":  # len(body[:end].rstrip(" .!?")) without the copy
        end -= 1
    if len(body[start:end].split()) < MIN_INDIRECT_WORDS:
        return None
    verb = lex.root(m.group("verb"))
    if according:
        who = m.group("who")
        if who is None:
            attribution = Attribution(verb, m.start("verb"), pronoun=m.group("verb").lower().endswith("nya"))
        elif lex.pronouns.get(who.strip().lower()) == "single":
            attribution = Attribution(verb, m.start("verb"), pronoun=True)
        else:
            attribution = Attribution(verb, m.start("verb"), who=m.span("who"))
    else:
        s = lex.subject_before(body, max(para_start, m.start() - MAX_WHO_CHARS), m.start())
        if not s:
            return None
        kind = lex.pronouns.get(s.group("subj").lower())
        if kind == "plural":
            return None
        attribution = Attribution(verb, m.start("verb"), pronoun=kind == "single",
                                  subject=None if kind else (_last_sentence_start(body, para_start, s.start("subj")), m.start()))
    if not attribution.pronoun:
        span = attribution.who or attribution.subject
        if span is None or (text.has_entities and not text.mentions_in(*span)):
            return None  # a statement is only reported with a person behind it
    return Statement(start, end, attribution, m.start(), direct=False)


def _quote(body: str, start: int, end: int, speaker: Speaker, verb: str, direct: bool) -> dict[str, Any]:
    return {"text": body[start:end], "speaker": speaker.name, "speaker_role": speaker.role,
            "verb": verb, "direct": direct, "start": start, "end": end}


def extract_quotes(body: str, entities: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every direct quote and indirect statement in `body`, in text order."""
    if not body:
        return []
    text = ArticleText(body, entities or [], quoted_spans(body))
    statements = sorted(direct_statements(text) + indirect_statements(text), key=lambda st: st.anchor)
    quotes = []
    for st in statements:
        speaker = text.resolve(st.attribution, st.anchor)
        if speaker.name:
            text.named.append((st.attribution.verb_start, speaker))
        if speaker.name or st.direct:
            quotes.append(_quote(body, st.start, st.end, speaker, st.attribution.verb, st.direct))
    return sorted(quotes, key=lambda q: q["start"])


@register_stage("quotes")
class QuotesStage:
    """Fills `article.quotes` from `article.body` and `article.entities`."""

    name = "quotes"

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            doc.quotes = extract_quotes(doc.body or "", doc.entities)
            yield doc
