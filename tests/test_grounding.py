"""The grounding an answer shows: sources, the quote guard, the near-miss line."""

from __future__ import annotations

from ics_assistant.answering.grounding import near_miss, sources_of, unsupported_quotes
from ics_assistant.types import Chunk, Citation, Hit


def test_a_near_miss_names_the_nearest_documents_without_quoting_them() -> None:
    a = Chunk("a1", "a", "Text A.", 0, 7, audience="public", title="Winter plan")
    b = Chunk("b1", "b", "Text B.", 0, 7, audience="public", title="Pharmacy leaflet")
    hits = [Hit(chunk=a, score=1.0, rank=1), Hit(chunk=a, score=0.9, rank=2), Hit(chunk=b, score=0.8, rank=3)]
    line = near_miss(hits)
    assert line is not None
    assert "“Winter plan” and “Pharmacy leaflet”" in line and "don't answer" in line
    assert "Text A" not in line
    assert near_miss([]) is None


def test_sources_keep_each_hit_in_rank_order() -> None:
    a = Chunk("a1", "a", "Text A.", 10, 17, audience="public", title="Winter plan", section="Flu")
    sources = sources_of([Hit(chunk=a, score=0.1234567891, rank=1)])
    assert [(s.chunk_id, s.rank, s.start, s.end, s.section) for s in sources] == [("a1", 1, 10, 17, "Flu")]
    assert sources[0].score == 0.123457


def test_a_quote_not_verbatim_at_its_offsets_is_reported() -> None:
    text = "Pharmacies can treat seven common conditions."
    a = Chunk("a1", "a", text, 0, len(text), audience="public", title="Pharmacy First")
    hits = [Hit(chunk=a, score=1.0, rank=1)]
    good = Citation(
        n=1, doc_id="a", title="Pharmacy First", date=None, chunk_id="a1", quote=text, start=0, end=len(text)
    )
    moved = Citation(
        n=1,
        doc_id="a",
        title="Pharmacy First",
        date=None,
        chunk_id="a1",
        quote=text,
        start=1,
        end=len(text) + 1,
    )
    elsewhere = Citation(
        n=1, doc_id="a", title="Pharmacy First", date=None, chunk_id="zz", quote=text, start=0, end=len(text)
    )
    assert unsupported_quotes([good], hits) == ()
    assert unsupported_quotes([moved], hits) == (text,)
    assert unsupported_quotes([elsewhere], hits) == (text,)
