"""Reciprocal rank fusion (pure).

Each ranking is a list of ids, best first. An id's fused score is the sum over the rankings that
contain it of ``weight / (k + rank)`` (rank 1-based; weights default to 1). Ties keep the order in
which ids were first seen (rankings in the order given), so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["reciprocal_rank_fusion"]


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = 60, weights: Sequence[float] | None = None
) -> list[tuple[str, float]]:
    """Fuse rankings into ``[(id, score)]``, best first. ``k`` damps the weight of top ranks."""
    if k < 0:
        raise ValueError(f"rrf k must be >= 0, got {k}")
    if weights is not None and len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    ws = list(weights) if weights is not None else [1.0] * len(rankings)
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for ranking, weight in zip(rankings, ws, strict=True):
        seen_here: set[str] = set()
        for rank, item in enumerate(ranking, start=1):
            if item in seen_here:  # a duplicate inside one ranking counts once, at its best rank
                continue
            seen_here.add(item)
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
            first_seen.setdefault(item, len(first_seen))
    return sorted(scores.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))
