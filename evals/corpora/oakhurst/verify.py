#!/usr/bin/env python3
"""Validate the Oakhurst and Selby Marsh eval kit (blind16; adapted from the Corrowby and Wennet Valley kit's verify.py).

Stdlib only, except that the PDF's text is read with pypdf when it is
installed (pages' extracted lines joined with spaces, as a reader sees them);
without pypdf it falls back to source-text/, which build_pdf.py renders.
"""
import html, json, re, sys, zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
KINDS = {"news", "guidance", "faq", "letter", "plan", "policy", "report"}
CATEGORIES = {"factual", "paraphrase", "list", "followup", "unanswerable"}
WANT = {"factual": 14, "paraphrase": 8, "list": 5, "followup": 4, "unanswerable": 9}
N = 40
errors, notes = [], []

def load_manifest():
    # tiny parser for the fixed manifest layout (avoids a PyYAML dependency)
    docs, cur = {}, None
    for line in (CORPUS / "manifest.yaml").read_text().splitlines():
        if re.match(r"^  [\w-]+:\s*$", line):
            cur = line.strip()[:-1]; docs[cur] = {}
        elif cur and re.match(r"^    \w+:", line):
            k, v = line.strip().split(":", 1); docs[cur][k] = v.strip().strip('"')
    return docs

def pdf_text(path):
    try:
        from pypdf import PdfReader
    except ImportError:
        src = ROOT / "source-text" / (path.stem + ".txt")
        notes.append(f"pypdf not installed: checked {path.name} against {src.relative_to(ROOT)}")
        lines = [l.split(" ", 1)[1] for l in src.read_text(encoding="utf-8").splitlines() if l.strip()]
        return " ".join(lines).replace("~", "")
    return " ".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)

def docx_text(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    xml = re.sub(r"</w:p>", "\n", xml)
    xml = re.sub(r"<w:tab/>", " ", xml)
    return html.unescape(re.sub(r"<[^>]+>", "", xml))

def visible_text(path):
    if path.suffix == ".pdf":
        return norm(pdf_text(path))
    if path.suffix == ".docx":
        return norm(docx_text(path))
    t = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        t = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", t, flags=re.S | re.I)
        t = re.sub(r"<!--.*?-->", " ", t, flags=re.S)
        t = html.unescape(re.sub(r"<[^>]+>", " ", t))
    elif path.suffix == ".md":
        t = re.sub(r"[*_`]", "", t)
    return norm(t)

def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()

manifest = load_manifest()
texts, suffixes = {}, {}
for did, meta in manifest.items():
    for k in ("title", "kind", "date", "audience", "source"):
        if k not in meta: errors.append(f"manifest {did}: missing {k}")
    if meta.get("kind") not in KINDS: errors.append(f"manifest {did}: bad kind {meta.get('kind')!r}")
    if meta.get("audience") not in {"public", "staff"}: errors.append(f"manifest {did}: bad audience")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("date", "")): errors.append(f"manifest {did}: bad date")
    files = [f for f in CORPUS.glob(did + ".*") if f.name != "manifest.yaml"]
    if len(files) != 1: errors.append(f"manifest {did}: expected one file, found {files}"); continue
    texts[did] = visible_text(files[0]); suffixes[did] = files[0].suffix
    n = len(texts[did].split())
    if not 450 <= n <= 950: errors.append(f"{did}: {n} words (want 450-950)")
stray = {f.name for f in CORPUS.iterdir()} - {"manifest.yaml"} - {f.name for d in manifest for f in CORPUS.glob(d + ".*")}
if stray: errors.append(f"files in corpus/ not in manifest: {sorted(stray)}")
if not {".html", ".md", ".txt", ".pdf", ".docx"} <= set(suffixes.values()) or not 5 <= len(suffixes) <= 6:
    errors.append(f"want one each of html, md, txt, pdf, docx (plus at most one more); got {sorted(suffixes.values())}")
public = [d for d, m in manifest.items() if m.get("audience") == "public"]
staff = [d for d, m in manifest.items() if m.get("audience") == "staff"]
if len(staff) != 1 or suffixes.get(staff[0]) != ".docx": errors.append(f"want exactly one staff document, the DOCX; got {staff}")

