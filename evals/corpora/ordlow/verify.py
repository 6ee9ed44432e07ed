#!/usr/bin/env python3
"""Validate the Ordlow and Wistmarch eval kit (blind34; adapted from the Vellacombe and Thrushley kit's verify.py).

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
    if not 480 <= n <= 1100: errors.append(f"{did}: {n} words (want 480-1100)")
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
            if "Healthy Futures School Nursing Plan 2027 to 2029" not in pt: errors.append(f"{did}: no running header on page {i}")
            if f"Page {i} of {len(pages)}" not in pt: errors.append(f"{did}: no page-numbered footer on page {i}")
        if not re.search(r"[a-z]{3,}-\n[a-z]{3,}", "\n".join(pages)): errors.append(f"{did}: no word hyphenated across a line end")
        # numbered sections ("Section n: ...") 1..n, and a numbered list ("n. ...") 1..n spread over more than one page
        secs = re.findall(r"^Section (\d): ", "\n".join(pages), flags=re.M)
        if secs != [str(i) for i in range(1, len(secs) + 1)] or len(secs) < 5: errors.append(f"{did}: sections not numbered 1..n: {secs}")
        item_pages = {i for i, pt in enumerate(pages, 1) for _ in re.findall(r"^\d\. ", pt, flags=re.M)}
        items_ = re.findall(r"^(\d)\. ", "\n".join(pages), flags=re.M)
        if items_ != [str(i) for i in range(1, len(items_) + 1)] or len(items_) < 5: errors.append(f"{did}: numbered list not 1..n: {items_}")
        if len(item_pages) < 2: errors.append(f"{did}: numbered list all on one page {sorted(item_pages)}")
        # the list question on support for a health condition in school must take items from both sides of the page break
        q_list = next((json.loads(l) for l in (ROOT / "questions.jsonl").read_text().splitlines()
                       if json.loads(l).get("id") == "q34-23"), None)
        if q_list:
            where = [{i for i, pt in enumerate(pages, 1) for a in f.split("|") if norm(a) in norm(pt)} for f in q_list["expected_facts"]]
            if not (any(1 in w for w in where) and any(w and min(w) >= 2 for w in where)):
                errors.append(f"q34-23: list facts do not span the PDF page break: {where}")
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
    steps = [int(m.group(1)) for l in md for m in [re.match(r"^(\d+)\. ", l)] if m]
    if steps != list(range(1, len(steps) + 1)) or len(steps) < 7: errors.append(f"{did}: no numbered list of 7+ steps: {steps}")
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
        if not re.search(r"\b(it|there|they|them|their|she|her)\b", q["question"].lower()):
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
if ids != [f"q34-{i:02d}" for i in range(1, N + 1)]: errors.append(f"ids are not q34-01..q34-{N} in order")
if dict(cats) != WANT: errors.append(f"category counts {dict(cats)} != {WANT}")
if sum(q.get("audience") == "staff" and q.get("answerable") for q in items) != 4:
    errors.append("want exactly 4 answerable staff-audience questions (answered only by the memo)")
if sum(q.get("audience") == "staff" and not q.get("answerable") for q in items) != 1:
    errors.append("want exactly 1 unanswerable staff-audience question")
if not 28 <= sum(bool(q.get("answerable")) for q in items) <= 31: errors.append("want about 28-30 answerable questions")
if sum(q.get("audience") == "staff" and q.get("category") == "factual" for q in items) != 2:
    errors.append("want exactly 2 staff-audience factual questions")
two_part = [q["id"] for q in items if q.get("category") == "factual" and len(q.get("expected_facts", [])) >= 2
            and re.search(r", and |\? .*\?", q["question"])]
if len(two_part) < 4: errors.append(f"want at least 4 two-part factual questions, got {two_part}")
# one two-part question is answered only in part: it stays answerable, and its notes say which part is not covered
partial = [q["id"] for q in items if q["id"] in two_part and "notes" in q]
if partial != ["q34-09"] or "not" not in items[8].get("notes", "") or "second" not in items[8].get("notes", ""):
    errors.append(f"want q34-09 as the only part-answered two-part question, with notes naming the missing part: {partial}")
for s_ in ("waiting list", "waiting for a transplant", "are waiting", "people waiting", "on the list"):
    if any(s_ in t for t in texts.values()): errors.append(f"q34-09: missing part {s_!r} is in the documents")
if any("notes" in q for q in items if q["id"] != "q34-09"): errors.append("notes are only for q34-09")
# no question is one a person in a medical emergency or crisis would send
CRISIS = ["emergency", "999", "ambulance", "a&e", "can't breathe", "cant breathe", "chest pain", "unconscious", "collapsed",
          "seizure", "fitting", "bleeding", "overdose", "suicid", "kill myself", "self-harm", "self harm", "dying", "urgent"]
for q in items:
    blob = " ".join([q["question"]] + [t["content"] for t in q.get("history", [])]).lower()
    hit = [c for c in CRISIS if c in blob]
    if hit: errors.append(f"{q['id']}: reads like an emergency or crisis message: {hit}")
# paraphrase items are written as residents type: lower case, no apostrophes
for q in items:
    if q.get("category") == "paraphrase" and (q["question"] != q["question"].lower() or "'" in q["question"] or "\u2019" in q["question"]):
        errors.append(f"{q['id']}: paraphrase should be lower case without apostrophes")
if sum(bool(re.search(r"\b(im|wen|yr|isnt)\b", q["question"])) for q in items if q.get("category") == "paraphrase") < 3:
    errors.append("want at least 3 paraphrases with a typo or a dropped apostrophe")
for did, t in texts.items():
    for m in re.findall(r"\b0\d{4} ?\d{6}\b", t):
        digits = m.replace(" ", "")
        if not (digits.startswith("01632") and 960000 <= int(digits[5:]) <= 960999):
            errors.append(f"{did}: phone number outside the Ofcom drama range: {m}")
    for m in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", t):
        if not m.endswith(".example"): errors.append(f"{did}: email domain not .example: {m}")

# Memo-only details probed by the staff questions (and by the public q34-38) must be in the staff memo and must not
# leak into any public document.
MEMO_ONLY = ["uniformhub", "threadwell", "uf2", "uniform", "laundry", "ow/nq/2027/14", "helena quarrie", "marisol penhallow",
             "01632 960689", "01632 960692", "uniforms@ow-icb.example", "18 june 2027", "1 july 2027", "5pm on friday",
             "60°c", "£22", "£15", "staff zone", "icb email address", "line manager to approve",
             "10 working days of approval", "room 3.06", "bare below the elbows", "tax relief", "rewear", "wash"]
for s_ in MEMO_ONLY:
    if not any(s_ in texts[d] for d in staff): errors.append(f"memo-only probe {s_!r} missing from memo")
    if any(s_ in texts[p] for p in public): errors.append(f"memo-only probe {s_!r} leaks into a public doc")
# q34-38 is a public question whose answer is only in the staff memo
if "the icb does not provide a laundry service" not in texts.get(staff[0], "") or "wash your uniform at home" not in texts.get(staff[0], ""):
    errors.append("q34-38: the memo should say staff wash uniforms at home")

# Facts the unanswerable items probe for must not be in the documents named (None: all public; "ALL": every document).
NW, PG, OG, FQ, PL, MM = ("owm-candlebury-pool-reopening-news",), ("owm-hydrotherapy-info-page",), \
    ("owm-organ-donation-guide",), ("owm-individual-funding-requests-faq",), ("owm-school-nursing-plan",), \
    ("owm-uniforms-laundry-staff-memo",)
NOT_ANSWERED = {
    "q34-31": (None, ["deep", "depth", "metre", " cm ", " ft ", "shallow"]),
    "q34-32": (None, ["contractor", "builder", "construction", "building company", "building firm", " ltd", "limited",
                      "carried out by", "work was done by"]),
    "q34-33": (PG + NW, ["children's physiotherapy team on", "children's physiotherapy team:", "children's pool is open",
                         "children's hydrotherapy on"]),
    "q34-34": (FQ, ["chair is", "chairman", "chairwoman", "chairperson", " dr ", " mr ", " mrs ", " ms ", "professor",
                    "councillor", "chaired by the", "chair of the panel"]),
    "q34-35": (FQ, ["upheld", "overturned", "reviews were", "successful", "appeals were", "review requests"]),
    "q34-36": (PL, ["01632", "phone", "telephone", " ring ", "call us", "call the"]),
    "q34-37": (None, ["university", "anatomy", "bequeath", "school of medicine", "body donation office",
                      "medical school on", "medical school at"]),
    "q34-38": (None, ["uniform", "laundry", "laundered", "wash", "60°c"]),
    "q34-39": ("ALL", ["flat rate", "flat-rate", "tax relief of", "relief of £", "£60", "£125", "a year in tax",
                       "per year in tax", "claim £"]),
    "q34-40": (None, ["per hour", "an hour", "tariff", "parking charge", "more than 2 hours", "over 2 hours",
                      "after 2 hours", "longer than 2 hours", "pay and display", "pay at the"]),
}
for qid, (docs, probes) in NOT_ANSWERED.items():
    q = next((q for q in items if q.get("id") == qid), None)
    want_staff = docs == "ALL"
    if not q or q.get("answerable") or (q.get("audience") == "staff") != want_staff:
        errors.append(f"{qid}: should be an unanswerable {'staff' if want_staff else 'public'} item")
    where = list(texts) if docs == "ALL" else (docs or public)
    for s_ in probes:
        if any(s_ in texts[p] for p in where): errors.append(f"{qid}: unanswerable probe {s_!r} found in {where}")
if set(NOT_ANSWERED) != {q["id"] for q in items if not q.get("answerable")}:
    errors.append("every unanswerable item needs probes in NOT_ANSWERED")
# q34-33: the only phone number on the two hydrotherapy pages is the adult Bookings Team's; no other document
# mentions the children's team
for p in PG + NW:
    nums = set(re.findall(r"01632 96\d{4}", texts[p]))
    if nums != {"01632 960214"}: errors.append(f"q34-33: {p} has phone numbers {sorted(nums)}")
for p in texts:
    if p not in PG and "children's physiotherapy" in texts[p]: errors.append(f"q34-33: {p} mentions the children's team")
# q34-34/35: no other document mentions the IFR Panel; q34-36: no other document mentions school nurses
for p in texts:
    if p not in FQ and ("ifr" in texts[p] or "individual funding" in texts[p]): errors.append(f"q34-34: {p} mentions IFRs")
    if p not in PL and "school nurs" in texts[p]: errors.append(f"q34-36: {p} mentions school nursing")
# near misses are real: the news page gives free parking up to 2 hours and the bookings number without hours, the info
# page names the children's team, the FAQ says who chairs the panel (not by name) and describes reviews, the plan gives
# an email, the guide mentions medical schools, the memo mentions tax relief
for needle, doc in [("free for pool patients for up to 2 hours", NW), ("moving pool floor", NW),
                    ("children's physiotherapy team at ordlow general hospital", PG), ("chaired by a lay member", FQ),
                    ("review panel", FQ), ("schoolnursing.plan@ow-icb.example", PL), ("it is arranged directly with a medical school", OG),
                    ("tax relief from hm revenue and customs", MM), ("nhs buildings budget", NW), ("17 people", OG)]:
    if needle not in texts.get(doc[0], ""): errors.append(f"near miss {needle!r} missing from {doc[0]}")
# the overlap between the two hydrotherapy pages: both give the pool, the water temperature and the bookings number;
# only the news page gives the reopening date, cost, hours and open afternoon; only the info page gives referral,
# course length and what to bring
for needle, inside, outside in [("candlebury community hospital", NW + PG, ()), ("34 degrees celsius", NW + PG, ()),
                                ("01632 960214", NW + PG, ()), ("merrowgate leisure centre", NW + PG, ()),
                                ("7 june 2027", NW, PG), ("£1,240,000", NW, PG), ("8am to 6pm", NW, PG),
                                ("29 may 2027", NW, PG), ("directly from gps", PG, NW), ("6 weekly sessions", PG, NW),
                                ("pool shoes", PG, NW), ("8.30am to 4.30pm", PG, NW)]:
    if not all(needle in texts[d] for d in inside): errors.append(f"overlap: {needle!r} missing from {inside}")
    if any(needle in texts[d] for d in outside): errors.append(f"overlap: {needle!r} should not be in {outside}")

# Fictional details: postcodes use the made-up XQ7 area, web and email domains end in .example.
for did, t in texts.items():
    for m in re.findall(r"\b([a-z]{1,2}\d{1,2}[a-z]?) (\d[a-z]{2})\b", t):
        if not m[0].startswith("qw"): errors.append(f"{did}: postcode outside the made-up QW area: {' '.join(m)}")
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
