"""Fit the safety classifier and its decision thresholds on the labelled safety set.

    python scripts/fit_safety.py [--data evals/safety/safety.jsonl] [--seed 13] [--test-size 0.25]

1. A fixed, stratified, seeded split: the held-out part (``--test-size``) is never used for fitting;
   its ids are written with the model so the gate test measures exactly that part.
2. Features per message: its MiniLM embedding (the vector retrieval uses) and the counts of the
   phrase-rule signals (``ics_assistant/answering/data/safety_rules.jsonl``).
3. ``Pipeline(StandardScaler, LogisticRegression)``; ``C`` chosen by 5-fold stratified
   ``cross_validate`` (balanced accuracy) on the training part; figures of the chosen ``C`` kept.
4. Thresholds (``t_999``, ``t_111``, ``t_advice``) fitted on out-of-fold probabilities of the
   training part, with the run-time decision rule (whole message and each sentence), one after the
   other, each minimising ``miss_cost * misses + false alarms``.
5. Refit on the whole training part; write ``safety_model.npz`` and ``safety_model.json`` (classes,
   embedder, thresholds, the data's and the rules' SHA-256, held-out ids, CV and held-out figures).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ics_assistant.answering.safety import message_units  # noqa: E402
from ics_assistant.answering.safety_model import (  # noqa: E402
    CLASSES,
    DEFAULT_MODEL_PATH,
    Thresholds,
    decide,
    file_sha256,
)
from ics_assistant.answering.safety_rules import DEFAULT_RULES_PATH, default_rules  # noqa: E402
from ics_assistant.evaluation.safety_eval import (  # noqa: E402
    acceptable,
    by_kind,
    load_safety_set,
    safety_figures,
)

C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
MISS_COST = {"t_999": 25.0, "t_111": 6.0, "t_advice": 6.0}
GRID = np.round(np.concatenate([np.arange(0.02, 0.2, 0.01), np.arange(0.2, 0.95, 0.025)]), 4)


def _pipeline(c: float, seed: int) -> Pipeline:
    return Pipeline(
        [("scale", StandardScaler()), ("lr", LogisticRegression(C=c, max_iter=5000, random_state=seed))]
    )


class Featurised:
    """Every message's units (whole, then sentences), their vectors and rule signals."""

    def __init__(self, messages: list[str]) -> None:
        from ics_assistant.backends.embedders import get_embedder
        from ics_assistant.config import Settings

        self.embedder = get_embedder(Settings(_env_file=None))  # type: ignore[call-arg]
        rules = default_rules()
        self.units = [message_units(m) for m in messages]
        flat = [u for units in self.units for u in units]
        vecs = np.asarray(self.embedder.embed(flat), dtype=np.float64)
        self.hits = [[rules.match(u) for u in units] for units in self.units]
        self.x_units: list[np.ndarray] = []
        pos = 0
        for units, hits in zip(self.units, self.hits, strict=True):
            sig = np.asarray([h.vector() for h in hits], dtype=np.float64)
            self.x_units.append(np.hstack([vecs[pos : pos + len(units)], sig]))
            pos += len(units)

    def whole(self, idx: np.ndarray) -> np.ndarray:
        return np.stack([self.x_units[i][0] for i in idx])


def _decisions(model: Pipeline, feats: Featurised, idx: np.ndarray, th: Thresholds) -> list[str]:
    return [decide(_proba(model, feats.x_units[i]), feats.hits[i], th)[0] for i in idx]


def _proba(model: Pipeline, x: np.ndarray) -> np.ndarray:
    p = model.predict_proba(x)
    order = [list(model.classes_).index(c) for c in CLASSES]
    return np.asarray(p[:, order], dtype=np.float64)


def _fit_thresholds(probs: list[np.ndarray], labels: list[str], hits: list[Any]) -> Thresholds:
    th = Thresholds(t_999=0.5, t_111=1.01, t_advice=1.01)
    for name, positives in (
        ("t_999", ({"emergency", "crisis"}, {"emergency", "crisis"})),
        ("t_111", ({"urgent"}, {"urgent", "emergency", "crisis"})),
        ("t_advice", ({"advice"}, {"advice", "urgent", "emergency", "crisis"})),
    ):
        best: tuple[float, float] | None = None
        for t in GRID:
            cand = Thresholds(**{**th.__dict__, name: float(t)})
            ds = [decide(p, h, cand)[0] for p, h in zip(probs, hits, strict=True)]
            pos_labels, ok = positives
            misses = sum(d not in ok for d, la in zip(ds, labels, strict=True) if la in pos_labels)
            alarms = sum(
                d in {"emergency", "crisis", "urgent", "advice"}
                for d, la in zip(ds, labels, strict=True)
                if la in {"note", "none"}
            )
            cost = MISS_COST[name] * misses + alarms
            if best is None or cost < best[0] or (cost == best[0] and t > best[1]):
                best = (cost, float(t))
        assert best is not None
        th = Thresholds(**{**th.__dict__, name: best[1]})
    return th


