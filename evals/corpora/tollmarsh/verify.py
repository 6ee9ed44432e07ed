#!/usr/bin/env python3
"""Validate the Tollmarsh and Evenbury eval kit (blind28; adapted from the Vellacombe and Thrushley kit's verify.py).

Stdlib only, except that the PDF's text is read with pypdf when it is
installed (pages' extracted lines joined with spaces, as a reader sees them);
without pypdf it falls back to source-text/, which build_pdf.py renders.
Run with: /work/main/.venv/bin/python verify.py
"""
import html, json, re, sys, zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
KINDS = {"news", "guidance", "faq", "letter", "plan", "policy", "report"}
CATEGORIES = {"factual", "paraphrase", "list", "followup", "unanswerable"}
WANT = {"factual": 12, "paraphrase": 8, "list": 5, "followup": 5, "unanswerable": 10}
N, PREFIX = 40, "q28"
FIELDS = ("id", "question", "answerable", "expected_sources", "expected_facts", "category")
OPTIONAL = {"audience", "history", "notes"}
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

def pdf_pages(path):
    from pypdf import PdfReader
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]

def pdf_text(path):
    try:
        return " ".join(pdf_pages(path))
    except ImportError:
        src = ROOT / "source-text" / (path.stem + ".txt")
        notes.append(f"pypdf not installed: checked {path.name} against {src.relative_to(ROOT)}")
        lines = [l.split(" ", 1)[1] for l in src.read_text(encoding="utf-8").splitlines() if l.strip()]
        return " ".join(lines).replace("~", "")

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

# ---------------------------------------------------------------- documents
manifest = load_manifest()
texts, suffixes = {}, {}
for did, meta in manifest.items():
    for k in ("title", "kind", "date", "audience", "source"):
        if k not in meta: errors.append(f"manifest {did}: missing {k}")
    if not did.startswith("tev-"): errors.append(f"manifest {did}: id without the tev- prefix")
    if meta.get("kind") not in KINDS: errors.append(f"manifest {did}: bad kind {meta.get('kind')!r}")
    if meta.get("audience") not in {"public", "staff"}: errors.append(f"manifest {did}: bad audience")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("date", "")): errors.append(f"manifest {did}: bad date")
    files = [f for f in CORPUS.glob(did + ".*") if f.name != "manifest.yaml"]
    if len(files) != 1: errors.append(f"manifest {did}: expected one file, found {files}"); continue
    texts[did] = visible_text(files[0]); suffixes[did] = files[0].suffix
    n = len(texts[did].split())
    if not 480 <= n <= 1150: errors.append(f"{did}: {n} words (want about 500-1,100)")
stray = {f.name for f in CORPUS.iterdir()} - {"manifest.yaml"} - {f.name for d in manifest for f in CORPUS.glob(d + ".*")}
if stray: errors.append(f"files in corpus/ not in manifest: {sorted(stray)}")
if sorted(suffixes.values()) != sorted([".html", ".html", ".md", ".txt", ".pdf", ".docx"]):
    errors.append(f"want html x2, md, txt, pdf, docx; got {sorted(suffixes.values())}")
public = [d for d, m in manifest.items() if m.get("audience") == "public"]
staff = [d for d, m in manifest.items() if m.get("audience") == "staff"]
if len(staff) != 1 or suffixes.get(staff[0]) != ".docx": errors.append(f"want exactly one staff document, the DOCX; got {staff}")

NW, PG, GD, FQ, PL, MM = ("tev-home-oxygen-supplier-news",), ("tev-home-oxygen-info-page",), \
    ("tev-travel-medicines-guide",), ("tev-vitamins-scheme-faq",), ("tev-cancer-support-hubs-plan",), \
    ("tev-flexible-working-staff-memo",)
LIST_Q = f"{PREFIX}-22"   # the list question on the Onward steps, which must span the PDF page break

