#!/usr/bin/env python3
"""Build the plain-text health records FAQ from its source text (standard library only).

Written for blind22. Source lines: "# " title (underlined with "="), "Q " a question
(numbered Q1., Q2., ... and kept on one line), "- " a bullet ("  - ", wrapped with a
hanging indent), "> " a line copied as it is (header and contact block), anything else
a paragraph hard-wrapped at 75 characters. Blank lines separate blocks.
Run with: python3 build_faq.py
"""
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "dmk-health-records-faq.txt"
OUT = ROOT / "corpus" / "dmk-health-records-faq.txt"
WIDTH = 75


def main():
    out, qn = [], 0
    for line in SRC.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            out.append("")
        elif line.startswith("# "):
            out += [line[2:], "=" * len(line[2:])]
        elif line.startswith("Q "):
            qn += 1
            out.append(f"Q{qn}. {line[2:]}")
        elif line.startswith("- "):
            out += textwrap.wrap(line[2:], WIDTH, initial_indent="  - ", subsequent_indent="    ")
        elif line.startswith("> "):
            out.append(line[2:])
        else:
            out += textwrap.wrap(line, WIDTH)
    OUT.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
    print("wrote", OUT, "questions:", qn, "longest line:", max(len(l) for l in out))


if __name__ == "__main__":
    main()
