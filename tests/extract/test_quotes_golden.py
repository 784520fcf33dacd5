"""The golden quote checks: with hand-built entities, and through the whole pipeline."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, shared_path
from warta.extract.quotes import extract_quotes

QUOTE_CHECK = re.compile(r"(PASS|FAIL) (quote '|  \.\.\.(speaker|verb|ends where the quote ends))")
GOLDEN = ["detik-182", "detik-93", "detik-877", "detik-891", "detik-913", "detik-739",
          "kompas-20141230-225310526", "seed-viva-alibaba"]


def golden_entities(body: str, expected: dict) -> list[dict]:
    """Entity mentions as the entities stage writes them, built from the expected aliases."""
    mentions = []
    for label, table in expected.get("entities", {}).items():
        for canonical, info in table.items():
            role = info.get("role") or (info.get("role_any_of") or [None])[0]
            for alias in set(info.get("aliases", [])) | {canonical}:
                for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", body):
                    mentions.append({"text": alias, "label": label, "start": m.start(), "end": m.end(),
                                     "canonical": canonical, "role": role})
    mentions.sort(key=lambda e: (e["start"], -e["end"]))
    kept, last_end = [], -1
    for e in mentions:  # the longest mention wins where aliases nest
        if e["start"] >= last_end:
            kept.append(e)
            last_end = e["end"]
    return kept


def quote_failures(quotes: list[dict], expected: dict) -> list[str]:
    """The scorer's four quote checks (found, speaker, verb, end), as failure messages."""
    failures = []
    for q in expected.get("quotes", []):
        match = [x for x in quotes if x["text"].lstrip('"').startswith(q["text_starts_with"])]
        if not match:
            failures.append(f"missing {q['text_starts_with']!r}")
            continue
        got = match[0]
        if got["speaker"] != q["speaker"]:
            failures.append(f"{q['text_starts_with']!r}: speaker {got['speaker']!r} != {q['speaker']!r}")
        if got["verb"] != q["verb"]:
            failures.append(f"{q['text_starts_with']!r}: verb {got['verb']!r} != {q['verb']!r}")
        if not got["text"].rstrip(' ,."').endswith(q["text_ends_with"]):
            failures.append(f"{q['text_starts_with']!r}: ends {got['text'][-40:]!r}")
    return failures


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_quotes_with_golden_entities(name: str) -> None:
    expected = json.loads(shared_path("golden", f"{name}.expected.json").read_text(encoding="utf-8"))
    body = "\n\n".join(expected["body_paragraphs"])
    quotes = extract_quotes(body, golden_entities(body, expected))
    assert quote_failures(quotes, expected) == []
    direct = [q for q in quotes if q["direct"]]
    assert len(direct) == len(expected["quotes"]), "a direct quote the golden file does not list"


@pytest.fixture(scope="module")
def pipeline_records() -> dict[str, str]:
    """`warta process` over every golden file in one run: file stem -> its JSON record line."""
    from warta.pipeline import available_stages

    if available_stages(["clean", "entities"]) != ["clean", "entities"]:
        pytest.skip("needs the clean and entities stages")
    paths = [str(shared_path("golden", f"{name}.txt")) for name in GOLDEN]
    out = subprocess.run([str(Path(sys.executable).with_name("warta")), "process", *paths],
                         capture_output=True, text=True, cwd=REPO, check=True).stdout
    return {Path(json.loads(line)["source"]).stem: line for line in out.splitlines() if line.strip()}


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_quote_checks_through_the_pipeline(name: str, pipeline_records: dict[str, str]) -> None:
    """`warta process X.txt | check_golden.py X.expected.json`: every quote check passes."""
    checker = shared_path("tools", "check_golden.py")
    expected = shared_path("golden", f"{name}.expected.json")
    scored = subprocess.run([sys.executable, str(checker), str(expected)],
                            input=pipeline_records[name], capture_output=True, text=True).stdout
    quote_lines = [line for line in scored.splitlines() if QUOTE_CHECK.match(line)]
    assert quote_lines, scored
    assert [line for line in quote_lines if line.startswith("FAIL")] == []


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_bodies_with_broken_quote_marks_never_crash(name: str) -> None:
    """Real articles with quote marks dropped, added and flipped at random: offsets stay valid."""
    import random

    expected = json.loads(shared_path("golden", f"{name}.expected.json").read_text(encoding="utf-8"))
    original = "\n\n".join(expected["body_paragraphs"])
    rng = random.Random(name)
    for _ in range(20):
        chars = list(original)
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(chars))
            chars[i] = rng.choice(['"', "\u201c", "\u201d", "", chars[i] + '"'])
        body = "".join(chars)
        for q in extract_quotes(body, golden_entities(body, expected)):
            assert body[q["start"]:q["end"]] == q["text"] and q["verb"]
