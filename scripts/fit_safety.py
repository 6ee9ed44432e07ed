"""Fit the safety classifier and its decision thresholds on the labelled safety set.

    python scripts/fit_safety.py [--data evals/safety/safety.jsonl] [--extra FILE ...]
                                 [--seed 13] [--test-size 0.25]

1. A fixed, stratified, seeded split of ``--data``: the held-out part (``--test-size``) is never
   used for fitting; its ids are written with the model so the gate test measures exactly that part.
   ``--extra`` (training messages written after reading the code, see evals/safety/README.md;
   default ``safety-extra.jsonl``, ``safety-extra2.jsonl`` and ``safety-extra3.jsonl``) only
   ever joins the fitting part: it is in every cross-validation fold's fitting side or validation
   side like any fitting message, but never in the held-out part, and the cross-validated figures
   are reported both on the blind set's fitting part alone and on all fitting messages.
2. Features per message: its MiniLM embedding (the vector retrieval uses) and the counts of the
   phrase-rule signals (``ics_assistant/answering/resources/safety_rules.jsonl``).
3. ``Pipeline(StandardScaler, LogisticRegression)``; ``C`` chosen by 5-fold stratified
   ``cross_validate`` (balanced accuracy) on the training part; figures of the chosen ``C`` kept.
4. Thresholds fitted on out-of-fold probabilities of the training part, with the run-time decision
   rule (whole message and each sentence): ``t_999``, ``t_111``, ``t_advice`` one after the other,
   each the lowest that keeps false alarms on calm messages within a cumulative budget (1%, 1.5%,
   2%); then ``t_note`` under a budget: the lowest at which the note comes before at most 5% of
   the calm (none) messages (``NOTE_BUDGET``), so that within it note and advice messages get the
   note as often as they can, but never above the highest at which every emergency, crisis and
   urgent message still gets 999 (or 111) in the reply's first sentence, if only through the note
   (999 first is never traded for fewer notes). The curve is logged and kept in the JSON.
5. Refit on the whole training part; write ``safety_model.npz`` and ``safety_model.json`` (classes,
   embedder, thresholds, the data's and the rules' SHA-256, held-out ids, CV and held-out figures).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ics_assistant.answering.safety import message_units  # noqa: E402
from ics_assistant.answering.safety_model import (  # noqa: E402
    CLASSES,
    DEFAULT_MODEL_PATH,
    FeatureSpec,
    Thresholds,
    char_counts,
    decide,
    features,
    file_sha256,
)
from ics_assistant.answering.safety_rules import DEFAULT_RULES_PATH, default_rules  # noqa: E402
from ics_assistant.evaluation.safety_eval import (  # noqa: E402
    acceptable,
    by_kind,
    load_safety_set,
    safety_figures,
)

C_GRID = (3.0, 10.0)
EMB_WEIGHTS = (0.05, 0.2)
Row = tuple[np.ndarray, list[float], str]
FA_BUDGET = (0.01, 0.015, 0.02, 0.02)  # cumulative false alarms allowed on calm messages seen in fitting
MISS_COST = 20.0  # a 999 case sent to 111 / the advice reply, against an urgent or advice case sent to 999
CALM_MARGIN = 0.05  # the floor is waived only this far above the calmest emergency seen in fitting
CALM_MIN = 0.5  # and never unless the classifier reads the unit as calm more likely than not
DEFAULT_EXTRAS = [REPO / "evals" / "safety" / f"safety-extra{s}.jsonl" for s in ("", "2", "3")]
REPLACING = frozenset({"emergency", "crisis", "urgent", "advice"})
NOTE_BUDGET = 0.05  # the note before at most this share of calm (none) messages seen in fitting, out of fold
MUST_LINE = frozenset({"emergency", "crisis", "urgent"})  # never left with no 999 / 111 line by t_note
NOTE_WANTED = frozenset({"note", "advice", *MUST_LINE})  # messages that need at least the note


class NotePoint(NamedTuple):
    """One ``t_note`` on the grid: share of calm messages noted, 999/111 cases left with no
    safety line, share of the messages needing at least the note that get it."""

    t: float
    calm_noted: float
    lineless: int
    wanted_noted: float


GRID = np.unique(
    np.round(
        np.concatenate(
            [np.arange(0.001, 0.02, 0.001), np.arange(0.02, 0.2, 0.005), np.arange(0.2, 1.0, 0.01)]
        ),
        4,
    )
)


class TriageFeatures(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """Rows ``(vector, signals, text)`` -> the run-time features (``safety_model.features``)."""

    def __init__(self, emb_weight: float = 0.05, rule_weight: float = 0.3, char_features: int = 4096) -> None:
        self.emb_weight = emb_weight
        self.rule_weight = rule_weight
        self.char_features = char_features

    def spec(self) -> FeatureSpec:
        return FeatureSpec(self.emb_weight, self.rule_weight, self.char_features)

    def fit(self, rows: list[Row], y: Any = None) -> TriageFeatures:
        vecs = np.stack([r[0] for r in rows])
        self.mean_ = vecs.mean(axis=0)
        self.scale_ = np.where(vecs.std(axis=0) == 0, 1.0, vecs.std(axis=0))
        df = np.asarray((char_counts([r[2] for r in rows], self.spec()) > 0).sum(axis=0)).ravel()
        self.idf_ = np.log((1 + len(rows)) / (1 + df)) + 1.0  # smoothed idf, as scikit-learn's
        return self

    def transform(self, rows: list[Row]) -> np.ndarray:
        return features(
            self.spec(),
            self.mean_,
            self.scale_,
            self.idf_,
            np.stack([r[0] for r in rows]),
            [r[1] for r in rows],
            [r[2] for r in rows],
        )


def _pipeline(c: float, emb_weight: float, seed: int) -> Pipeline:
    return Pipeline(
        [
            ("features", TriageFeatures(emb_weight=emb_weight)),
            ("lr", LogisticRegression(C=c, max_iter=5000, random_state=seed)),
        ]
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
        self.rows: list[list[Row]] = []
        pos = 0
        for units, hits in zip(self.units, self.hits, strict=True):
            self.rows.append(
                [(vecs[pos + k], h.vector(), u) for k, (u, h) in enumerate(zip(units, hits, strict=True))]
            )
            pos += len(units)

    def whole(self, idx: np.ndarray) -> list[Row]:
        return [self.rows[i][0] for i in idx]


def _decisions(model: Pipeline, feats: Featurised, idx: np.ndarray, th: Thresholds) -> list[str]:
    return [decide(_proba(model, feats.rows[i]), feats.hits[i], th)[0] for i in idx]


def _proba(model: Pipeline, rows: list[Row]) -> np.ndarray:
    p = model.predict_proba(rows)
    order = [list(model.classes_).index(c) for c in CLASSES]
    return np.asarray(p[:, order], dtype=np.float64)


def _fit_thresholds(probs: list[np.ndarray], labels: list[str], hits: list[Any]) -> Thresholds:
    """``t_calm`` first: the lowest calm probability at which the rules floor may be waived without
    any emergency or crisis message losing it. Then each replacing threshold: the lowest that keeps
    the false alarms on calm messages (note, none) within the cumulative budget. Then ``t_lift``,
    by cost: a 999 case given the 111 or advice reply costs ``MISS_COST`` times an urgent or advice
    case given the 999 reply (ties: the highest). Then ``t_note`` under a budget (``fit_note``)."""
    calm = [la in ("note", "none") for la in labels]
    n_calm = max(1, sum(calm))

    def decisions(th: Thresholds) -> list[str]:
        return [decide(p, h, th)[0] for p, h in zip(probs, hits, strict=True)]

    th = Thresholds(t_999=1.01, t_111=1.01, t_advice=1.01, t_note=1.01, t_lift=1.01, t_calm=1.01, t_risk=1.01)
    for name, budget in zip(("t_999", "t_111", "t_advice", "t_risk"), FA_BUDGET, strict=True):
        for t in GRID:
            cand = Thresholds(**{**th.__dict__, name: float(t)})
            alarms = sum(c and d in REPLACING for c, d in zip(calm, decisions(cand), strict=True))
            if alarms / n_calm <= budget:
                th = cand
                break
    # the floor may be waived where that costs no emergency or crisis message its 999 reply
    got_999 = [
        la in ("emergency", "crisis") and d in ("emergency", "crisis")
        for la, d in zip(labels, decisions(th), strict=False)
    ]
    for t in GRID:
        ds = decisions(Thresholds(**{**th.__dict__, "t_calm": float(t)}))
        if all(d in ("emergency", "crisis") for d, g in zip(ds, got_999, strict=True) if g):
            th = Thresholds(**{**th.__dict__, "t_calm": min(1.01, max(CALM_MIN, float(t) + CALM_MARGIN))})
            break

    def lift_cost(t: float) -> float:
        missed, over = _lift_errors(labels, decisions(Thresholds(**{**th.__dict__, "t_lift": t})))
        return MISS_COST * missed + over

    costs = {float(t): lift_cost(float(t)) for t in [*GRID, 1.01]}
    th = Thresholds(**{**th.__dict__, "t_lift": min(costs, key=lambda t: (costs[t], -t))})
    curve = note_curve(labels, lambda t: decisions(Thresholds(**{**th.__dict__, "t_note": t})))
    return Thresholds(**{**th.__dict__, "t_note": fit_note(curve)})


def note_curve(labels: list[str], decide_at: Any) -> list[NotePoint]:
    """For each ``t_note`` on the grid (ascending), what the note does with ``decide_at(t)``'s decisions."""
    calm = max(1, sum(la == "none" for la in labels))
    wanted = max(1, sum(la in NOTE_WANTED for la in labels))
    points = []
    for t in GRID:
        ds = decide_at(float(t))
        on_calm = sum(la == "none" and d == "note" for la, d in zip(labels, ds, strict=True))
        lineless = sum(la in MUST_LINE and d == "none" for la, d in zip(labels, ds, strict=True))
        got = sum(la in NOTE_WANTED and d != "none" for la, d in zip(labels, ds, strict=True))
        points.append(NotePoint(float(t), on_calm / calm, lineless, got / wanted))
    return points


