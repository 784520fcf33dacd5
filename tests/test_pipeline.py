"""The pipeline: stages in order, each taking articles in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from warta.pipeline import STAGE_BATCH, Pipeline
from warta.record import Article
from warta.report import RunReport


class Recorder:
    """A stage that notes when it sees each article."""

    def __init__(self, name: str, log: list[tuple[str, int]]) -> None:
        self.name, self.log = name, log

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            self.log.append((self.name, int(doc.id)))
            yield doc


def test_stages_take_articles_in_batches_and_keep_their_order() -> None:
    log: list[tuple[str, int]] = []
    n = STAGE_BATCH + 10
    out = list(Pipeline([Recorder("a", log), Recorder("b", log)]).run(Article(id=str(i)) for i in range(n)))
    assert [int(d.id) for d in out] == list(range(n))
    # the first stage handles a whole batch before the second sees its first article
    assert log[:STAGE_BATCH] == [("a", i) for i in range(STAGE_BATCH)]
    assert log[STAGE_BATCH] == ("b", 0)
    assert sorted(log) == sorted([("a", i) for i in range(n)] + [("b", i) for i in range(n)])
