"""File loaders: one function per format, each returning the raw text or raising ``LoadError``.

Supported: ``.txt``, ``.md``, ``.html``/``.htm`` (main text only), ``.pdf`` (pypdf), ``.docx``
(python-docx). A file that is empty, too large, binary with a text extension, not valid UTF-8
or a corrupt PDF/DOCX raises ``LoadError(path, reason)``; the pipeline reports it and goes on.

Hostile files are bounded: a symbolic link is never followed (``O_NOFOLLOW``, regular files
only); a file is refused when it unpacks to more than ``max_unpacked`` bytes
(``ICS_MAX_UNPACKED_BYTES``), before its text is parsed: a zip package (DOCX) by the declared
sizes of its members, read from the zip directory without inflating anything, a PDF by the
decoded size of its pages' content streams (each stream also capped by pypdf itself); HTML and
text are not compressed, so ``max_bytes`` bounds them. XML is parsed without resolving entities
and without lxml's huge-tree mode (python-docx's parser), each parse is stopped after
``LOAD_SECONDS``, and any parser failure, expected or not, becomes that file's ``LoadError``.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import signal
import stat
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from ics_assistant.errors import LoadError
from ics_assistant.ingest.normalise import (
    drop_bullet_marks,
    join_bullet_glyphs,
    join_pages,
    markdown_to_text,
    plain_text_prose,
    strip_page_furniture,
    unwrap,
)

__all__ = ["LOADERS", "LOAD_SECONDS", "SUPPORTED_SUFFIXES", "ZIP_SUFFIXES", "check_zip_size", "load_file"]

LOAD_SECONDS = 60.0  # per file: a parser still busy after this is stopped (main thread only)

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")
# Page furniture that sits inside the main text, by the class names sites give it (one class
# token, or a part of one: "meta", "article-meta", "byline", "breadcrumbs", "share-links"): the
# "Published: 18 January 2027 · Category: Urgent care" line is about the page, not its subject.
_FURNITURE_CLASS = re.compile(
    r"^(?:.*[-_])?(?:meta|byline|dateline|breadcrumbs?|share|sharing|social|cookies?|skip)(?:[-_].*)?$", re.I
)
_BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "ul",
    "ol",
    "br",
    "dt",
    "dd",
)
_LINE_TAGS = ("li", "tr", "dt", "dd")
_BLANKS = re.compile(r"\n\s*\n\s*(\n\s*)*")
_SPACES = re.compile(r"\s+")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if path.is_symlink():
        raise LoadError(str(path), "symbolic link: links are not followed")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise LoadError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(str(path), "not a regular file")
        if info.st_size > max_bytes:
            raise LoadError(str(path), f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise LoadError(str(path), f"file is over the {max_bytes:,}-byte limit")
    except OSError as exc:
        raise LoadError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    if not data.strip():
        raise LoadError(str(path), "file is empty")
    return data


def _decode_text(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise LoadError(str(path), "binary content in a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(str(path), f"not valid UTF-8 (byte {exc.start})") from exc
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise LoadError(str(path), "binary content in a text file")
    return text


def _nonempty(path: Path, text: str) -> str:
    if not text.strip():
        raise LoadError(str(path), "no text could be extracted")
    return text


def load_text(path: Path, data: bytes) -> str:
    """Plain text; a text export wrapped at a fixed width (with page headers) is made prose again."""
    return _nonempty(path, plain_text_prose(_decode_text(path, data)))


def load_markdown(path: Path, data: bytes) -> str:
    """Markdown as a reader sees it: no heading, list or emphasis markers."""
    return _nonempty(path, markdown_to_text(_decode_text(path, data)))


def load_html(path: Path, data: bytes) -> str:
    """Main text of a page: drops navigation, headers, footers, scripts and styles."""
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString

    html = _decode_text(path, data)
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    for tag in soup.find_all(class_=_FURNITURE_CLASS):  # a byline, breadcrumbs, share buttons ...
        if not tag.decomposed:
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for node in list(root.find_all(string=True)):
        # HTML collapses white space: a paragraph wrapped in the page source is one line of prose
        if type(node) is NavigableString and not node.find_parent(["pre", "textarea"]):
            node.replace_with(NavigableString(_SPACES.sub(" ", node)))
    for container in root.find_all(["ul", "ol", "dl", "table", "thead", "tbody", "tr"]):
        for child in list(container.children):  # source indentation between items is not text
            if isinstance(child, NavigableString) and not child.strip():
                child.extract()
    for cell in root.find_all(["td", "th"]):  # a table row reads as its cells, tab-separated (as DOCX)
        if cell.find_next_sibling(["td", "th"]) is not None:
            cell.insert_after("\t")
    for tag in root.find_all(list(_BLOCK_TAGS)):
        if tag.name == "br":
            tag.replace_with("\n")
        elif tag.name in _LINE_TAGS:  # a list item or table row: its own line, not a paragraph
            tag.insert_after("\n")
        else:
            tag.insert_before("\n\n")
            tag.insert_after("\n\n")
    text = root.get_text()
    lines = ["\t".join(" ".join(c.split()) for c in line.split("\t")).strip() for line in text.split("\n")]
    return _nonempty(path, _BLANKS.sub("\n\n", "\n".join(lines)).strip())


def _too_big(path: Path, unpacked: int, max_bytes: int) -> LoadError:
    return LoadError(
        str(path), f"unpacks to {unpacked:,} bytes, over the {max_bytes:,}-byte limit (a decompression bomb?)"
    )


def load_pdf(path: Path, data: bytes, max_unpacked: int | None = None) -> str:
    """Text of every page; with ``max_unpacked``, refused once the pages' decoded content
    streams pass it (checked page by page, before that page's text is extracted)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages: list[str] = []
        unpacked = 0
        for page in reader.pages:
            if max_unpacked is not None:
                contents = page.get_contents()
                unpacked += len(contents.get_data()) if contents is not None else 0
                if unpacked > max_unpacked:
                    raise _too_big(path, unpacked, max_unpacked)
            pages.append(page.extract_text() or "")
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(str(path), f"corrupt or unreadable PDF: {exc}") from exc
    # a bullet glyph on its own line starts the next line's item (before the page edges are read:
    # a glyph line repeated near page tops is no running header); items end as plain lines
    pages = [join_bullet_glyphs(p) for p in pages]
    pages = [drop_bullet_marks(unwrap(p)) for p in strip_page_furniture(pages)]
    return _nonempty(path, join_pages(pages))


def check_zip_size(path: Path, data: bytes, max_bytes: int) -> None:
    """Refuse a zip package (DOCX) whose members unpack to more than ``max_bytes`` in all.

    Only the zip's central directory is read (nothing is inflated), and ``zipfile`` never
    yields more than a member's declared size, so the declared sizes bound what the parser
    can be handed.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LoadError(str(path), f"corrupt or unreadable DOCX: {exc}") from exc
    if unpacked > max_bytes:
        raise _too_big(path, unpacked, max_bytes)


def load_docx(path: Path, data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError) as exc:
        raise LoadError(str(path), f"corrupt or unreadable DOCX: {exc}") from exc
    return _nonempty(path, _docx_text(document))


def _docx_text(document: Any) -> str:
    """The body in document order, laid out as the other loaders lay out text: a paragraph or
    heading is a block of its own, consecutive list paragraphs (a "List ..." style or numbering)
    are lines of one block, and a table's rows are lines with tab-separated cells."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[list[str]] = []
    listing = False
    for part in document.iter_inner_content():
        if isinstance(part, Table):
            rows = ["\t".join(" ".join(c.text.split()) for c in row.cells) for row in part.rows]
            blocks.append([r for r in rows if r.strip()])
            listing = False
        elif isinstance(part, Paragraph):
            text = part.text.strip()
            if not text:
                continue
            style = (part.style.name if part.style is not None else "") or ""
            is_item = style.startswith("List") or (part._p.pPr is not None and part._p.pPr.numPr is not None)
            if is_item and listing:
                blocks[-1].append(text)
            else:
                blocks.append([text])
            listing = is_item
    return "\n\n".join("\n".join(b) for b in blocks if b)


LOADERS: dict[str, Callable[[Path, bytes], str]] = {
    ".txt": load_text,
    ".md": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
}
SUPPORTED_SUFFIXES = frozenset(LOADERS)
ZIP_SUFFIXES = frozenset({".docx"})  # zip packages: their declared unpacked size is checked first


class _LoadTimeoutError(BaseException):  # not an Exception: parsers' broad handlers let it through
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (a SIGALRM timer: only in the main thread, where the
    CLI and the server's start-up ingest run; elsewhere the block runs unbounded)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise _LoadTimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def load_file(
    path: Path, max_bytes: int, max_seconds: float = LOAD_SECONDS, *, max_unpacked: int | None = None
) -> str:
    """The raw text of ``path`` (before cleaning). Raises ``LoadError`` with a reason.

    ``max_bytes`` bounds the file as stored, ``max_unpacked`` (default: ``max_bytes``) what a
    compressed format may unpack to, ``max_seconds`` the parse.
    """
    suffix = path.suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        raise LoadError(str(path), f"unsupported file type {suffix or '(none)'}")
    unpacked_limit = max_bytes if max_unpacked is None else max_unpacked
    data = _read_bytes(path, max_bytes)
    if suffix in ZIP_SUFFIXES:
        check_zip_size(path, data, unpacked_limit)
    if loader is load_pdf:
        loader = functools.partial(load_pdf, max_unpacked=unpacked_limit)
    try:
        with _time_limit(max_seconds):
            return loader(path, data)
    except _LoadTimeoutError as exc:
        raise LoadError(str(path), f"still parsing after {max_seconds:.0f} s: skipped") from exc
    except LoadError:
        raise
    except Exception as exc:  # a parser's own failure: this file's error, never the run's
        raise LoadError(str(path), f"could not be parsed ({type(exc).__name__})") from exc