def fit_note(curve: list[NotePoint]) -> float:
    """``t_note``: the lowest on the grid whose note comes before at most ``NOTE_BUDGET`` of the
    calm (none) messages seen in fitting (out of fold), so that within the budget the note and
    advice messages get it as often as they can; but never above the highest at which every
    emergency, crisis and urgent message seen in fitting keeps a 999 or 111 line (at least the
    note): that limit wins over the budget, which is then reported as not met."""
    safe = [p.t for p in curve if p.lineless == 0]
    t_safe = max(safe) if safe else curve[0].t
    within = [p.t for p in curve if p.calm_noted <= NOTE_BUDGET]
    return min(min(within), t_safe) if within else t_safe


def _lift_errors(labels: Sequence[str], decisions: Sequence[str]) -> tuple[int, int]:
    """(999 cases sent to 111 or advice, urgent or advice cases sent to 999)."""
    missed = sum(
        la in ("emergency", "crisis") and d in ("urgent", "advice")
        for la, d in zip(labels, decisions, strict=False)
    )
    over = sum(
        la in ("urgent", "advice") and d in ("emergency", "crisis")
        for la, d in zip(labels, decisions, strict=False)
    )
    return missed, over


def _lift_curve(probs: list[np.ndarray], labels: list[str], hits: list[Any], th: Thresholds) -> list[Any]:
    """(t_lift, 999 cases sent to 111/advice, urgent/advice cases sent to 999) on the grid (a log)."""
    out = []
    for t in GRID[::5]:
        ds = [
            decide(p, h, Thresholds(**{**th.__dict__, "t_lift": float(t)}))[0]
            for p, h in zip(probs, hits, strict=False)
        ]
        out.append((float(t), *_lift_errors(labels, ds)))
    return out


