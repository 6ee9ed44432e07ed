#!/usr/bin/env python3
"""Validate the Farrowmead and Cobblestoke eval kit (blind32; adapted from the Vellacombe and Thrushley kit's verify.py).

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
N = 40
PFX = "q32"
errors, notes = [], []

NW, WG, TT, PL, MM, LH = ("fmc-going-home-lounge-news",), ("fmc-nhs-wig-guide",), ("fmc-tongue-tie-faq",), \
    ("fmc-missed-appointments-plan",), ("fmc-ev-car-scheme-staff-memo",), ("fmc-leaving-hospital-info-page",)
PDF_HEADER = "Keep It, Change It, Free It 2028 to 2029"

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
    if not did.startswith("fmc-"): errors.append(f"manifest {did}: id without the fmc- prefix")
    if meta.get("kind") not in KINDS: errors.append(f"manifest {did}: bad kind {meta.get('kind')!r}")
    if meta.get("audience") not in {"public", "staff"}: errors.append(f"manifest {did}: bad audience")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("date", "")): errors.append(f"manifest {did}: bad date")
    files = [f for f in CORPUS.glob(did + ".*") if f.name != "manifest.yaml"]
    if len(files) != 1: errors.append(f"manifest {did}: expected one file, found {files}"); continue
    texts[did] = visible_text(files[0]); suffixes[did] = files[0].suffix
    n = len(texts[did].split())
    if not 450 <= n <= 1150: errors.append(f"{did}: {n} words (want about 500-1,100)")
stray = {f.name for f in CORPUS.iterdir()} - {"manifest.yaml"} - {f.name for d in manifest for f in CORPUS.glob(d + ".*")}
if stray: errors.append(f"files in corpus/ not in manifest: {sorted(stray)}")
if sorted(suffixes.values()) != sorted([".html", ".html", ".md", ".txt", ".pdf", ".docx"]):
    errors.append(f"want two html and one each of md, txt, pdf, docx; got {sorted(suffixes.values())}")
public = [d for d, m in manifest.items() if m.get("audience") == "public"]
staff = [d for d, m in manifest.items() if m.get("audience") == "staff"]
if len(staff) != 1 or suffixes.get(staff[0]) != ".docx": errors.append(f"want exactly one staff document, the DOCX; got {staff}")

items = [json.loads(l) for l in (ROOT / "questions.jsonl").read_text().splitlines() if l.strip()]
byid = {q.get("id"): q for q in items}

# PDF layout: 2-3 pages, running header and page-numbered footer on every page, a word hyphenated at a line end,
# numbered sections, bullets, and a numbered list that runs over a page break.
try:
    from pypdf import PdfReader
    for did, suf in suffixes.items():
        if suf != ".pdf": continue
        pages = [p.extract_text() or "" for p in PdfReader(str(CORPUS / (did + ".pdf"))).pages]
        if not 2 <= len(pages) <= 3: errors.append(f"{did}: {len(pages)} pages (want 2-3)")
        for i, pt in enumerate(pages, 1):
            if PDF_HEADER not in pt: errors.append(f"{did}: no running header on page {i}")
            if f"Page {i} of {len(pages)}" not in pt: errors.append(f"{did}: no page-numbered footer on page {i}")
        if not re.search(r"[A-Za-z]{2,}-\n[a-z]{3,}", "\n".join(pages)): errors.append(f"{did}: no word hyphenated across a line end")
        secs = re.findall(r"^Section (\d): ", "\n".join(pages), flags=re.M)
        if secs != [str(i) for i in range(1, len(secs) + 1)] or len(secs) < 5: errors.append(f"{did}: sections not numbered 1..n: {secs}")
        item_pages = {i for i, pt in enumerate(pages, 1) for _ in re.findall(r"^\d\. ", pt, flags=re.M)}
        items_ = re.findall(r"^(\d)\. ", "\n".join(pages), flags=re.M)
        if items_ != [str(i) for i in range(1, len(items_) + 1)] or len(items_) < 7: errors.append(f"{did}: numbered list not 1..n (7+): {items_}")
        if len(item_pages) < 2: errors.append(f"{did}: numbered list all on one page {sorted(item_pages)}")
        # the list question on the plan's actions must take items from both sides of the page break
        q_list = byid.get(f"{PFX}-23")
        if q_list:
            where = [{i for i, pt in enumerate(pages, 1) for a in f.split("|") if norm(a) in norm(pt)} for f in q_list["expected_facts"]]
            if not (any(1 in w for w in where) and any(w and min(w) >= 2 for w in where)):
                errors.append(f"{PFX}-23: list facts do not span the PDF page break: {where}")
        # reportlab draws the bullet glyph as a one-character string of its own (octal \177 or \225 in Helvetica's
        # encoding); pypdf's text extraction drops it, so count those strings in the decompressed page contents
        glyphs = sum(len(re.findall(rb"\((?:\\177|\\225|\x7f|\x95)\) Tj", pg.get_contents().get_data()))
                     for pg in PdfReader(str(CORPUS / (did + ".pdf"))).pages)
        if glyphs < 4: errors.append(f"{did}: no bulleted list ({glyphs} bullet glyphs)")
except ImportError:
    notes.append("pypdf not installed: PDF layout checks skipped")

# Markdown guide: a table, a bullet list directly under a heading, and a numbered list of 7+ steps.
for did, suf in suffixes.items():
    if suf != ".md": continue
    md = [l for l in (CORPUS / (did + ".md")).read_text(encoding="utf-8").splitlines() if l.strip()]
    if not any(l.startswith("|") and set(l.replace("|", "").strip()) <= set("-: ") for l in md): errors.append(f"{did}: no Markdown table")
    if not any(a.startswith("#") and b.startswith("- ") for a, b in zip(md, md[1:])): errors.append(f"{did}: no list directly under a heading")
    nums = [int(m.group(1)) for l in md for m in [re.match(r"^(\d+)\. ", l)] if m]
    if nums != list(range(1, len(nums) + 1)) or len(nums) < 7: errors.append(f"{did}: numbered steps not 1..n with n >= 7: {nums}")
    if sum(l.startswith("#") for l in md) < 6: errors.append(f"{did}: too few headings")

# Plain-text FAQ: "Qn." question lines, hard-wrapped answers, a bulleted answer, a contact block.
for did, suf in suffixes.items():
    if suf != ".txt": continue
    faq = (CORPUS / (did + ".txt")).read_text(encoding="utf-8").splitlines()
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
    for probe in ("<header", "<nav", "breadcrumb", "Published ", "share-links", "cookie-banner", "<footer", "related-news",
                  "<script", "<style", "&pound;", "&nbsp;", "&rsquo;"):
        if probe not in raw: errors.append(f"{did}: no page furniture {probe!r}")
# Second public HTML page: lighter furniture of a service information page.
for did, suf in suffixes.items():
    if suf != ".html" or manifest[did].get("kind") == "news": continue
    raw = (CORPUS / (did + ".html")).read_text(encoding="utf-8")
    for probe in ("skip-link", "<header", "<nav", "breadcrumb", "Page last reviewed", "<footer", "&rsquo;", "&nbsp;", "<ol>"):
        if probe not in raw: errors.append(f"{did}: no page furniture {probe!r}")
# DOCX memo: STAFF ONLY line, To/From/Date header and at least one table.
for did, suf in suffixes.items():
    if suf != ".docx": continue
    with zipfile.ZipFile(CORPUS / (did + ".docx")) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    if "<w:tbl>" not in xml: errors.append(f"{did}: no table")
    for label in ("staff only", "to:", "from:", "date:", "reference:"):
        if label not in texts[did]: errors.append(f"{did}: no {label!r} in memo")

# Questions
cats = Counter()
FIELDS = ("id", "question", "answerable", "expected_sources", "expected_facts", "category")
for q in items:
    missing = [k for k in FIELDS if k not in q]
    if missing: errors.append(f"{q.get('id')}: missing {missing}"); continue
    extra = set(q) - set(FIELDS) - {"audience", "history", "notes"}
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
        if not re.search(r"\b(it|there|they|them|he|she|her|him)\b", q["question"].lower()):
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
    # nothing an emergency or crisis message would say
    for bad in ("emergency", "999", "bleed", "not breathing", "breathe", "suicid", "overdose", "unconscious",
                "chest pain", "collapsed", "urgent", "right now", "help me"):
        if bad in q["question"].lower() or any(bad in t["content"].lower() for t in q.get("history", []) if t["role"] == "user"):
            errors.append(f"{q['id']}: question reads like an emergency or crisis ({bad!r})")

ids = [q.get("id") for q in items]
if len(ids) != len(set(ids)): errors.append("duplicate ids")
if ids != [f"{PFX}-{i:02d}" for i in range(1, N + 1)]: errors.append(f"ids are not {PFX}-01..{PFX}-{N} in order")
if dict(cats) != WANT: errors.append(f"category counts {dict(cats)} != {WANT}")
if sum(bool(q.get("answerable")) for q in items) != 30: errors.append("want exactly 30 answerable questions")
if sum(q.get("audience") == "staff" and q.get("answerable") for q in items) != 4:
    errors.append("want exactly 4 answerable staff-audience questions (answered only by the memo)")
if sum(q.get("audience") == "staff" and q.get("category") == "factual" for q in items) != 2:
    errors.append("want exactly 2 staff-audience factual questions")
if sum(q.get("audience") == "staff" and not q.get("answerable") for q in items) != 1:
    errors.append("want exactly 1 unanswerable staff-audience question")
# two-part questions: 3 fully answered factual ones, plus one answered in part (facts for one part, the gap in notes)
two_part = [q["id"] for q in items if q.get("category") == "factual" and ", and " in q["question"]]
full = [i for i in two_part if len(byid[i]["expected_facts"]) >= 2 and "notes" not in byid[i]]
part = [i for i in two_part if "notes" in byid[i]]
if len(full) != 3: errors.append(f"want 3 fully answered two-part factual questions, got {full}")
if part != [f"{PFX}-08"]: errors.append(f"want {PFX}-08 as the part-answered two-part question, got {part}")
if "notes" in byid.get(f"{PFX}-08", {}) and ("not" not in byid[f"{PFX}-08"]["notes"] or not byid[f"{PFX}-08"]["answerable"]):
    errors.append(f"{PFX}-08: notes must say which part is not covered, and the item must be answerable")
for q in items:
    if "notes" in q and q["id"] != f"{PFX}-08": errors.append(f"{q['id']}: notes only on the part-answered item")
# the uncovered part of q32-08 (replying to the reminder text to cancel) really is absent from every document
for s_ in ("reply", "replying", "text back", "respond to the text", "text cancel", "cancel by text"):
    for p in texts:
        if s_ in texts[p]: errors.append(f"{PFX}-08: uncovered part probe {s_!r} found in {p}")
# paraphrase items are written as residents type: lower case, no apostrophes; some typos or dropped apostrophes
for q in items:
    if q.get("category") == "paraphrase" and (q["question"] != q["question"].lower() or "'" in q["question"] or "\u2019" in q["question"]):
        errors.append(f"{q['id']}: paraphrase should be lower case without apostrophes")
if sum(bool(re.search(r"\b(im|whats|thru|tounge)\b", q["question"])) for q in items if q.get("category") == "paraphrase") < 3:
    errors.append("want at least 3 paraphrases with a typo or a dropped apostrophe")

# Fictional contact details
for did, t in texts.items():
    for m in re.findall(r"\b0\d{4} ?\d{6}\b", t):
        digits = m.replace(" ", "")
        if not (digits.startswith("01632") and 960000 <= int(digits[5:]) <= 960999):
            errors.append(f"{did}: phone number outside the Ofcom drama range: {m}")
    for m in re.findall(r"\b\d{3,5} ?\d{3} ?\d{3,4}\b", t):
        if not m.replace(" ", "").startswith("01632960"): errors.append(f"{did}: phone-like number {m!r}")
    for m in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", t):
        if not m.endswith(".example"): errors.append(f"{did}: email domain not .example: {m}")
    for m in re.findall(r"\b([a-z]{1,2}\d{1,2}[a-z]?) (\d[a-z]{2})\b", t):
        if m[0] != "qj5": errors.append(f"{did}: postcode outside the made-up QJ5 area: {' '.join(m)}")
    for m in re.findall(r"\b(?:[\w-]+\.)+(?:com|org|net|uk|gov|nhs|io|co)\b", t):
        errors.append(f"{did}: real-looking domain: {m}")
# Place names the brief says were used before must not appear
USED = ["quenmoor", "vellacombe", "greywater", "oakhurst", "corrowby", "rathwick", "pellworth", "corvel bay", "marlhaven",
        "saltmere", "lowmoor", "ravensholt", "kestrelvale", "harrowdale", "thornmere", "brackwater", "fenmarsh", "wealdmoor",
        "northshire", "caddisford", "yelverstow", "dunstreath", "elmscar", "dunmarrow", "keswyn", "tamberley", "wrenfold",
        "pennicott", "stobhill", "fulwick", "ambersett", "trewlow", "hessock", "wendlecross", "pollardine", "fallowmere",
        "tollmarsh", "evenbury", "quillington", "sparrowdale", "hobbleford", "mintley cross", "pewsmere", "halverstock",
        "minnowby", "coldharrow", "thrushley", "marbeck", "oxenhythe", "kettlewade", "sallowfield", "brindle cross"]
for did, t in texts.items():
    for name in USED:
        if name in t: errors.append(f"{did}: uses a place name used before: {name}")
for q in items:
    blob = (q["question"] + " " + " ".join(t["content"] for t in q.get("history", []))).lower()
    for name in USED:
        if name in blob: errors.append(f"{q['id']}: uses a place name used before: {name}")

# Memo-only details: in the staff memo, never in a public document.
MEMO_ONLY = ["drivegreen", "larkspur", "salary sacrifice", "electric car", "charge point", "fcicb28", "fc/peo/2028/04",
             "rachel ormiston-hale", "nadia kellerby", "01632 960672", "01632 960690", "benefits@fc-icb.example",
             "3 april 2028", "£950", "early termination charge", "3 months of salary sacrifice", "insurance",
             "servicing and maintenance", "breakdown cover", "road tax", "vehicle excise duty", "volta e3", "nhs pension"]
for s_ in MEMO_ONLY:
    if not any(s_ in texts[d] for d in staff): errors.append(f"memo-only probe {s_!r} missing from memo")
    if any(s_ in texts[p] for p in public): errors.append(f"memo-only probe {s_!r} leaks into a public doc")

# Unanswerable items: the detail asked for is not in the documents named (None: all public; "ALL": every document).
NOT_ANSWERED = {
    f"{PFX}-31": (None, ["lounge manager", "manages the lounge", "manager of the lounge", "runs the lounge", "sister",
                         "matron", "nurse in charge of the lounge", "lounge lead", "led by", "team leader", "in charge of the lounge"]),
    f"{PFX}-32": (NW + LH, ["average wait", "usually wait", "typically", "waiting time", "wait time", "within an hour",
                         "within 1 hour", "within 2 hours", "within two hours", "on average", "most patients wait", "minutes in the lounge"]),
    f"{PFX}-33": (None, ["refund", "claim back", "money back", "reimburs", "repay", "pay you back", "backdat", "paid back"]),
    f"{PFX}-34": (None, ["hazelbaker", "bristol", "btat", "tabby", "atlff", "score of", "scoring tool", "tool called", "named tool"]),
    f"{PFX}-35": (None, [" fine ", " fine.", " fined", " fines", "penalt", "charge you", "charged for missing", "pay for a missed"]),
    f"{PFX}-36": (None, ["each missed appointment costs", "costs the nhs", "costs the hospital", "per missed", "per appointment",
                         "a missed appointment costs", "cost of a missed", "cost of each", "each empty slot costs", "wasted £"]),
    f"{PFX}-37": ("ALL", ["named driver", "partner", "spouse", "other drivers", "another driver", "family member",
                          "additional driver", "anyone else drive", "who can drive", "other people to drive"]),
    f"{PFX}-38": (None, ["drivegreen", "larkspur", "salary sacrifice", "electric car", "car scheme", "car lease", " lease ", "leasing"]),
    f"{PFX}-39": (TT, ["parking", "car park", " park ", "pay and display", "blue badge"]),
    f"{PFX}-40": (LH + NW, ["language", "interpreter", "polish", "translat", "urdu", "romanian", "portuguese"]),
}
for qid, (docs, probes) in NOT_ANSWERED.items():
    q = byid.get(qid)
    want_staff = docs == "ALL"
    if not q or q.get("answerable") or (q.get("audience") == "staff") != want_staff:
        errors.append(f"{qid}: should be an unanswerable {'staff' if want_staff else 'public'} item")
    where = list(texts) if docs == "ALL" else (docs or public)
    for s_ in probes:
        if any(s_ in " " + texts[p] + " " for p in where): errors.append(f"{qid}: unanswerable probe {s_!r} found in {where}")
if set(NOT_ANSWERED) != {q["id"] for q in items if not q.get("answerable")}:
    errors.append("every unanswerable item needs probes in NOT_ANSWERED")
# q32-39: no document but the FAQ mentions the tongue-tie clinic's rooms, so the news page's pick-up spaces are the only parking
for p in texts:
    if p not in TT and ("mallow suite" in texts[p] or "tongue" in texts[p]): errors.append(f"{PFX}-39: {p} mentions the tongue-tie clinic")
# q32-32: only the news page and the info page mention the Going Home Lounge
for p in texts:
    if p not in NW + LH and "lounge" in texts[p]: errors.append(f"{PFX}-32: {p} mentions the lounge")
# q32-40: the Settling In call is only on the info page
for p in texts:
    if p not in LH and "settling in" in texts[p]: errors.append(f"{PFX}-40: {p} mentions the Settling In call")
# near misses are real: each unanswerable question's topic is discussed nearby
NEAR = [
    (f"{PFX}-31", NW, "helen marchbank, chief nurse"), (f"{PFX}-31", NW, "two registered nurses"),
    (f"{PFX}-32", NW, "up to 45 patients a day"), (f"{PFX}-32", LH, "going home lounge"),
    (f"{PFX}-33", WG, "hc2 certificate"), (f"{PFX}-33", WG, "pay the charge"),
    (f"{PFX}-34", TT, "recognised assessment tool"),
    (f"{PFX}-35", PL, "misses two appointments in a row"), (f"{PFX}-35", PL, "discharged back to their gp"),
    (f"{PFX}-36", PL, "41,300"), (f"{PFX}-36", PL, "£385,000"),
    (f"{PFX}-37", MM, "insurance for business and personal use"),
    (f"{PFX}-38", MM, "larkspur vehicle solutions ltd"),
    (f"{PFX}-39", NW, "free for up to 30 minutes"),
    (f"{PFX}-40", LH, "settling in call"), (f"{PFX}-40", PL, "polish, urdu, romanian and portuguese"),
]
for qid, docs, needle in NEAR:
    if not any(needle in texts.get(d, "") for d in docs): errors.append(f"{qid}: near-miss text {needle!r} missing from {docs}")
# the designed overlap between the news page and the leaving-hospital page: both name the Going Home Lounge, the
# Linnet Wing, the pharmacy technician and the lounge's number; only the news page gives opening date, hours, cost,
# facilities and pick-up parking; only the info page gives the discharge date, the Settling In call and the support line
for needle, inside, outside in [("going home lounge", NW + LH, ()), ("linnet wing", NW + LH, ()),
                                ("pharmacy technician", NW + LH, ()), ("01632 960247", NW + LH, ()),
                                ("24 april 2028", NW, LH), ("10am to 6pm", NW, LH), ("£640,000", NW, LH),
                                ("hot meal", NW, LH), ("pick-up spaces", NW, LH),
                                ("expected date of discharge", LH, NW), ("settling in call", LH, NW), ("01632 960258", LH, NW)]:
    if not all(needle in texts[d] for d in inside): errors.append(f"overlap: {needle!r} missing from {inside}")
    if any(needle in texts[d] for d in outside): errors.append(f"overlap: {needle!r} should not be in {outside}")
q26 = byid.get(f"{PFX}-26", {})
if sorted(q26.get("expected_sources", [])) != sorted(NW + LH): errors.append(f"{PFX}-26: should expect both overlapping pages")

print(f"documents: {len(manifest)} ({len(public)} public, {len(staff)} staff); "
      + ", ".join(f"{d}={len(texts[d].split())}w" for d in texts))
print(f"questions: {len(items)}; answerable {sum(bool(q.get('answerable')) for q in items)}, "
      f"unanswerable {sum(not q.get('answerable') for q in items)}; staff-audience {sum(q.get('audience')=='staff' for q in items)}")
print("by category:", dict(sorted(cats.items())))
for n_ in notes: print("note:", n_)
if errors:
    print(f"\n{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK: all checks passed")
