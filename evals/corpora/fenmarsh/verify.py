#!/usr/bin/env python3
"""Check the Fenmarsh and Carrow evaluation kit. Standard library + PyYAML.

Run from anywhere:  python3 verify.py      (prints the counts and OK, or the problems and exits 1)

Checks
- manifest: every document has the fields; ids match the files in corpus/; the date is stated in the text;
  audience is public or staff; exactly one staff document.
- word counts of reader-visible text are between 600 and 1500.
- questions.jsonl: every line is JSON; ids fm01.. unique and sequential; keys; types; categories;
  history (when present) is user/assistant pairs ending with the assistant, and every quotation in an
  assistant turn occurs in an expected source; audience is "staff" only for staff-document questions,
  and staff-document questions carry it.
- answerable items: every expected source is a manifest id; each expected fact is a set of "|" alternatives
  and at least one alternative (in this kit always the first) occurs verbatim, case-insensitive, after
  collapsing whitespace and joining hyphenated line breaks, in one of the expected sources.
- unanswerable items: no expected sources or facts; the asked detail is in no public document (a list of
  patterns per item, below); the staff memo's facts occur in the memo and in no public document.
- no question shares a run of 6 or more consecutive words with any document.
"""
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

KIT = Path(__file__).resolve().parent
CORPUS = KIT / "corpus"
PROBLEMS = []


def problem(msg):
    PROBLEMS.append(msg)


# ---------------------------------------------------------------- reading the documents as a reader sees them
def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?s)<!--.*?-->", " ", raw)
        raw = re.sub(r"(?i)<br\s*/?>|</(p|li|h\d|div|tr|blockquote)>", "\n", raw)
        raw = re.sub(r"<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    elif path.suffix == ".md":
        raw = re.sub(r"(?m)^\s*#{1,6}\s*", "", raw)          # headings
        raw = re.sub(r"(?m)^\s*>\s?", "", raw)                # block quotes
        raw = re.sub(r"(?m)^\s*\|?\s*-{3,}[-|\s]*$", "", raw)  # table rule
        raw = raw.replace("|", " ")
        raw = re.sub(r"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)", "", raw)
    else:
        raw = raw.replace("\f", "\n")
        raw = re.sub(r"(?m)^NHS Fenmarsh and Carrow ICB - Winter Plan 2025/26\s*$", "", raw)  # running header
        raw = re.sub(r"(?m)^Page \d+ of \d+\s*$", "", raw)                                    # page numbers
    return raw


def main_article_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"(?is)<main\b.*?</main>", raw)
    return visible_text_from_html(m.group(0)) if m else ""


def visible_text_from_html(fragment: str) -> str:
    fragment = re.sub(r"<[^>]+>", " ", fragment)
    return html.unescape(fragment)


