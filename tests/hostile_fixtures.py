"""Hostile corpus files, built on the fly: XML bombs in DOCX, a zip bomb, links, odd names.

Shared by the loader and ingest tests and by ``scripts/security/hostile_ingest.py``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _base_docx() -> bytes:
    import docx

    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("placeholder")
    document.save(buf)
    return buf.getvalue()


def docx_with_body(path: Path, document_xml: bytes) -> Path:
    """A valid DOCX package whose ``word/document.xml`` is replaced by ``document_xml``."""
    with (
        zipfile.ZipFile(io.BytesIO(_base_docx())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            data = document_xml if info.filename == "word/document.xml" else src.read(info)
            out.writestr(info.filename, data)
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
    text = b"a" * (megabytes * 1_000_000)
    xml = b"<w:document " + W.encode() + b"><w:body><w:p><w:r><w:t>" + text
    return docx_with_body(path, xml + b"</w:t></w:r></w:p></w:body></w:document>")


def zip_bomb_docx(path: Path, megabytes: int = 300) -> Path:
    """A small DOCX whose document part unpacks to ``megabytes`` MB of paragraphs."""
    para = b"<w:p><w:r><w:t>" + b"x" * 980 + b"</w:t></w:r></w:p>"
    body = para * (megabytes * 1000)
    xml = b"<w:document " + W.encode() + b"><w:body>" + body + b"</w:body></w:document>"
    return docx_with_body(path, xml)


def outside_link(corpus: Path, target: Path, name: str = "linked.txt") -> Path:
    link = corpus / name
    link.symlink_to(target)
    return link
