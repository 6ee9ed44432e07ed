#!/usr/bin/env python3
"""Validate the Caddisford and Yelverstow eval kit (blind20; adapted from the Quenmoor and Allerstow kit's verify.py, blind19).

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
WANT = {"factual": 13, "paraphrase": 7, "list": 5, "followup": 5, "unanswerable": 10}
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
    if not 450 <= n <= 1100: errors.append(f"{did}: {n} words (want 450-1100)")
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
            if "Breathe Easy Checks 2027 to 2029" not in pt: errors.append(f"{did}: no running header on page {i}")
            if f"Page {i} of {len(pages)}" not in pt: errors.append(f"{did}: no page-numbered footer on page {i}")
        if not re.search(r"[a-z]{3,}-\n[a-z]{3,}", "\n".join(pages)): errors.append(f"{did}: no word hyphenated across a line end")
        # numbered sections ("Section n: ...") 1..n, and a numbered list ("n. ...") 1..n spread over more than one page
        secs = re.findall(r"^Section (\d): ", "\n".join(pages), flags=re.M)
        if secs != [str(i) for i in range(1, len(secs) + 1)] or len(secs) < 5: errors.append(f"{did}: sections not numbered 1..n: {secs}")
        item_pages = {i for i, pt in enumerate(pages, 1) for _ in re.findall(r"^\d\. ", pt, flags=re.M)}
        items_ = re.findall(r"^(\d)\. ", "\n".join(pages), flags=re.M)
        if items_ != [str(i) for i in range(1, len(items_) + 1)] or len(items_) < 5: errors.append(f"{did}: numbered list not 1..n: {items_}")
        if len(item_pages) < 2: errors.append(f"{did}: numbered list all on one page {sorted(item_pages)}")
        # the list question on the steps after a lung scan must take items from both sides of the page break
        q_list = next((json.loads(l) for l in (ROOT / "questions.jsonl").read_text().splitlines()
                       if json.loads(l).get("id") == "q20-04"), None)
        if q_list:
            where = [{i for i, pt in enumerate(pages, 1) for a in f.split("|") if norm(a) in norm(pt)} for f in q_list["expected_facts"]]
            if not (any(1 in w for w in where) and any(w and min(w) >= 2 for w in where)):
                errors.append(f"q20-04: list facts do not span the PDF page break: {where}")
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
if ids != [f"q20-{i:02d}" for i in range(1, N + 1)]: errors.append(f"ids are not q20-01..q20-{N} in order")
if dict(cats) != WANT: errors.append(f"category counts {dict(cats)} != {WANT}")
if sum(q.get("audience") == "staff" for q in items) != 4: errors.append("want exactly 4 staff-audience questions")
if sum(q.get("audience") == "staff" and q.get("answerable") for q in items) != 3:
    errors.append("want exactly 3 answerable staff-audience questions")
if sum(q.get("audience") == "staff" and q.get("category") == "factual" for q in items) != 2:
    errors.append("want exactly 2 staff-audience factual questions")
two_part = [q["id"] for q in items if q.get("category") == "factual" and len(q.get("expected_facts", [])) >= 2
            and re.search(r", and |\? .*\?", q["question"])]
if len(two_part) != 4: errors.append(f"want 4 two-part factual questions, got {two_part}")
# paraphrase items are written as residents type: lower case, no apostrophes
for q in items:
    if q.get("category") == "paraphrase" and (q["question"] != q["question"].lower() or "'" in q["question"] or "\u2019" in q["question"]):
        errors.append(f"{q['id']}: paraphrase should be lower case without apostrophes")
for did, t in texts.items():
    for m in re.findall(r"\b0\d{4} ?\d{6}\b", t):
        digits = m.replace(" ", "")
        if not (digits.startswith("01632") and 960000 <= int(digits[5:]) <= 960999):
            errors.append(f"{did}: phone number outside the Ofcom drama range: {m}")
    for m in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", t):
        if not m.endswith(".example"): errors.append(f"{did}: email domain not .example: {m}")

# Second public HTML page: its own page furniture, and a real topic overlap with the news article.
NW, SP, IF, VF, LH, FM = ("cdy-gambling-clinic-news",), ("cdy-gambling-support-page",), ("cdy-infant-feeding-guide",), \
    ("cdy-veterans-health-faq",), ("cdy-lung-health-check-plan",), ("cdy-foi-staff-memo",)
if suffixes.get(SP[0]) == ".html":
    raw = (CORPUS / (SP[0] + ".html")).read_text(encoding="utf-8")
    for probe in ("skip-link", "<nav", "breadcrumb", "Page last reviewed", "<footer", "&rsquo;", "&nbsp;"):
        if probe not in raw: errors.append(f"{SP[0]}: no page furniture {probe!r}")
    for s_ in ("gambling harms clinic", "01632 960614", "fair odds", "aged 18 and over", "refer yourself",
               "family support group", "yelverstow community health nhs trust"):
        if not (s_ in texts.get(SP[0], "") and s_ in texts.get(NW[0], "")): errors.append(f"overlap probe {s_!r} not in both HTML pages")
    # the page says what the clinic is and how to refer, but not where it is or when the outreach clinics run
    for s_ in ("wexcombe house", "chandler street", "tolsey road", "brindlecote library", "mossgrave family hub",
               "1pm to 5pm", "4 october", "saltash-reyes", "£612,000"):
        if s_ in texts.get(SP[0], ""): errors.append(f"{SP[0]}: should not give clinic detail {s_!r}")
    # and the news article does not give the helpline hours or the family group (only the support page does)
    for s_ in ("960633", "8am to 10pm", "quaker meeting house", "school nurse", "blocking software"):
        if s_ in texts.get(NW[0], ""): errors.append(f"{NW[0]}: should not give support-page detail {s_!r}")
else:
    errors.append(f"{SP[0]}: want an HTML page")
# Markdown guide: a numbered list of steps, at least 7 items, numbered 1..n.
for did, suf in suffixes.items():
    if suf != ".md": continue
    nums = re.findall(r"^(\d+)\. ", (CORPUS / (did + ".md")).read_text(encoding="utf-8"), flags=re.M)
    if len(nums) < 7 or nums != [str(i) for i in range(1, len(nums) + 1)]:
        errors.append(f"{did}: want a numbered list of 7 or more steps, got {nums}")

# Memo-only details (the staff questions' facts among them) must be in the staff memo and in no public document.
MEMO_ONLY = ["clearview", "freedom of information", "foi", "quillfeather", "okafor-lindqvist", "cyicb/ig/2027/08",
             "01632 960855", "foi@cy-icb.example", "1 september 2027", "16 august 2027", "27 august 2027",
             "30 september 2027", "1,164", "8 working days", "same working day", "do not reply", "learning zone",
             "boardroom", "directorate"]
for s_ in MEMO_ONLY:
    if not any(s_ in texts[d] for d in staff): errors.append(f"memo-only probe {s_!r} missing from memo")
    if any(s_ in texts[p] for p in public): errors.append(f"memo-only probe {s_!r} leaks into a public doc")

# Unanswerable items: probe strings that would answer them must not be in the documents named (None: every
# document, public and staff alike).
ALL = None
NOT_ANSWERED = {
    # length of each CBT session
    "q20-05": (NW + SP, ["minute session", "minutes long", "minutes each", "each session", "an hour",
                         "hour-long", "hour long", "sessions last", "session lasts", "90 minutes", "60 minutes",
                         "50 minutes", "45 minutes"]),
    # make or model of the breast pumps lent out
    "q20-10": (ALL, ["brand", "make of", "model", "medela", "lansinoh", "philips", "ardo", "manufacturer"]),
    # parking at the clinic
    "q20-14": (NW + SP, ["parking", "car park", "park your car", "blue badge", "drive", "driving"]),
    # the tongue-tie clinic's phone number: the guide's only phone number is the Feeding Helpline
    "q20-18": (ALL, ["tongue-tie clinic on", "tongue-tie clinic:", "tongue-tie team on", "call the tongue-tie"]),
    # times of the Clearview drop-in sessions
    "q20-21": (FM, ["am to", "pm to", "am,", "pm,", "9am", "10am", "11am", "12 noon", "midday", "1pm", "2pm", "3pm",
                    "o'clock", "lunchtime", "every tuesday", "every wednesday", "every thursday", "on mondays"]),
    # which GP practices are veteran friendly
    "q20-25": (ALL, ["mossgrave medical centre", "mossgrave surgery", "mossgrave health centre", "practices are:",
                     "practices include", "list of veteran friendly", "such as the"]),
    # opening hours of the mobile scanning unit
    "q20-29": (LH, ["am to", "pm to", "am,", "9am", "8am", "8.30am", "5pm", "6pm", "opening hours", "opening times",
                    "open from", "is open", "are open", "monday to friday", "weekends", "saturday"]),
    # radiation dose of the scan
    "q20-33": (ALL, ["radiation", "msv", "millisievert", "dose of", "x-ray", "background", "the same as a"]),
    # the public asks for the FOI address: it is only in the staff memo (checked in MEMO_ONLY above)
    "q20-36": (tuple(public), ["foi", "freedom of information", "information request", "information governance"]),
    # mileage rate for forum members' travel expenses
    "q20-40": (VF, ["£", "per mile", "a mile", "pence", "mileage", "p a mile", "bus fare", "train fare"]),
}
for qid, (docs, probes) in NOT_ANSWERED.items():
    q = next((q for q in items if q.get("id") == qid), None)
    if not q or q.get("answerable"): errors.append(f"{qid}: should be an unanswerable item")
    for s_ in probes:
        hit = [d for d in (docs or list(texts)) if s_ in texts.get(d, "")]
        if hit: errors.append(f"{qid}: unanswerable probe {s_!r} found in {hit}")
# the staff unanswerable is asked by staff; the others are public (q20-36 among them)
for q in items:
    if not q.get("answerable") and (q.get("audience") == "staff") != (q["id"] == "q20-21"):
        errors.append(f"{q['id']}: only q20-21 should be a staff unanswerable")
# q20-14: no document gives parking for Wexcombe House (the lung plan's "car park" sites are elsewhere)
for d in texts:
    if d not in NW + SP and "wexcombe" in texts[d]: errors.append(f"q20-14: {d} mentions Wexcombe House")
# q20-18: tongue-tie is only in the feeding guide, whose only phone number is the Feeding Helpline
for d in texts:
    if d not in IF and "tongue-tie" in texts[d]: errors.append(f"q20-18: {d} mentions tongue-tie")
if set(re.findall(r"\b01632 ?\d{6}\b", texts.get(IF[0], ""))) != {"01632 960702"}:
    errors.append(f"q20-18: {IF[0]} has a phone number other than the Feeding Helpline")
# q20-25: no GP practice is named anywhere as veteran friendly; q20-29: only the plan describes the scanning unit
for d in texts:
    if "surgery" in texts[d] or texts[d].count("medical centre") != texts[d].count("military medical centre"):
        errors.append(f"q20-25: {d} names a GP practice or surgery")
    if d not in LH and ("scanning unit" in texts[d] or "960781" in texts[d]): errors.append(f"q20-29: {d} mentions the scanning unit")
# near misses are real: each unanswerable sits next to something the documents do say
NEAR = {
    "q20-05": (NW, "8 to 10 weekly sessions"),
    "q20-10": (IF, "hospital-grade electric breast pump"),
    "q20-14": (NW, "two-minute walk from caddisford bus station"),
    "q20-18": (IF, "tongue-tie clinic at caddisford general hospital"),
    "q20-21": (FM, "drop-in sessions in the boardroom"),
    "q20-25": (VF, "41 of the 58"),
    "q20-29": (LH, "6 to 8 weeks before it moves on"),
    "q20-33": (LH, "low-dose ct scan"),
    "q20-36": (FM, "foi@cy-icb.example"),
    "q20-40": (VF, "members can claim travel expenses"),
}
for qid, (docs, s_) in NEAR.items():
    if s_ not in texts.get(docs[0], ""): errors.append(f"{qid}: near-miss text {s_!r} missing from {docs[0]}")

# Fictional details: postcodes use the made-up QY area, web and email domains end in .example.
for did, t in texts.items():
    for m in re.findall(r"\b([a-z]{1,2}\d{1,2}[a-z]?) (\d[a-z]{2})\b", t):
        if not re.fullmatch(r"qy\d", m[0]): errors.append(f"{did}: postcode outside the made-up QY area: {' '.join(m)}")
    for m in re.findall(r"\b(?:[\w-]+\.)+(?:com|org|net|uk|gov|nhs|io|co)\b", t):
        errors.append(f"{did}: real-looking domain: {m}")
    if "@" in t and not re.findall(r"@[\w-]+(?:\.[\w-]+)*\.example\b", t): errors.append(f"{did}: email without .example")
# Place names already used by earlier kits (listed in the brief) must not appear.
for did, t in texts.items():
    for old in ("quenmoor", "vellacombe", "greywater", "oakhurst", "corrowby", "rathwick", "pellworth", "corvel bay",
                "marlhaven", "saltmere", "lowmoor", "ravensholt", "kestrelvale", "harrowdale", "thornmere",
                "brackwater", "fenmarsh", "wealdmoor", "northshire"):
        if old in t: errors.append(f"{did}: uses an earlier kit's place name {old!r}")

print(f"documents: {len(manifest)} ({len(public)} public, {len(staff)} staff); "
      + ", ".join(f"{d}={len(texts[d].split())}w" for d in texts))
print(f"questions: {len(items)}; answerable {sum(bool(q.get('answerable')) for q in items)}, "
      f"unanswerable {sum(not q.get('answerable') for q in items)}; staff-audience {sum(q.get('audience')=='staff' for q in items)}")
print("by category:", dict(sorted(cats.items())))
for n_ in notes: print("note:", n_)
if errors:
    print(f"\n{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK: all checks passed")