# PDF layout: 2-3 pages, running header and page-numbered footer on every page, a word hyphenated at a line end.
try:
    from pypdf import PdfReader
    for did, suf in suffixes.items():
        if suf != ".pdf": continue
        pages = [p.extract_text() or "" for p in PdfReader(str(CORPUS / (did + ".pdf"))).pages]
        if not 2 <= len(pages) <= 3: errors.append(f"{did}: {len(pages)} pages (want 2-3)")
        for i, pt in enumerate(pages, 1):
            if "Autism assessment plan 2026 to 2028" not in pt: errors.append(f"{did}: no running header on page {i}")
            if f"Page {i} of {len(pages)}" not in pt: errors.append(f"{did}: no page-numbered footer on page {i}")
        if not re.search(r"[a-z]{3,}-\n[a-z]{3,}", "\n".join(pages)): errors.append(f"{did}: no word hyphenated across a line end")
        # numbered sections ("Section n: ...") 1..n, and a numbered list ("n. ...") 1..n spread over more than one page
        secs = re.findall(r"^Section (\d): ", "\n".join(pages), flags=re.M)
        if secs != [str(i) for i in range(1, len(secs) + 1)] or len(secs) < 5: errors.append(f"{did}: sections not numbered 1..n: {secs}")
        item_pages = {i for i, pt in enumerate(pages, 1) for _ in re.findall(r"^\d\. ", pt, flags=re.M)}
        items_ = re.findall(r"^(\d)\. ", "\n".join(pages), flags=re.M)
        if items_ != [str(i) for i in range(1, len(items_) + 1)] or len(items_) < 5: errors.append(f"{did}: numbered list not 1..n: {items_}")
        if len(item_pages) < 2: errors.append(f"{did}: numbered list all on one page {sorted(item_pages)}")
        # reportlab draws the bullet glyph in Helvetica's WinAnsi encoding; pypdf 7 extracts it as "\x7f"
        if not any(pt.count("\u2022") + pt.count("\x7f") >= 2 for pt in pages): errors.append(f"{did}: no bulleted list")
except ImportError:
    notes.append("pypdf not installed: PDF layout checks skipped")
# Markdown guide: a table, and a bullet list directly under a heading with no introductory sentence.
for did, suf in suffixes.items():
    if suf != ".md": continue
    md = [l for l in (CORPUS / (did + ".md")).read_text(encoding="utf-8").splitlines() if l.strip()]
    if not any(l.startswith("|") and set(l.replace("|", "").strip()) <= set("-: ") for l in md): errors.append(f"{did}: no Markdown table")
    if not any(a.startswith("#") and b.startswith("- ") for a, b in zip(md, md[1:])): errors.append(f"{did}: no list directly under a heading")
# Plain-text FAQ: questions as single lines ending in "?", hard-wrapped at about 75 characters, a contact block.
for did, suf in suffixes.items():
    if suf != ".txt": continue
    faq = (CORPUS / (did + ".txt")).read_text(encoding="utf-8").splitlines()
    if sum(l.strip().endswith("?") for l in faq) < 8:
        errors.append(f"{did}: fewer than 8 question lines")
    qnums = [int(m.group(1)) for l in faq for m in [re.match(r"^Q(\d+)\. .*\?$", l)] if m]
    if qnums != list(range(1, len(qnums) + 1)) or len(qnums) < 8: errors.append(f"{did}: questions not numbered Q1..Qn: {qnums}")
    if sum(l.startswith("  - ") for l in faq) < 3: errors.append(f"{did}: no answer given as a bullet list")
    if sum(len(l) > 60 for l in faq) < 20: errors.append(f"{did}: answers do not look hard-wrapped")
    if max(len(l) for l in faq) > 78: errors.append(f"{did}: lines not hard-wrapped at about 75 characters")
    for label in ("Phone:", "Email:", "Post:"):
        if not any(l.startswith(label) for l in faq): errors.append(f"{did}: contact block has no {label!r} line")
# HTML news page: page furniture around the article.
for did, suf in suffixes.items():
    if suf != ".html" or manifest[did].get("kind") != "news": continue
    raw = (CORPUS / (did + ".html")).read_text(encoding="utf-8")
    for probe in ("<header", "<nav", "breadcrumb", "Published ", "share-links", "cookie", "<footer", "related-news",
                  "<script", "<style", "&pound;", "&nbsp;"):
        if probe not in raw: errors.append(f"{did}: no page furniture {probe!r}")
