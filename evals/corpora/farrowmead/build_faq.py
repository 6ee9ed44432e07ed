#!/usr/bin/env python3
"""Build the tongue-tie FAQ plain-text file from its source text (stdlib only).

Written for the Farrowmead and Cobblestoke kit (blind32).

Source lines: "#TITLE " title (printed in capitals with an underline),
"#SUB " lines under the title, "#CONTACT " lines of the contact block
(wrapped with a six-space hanging indent, after a "CONTACT US" heading), "Qn. ...?" question lines
(kept on one line), "- " bullets (printed as "  - " with a hanging indent),
anything else a paragraph. Paragraphs and bullets are hard-wrapped at 75
characters. Run with: python3 build_faq.py
"""
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "fmc-tongue-tie-faq.txt"
OUT = ROOT / "corpus" / "fmc-tongue-tie-faq.txt"
WIDTH = 75

out, contact = [], []
for line in SRC.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    if line.startswith("#TITLE "):
        title = line[7:]
        out += [title, "=" * len(title)]
    elif line.startswith("#SUB "):
        out.append(line[5:])
    elif line.startswith("#CONTACT "):
        contact.append(line[9:])
    elif line[:1] == "Q" and line.split(" ", 1)[0][1:-1].isdigit() and line.rstrip().endswith("?"):
        out += ["", line.rstrip()]
    elif line.startswith("- "):
        out += textwrap.wrap(line[2:], WIDTH, initial_indent="  - ", subsequent_indent="    ")
    else:
        if out and not out[-1].startswith("Q") and not out[-1].startswith("  "):
            out.append("")
        out += textwrap.wrap(line, WIDTH)
if contact:
    out += ["", "CONTACT US", "----------"]
    for c in contact:
        out += textwrap.wrap(c, WIDTH, subsequent_indent="      ")
OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
print("wrote", OUT, "lines:", len(out), "longest:", max(len(l) for l in out))
