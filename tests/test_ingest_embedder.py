"""The real embedder: one pass gives encode()'s vectors plus per-sentence vectors."""

from __future__ import annotations

import numpy as np
import pytest

from ics_assistant.backends.embedders import SentenceTransformerEmbedder, get_embedder, resolve_model_path
from ics_assistant.config import Settings
from ics_assistant.errors import ConfigError
from ics_assistant.protocols import Embedder, SpanEmbedder, TokenCounter
from ics_assistant.sentences import split_sentences

from .ingest_fixtures import real_embedder

__all__ = ["real_embedder"]

TEXTS = [
    "Integrated Care Systems are partnerships of organisations. They plan joined up health and care.",
    "What is an ICS?\n\nA total of 42 ICSs cover the whole of England. They were established on 1 July 2022.",
    "Short one.",
    "The NHS Long Term Plan said ICSs would be central to its delivery. " * 3,
]


def test_unknown_model_names_are_refused_without_download() -> None:
    with pytest.raises(ConfigError, match="never downloaded"):
        resolve_model_path("someone/some-model-on-the-hub")


@pytest.mark.model
def test_real_embedder_satisfies_the_protocols(real_embedder: SentenceTransformerEmbedder) -> None:
    assert isinstance(real_embedder, Embedder)
    assert isinstance(real_embedder, SpanEmbedder)
    assert isinstance(real_embedder, TokenCounter)
    assert real_embedder.dim == 384 and real_embedder.name == "all-MiniLM-L6-v2"
    assert get_embedder(Settings(_env_file=None)) is real_embedder  # type: ignore[call-arg]


@pytest.mark.model
def test_span_pass_matches_encode_and_gives_sentence_vectors(
    real_embedder: SentenceTransformerEmbedder,
) -> None:
    spans = [split_sentences(t) for t in TEXTS]
    vectors, per_span = real_embedder.embed_with_spans(TEXTS, spans)
    reference = real_embedder.model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    assert vectors.dtype == np.float32 and vectors.shape == (len(TEXTS), 384)
    assert np.abs(vectors - reference).max() < 1e-4
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    for text, sp, sv in zip(TEXTS, spans, per_span, strict=True):
        assert sv.shape == (len(sp), 384)
        assert np.allclose(np.linalg.norm(sv, axis=1), 1.0, atol=1e-5)
        # each in-context sentence vector stays close to that sentence embedded on its own
        own = real_embedder.embed([text[s:e] for s, e in sp])
        assert float(np.diag(sv @ own.T).min()) > 0.6
    assert np.allclose(real_embedder.embed(TEXTS), reference, atol=1e-5)


@pytest.mark.model
def test_sentence_vectors_tell_apart_sentences_on_different_topics(
    real_embedder: SentenceTransformerEmbedder,
) -> None:
    text = (
        "Dear colleague, today we received confirmation of our ICS status. "
        "The weather was cold and rainy in Leeds on Tuesday. Hospitals need more nurses for winter."
    )
    spans = split_sentences(text)
    _, (sv,) = real_embedder.embed_with_spans([text], [spans])
    own = real_embedder.embed([text[s:e] for s, e in spans])
    assert list((sv @ own.T).argmax(axis=1)) == [0, 1, 2]


@pytest.mark.model
def test_count_tokens_uses_the_model_tokenizer(real_embedder: SentenceTransformerEmbedder) -> None:
    assert real_embedder.count_tokens("") == 2  # [CLS] [SEP]
    assert real_embedder.count_tokens("hello world") == 4
    long_text = "integrated care " * 400
    assert real_embedder.count_tokens(long_text) == 802  # no truncation when counting
