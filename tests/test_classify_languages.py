"""Language data files: one YAML file per language, validated with clear file/line/field errors,
and a new language added by a file alone (no Python edit)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness.classify.langfiles import LANGUAGES_DIR, LANGUAGES_ENV, load_language_file, load_languages
from harness.yamlio import ConfigError

SUPPORTED = {"en", "zh", "ja", "ko", "ru", "es", "fr", "pt", "de", "vi", "it"}


def test_every_supported_language_has_its_own_file_with_claims_creators_and_bases() -> None:
    files = {f.code: f for f in load_languages()}
    assert SUPPORTED <= set(files)
    for code in SUPPORTED:
        assert files[code].claims, code
        assert files[code].creators, code
        assert files[code].based_on, code


def _shared_fragments() -> dict[str, str]:
    return load_languages()[0].fragments


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("code: nl\nname: Dutch\nclaims:\n- strength: name\n  anchors: [' ik heet ']\n  pre: '(ik'\n",
         ":6: claims[0].pre: Value error, not a valid regular expression"),
        ("code: nl\nname: Dutch\nclaims:\n- strength: maybe\n  anchors: [' ik ']\n",
         ":4: claims[0].strength: Input should be 'name', 'self' or 'alias'"),
        ("code: nl\nname: Dutch\nclaims:\n- strength: self\n  anchors: [' ik ']\n  shape: round\n",
         ":6: claims[0].shape: Value error, unknown shape 'round'"),
        ("code: nl\nname: Dutch\nclaims:\n- strength: self\n  anchors: [' ik ']\n  pre: 'ik {{nothing}}'\n",
         "claims[0].pre: Value error, unknown fragment {{nothing}}"),
        ("code: nl\nname: Dutch\ncreators:\n- anchors: [' door ']\n  pre: 'door\\s+'\n  colour: red\n",
         ":6: creators[0].colour: Extra inputs are not permitted"),
        ("code: nl\nname: Dutch\nmarkers:\n  whisper: [' psst ']\n", ":4: markers.whisper"),
        ("code: de\nname: Dutch\n", ":1: code: 'de' does not match the file name (expected 'nl')"),
        ("code: nl\nname: Dutch\nretractions:\n- '{{pause}}\\s*(nee'\n",
         ":4: retractions[0]: Value error, not a valid regular expression"),
        ("code: nl\nname: Dutch\nrelatives:\n- '\\s*,\\s*die\\b'\n- '(dat'\n",
         ":5: relatives[1]: Value error, not a valid regular expression"),
        # YAML reads a bare "no" as false: a word list refuses it, naming the line, not a silent miss
        ("code: nl\nname: Dutch\nnegations: [niet,\n  no]\n", ":4: negations[1]: Input should be a valid string"),
    ],
)
def test_a_bad_language_file_names_file_line_and_field(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "nl.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_language_file(path, _shared_fragments())
    assert str(path) in str(info.value) and expected in str(info.value), str(info.value)


def test_fragments_are_expanded_in_patterns() -> None:
    en = next(f for f in load_languages() if f.code == "en")
    assert all("{{" not in c.pre + c.gap + c.post for c in en.claims)


DUTCH = """\
code: nl
name: Dutch
claims:
- strength: name
  anchors: [' ik heet ', ' mijn naam is ']
  pre: '(?:ik\\s+heet|mijn\\s+naam\\s+is)\\s+'
- strength: self
  anchors: [' ik ben ']
  pre: 'ik\\s+ben\\s+{{art_called}}'
creators:
- anchors: [' ontwikkeld door ', ' gemaakt door ']
  pre: '(?:ontwikkeld|gemaakt)\\s+door\\s+'
based_on:
- anchors: [' gebaseerd op ']
  pre: 'gebaseerd\\s+op\\s+'
markers:
  hyp: [' als ik ', ' misschien ']
stop_names: [blij]
retractions: ['{{pause}}\\s*(?:nee\\b|grapje)']
negations: [niet]
hedges: [misschien]
relatives: ['\\s*,\\s*(?:die|dat)\\b']
example_labels: [voorbeeld]
"""


def test_a_new_language_is_a_data_file_and_needs_no_code(tmp_path: Path) -> None:
    # A copy of the shipped files plus nl.yaml, used by a fresh interpreter: nothing else changes.
    languages = tmp_path / "languages"
    shutil.copytree(LANGUAGES_DIR, languages)
    (languages / "nl.yaml").write_text(DUTCH, encoding="utf-8")
    code = (
        "import json\n"
        "from harness.classify import load_classifier\n"
        "clf = load_classifier()\n"
        "texts = ['Hallo! Ik heet Nex, ontwikkeld door Nex-AGI.', 'Ik ben Femke.', 'Ik ben blij.',\n"
        "         'Ik ben een assistent gebaseerd op Qwen.', 'Als ik Claude was...',\n"
        "         'Ik ben Claude... grapje!', 'Misschien, ik ben Claude.',\n"
        "         'Ik ben Nex, niet ChatGPT, ontwikkeld door OpenAI.',\n"
        "         'Ik ben Nex, niet ChatGPT, dat ontwikkeld door OpenAI is.', 'Voorbeeld: Ik ben Femke.']\n"
        "print(json.dumps([[v.identity, v.creator, v.based_on] for v in map(clf.classify, texts)]))\n"
    )
    env = {**os.environ, LANGUAGES_ENV: str(languages)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parent.parent, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        ["nex", "nex-agi", "none"], ["other", "none", "none"], ["none", "none", "none"],
        ["none", "none", "qwen"], ["none", "none", "none"], ["none", "none", "none"],
        # a hedge set off by a comma; a denied name is not the maker's subject ("niet ChatGPT,
        # ontwikkeld door OpenAI" is said of Nex) unless a relative pronoun makes it one
        ["none", "none", "none"], ["nex", "openai", "none"], ["nex", "none", "none"],
        ["none", "none", "none"],  # a labelled sample line ("Ik ben Femke." alone claims "other" above)
    ]


def test_language_files_ship_as_package_data() -> None:
    setup = (Path(__file__).resolve().parent.parent / "setup.py").read_text(encoding="utf-8")
    assert '"harness": ["**/*.yaml"' in setup  # harness/classify/languages/*.yaml goes into the wheel
    assert LANGUAGES_DIR.parent.name == "classify" and (LANGUAGES_DIR / "vi.yaml").is_file()


def test_a_duplicate_key_in_a_language_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nl.yaml"
    path.write_text("code: nl\nname: Dutch\nmarkers:\n  play: [' rollenspel']\n  play: [' spelen ']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"nl\.yaml:5: duplicate key 'play'"):
        load_language_file(path, _shared_fragments())
