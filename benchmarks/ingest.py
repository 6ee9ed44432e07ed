"""Ingest benchmark: end-to-end ingest throughput against bare embedding on the same texts.

Generates a synthetic corpus (FAQ-style documents with words drawn from the real corpus) that
chunks into about N chunks, then measures, in one process with the model already loaded:

- ``bare_encode_chunks_per_s``: ``SentenceTransformer.encode`` alone on the exact texts the
  ingest embeds (the baseline; measured before and after the ingest, averaged);
- ``ingest_chunks_per_s``: ``run_ingest`` from files to a ready index (load, clean, chunk,
  embed with sentence spans, SQLite, Chroma, BM25);
- ``noop_reingest_s``: a second ``run_ingest`` with nothing changed, and its ratio to the full one;
- ``peak_rss_mb``: peak resident memory of the process.

Usage: ``python benchmarks/ingest.py [--chunks 2000] [--out FILE]``. Prints JSON.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from _common import emit, machine_label  # noqa: E402

from ics_assistant.config import Settings, quiet_third_parties  # noqa: E402

SECTIONS_PER_DOC = 20


def _vocabulary() -> list[str]:
    words: list[str] = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        words += [w.strip(".,;:“”‘’\"'()") for w in path.read_text(encoding="utf-8").split()]
    return [w for w in words if w.isalpha()]


def make_corpus(root: Path, n_chunks: int, seed: int = 7) -> None:
    """About ``n_chunks`` chunks: each section is a question and a one-paragraph answer."""
    rng = random.Random(seed)
    vocab = _vocabulary()

    def sentence(lo: int, hi: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(rng.randint(lo, hi))).capitalize()

    root.mkdir(parents=True)
    n_docs = max(1, round(n_chunks / SECTIONS_PER_DOC))
    for d in range(n_docs):
        parts = [f"Synthetic document {d}"]
        for q in range(SECTIONS_PER_DOC):
            parts.append(f"{sentence(5, 10)} number {d}-{q}?")
            parts.append(" ".join(sentence(10, 22) + "." for _ in range(rng.randint(4, 7))))
        (root / f"synthetic-{d:04d}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def _embedding_texts(settings: Settings, embedder: object) -> list[str]:
    from ics_assistant.ingest.chunking import chunk_document, embedding_text
    from ics_assistant.ingest.cleaning import load_rules, rules_path_for
    from ics_assistant.ingest.corpus import load_corpus

    loaded = load_corpus(settings.corpus_dir, load_rules(rules_path_for(settings.corpus_dir)), 10**8)
    texts: list[str] = []
    for sd in loaded.docs:
        chunks = chunk_document(
            sd.document,
            embedder,  # type: ignore[arg-type]
            settings.chunk_max_tokens,
            settings.chunk_overlap_sentences,
        )
        texts += [embedding_text(c)[0] for c in chunks]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    quiet_third_parties()

    from ics_assistant.backends.embedders import get_embedder
    from ics_assistant.ingest.pipeline import run_ingest

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.chunks)
        settings = Settings(data_dir=Path(tmp) / "data", corpus_dir=corpus, _env_file=None)  # type: ignore[call-arg]
        embedder = get_embedder(settings)
        embedder.embed(["warm up the model"] * 8)
        texts = _embedding_texts(settings, embedder)

        def bare() -> float:
            t = time.perf_counter()
            embedder.model.encode(
                texts,
                batch_size=settings.embedding_batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            return time.perf_counter() - t

        bare_before = bare()
        t = time.perf_counter()
        report = run_ingest(settings, embedder, progress=False)
        full_s = time.perf_counter() - t
        bare_after = bare()
        t = time.perf_counter()
        noop = run_ingest(settings, embedder, progress=False)
        noop_s = time.perf_counter() - t

    bare_s = (bare_before + bare_after) / 2
    bare_rate = len(texts) / bare_s
    ingest_rate = report.chunk_count / full_s
    result = {
        "chunks": report.chunk_count,
        "documents": len(report.added),
        "bare_encode_chunks_per_s": round(bare_rate, 2),
        "bare_encode_s_before_after": [round(bare_before, 2), round(bare_after, 2)],
        "ingest_chunks_per_s": round(ingest_rate, 2),
        "ingest_s": round(full_s, 2),
        "ingest_to_bare_ratio": round(ingest_rate / bare_rate, 3),
        "noop_reingest_s": round(noop_s, 3),
        "noop_to_full_ratio": round(noop_s / full_s, 4),
        "noop_embedded": noop.embedded,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "batch_size": settings.embedding_batch_size,
        "machine": machine_label(),
    }
    emit(result, args.out)


if __name__ == "__main__":
    main()