def _repo_relative(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(REPO)) if resolved.is_relative_to(REPO) else str(resolved)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / "evals" / "safety" / "safety.jsonl")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--test-size", type=float, default=0.25)
    args = ap.parse_args()

    items = load_safety_set(args.data)
    labels = np.asarray([i.label for i in items])
    all_idx = np.arange(len(items))
    train_idx, test_idx = train_test_split(
        all_idx, test_size=args.test_size, stratify=labels, random_state=args.seed
    )
    feats = Featurised([i.message for i in items])
    x_train, y_train = feats.whole(train_idx), labels[train_idx]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    scoring = {"balanced_accuracy": "balanced_accuracy", "f1_macro": "f1_macro", "accuracy": "accuracy"}
    cv_by_c: dict[float, dict[str, float]] = {}
    for c in C_GRID:
        res = cross_validate(_pipeline(c, args.seed), x_train, y_train, cv=folds, scoring=scoring)
        cv_by_c[c] = {k: float(np.mean(res[f"test_{k}"])) for k in scoring}
    best_c = max(C_GRID, key=lambda c: (cv_by_c[c]["balanced_accuracy"], -c))

    oof_probs: list[np.ndarray] = [np.zeros(0)] * len(train_idx)
    for fit_part, val_part in folds.split(x_train, y_train):
        model = _pipeline(best_c, args.seed).fit(x_train[fit_part], y_train[fit_part])
        for j in val_part:
            oof_probs[j] = _proba(model, feats.x_units[train_idx[j]])
    train_hits = [feats.hits[i] for i in train_idx]
    thresholds = _fit_thresholds(oof_probs, list(y_train), train_hits)
    oof_decisions = [decide(p, h, thresholds)[0] for p, h in zip(oof_probs, train_hits, strict=True)]
    cv_triage = safety_figures(list(y_train), oof_decisions)
    for j, d in enumerate(oof_decisions):
        item = items[train_idx[j]]
        if not acceptable(item.label, d):
            print(f"out-of-fold miss: {item.id} [{item.label} -> {d}] {item.message}", file=sys.stderr)

    model = _pipeline(best_c, args.seed).fit(x_train, y_train)
    test_decisions = _decisions(model, feats, test_idx, thresholds)
    held_out = safety_figures(list(labels[test_idx]), test_decisions)
    held_out["by_kind"] = by_kind([items[i] for i in test_idx], test_decisions)
    held_out["misclassified"] = [
        f"{items[i].id} [{items[i].label} -> {d}] {items[i].message}"
        for i, d in zip(test_idx, test_decisions, strict=True)
        if not acceptable(items[i].label, d)
    ]

    scaler, lr = model.named_steps["scale"], model.named_steps["lr"]
    order = [list(lr.classes_).index(c) for c in CLASSES]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out.with_suffix(".npz"),
        mean=scaler.mean_,
        scale=scaler.scale_,
        coef=lr.coef_[order],
        intercept=lr.intercept_[order],
    )
    meta = {
        "classes": list(CLASSES),
        "embedder": feats.embedder.name,
        "dim": int(feats.embedder.dim),
        "thresholds": thresholds.__dict__,
        "C": best_c,
        "seed": args.seed,
        "test_size": args.test_size,
        "data": _repo_relative(args.data),
        "data_sha256": file_sha256(args.data),
        "rules_sha256": file_sha256(DEFAULT_RULES_PATH),
        "n_items": len(items),
        "n_train": len(train_idx),
        "test_ids": sorted(items[i].id for i in test_idx),
        "cv_classifier": {str(c): v for c, v in cv_by_c.items()},
        "cv_triage": cv_triage,
        "held_out": held_out,
        "fitted_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    args.out.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {
                "C": best_c,
                "thresholds": meta["thresholds"],
                "cv_triage": cv_triage,
                "held_out": held_out,
                "cv_classifier": meta["cv_classifier"],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
