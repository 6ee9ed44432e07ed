"""Loaders for each format, the manifest and the curated FAQ, and every bad-file case."""

from __future__ import annotations

from pathlib import Path

import pytest

from ics_assistant.errors import CorpusError, LoadError
from ics_assistant.ingest.cleaning import DEFAULT_RULES_PATH, load_rules
from ics_assistant.ingest.corpus import load_corpus
from ics_assistant.ingest.loaders import load_file
from ics_assistant.ingest.manifest import load_curated_faq, load_manifest

from .conftest import CORPUS

RULES = load_rules(DEFAULT_RULES_PATH)
LIMIT = 1_000_000


def make_pdf(lines: list[str]) -> bytes:
    """A small valid one-page PDF whose text layer holds ``lines``."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    document.save(str(path))


def test_txt_and_md(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Hello ICS.\n\nSecond paragraph.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nSome *markdown* text.\n\n- one\n- two", encoding="utf-8")
    assert load_file(tmp_path / "a.txt", LIMIT) == "Hello ICS.\n\nSecond paragraph."
    # what a reader sees: no heading, emphasis or list markers; list items one per line
    assert load_file(tmp_path / "b.md", LIMIT) == "Title\n\nSome markdown text.\n\none\ntwo\n"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffText with BOM.".encode())
    assert load_file(tmp_path / "bom.txt", LIMIT) == "Text with BOM."


def test_html_keeps_main_text_only(tmp_path: Path) -> None:
    html = """<html><head><title>T</title><style>p {color: red}</style>
    <script>var tracking = "secret-script";</script></head>
    <body><header>Site header menu</header><nav><a href="/">Home</a> | <a>About us</a></nav>
    <main><h1>Integrated care</h1><p>ICSs are partnerships of organisations.</p>
    <ul><li>First point</li><li>Second point</li></ul></main>
    <footer>Copyright footer</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    text = load_file(tmp_path / "page.html", LIMIT)
    assert "ICSs are partnerships of organisations." in text
    assert "Integrated care" in text and "First point" in text and "Second point" in text
    for junk in ("secret-script", "color: red", "Site header", "Home", "About us", "Copyright"):
        assert junk not in text
    assert text.index("Integrated care") < text.index("ICSs are") < text.index("First point")


def test_html_drops_furniture_inside_the_article_by_its_class(tmp_path: Path) -> None:
    html = """<html><body><main><article class="news-article"><h1>New centre opens</h1>
    <p class="meta">Published: 18 January 2027 &middot; Category: Urgent care</p>
    <p class="page-meta"><time datetime="2025-10-03">Published 3 October 2025</time></p>
    <ol class="breadcrumbs"><li>Home</li><li>News</li></ol>
    <p class="lead">The centre opens on 1 March 2027.</p><p class="metadata-note">Kept.</p>
    <div class="share-links">Share on Facebook</div></article></main></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    text = load_file(tmp_path / "page.html", LIMIT)
    assert "New centre opens" in text and "The centre opens on 1 March 2027." in text and "Kept." in text
    for junk in ("Published", "Category", "Home", "News\n", "Facebook"):
        assert junk not in text


def test_html_table_cells_are_kept_apart(tmp_path: Path) -> None:
    html = """<html><body><main><table>
    <tr><th>Hub</th><th>Where</th><th>Hours</th></tr>
    <tr><td>Children's Hub</td><td>Kestrel Street Clinic,
        Dalesford</td><td>12 noon to 8pm</td></tr></table></main></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    text = load_file(tmp_path / "page.html", LIMIT)
    assert "Hub\tWhere\tHours" in text
    assert "Children's Hub\tKestrel Street Clinic, Dalesford\t12 noon to 8pm" in text


