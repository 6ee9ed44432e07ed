#!/usr/bin/env python3
"""Build the Little Sunbeam plain-text FAQ from its source text (stdlib only).

Written for blind28 (no earlier build_faq.py was opened).

Source lines: "Q: ..." a question, written out as a single "Qn. ..." line
(numbered from 1); "- ..." a bullet, written as "  - ..." with continuation
lines indented four spaces; "! ..." kept verbatim (header, contact block and
footer; "!" alone is a blank line); any other non-blank lines are joined into
a paragraph; blank lines end a paragraph. Answers are hard-wrapped at 75
characters. Run with: python3 build_faq.py
"""
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "tev-vitamins-scheme-faq.src"
OUT = ROOT / "corpus" / "tev-vitamins-scheme-faq.txt"
WIDTH = 75

out, para, qn = [], [], 0


def flush():
    global para
    if para:
        out.extend(textwrap.wrap(" ".join(para), WIDTH, break_on_hyphens=False))
        out.append("")
        para = []


for line in SRC.read_text(encoding="utf-8").splitlines():
    if line.startswith("!"):
        flush()
        out.append(line[2:] if len(line) > 1 else "")
    elif line.startswith("Q: "):
        flush()
        qn += 1
        q = f"Q{qn}. {line[3:].strip()}"
        assert len(q) <= WIDTH, q
        out.append(q)
    elif line.startswith("- "):
        flush()
        out.extend(textwrap.wrap(line[2:], WIDTH, initial_indent="  - ", subsequent_indent="    ", break_on_hyphens=False))
    elif line.strip():
        if out and out[-1].startswith(("  - ", "    ")) and not para:
            out.append("")
        para.append(line.strip())
    else:
        flush()
        if out and out[-1] != "":
            out.append("")
flush()
text = "\n".join(out).rstrip() + "\n"
while "\n\n\n" in text:
    text = text.replace("\n\n\n", "\n\n")
OUT.write_text(text, encoding="utf-8")
print("wrote", OUT, "questions:", qn, "longest line:", max(len(l) for l in text.splitlines()))