# PDF layout: 2-3 pages, running header and page-numbered footer on every page, a word hyphenated at a line end.
try:
    for did, suf in suffixes.items():
        if suf != ".pdf": continue
        pages = pdf_pages(CORPUS / (did + ".pdf"))
        if not 2 <= len(pages) <= 3: errors.append(f"{did}: {len(pages)} pages (want 2-3)")
        for i, pt in enumerate(pages, 1):
            if "Onward: cancer support hubs 2027 to 2028" not in pt: errors.append(f"{did}: no running header on page {i}")
            if f"Page {i} of {len(pages)}" not in pt: errors.append(f"{did}: no page-numbered footer on page {i}")
        if not re.search(r"[a-z]{3,}-\n[a-z]{3,}", "\n".join(pages)): errors.append(f"{did}: no word hyphenated across a line end")
        secs = re.findall(r"^Section (\d): ", "\n".join(pages), flags=re.M)
        if secs != [str(i) for i in range(1, len(secs) + 1)] or len(secs) < 5: errors.append(f"{did}: sections not numbered 1..n: {secs}")
        item_pages = {i for i, pt in enumerate(pages, 1) for _ in re.findall(r"^\d\. ", pt, flags=re.M)}
        items_ = re.findall(r"^(\d)\. ", "\n".join(pages), flags=re.M)
        if items_ != [str(i) for i in range(1, len(items_) + 1)] or len(items_) < 7: errors.append(f"{did}: numbered list not 1..n: {items_}")
        if len(item_pages) < 2: errors.append(f"{did}: numbered list all on one page {sorted(item_pages)}")
        # no numbered item may itself be split by the page break (each page's items start at a line "n. ")
        q_list = next((json.loads(l) for l in (ROOT / "questions.jsonl").read_text().splitlines()
                       if json.loads(l).get("id") == LIST_Q), None)
        if q_list:
            where = [{i for i, pt in enumerate(pages, 1) for a in f.split("|") if norm(a) in norm(pt)} for f in q_list["expected_facts"]]
            if not (any(1 in w for w in where) and any(w and min(w) >= 2 for w in where)):
                errors.append(f"{LIST_Q}: list facts do not span the PDF page break: {where}")
        else:
            errors.append(f"{LIST_Q}: missing")
        # reportlab draws the bullet glyph in Helvetica's WinAnsi encoding; pypdf extracts it as "\x7f" (or U+2022)
        if not any(pt.count("\u2022") + pt.count("\x7f") >= 2 for pt in pages): errors.append(f"{did}: no bulleted list")
except ImportError:
    notes.append("pypdf not installed: PDF layout checks skipped")
# Markdown guide: headings, bullets, a numbered list of 7+ steps, a table, a bullet list directly under a heading.
for did, suf in suffixes.items():
    if suf != ".md": continue
    md = [l for l in (CORPUS / (did + ".md")).read_text(encoding="utf-8").splitlines() if l.strip()]
    if sum(l.startswith("## ") for l in md) < 4: errors.append(f"{did}: fewer than 4 headings")
    if sum(l.startswith("- ") for l in md) < 6: errors.append(f"{did}: too few bullets")
    nums = [int(m.group(1)) for l in md for m in [re.match(r"^(\d+)\. ", l)] if m]
    if nums != list(range(1, len(nums) + 1)) or len(nums) < 7: errors.append(f"{did}: want a numbered list of 7+ steps, got {nums}")
    if not any(l.startswith("|") and set(l.replace("|", "").strip()) <= set("-: ") for l in md): errors.append(f"{did}: no Markdown table")
    if not any(a.startswith("#") and b.startswith("- ") for a, b in zip(md, md[1:])): errors.append(f"{did}: no list directly under a heading")
