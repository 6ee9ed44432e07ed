#!/usr/bin/env python3
"""Build the uniforms staff memo DOCX from its Markdown-like source text (needs python-docx).

Adapted (blind34) from the Vellacombe and Thrushley kit's build_docx.py.

Source lines: "# " title (heading 1), "## " heading 2, "- " bullet,
"| a | b | c |" table rows (first row is the header), "Label: value" memo
header lines (To/From/Date/Reference, label in bold), anything else a paragraph.
Run with: /work/main/.venv/bin/python build_docx.py
"""
from datetime import datetime
from pathlib import Path
from docx import Document
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "owm-uniforms-laundry-staff-memo.md"
OUT = ROOT / "corpus" / "owm-uniforms-laundry-staff-memo.docx"
MEMO_LABELS = ("To", "From", "Date", "Reference")

doc = Document()
doc.styles["Normal"].font.name = "Arial"
doc.styles["Normal"].font.size = Pt(11)
doc.core_properties.title = "New uniforms and uniform rules from 1 July 2027"
doc.core_properties.author = "NHS Ordlow and Wistmarch Integrated Care Board"
doc.core_properties.created = datetime(2027, 5, 17, 9, 0)

rows = []
def flush_table():
    global rows
    if not rows:
        return
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    rows = []

for line in SRC.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    if line.startswith("|"):
        if set(line.replace("|", "").strip()) <= set("-: "):
            continue
        rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        continue
    flush_table()
    if line.startswith("# "):
        doc.add_heading(line[2:], level=1)
    elif line.startswith("## "):
        doc.add_heading(line[3:], level=2)
    elif line.startswith("- "):
        doc.add_paragraph(line[2:], style="List Bullet")
    elif line.split(":", 1)[0] in MEMO_LABELS:
        label, rest = line.split(":", 1)
        p = doc.add_paragraph()
        p.add_run(label + ":").bold = True
        p.add_run(rest)
    elif line.startswith("STAFF ONLY"):
        p = doc.add_paragraph()
        r = p.add_run(line); r.bold = True; r.font.size = Pt(10)
    else:
        doc.add_paragraph(line)
flush_table()
doc.save(OUT)
print("wrote", OUT)