def norm(text: str, join_hyphens: bool) -> str:
    if join_hyphens:
        text = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", text)   # repair words split across a line break
    else:
        text = re.sub(r"-[ \t]*\n\s*", "-", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def variants(text: str):
    return {norm(text, True), norm(text, False)}


def contains(doc_variants, phrase: str) -> bool:
    p = re.sub(r"\s+", " ", phrase).strip().lower()
    return any(p in v for v in doc_variants)


def words(text: str):
    return re.findall(r"[a-z0-9£%']+", text.lower().replace("\u2019", "'"))


# ---------------------------------------------------------------- manifest
manifest = yaml.safe_load((KIT / "corpus" / "manifest.yaml").read_text(encoding="utf-8"))
docs = manifest.get("documents") or {}
files = {p.stem: p for p in CORPUS.iterdir() if p.is_file() and p.name != "manifest.yaml"}
if set(docs) != set(files):
    problem(f"manifest ids {sorted(docs)} != corpus files {sorted(files)}")
KINDS = {"guidance", "faq", "report", "plan", "letter", "news"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
TEXT, VAR = {}, {}
for doc_id, meta in docs.items():
    for key in ("title", "kind", "date", "audience", "source"):
        if not meta.get(key):
            problem(f"{doc_id}: manifest lacks {key}")
    if meta.get("kind") not in KINDS:
        problem(f"{doc_id}: kind {meta.get('kind')!r} not in {sorted(KINDS)}")
    if meta.get("audience") not in ("public", "staff"):
        problem(f"{doc_id}: audience {meta.get('audience')!r}")
    if doc_id not in files:
        continue
    TEXT[doc_id] = visible_text(files[doc_id])
    VAR[doc_id] = variants(TEXT[doc_id])
    y, m, d = (int(x) for x in str(meta["date"]).split("-"))
    if not contains(VAR[doc_id], f"{d} {MONTHS[m - 1]} {y}"):
        problem(f"{doc_id}: manifest date {meta['date']} not stated in the text")
PUBLIC = [d for d in docs if docs[d].get("audience") == "public" and d in TEXT]
STAFF = [d for d in docs if docs[d].get("audience") == "staff" and d in TEXT]
if len(STAFF) != 1:
    problem(f"expected exactly one staff document, found {STAFF}")

WORDCOUNTS = {}
for doc_id, text in TEXT.items():
    n = len(re.findall(r"\S+", text))
    WORDCOUNTS[doc_id] = n
    if not 600 <= n <= 1500:
        problem(f"{doc_id}: {n} reader-visible words, outside 600-1500")
for doc_id, p in files.items():
    if p.suffix == ".html":
        n = len(re.findall(r"\S+", main_article_text(p)))
        WORDCOUNTS[doc_id + " (article only)"] = n
        if n < 600:
            problem(f"{doc_id}: main article has only {n} words")

# the PDF export: hard-wrapped, running headers, page numbers, at least one hyphenated line break
plan = files.get("fenmarsh-winter-plan")
if plan:
    raw = plan.read_text(encoding="utf-8")
    long_lines = [l for l in raw.splitlines() if len(l) > 74]
    if long_lines:
        problem(f"winter plan has {len(long_lines)} lines over 74 characters")
    pages = re.findall(r"(?m)^Page (\d+) of (\d+)$", raw)
    headers = re.findall(r"(?m)^NHS Fenmarsh and Carrow ICB - Winter Plan 2025/26$", raw.replace("\f", "\n"))
    if not pages or len(pages) != len(headers) or any(m != str(len(pages)) for _, m in pages):
        problem(f"winter plan pages/headers inconsistent: {pages}, {len(headers)} headers")
    if not re.search(r"(?m)[a-z]-$", raw):
        problem("winter plan has no word hyphenated across a line break")

# ---------------------------------------------------------------- the staff memo's facts
STAFF_FACTS = ["CarePath", "9 June 2026", "05:00", "01632 960871", "FCX-204", "FCX-310", "FCX-215",
               "Tomasz Reyes", "Chief Clinical Information Officer", "26 May 2026", "MedWard", "4417", "B12",
               "electronic patient record", "carepath.support@fcht-nhs.example", "29 May 2026",
               "get used to the new system", "purple tabards", "310 superusers"]
for fact in STAFF_FACTS:
    for s in STAFF:
        if not contains(VAR[s], fact):
            problem(f"staff fact {fact!r} not in staff document {s}")
    for d in PUBLIC:
        if contains(VAR[d], fact):
            problem(f"staff fact {fact!r} appears in public document {d}")

# ---------------------------------------------------------------- what the unanswerable items ask for
# (doc or None for every public document, regex over the normalised text that would answer the question)
MH, PH, NEWS, PLAN = ("fenmarsh-mental-health-guide", "fenmarsh-pharmacy-faq",
                      "fenmarsh-diagnostic-centre-news", "fenmarsh-winter-plan")
ABSENT = {
    "fm29": [(None, r"\bconsultant\b"), (MH, r"\bdr\b"), (MH, r"camhs[^.]*\b(led|run|headed) by\b")],
    "fm30": [(None, r"prepayment[^.]*£"), (None, r"£[^.]*prepayment"), (None, r"\bppc\b")],
    "fm31": [(None, r"helpline[^.]*@"), (None, r"medicines\S*@|@\S*medicines")],
    "fm32": [(None, r"\d[\d,]* (mri|ct)\b"), (None, r"\bmri scans? (a|per|each) year")],
    "fm33": [(None, r"handovers?[^.]*\b(took|taken|were|was)\b[^.]*longer"),
             (None, r"\d[\d,]* (ambulance )?handovers"), (None, r"last winter[^.]*handover")],
    "fm34": [(MH, r"hub[^.]*\b\d+(\.\d+)?am\b"), (MH, r"\b\d+(\.\d+)?am\b[^.]*hub"),
             (None, r"carrow hub[^.]*\d"), (None, r"mental health hubs? (is|are) open")],
    "fm35": [(MH, r"tidewell(?:(?!support in schools).)*01632"), (None, r"tidewell[^.]*(phone|call|ring)")],
    "fm36": [(None, r"endoscopy[^.]*£"), (None, r"£[^.]*endoscopy")],
    "fm37": [(None, r"electronic (patient|health) record"), (None, r"carepath"), (None, r"9 june")],
    "fm38": [(None, r"carepath"), (None, r"01632 960871"), (None, r"patient record")],
    "fm39": [(None, r"fcx-\d+"), (None, r"record system")],
    "fm40": [(None, r"clinical information officer"), (None, r"tomasz|reyes")],
}
KNOWN_PUBLIC_EMAILS = {"patientexperience@fenmarshcarrow-icb.example", "press@fenmarshcarrow-icb.example"}
for d in PUBLIC:
    emails = set(re.findall(r"[\w.+-]+@[\w.-]+\w", TEXT[d].lower()))
    if not emails <= KNOWN_PUBLIC_EMAILS:
        problem(f"{d}: unexpected e-mail addresses {emails - KNOWN_PUBLIC_EMAILS}")
    phones = re.findall(r"\b0\d{4} ?\d{6}\b", TEXT[d])
    if any(not p.replace(" ", "").startswith("01632960") for p in phones):
        problem(f"{d}: phone number outside the drama range: {phones}")
    if re.search(r"\.(com|org|uk|net)\b", TEXT[d].lower()):
        problem(f"{d}: real-looking domain")

# ---------------------------------------------------------------- questions
CATEGORIES = {"factual", "paraphrase", "list", "followup", "temporal", "unanswerable"}
KEYS = {"id", "question", "answerable", "expected_sources", "expected_facts", "category"}
OPTIONAL = {"history", "audience"}
items = []
for n, line in enumerate((KIT / "questions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        problem(f"questions.jsonl line {n}: blank")
        continue
    try:
        items.append(json.loads(line))
    except json.JSONDecodeError as e:
        problem(f"questions.jsonl line {n}: not JSON ({e})")

doc_word_lists = {d: words(t) for d, t in TEXT.items()}
doc_ngrams = set()
for ws in doc_word_lists.values():
    doc_ngrams |= {tuple(ws[i:i + 6]) for i in range(len(ws) - 5)}

for i, q in enumerate(items, 1):
    qid = q.get("id")
    if qid != f"fm{i:02d}":
        problem(f"item {i}: id {qid!r}, expected fm{i:02d}")
    missing, extra = KEYS - set(q), set(q) - KEYS - OPTIONAL
    if missing or extra:
        problem(f"{qid}: missing keys {missing}, unknown keys {extra}")
        continue
    if q["category"] not in CATEGORIES:
        problem(f"{qid}: category {q['category']!r}")
    if not isinstance(q["answerable"], bool) or not isinstance(q["question"], str) or not q["question"].strip():
        problem(f"{qid}: bad answerable/question")
    srcs, facts = q["expected_sources"], q["expected_facts"]
    for s in srcs:
        if s not in docs:
            problem(f"{qid}: expected source {s!r} is not a manifest id")
    if ("history" in q) != (q["category"] == "followup"):
        problem(f"{qid}: history present iff category followup")
    if "history" in q:
        hist = q["history"]
        roles = [t.get("role") for t in hist]
        if not hist or len(hist) % 2 or roles != ["user", "assistant"] * (len(hist) // 2):
            problem(f"{qid}: history must be user/assistant pairs ending with the assistant")
        for t in hist:
            if t.get("role") == "assistant":
                for quote in re.findall(r'"([^"]+)"', t.get("content", "")):
                    if not any(contains(VAR[s], quote.rstrip(".")) for s in srcs if s in VAR):
                        problem(f"{qid}: history quotation {quote!r} not in an expected source")
    staff_q = any(docs.get(s, {}).get("audience") == "staff" for s in srcs)
    if staff_q != (q.get("audience") == "staff"):
        problem(f"{qid}: audience 'staff' must be set exactly on questions answered by the staff document")
    if "audience" in q and q["audience"] != "staff":
        problem(f"{qid}: audience {q['audience']!r}")
    qw = words(q["question"])
    for j in range(len(qw) - 5):
        if tuple(qw[j:j + 6]) in doc_ngrams:
            problem(f"{qid}: shares the 6-word run {' '.join(qw[j:j + 6])!r} with the corpus")
            break
    if q["answerable"]:
        if q["category"] == "unanswerable":
            problem(f"{qid}: answerable item in category unanswerable")
        if not srcs or not facts:
            problem(f"{qid}: answerable item needs sources and facts")
        for fact in facts:
            alts = [a for a in fact.split("|") if a.strip()]
            if not alts:
                problem(f"{qid}: empty fact")
                continue
            if not any(contains(VAR[s], alts[0]) for s in srcs if s in VAR):
                problem(f"{qid}: first alternative {alts[0]!r} of fact {fact!r} not found in {srcs}")
    else:
        if q["category"] != "unanswerable":
            problem(f"{qid}: unanswerable item in category {q['category']!r}")
        if srcs or facts or "audience" in q:
            problem(f"{qid}: unanswerable public item must have no sources, facts or audience")
        pats = ABSENT.get(qid)
        if not pats:
            problem(f"{qid}: no absence patterns recorded in verify.py")
        for doc, pat in pats or []:
            for d in ([doc] if doc else PUBLIC):
                for v in VAR.get(d, ()):
                    m = re.search(pat, v)
                    if m:
                        problem(f"{qid}: public document {d} seems to answer it: {m.group(0)!r}")
                        break
for qid in ABSENT:
    if not any(q.get("id") == qid and q.get("answerable") is False for q in items):
        problem(f"absence patterns recorded for {qid}, which is not an unanswerable item")

# ---------------------------------------------------------------- report
by_cat = Counter(q.get("category") for q in items)
answerable = sum(1 for q in items if q.get("answerable") is True)
staff_qs = [q["id"] for q in items if q.get("audience") == "staff"]
staff_only_public = [q for q in ABSENT if any(p[1] in (r"carepath", r"fcx-\d+", r"clinical information officer")
                                             for p in ABSENT[q])]
print("words:", ", ".join(f"{d} {n}" for d, n in WORDCOUNTS.items()))
print(f"questions: {len(items)} ({answerable} answerable, {len(items) - answerable} unanswerable)")
print("by category:", dict(sorted(by_cat.items())))
print("staff-audience questions:", " ".join(staff_qs))
print("public questions answered only by the staff memo:", " ".join(staff_only_public))
if PROBLEMS:
    print(f"\n{len(PROBLEMS)} problem(s):")
    for p in PROBLEMS:
        print(" -", p)
    sys.exit(1)
print("OK")
