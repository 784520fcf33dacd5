"""`warta eval quotes FILE`: score the quotes stage on PFSA-ID (CoNLL, BILOU tags).

The CoNLL tokens are joined back into articles (a new article at each "CITY , KOMPAS —" dateline),
the pipeline's entities stage (when installed) and the quotes stage run on them, and the predicted
direct quotes are compared with the gold STATEMENT spans as token sets:

- exact: a predicted span with exactly the gold tokens (quote marks and punctuation ignored);
- token overlap: each prediction is credited with the share of its tokens inside the best gold span
  (precision), each gold span with the share of its tokens inside the best prediction (recall);
- speaker accuracy: among matched statements with a gold speaker (the PERSON / PERSONCOREF next to
  the CUE; for a -nya cue or "kata dia", the last person named before), the share whose predicted
  speaker shares a name word with it (a gold role noun such as "Presiden" must be in the predicted
  speaker's role);
- cue accuracy: among matched statements with a gold CUE / CUECOREF, the share whose verb root matches.

PFSA-ID labels the statements of public figures only, so quotes of bystanders count against
precision; indirect statements are not labelled at all and are left out of the score.
"""
from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from warta.extract.quotes import QUOTE_MARKS, lexicon
from warta.record import Article

NO_SPACE_BEFORE = frozenset(",.;:!?)]}%")
NO_SPACE_AFTER = frozenset("([{")
PUNCT = frozenset(",.;:!?-—–") | frozenset(QUOTE_MARKS) | {"’", "‘", "'"}
CUE_TAGS = ("CUE", "CUECOREF")
CUE_WINDOW = 4  # tokens between a statement and its cue
SPEAKER_WINDOW = 8  # tokens between a cue and its speaker


@dataclass
class Token:
    text: str
    tag: str
    start: int = 0
    end: int = 0

    @property
    def label(self) -> str:
        return self.tag[2:] if "-" in self.tag else ""


@dataclass
class GoldDoc:
    tokens: list[Token]
    body: str = ""
    statements: list[tuple[int, int]] = field(default_factory=list)  # inclusive token indices


def read_conll(path: Path) -> Iterator[list[Token]]:
    """Sentences of `token<TAB>tag` lines."""
    sentence: list[Token] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sentence:
                    yield sentence
                    sentence = []
                continue
            text, _, tag = line.partition("\t")
            sentence.append(Token(text, tag.strip() or "O"))
    if sentence:
        yield sentence


def is_dateline(sentence: list[Token]) -> bool:
    return any(t.text.upper() == "KOMPAS" for t in sentence[:6])


def documents(path: Path, limit: int | None = None) -> Iterator[GoldDoc]:
    """Articles rebuilt from the sentences: a new one at each dateline."""
    current: list[list[Token]] = []
    count = 0
    for sentence in read_conll(path):
        if is_dateline(sentence) and current:
            yield rebuild(current)
            count += 1
            if limit is not None and count >= limit:
                return
            current = []
        current.append(sentence)
    if current and (limit is None or count < limit):
        yield rebuild(current)


def rebuild(sentences: list[list[Token]]) -> GoldDoc:
    """Detokenised text: no space before closing punctuation or inside quote marks; a new
    paragraph before each opening quote mark that follows a full stop."""
    tokens = [token for sentence in sentences for token in sentence]
    parts: list[str] = []
    pos = 0
    glue_next = False
    for i, token in enumerate(tokens):
        previous = tokens[i - 1].text if i else None
        opens = closes = False
        if token.text in QUOTE_MARKS:
            opens = is_opening_mark(tokens, i)
            closes = not opens
        if previous is None:
            sep = ""
        elif opens and previous in (".", "?", "!"):
            sep = "\n\n"
        elif token.text in NO_SPACE_BEFORE or closes or glue_next:
            sep = ""
        else:
            sep = " "
        pos += len(sep)
        token.start, token.end = pos, pos + len(token.text)
        parts += [sep, token.text]
        pos = token.end
        glue_next = opens or token.text in NO_SPACE_AFTER
    doc = GoldDoc(tokens, "".join(parts))
    doc.statements = spans_of(tokens, "STATEMENT")
    return doc