# DOCX memo: To/From/Date header and at least one table.
for did, suf in suffixes.items():
    if suf != ".docx": continue
    with zipfile.ZipFile(CORPUS / (did + ".docx")) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    if "<w:tbl>" not in xml: errors.append(f"{did}: no table")
    for label in ("to:", "from:", "date:"):
        if label not in texts[did]: errors.append(f"{did}: no {label!r} memo header")

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
    if not isinstance(q["answerable"], bool): errors.append(f"{q['id']}: answerable is not a bool")
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
        if not re.search(r"\b(it|there|they|them)\b", q["question"].lower()):
            errors.append(f"{q['id']}: followup question has no pronoun needing the history")
        if "audience" in q: errors.append(f"{q['id']}: followups here are public questions")
    elif "history" in q: errors.append(f"{q['id']}: history on a non-followup item")
    if q["category"] == "list" and not 3 <= len(q["expected_facts"]) <= 4:
        errors.append(f"{q['id']}: list item should have 3-4 facts")
    if q["answerable"]:
        if not q["expected_sources"] or not q["expected_facts"]:
            errors.append(f"{q['id']}: answerable but no sources/facts")
        for fact in q["expected_facts"]:
            alts = [norm(a) for a in fact.split("|")]
            if any(not 1 <= len(a.split()) <= 5 for a in alts): errors.append(f"{q['id']}: fact not 1-5 words: {fact!r}")
            if not any(a in texts.get(s, "") for s in q["expected_sources"] for a in alts):
                errors.append(f"{q['id']}: fact not found verbatim: {fact!r}")
            if q.get("audience") == "staff":
                leaked = [a for a in alts if any(a in texts[p] for p in public)]
                if leaked: errors.append(f"{q['id']}: staff fact also in public doc: {leaked}")
        if q.get("audience") == "staff" and not any(s in staff for s in q["expected_sources"]):
            errors.append(f"{q['id']}: staff question does not expect the staff document")
        if q.get("audience") != "staff" and any(s in staff for s in q["expected_sources"]):
            errors.append(f"{q['id']}: public question expects a staff-only source")
    elif q["expected_facts"] or q["expected_sources"]:
        errors.append(f"{q['id']}: unanswerable item lists sources/facts")

ids = [q.get("id") for q in items]
if len(ids) != len(set(ids)): errors.append("duplicate ids")
if ids != [f"q16-{i:02d}" for i in range(1, N + 1)]: errors.append(f"ids are not q16-01..q16-{N} in order")
if dict(cats) != WANT: errors.append(f"category counts {dict(cats)} != {WANT}")
if sum(q.get("audience") == "staff" for q in items) != 4: errors.append("want exactly 4 staff-audience questions")
for did, t in texts.items():
    for m in re.findall(r"\b0\d{4} ?\d{6}\b", t):
        digits = m.replace(" ", "")
        if not (digits.startswith("01632") and 960000 <= int(digits[5:]) <= 960999):
            errors.append(f"{did}: phone number outside the Ofcom drama range: {m}")
    for m in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", t):
        if not m.endswith(".example"): errors.append(f"{did}: email domain not .example: {m}")

# Memo-only details probed by the staff questions and by the public unanswerable item q16-39
# must be in the staff memo and must not leak into any public document.
MEMO_ONLY = ["lanternway", "lw-40218", "01632 960871", "01632 960870", "01632 960402", "osm/px/2026/27",
             "okonjo-baines", "px.team@osm-icb.example", "peoplenet", "interpreting", "interpreter",
             "british sign language", "face-to-face spoken language", "video interpreting", "charged in full",
             "5 working days", "3 working days", "2 november 2026", "28 october 2026", "cost centre"]
for s_ in MEMO_ONLY:
    if not any(s_ in texts[d] for d in staff): errors.append(f"memo-only probe {s_!r} missing from memo")
    if any(s_ in texts[p] for p in public): errors.append(f"memo-only probe {s_!r} leaks into a public doc")

# Facts the public unanswerable items probe for must not be in the public documents named (None: all public).
NEWS, KID, MEN = ("osm-ebbstow-kidney-centre-news",), ("osm-kidney-care-page",), ("osm-menopause-support-guide",)
FAQ, PLAN = ("osm-living-well-with-pain-faq",), ("osm-childrens-autism-pathway-plan",)
NOT_PUBLIC = {
    "q16-32": (None, ["unit manager", "centre manager", "ward manager", "nurse manager", "manager is", "managed by",
                      "manager of", "sister "]),
    "q16-33": (None, ["bank holiday", "christmas", "easter", "public holiday", "boxing day", "new year"]),
    "q16-34": (KID + NEWS, ["contribution of", "a year towards", "per year", "each year", "costs of £"]),
    "q16-34 (kidney care page has no money amounts)": (KID, ["£", " pounds"]),
    "q16-35": (None, ["certificate costs", "certificate is £", "certificate for £", "certificate price"]),
    "q16-35 (menopause guide has no money amounts)": (MEN, ["£", " pounds"]),
    "q16-36": (None, ["thursdays from", "thursdays,", "thursdays 9", "thursday mornings", "clinic opens",
                      "menopause clinic is open", "menopause clinic runs"]),
    "q16-37": (FAQ, ["park", "car ", "pay and display"]),
    "q16-37 (no library parking elsewhere)": (None, ["library car park", "parking at abbotsmere", "abbotsmere library has"]),
    "q16-38": (None, ["adhd", "attention deficit", "hyperactivity"]),
    "q16-39": (None, ["lanternway", "interpret", "translation service", "translator"]),
    "q16-40": (MEN, ["01632", "phone", " ring ", " call ", "booking line"]),
}
for key, (docs, probes) in NOT_PUBLIC.items():
    qid = key.split()[0]
    q = next((q for q in items if q.get("id") == qid), None)
    if not q or q.get("answerable") or q.get("audience") or q.get("category") != "unanswerable":
        errors.append(f"{qid}: should be a public unanswerable item")
    for s_ in probes:
        if any(s_ in texts[p] for p in (docs or public)): errors.append(f"{key}: unanswerable probe {s_!r} found in a public doc")