# Plain-text FAQ: "Qn." question lines, hard-wrapped at 75 characters, a bulleted answer, a contact block.
for did, suf in suffixes.items():
    if suf != ".txt": continue
    faq = (CORPUS / (did + ".txt")).read_text(encoding="utf-8").splitlines()
    qnums = [int(m.group(1)) for l in faq for m in [re.match(r"^Q(\d+)\. .*\?$", l)] if m]
    if qnums != list(range(1, len(qnums) + 1)) or len(qnums) < 10: errors.append(f"{did}: questions not numbered Q1..Qn: {qnums}")
    if sum(l.startswith("  - ") for l in faq) < 3: errors.append(f"{did}: no answer given as a bullet list")
    if sum(len(l) > 60 for l in faq) < 20: errors.append(f"{did}: answers do not look hard-wrapped")
    if max(len(l) for l in faq) > 75: errors.append(f"{did}: lines not hard-wrapped at 75 characters")
    for label in ("Phone:", "Email:", "Post:"):
        if not any(l.startswith(label) for l in faq): errors.append(f"{did}: contact block has no {label!r} line")
# HTML news page: page furniture around the article.
for did, suf in suffixes.items():
    if suf != ".html" or manifest[did].get("kind") != "news": continue
    raw = (CORPUS / (did + ".html")).read_text(encoding="utf-8")
    for probe in ("<header", "<nav", "breadcrumb", "Published ", "share-links", "cookie-banner", "<footer", "related-news",
                  "<script", "<style", "&pound;", "&nbsp;"):
        if probe not in raw: errors.append(f"{did}: no page furniture {probe!r}")
# Second public HTML page: lighter page furniture of a service information page.
for did, suf in suffixes.items():
    if suf != ".html" or manifest[did].get("kind") == "news": continue
    raw = (CORPUS / (did + ".html")).read_text(encoding="utf-8")
    for probe in ("skip-link", "<header", "<nav", "breadcrumb", "Page last reviewed", "<footer", "&rsquo;", "&nbsp;"):
        if probe not in raw: errors.append(f"{did}: no page furniture {probe!r}")
# DOCX memo: To/From/Date header, a staff-only line and at least one table.
for did, suf in suffixes.items():
    if suf != ".docx": continue
    with zipfile.ZipFile(CORPUS / (did + ".docx")) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    if "<w:tbl>" not in xml: errors.append(f"{did}: no table")
    for label in ("to:", "from:", "date:", "reference:", "staff only"):
        if label not in texts[did]: errors.append(f"{did}: no {label!r} in memo")

# ---------------------------------------------------------------- questions
items, cats = [], Counter()
for ln, line in enumerate((ROOT / "questions.jsonl").read_text().splitlines(), 1):
    try: q = json.loads(line)
    except json.JSONDecodeError as e: errors.append(f"line {ln}: bad JSON {e}"); continue
    items.append(q)
    missing = [k for k in FIELDS if k not in q]
    if missing: errors.append(f"{q.get('id', ln)}: missing {missing}"); continue
    extra = set(q) - set(FIELDS) - OPTIONAL
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
        if not re.search(r"\b(it|there|they|them|one)\b", q["question"].lower()):
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
            if any(not 1 <= len(a.split()) <= 6 for a in alts): errors.append(f"{q['id']}: fact not 1-6 words: {fact!r}")
            for a in alts:   # every alternative, not just one, must be in an expected source
                if not any(a in texts.get(s, "") for s in q["expected_sources"]):
                    errors.append(f"{q['id']}: fact not found verbatim in {q['expected_sources']}: {a!r}")
            if q.get("audience") == "staff":
                leaked = [a for a in alts if any(a in texts[p] for p in public)]
                if leaked: errors.append(f"{q['id']}: staff fact also in public doc: {leaked}")
        # every expected source must hold at least one of the facts
        for s in q["expected_sources"]:
            if not any(norm(a) in texts.get(s, "") for f in q["expected_facts"] for a in f.split("|")):
                errors.append(f"{q['id']}: expected source {s} holds none of the facts")
        if q.get("audience") == "staff" and not any(s in staff for s in q["expected_sources"]):
            errors.append(f"{q['id']}: staff question does not expect the staff document")
        if q.get("audience") != "staff" and any(s in staff for s in q["expected_sources"]):
            errors.append(f"{q['id']}: public question expects a staff-only source")
    elif q["expected_facts"] or q["expected_sources"]:
        errors.append(f"{q['id']}: unanswerable item lists sources/facts")
    # nothing a person in a medical emergency or crisis would send
    if re.search(r"\b(emergency|999|111|urgent|ambulance|can.?t breathe|chest pain|overdose|suicid|collapsed|unconscious|bleeding|fire)\b",
                 q["question"].lower() + " " + " ".join(t.get("content", "") for t in q.get("history", []) if t.get("role") == "user").lower()):
        errors.append(f"{q['id']}: question reads like an emergency or crisis")