def is_opening_mark(tokens: list[Token], i: int) -> bool:
    """Whether the quote token at `i` opens a quote, from its neighbours (the corpus uses ” for both)."""
    previous = tokens[i - 1].text if i else None
    following = tokens[i + 1].text if i + 1 < len(tokens) else None
    if following is None or following in NO_SPACE_BEFORE:
        return False
    if previous in (",", "?", "!"):
        return False
    if previous == ".":
        # '... jalan. ”Saya ...' opens when the next mark closes a statement ('... ,” kata X')
        return (following[:1].isupper() or following == "(") and next_mark_closes(tokens, i)
    return True


def next_mark_closes(tokens: list[Token], i: int) -> bool:
    for j in range(i + 1, min(len(tokens), i + 400)):
        if tokens[j].text in QUOTE_MARKS:
            before = tokens[j - 1].text
            after = tokens[j + 1].text if j + 1 < len(tokens) else ""
            return before in (",", "?", "!") or (before == "." and after[:1].islower())
    return False


def spans_of(tokens: list[Token], label: str) -> list[tuple[int, int]]:
    spans = []
    begin = None
    for i, t in enumerate(tokens):
        if t.label != label:
            begin = None
            continue
        if t.tag[0] in "BU" or begin is None:
            begin = i
        if t.tag[0] in "LU":
            spans.append((begin, i))
            begin = None
    return spans


def content(tokens: list[Token], first: int, last: int) -> frozenset[int]:
    """Token indices of a span without quote marks and edge punctuation."""
    return frozenset(i for i in range(first, last + 1) if tokens[i].text not in PUNCT)


def tokens_of_chars(doc: GoldDoc, start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, t in enumerate(doc.tokens)
                     if t.start < end and t.end > start and t.text not in PUNCT)


def gold_cue(doc: GoldDoc, first: int, last: int) -> int | None:
    """The cue token nearest after (or else before) a statement."""
    tokens = doc.tokens
    for i in range(last + 1, min(len(tokens), last + 1 + CUE_WINDOW)):
        if tokens[i].label in CUE_TAGS:
            return i
    for i in range(first - 1, max(-1, first - 1 - 3 * CUE_WINDOW), -1):
        if tokens[i].label in CUE_TAGS:
            return i
    return None


def gold_speaker(doc: GoldDoc, cue: int) -> str | None:
    """The person written next to the cue; for a -nya cue or a pronoun, the last person named before."""
    tokens = doc.tokens
    pronouns = lexicon().pronouns
    persons = [s for s in spans_of(tokens, "PERSON") + spans_of(tokens, "PERSONCOREF")
               if not (s[0] == s[1] and tokens[s[0]].text.lower() in pronouns)]
    if tokens[cue].label == "CUE":
        near = [s for s in persons if abs(s[0] - cue) <= SPEAKER_WINDOW or abs(s[1] - cue) <= SPEAKER_WINDOW]
        if near:
            best = min(near, key=lambda s: min(abs(s[0] - cue), abs(s[1] - cue)))
            return " ".join(t.text for t in tokens[best[0]:best[1] + 1])
        nearby = tokens[cue + 1].text.lower() if cue + 1 < len(tokens) else ""
        if nearby not in pronouns:
            return None
    before = [s for s in persons if s[1] < cue]
    if not before:
        return None
    best = max(before, key=lambda s: s[1])
    return " ".join(t.text for t in tokens[best[0]:best[1] + 1])


