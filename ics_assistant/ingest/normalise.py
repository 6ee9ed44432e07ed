"""Turn formatted source text into readable prose before cleaning and chunking (pure).

What a reader sees is what we quote, so the loaders hand over text without markup:

- **Markdown** is parsed with markdown-it-py (CommonMark): headings, paragraphs and list items
  become plain lines (no ``#``, ``-``, ``**`` markers), links keep their text, a table row becomes
  one line with its cells separated by a tab.
- **Hard-wrapped text** (a PDF's text layer, or a plain-text export wrapped at a fixed width) is
  joined back into paragraphs: a line that runs to the wrap width and does not end a sentence
  continues on the next line; a word hyphenated across a line break is rejoined when the joined
  word occurs elsewhere in the document (otherwise the hyphen is kept: "well-being").
- **Page furniture**: a page-number line ("Page 2", "Page 2 of 3", "2") and the lines repeated
  next to page breaks (running headers and footers) are dropped.

Nothing here knows any particular document: the wrap width, the running headers and the words
used to repair hyphenation are all read off the document itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ics_assistant.sentences import LIST_MARK

__all__ = [
    "drop_bullet_marks",
    "is_hard_wrapped",
    "join_bullet_glyphs",
    "join_pages",
    "markdown_to_text",
    "plain_text_prose",
    "strip_page_furniture",
    "unwrap",
]

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_PAGE_LINE = re.compile(r"^\s*page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;)\]\"”’]\s*$")
_FULL_STOP = re.compile(r"[.!?][\"”’)]?\s*$")
_HYPHEN_END = re.compile(r"([A-Za-z][A-Za-z-]*)-$")
_WORD_START = re.compile(r"^([a-z]+)")
_WRAP_SHARE = 0.45  # share of non-empty lines near the wrap width for text to count as hard-wrapped
_NEAR_WIDTH = 0.72  # a line at least this share of the wrap width "runs to the margin"
_TAIL = 128  # how much of a joined line's end the end-of-line checks read


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown document: one block per paragraph, one line per list item."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    blocks: list[tuple[str, str]] = []  # (text, kind): kind is block | item | row
    row: list[str] = []
    in_item = 0
    in_cell = False
    for tok in tokens:
        kind = tok.type
        if kind == "list_item_open":
            in_item += 1
        elif kind == "list_item_close":
            in_item -= 1
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            blocks.append(("\t".join(c for c in row if c), "row"))
        elif kind == "inline":
            text = _inline_text(tok.children or [])
            if in_cell:
                row.append(text)
            elif text:
                blocks.append((text, "item" if in_item else "block"))
        elif kind in ("code_block", "fence") and tok.content.strip():
            blocks.append((tok.content.strip(), "block"))
    out: list[str] = []
    prev_kind = ""
    for text, kind in blocks:
        if out:
            out.append("\n" if kind == prev_kind and kind in ("item", "row") else "\n\n")
        out.append(text)
        prev_kind = kind
    return "".join(out).strip() + "\n"


def _inline_text(children: Sequence[object]) -> str:
    parts: list[str] = []
    for child in children:
        kind = getattr(child, "type", "")
        if kind in ("text", "code_inline", "html_inline"):
            parts.append(getattr(child, "content", ""))
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            parts.append(getattr(child, "content", ""))
    return " ".join("".join(parts).split(" ")).strip()


# A bullet a PDF's text layer gives as a line of its own: a symbol-font glyph that pypdf reads
# as "\x7f" or a private-use character, or a bullet character with nothing after it.
_GLYPH_BULLET = re.compile("^[ \t]*[\u2022\u25cf\u25aa\u25e6\u2023\u2219\u00b7\x7f\uf0b7\uf0a7][ \t]*$")
_BULLET_MARK = re.compile(r"(?m)^[ \t]*•[ \t]+")


def join_bullet_glyphs(text: str) -> str:
    """Put each bullet that stands on a line of its own in front of the next line ("• item"), so
    that the item starts a line that unwrapping will not join to the line before."""
    out: list[str] = []
    pending = False
    for line in text.splitlines():
        if _GLYPH_BULLET.match(line):
            pending = True
            continue
        if pending and line.strip():
            line = "• " + line.strip()
            pending = False
        out.append(line)
    return "\n".join(out)


def drop_bullet_marks(text: str) -> str:
    """List items as plain lines, as the Markdown and HTML loaders give them: no leading "• "."""
    return _BULLET_MARK.sub("", text)


def strip_page_furniture(pages: Sequence[str]) -> list[str]:
    """Drop page-number lines and running headers/footers (lines repeated at page edges)."""
    split = [[ln.rstrip() for ln in page.splitlines()] for page in pages]
    edge: Counter[str] = Counter()
    for lines in split:
        content = [ln.strip() for ln in lines if ln.strip()]
        for ln in set(content[:3] + content[-3:]):
            edge[ln] += 1
    running = {ln for ln, n in edge.items() if n >= 2 and len(pages) >= 2 and len(ln) <= 120}
    cleaned: list[str] = []
    for lines in split:
        filled = [i for i, ln in enumerate(lines) if ln.strip()]
        edges = set(filled[:3] + filled[-3:])
        keep = [
            ln
            for i, ln in enumerate(lines)
            if not (ln.strip() in running or (i in edges and _PAGE_NUMBER.match(ln)))
        ]
        cleaned.append("\n".join(keep).strip())
    return cleaned


def _wrap_width(lines: Sequence[str]) -> int:
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    if not lengths:
        return 0
    return lengths[int(0.9 * (len(lengths) - 1))]


def is_hard_wrapped(text: str) -> bool:
    """Whether most lines stop near one width: text wrapped by a tool, not by its author."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 8:
        return False
    width = _wrap_width(lines)
    if width < 40 or width > 130:
        return False
    near = [ln for ln in lines if len(ln) >= _NEAR_WIDTH * width]
    mid_sentence = sum(1 for ln in near if not _FULL_STOP.search(ln))
    return len(near) / len(lines) >= _WRAP_SHARE and mid_sentence >= 0.5 * len(near)


