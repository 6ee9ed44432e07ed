#!/usr/bin/env python3
"""Validate the Halverstock and Minnowby eval kit (blind30; adapted from the Vellacombe and Thrushley kit's verify.py).

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
N, P = 40, "q30"
errors, notes = [], []

NW, GD, FQ, PL, MM, PG = ("hmy-vasectomy-clinic-news",), ("hmy-cervical-screening-home-kit-guide",), \
    ("hmy-medical-examiner-faq",), ("hmy-carpal-tunnel-service-plan",), ("hmy-kingfisher-awards-staff-memo",), \
    ("hmy-carpal-tunnel-info-page",)

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
        t = re.sub(r"<head\b.*?</head>", " ", t, flags=re.S | re.I)
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
    if not did.startswith("hmy-"): errors.append(f"manifest {did}: id does not use the hmy- prefix")
    for k in ("title", "kind", "date", "audience", "source"):
        if k not in meta: errors.append(f"manifest {did}: missing {k}")
    if meta.get("kind") not in KINDS: errors.append(f"manifest {did}: bad kind {meta.get('kind')!r}")
    if meta.get("audience") not in {"public", "staff"}: errors.append(f"manifest {did}: bad audience")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("date", "")): errors.append(f"manifest {did}: bad date")
    files = [f for f in CORPUS.glob(did + ".*") if f.name != "manifest.yaml"]
    if len(files) != 1: errors.append(f"manifest {did}: expected one file, found {files}"); continue
    texts[did] = visible_text(files[0]); suffixes[did] = files[0].suffix
    n = len(texts[did].split())
    if not 500 <= n <= 1100: errors.append(f"{did}: {n} words (want about 500-1,100)")
stray = {f.name for f in CORPUS.iterdir()} - {"manifest.yaml"} - {f.name for d in manifest for f in CORPUS.glob(d + ".*")}
if stray: errors.append(f"files in corpus/ not in manifest: {sorted(stray)}")
if sorted(suffixes.values()) != sorted([".html", ".html", ".md", ".txt", ".pdf", ".docx"]):
    errors.append(f"want html x2, md, txt, pdf, docx; got {sorted(suffixes.values())}")
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
            if "Hands First 2027 to 2028" not in pt: errors.append(f"{did}: no running header on page {i}")
            if f"Page {i} of {len(pages)}" not in pt: errors.append(f"{did}: no page-numbered footer on page {i}")
        if not re.search(r"[a-z]{3,}-\n[a-z]{3,}", "\n".join(pages)): errors.append(f"{did}: no word hyphenated across a line end")
        secs = re.findall(r"^Section (\d): ", "\n".join(pages), flags=re.M)
        if secs != [str(i) for i in range(1, len(secs) + 1)] or len(secs) < 5: errors.append(f"{did}: sections not numbered 1..n: {secs}")
        item_pages = {i for i, pt in enumerate(pages, 1) for _ in re.findall(r"^\d\. ", pt, flags=re.M)}
        items_ = re.findall(r"^(\d)\. ", "\n".join(pages), flags=re.M)
        if items_ != [str(i) for i in range(1, len(items_) + 1)] or len(items_) < 7: errors.append(f"{did}: numbered list not 1..n (7+): {items_}")
        if len(item_pages) < 2: errors.append(f"{did}: numbered list all on one page {sorted(item_pages)}")
        # the list question on the steps after referral must take items from both sides of the page break
        q_list = next((json.loads(l) for l in (ROOT / "questions.jsonl").read_text().splitlines()
                       if json.loads(l).get("id") == f"{P}-22"), None)
        if q_list:
            where = [{i for i, pt in enumerate(pages, 1) for a in f.split("|") if norm(a) in norm(pt)} for f in q_list["expected_facts"]]
            if not (any(w == {1} for w in where) and any(w and min(w) >= 2 for w in where)):
                errors.append(f"{P}-22: list facts do not span the PDF page break: {where}")
        # reportlab draws the bullet glyph in Helvetica's WinAnsi encoding; pypdf extracts it as "\x7f"
        if not any(pt.count("\u2022") + pt.count("\x7f") >= 2 for pt in pages): errors.append(f"{did}: no bulleted list")
except ImportError:
    notes.append("pypdf not installed: PDF layout checks skipped")
# Markdown guide: a table, a bullet list directly under a heading, a numbered list of 7+ steps.
for did, suf in suffixes.items():
    if suf != ".md": continue
    md = [l for l in (CORPUS / (did + ".md")).read_text(encoding="utf-8").splitlines() if l.strip()]
    if not any(l.startswith("|") and set(l.replace("|", "").strip()) <= set("-: ") for l in md): errors.append(f"{did}: no Markdown table")
    if not any(a.startswith("#") and b.startswith("- ") for a, b in zip(md, md[1:])): errors.append(f"{did}: no list directly under a heading")
    steps = [int(m.group(1)) for l in md for m in [re.match(r"^(\d+)\. ", l)] if m]
    if steps != list(range(1, len(steps) + 1)) or len(steps) < 7: errors.append(f"{did}: no numbered list of 7+ steps: {steps}")
# Plain-text FAQ: "Qn." question lines, hard-wrapped at 75 characters, a bullet answer, a contact block.
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
    for probe in ("skip-link", "<header", "<nav", "breadcrumb", "Published ", "share-links", "cookie-banner", "<footer",
                  "related-news", "<script", "<style", "&pound;", "&nbsp;", "&rsquo;"):
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
    for label in ("to:", "from:", "date:", "staff only"):
        if label not in texts[did]: errors.append(f"{did}: no {label!r} memo header")

# ---------------------------------------------------------------- questions
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
            if any(not 1 <= len(a.split()) <= 6 for a in alts): errors.append(f"{q['id']}: fact not 1-6 words: {fact!r}")
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
    for t in [q["question"]] + [h.get("content", "") for h in q.get("history", [])]:
        if re.search(r"\b(999|a&e|ambulance|emergency|suicid|overdose|chest pain|can.?t breathe|collapsed)\b", t.lower()):
            errors.append(f"{q['id']}: reads like an emergency or crisis message")

ids = [q.get("id") for q in items]
if len(ids) != len(set(ids)): errors.append("duplicate ids")
if ids != [f"{P}-{i:02d}" for i in range(1, N + 1)]: errors.append(f"ids are not {P}-01..{P}-{N} in order")
if dict(cats) != WANT: errors.append(f"category counts {dict(cats)} != {WANT}")
if sum(bool(q.get("answerable")) for q in items) != 30: errors.append("want exactly 30 answerable questions")
if sum(q.get("audience") == "staff" and q.get("answerable") for q in items) < 3:
    errors.append("want at least 3 answerable staff-audience questions (answered only by the memo)")
if sum(q.get("audience") == "staff" and not q.get("answerable") for q in items) != 1:
    errors.append("want exactly 1 unanswerable staff-audience question")
two_part = [q["id"] for q in items if q.get("answerable") and re.search(r", and |\? .*\?", q["question"])]
if len(two_part) < 4: errors.append(f"want 4+ answerable two-part questions, got {two_part}")
partial = [q["id"] for q in items if q["id"] in two_part and q.get("notes") and "not covered" in q["notes"].lower()
           or q["id"] in two_part and q.get("notes") and "only the first part" in q["notes"].lower()]
if not partial: errors.append("want a two-part question with only one part answered, explained in notes")
for q in items:
    if "notes" in q and q["id"] not in two_part: errors.append(f"{q['id']}: notes only expected on the partly answered two-part item")
# paraphrase items are written as residents type: lower case, no apostrophes, some typos
for q in items:
    if q.get("category") == "paraphrase" and (q["question"] != q["question"].lower() or "'" in q["question"] or "\u2019" in q["question"]):
        errors.append(f"{q['id']}: paraphrase should be lower case without apostrophes")
if sum(bool(re.search(r"\b(im|ive|whats|certficate)\b", q["question"])) for q in items if q.get("category") == "paraphrase") < 3:
    errors.append("want at least 3 paraphrases with a typo or a dropped apostrophe")

# ---------------------------------------------------------------- fictional details
for did, t in texts.items():
    for m in re.findall(r"\b0\d{4} ?\d{6}\b", t):
        digits = m.replace(" ", "")
        if not (digits.startswith("01632") and 960000 <= int(digits[5:]) <= 960999):
            errors.append(f"{did}: phone number outside the Ofcom drama range: {m}")
    for m in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", t):
        if not m.endswith(".example"): errors.append(f"{did}: email domain not .example: {m}")
    for m in re.findall(r"\b([a-z]{1,2}\d{1,2}[a-z]?) (\d[a-z]{2})\b", t):
        if m[0] != "qz4": errors.append(f"{did}: postcode outside the made-up QZ4 area: {' '.join(m)}")
    for m in re.findall(r"\b(?:[\w-]+\.)+(?:com|org|net|uk|gov|nhs|io|co)\b", t):
        errors.append(f"{did}: real-looking domain: {m}")
    for m in re.findall(r"\b(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?=/|\b)", t):
        if "." in m and not m.endswith(".example") and not re.fullmatch(r"[\d.,]+", m) and re.search(r"www\.|icb", m):
            errors.append(f"{did}: web address not on .example: {m}")
# names the brief says were used before must not appear
USED = ["quenmoor", "vellacombe", "greywater", "oakhurst", "corrowby", "rathwick", "pellworth", "corvel bay", "marlhaven",
        "saltmere", "lowmoor", "ravensholt", "kestrelvale", "harrowdale", "thornmere", "brackwater", "fenmarsh", "wealdmoor",
        "northshire", "caddisford", "yelverstow", "dunstreath", "elmscar", "dunmarrow", "keswyn", "tamberley", "wrenfold",
        "pennicott", "stobhill", "fulwick", "ambersett", "trewlow", "hessock", "wendlecross", "pollardine", "fallowmere",
        "tollmarsh", "evenbury", "quillington", "sparrowdale", "hobbleford", "mintley cross", "pewsmere", "thrushley"]
for did, t in texts.items():
    for u in USED:
        if u in t: errors.append(f"{did}: uses a place name from an earlier kit: {u}")

# ---------------------------------------------------------------- staff memo stays out of public documents
MEMO_ONLY = ["kingfisher", "award", "awards evening", "corn exchange", "staffnet", "nomination", "shortlist", "15 july 2027",
             "28 may 2027", "12 noon", "£35", "£200", "marcus penhallow-reid", "people and culture", "hm/pod/2027/14",
             "01632 960579", "kingfisher.awards@hm-icb.example", "tidewell", "minnowby building society",
             "self-nominations are not accepted", "kind, fair and curious", "no more than 400 words", "rising star",
             "unsung hero", "staff engagement team"]
for s_ in MEMO_ONLY:
    if not any(s_ in texts[d] for d in staff): errors.append(f"memo-only probe {s_!r} missing from memo")
    if any(s_ in texts[p] for p in public): errors.append(f"memo-only probe {s_!r} leaks into a public doc")

# ---------------------------------------------------------------- unanswerables: the detail asked for is really absent
# (docs: the documents searched; None = all public documents; "ALL" = every document, staff memo included)
NOT_ANSWERED = {
    f"{P}-31": (None, ["a day", "per day", "each day", "every day", "daily", "per session", "a session", "per list",
                       "each clinic", "vasectomies a week", "per week", "a month"]),
    f"{P}-32": (None, ["reversal", "reverse", "undo", "undone", "reconnect"]),
    f"{P}-33": (None, ["period", "menstrua", "time of the month"]),
    f"{P}-34": (GD, ["lines are open", "line is open", "phone line", "phone lines", "opening hours", "opening times",
                     "monday to friday", "weekdays", "8am", "8.30am", "5pm", "4pm", "6pm"]),
    f"{P}-35": (None, ["coroner's office on", "coroner's office is", "the coroner's office,", "coroner's office:",
                       "contact the coroner's office", "coroner on 0", "coroner's officers on 0", "coroners office",
                       "coroner's court"]),
    f"{P}-36": (None, ["lead medical examiner officer", "officer manager", "office manager", "manages the", "managed by",
                       "manages our", "head of the office", "service manager", "line manage"]),
    f"{P}-37": (PL + PG, ["off work", "back to work", "return to work", "time off", "desk work", "fit note", "sick note",
                          "light duties"]),
    f"{P}-38": (None, ["lead hand therapist", "lead therapist", "head of hand therapy", "therapy lead", "therapies lead",
                       "therapy manager", "senior hand therapist"]),
    f"{P}-39": ("ALL", ["taxi", "travel home", "getting home", "get home", "lift home", "minibus", "coach", "travel costs",
                        "mileage", "expenses"]),
    f"{P}-40": (None, ["kingfisher", "award", "ceremony", "corn exchange", "15 july"]),
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
# q30-34: the Hub's number is only in the guide, so no other document can give its hours
for p in texts:
    if p not in GD and ("960254" in texts[p] or "screening hub" in texts[p]): errors.append(f"{P}-34: {p} mentions the Screening Hub")
# q30-35: the FAQ gives exactly three numbers (office, register office, urgent release) and none is the coroner's;
# no other document mentions the coroner at all
faq_phones = set(re.findall(r"01632 \d{6}", texts[FQ[0]]))
if faq_phones != {"01632 960630", "01632 960622", "01632 960633"}: errors.append(f"{P}-35: unexpected FAQ numbers {faq_phones}")
for m in re.finditer(r"01632 \d{6}", texts[FQ[0]]):
    if "coroner" in texts[FQ[0]][max(0, m.start() - 80):m.start()]: errors.append(f"{P}-35: a number follows 'coroner'")
for p in texts:
    if p not in FQ and "coroner" in texts[p]: errors.append(f"{P}-35: {p} mentions the coroner")
# q30-33: no public document mentions the subject at all outside the guide (and the guide never mentions periods)
# near misses are real: the detail next to the one asked for is there
NEAR = [(NW, "1,200 vasectomies a year", f"{P}-31"), (NW, "no-scalpel vasectomy", f"{P}-32"),
        (GD, "9am to 1pm", f"{P}-34"), (GD, "01632 960254", f"{P}-34"),
        (FQ, "coroner's officers will then contact you", f"{P}-35"),
        (FQ, "lead medical examiner is dr priyanka sandhu-wells", f"{P}-36"), (FQ, "6 medical examiner officers", f"{P}-36"),
        (PG, "1 to 2 weeks", f"{P}-37"), (PL, "clinical lead for the service is miss rhiannon achterberg", f"{P}-38"),
        (PL, "6 hand therapists", f"{P}-38"), (MM, "two-course meal", f"{P}-39"), (MM, "step-free", f"{P}-39"),
        (FQ, "certified copies of the death certificate", f"{P}-11")]
for docs, needle, qid in NEAR:
    if not all(needle in texts[d] for d in docs): errors.append(f"{qid}: near-miss {needle!r} missing from {docs}")
# q30-11: the price of a certified copy is not given anywhere
for p in public:
    if re.search(r"certified cop(y|ies)[^.]{0,80}£|£[^.]{0,80}certified cop", texts[p]): errors.append(f"{P}-11: copy fee given in {p}")

# ---------------------------------------------------------------- the designed overlap between the plan and the info page
for needle, inside, outside in [("halverstock and minnowby hand service", PL + PG, ()), ("6 september 2027", PL + PG, ()),
                                ("saxlow treatment centre", PL + PG, ()), ("minnowby community health nhs trust", PL + PG, ()),
                                ("local anaesthetic", PL + PG, ()), ("same day", PL + PG, ()),
                                ("hand ease", PL, PG), ("18 weeks", PL, PG), ("2,150", PL, PG), ("night splint", PL, PG),
                                ("01632 960468", PG, PL), ("steering wheel", PG, PL), ("short-sleeved", PG, PL)]:
    if not all(needle in texts[d] for d in inside): errors.append(f"overlap: {needle!r} missing from {inside}")
    if any(needle in texts[d] for d in outside): errors.append(f"overlap: {needle!r} should not be in {outside}")
for p in texts:
    if p not in PL + PG and "carpal tunnel" in texts[p]: errors.append(f"overlap: {p} mentions carpal tunnel")

print(f"documents: {len(manifest)} ({len(public)} public, {len(staff)} staff); "
      + ", ".join(f"{d}={len(texts[d].split())}w" for d in texts))
print(f"questions: {len(items)}; answerable {sum(bool(q.get('answerable')) for q in items)}, "
      f"unanswerable {sum(not q.get('answerable') for q in items)}; staff-audience {sum(q.get('audience')=='staff' for q in items)}; "
      f"two-part answerable {len(two_part)} (partly answered: {', '.join(partial)})")
print("by category:", dict(sorted(cats.items())))
for n_ in notes: print("note:", n_)
if errors:
    print(f"\n{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK: all checks passed")
