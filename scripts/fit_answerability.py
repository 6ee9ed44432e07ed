"""Fit the answerability model on the labelled eval sets, cross-validated across corpora.

Usage: .venv/bin/python scripts/fit_answerability.py [--check]

For every (dataset, corpus) pair below, the corpus is ingested into a temporary data dir and each
question goes through the real pipeline up to the answer/refuse decision (``Assistant.prepare``);
the decision's features and the item's ``answerable`` label make one training row. Items that the
safety screen handles, and items with nothing retrieved, never reach the decision and are left out.

A scikit-learn Pipeline (StandardScaler + LogisticRegression, class-balanced, fixed seed) is fitted
on the rows of every corpus pooled (weighting each corpus the same was tried: it did worse on the
corpus left out, see evals/HISTORY.md):
- leave one corpus out: fit on the other corpora, test on the one left out; the decision threshold
  of each fold is chosen on its training side only (best balanced accuracy, averaged over corpora
  so that each counts once: the product must work on the next corpus, not on the biggest one);
- finally on everything, with the threshold chosen on the leave-one-corpus-out predictions.
The weights, threshold, data hash and the per-corpus held-out figures go to
``ics_assistant/answering/answerability_model.json``. ``--check`` only verifies that the file's
data hash matches the datasets (what the test does).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from ics_assistant.answering.answerability import FEATURES  # noqa: E402
from ics_assistant.answering.answerability_model import MODEL_PATH, fitted_from, save_model  # noqa: E402

# (dataset, its corpus, group used for cross-corpus validation)
TRAINING_SETS: tuple[tuple[str, str, str], ...] = (
    ("evals/datasets/golden.jsonl", "corpus", "seeds"),
    ("evals/datasets/holdout.jsonl", "corpus", "seeds"),
    ("evals/datasets/holdout2.jsonl", "corpus", "seeds"),
    ("evals/datasets/holdout3.jsonl", "corpus", "seeds"),
    ("evals/datasets/seed-blind.jsonl", "corpus", "seeds"),
    ("evals/corpora/northshire/questions.jsonl", "evals/corpora/northshire/corpus", "northshire"),
    ("evals/corpora/wealdmoor/questions.jsonl", "evals/corpora/wealdmoor/corpus", "wealdmoor"),
    ("evals/corpora/fenmarsh/questions.jsonl", "evals/corpora/fenmarsh/corpus", "fenmarsh"),
    ("evals/corpora/brackwater/questions.jsonl", "evals/corpora/brackwater/corpus", "brackwater"),
)
SEED = 7


def data_hash(root: Path = ROOT) -> str:
    """sha256 over the training datasets and their corpora's files (names and bytes)."""
    h = hashlib.sha256()
    paths: set[Path] = set()
    for dataset, corpus, _ in TRAINING_SETS:
        paths.add(root / dataset)
        paths.update(p for p in (root / corpus).rglob("*") if p.is_file())
    for p in sorted(paths):
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def collect() -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    from ics_assistant.answering.safety import screen_message
    from ics_assistant.assistant import build_assistant, clean_question
    from ics_assistant.backends.embedders import get_embedder
    from ics_assistant.config import Settings
    from ics_assistant.evaluation.dataset import load_dataset
    from ics_assistant.index import Index
    from ics_assistant.ingest.pipeline import run_ingest

    base = Settings()
    embedder = get_embedder(base)
    rows: list[list[float]] = []
    labels: list[int] = []
    groups: list[str] = []
    ids: list[str] = []
    by_corpus: dict[str, list[tuple[str, str]]] = {}
    for dataset, corpus, group in TRAINING_SETS:
        by_corpus.setdefault(corpus, []).append((dataset, group))
    for corpus, sets in by_corpus.items():
        with tempfile.TemporaryDirectory(prefix="ics-fit-") as tmp:
            settings = base.model_copy(update={"corpus_dir": ROOT / corpus, "data_dir": Path(tmp) / "data"})
            run_ingest(settings, embedder, progress=False)
            index = Index.open(settings)
            try:
                assistant = build_assistant(settings, embedder=embedder, index=index)
                for dataset, group in sets:
                    for item in load_dataset(ROOT / dataset):
                        text, problem, _ = clean_question(item.question, settings.max_message_chars)
                        if problem is not None or screen_message(text) is not None:
                            continue
                        prep = assistant.prepare(text, list(item.history), item.audience)
                        if not prep.decision.features:
                            continue  # nothing retrieved, or refused by definition
                        rows.append([float(prep.decision.features[f]) for f in FEATURES])
                        labels.append(int(item.answerable))
                        groups.append(group)
                        ids.append(f"{Path(dataset).stem}:{item.id}")
            finally:
                index.close()
    return np.array(rows), np.array(labels), groups, ids


