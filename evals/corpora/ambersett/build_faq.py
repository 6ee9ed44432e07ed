#!/usr/bin/env python3
"""Build the plain-text help with health costs FAQ from its source text (stdlib only).

Written for blind26 (the example kit has no FAQ builder).

Source line prefixes: TITLE title line (upper-cased title, then a rule), META
line under the title, P paragraph, Q question (numbered Q1., Q2., ... in
order, kept on one line), B bullet ("  - ", continuation lines indented to
match), C contact-block line copied as it is. Paragraphs and bullets are
hard-wrapped at 75 characters.

Run with: python3 build_faq.py
"""
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "atw-health-costs-faq.txt"
OUT = ROOT / "corpus" / "atw-health-costs-faq.txt"
WIDTH = 75


def main():
    out, qn, prev = [], 0, None
    for line in SRC.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        kind, text = line.split(" ", 1)
        if prev == "TITLE" and kind != "TITLE":
            out += ["=" * max(len(l) for l in out), ""]
        if kind == "TITLE":
            out.append(text)
        elif kind == "META":
            out.append(text)
        elif kind == "Q":
            qn += 1
            out += ["", "", f"Q{qn}. {text}", ""]
        elif kind == "P":
            if prev in ("P", "B", "META"):
                out.append("")
            out += textwrap.wrap(text, WIDTH, break_on_hyphens=False, break_long_words=False)
        elif kind == "B":
            if prev == "P":
                out.append("")
            out += textwrap.wrap(text, WIDTH, initial_indent="  - ", subsequent_indent="    ",
                                 break_on_hyphens=False, break_long_words=False)
        elif kind == "C":
            if prev != "C":
                out.append("")
            out.append(text)
        else:
            raise SystemExit(f"unknown line kind {kind!r}")
        prev = kind
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print("wrote", OUT, "questions:", qn, "longest line:", max(len(l) for l in out))


if __name__ == "__main__":
    main()