if sum(q.get("category") == "unanswerable" for q in items) != len({k.split()[0] for k in NOT_PUBLIC}):
    errors.append("every unanswerable item needs probes")
# near misses are real: nearby text a careless reader could mistake for the answer
NEAR = [("q16-32", NEWS[0], "clinical lead for the new centre"), ("q16-36", FAQ[0], "thursday afternoons, 1.30pm to 4pm"),
        ("q16-37", NEWS[0], "free parking on site"), ("q16-40", FAQ[0], "by phoning the service")]
for qid, did, s_ in NEAR:
    if s_ not in texts.get(did, ""): errors.append(f"{qid}: near-miss text missing from {did}: {s_!r}")

# Overlap: the kidney care page overlaps with the news article; at least one answer is supported by both.
both = [q for q in items if set(NEWS + KID) <= set(q["expected_sources"])
        and all(any(norm(a) in texts[d] for a in f.split("|")) for f in q["expected_facts"] for d in NEWS + KID)]
if not both: errors.append("no question whose facts are supported by both overlapping documents")

# Paraphrases: resident wording, lower case, no apostrophes; exactly two carry a typo (absent from every document).
TYPOS = {"q16-17": "dialisis", "q16-21": "apointment"}
for q in items:
    if q.get("category") != "paraphrase": continue
    if q["question"] != q["question"].lower() or "'" in q["question"] or "’" in q["question"]:
        errors.append(f"{q['id']}: paraphrase should be lower case with no apostrophes")
for qid, typo in TYPOS.items():
    q = next((q for q in items if q.get("id") == qid), {})
    if q.get("category") != "paraphrase" or typo not in q.get("question", ""): errors.append(f"{qid}: typo {typo!r} missing")
    if any(typo in t_ for t_ in texts.values()): errors.append(f"{qid}: typo {typo!r} appears in a document")

# Two-part factual questions: exactly four factual items expect two facts.
if sum(q.get("category") == "factual" and len(q["expected_facts"]) == 2 for q in items) != 4:
    errors.append("want exactly four two-part factual questions")
if sum(q.get("category") == "factual" and q.get("audience") == "staff" for q in items) != 2:
    errors.append("want exactly two staff-audience factual questions")

# The list question on the PDF has items on both sides of a page break.
try:
    from pypdf import PdfReader
    pages_ = [norm(p.extract_text() or "") for p in PdfReader(str(CORPUS / (PLAN[0] + ".pdf"))).pages]
    for q in items:
        if q.get("category") == "list" and PLAN[0] in q["expected_sources"]:
            on = {i for f in q["expected_facts"] for i, pt in enumerate(pages_, 1) if any(norm(a) in pt for a in f.split("|"))}
            if len(on) < 2: errors.append(f"{q['id']}: list items do not span a page break (pages {sorted(on)})")
except ImportError:
    pass

# Fictional details: postcodes use the made-up XQ7 area, web and email domains end in .example.
for did, t in texts.items():
    for m in re.findall(r"\b([a-z]{1,2}\d{1,2}[a-z]?) (\d[a-z]{2})\b", t):
        if m[0] != "xq7": errors.append(f"{did}: postcode outside the made-up XQ7 area: {' '.join(m)}")
    for m in re.findall(r"\b(?:[\w-]+\.)+(?:com|org|net|uk|gov|nhs|io|co)\b", t):
        errors.append(f"{did}: real-looking domain: {m}")
    if "@" in t and not re.findall(r"@[\w-]+(?:\.[\w-]+)*\.example\b", t): errors.append(f"{did}: email without .example")

print(f"documents: {len(manifest)} ({len(public)} public, {len(staff)} staff); "
      + ", ".join(f"{d}={len(texts[d].split())}w" for d in texts))
print(f"questions: {len(items)}; answerable {sum(bool(q.get('answerable')) for q in items)}, "
      f"unanswerable {sum(not q.get('answerable') for q in items)}; staff-audience {sum(q.get('audience')=='staff' for q in items)}")
print("by category:", dict(sorted(cats.items())))
for n_ in notes: print("note:", n_)
if errors:
    print(f"\n{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK: all checks passed")
