#!/usr/bin/env python3
"""Build the specialist fertility services policy PDF from its source text (needs reportlab).

Adapted from the Marlhaven kit's build_pdf.py. Source line prefixes:
T title, S subtitle, H numbered section heading, P paragraph, B bullet,
N numbered list item written "N 3.1|text" (number drawn in the margin column,
text with a hanging indent). A "~" inside a word marks where it may be
hyphenated if it falls at a line end (at least one does, so the PDF contains a
word split across two lines).

reportlab is not installed in /work/main/.venv, so run this with the system
interpreter, which has it:  python3 build_pdf.py
"""
from pathlib import Path
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "corvel-fertility-commissioning-policy.txt"
OUT = ROOT / "corpus" / "corvel-fertility-commissioning-policy.pdf"

W, H = A4
LM, RM, TOP, BOTTOM = 27 * mm, 27 * mm, 31 * mm, 30 * mm
BODY, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, LEAD = 11.5, 17.5
HEADER = "NHS Corvel Bay and Ashmoor Integrated Care Board  |  Specialist fertility services policy 2026"
INDENT = 11 * mm


def wrap(text, font, size, width):
    """Greedy wrap; a word containing '~' is split there with a hyphen."""
    lines, cur = [], ""
    for word in text.split():
        plain = word.replace("~", "")
        trial = (cur + " " + plain).strip()
        if stringWidth(trial, font, size) <= width:
            cur = trial
            continue
        if "~" in word:
            head, tail = word.split("~", 1)
            if stringWidth((cur + " " + head + "-").strip(), font, size) <= width:
                lines.append((cur + " " + head + "-").strip()); cur = tail; continue
        lines.append(cur); cur = plain
    if cur:
        lines.append(cur)
    return lines


def layout(blocks):
    """Turn blocks into pages of (kind, x, y, text) line records."""
    width = W - LM - RM
    pages, page, y = [], [], H - TOP
    def need(h):
        nonlocal page, y
        if y - h < BOTTOM:
            pages.append(page); page, y = [], H - TOP
    for kind, text in blocks:
        if kind == "T":
            for ln in wrap(text, BOLD, 17, width):
                need(23); page.append(("T", LM, y, ln)); y -= 23
        elif kind == "S":
            for ln in wrap(text, BODY, 9.5, width):
                need(14); page.append(("S", LM, y, ln)); y -= 14
            y -= 10
        elif kind == "H":
            need(LEAD * 3); y -= 6; page.append(("H", LM, y, text)); y -= LEAD + 2
        elif kind == "P":
            for ln in wrap(text, BODY, SIZE, width):
                need(LEAD); page.append(("P", LM, y, ln)); y -= LEAD
            y -= 7
        elif kind == "N":
            num, body = text.split("|", 1)
            for i, ln in enumerate(wrap(body, BODY, SIZE, width - INDENT)):
                need(LEAD)
                if i == 0:
                    page.append(("N", LM, y, num + "\u2003" + ln))  # number and first line, split again when drawn
                else:
                    page.append(("P", LM + INDENT, y, ln))
                y -= LEAD
            y -= 5
        elif kind == "B":
            for i, ln in enumerate(wrap(text, BODY, SIZE, width - 6 * mm)):
                need(LEAD)
                if i == 0:
                    page.append(("bullet", LM + 1.5 * mm, y, "\u2022"))
                page.append(("P", LM + 6 * mm, y, ln)); y -= LEAD
            y -= 3
    pages.append(page)
    return pages


def main():
    blocks = []
    for line in SRC.read_text(encoding="utf-8").splitlines():
        if line.strip():
            kind, text = line.split(" ", 1)
            blocks.append((kind, text))
    pages = layout(blocks)
    hyphenated = [t for pg in pages for (_, _, _, t) in pg if t.endswith("-") and not t.endswith(" -")]
    c = canvas.Canvas(str(OUT), pagesize=A4)
    c.setTitle("Specialist fertility services (IVF and ICSI): commissioning policy")
    c.setAuthor("NHS Corvel Bay and Ashmoor Integrated Care Board")
    for n, page in enumerate(pages, 1):
        c.setFont(BODY, 8.5); c.setFillGray(0.35)
        c.drawString(LM, H - 15 * mm, HEADER)
        c.line(LM, H - 17 * mm, W - RM, H - 17 * mm)
        c.line(LM, 20 * mm, W - RM, 20 * mm)
        c.drawString(LM, 14 * mm, "corvelbayashmoor-icb.example/policies/fertility")
        c.drawRightString(W - RM, 14 * mm, f"Page {n} of {len(pages)}")
        c.setFillGray(0)
        for kind, x, y, text in page:
            if kind == "N":
                num, body = text.split("\u2003", 1)
                c.setFont(BOLD, SIZE); c.drawString(x, y, num)
                c.setFont(BODY, SIZE); c.drawString(x + INDENT, y, body)
                continue
            font, size = {"T": (BOLD, 17), "S": (BODY, 9.5), "H": (BOLD, 13.5)}.get(kind, (BODY, SIZE))
            c.setFont(font, size); c.drawString(x, y, text)
        c.showPage()
    c.save()
    print("wrote", OUT, "pages:", len(pages), "hyphenated line ends:", hyphenated)


if __name__ == "__main__":
    main()
