#!/usr/bin/env python3
"""Build the Individual Funding Requests plain-text FAQ from its source text (stdlib only).

Written for blind34 (the example kit had no FAQ builder).

Source lines: "Q<n>. ..." question lines are kept whole on one line; "- " bullets
become "  - " items whose continuation lines are indented four spaces; a line
that is only "=" becomes a rule of "=" characters; lines starting with
"Phone:", "Email:", "Post:" or written in capitals are kept as they are, except
that an over-long contact line is wrapped with a four-space indent; any other
line is a paragraph, hard-wrapped at 75 characters. A blank line is kept.
Run with: python3 build_faq.py
"""
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "owm-individual-funding-requests-faq.txt"
OUT = ROOT / "corpus" / "owm-individual-funding-requests-faq.txt"
WIDTH = 75

out = []
for line in SRC.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        out.append("")
    elif line.strip() == "=":
        out.append("=" * WIDTH)
    elif re.match(r"^Q\d+\. ", line):
        out.append(line)
    elif line.startswith("- "):
        out.extend(textwrap.wrap(line[2:], WIDTH, initial_indent="  - ", subsequent_indent="    ",
                                 break_on_hyphens=False))
    elif line.startswith(("Phone:", "Email:", "Post:")) or line == line.upper():
        out.extend(textwrap.wrap(line, WIDTH, subsequent_indent="    ", break_on_hyphens=False) or [line])
    else:
        out.extend(textwrap.wrap(line, WIDTH, break_on_hyphens=False))
text = "\n".join(out).rstrip() + "\n"
OUT.write_text(text, encoding="utf-8")
print("wrote", OUT, "lines:", len(out), "longest:", max(len(l) for l in out))