def test_html_paragraphs_wrapped_in_the_source_read_as_one_line(tmp_path: Path) -> None:
    html = (
        "<html><body><main><h2>Why we are doing this</h2>\n"
        "<p>Around 9,400 people are waiting for a diagnostic\n"
        "test. Moving routine tests out of the hospitals will free up\n   their scanners.</p>\n"
        "<pre>code  keeps\nits lines</pre></main></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    text = load_file(tmp_path / "page.html", LIMIT)
    assert "a diagnostic test. Moving routine tests out of the hospitals will free up their scanners." in text
    assert "Why we are doing this\n\nAround" in text
    assert "code keeps\nits lines" in text  # preformatted text keeps its line breaks


def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    (tmp_path / "doc.pdf").write_bytes(make_pdf(["Integrated Care Systems in PDF.", "Second line here."]))
    text = load_file(tmp_path / "doc.pdf", LIMIT)
    assert "Integrated Care Systems in PDF." in text
    assert "Second line here." in text


def test_docx_paragraphs_are_extracted(tmp_path: Path) -> None:
    make_docx(tmp_path / "doc.docx", ["What is an ICS?", "A partnership of organisations."])
    assert load_file(tmp_path / "doc.docx", LIMIT) == "What is an ICS?\n\nA partnership of organisations."


def test_docx_lists_and_tables_are_laid_out_like_the_other_formats(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Decisions", level=2)
    document.add_paragraph("At this meeting the Board:")
    document.add_paragraph("approved the plan", style="List Bullet")
    document.add_paragraph("agreed a second hub", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Hub", "Hours"), ("Ashby", "8am to 8pm")]):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    document.add_paragraph("Next meeting in July.")
    document.save(str(tmp_path / "minutes.docx"))
    assert load_file(tmp_path / "minutes.docx", LIMIT) == (
        "Decisions\n\nAt this meeting the Board:\n\napproved the plan\nagreed a second hub"
        "\n\nHub\tHours\nAshby\t8am to 8pm\n\nNext meeting in July."
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n \t\n", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("latin1.txt", "Caf\xe9 costs \xa35".encode("latin-1"), "not valid UTF-8"),
        ("corrupt.pdf", b"%PDF-1.4\nthis is not really a pdf\n%%EOF", "PDF"),
        ("corrupt.docx", b"PK\x03\x04 not a zip archive at all", "DOCX"),
        ("scripts-only.html", b"<html><script>x=1</script><nav>Menu</nav></html>", "no text"),
    ],
)
def test_bad_files_raise_load_error_with_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError) as info:
        load_file(path, LIMIT)
    assert info.value.path == str(path)
    assert reason in info.value.reason


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(LoadError, match="over the 100-byte limit"):
        load_file(path, 100)


def test_bad_files_are_reported_and_the_rest_is_loaded(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A good document about ICSs.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    loaded = load_corpus(tmp_path, RULES, LIMIT)
    assert [d.doc_id for d in loaded.docs] == ["good"]
    assert sorted(Path(e.path).name for e in loaded.failures) == ["bad.txt", "broken.pdf", "empty.txt"]
    assert loaded.failed_doc_ids == {"bad", "broken", "empty"}
    assert [Path(p).name for p in loaded.ignored] == ["notes.csv"]


def test_duplicate_stems_are_reported(tmp_path: Path) -> None:
    (tmp_path / "same.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "same.md").write_text("Two.", encoding="utf-8")
    loaded = load_corpus(tmp_path, RULES, LIMIT)
    assert len(loaded.docs) == 1
    assert "duplicate document id" in loaded.failures[0].reason


def test_manifest_metadata_and_defaults(tmp_path: Path) -> None:
    metas = load_manifest(CORPUS)
    faq = metas["ics-faq"]
    assert (faq.kind, faq.audience, faq.date) == ("faq", "public", None)
    assert metas["ics-stakeholder-update-march-2021"].date == "2021-03-19"
    (tmp_path / "orphan.txt").write_text("A file without a manifest entry.", encoding="utf-8")
    doc = load_corpus(tmp_path, RULES, LIMIT).docs[0].document
    assert (doc.meta.title, doc.meta.kind, doc.meta.date, doc.meta.audience) == (
        "orphan",
        "other",
        None,
        "staff",
    )


def test_manifest_with_bad_audience_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.yaml").write_text("documents:\n  x:\n    title: X\n    audience: everyone\n")
    with pytest.raises(CorpusError, match="audience must be one of"):
        load_manifest(tmp_path)


def test_curated_faq_entries_and_bad_entries(tmp_path: Path) -> None:
    path = tmp_path / "curated-faq.yaml"
    path.write_text(
        "title: Curated\nentries:\n"
        "  - {question: 'Q one?', answer: 'Answer one.', audience: public, last_reviewed: 2026-01-02}\n"
        "  - {question: 'Q two?', audience: staff}\n"
        "  - {question: 'Q three?', answer: 'Three.', audience: nobody}\n"
        "  - {question: 'Q four?', answer: 'Four.', audience: staff}\n",
        encoding="utf-8",
    )
    faq = load_curated_faq(path)
    assert [(e.question, e.audience, e.last_reviewed) for e in faq.entries] == [
        ("Q one?", "public", "2026-01-02"),
        ("Q four?", "staff", None),
    ]
    assert [f.path for f in faq.failures] == [f"{path}#2", f"{path}#3"]
    assert "answer" in faq.failures[0].reason and "audience" in faq.failures[1].reason


def test_hostile_docx_files_are_per_file_errors(tmp_path: Path) -> None:
    from .hostile_fixtures import entity_bomb_docx, huge_text_node_docx, zip_bomb_docx

    bomb = entity_bomb_docx(tmp_path / "entities.docx")
    with pytest.raises(LoadError, match="DOCX"):
        load_file(bomb, LIMIT)
    node = huge_text_node_docx(tmp_path / "node.docx", megabytes=60)
    with pytest.raises(LoadError, match="DOCX"):
        load_file(node, 100_000_000)  # past the size check: the parser itself refuses it
    zipped = zip_bomb_docx(tmp_path / "zip.docx", megabytes=5)
    assert zipped.stat().st_size < LIMIT
    with pytest.raises(LoadError, match="unpacks to"):
        load_file(zipped, LIMIT)


def test_links_are_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    link = corpus / "x.txt"
    link.symlink_to(outside)
    with pytest.raises(LoadError, match="link"):
        load_file(link, LIMIT)
    (corpus / "inner").symlink_to(tmp_path, target_is_directory=True)
    (corpus / "good.txt").write_text("A good document about ICSs.", encoding="utf-8")
    loaded = load_corpus(corpus, RULES, LIMIT)
    assert [d.doc_id for d in loaded.docs] == ["good"]
    assert [Path(e.path).name for e in loaded.failures] == ["x.txt"]
    assert all("root:x" not in d.document.text for d in loaded.docs)


def test_a_parser_that_runs_too_long_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from ics_assistant.ingest import loaders

    def slow(path: Path, data: bytes) -> str:
        time.sleep(5)
        return "never"

    monkeypatch.setitem(loaders.LOADERS, ".txt", slow)
    (tmp_path / "slow.txt").write_text("text", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(LoadError, match="still parsing"):
        load_file(tmp_path / "slow.txt", LIMIT, max_seconds=0.2)
    assert time.monotonic() - started < 2


def test_the_unpacked_size_has_its_own_limit_checked_before_parsing(tmp_path: Path) -> None:
    from .hostile_fixtures import pdf_stream_bomb, zip_bomb_docx

    zipped = zip_bomb_docx(tmp_path / "zip.docx", megabytes=5)
    assert len(load_file(zipped, LIMIT, max_unpacked=10_000_000)) > 4_000_000
    with pytest.raises(LoadError, match=r"unpacks to 5,\d{3},\d{3} bytes, over the 2,000,000-byte limit"):
        load_file(zipped, LIMIT, max_unpacked=2_000_000)
    small = pdf_stream_bomb(tmp_path / "small.pdf", megabytes=1)
    assert "xxxxxxxx" in load_file(small, LIMIT, max_unpacked=2_000_000)
    with pytest.raises(LoadError, match="unpacks to"):
        load_file(small, LIMIT, max_unpacked=500_000)


def test_decompression_bombs_are_refused_fast_at_the_default_limit(tmp_path: Path) -> None:
    import time

    from ics_assistant.config import Settings

    from .hostile_fixtures import pdf_stream_bomb, zip_bomb_docx

    cap = Settings(_env_file=None).max_unpacked_bytes  # type: ignore[call-arg]
    bombs = [zip_bomb_docx(tmp_path / "zip.docx", megabytes=300), pdf_stream_bomb(tmp_path / "p.pdf", 70)]
    for bomb in bombs:
        assert bomb.stat().st_size < LIMIT  # under a megabyte as stored
        started = time.perf_counter()
        with pytest.raises(LoadError, match=r"unpacks to .* bytes, over the 50,000,000-byte limit"):
            load_file(bomb, 20_000_000, max_unpacked=cap)
        assert time.perf_counter() - started < 5  # 175 s and 4.3 GB before the check