ids = [q.get("id") for q in items]
if len(ids) != len(set(ids)): errors.append("duplicate ids")
if ids != [f"{PREFIX}-{i:02d}" for i in range(1, N + 1)]: errors.append(f"ids are not {PREFIX}-01..{PREFIX}-{N} in order")
if dict(cats) != WANT: errors.append(f"category counts {dict(cats)} != {WANT}")
n_ans = sum(bool(q.get("answerable")) for q in items)
if n_ans != 30: errors.append(f"want 30 answerable questions, got {n_ans}")
staff_ans = [q["id"] for q in items if q.get("audience") == "staff" and q.get("answerable")]
if len(staff_ans) < 3: errors.append(f"want at least 3 answerable staff-audience questions, got {staff_ans}")
if sum(q.get("audience") == "staff" and not q.get("answerable") for q in items) != 1:
    errors.append("want exactly 1 unanswerable staff-audience question")
two_part = [q for q in items if q.get("category") == "factual" and re.search(r", and |\? .*\?", q["question"])]
if len(two_part) < 4: errors.append(f"want 4+ two-part factual questions, got {[q['id'] for q in two_part]}")
partial = [q for q in two_part if q.get("answerable") and len(q["expected_facts"]) == 1
           and re.search(r"\b(first|second)\b part .*\bnot covered\b", q.get("notes", ""))]
if not partial: errors.append("want a two-part question answered only in part, with notes saying which part is not covered")
for q in items:
    if "notes" in q and not (q.get("answerable") and len(q["expected_facts"]) == 1 and q in two_part):
        errors.append(f"{q['id']}: notes are used here only for the part-answered two-part question")
# paraphrase items are written as residents type: lower case, no apostrophes, several with typos
for q in items:
    if q.get("category") == "paraphrase" and (q["question"] != q["question"].lower() or "'" in q["question"] or "\u2019" in q["question"]):
        errors.append(f"{q['id']}: paraphrase should be lower case without apostrophes")
if sum(bool(re.search(r"\b(im|whats|babys|comming|wil)\b", q["question"])) for q in items if q.get("category") == "paraphrase") < 3:
    errors.append("want at least 3 paraphrases with a typo or a dropped apostrophe")
for did, t in texts.items():
    for m in re.findall(r"\b0\d{4} ?\d{6}\b", t):
        digits = m.replace(" ", "")
        if not (digits.startswith("01632") and 960000 <= int(digits[5:]) <= 960999):
            errors.append(f"{did}: phone number outside the Ofcom drama range: {m}")
    for m in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", t):
        if not m.endswith(".example"): errors.append(f"{did}: email domain not .example: {m}")

# Memo-only details: in the staff memo, never in a public document.
MEMO_ONLY = ["flexible working", "peopleHub", "fw1", "tev/peo/2027/03", "rosalind achterberg-lyle", "lewis odunsi-marr",
             "01632 960619", "peopleservices@tev-icb.example", "staffside@tev-icb.example", "first day of employment",
             "26 weeks", "two requests", "12-month period", "within 2 months", "14 calendar days", "manager's manager",
             "5 working days", "trade union representative", "compressed hours", "9-day fortnight", "core hours",
             "hybrid working", "staff partnership forum", "1 march 2027"]
