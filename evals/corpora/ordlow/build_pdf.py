#!/usr/bin/env python3
"""Build the school nursing plan PDF from its source text (needs reportlab).

Adapted (blind34) from the Vellacombe and Thrushley kit's build_pdf.py.

Source line prefixes: T title, S subtitle, H heading, P paragraph, B bullet,
N numbered list item ("1. ..."; continuation lines get a hanging indent).
A "~" inside a word marks where it may be hyphenated if it falls at a line end
(at least one does, so the PDF contains a word split across two lines).

reportlab is not installed in /work/main/.venv, so this is run with the
system interpreter, which has it (reportlab 3.6.12):  /usr/bin/python3 build_pdf.py
"""
from pathlib import Path
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "owm-school-nursing-plan.txt"
OUT = ROOT / "corpus" / "owm-school-nursing-plan.pdf"

W, H = A4
LM, RM, TOP, BOTTOM = 28 * mm, 28 * mm, 32 * mm, 30 * mm
BODY, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, LEAD = 12, 18.5
HEADER = "NHS Ordlow and Wistmarch Integrated Care Board  |  Healthy Futures School Nursing Plan 2027 to 2029"


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
            for ln in wrap(text, BOLD, 18, width):
                need(24); page.append(("T", LM, y, ln)); y -= 24
        elif kind == "S":
            for ln in wrap(text, BODY, 10, width):
                need(14); page.append(("S", LM, y, ln)); y -= 14
            y -= 12
        elif kind == "H":
            need(LEAD * 3); y -= 6; page.append(("H", LM, y, text)); y -= LEAD + 2
        elif kind == "P":
            for ln in wrap(text, BODY, SIZE, width):
                need(LEAD); page.append(("P", LM, y, ln)); y -= LEAD
            y -= 6
        elif kind == "N":
            num, rest = text.split(" ", 1)
            for i, ln in enumerate(wrap(rest, BODY, SIZE, width - 6 * mm)):
                need(LEAD)
                page.append(("P", LM + (0 if i == 0 else 6 * mm), y, (num + " " + ln) if i == 0 else ln)); y -= LEAD
            y -= 3
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
    c.setTitle("Healthy Futures: our school nursing plan 2027 to 2029")
    c.setAuthor("NHS Ordlow and Wistmarch Integrated Care Board")
    for n, page in enumerate(pages, 1):
        c.setFont(BODY, 8.5); c.setFillGray(0.35)
        c.drawString(LM, H - 15 * mm, HEADER)
        c.line(LM, H - 17 * mm, W - RM, H - 17 * mm)
        c.line(LM, 18 * mm, W - RM, 18 * mm)
        c.drawString(LM, 13 * mm, "ow-icb.example/school-nursing")
        c.drawRightString(W - RM, 13 * mm, f"Page {n} of {len(pages)}")
        c.setFillGray(0)
        for kind, x, y, text in page:
            font, size = {"T": (BOLD, 18), "S": (BODY, 10), "H": (BOLD, 13.5)}.get(kind, (BODY, SIZE))
            c.setFont(font, size); c.drawString(x, y, text)
        c.showPage()
    c.save()
    print("wrote", OUT, "pages:", len(pages), "hyphenated line ends:", hyphenated)


if __name__ == "__main__":
    main()
