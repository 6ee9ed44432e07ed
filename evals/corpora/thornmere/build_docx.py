#!/usr/bin/env python3
"""Build the board-summary DOCX from its Markdown source text (needs python-docx).

Run with: /work/main/.venv/bin/python build_docx.py
"""
from pathlib import Path
from docx import Document
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "thornmere-board-summary-june-2026.md"
OUT = ROOT / "corpus" / "thornmere-board-summary-june-2026.docx"

doc = Document()
doc.styles["Normal"].font.name = "Arial"
doc.styles["Normal"].font.size = Pt(11)
doc.core_properties.title = "Board meeting in public: summary of the meeting held on 3 June 2026"
doc.core_properties.author = "NHS Thornmere and Ashby ICB"
for line in SRC.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    if line.startswith("# "):
        doc.add_heading(line[2:], level=1)
    elif line.startswith("## "):
        doc.add_heading(line[3:], level=2)
    elif line.startswith("- "):
        doc.add_paragraph(line[2:], style="List Bullet")
    else:
        doc.add_paragraph(line)
doc.save(OUT)
print("wrote", OUT)
