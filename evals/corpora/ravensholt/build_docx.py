#!/usr/bin/env python3
"""Build the annual-plan DOCX from its Markdown source text (needs python-docx).

Run with: python3 build_docx.py   (pip install --user python-docx if missing)
"""
from datetime import datetime
from pathlib import Path
from docx import Document
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "ravensholt-annual-plan-2026-27.md"
OUT = ROOT / "corpus" / "ravensholt-annual-plan-2026-27.docx"

doc = Document()
doc.styles["Normal"].font.name = "Arial"
doc.styles["Normal"].font.size = Pt(11)
doc.core_properties.title = "Our annual plan 2026/27: five priorities for Ravensholt and Tarn"
doc.core_properties.author = "NHS Ravensholt and Tarn ICB"
doc.core_properties.created = datetime(2026, 3, 26, 9, 0)
for line in SRC.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    if line.startswith("# "):
        doc.add_heading(line[2:], level=1)
    elif line.startswith("## "):
        doc.add_heading(line[3:], level=2)
    elif line.startswith("- "):
        doc.add_paragraph(line[2:], style="List Bullet")
    elif line.startswith("Margaret Oyelaran-Hughes"):
        p = doc.add_paragraph()
        p.add_run(line).italic = True
    else:
        doc.add_paragraph(line)
doc.save(OUT)
print("wrote", OUT)
