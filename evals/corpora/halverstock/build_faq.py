#!/usr/bin/env python3
"""Build the plain-text medical examiner FAQ from its source (stdlib only).

Written for blind30 (the example kit had no FAQ builder).

Source lines:
  "= text"  a raw line, copied as it is (title block, contact block)
  "Q text"  a question: written as one line, "Qn. text", numbered from 1
  "- text"  a bullet in an answer: "  - " then the text, wrapped with a 4-space hanging indent
  anything else: an answer or intro paragraph, hard-wrapped at 75 characters
  a blank line: a blank line
Run with: python3 build_faq.py
"""
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "hmy-medical-examiner-faq.src"
OUT = ROOT / "corpus" / "hmy-medical-examiner-faq.txt"
WIDTH = 75

out, n = [], 0
for line in SRC.read_text(encoding="utf-8").splitlines():
    if line.startswith("= ") or line == "=":
        out.append(line[2:])
    elif line.startswith("Q "):
        n += 1
        if out and out[-1] != "":
            out.append("")
        out.append(f"Q{n}. {line[2:]}")
    elif line.startswith("- "):
        out.extend(textwrap.wrap(line[2:], WIDTH, initial_indent="  - ", subsequent_indent="    ",
                                 break_long_words=False, break_on_hyphens=False))
    elif not line.strip():
        out.append("")
    else:
        out.extend(textwrap.wrap(line, WIDTH, break_long_words=False, break_on_hyphens=False))
OUT.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
print("wrote", OUT, "questions:", n, "longest line:", max(len(l) for l in out))
