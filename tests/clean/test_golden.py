"""Every golden document: body, noise, related, images, title, outlet and published as hand-labelled."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from tests.clean.helpers import clean, text_dump
from tests.conftest import SHARED, shared_path

GOLDEN = sorted((SHARED / "golden").glob("*.txt")) if (SHARED / "golden").exists() else []


def norm(text: str | None) -> str:
    """As check_golden.py compares: no format characters, straight quotes, single spaces, casefolded."""
    text = "".join(ch for ch in text or "" if unicodedata.category(ch) != "Cf")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_document(path):
    shared_path("golden", path.name)
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    [doc], _ = clean([text_dump(path)])

    assert norm(doc.title) == norm(expected["title"])
    if "outlet" in expected:
        assert norm(doc.outlet) == norm(expected["outlet"])
    if "published" in expected:
        if expected["published"] is None:
            assert doc.published is None
        else:
            assert (doc.published or "").startswith(expected["published"])
    assert [norm(p) for p in doc.paragraphs] == [norm(p) for p in expected["body_paragraphs"]]

    noise = [norm(n["text"]) for n in doc.noise]
    for lines in (expected.get("noise") or {}).values():
        for line in lines:
            assert norm(line) in noise
    assert {norm(r["title"]) for r in doc.related} >= {norm(t) for t in expected.get("related_titles") or []}
    images = {(norm(i["caption"]), norm(i["credit"])) for i in doc.images}
    for image in expected.get("images") or []:
        assert (norm(image["caption"]), norm(image["credit"])) in images
    dateline = expected.get("dateline")
    if dateline:
        assert norm(doc.dateline) == norm(dateline["text"]) and doc.place == dateline["place"]


def test_seed_date_of_a_related_card_is_not_the_publication_date():
    [doc], _ = clean([text_dump(shared_path("golden", "seed-viva-alibaba.txt"))])
    assert doc.published is None
    assert {"text": "5 Mei 2021", "kind": "related_card"} in doc.noise
    assert doc.lang == "id"
    assert doc.id and len(doc.id) == 20


def test_every_source_line_is_in_body_or_noise():
    for path in GOLDEN:
        [doc], _ = clean([text_dump(path)])
        kept = set(doc.paragraphs) | {n["text"] for n in doc.noise}
        for line in text_dump(path).raw.splitlines():
            line = line.strip()
            if line and line not in kept:
                assert doc.dateline and line.startswith(doc.dateline.split()[0]), (path.name, line)
