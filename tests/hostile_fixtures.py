"""Hostile corpus files, built on the fly: XML bombs in DOCX, a zip bomb, links, odd names.

Shared by the loader and ingest tests and by ``scripts/security/hostile_ingest.py``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _base_docx() -> bytes:
    import docx

    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("placeholder")
    document.save(buf)
    return buf.getvalue()


def docx_with_body(path: Path, document_xml: bytes | Iterable[bytes]) -> Path:
    """A valid DOCX package whose ``word/document.xml`` is replaced by ``document_xml`` (bytes, or
    pieces written one by one so a huge part never sits in memory)."""
    parts = [document_xml] if isinstance(document_xml, bytes) else document_xml
    with (
        zipfile.ZipFile(io.BytesIO(_base_docx())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, src.read(info))
                continue
            target = zipfile.ZipInfo(info.filename)
            target.compress_type = zipfile.ZIP_DEFLATED
            with out.open(target, "w", force_zip64=True) as member:
                for part in parts:
                    member.write(part)
    return path


def entity_bomb_docx(path: Path) -> Path:
    """Billion laughs: ten levels of ten-fold entity expansion."""
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    xml = (
        f'<?xml version="1.0"?>\n<!DOCTYPE w:document [{"".join(lines)}]>\n'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx_with_body(path, xml.encode())


def huge_text_node_docx(path: Path, megabytes: int = 60) -> Path:
    """One ``<w:t>`` holding ``megabytes`` MB of text (lxml refuses > 10 MB without huge_tree)."""
    head = b"<w:document " + W.encode() + b"><w:body><w:p><w:r><w:t>"
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    return docx_with_body(path, [head, *(b"a" * 1_000_000 for _ in range(megabytes)), tail])


def zip_bomb_docx(path: Path, megabytes: int = 300) -> Path:
    """A small DOCX whose document part unpacks to ``megabytes`` MB of paragraphs."""
    para = b"<w:p><w:r><w:t>" + b"x" * 980 + b"</w:t></w:r></w:p>"
    head = b"<w:document " + W.encode() + b"><w:body>"
    return docx_with_body(path, [head, *(para * 1000 for _ in range(megabytes)), b"</w:body></w:document>"])


def outside_link(corpus: Path, target: Path, name: str = "linked.txt") -> Path:
    link = corpus / name
    link.symlink_to(target)
    return link


def pdf_stream_bomb(path: Path, megabytes: int = 60) -> Path:
    """A one-page PDF of a few KB whose compressed content stream decodes to ``megabytes`` MB
    of text-showing operators."""
    import zlib

    line = b"(" + b"x" * 90 + b") Tj T*\n"
    body = b"BT /F1 12 Tf 72 720 Td 14 TL\n" + line * (megabytes * 1_000_000 // len(line)) + b"ET"
    stream = zlib.compress(body, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
