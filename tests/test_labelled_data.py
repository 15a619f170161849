"""The labelled data itself, not the classifier: schema, keys, ids, sizes, and a test split kept apart.

Conventions: docs/labelling.md. The frozen test split lives in tests/data/labelled/test/ and is
listed, with hashes, in tests/data/labelled/test/FROZEN.yaml.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from harness.classify.jsonl import read_records

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "labelled"
TEST_DIR = LABELLED / "test"
HOLDOUT_DIR = LABELLED / "holdout"
LEXICON = ROOT / "probes" / "lexicons" / "default.yaml"
EXTRA_KEYS = LABELLED / "extra_keys.yaml"

LANGUAGES = ("en", "zh", "ja", "ko", "ru", "es", "fr", "pt", "de", "vi")
ALLOWED_LANGUAGES = frozenset(LANGUAGES) | {"it"}
REQUIRED = ("id", "text", "identity", "creator", "language", "tags", "source")
FIELDS = frozenset(REQUIRED) | {"based_on"}
RESERVED = frozenset({"other", "none"})
LONG_CHARS = 300
NEAR_DUPLICATE = 0.9  # difflib ratio of normalised texts; one changed word in a sentence is above it
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Row:
    """One labelled record and where it came from (for error messages)."""

    path: Path
    line: int
    record: dict

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


@dataclass(frozen=True)
class Keys:
    """The keys a label may take."""

    identities: frozenset[str]
    creators: frozenset[str]


def read_rows(path: Path) -> list[Row]:
    """All records of one JSONL file; a bad line fails naming the file and line (the classifier's reader)."""
    with path.open("rb") as handle:
        return [Row(path, number, record) for number, record in read_records(handle, str(path))]


def labelled_files() -> list[Path]:
    """Every labelled file: the dev/train files, the held-back development answers and the test split."""
    return sorted(LABELLED.glob("*.jsonl")) + sorted(HOLDOUT_DIR.glob("*.jsonl")) + sorted(TEST_DIR.glob("*.jsonl"))


def load_keys() -> Keys:
    """Lexicon keys plus the extra keys that labelled data may use."""
    lexicon = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    extra = yaml.safe_load(EXTRA_KEYS.read_text(encoding="utf-8"))
    identities = set(lexicon["identities"]) | set(extra["identities"])
    creators = set(lexicon["creators"]) | set(extra["creators"])
    return Keys(frozenset(identities | RESERVED), frozenset(creators | RESERVED))


def schema_problems(row: Row, keys: Keys, needs_based_on: bool) -> list[str]:
    """What is wrong with one record, each message naming file, line and field."""
    rec, out = row.record, []
    out += [f"{row.where}: missing field {name!r}" for name in REQUIRED if name not in rec]
    out += [f"{row.where}: unknown field {name!r}" for name in sorted(set(rec) - FIELDS)]
    if needs_based_on and "based_on" not in rec:
        out.append(f"{row.where}: missing field 'based_on' (required in new files)")
    for name in ("id", "text", "source"):
        if name in rec and not (isinstance(rec[name], str) and rec[name].strip()):
            out.append(f"{row.where}: field {name!r} must be a non-empty string")
    allowed = {"identity": keys.identities, "creator": keys.creators, "based_on": keys.identities,
               "language": ALLOWED_LANGUAGES}
    for name, values in allowed.items():
        if name in rec and rec[name] not in values:
            out.append(f"{row.where}: field {name!r} has unknown value {rec[name]!r}")
    tags = rec.get("tags", [])
    if not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        out.append(f"{row.where}: field 'tags' must be a list of strings")
    return out


def normalise(text: str) -> str:
    """Lower case, punctuation and spacing folded, so trivial edits do not hide a copy."""
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def shingles(text: str, size: int = 8) -> set[str]:
    return {text[i : i + size] for i in range(max(1, len(text) - size + 1))}


def near_copies(texts: list[str], pool: list[str]) -> list[tuple[int, int, float]]:
    """(text index, pool index, similarity) for each text that is (nearly) a copy of a pool text.

    Shingle overlap (a set intersection, cheap) picks candidates; difflib then measures the actual
    edit similarity. Callers compare within one language, which keeps the pool small.
    """
    pool_norm = [normalise(t) for t in pool]
    pool_sh = [shingles(t) for t in pool_norm]
    found = []
    for i, text in enumerate(texts):
        norm = normalise(text)
        grams = shingles(norm)
        for j, other in enumerate(pool_sh):
            shared = len(grams & other)
            if shared < 0.3 * (len(grams) + len(other) - shared):
                continue
            matcher = difflib.SequenceMatcher(None, norm, pool_norm[j], autojunk=False)
            if matcher.quick_ratio() < NEAR_DUPLICATE:  # an upper bound of ratio(), and cheap
                continue
            ratio = matcher.ratio()
            if ratio >= NEAR_DUPLICATE:
                found.append((i, j, ratio))
    return found


@pytest.fixture(scope="module")
def rows() -> dict[Path, list[Row]]:
    return {path: read_rows(path) for path in labelled_files()}


@pytest.fixture(scope="module")
def split_rows(rows: dict[Path, list[Row]]) -> list[Row]:
    return [row for path, file_rows in rows.items() if path.parent == TEST_DIR for row in file_rows]


@pytest.fixture(scope="module")
def train_rows(rows: dict[Path, list[Row]]) -> list[Row]:
    return [row for path, file_rows in rows.items() if path.parent != TEST_DIR for row in file_rows]


def is_new_file(path: Path) -> bool:
    """Files written under the current conventions must state based_on explicitly."""
    return path.parent == TEST_DIR or path.name.startswith("dev_")


def test_every_record_follows_the_schema_and_uses_known_keys(rows: dict[Path, list[Row]]) -> None:
    keys = load_keys()
    problems = [p for path, file_rows in rows.items() for row in file_rows
                for p in schema_problems(row, keys, is_new_file(path))]
    assert not problems, "\n".join(problems[:40])


def test_extra_keys_are_well_formed_and_new() -> None:
    lexicon = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    extra = yaml.safe_load(EXTRA_KEYS.read_text(encoding="utf-8"))
    creators = set(lexicon["creators"]) | set(extra["creators"])
    for key, entry in extra["identities"].items():
        assert KEY.match(key) and key not in RESERVED, key
        assert entry["usual_creator"] in creators, f"{key}: unknown usual_creator"
    assert all(KEY.match(key) and key not in RESERVED for key in extra["creators"])
    assert set(extra["folded"].values()) <= set(lexicon["identities"]) | set(extra["identities"])


def test_ids_are_unique_across_all_files(rows: dict[Path, list[Row]]) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for file_rows in rows.values():
        for row in file_rows:
            rid = row.record.get("id")
            if rid in seen:
                clashes.append(f"{row.where}: id {rid!r} already used at {seen[rid]}")
            seen[rid] = row.where
    assert not clashes, "\n".join(clashes[:40])


def test_test_split_has_60_records_per_language_and_40_percent_long(split_rows: list[Row]) -> None:
    per_language = Counter(row.record["language"] for row in split_rows)
    short = {lang: per_language[lang] for lang in LANGUAGES if per_language[lang] < 60}
    assert not short, f"languages with fewer than 60 test records: {short}"
    long_share = sum(len(row.record["text"]) >= LONG_CHARS for row in split_rows) / len(split_rows)
    assert long_share >= 0.40, f"long answers are {long_share:.1%} of the test split"


def test_test_split_claims_and_non_claims_are_both_well_represented(split_rows: list[Row]) -> None:
    # A split of nearly all claims (or nearly none) would let a trivial classifier score well.
    for lang in LANGUAGES:
        labels = [row.record["identity"] for row in split_rows if row.record["language"] == lang]
        claims = sum(label != "none" for label in labels) / len(labels)
        assert 0.45 <= claims <= 0.75, f"{lang}: {claims:.0%} of test records are claims"
        assert len(set(labels) - RESERVED) >= 10, f"{lang}: too few distinct identities"


def test_test_records_say_they_are_test_records(split_rows: list[Row]) -> None:
    wrong = [row.where for row in split_rows
             if not str(row.record["id"]).startswith("test-") or row.record["source"] != "hand-test"]
    assert not wrong, f"test records without a test- id or source 'hand-test': {wrong[:20]}"


def test_whole_labelled_data_has_1500_rows_and_80_per_language(rows: dict[Path, list[Row]]) -> None:
    everything = [row for file_rows in rows.values() for row in file_rows]
    assert len(everything) >= 1500, f"only {len(everything)} labelled rows"
    per_language = Counter(row.record["language"] for row in everything)
    short = {lang: per_language[lang] for lang in LANGUAGES if per_language[lang] < 80}
    assert not short, f"languages with fewer than 80 labelled rows: {short}"


def test_no_test_text_appears_in_the_dev_or_train_files(split_rows: list[Row], train_rows: list[Row]) -> None:
    listed = []
    for lang in {row.record["language"] for row in split_rows}:
        mine = [r for r in split_rows if r.record["language"] == lang]
        pool = [r for r in train_rows if r.record["language"] == lang]
        copies = near_copies([r.record["text"] for r in mine], [r.record["text"] for r in pool])
        listed += [f"{mine[i].where} ~ {pool[j].where} ({ratio:.2f})" for i, j, ratio in copies]
    assert not listed, "test texts that (nearly) repeat a dev/train text:\n" + "\n".join(listed[:40])


def test_the_copy_check_catches_small_edits_but_not_a_shared_template() -> None:
    pool = ["I'm Qwen, a large language model created by Alibaba Cloud.", "Je ne suis pas Qwen."]
    texts = ["I am Qwen, a large language model created by Alibaba Cloud!",  # edited copy
             "Je ne suis pas Gemini.",  # same construction, different claim: not a copy
             "Ich bin ein Assistent ohne Namen."]
    assert [(i, j) for i, j, _ in near_copies(texts, pool)] == [(0, 0)]


def test_test_split_files_match_the_frozen_manifest() -> None:
    manifest = yaml.safe_load((TEST_DIR / "FROZEN.yaml").read_text(encoding="utf-8"))
    listed = {entry["file"]: entry for entry in manifest["files"]}
    present = {path.name for path in TEST_DIR.glob("*.jsonl")}
    assert present == set(listed), f"unlisted: {present - set(listed)}, missing: {set(listed) - present}"
    for name, entry in listed.items():
        data = (TEST_DIR / name).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        assert digest == entry["sha256"], f"{name} changed (sha256 {digest}); the test split is frozen"
        assert data.count(b"\n") == entry["records"], f"{name}: record count differs from FROZEN.yaml"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry["added"])), f"{name}: 'added' must be a date"


def test_a_bad_record_is_reported_with_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "I am Qwen", "identity": "qwenn", "creator": "alibaba", '
                   '"language": "en", "tags": [], "source": "hand", "colour": 1}\n', encoding="utf-8")
    row = read_rows(bad)[0]
    problems = schema_problems(Row(ROOT / "tests" / "bad.jsonl", row.line, row.record), load_keys(), True)
    assert "tests/bad.jsonl:1: field 'identity' has unknown value 'qwenn'" in problems
    assert "tests/bad.jsonl:1: unknown field 'colour'" in problems
    assert "tests/bad.jsonl:1: missing field 'based_on' (required in new files)" in problems
