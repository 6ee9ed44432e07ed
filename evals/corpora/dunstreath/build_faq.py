#!/usr/bin/env python3
"""Build the plain-text gluten-free prescriptions FAQ from its source (stdlib only). Written for blind21.

Source lines: "!" verbatim header line (the "!" is dropped), "Qn. ..." question
line (kept on one line), "- " bullet (wrapped, "  - " then 4-space hanging
indent), "Phone:", "Email:" or "Post:" contact line (wrapped with a 6-space
hanging indent), blank line kept, anything else a paragraph wrapped at 75.
Run with: python3 build_faq.py
"""
import re, textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "dse-gluten-free-prescriptions-faq.src"
OUT = ROOT / "corpus" / "dse-gluten-free-prescriptions-faq.txt"
WIDTH = 75

out = []
for line in SRC.read_text(encoding="utf-8").splitlines():
    if line.startswith("!"):
        out.append(line[1:])
    elif not line.strip():
        out.append("")
    elif re.match(r"^Q\d+\. ", line):
        assert len(line) <= WIDTH, line
        out.append(line)
    elif line.startswith("- "):
        out += textwrap.wrap(line[2:], WIDTH, initial_indent="  - ", subsequent_indent="    ")
    elif line.split(":", 1)[0] in ("Phone", "Email", "Post"):
        out += textwrap.wrap(line, WIDTH, subsequent_indent="      ")
    else:
        out += textwrap.wrap(line, WIDTH)
OUT.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
print("wrote", OUT, "lines:", len(out), "longest:", max(len(l) for l in out))