def _pipeline() -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(
        StandardScaler(), LogisticRegression(class_weight="balanced", C=1.0, random_state=SEED, max_iter=1000)
    )


def best_threshold(p: np.ndarray, y: np.ndarray, groups: Sequence[str] | None = None) -> float:
    """The threshold with the best balanced accuracy, averaged over the corpora in ``groups`` so that
    each corpus counts once (ties: the lower, favouring answers)."""
    g = np.array(groups if groups is not None else ["all"] * len(y))
    best, best_t = -1.0, 0.5
    for t in np.unique(np.round(p, 4)):
        pred = p >= t
        scores = []
        for name in np.unique(g):
            m, yy = pred[g == name], y[g == name]
            tpr = float(np.mean(m[yy == 1])) if np.any(yy == 1) else 1.0
            tnr = float(np.mean(~m[yy == 0])) if np.any(yy == 0) else 1.0
            scores.append((tpr + tnr) / 2)
        if float(np.mean(scores)) > best + 1e-9:
            best, best_t = float(np.mean(scores)), float(t)
    return best_t


def rates(p: np.ndarray, y: np.ndarray, t: float) -> dict[str, float]:
    pred = p >= t
    return {
        "false_refusal_rate": round(float(np.mean(~pred[y == 1])), 4),
        "refusal_recall": round(float(np.mean(~pred[y == 0])), 4),
        "n_answerable": int(np.sum(y == 1)),
        "n_unanswerable": int(np.sum(y == 0)),
    }


def _fitted(x: np.ndarray, y: np.ndarray) -> Any:
    return _pipeline().fit(x, y)


def leave_one_corpus_out(
    x: np.ndarray, y: np.ndarray, groups: Sequence[str]
) -> tuple[np.ndarray, dict[str, Any]]:
    """Out-of-corpus probabilities for every row, and each held-out corpus's figures at its fold's
    own threshold (chosen on the training corpora)."""
    g = np.array(groups)
    oof = np.zeros(len(y))
    out: dict[str, Any] = {}
    for test in sorted(set(groups)):
        train = g != test
        model = _fitted(x[train], y[train])
        t = best_threshold(model.predict_proba(x[train])[:, 1], y[train], list(g[train]))
        oof[~train] = model.predict_proba(x[~train])[:, 1]
        out[f"held_out_{test}"] = {"threshold": round(t, 4), **rates(oof[~train], y[~train], t)}
    folds = list(out.values())
    out["mean"] = {
        "false_refusal_rate": round(float(np.mean([f["false_refusal_rate"] for f in folds])), 4),
        "refusal_recall": round(float(np.mean([f["refusal_recall"] for f in folds])), 4),
    }
    return oof, out


def fit(x: np.ndarray, y: np.ndarray, groups: Sequence[str]) -> dict[str, Any]:
    oof, loco = leave_one_corpus_out(x, y, groups)
    threshold = best_threshold(oof, y, groups)
    model = _fitted(x, y)
    scaler, lr = model[0], model[-1]
    meta = {
        "data_sha256": data_hash(),
        "n_rows": len(y),
        "datasets": [d for d, _, _ in TRAINING_SETS],
        "out_of_corpus": rates(oof, y, threshold),
        "leave_one_corpus_out": loco,
        "fitted_by": "scripts/fit_answerability.py",
    }
    saved = fitted_from(
        FEATURES,
        [float(v) for v in scaler.mean_],
        [float(v) for v in scaler.scale_],
        [float(v) for v in lr.coef_[0]],
        float(lr.intercept_[0]),
        threshold,
        meta,
    )
    save_model(saved, MODEL_PATH)
    return meta


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only check the model's data hash")
    args = parser.parse_args()
    if args.check:
        stored = json.loads(MODEL_PATH.read_text())["meta"]["data_sha256"]
        ok = stored == data_hash()
        print(
            "answerability model matches its data" if ok else "DATA CHANGED: run scripts/fit_answerability.py"
        )
        return 0 if ok else 1
    x, y, groups, _ = collect()
    meta = fit(x, y, groups)
    print(json.dumps(meta, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
