#!/usr/bin/env python3
"""Validate the Harrowdale and Ember Valley eval kit.

Stdlib only: the DOCX is read with zipfile, the PDF with zlib and a small
content-stream parser (enough for the Latin-1 core-font text that fpdf2 writes).
If pypdf happens to be importable, the PDF text is also cross-checked with it.
"""
import html, json, re, sys, zipfile, zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
SOURCE_TEXT = ROOT / "source-text"
KINDS = {"news", "guidance", "faq", "letter", "report", "policy"}
CATEGORIES = {"factual", "paraphrase", "list", "followup", "unanswerable"}
errors = []

def load_manifest():
    # tiny parser for the fixed manifest layout (avoids a PyYAML dependency)
    docs, cur = {}, None
    for line in (CORPUS / "manifest.yaml").read_text().splitlines():
        if re.match(r"^  [\w-]+:\s*$", line):
            cur = line.strip()[:-1]; docs[cur] = {}
        elif cur and re.match(r"^    \w+:", line):
            k, v = line.strip().split(":", 1); docs[cur][k] = v.strip().strip('"')
    return docs

def docx_text(path):
    # paragraphs of word/document.xml, joined with newlines
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    paras = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        runs = re.findall(r"<w:t(?: [^>]*)?>(.*?)</w:t>", p, flags=re.S)
        paras.append(html.unescape("".join(runs)))
    return "\n".join(x for x in paras if x.strip())

PDF_STRING = re.compile(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", re.S)
PDF_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

def pdf_unescape(raw):
    def sub(m):
        e = m.group(1)
        if e[:1].isdigit(): return bytes([int(e, 8) & 0xFF])
        return PDF_ESC.get(e, e)
    return re.sub(rb"\\([0-7]{1,3}|.)", sub, raw, flags=re.S).decode("latin-1")

def pdf_pages(path):
    # one list of text lines (one per Tj) for each compressed content stream, in file order
    data, pages = path.read_bytes(), []
    for body in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, flags=re.S):
        try: content = zlib.decompress(body)
        except zlib.error: continue
        # one line per BT ... ET text object; strings shown inside one object are joined
        # (fpdf2 writes the "{nb}" page total as a separate Tj after "Page N of ")
        lines = ["".join(pdf_unescape(m) for m in PDF_STRING.findall(obj))
                 for obj in re.findall(rb"\bBT\b(.*?)\bET\b", content, flags=re.S)]
        lines = [l for l in lines if l]
        if lines: pages.append(lines)
    return pages

def pdf_text(path):
    return "\n".join(line for page in pdf_pages(path) for line in page)

def visible_text(path):
    if path.suffix == ".docx":
        return norm(docx_text(path))
    if path.suffix == ".pdf":
        return norm(pdf_text(path))
    t = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        t = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", t, flags=re.S | re.I)
        t = re.sub(r"<!--.*?-->", " ", t, flags=re.S)
        t = html.unescape(re.sub(r"<[^>]+>", " ", t))
    elif path.suffix == ".md":
        t = re.sub(r"[*_`]", "", t)
    return norm(t)

def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip().lower()

manifest = load_manifest()
texts = {}
for did, meta in manifest.items():
    for k in ("title", "kind", "date", "audience", "source"):
        if k not in meta: errors.append(f"manifest {did}: missing {k}")
    if meta.get("kind") not in KINDS: errors.append(f"manifest {did}: bad kind {meta.get('kind')!r}")
    if meta.get("audience") not in {"public", "staff"}: errors.append(f"manifest {did}: bad audience")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("date", "")): errors.append(f"manifest {did}: bad date")
    files = [f for f in CORPUS.glob(did + ".*") if f.name != "manifest.yaml"]
    if len(files) != 1: errors.append(f"manifest {did}: expected one file, found {files}"); continue
    texts[did] = visible_text(files[0])
    n = len(texts[did].split())
    if not 500 <= n <= 900: errors.append(f"{did}: {n} words (want 500-900)")
    if files[0].suffix == ".docx":
        # the Markdown copy kept outside corpus/ must say the same thing as the DOCX
        src = SOURCE_TEXT / (did + ".md")
        if not src.exists(): errors.append(f"{did}: no source-text copy {src.name}")
        elif norm(re.sub(r"^#+ |^- ", "", src.read_text(encoding="utf-8"), flags=re.M)) != texts[did]:
            errors.append(f"{did}: DOCX text differs from {src.name} (re-run build_docx.py)")
    if files[0].suffix == ".pdf":
        # running header on every page, "Page N of M" footer on every page, and the body
        # (header, footer and bullet dashes removed) must say the same as the source-text copy
        pages = pdf_pages(files[0])
        if len(pages) < 2: errors.append(f"{did}: PDF should have at least 2 pages, found {len(pages)}")
        header = pages[0][0] if pages else ""
        for i, page in enumerate(pages, 1):
            if page[0] != header: errors.append(f"{did}: page {i} lacks the running header")
            if page[-1] != f"Page {i} of {len(pages)}": errors.append(f"{did}: page {i} footer is {page[-1]!r}")
        body = [l for page in pages for l in page[1:-1] if l.strip() != "-"]
        src = SOURCE_TEXT / (did + ".md")
        if not src.exists(): errors.append(f"{did}: no source-text copy {src.name}")
        elif norm(re.sub(r"^#+ |^- ", "", src.read_text(encoding="utf-8"), flags=re.M)) != norm("\n".join(body)):
            errors.append(f"{did}: PDF text differs from {src.name} (re-run build_pdf.py)")
        try:
            import pypdf  # optional cross-check; not needed for the checks above
        except ImportError:
            pypdf = None
        if pypdf is not None:
            other = norm("\n".join(p.extract_text() for p in pypdf.PdfReader(str(files[0])).pages))
            if other != texts[did]: errors.append(f"{did}: pypdf extracts different text from the stdlib parser")