def same_person(predicted: str | None, role: str | None, gold: str) -> bool:
    """Whether a predicted speaker is the gold one: a shared name word, or for a gold role noun
    ("Presiden"), the predicted speaker's role."""
    if not predicted:
        return False
    titles = lexicon().titles
    words = {w.lower() for w in re.findall(r"\w+", gold)}
    names = words - titles
    if not names:
        return words <= {w.lower() for w in re.findall(r"\w+", role or "")}
    return bool(names & {w.lower() for w in re.findall(r"\w+", predicted)})


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    predicted_all: int = 0
    exact: int = 0
    overlap_precision: float = 0.0
    overlap_recall: float = 0.0
    speaker_total: int = 0
    speaker_right: int = 0
    cue_total: int = 0
    cue_right: int = 0
    documents: int = 0

    def f1(self, p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def lines(self) -> list[str]:
        p_exact = self.exact / self.predicted if self.predicted else 0.0
        r_exact = self.exact / self.gold if self.gold else 0.0
        p_tok = self.overlap_precision / self.predicted if self.predicted else 0.0
        r_tok = self.overlap_recall / self.gold if self.gold else 0.0
        speaker = self.speaker_right / self.speaker_total if self.speaker_total else 0.0
        cue = self.cue_right / self.cue_total if self.cue_total else 0.0
        return [
            f"documents {self.documents}, gold statements {self.gold}, predicted direct quotes {self.predicted} "
            f"(+{self.predicted_all - self.predicted} indirect statements, not scored: PFSA-ID labels direct quotes)",
            f"statement exact          P {p_exact:.3f} R {r_exact:.3f} F1 {self.f1(p_exact, r_exact):.3f}",
            f"statement token-overlap  P {p_tok:.3f} R {r_tok:.3f} F1 {self.f1(p_tok, r_tok):.3f}",
            f"speaker accuracy {speaker:.3f} ({self.speaker_right}/{self.speaker_total} matched statements with a gold speaker)",
            f"cue accuracy {cue:.3f} ({self.cue_right}/{self.cue_total} matched statements with a gold cue)",
            f"quotes F1 {self.f1(p_tok, r_tok):.3f}",
        ]


def score_document(doc: GoldDoc, quotes: list[dict], scores: Scores) -> None:
    lex = lexicon()
    gold = [(content(doc.tokens, a, b), a, b) for a, b in doc.statements]
    gold = [g for g in gold if g[0]]
    direct = [q for q in quotes if q.get("direct")]
    predicted = [(tokens_of_chars(doc, q["start"], q["end"]), q) for q in direct]
    predicted = [p for p in predicted if p[0]]
    scores.documents += 1
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    scores.predicted_all += len(predicted) + len(quotes) - len(direct)
    for tokens, _ in predicted:
        best = max((len(tokens & g) for g, _, _ in gold), default=0)
        scores.overlap_precision += best / len(tokens)
        scores.exact += any(tokens == g for g, _, _ in gold)
    for g, first, last in gold:
        overlaps = [(len(g & tokens), q) for tokens, q in predicted]
        best, quote = max(overlaps, key=lambda o: o[0], default=(0, None))
        scores.overlap_recall += best / len(g)
        if quote is None or best == 0:
            continue
        cue = gold_cue(doc, first, last)
        if cue is None:
            continue
        scores.cue_total += 1
        scores.cue_right += lex.root(doc.tokens[cue].text) == quote.get("verb")
        speaker = gold_speaker(doc, cue)
        if speaker:
            scores.speaker_total += 1
            scores.speaker_right += same_person(quote.get("speaker"), quote.get("speaker_role"), speaker)


def run_stages(docs: list[Article], with_entities: bool) -> list[Article]:
    from warta.pipeline import Pipeline, available_stages

    names = (available_stages(["entities"]) if with_entities else []) + ["quotes"]
    return list(Pipeline(names).run(docs))


def evaluate(path: Path, limit: int | None = None, with_entities: bool = True) -> Scores:
    gold_docs = list(documents(path, limit))
    articles = [Article(id=str(i), body=d.body) for i, d in enumerate(gold_docs)]
    scores = Scores()
    for doc, article in zip(gold_docs, run_stages(articles, with_entities)):
        score_document(doc, article.quotes, scores)
    return scores


@click.command("quotes")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--entities/--no-entities", default=True, show_default=True,
              help="Run the entities stage first (speakers become canonical names).")
def eval_quotes(path: Path, limit: int | None, entities: bool) -> None:
    """Score the quotes stage on a PFSA-ID CoNLL file."""
    started = time.perf_counter()
    scores = evaluate(path, limit, entities)
    lines = scores.lines()
    for line in lines[:-1]:
        click.echo(line)
    sys.stdout.flush()  # the timing goes to stderr; "quotes F1" stays the last line of stdout
    click.echo(f"({time.perf_counter() - started:.1f}s)", err=True)
    click.echo(lines[-1])
