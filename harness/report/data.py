"""The completions as compact data inside report.html, rendered on demand by ``reports/report.js``.

A 100,000-sample run would be 100,000 table rows if the page carried them as HTML: tens of
megabytes that a browser needs close to a minute to lay out. Instead the page embeds one JSON
document (``<script type="application/json" id="idprobe-data">``) and the script draws only the
page of rows in view. The document (format ``idprobe-samples/1``) is columnar:

``summary``   the numbers of report.json, unchanged
``keys``      every label (identity, creator, based-on key, ``(error)``) and ``display`` its name
``conditions``, ``prompts`` (``[id, language]`` pairs)  the tables the columns below point into
``texts``     each distinct answer (or error message) once, cleaned for display (same length)
``evidence``  per text, the spans that decided its claims: ``[start, end, role, ...]`` in UTF-16
              code units (JavaScript's string offsets), role 0 identity, 1 creator
``rows``      one array per column, one entry per sample: ``condition``, ``prompt``, ``index``,
              ``text``, ``identity``, ``creator`` (and ``based_on`` when recorded) as indices into
              the tables above, and ``flags`` (1 error, 2 cut at max_tokens, 4 label set by a person)
``reviewed``  for the rows a person relabelled: ``row``, the automatic ``identity`` and ``creator``
              and the person's ``reason``

Identical answers are common (and a sampled run repeats itself), so storing each text once keeps
the page small. Model text reaches the browser only inside JSON strings, with ``<``, ``>`` and
``&`` (and U+2028/U+2029) written as ``\\uXXXX`` escapes, so nothing in it can end the script
element or start markup; the script inserts it with ``textContent`` only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from harness.classify import NONE
from harness.results import RunData
from harness.safetext import clean_text

FORMAT = "idprobe-samples/1"
ERROR_KEY = "(error)"
FLAG_ERROR, FLAG_CUT, FLAG_REVIEWED = 1, 2, 4
ROLES = {"identity": 0, "creator": 1, "based_on": 2}
CHUNK = 5000  # texts per JSON chunk when streaming: bounded pieces, few writes
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def json_for_html(value: Any) -> str:
    """Compact JSON that is safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or
    markup can appear in it, and JSON.parse reads the escapes back as the original characters."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)
    return text.translate(_HTML_SAFE)


def utf16_offsets(text: str, spans: list[dict[str, Any]]) -> list[int]:
    """Evidence spans as flat ``[start, end, role, ...]`` in UTF-16 code units: Python counts code
    points, JavaScript counts UTF-16 units, and they differ after any character beyond U+FFFF."""
    flat: list[int] = []
    astral = bool(_ASTRAL.search(text))
    for span in sorted(spans, key=lambda s: s["start"]):
        start, end = span["start"], min(span["end"], len(text))
        if astral:
            start = start + len(_ASTRAL.findall(text, 0, start))
            end = end + len(_ASTRAL.findall(text, 0, end))
        flat += [start, end, ROLES.get(span.get("role", "identity"), 0)]
    return flat


def _distinct_texts(samples: pd.DataFrame) -> tuple[np.ndarray, list[str], list[list[int]]]:
    """Per row an index into the distinct texts (answers, or error messages for failed samples);
    the cleaned texts; and each text's evidence."""
    raw = np.where(samples["ok"].to_numpy(), samples["text"].to_numpy(dtype=object),
                   samples["error"].to_numpy(dtype=object))
    ids: dict[Any, int] = {}
    codes = np.empty(len(samples), dtype=np.int64)
    texts: list[str] = []
    evidence: list[list[int]] = []
    for row, (value, ok, spans) in enumerate(zip(raw, samples["ok"], samples["evidence"])):
        key = (value if isinstance(value, str) else "", bool(ok))
        found = ids.get(key)
        if found is None:
            found = ids[key] = len(texts)
            texts.append(clean_text(key[0]))
            evidence.append(utf16_offsets(texts[-1], spans) if ok else [])
        codes[row] = found
    return codes, texts, evidence


def _codes(values: pd.Series, keys: dict[str, int]) -> np.ndarray:
    return values.map(lambda v: keys[v]).to_numpy(dtype=np.int64)