for s_ in (s.lower() for s in MEMO_ONLY):
    if not any(s_ in texts[d] for d in staff): errors.append(f"memo-only probe {s_!r} missing from memo")
    if any(s_ in texts[p] for p in public): errors.append(f"memo-only probe {s_!r} leaks into a public doc")

# Unanswerables: the detail asked for must be absent from the documents named
# (None: every public document; "ALL": every document), and the near miss must really be there.
NOT_ANSWERED = {
    f"{PREFIX}-31": (NW + PG, ["kwh", "pence", "per unit", "unit rate", "a quarter", "per quarter", "£ a", "£ per"]),
    f"{PREFIX}-32": (NW + PG, ["morning", "afternoon", "evening", "time slot", "am and", "8am", "9am", "10am", "arrive between"]),
    f"{PREFIX}-33": (PG + GD, ["£", "per flight", "hire", "costs about", "charge for oxygen", "oxygen on a plane costs"]),
    f"{PREFIX}-34": (GD, ["£", "fee of", "costs about", "charge of", "free of charge"]),
    f"{PREFIX}-35": (None, ["halal", "haram", "vegan", "gelatine", "gelatin", "kosher", "pork", "animal"]),
    f"{PREFIX}-36": (PL, ["01632", "telephone", "call us", " ring ", "phone line", "phone number", "helpline"]),
    f"{PREFIX}-37": (None, ["parking", "car park", "blue badge", "park and ride", "parking charges"]),
    f"{PREFIX}-38": (MM, ["abroad", "overseas", "outside the uk", "another country", "other countries", "international"]),
    f"{PREFIX}-39": (None, ["flexible working", "first day of employment", "26 weeks", "job share", "compressed hours",
                           "working pattern", "jobs at the icb", "vacancies", "careers"]),
    f"{PREFIX}-40": (FQ, ["opening hours", "opening times", "hub is open", "hubs are open", "hub opens", "open from", "family hub in sparrowdale is"]),
}
for qid, (docs, probes) in NOT_ANSWERED.items():
    q = next((q for q in items if q.get("id") == qid), None)
    want_staff = docs == MM
    if not q or q.get("answerable") or (q.get("audience") == "staff") != want_staff:
        errors.append(f"{qid}: should be an unanswerable {'staff' if want_staff else 'public'} item")
    where = list(texts) if docs == "ALL" else (docs or public)
    for s_ in probes:
        if any(s_ in texts[p] for p in where): errors.append(f"{qid}: unanswerable probe {s_!r} found in {where}")
if set(NOT_ANSWERED) != {q["id"] for q in items if not q.get("answerable")}:
    errors.append("every unanswerable item needs probes in NOT_ANSWERED")
# q-31: the only money in the news page is the contract value
sums_nw = re.findall(r"£[\d.,]+", texts[NW[0]])
if sums_nw != ["£9.2"]: errors.append(f"q-31: unexpected sums in the news page: {sums_nw}")
# q-33/q-34: no sums anywhere but the news page's contract, the FAQ's funding and the plan's budget
for d in public:
    if d not in NW + FQ + PL and "£" in texts[d]: errors.append(f"q-33/34: {d} contains a sum of money")
# q-36: no other document mentions Onward, so none can give its number
for p in texts:
    if p not in PL and "onward" in texts[p]: errors.append(f"q-36: {p} mentions Onward")
# q-38: nobody anywhere says anything about working from abroad
for p in texts:
    for s_ in ("work from abroad", "working abroad", "work abroad", "working from abroad"):
        if s_ in texts[p]: errors.append(f"q-38: {p} mentions {s_!r}")
# q-40: only the FAQ mentions family hubs
for p in texts:
    if p not in FQ and "family hub" in texts[p]: errors.append(f"q-40: {p} mentions family hubs")
