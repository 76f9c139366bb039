"""Evaluation gate: extraction must not fall below the F1 it has reached (raise floors, never lower them)."""

import json
import subprocess
import sys

import pytest

from extractors.article import extract_paths
from extractors.evaluation import FIELDS, score_predictions
from extractors.models import Reject
from extractors.reading import list_inputs
from tests.conftest import GOLDEN_GOLD, RAW_ARTICLES, SHARED, needs_shared

# Floors pinned at what was measured when they were set.
SAMPLE_FLOORS = {"dates": 0.95, "facility_counts": 0.95, "people": 0.9, "locations": 0.95, "events": 0.9}
HELDOUT = GOLDEN_GOLD.parent / "heldout"
SEED_FLOORS = {"dates": 0.95, "facility_counts": 0.95, "people": 0.95, "locations": 0.95, "events": 0.9}


def predictions(folder):
    return {
        f.article.source: f.to_contract() for f in extract_paths(list_inputs([folder])) if not isinstance(f, Reject)
    }


@pytest.mark.parametrize(
    ("gold", "articles"),
    [
        pytest.param(GOLDEN_GOLD, RAW_ARTICLES, id="sample-corpus"),
        pytest.param(HELDOUT / "gold", HELDOUT / "articles", id="second-sample-set"),
        pytest.param(
            HELDOUT.parent / "heldout2" / "gold", HELDOUT.parent / "heldout2" / "articles", id="third-sample-set"
        ),
    ],
)
def test_own_articles_gate(gold, articles):
    scores = score_predictions(gold, predictions(articles))
    for field in FIELDS:
        assert scores[field].f1 >= SAMPLE_FLOORS[field], (field, scores[field].misses)
    assert scores["is_ilp"].secondary == 1.0


@needs_shared
def test_development_set_gate():
    scores = score_predictions(SHARED / "gold", predictions(SHARED / "seeds"))
    for field in FIELDS:
        assert scores[field].f1 >= SEED_FLOORS[field], (field, scores[field].misses)


@needs_shared
def test_own_scorer_agrees_with_the_reference(tmp_path):
    """Degrade the predictions so every field has misses and extras; both scorers must agree."""
    preds = predictions(SHARED / "seeds")
    for i, obj in enumerate(preds.values()):
        for field in FIELDS:
            items = obj[field]
            if items and i % 2 == 0:
                items.pop()
            if items and i % 3 == 0:
                items.append(dict(items[0], start="1999", end="1999", count=999, name=f"X{i}"))
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps(p) for p in preds.values()), encoding="utf-8")
    ref = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "--gold",
            str(SHARED / "gold"),
            "--pred",
            str(pred_file),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads(ref.stdout)["fields"]
    ours = score_predictions(SHARED / "gold", preds)
    for field in FIELDS:
        assert ours[field].f1 == pytest.approx(reference[field]["f1"], abs=1e-4), field
        if reference[field]["secondary"] is not None:
            assert ours[field].secondary == pytest.approx(reference[field]["secondary"], abs=1e-4), field


@needs_shared
def test_person_recogniser_gate_on_idner_dev():
    """Person names on general news, each sentence its own article (the public benchmark's protocol)."""
    from training.evaluate_people import evaluate

    result = evaluate(SHARED / "datasets" / "idner-news-2k" / "dev.txt")
    assert result["f1"] >= 0.82, result


# The evaluation corpus (tests/evaluation): 252 articles modelled on real regional news (dev 182, frozen test 70),
# gold written by writers who never saw the extractor. Dev split floors, pinned a little under what was measured
# when they were set (the sixth batch, added at the end of session 9 with its count statuses unfitted, took the
# dev status to .899 and people to .970).
CORPUS = GOLDEN_GOLD.parent.parent / "evaluation"
CORPUS_DEV_FLOORS = {"dates": 0.98, "facility_counts": 0.98, "people": 0.96, "locations": 0.95, "events": 0.91}
CORPUS_DEV_SECONDARY_FLOORS = {"facility_counts": 0.89, "people": 0.93}


def test_evaluation_corpus_dev_gate():
    scores = score_predictions(CORPUS / "dev" / "gold", predictions(CORPUS / "dev" / "articles"))
    for field, floor in CORPUS_DEV_FLOORS.items():
        assert scores[field].f1 >= floor, (field, scores[field].f1, scores[field].misses)
    for field, floor in CORPUS_DEV_SECONDARY_FLOORS.items():
        assert scores[field].secondary >= floor, (field, scores[field].secondary)
    assert scores["is_ilp"].secondary == 1.0