def sample_table(run: RunData, summary: dict[str, Any], reviewed: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The columnar document described in the module docstring (``summary`` excluded)."""
    samples = run.samples
    ok = samples["ok"].to_numpy()
    label_values = {c: samples[c].where(ok, ERROR_KEY).fillna(NONE)  # a missing claim is no claim
                    for c in ("identity", "creator", "based_on") if c in samples.columns}
    if "based_on" in label_values and set(label_values["based_on"].unique()) <= {NONE, ERROR_KEY}:
        del label_values["based_on"]  # recorded, but no answer says it is based on anything: no column
    labels = {ERROR_KEY} | {v for values in label_values.values() for v in values.unique()}
    if reviewed:
        labels |= {r[c] for r in reviewed for c in ("identity", "creator")}
    keys = sorted(labels)
    key_index = {k: i for i, k in enumerate(keys)}
    conditions = [c.id for c in run.suite.conditions]
    conditions += sorted(set(samples["condition"]) - set(conditions))
    prompts = sorted(set(samples["prompt_id"]))
    languages = samples.drop_duplicates("prompt_id").set_index("prompt_id")["language"]
    text_codes, texts, evidence = _distinct_texts(samples)
    finish = samples["finish_reason"].to_numpy(dtype=object)
    flags = np.where(ok, 0, FLAG_ERROR) | np.where(finish == "length", FLAG_CUT, 0)
    rows: dict[str, np.ndarray] = {
        "condition": _codes(samples["condition"], {c: i for i, c in enumerate(conditions)}),
        "prompt": _codes(samples["prompt_id"], {p: i for i, p in enumerate(prompts)}),
        "index": samples["sample_index"].to_numpy(dtype=np.int64), "text": text_codes,
    }
    for column, values in label_values.items():
        rows[column] = _codes(values, key_index)
    # Columns of the reviewed rows: row numbers and key codes are ints, the reasons text.
    review: dict[str, list[int | str]] = {"row": [], "identity": [], "creator": [], "reason": []}
    for change in reviewed or []:
        flags[change["row"]] |= FLAG_REVIEWED
        review["row"].append(int(change["row"]))
        review["identity"].append(key_index[change["identity"]])
        review["creator"].append(key_index[change["creator"]])
        review["reason"].append(clean_text(change["reason"]))
    rows["flags"] = flags.astype(np.int64)
    display = {k: summary["display"].get(k, k) for k in keys}
    return {"keys": keys, "display": display, "conditions": conditions,
            "prompts": [[p, str(languages.get(p, "?"))] for p in prompts],
            "texts": texts, "evidence": evidence, "rows": rows, "reviewed": review}


def _int_list(values: np.ndarray) -> Iterator[str]:
    yield "["
    for start in range(0, len(values), CHUNK * 4):
        yield ("," if start else "") + ",".join(map(str, values[start:start + CHUNK * 4].tolist()))
    yield "]"


def _json_list(values: list[Any]) -> Iterator[str]:
    yield "["
    for start in range(0, len(values), CHUNK):
        yield ("," if start else "") + json_for_html(values[start:start + CHUNK])[1:-1]
    yield "]"


def data_chunks(summary: dict[str, Any], table: dict[str, Any]) -> Iterator[Markup]:
    """The document as HTML-safe pieces, in order, for a streamed page (see :func:`json_for_html`)."""
    small = {k: table[k] for k in ("keys", "display", "conditions", "prompts", "reviewed")}
    yield Markup('{"format":' + json_for_html(FORMAT) + ',"summary":' + json_for_html(summary))
    for key, value in sorted(small.items()):
        yield Markup(f',"{key}":' + json_for_html(value))
    for key in ("texts", "evidence"):
        yield Markup(f',"{key}":')
        yield from map(Markup, _json_list(table[key]))
    yield Markup(',"rows":{')
    for i, (column, values) in enumerate(sorted(table["rows"].items())):
        yield Markup(("," if i else "") + f'"{column}":')
        yield from map(Markup, _int_list(values))
    yield Markup("}}")
