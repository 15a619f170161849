"""The labelled development files as a regression gate, one row per file: each file keeps its size
and share of long answers, and the classifier keeps reading it at or above the floors set just below
what the rules reached on it. In sample (rules were written against these files), so these are not
accuracy figures: those come from the frozen test split (bench/measure_classifier.py)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from harness.classify import Classifier
from tests.classify_cases import score_file

LABELLED = Path(__file__).parent / "data" / "labelled"


class Gate(NamedTuple):
    """One file's floors; 0 means no floor for that figure, ``languages`` "" means not checked."""

    file: str
    size: int
    long_share: float
    identity: float
    creator: float
    precision: float
    recall: float
    languages: str = ""
    """Space-separated: the file's records are in exactly these languages."""


# file, records, long share, identity accuracy, creator accuracy, claim precision, claim recall[, languages]
GATES = [
    # dev3, written after rules-3
    Gate("dev3_en.jsonl", 100, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_zh.jsonl", 100, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_es.jsonl", 70, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_fr.jsonl", 70, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_pt.jsonl", 70, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_ru.jsonl", 110, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_de.jsonl", 110, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_vi.jsonl", 110, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_ko.jsonl", 150, 0.40, 0.97, 0, 0.97, 0.95),
    Gate("dev3_ja.jsonl", 150, 0.40, 0.97, 0, 0.97, 0.95),
    # dev4 and the real answers
    Gate("dev4_ja.jsonl", 100, 0.40, 0.94, 0, 0.98, 0.91, "ja"),
    Gate("dev4_ko.jsonl", 100, 0.40, 0.91, 0, 0.95, 0.88, "ko"),
    Gate("real_multi_ja_ko.jsonl", 210, 0, 0.95, 0, 0.93, 0.88, "ja ko"),
    Gate("dev4_vi.jsonl", 120, 0.40, 0.97, 0.92, 0.97, 0.96),
    Gate("dev4_fr.jsonl", 60, 0.40, 0.97, 0.92, 0.97, 0.96),
    Gate("real_multi_other.jsonl", 0, 0, 0.97, 0.92, 0.97, 0.96),
    # dev5
    Gate("dev5_ja.jsonl", 175, 0.40, 0.98, 0, 0.99, 0.97, "ja"),
    Gate("dev5_ko.jsonl", 175, 0.40, 0.99, 0, 0.99, 0.98, "ko"),
    # dev6
    Gate("dev6_ru.jsonl", 55, 0.40, 0.98, 0.98, 0.97, 0.97),
    Gate("dev6_fr.jsonl", 55, 0.40, 0.98, 0.98, 0.97, 0.97),
    Gate("dev6_en.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.95),
    Gate("dev6_es.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.95),
    Gate("dev6_pt.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.95),
    Gate("dev6_de.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.95),
    Gate("dev6_zh.jsonl", 0, 0, 0.98, 0.96, 0.98, 0.97),
    Gate("dev6_vi.jsonl", 0, 0, 0.98, 0.96, 0.98, 0.97),
    Gate("dev6_ja.jsonl", 0, 0, 0.98, 0.95, 0.99, 0.97, "ja"),
    Gate("dev6_ko.jsonl", 80, 0, 0.93, 0, 0.99, 0.90, "ko"),
    # dev7, round 3
    Gate("dev7_ja.jsonl", 0, 0, 0.99, 0.97, 0.99, 0.99, "ja"),
    Gate("dev7_ko.jsonl", 100, 0, 0.99, 0, 0.98, 0.98, "ko"),
    Gate("dev7_zh.jsonl", 0, 0, 0.97, 0.98, 0.96, 0.96),
    Gate("dev7_vi.jsonl", 0, 0, 0.97, 0.97, 0.98, 0.96),
    Gate("dev7_ru.jsonl", 0, 0, 0.98, 0.98, 0.98, 0.98),
    Gate("dev7_fr.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.97),
    Gate("dev7_es.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.97),
    Gate("dev7_pt.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.97),
    Gate("dev7_de.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.97),
    Gate("dev7_en.jsonl", 0, 0, 0.97, 0.97, 0.97, 0.97),
    # dev8, rules-8 (a third of each batch was held back from the rules writer and is not here)
    Gate("dev8_ko_a.jsonl", 107, 0.40, 0.98, 0.98, 0.98, 0.98, "ko"),
    Gate("dev8_ko_b.jsonl", 107, 0.40, 0.98, 0.98, 0.98, 0.98, "ko"),
    Gate("dev8_ja.jsonl", 79, 0.40, 0.97, 0.97, 0.97, 0.97, "ja"),
    # dev9, rules-9 (Korean; a third of each batch held back)
    Gate("dev9_ko_c.jsonl", 86, 0.40, 0.98, 0.98, 0.98, 0.98, "ko"),
    Gate("dev9_ko_d.jsonl", 87, 0.40, 0.98, 0.98, 0.98, 0.98, "ko"),
    # the thirds of dev8 and dev9 held back until rules-10, whose writer then read them (in sample since)
    Gate("dev8_jah.jsonl", 40, 0.40, 0.97, 0.85, 0.97, 0.97, "ja"),
    Gate("dev8_ko_ah.jsonl", 52, 0.40, 0.98, 0.96, 0.98, 0.98, "ko"),
    Gate("dev8_ko_bh.jsonl", 53, 0.40, 0.96, 0.96, 0.94, 0.98, "ko"),
    Gate("dev9_ko_ch.jsonl", 43, 0.35, 0.98, 0.93, 0.98, 0.98, "ko"),
    Gate("dev9_ko_dh.jsonl", 43, 0.40, 0.91, 0.91, 0.91, 0.91, "ko"),
    # dev10, rules-10 (Korean in three styles; a third of each batch held back in holdout/)
    Gate("dev10_ko_e.jsonl", 74, 0.45, 0.98, 0.97, 0.98, 0.98, "ko"),
    Gate("dev10_ko_f.jsonl", 74, 0.45, 0.97, 0.98, 0.98, 0.96, "ko"),
    Gate("dev10_ko_g.jsonl", 74, 0.45, 0.97, 0.94, 0.98, 0.96, "ko"),
    # the thirds of dev10 held back until rules-11, whose writers then read them (in sample since)
    Gate("dev10_ko_eh.jsonl", 36, 0.55, 0.99, 0.99, 0.99, 0.99, "ko"),
    Gate("dev10_ko_fh.jsonl", 36, 0.35, 0.97, 0.94, 0.99, 0.94, "ko"),
    Gate("dev10_ko_gh.jsonl", 36, 0.45, 0.97, 0.83, 0.95, 0.99, "ko"),
    # dev11, rules-11 (Korean in three more styles); its held-back third was given to the round's third pass
    Gate("dev11_ko_h.jsonl", 74, 0.45, 0.95, 0.95, 0.95, 0.95, "ko"),
    Gate("dev11_ko_i.jsonl", 74, 0.45, 0.97, 0.98, 0.99, 0.95, "ko"),
    Gate("dev11_ko_j.jsonl", 74, 0.45, 0.98, 0.98, 0.97, 0.99, "ko"),
    Gate("dev11_ko_hh.jsonl", 36, 0.55, 0.99, 0.99, 0.99, 0.99, "ko"),
    Gate("dev11_ko_ih.jsonl", 36, 0.35, 0.99, 0.99, 0.99, 0.99, "ko"),
    Gate("dev11_ko_jh.jsonl", 36, 0.55, 0.99, 0.99, 0.99, 0.99, "ko"),
    # dev13, rules-12 (all ten languages, one brief; 70 per language written against, in sample)
    Gate("dev13_de.jsonl", 70, 0.55, 0.99, 0.97, 0.99, 0.99, "de"),
    Gate("dev13_en.jsonl", 70, 0.40, 0.99, 0.99, 0.99, 0.99, "en"),
    Gate("dev13_es.jsonl", 70, 0.55, 0.96, 0.97, 0.99, 0.94, "es"),
    Gate("dev13_fr.jsonl", 70, 0.40, 0.99, 0.99, 0.99, 0.99, "fr"),
    Gate("dev13_ja.jsonl", 70, 0.50, 0.99, 0.99, 0.99, 0.99, "ja"),
    Gate("dev13_ko.jsonl", 70, 0.50, 0.99, 0.99, 0.99, 0.99, "ko"),
    Gate("dev13_pt.jsonl", 70, 0.50, 0.97, 0.97, 0.96, 0.99, "pt"),
    Gate("dev13_ru.jsonl", 70, 0.50, 0.99, 0.97, 0.99, 0.99, "ru"),
    Gate("dev13_vi.jsonl", 70, 0.55, 0.99, 0.90, 0.99, 0.99, "vi"),
    Gate("dev13_zh.jsonl", 70, 0.50, 0.99, 0.94, 0.99, 0.99, "zh"),
    # dev13's held-back 30 per language, measured out of sample for rules-12 (docs/classifier.md), dev data since
    Gate("dev13_deh.jsonl", 30, 0.40, 0.85, 0.85, 0.92, 0.82, "de"),
    Gate("dev13_enh.jsonl", 30, 0.55, 0.89, 0.92, 0.99, 0.82, "en"),
    Gate("dev13_esh.jsonl", 30, 0.70, 0.89, 0.75, 0.99, 0.81, "es"),
    Gate("dev13_frh.jsonl", 30, 0.65, 0.89, 0.85, 0.99, 0.83, "fr"),
    Gate("dev13_jah.jsonl", 30, 0.50, 0.89, 0.85, 0.94, 0.89, "ja"),
    Gate("dev13_koh.jsonl", 30, 0.40, 0.85, 0.89, 0.99, 0.79, "ko"),
    Gate("dev13_pth.jsonl", 30, 0.50, 0.99, 0.95, 0.99, 0.99, "pt"),
    Gate("dev13_ruh.jsonl", 30, 0.40, 0.75, 0.85, 0.80, 0.80, "ru"),
    Gate("dev13_vih.jsonl", 30, 0.55, 0.79, 0.85, 0.75, 0.71, "vi"),
    Gate("dev13_zhh.jsonl", 30, 0.45, 0.89, 0.79, 0.99, 0.84, "zh"),
    # dev14, rules-13 (ko ru fr zh pt vi es; 110 per language written against, in sample)
    Gate("dev14_es.jsonl", 110, 0.45, 0.99, 0.95, 0.99, 0.99, "es"),
    Gate("dev14_fr.jsonl", 110, 0.50, 0.99, 0.99, 0.99, 0.99, "fr"),
    Gate("dev14_ko.jsonl", 110, 0.50, 0.99, 0.99, 0.99, 0.99, "ko"),
    Gate("dev14_pt.jsonl", 110, 0.45, 0.97, 0.92, 0.99, 0.96, "pt"),
    Gate("dev14_ru.jsonl", 110, 0.40, 0.98, 0.96, 0.99, 0.98, "ru"),
    Gate("dev14_vi.jsonl", 110, 0.45, 0.96, 0.91, 0.99, 0.95, "vi"),
    Gate("dev14_zh.jsonl", 110, 0.45, 0.98, 0.85, 0.99, 0.98, "zh"),
    # dev14's held-back 40 per language, measured out of sample for rules-13 (docs/classifier.md), dev data since
    Gate("dev14_esh.jsonl", 40, 0.50, 0.94, 0.84, 0.99, 0.91, "es"),
    Gate("dev14_frh.jsonl", 40, 0.40, 0.97, 0.99, 0.99, 0.95, "fr"),
    Gate("dev14_koh.jsonl", 40, 0.35, 0.84, 0.89, 0.90, 0.83, "ko"),
    Gate("dev14_pth.jsonl", 40, 0.40, 0.97, 0.89, 0.99, 0.95, "pt"),
    Gate("dev14_ruh.jsonl", 40, 0.55, 0.89, 0.84, 0.95, 0.88, "ru"),
    Gate("dev14_vih.jsonl", 40, 0.50, 0.92, 0.87, 0.91, 0.91, "vi"),
    Gate("dev14_zhh.jsonl", 40, 0.40, 0.89, 0.87, 0.89, 0.89, "zh"),
    # dev15, rules-14 (ko fr ru pt zh; 80 per language written against, in sample; rules-14 also read dev14_*h)
    Gate("dev15_fr.jsonl", 80, 0.50, 0.99, 0.99, 0.99, 0.99, "fr"),
    Gate("dev15_ko.jsonl", 80, 0.38, 0.99, 0.99, 0.99, 0.99, "ko"),
    Gate("dev15_pt.jsonl", 80, 0.50, 0.99, 0.99, 0.99, 0.99, "pt"),
    Gate("dev15_ru.jsonl", 80, 0.50, 0.98, 0.98, 0.98, 0.99, "ru"),
    Gate("dev15_zh.jsonl", 80, 0.45, 0.99, 0.97, 0.99, 0.99, "zh"),
    # dev15's held-back 40 per language, measured out of sample for rules-14 (docs/classifier.md), dev data since
    Gate("dev15_frh.jsonl", 40, 0.45, 0.94, 0.92, 0.99, 0.92, "fr"),
    Gate("dev15_koh.jsonl", 40, 0.65, 0.94, 0.87, 0.99, 0.93, "ko"),
    Gate("dev15_pth.jsonl", 40, 0.45, 0.97, 0.92, 0.99, 0.96, "pt"),
    Gate("dev15_ruh.jsonl", 40, 0.40, 0.89, 0.84, 0.96, 0.89, "ru"),
    Gate("dev15_zhh.jsonl", 40, 0.45, 0.92, 0.92, 0.93, 0.96, "zh"),
    # dev16, rules-15 (ko fr ru pt zh; 80 per language written against, in sample; rules-15 also read dev15_*h)
    Gate("dev16_fr.jsonl", 80, 0.45, 0.97, 0.98, 0.99, 0.96, "fr"),
    Gate("dev16_ko.jsonl", 80, 0.45, 0.99, 0.98, 0.99, 0.99, "ko"),
    Gate("dev16_pt.jsonl", 80, 0.45, 0.99, 0.99, 0.99, 0.99, "pt"),
    Gate("dev16_ru.jsonl", 80, 0.45, 0.99, 0.98, 0.99, 0.99, "ru"),
    Gate("dev16_zh.jsonl", 80, 0.45, 0.98, 0.99, 0.99, 0.98, "zh"),
    # dev16's held-back 40 per language, measured out of sample for rules-15 (docs/classifier.md), dev data since
    Gate("dev16_frh.jsonl", 40, 0.38, 0.92, 0.92, 0.99, 0.87, "fr"),
    Gate("dev16_koh.jsonl", 40, 0.38, 0.94, 0.89, 0.99, 0.93, "ko"),
    Gate("dev16_pth.jsonl", 40, 0.60, 0.94, 0.92, 0.99, 0.93, "pt"),
    Gate("dev16_ruh.jsonl", 40, 0.38, 0.92, 0.92, 0.99, 0.87, "ru"),
    Gate("dev16_zhh.jsonl", 40, 0.38, 0.99, 0.94, 0.99, 0.99, "zh"),
]



def test_each_gated_file_exists_and_has_exactly_one_row() -> None:
    assert len({gate.file for gate in GATES}) == len(GATES)
    assert all((LABELLED / gate.file).is_file() for gate in GATES)


@pytest.mark.parametrize("gate", GATES, ids=[gate.file for gate in GATES])
def test_dev_file_keeps_its_size_and_the_classifier_reads_it_above_its_floors(
    clf: Classifier, gate: Gate, tmp_path: Path
) -> None:
    score = score_file(clf, LABELLED / gate.file, tmp_path)
    assert len(score.records) >= gate.size and score.long_share >= gate.long_share
    if gate.languages:
        assert {r["language"] for r in score.records} == set(gate.languages.split())
    assert score.identity >= gate.identity and score.creator >= gate.creator, score.wrong
    assert score.precision >= gate.precision and score.recall >= gate.recall, score.wrong
