"""`warta eval dates DIR`: score the date extractor on TimeML files (IndoTimex format).

Each .tml file gives the DCT (used as `published`) and a <TEXT> whose in-text TIMEX3 tags are the
gold. The extractor runs on the tag-free text. Recognition is scored two ways:

- strict: a prediction counts only with exactly the gold start and end;
- relaxed: a prediction counts when it overlaps a gold span (one-to-one, in text order).

Value accuracy is over the relaxed matches: the share whose value equals the gold value. Gold
PRESENT_REF is taken as the DCT date (the convention of warta.extract.dates), PAST_REF and
FUTURE_REF as null. The last line is `dates F1 <relaxed F1> value-accuracy <accuracy>`.

Published anchor (Mirza, PACLING 2015, IndoTimex on the Kompas test set): recognition F1 92.87,
normalisation F1 85.26.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from warta.extract.dates import find_dates

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'"}


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    value: str | None
    text: str


@dataclass(slots=True)
class TimeMLDoc:
    name: str
    dct: str | None
    text: str
    gold: list[Timex]


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_tml(path: Path) -> TimeMLDoc:
    """A TimeML file: DCT value, tag-free <TEXT> and the TIMEX3 spans inside it."""
    raw = path.read_bytes()
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError:
        source = raw.decode("cp1252", errors="replace")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"([^\"]*)\"", source)
    body_match = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    inner = body_match.group(1) if body_match else ""
    text_parts: list[str] = []
    gold: list[Timex] = []
    length, open_timex = 0, None
    position = 0
    for tag in _TAG.finditer(inner):
        chunk = unescape(inner[position:tag.start()])
        text_parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2).upper() != "TIMEX3" or tag.group(3).rstrip().endswith("/"):
            continue  # other tags, and empty (non-consuming) TIMEX3s, carry no text span
        if tag.group(1):
            if open_timex is not None:
                start, value = open_timex
                gold.append(Timex(start, length, value, "".join(text_parts)[start:length]))
                open_timex = None
        else:
            attrs = dict(_ATTR.findall(tag.group(3)))
            if attrs.get("functionInDocument") != "CREATION_TIME":
                open_timex = (length, attrs.get("value"))
    text_parts.append(unescape(inner[position:]))
    return TimeMLDoc(path.name, dct_match.group(1) if dct_match else None, "".join(text_parts), gold)


def unescape(text: str) -> str:
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def normalise_gold(value: str | None, dct: str | None) -> str | None:
    if value == "PRESENT_REF":
        return (dct or "")[:10] or None
    if value in ("PAST_REF", "FUTURE_REF"):
        return None
    return value


def pad_dct(dct: str | None) -> str | None:
    """"2013-12-4" -> "2013-12-04", so PRESENT_REF compares with the extractor's ISO dates."""
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", dct or "")
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else dct


def score_doc(doc: TimeMLDoc, score: Score) -> None:
    predicted = find_dates(doc.text, doc.dct)
    dct = pad_dct(doc.dct)
    score.gold += len(doc.gold)
    score.predicted += len(predicted)
    used: set[int] = set()
    for gold in doc.gold:
        if any(p["start"] == gold.start and p["end"] == gold.end for p in predicted):
            score.strict += 1
        match = next((i for i, p in enumerate(predicted)
                      if i not in used and p["start"] < gold.end and gold.start < p["end"]), None)
        if match is None:
            score.misses.append(f"{doc.name}: missed {gold.text!r} {gold.value}")
            continue
        used.add(match)
        score.relaxed += 1
        if predicted[match]["value"] == normalise_gold(gold.value, dct):
            score.value_ok += 1
        else:
            score.misses.append(f"{doc.name}: {gold.text!r} gold {gold.value} got {predicted[match]['value']}")


def tml_files(target: Path) -> list[Path]:
    return sorted(target.rglob("*.tml")) if target.is_dir() else [target]


@click.command("dates")
@click.argument("target", type=click.Path(exists=True, path_type=Path))
@click.option("--show-errors", is_flag=True, help="List missed spans and wrong values.")
def eval_dates(target: Path, show_errors: bool) -> None:
    """Score date recognition (strict and relaxed F1) and value accuracy on TimeML files in TARGET."""
    files = tml_files(target)
    score = Score()
    for path in files:
        score_doc(read_tml(path), score)
    if score.gold == 0:
        click.echo(f"warning: no in-text TIMEX3 gold in {target} ({len(files)} files; "
                   "IndoTimex kompas_development has only the DCT)", err=True)
    strict = Score.f1(score.strict, score.predicted, score.gold)
    relaxed = Score.f1(score.relaxed, score.predicted, score.gold)
    accuracy = score.value_ok / score.relaxed if score.relaxed else 0.0
    if show_errors:
        for line in score.misses:
            click.echo(line)
    click.echo(f"files {len(files)}, gold TIMEX3 {score.gold}, predicted {score.predicted}")
    click.echo(f"strict  P {strict[0]:.3f} R {strict[1]:.3f} F1 {strict[2]:.3f}")
    click.echo(f"relaxed P {relaxed[0]:.3f} R {relaxed[1]:.3f} F1 {relaxed[2]:.3f}")
    click.echo(f"value accuracy {accuracy:.3f} ({score.value_ok}/{score.relaxed} relaxed matches)")
    click.echo("published IndoTimex (Mirza 2015, Kompas test): recognition F1 0.929, normalisation F1 0.853")
    click.echo(f"dates F1 {relaxed[2]:.3f} value-accuracy {accuracy:.3f}")
    sys.stdout.flush()
