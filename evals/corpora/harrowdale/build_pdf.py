#!/usr/bin/env python3
"""Build the maternity consultation PDF from its Markdown source text (needs fpdf2).

Run with a Python that has fpdf2 installed, for example:
    python3 -m venv /tmp/pdfenv && /tmp/pdfenv/bin/pip install fpdf2
    /tmp/pdfenv/bin/python build_pdf.py
Core PDF fonts only cover Latin-1, so the source text avoids curly quotes and dashes.
"""
from pathlib import Path
from fpdf import FPDF

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "source-text" / "harrowdale-maternity-consultation.md"
OUT = ROOT / "corpus" / "harrowdale-maternity-consultation.pdf"
HEADER = "NHS Harrowdale and Ember Valley ICB - Birth services consultation 2027"


class ConsultationPDF(FPDF):
    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, HEADER, align="R")
        self.ln(10)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


pdf = ConsultationPDF(format="A4")
pdf.set_title("Have your say: the future of birth services in Ember Valley")
pdf.set_author("NHS Harrowdale and Ember Valley ICB")
pdf.set_creation_date(__import__("datetime").datetime(2027, 1, 12, 9, 0, tzinfo=__import__("datetime").timezone.utc))
pdf.set_margins(22, 18, 22)
pdf.set_auto_page_break(auto=True, margin=22)
pdf.add_page()
for line in SRC.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    pdf.set_text_color(0, 0, 0)
    if line.startswith("# "):
        pdf.set_font("Helvetica", "B", 18)
        pdf.multi_cell(0, 9, line[2:], new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    elif line.startswith("## "):
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(0, 7, line[3:], new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    elif line.startswith("### "):
        pdf.ln(1)
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, line[4:], new_x="LMARGIN", new_y="NEXT")
    elif line.startswith("- "):
        pdf.set_font("Helvetica", "", 11)
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(5, 5.5, "-")
        pdf.multi_cell(0, 5.5, line[2:], new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    else:
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
pdf.output(str(OUT))
print("wrote", OUT, "pages:", pdf.page_no())