stray = {f.name for f in CORPUS.iterdir()} - {"manifest.yaml"} - {f.name for d in manifest for f in CORPUS.glob(d + ".*")}
if stray: errors.append(f"files in corpus/ not in manifest: {sorted(stray)}")
public = [d for d, m in manifest.items() if m.get("audience") == "public"]
staff = [d for d, m in manifest.items() if m.get("audience") == "staff"]

items, cats = [], Counter()
for ln, line in enumerate((ROOT / "questions.jsonl").read_text().splitlines(), 1):
    try: q = json.loads(line)
    except json.JSONDecodeError as e: errors.append(f"line {ln}: bad JSON {e}"); continue
    items.append(q)
    missing = [k for k in ("id", "question", "answerable", "expected_sources", "expected_facts", "category") if k not in q]
    if missing: errors.append(f"{q.get('id', ln)}: missing {missing}"); continue
    extra = set(q) - {"id", "question", "answerable", "expected_sources", "expected_facts", "category", "audience", "history"}
    if extra: errors.append(f"{q['id']}: unexpected keys {sorted(extra)}")
    cats[q["category"]] += 1
    if q["category"] not in CATEGORIES: errors.append(f"{q['id']}: bad category")
    if "audience" in q and q["audience"] != "staff": errors.append(f"{q['id']}: audience must be 'staff' when present")
    if q["answerable"] != (q["category"] != "unanswerable"): errors.append(f"{q['id']}: answerable/category mismatch")
    for s in q["expected_sources"]:
        if s not in manifest: errors.append(f"{q['id']}: unknown source {s}")
    if q["category"] == "followup":
        hist = q.get("history")
        if not (isinstance(hist, list) and len(hist) >= 2
                and all(isinstance(t, dict) and t.get("role") in {"user", "assistant"} and t.get("content") for t in hist)
                and hist[-1]["role"] == "assistant"):
            errors.append(f"{q['id']}: followup without a valid history")
        if not re.search(r"\b(it|there|they|them|its|their)\b", q["question"].lower()):
            errors.append(f"{q['id']}: followup question has no pronoun needing the history")
    elif "history" in q: errors.append(f"{q['id']}: history on a non-followup item")
    if q["answerable"]:
        if not q["expected_sources"] or not q["expected_facts"]:
            errors.append(f"{q['id']}: answerable but no sources/facts")
        for fact in q["expected_facts"]:
            alts = [norm(a) for a in fact.split("|")]
            if any(not 1 <= len(a.split()) <= 6 for a in alts): errors.append(f"{q['id']}: fact not 1-6 words: {fact!r}")
            if not any(a in texts.get(s, "") for s in q["expected_sources"] for a in alts):
                errors.append(f"{q['id']}: fact not found verbatim: {fact!r}")
            if q.get("audience") == "staff":
                leaked = [a for a in alts if any(a in texts[p] for p in public)]
                if leaked: errors.append(f"{q['id']}: staff fact also in public doc: {leaked}")
        if q.get("audience") != "staff" and any(s in staff for s in q["expected_sources"]):
            errors.append(f"{q['id']}: public question expects a staff-only source")
    elif q["expected_facts"] or q["expected_sources"]:
        errors.append(f"{q['id']}: unanswerable item lists sources/facts")

ids = [q.get("id") for q in items]
if len(ids) != len(set(ids)): errors.append("duplicate ids")
if ids != [f"hd{i:02d}" for i in range(1, len(ids) + 1)]: errors.append("ids are not hd01..hdNN in order")
if len(ids) != 40: errors.append(f"expected 40 questions, found {len(ids)}")

# The memo-only details probed by public unanswerable items (and staff questions) must not leak into public docs.
MEMO_ONLY = ["callum pritchard", "operations manager", "amir sethi", "gp clinical lead", "ines varga",
             "deborah ashwell", "5127", "bleep 2264", "kutc-4418", "kmiu-2207", "education centre room b",
             "9 february", "12 february", "4 slots per hour", "within 30 minutes", "car park b",
             "meridian", "27 february", "room 4", "learnhev", "extension"]
for s in MEMO_ONLY:
    if not any(s in texts[d] for d in staff): errors.append(f"memo-only probe {s!r} missing from memo")
    if any(s in texts[p] for p in public): errors.append(f"memo-only probe {s!r} leaks into a public doc")

print(f"documents: {len(manifest)} ({len(public)} public, {len(staff)} staff); "
      + ", ".join(f"{d}={len(texts[d].split())}w" for d in texts))
print(f"questions: {len(items)}; answerable {sum(bool(q.get('answerable')) for q in items)}, "
      f"unanswerable {sum(not q.get('answerable') for q in items)}; staff-audience {sum(q.get('audience')=='staff' for q in items)}")
print("by category:", dict(sorted(cats.items())))
if errors:
    print(f"\n{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK: all checks passed")
