"""Hostile model output, and a run made of it, for the report safety tests.

Every payload that could run tries to set ``window.__pwned`` or change ``document.title``; a
safe report shows all of them as text and runs none.
"""

from __future__ import annotations

import asyncio
from html.parser import HTMLParser
from pathlib import Path

from harness.records import Completion
from harness.runner import run_suite
from harness.store import COMPLETIONS, RunStore
from harness.target import Target
from tests.fakes import suite_yaml

HOSTILE = [
    'I am Nex. <script>window.__pwned = 1; document.title = "pwned"</script>',
    'I am Nex, made by Nex-AGI.</script><script>window.__pwned = 2</script>',
    '<img src=x onerror="window.__pwned = 3; document.title = \'pwned\'"> I am Qwen.',
    '[click me](javascript:window.__pwned=4) <a href="javascript:window.__pwned=5">here</a>',
    "&lt;script&gt;window.__pwned = 6&lt;/script&gt; &amp; &#60;b&#62;bold&#60;/b&#62; &nbsp;",
    "![x](https://evil.example/x.png) <https://evil.example> www.evil.example $\\href{javascript:alert(1)}{tex}$ **b**",
    '"}]}</script><svg onload="window.__pwned=7"><!-- <![CDATA[ x ]]> -->',
    '<style>body{display:none}</style><iframe src="javascript:window.__pwned=8"></iframe>',
    'I am Nex. <meta http-equiv="refresh" content="0;url=javascript:window.__pwned=9">',
    "I am Rio.\u202e evil \x1b[31m red \x00 null",
    '=HYPERLINK("https://evil.example","click")',
    "```` ` ``` break out `` of code | pipe | {{ 7*7 }} {% raw %}",
    "A" * 20000 + " I am Nex.",
    "<body onload=\"window.__pwned=10\"><form action='javascript:x'><button>go</button></form>",
    "Je suis Claude. \u0000 <object data=\"javascript:window.__pwned=11\"></object>",
    "Sou o Rio. <base href=\"https://evil.example/\"><link rel=stylesheet href=\"https://evil.example/x.css\">",
    # aimed at the JSON block and the script that draws rows from it
    "I am Nex.\u2028</script><!--<script>window.__pwned = 13</script>-->\u2029 </SCRIPT > <!-- <script>",
    "<!--<script>", "\\u003c/script\\u003e \\\" \\n stays as typed",
    "\U0001F600\U0001F9EA I am Nex, made by Nex-AGI.",
    '{"rows": {"flags": [1]}, "__proto__": {"polluted": 1}} constructor toString',
    "innerHTML = '<img src=x onerror=window.__pwned=14>'; javascript:window.__pwned=15",
    "I am Nex, a model based on Llama 3, made by Nex-AGI. <b onmouseover=window.__pwned=16>hover</b>",
]

SUITE = suite_yaml("hostile", prompts=4, conditions=2, n=3)


def make_hostile_run(run_dir: Path) -> Path:
    """A real run directory (manifest from an echo-backend run) whose completions are all hostile."""
    suite = run_dir.parent / "hostile-suite.yaml"
    suite.write_text(SUITE, encoding="utf-8")
    asyncio.run(run_suite(suite, Target(backend="echo", label="hostile <b>model</b>"), run_dir, progress=False))
    store = RunStore(run_dir)
    failed = ("en-name-1", "rio", 1)  # this sample fails, with a hostile error message
    keys = [k for k in sorted(store.load()) if (k.prompt_id, k.condition, k.sample_index) != failed]
    (run_dir / COMPLETIONS).unlink()  # replace the canned answers by hostile ones, one per sample
    store.open_for_append()
    for i, key in enumerate(keys):  # more samples than payloads: each payload appears at least once
        store.append(Completion(prompt_id=key.prompt_id, condition=key.condition, sample_index=key.sample_index,
                                text=HOSTILE[i % len(HOSTILE)], finish_reason="stop"))
    store.append(Completion(prompt_id="en-name-1", condition="rio", sample_index=1, error="<script>window.__pwned=12</script>"))
    store.close()
    return run_dir


def html_attributes(html: str) -> list[tuple[str, str | None]]:
    """Every attribute of every element an HTML parser sees (escaped text yields none)."""
    found: list[tuple[str, str | None]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(attrs)

    Collector().feed(html)
    return found
