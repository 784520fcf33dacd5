"""The UI in a real headless browser (Debian's Chromium through Playwright) over a real server.

The store holds the seed document and the bundled samples, all run through the pipeline: search,
open the seed, see its entities, quotes and figures marked and its noise collapsed, follow an
entity to its page and see its chart.
"""
from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, shared_path
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, running_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED_TITLE = "Menkominfo dan Menko Perekonomian Rayu Bos Alibaba"


def chromium_or_skip() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing in CI (.ci/run installs Debian's chromium)")
    pytest.skip(f"needs {CHROMIUM} (apt-get install chromium)")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    seed = shared_path("golden", "seed-viva-alibaba.txt")
    chromium_or_skip()
    from warta import process_file
    from warta.store.db import Store
    from warta.web.app import create_app

    store = Store(str(tmp_path_factory.mktemp("browser") / "browser.db"))
    inputs = [seed, *sorted(p for p in (REPO / "samples").rglob("*") if p.suffix in {".jsonl", ".html", ".gz"})]
    for path in inputs:
        store.add_articles(process_file(str(path)))
    with running_server(create_app(store)) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_or_skip(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def plain(text: str) -> str:
    """Single spaces (the body keeps the source's no-break spaces), no surrounding quote marks."""
    return " ".join(text.split()).strip('"\u201c\u201d')


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def test_search_open_the_seed_and_follow_an_entity(base_url, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    # Search from the header on the overview page.
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Corpus overview"
    page.fill("header input[name=q]", "menyambangi Alibaba")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    hit = page.locator("#hits a.title", has_text=SEED_TITLE)
    assert hit.count() == 1
    assert page.locator("#hits .snippet mark").count() >= 1
    assert page.locator("#facet-outlet").is_visible()

    # The seed's article page: marks from the record's offsets.
    hit.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1#title").inner_text() == SEED_TITLE
    body = page.locator("#body")
    quotes = body.locator("q.quote")
    assert quotes.count() == 2
    assert plain(quotes.nth(0).inner_text()).startswith("Bersama dubes RI mendampingi")
    assert plain(quotes.nth(1).inner_text()).startswith("Jack Ma menyanggupi.")
    marked_entities = set(body.locator(".entity").all_inner_texts())
    assert {"Rudiantara", "Jack Ma", "China"} <= marked_entities
    assert set(body.locator("mark.figure").all_inner_texts()) == {"US$1 miliar", "Rp13,2 triliun"}
    # Distinct looks: a quote, a person and a figure have different backgrounds.
    backgrounds = {css: page.eval_on_selector(f"#body {css}", "e => getComputedStyle(e).backgroundColor")
                   for css in ("q.quote", ".entity-per", "mark.figure")}
    assert len(set(backgrounds.values())) == 3, backgrounds

    # The noise is collapsed beneath the body, and opens on a click.
    noise = page.locator("details#noise")
    assert noise.get_attribute("open") is None
    credit = noise.locator("li", has_text="REUTERS/Bobby Yip")
    assert not credit.is_visible()
    assert "Bobby Yip" not in body.inner_text()
    noise.locator("summary").click()
    assert credit.is_visible()
    assert page.locator("#related li", has_text="Pos Indonesia Lebarkan Sayap").count() == 1

    # Follow the seed's entity that has the most dated articles; its page shows the chart.
    article_id = page.url.rsplit("/", 1)[1]
    record = get_json(f"{base_url}/api/articles/{article_id}")
    linked = {m["entity_id"] for m in record["entities"] if m["start"] is not None}
    timelines = {eid: get_json(f"{base_url}/api/entities/{eid}")["timeline"] for eid in linked}
    entity_id = max(sorted(timelines), key=lambda eid: len(timelines[eid]))
    assert timelines[entity_id], "no entity of the seed has a dated article in the samples"
    body.locator(f'a.entity[href="/entities/{entity_id}"]').first.click()
    page.wait_for_url(f"**/entities/{entity_id}")
    chart = page.locator("#timeline svg.chart")
    assert chart.is_visible()
    assert chart.locator("rect.bar").count() >= len(timelines[entity_id])
    assert chart.bounding_box()["height"] > 50
    assert page.locator("#co-occurring a").count() >= 1
    assert errors == []
    page.close()


def test_figures_page_and_hostile_query_in_the_browser(base_url, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base_url + "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27")
    assert "<script>alert(1)</script>" in page.locator("#q").input_value()
    page.goto(base_url + "/figures?unit=IDR")
    assert page.locator("#figures tbody tr").count() >= 1
    assert page.locator("svg.chart rect.bar").count() >= 1
    assert page.locator("select#unit option:checked").inner_text() == "IDR"
    assert dialogs == []
    page.close()


def test_browse_entities_and_quotes_from_the_navigation(base_url, browser):
    page = browser.new_page()
    page.goto(base_url + "/")
    page.click("header nav >> text=Entities")
    page.wait_for_url("**/entities")
    page.select_option("select#label", "PER")
    page.click("#entity-form button")
    page.wait_for_url("**/entities?*label=PER*")
    assert set(page.locator("#entities tbody tr td:nth-child(2)").all_inner_texts()) == {"PER"}
    page.locator("#entities tbody a").first.click()
    page.wait_for_url("**/entities/*")
    assert page.locator("#timeline").is_visible()

    page.click("header nav >> text=Quotes")
    page.wait_for_url("**/quotes")
    assert page.locator("#quotes blockquote").count() >= 2  # the seed alone has two
    page.fill("#quote-form input[name=q]", "menyanggupi")
    page.press("#quote-form input[name=q]", "Enter")
    page.wait_for_url("**/quotes?q=menyanggupi")
    assert "menyanggupi" in page.locator("#quotes blockquote").first.inner_text()
    page.close()
