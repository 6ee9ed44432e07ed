#!/usr/bin/env python3
"""Build the strategy-summary DOCX from its Markdown source text (needs python-docx).

Run with: /work/main/.venv/bin/python build_docx.py
"""
from datetime import datetime
from pathlib import Path
from docx import Document
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "harrowdale-strategy-2027-2032.md"
OUT = ROOT / "corpus" / "harrowdale-strategy-2027-2032.docx"

doc = Document()
doc.styles["Normal"].font.name = "Arial"
doc.styles["Normal"].font.size = Pt(11)
doc.core_properties.title = "Healthier Together: our five-year strategy 2027 to 2032"
doc.core_properties.author = "NHS Harrowdale and Ember Valley ICB"
doc.core_properties.created = datetime(2026, 12, 7, 9, 0)
for line in SRC.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    if line.startswith("# "):
        doc.add_heading(line[2:], level=1)
    elif line.startswith("## "):
        doc.add_heading(line[3:], level=2)
    elif line.startswith("- "):
        doc.add_paragraph(line[2:], style="List Bullet")
    elif line.startswith("Target ") and ". " in line:
        # bold "Target N." lead-in, rest of the paragraph in normal weight
        head, rest = line.split(". ", 1)
        p = doc.add_paragraph()
        p.add_run(head + ". ").bold = True
        p.add_run(rest)
    else:
        doc.add_paragraph(line)
doc.save(OUT)
print("wrote", OUT)