def _repo_relative(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(REPO)) if resolved.is_relative_to(REPO) else str(resolved)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / "evals" / "safety" / "safety.jsonl")
    ap.add_argument("--extra", type=Path, nargs="*", default=DEFAULT_EXTRAS)
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--test-size", type=float, default=0.25)
    args = ap.parse_args()

    blind = load_safety_set(args.data)
    extras = [path for path in args.extra if path.exists()]
    extra = [item for path in extras for item in load_safety_set(path)]
    items = blind + extra
    labels = np.asarray([i.label for i in items])
    blind_idx = np.arange(len(blind))
    train_idx, test_idx = train_test_split(
        blind_idx, test_size=args.test_size, stratify=labels[: len(blind)], random_state=args.seed
    )
    train_idx = np.concatenate([train_idx, np.arange(len(blind), len(items))])
    feats = Featurised([i.message for i in items])
    x_train, y_train = feats.whole(train_idx), labels[train_idx]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    scoring = {"balanced_accuracy": "balanced_accuracy", "f1_macro": "f1_macro", "accuracy": "accuracy"}
    cv_by: dict[tuple[float, float], dict[str, float]] = {}
    for c in C_GRID:
        for w in EMB_WEIGHTS:
            res = cross_validate(_pipeline(c, w, args.seed), x_train, y_train, cv=folds, scoring=scoring)
            cv_by[(c, w)] = {k: float(np.mean(res[f"test_{k}"])) for k in scoring}
    best_c, best_w = max(cv_by, key=lambda cw: (cv_by[cw]["balanced_accuracy"], -cw[0]))

    oof_probs: list[np.ndarray] = [np.zeros(0)] * len(train_idx)
    for fit_part, val_part in folds.split(x_train, y_train):
        model = _pipeline(best_c, best_w, args.seed).fit([x_train[k] for k in fit_part], y_train[fit_part])
        for j in val_part:
            oof_probs[j] = _proba(model, feats.rows[train_idx[j]])
    train_hits = [feats.hits[i] for i in train_idx]
    is_blind = [int(i) < len(blind) for i in train_idx]
    thresholds = _fit_thresholds(oof_probs, list(y_train), train_hits)
    curve = note_curve(
        list(y_train),
        lambda t: [
            decide(p, h, Thresholds(**{**thresholds.__dict__, "t_note": t}))[0]
            for p, h in zip(oof_probs, train_hits, strict=True)
        ],
    )
    oof_decisions = [decide(p, h, thresholds)[0] for p, h in zip(oof_probs, train_hits, strict=True)]
    cv_triage = safety_figures(
        [la for la, b in zip(y_train, is_blind, strict=True) if b],
        [d for d, b in zip(oof_decisions, is_blind, strict=True) if b],
    )
    cv_all = safety_figures(list(y_train), oof_decisions)
    for j, d in enumerate(oof_decisions):
        item = items[train_idx[j]]
        if not acceptable(item.label, d):
            print(f"out-of-fold miss: {item.id} [{item.label} -> {d}] {item.message}", file=sys.stderr)

    model = _pipeline(best_c, best_w, args.seed).fit(x_train, y_train)
    test_decisions = _decisions(model, feats, test_idx, thresholds)
    held_out = safety_figures(list(labels[test_idx]), test_decisions)
    held_out["by_kind"] = by_kind([items[i] for i in test_idx], test_decisions)
    held_out["misclassified"] = [
        f"{items[i].id} [{items[i].label} -> {d}] {items[i].message}"
        for i, d in zip(test_idx, test_decisions, strict=True)
        if not acceptable(items[i].label, d)
    ]

    feat, lr = model.named_steps["features"], model.named_steps["lr"]
    order = [list(lr.classes_).index(c) for c in CLASSES]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out.with_suffix(".npz"),
        mean=feat.mean_,
        scale=feat.scale_,
        idf=feat.idf_,
        coef=lr.coef_[order],
        intercept=lr.intercept_[order],
    )
    meta = {
        "classes": list(CLASSES),
        "embedder": feats.embedder.name,
        "dim": int(feats.embedder.dim),
        "thresholds": thresholds.__dict__,
        "C": best_c,
        "features": {**feat.spec().__dict__, "char_ngrams": list(feat.spec().char_ngrams)},
        "seed": args.seed,
        "test_size": args.test_size,
        "data": _repo_relative(args.data),
        "data_sha256": file_sha256(args.data),
        "extras": [
            {"path": _repo_relative(path), "sha256": file_sha256(path), "n": len(load_safety_set(path))}
            for path in extras
        ],
        "n_extra": len(extra),
        "rules_sha256": file_sha256(DEFAULT_RULES_PATH),
        "n_items": len(items),
        "n_train": len(train_idx),
        "n_train_blind": int(sum(is_blind)),
        "test_ids": sorted(items[i].id for i in test_idx),
        "cv_classifier": {f"C={c} emb_weight={w}": v for (c, w), v in cv_by.items()},
        "cv_triage": cv_triage,
        "cv_triage_with_extra": cv_all,
        "held_out": held_out,
        "note_budget": NOTE_BUDGET,
        "note_curve": [p._asdict() for p in curve[::4]],
        "fitted_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    args.out.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    lift_curve = _lift_curve(oof_probs, list(y_train), train_hits, thresholds)
    print(json.dumps(lift_curve), file=sys.stderr)
    print("note curve (t, calm noted, 999/111 cases with no line, note wanted and given):", file=sys.stderr)
    for t, calm_noted, lineless, wanted in curve:
        print(f"  {t:.3f} {calm_noted:.3f} {lineless} {wanted:.3f}", file=sys.stderr)
    print(
        json.dumps(
            {
                "C": best_c,
                "features": {**feat.spec().__dict__, "char_ngrams": list(feat.spec().char_ngrams)},
                "thresholds": meta["thresholds"],
                "cv_triage": cv_triage,
                "cv_triage_with_extra": cv_all,
                "held_out": held_out,
                "cv_classifier": meta["cv_classifier"],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
