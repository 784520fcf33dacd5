"""Building articles for the cleaner's tests without going through ingest."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from warta.clean.stage import CleanStage
from warta.record import Article
from warta.report import RunReport


def text_dump(path: Path) -> Article:
    """A text dump as ingest hands it over: the first line is the title, the rest is raw."""
    title, _, rest = path.read_text(encoding="utf-8").partition("\n")
    return Article(source=str(path), title=title.strip(), raw=rest, raw_format="text")


def detik_articles(path: Path) -> list[Article]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [Article(source=f"{path}#{row['id']}", title=row["judul"], url=row["tautan"],
                        raw=row["isi_berita"], raw_format="csv") for row in csv.DictReader(handle)]


def clean(docs: list[Article], **config) -> tuple[list[Article], RunReport]:
    report = RunReport(stderr=io.StringIO())
    return list(CleanStage(**config).run(docs, report)), report
