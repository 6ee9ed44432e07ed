#!/usr/bin/env python3
"""Build the plain-text hospital visiting FAQ from its source text (stdlib only).

Written for blind24. Source lines: question lines "Qn. ...?" are copied as
single lines; "- " lines become bullets ("  - ", continuation lines indented
four spaces); the contact lines (Phone:/Email:/Post:) and the four heading
lines at the top are copied as they are; every other line is a paragraph,
hard-wrapped at 75 characters. A blank line goes after each paragraph block.
Run with: python3 build_faq.py
"""
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "tmw-hospital-visiting-faq.txt"
OUT = ROOT / "corpus" / "tmw-hospital-visiting-faq.txt"
WIDTH = 75

lines = SRC.read_text(encoding="utf-8").splitlines()
out = []
head_done = False
for i, line in enumerate(lines):
    if not line.strip():
        if out and out[-1] != "":
            out.append("")
        continue
    if not head_done:
        out.append(line)                      # title block, kept as written
        if line.startswith("Updated:"):
            head_done = True
            out.append("=" * 40)
        continue
    if re.match(r"^Q\d+\. .*\?$", line) or re.match(r"^(Phone|Email|Post):", line):
        out.append(line)
    elif line.startswith("- "):
        out.extend(textwrap.wrap(line[2:], WIDTH, initial_indent="  - ", subsequent_indent="    "))
    else:
        out.extend(textwrap.wrap(line, WIDTH))
text = "\n".join(out).rstrip() + "\n"
OUT.write_text(text, encoding="utf-8")
print("wrote", OUT, "lines:", len(out), "longest:", max(len(l) for l in out))