_BULLETS = ("•", "-", "*", "–")
_JOIN_ZIPF = 2.0  # about once per 10 million words of English ("norovirus" 2.2)


class _Joined:
    """A line being joined from wrapped pieces. Its end is checked on a bounded tail and its
    pieces are joined once, so unwrapping stays linear however long a paragraph runs (a
    one-paragraph PDF page of a megabyte took minutes when each join re-read the whole line)."""

    def __init__(self, first: str) -> None:
        self.parts = [first]
        self.length = len(first)
        self.tail = first[-_TAIL:]

    def add(self, piece: str, sep: str = "", drop_last: bool = False) -> None:
        if drop_last:  # a line-end hyphen: it is the last character of the last piece
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
        self.parts += [sep, piece]
        self.length += len(sep) + len(piece)
        self.tail = (self.tail[:-1] if drop_last else self.tail) + sep + piece
        self.tail = self.tail[-_TAIL:]

    def text(self) -> str:
        return "".join(self.parts)


def unwrap(text: str) -> str:
    """Join lines that a fixed-width wrap broke, and repair words hyphenated across lines."""
    lines = text.splitlines()
    width = _wrap_width(lines)
    if not width:
        return text
    vocab = Counter(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    out: list[_Joined] = []
    for line in lines:
        stripped = line.strip()
        if (
            out
            and stripped
            and _continues(out[-1].tail, out[-1].length, stripped, width)
            and not _ends_item(out[-1].parts, line, width)
        ):
            hyphen = _HYPHEN_END.search(out[-1].tail)
            nxt = _WORD_START.match(stripped)
            if hyphen and nxt and _known_word(vocab, hyphen.group(1), nxt.group(1)):
                out[-1].add(stripped, drop_last=True)
            elif hyphen and nxt:
                out[-1].add(stripped)
            else:
                out[-1].add(stripped, " ")
        else:
            out.append(_Joined(line.rstrip()))
    return "\n".join(j.text() for j in out)


def _known_word(vocab: Counter[str], head: str, tail: str) -> bool:
    """Whether ``head`` + ``tail`` (a word broken by a line-end hyphen) occurs elsewhere in the
    document, as one word ("coordination") or with its own hyphens ("co-ordination")."""
    last = head.rsplit("-", 1)[-1]
    if vocab[(last + tail).lower()] > 0 or vocab[(head.replace("-", "") + tail).lower()] > 0:
        return True
    return _english_join(last.lower(), tail.lower())


def _english_join(head: str, tail: str) -> bool:
    """Whether ``head`` + ``tail`` is an English word more common than ``head`` alone: "respi-ratory"
    is "respiratory"; "well-being" and "long-term" keep their hyphens ("well" and "long" are commoner)."""
    from wordfreq import zipf_frequency

    joined = zipf_frequency(head + tail, "en")
    return joined >= _JOIN_ZIPF and joined > zipf_frequency(head, "en")


def _continues(p: str, length: int, line: str, width: int) -> bool:
    """``line`` carries on the sentence that the line before began (``p`` its end, without
    trailing space, ``length`` its length): it runs to the margin without ending a sentence, or
    ``line`` starts in lower case after a line that ends no sentence."""
    if not p or line.startswith(_BULLETS):
        return False
    lower_next = line[:1].islower()
    if lower_next and length >= 0.4 * width and not _FULL_STOP.search(p):
        return True
    if length < _NEAR_WIDTH * width:
        return False
    return not (_SENTENCE_END.search(p) and not p.endswith("-"))


def _ends_item(parts: Sequence[str], line: str, width: int) -> bool:
    """A list item's wrapped lines hang indented (or carry on in lower case); a line back at the
    margin that starts a new sentence after an item (``parts``: the item's pieces so far, its first
    line first) ends the list ("Everyone else pays ..."). But an item still on its first line,
    which ran to the margin, carries on whatever the case ("... transport to Moorside" / "Patient
    Transport, worth £14.7 million"): a PDF's text layer loses the hanging indent."""
    first = parts[0]
    if not first.lstrip().startswith(_BULLETS) or line[:1].isspace() or not line[:1].isupper():
        return False
    return not (len(parts) == 1 and len(first.strip()) >= _NEAR_WIDTH * width)


def plain_text_prose(text: str) -> str:
    """A plain-text file as prose: when it was wrapped at a fixed width (an export of a PDF or a
    mail), its "Page N" lines split it into pages whose running headers are dropped, and its
    wrapped lines are joined. Text written with one paragraph per line is returned unchanged."""
    if not is_hard_wrapped(text):
        return text
    pages: list[list[str]] = [[]]
    for line in text.splitlines():
        if _PAGE_LINE.match(line):
            pages.append([])
        else:
            pages[-1].append(line)
    joined = ["\n".join(p) for p in pages]
    return "\n\n".join(unwrap(p).strip("\n") for p in strip_page_furniture(joined) if p.strip()) + "\n"


def join_pages(pages: Sequence[str]) -> str:
    """Pages' texts as one document. A sentence that runs over a page break is one sentence again
    (the page ends mid-sentence and the next starts in lower case: "you can start guided self-help,
    with a" / "practitioner supporting you"), and a list that runs over one stays one block (an item
    ends the page and an item starts the next); other pages are paragraphs apart."""
    out = ""
    for page in (p.strip() for p in pages):
        if not page:
            continue
        if out:
            last = out.rsplit("\n", 1)[-1]
            if page[:1].islower() and not _SENTENCE_END.search(last):
                out += " "
            elif LIST_MARK.match(last) and LIST_MARK.match(page):
                out += "\n"
            else:
                out += "\n\n"
        out += page
    return out
