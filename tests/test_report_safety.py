"""A report made of hostile model output, opened in real headless Chromium: nothing from the data
runs, the filters work, and the page shows the numbers of report.json."""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, sync_playwright

from harness.report import write_report
from harness.results import load_run
from harness.safetext import clean_text
from tests.hostile import HOSTILE, html_attributes, make_hostile_run

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    run_dir = make_hostile_run(tmp_path_factory.mktemp("hostile") / "run")
    return write_report(run_dir, ["html", "md", "json", "csv", "parquet"])


@pytest.fixture(scope="module")
def browser_page(hostile_report: Path):  # type: ignore[no-untyped-def]
    """The report loaded in Chromium, with every dialog, page error and request recorded."""
    seen: dict[str, list[Any]] = {"dialogs": [], "errors": [], "requests": [], "console": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("console", lambda m: seen["console"].append(m.text))
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.goto(hostile_report.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # let any deferred payload (onerror, onload, refresh) fire if it could
        yield page, seen
        browser.close()


def test_no_payload_from_the_data_runs(browser_page: tuple[Page, dict[str, list[Any]]], hostile_report: Path) -> None:
    page, seen = browser_page
    assert page.evaluate("window.__pwned") is None
    assert page.title().startswith("idprobe: who does hostile <b>model</b>")
    assert seen["dialogs"] == []
    assert seen["errors"] == []  # our own filter script ran cleanly under the policy
    assert seen["requests"] == [hostile_report.as_uri()]  # no image, stylesheet, refresh or frame was fetched
    assert page.evaluate("document.querySelectorAll('#samples script, #samples img, #samples iframe, "
                         "#samples svg, #samples object, #samples style, #samples a, #samples form').length") == 0


def test_hostile_text_is_shown_as_text(browser_page: tuple[Page, dict[str, list[Any]]]) -> None:
    page, _ = browser_page
    shown = page.locator("#samples").inner_text()
    for payload in ('<script>window.__pwned = 1; document.title = "pwned"</script>', "</script><script>",
                    '<img src=x onerror="window.__pwned = 3', "&lt;script&gt;window.__pwned = 6&lt;/script&gt;",
                    "[click me](javascript:window.__pwned=4)", "$\\href{javascript:alert(1)}{tex}$"):
        assert payload in shown
    assert "\ufffd evil \u241b[31m red \u2400 null" in shown  # bidi override and controls made visible


def test_policy_allows_only_the_report_own_script_and_style(hostile_report: Path) -> None:
    html = hostile_report.read_text(encoding="utf-8")
    policy = unescape(html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0])
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "script-src 'sha256-" in policy
    attributes = html_attributes(html)
    assert not [a for a in attributes if a[0] in ("src", "href", "action", "data") or a[0].startswith("on")]
    assert html.count("<script") == 2  # the JSON data block and the drawing script, nothing else


def test_filters_show_the_matching_rows(browser_page: tuple[Page, dict[str, list[Any]]], hostile_report: Path) -> None:
    page, _ = browser_page
    numbers = json.loads((hostile_report.parent / "report.json").read_text())
    nex_none = next(r for r in numbers["headline"] if r["identity"] == "nex" and r["condition"] == "none")
    total = page.locator("#samples tbody tr").count()
    assert total == 24 == numbers["counts"]["samples"]
    page.select_option("#filter-identity", "nex")
    nex_all = sum(r["k"] for r in numbers["headline"] if r["identity"] == "nex")
    assert page.locator("#samples tbody tr").count() == nex_all
    page.select_option("#filter-condition", "none")
    assert page.locator("#samples tbody tr").count() == nex_none["k"] >= 1
    assert page.locator("#shown-count").inner_text() == str(nex_none["k"])
    page.select_option("#filter-identity", "")
    page.select_option("#filter-condition", "")
    page.select_option("#filter-language", "pt")
    assert page.locator("#samples tbody tr").count() == 6  # one pt prompt x 2 conditions x 3 samples
    page.select_option("#filter-language", "")
    page.select_option("#filter-identity", "(error)")
    assert page.locator("#samples tbody tr.error").count() == page.locator("#samples tbody tr").count() == 1
    page.select_option("#filter-identity", "")
    assert page.locator("#samples tbody tr").count() == total


def test_text_search_finds_hostile_text_literally(browser_page: tuple[Page, dict[str, list[Any]]]) -> None:
    page, _ = browser_page
    page.fill("#filter-text", "</SCRIPT >")
    page.wait_for_function("() => document.getElementById('shown-count').textContent === '1'")
    assert "window.__pwned = 13" in page.locator("#samples tbody").inner_text()
    page.fill("#filter-text", "")
    page.wait_for_function("() => document.getElementById('shown-count').textContent === '24'")


def test_page_shows_the_numbers_of_the_json_output(browser_page: tuple[Page, dict[str, list[Any]]], hostile_report: Path) -> None:
    page, _ = browser_page
    numbers = json.loads((hostile_report.parent / "report.json").read_text())
    assert numbers["headline"]
    for row in numbers["headline"]:
        cells = page.locator(f'#headline-table tr[data-condition="{row["condition"]}"][data-identity="{row["identity"]}"] td')
        assert cells.nth(2).inner_text() == f'{row["k"]}/{row["n"]}'
        assert cells.nth(3).inner_text() == f'{100 * row["share"]:.1f}%'
        lo, hi = row["cluster"]
        assert cells.nth(4).inner_text() == f"{100 * lo:.1f}% – {100 * hi:.1f}%"
    embedded = json.loads(page.evaluate("document.getElementById('idprobe-data').textContent"))
    assert embedded["summary"] == numbers
    assert page.locator("#completions-sha256").inner_text() == numbers["run"]["completions_sha256"]
    assert len(embedded["rows"]["text"]) == 24 and HOSTILE[1] in embedded["texts"]


def test_every_answer_is_drawn_exactly_as_text(browser_page: tuple[Page, dict[str, list[Any]]], hostile_report: Path) -> None:
    """The script draws each row's answer through textContent: what the page shows is the stored text
    (cleaned of controls, same length), character for character, whatever markup or escapes it holds."""
    page, _ = browser_page
    samples = load_run(hostile_report.parent).samples
    drawn = page.evaluate("""Array.from(document.querySelectorAll('#samples tbody tr')).map(
        (tr) => [Number(tr.dataset.i), tr.querySelector('.answer').textContent])""")
    assert len(drawn) == len(samples) == 24
    for i, text in drawn:
        sample = samples.iloc[i]
        expected = clean_text(sample["text"]) if sample["ok"] else "error: " + clean_text(sample["error"])
        assert text == expected
    assert set(HOSTILE) <= set(samples["text"])  # every payload went through the drawing path
    # evidence offsets survive characters beyond U+FFFF (JavaScript counts UTF-16 units, Python code points)
    emoji_row = next(i for i, text in drawn if text.startswith("\U0001F600"))
    marks = page.locator(f'#samples tr[data-i="{emoji_row}"] mark').all_inner_texts()
    text, spans = samples.iloc[emoji_row]["text"], sorted(samples.iloc[emoji_row]["evidence"], key=lambda s: s["start"])
    assert marks == [text[s["start"]:s["end"]] for s in spans] and "Nex" in marks[0]
    assert page.evaluate("({}).polluted === undefined && Object.prototype.polluted === undefined")
    based_row = next(i for i, text in drawn if "based on Llama" in text)  # the "based on" claim has its column
    cells = page.locator(f'#samples tr[data-i="{based_row}"] td').all_inner_texts()
    display = json.loads((hostile_report.parent / "report.json").read_text())["display"]
    labels = samples.iloc[based_row]
    assert cells[4:7] == [display[labels["identity"]], display[labels["creator"]], "Llama"]
    assert page.locator(f'#samples tr[data-i="{based_row}"] mark.based-on').inner_text() == "based on Llama 3"


def test_json_block_cannot_end_early(hostile_report: Path) -> None:
    """Inside the data block no character can close the script element or open a comment that would
    change how the HTML parser reads it: < > & and U+2028/U+2029 are all JSON escapes."""
    html = hostile_report.read_text(encoding="utf-8")
    opening = '<script type="application/json" id="idprobe-data">'
    block = html.split(opening, 1)[1].split("</script>", 1)[0]
    assert not set(block) & {"<", ">", "&", "\u2028", "\u2029"}
    data = json.loads(block)  # the whole document, so the first </script> is really its end
    assert data["format"] == "idprobe-samples/1" and len(data["rows"]["flags"]) == 24
    for payload in HOSTILE[16:]:
        assert clean_text(payload) in data["texts"]
