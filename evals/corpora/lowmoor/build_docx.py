#!/usr/bin/env python3
"""Build the staff-briefing DOCX from its Markdown-like source text (needs python-docx).

Run with: python3 build_docx.py
"""
from datetime import datetime
from pathlib import Path
from docx import Document
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "lowmoor-hospital-at-home-staff-briefing.md"
OUT = ROOT / "corpus" / "lowmoor-hospital-at-home-staff-briefing.docx"

doc = Document()
doc.styles["Normal"].font.name = "Arial"
doc.styles["Normal"].font.size = Pt(11)
doc.core_properties.title = "Hospital at Home: staff briefing on the move to 80 beds"
doc.core_properties.author = "Esk Valley Community Health NHS Trust"
doc.core_properties.created = datetime(2026, 6, 1, 8, 30)
for line in SRC.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    if line.startswith("# "):
        doc.add_heading(line[2:], level=1)
    elif line.startswith("## "):
        doc.add_heading(line[3:], level=2)
    elif line.startswith("- "):
        doc.add_paragraph(line[2:], style="List Bullet")
    elif line.split(":", 1)[0] in {"To", "From", "Date"}:
        # bold memo field label, value in normal weight
        head, rest = line.split(": ", 1)
        p = doc.add_paragraph()
        p.add_run(head + ": ").bold = True
        p.add_run(rest)
    elif line.startswith("INTERNAL"):
        p = doc.add_paragraph()
        p.add_run(line).bold = True
    else:
        doc.add_paragraph(line)
doc.save(OUT)
print("wrote", OUT)
