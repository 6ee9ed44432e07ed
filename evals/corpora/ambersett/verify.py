#!/usr/bin/env python3
"""Validate the Ambersett and Trewlow eval kit (blind26; adapted from the Vellacombe and Thrushley kit's verify.py).

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
WANT = {"factual": 12, "paraphrase": 8, "list": 5, "followup": 5, "unanswerable": 10}
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
    if not 450 <= n <= 1150: errors.append(f"{did}: {n} words (want 450-1,150)")
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
            if "Every Dose Counts 2027 to 2029" not in pt: errors.append(f"{did}: no running header on page {i}")
            if f"Page {i} of {len(pages)}" not in pt: errors.append(f"{did}: no page-numbered footer on page {i}")
        if not re.search(r"[a-z]{3,}-\n[a-z]{3,}", "\n".join(pages)): errors.append(f"{did}: no word hyphenated across a line end")
        # numbered sections ("Section n: ...") 1..n, and a numbered list ("n. ...") 1..n spread over more than one page
        secs = re.findall(r"^Section (\d): ", "\n".join(pages), flags=re.M)
        if secs != [str(i) for i in range(1, len(secs) + 1)] or len(secs) < 5: errors.append(f"{did}: sections not numbered 1..n: {secs}")
        item_pages = {i for i, pt in enumerate(pages, 1) for _ in re.findall(r"^\d\. ", pt, flags=re.M)}
        items_ = re.findall(r"^(\d)\. ", "\n".join(pages), flags=re.M)
        if items_ != [str(i) for i in range(1, len(items_) + 1)] or len(items_) < 5: errors.append(f"{did}: numbered list not 1..n: {items_}")
        if len(item_pages) < 2: errors.append(f"{did}: numbered list all on one page {sorted(item_pages)}")
        # the list question on the steps after referral must take items from both sides of the page break
        q_list = next((json.loads(l) for l in (ROOT / "questions.jsonl").read_text().splitlines()
                       if json.loads(l).get("id") == "q26-22"), None)
        if q_list:
            where = [{i for i, pt in enumerate(pages, 1) for a in f.split("|") if norm(a) in norm(pt)} for f in q_list["expected_facts"]]
            if not (any(1 in w for w in where) and any(w and min(w) >= 2 for w in where)):
                errors.append(f"q26-22: list facts do not span the PDF page break: {where}")
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
# Second public HTML page: lighter page furniture of a service information page.
for did, suf in suffixes.items():
    if suf != ".html" or manifest[did].get("kind") == "news": continue
    raw = (CORPUS / (did + ".html")).read_text(encoding="utf-8")
    for probe in ("skip-link", "<header", "<nav", "breadcrumb", "Page last reviewed", "<footer", "&rsquo;", "&nbsp;"):
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
    extra = set(q) - {"id", "question", "answerable", "expected_sources", "expected_facts", "category", "audience", "history", "notes"}
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
if ids != [f"q26-{i:02d}" for i in range(1, N + 1)]: errors.append(f"ids are not q26-01..q26-{N} in order")
if dict(cats) != WANT: errors.append(f"category counts {dict(cats)} != {WANT}")
if sum(q.get("audience") == "staff" and q.get("answerable") for q in items) != 4:
    errors.append("want exactly 4 answerable staff-audience questions (answered only by the memo)")
if sum(q.get("audience") == "staff" and not q.get("answerable") for q in items) != 1:
    errors.append("want exactly 1 unanswerable staff-audience question")
if not 28 <= sum(bool(q.get("answerable")) for q in items) <= 31: errors.append("want about 28-30 answerable questions")
if sum(q.get("audience") == "staff" and q.get("category") == "factual" for q in items) != 2:
    errors.append("want exactly 2 staff-audience factual questions")
two_part = [q["id"] for q in items if q.get("category") == "factual" and re.search(r", and |\? .*\?", q["question"])]
if len(two_part) != 4: errors.append(f"want 4 two-part factual questions, got {two_part}")
partial = [q["id"] for q in items if q["id"] in two_part and len(q.get("expected_facts", [])) == 1 and q.get("notes")]
if len(partial) != 1: errors.append(f"want exactly 1 two-part question answered in part only, with notes; got {partial}")
for q in items:
    if "notes" in q and q["id"] not in partial: errors.append(f"{q['id']}: notes only on the part-answered two-part question")
# paraphrase items are written as residents type: lower case, no apostrophes
for q in items:
    if q.get("category") == "paraphrase" and (q["question"] != q["question"].lower() or "'" in q["question"] or "\u2019" in q["question"]):
        errors.append(f"{q['id']}: paraphrase should be lower case without apostrophes")
if sum(bool(re.search(r"\b(im|whats|husbands|presciption|wot|mandatry)\b", q["question"])) for q in items if q.get("category") == "paraphrase") < 3:
    errors.append("want at least 3 paraphrases with a typo or a dropped apostrophe")
for did, t in texts.items():
    for m in re.findall(r"\b0\d{4} ?\d{6}\b", t):
        digits = m.replace(" ", "")
        if not (digits.startswith("01632") and 960000 <= int(digits[5:]) <= 960999):
            errors.append(f"{did}: phone number outside the Ofcom drama range: {m}")
    for m in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", t):
        if not m.endswith(".example"): errors.append(f"{did}: email domain not .example: {m}")

# Memo-only details probed by the staff questions must be in the staff memo and must not leak into any public document.
MEMO_ONLY = ["keystone", "traintrack", "orrin digital", "mandatory training", "safeguarding", "atw/od/2027/11",
             "priyanka holloway-benn", "01632 960647", "learning@atw-icb.example", "23 april 2027", "3 may 2027",
             "5pm on friday", "annually", "every 3 years", "up to 3 hours", "protected learning time",
             "confirm your job role", "line manager", "reminder emails", "pay step", "organisational development"]
for s_ in MEMO_ONLY:
    if not any(s_ in texts[d] for d in staff): errors.append(f"memo-only probe {s_!r} missing from memo")
    if any(s_ in texts[p] for p in public): errors.append(f"memo-only probe {s_!r} leaks into a public doc")

# Facts the unanswerable items probe for must not be in the documents named (None: all public; "ALL": every document).
# A probe starting "re:" is a regular expression searched within one sentence of the normalised text.
NW, GD, FQ, PL, MM, PG = ("atw-plateful-menu-news",), ("atw-aaa-screening-guide",), ("atw-health-costs-faq",), \
    ("atw-medicines-waste-plan",), ("atw-mandatory-training-staff-memo",), ("atw-unused-medicines-page",)
NOT_ANSWERED = {
    "q26-31": (None, ["chef", "head cook", "cook in charge", "kitchen manager", "catering manager"]),
    "q26-32": (NW, ["visitors can", "visitor meal", "for visitors", "visitors may", "restaurant", "canteen", "cafe",
                    "café", "pay for", "buy a meal", "buy meals"]),
    "q26-33": (None, [r"re:hessock[^.]*\d(\.\d\d)?(am|pm)\b", r"re:clinics?[^.]*\d(\.\d\d)?(am|pm)\b"]),
    "q26-33b": (GD, [r"re:\d(\.\d\d)?(am|pm)\b", "morning", "afternoon", "evening", "start at", "starts at",
                     "o'clock", "opening times", "opening hours"]),
    "q26-34": (GD, ["found to have", "were found", "detected", "picked up", "men had", "number of men",
                    "men were referred", "aaas were"]),
    "q26-35": (None, [r"re:trewlow community hospital[^.]*\d(\.\d\d)?(am|pm)\b", r"re:reception (desk )?(is )?open",
                      "reception hours", "reception desk hours"]),
    "q26-36": (None, [r"re:hc3[^.]*\b(lasts?|valid for|expires?|months?|years?|weeks?)\b", "certificates last",
                      "both certificates", "certificates are valid", "certificates usually last"]),
    "q26-37": (PL, ["01632", "phone", "call ", "calling", "telephone", r"re:\bring\b", "helpline"]),
    "q26-37b": (PG, [r"re:every dose counts[^.]*01632", r"re:plan[^.]*01632"]),
    "q26-38": (PL + PG, ["2025"]),
    "q26-39": ("ALL", ["overtime", "time off in lieu", r"re:\btoil\b", "time back", "evening", "outside working",
                       "outside your working", "at home in", "paid extra"]),
    "q26-40": (None, ["safeguarding", "mandatory training", "keystone", "statutory training"]),
}
def found(probe, text):
    if probe.startswith("re:"):
        return any(re.search(probe[3:], sent) for sent in re.split(r"(?<=[.?!])\s", text))
    return probe in text
unanswerable_ids = {q["id"] for q in items if not q.get("answerable")}
for key, (docs, probes) in NOT_ANSWERED.items():
    qid = key[:6]
    q = next((q for q in items if q.get("id") == qid), None)
    want_staff = qid == "q26-39"
    if not q or q.get("answerable") or (q.get("audience") == "staff") != want_staff:
        errors.append(f"{qid}: should be an unanswerable {'staff' if want_staff else 'public'} item")
    where = list(texts) if docs == "ALL" else (docs or public)
    for s_ in probes:
        hits = [p for p in where if found(s_, texts[p])]
        if hits: errors.append(f"{key}: unanswerable probe {s_!r} found in {hits}")
if {k[:6] for k in NOT_ANSWERED} != unanswerable_ids:
    errors.append("every unanswerable item needs probes in NOT_ANSWERED")
# q26-40 is a public question whose answer is only in the staff memo
if "safeguarding adults level 2" not in texts[MM[0]]: errors.append("q26-40: memo does not give the safeguarding course")
# q26-06 is answered in part only: the FAQ gives the time limit but nothing on a companion's travel costs
q06 = next((q for q in items if q.get("id") == "q26-06"), {})
if not q06.get("notes"): errors.append("q26-06: part-answered two-part question needs notes")
for s_ in ["companion", "escort", "partner", "husband", "wife", "someone with you", "accompan", "travelling with you",
           "carer's travel", "relative's travel"]:
    if s_ in texts[FQ[0]]: errors.append(f"q26-06: uncovered part {s_!r} is in the FAQ")
# near misses are real: each unanswerable item's neighbouring detail is in the documents
for needle, doc, qid in [("head of catering", NW, "q26-31"), ("£5.60 a day", NW, "q26-32"),
                         ("mondays and fridays", GD, "q26-33"), ("hessock health centre, mill road", GD, "q26-33"),
                         ("81.2%", GD, "q26-34"), ("open monday to friday, 9am to 4pm", FQ, "q26-35"),
                         ("at trewlow community hospital, ask at the main reception desk", FQ, "q26-35"),
                         ("an hc2 certificate usually lasts 12 months", FQ, "q26-36"), ("hc3 certificate", FQ, "q26-36"),
                         ("medicines.plan@atw-icb.example", PL, "q26-37"), ("38 tonnes", PL, "q26-38"),
                         ("up to 3 hours a year", MM, "q26-39"), ("working time", MM, "q26-39")]:
    if needle not in texts[doc[0]]: errors.append(f"{qid}: near miss {needle!r} missing from {doc[0]}")
# the overlap between the plan and the unused medicines page: both name the plan, the date and the no-reuse rule;
# only the plan has the ordering steps and money, only the page has what pharmacies take and the collection service
for needle, inside, outside in [("every dose counts", PL + PG, ()), ("1 november 2027", PL + PG, ()),
                                ("cannot be reused", PL + PG, ()), ("household bin", PL + PG, ()),
                                ("nominated pharmacy", PL, PG), ("£4.3 million", PL, PG), ("38 tonnes", PL, PG),
                                ("trewlow good neighbours", PG, PL), ("eye drops", PG, PL),
                                ("mercury thermometers", PG, PL)]:
    if not all(needle in texts[d] for d in inside): errors.append(f"overlap: {needle!r} missing from {inside}")
    if any(needle in texts[d] for d in outside): errors.append(f"overlap: {needle!r} should not be in {outside}")
# no other document talks about medicines waste, AAA screening or Plateful (the news page only links to the plan's news story)
for needle, home in [("every dose counts", PL + PG + NW), ("aneurysm", GD), ("plateful", NW), ("low income scheme", FQ)]:
    for p in texts:
        if p not in home and needle in texts[p]: errors.append(f"{p} mentions {needle!r} (kept to {home})")

# Fictional details: postcodes use the made-up ZT3 area, web and email domains end in .example.
for did, t in texts.items():
    for m in re.findall(r"\b([a-z]{1,2}\d{1,2}[a-z]?) (\d[a-z]{2})\b", t):
        if m[0] != "zt3": errors.append(f"{did}: postcode outside the made-up ZT3 area: {' '.join(m)}")
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