# near misses are real
NEAR = [(NW, "every three months", "q-31 electricity payments"), (PG, "paid back for the electricity", "q-31 electricity"),
        (NW, "at least 2 weeks before it", "q-32 visit letter"), (NW, "about 45 minutes", "q-32 visit length"),
        (PG, "arrange and pay for oxygen yourself", "q-33 pay abroad"), (GD, "may charge a fee", "q-34 fee"),
        (FQ, "suitable for vegetarians", "q-35 vegetarian"), (PL, "onward@tev-icb.example", "q-36 email"),
        (PL, "lantern building", "q-37 venue"), (MM, "between home and an icb base", "q-38 hybrid"),
        (MM, "first day of employment", "q-39 day-one right"), (FQ, "monday to friday, 9am to 4pm", "q-40 phone hours"),
        (FQ, "family hubs in sparrowdale", "q-40 hubs")]
for docs, needle, what in NEAR:
    if not any(needle in texts[d] for d in docs): errors.append(f"near miss missing ({what}): {needle!r}")
# the overlap between the two oxygen pages: both name Fairbreath and its line; only the news page has
# the swap-over dates, contract and old number; only the info page has safety, reviews and holidays
for needle, inside, outside in [("fairbreath home oxygen ltd", NW + PG, ()), ("01632 960217", NW + PG, ()),
                                ("home oxygen assessment and review service", NW + PG, ()),
                                ("northgale", NW, PG), ("£9.2 million", NW, PG), ("01632 960158", NW, PG), ("12 april", NW, PG),
                                ("2.3kg", NW, PG), ("3 metres", PG, NW), ("once a year", PG, NW), ("england, scotland or wales", PG, NW)]:
    if not all(needle in texts[d] for d in inside): errors.append(f"overlap: {needle!r} missing from {inside}")
    if any(needle in texts[d] for d in outside): errors.append(f"overlap: {needle!r} should not be in {outside}")
if not any(set(q["expected_sources"]) >= set(NW + PG) for q in items if q.get("answerable")):
    errors.append("overlap: want one answer supported by both oxygen pages")

# Fictional details: postcodes in the made-up ZT area, web and email domains end in .example, no banned place names.
BANNED = ["quenmoor", "vellacombe", "greywater", "oakhurst", "corrowby", "rathwick", "pellworth", "corvel bay", "marlhaven",
          "saltmere", "lowmoor", "ravensholt", "kestrelvale", "harrowdale", "thornmere", "brackwater", "fenmarsh", "wealdmoor",
          "northshire", "caddisford", "yelverstow", "dunstreath", "elmscar", "dunmarrow", "keswyn", "tamberley", "wrenfold",
          "pennicott", "stobhill", "fulwick", "ambersett", "trewlow", "hessock", "wendlecross", "pollardine", "fallowmere"]
for did, t in texts.items():
    for m in re.findall(r"\b([a-z]{1,2}\d{1,2}[a-z]?) (\d[a-z]{2})\b", t):
        if not m[0].startswith("zt"): errors.append(f"{did}: postcode outside the made-up ZT area: {' '.join(m)}")
    for m in re.findall(r"\b(?:[\w-]+\.)+(?:com|org|net|uk|gov|nhs|io|co)\b", t):
        errors.append(f"{did}: real-looking domain: {m}")
    for b in BANNED:
        if b in t: errors.append(f"{did}: uses an already-used place name {b!r}")
qtext = " ".join(json.dumps(q).lower() for q in items)
for b in BANNED:
    if b in qtext: errors.append(f"questions use an already-used place name {b!r}")

print(f"documents: {len(manifest)} ({len(public)} public, {len(staff)} staff); "
      + ", ".join(f"{d}={len(texts[d].split())}w" for d in texts))
print(f"questions: {len(items)}; answerable {n_ans}, unanswerable {len(items) - n_ans}; "
      f"staff-audience {sum(q.get('audience') == 'staff' for q in items)}; two-part factual {len(two_part)}")
print("by category:", dict(sorted(cats.items())))
for n_ in notes: print("note:", n_)
if errors:
    print(f"\n{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK: all checks passed")
