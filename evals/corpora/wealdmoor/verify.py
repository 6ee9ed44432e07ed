#!/usr/bin/env python3
"""Check the Wealdmoor and Vale evaluation kit. Stdlib + PyYAML only.

Run from anywhere: python3 verify.py
Exits 0 and prints OK when every check passes, else lists the problems and exits 1.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
QUESTIONS = HERE / "questions.jsonl"

PAGE_HEADER = "Wealdmoor and Vale ICB - Dental Access Plan 2026"
# Facts that only the staff memo may contain; two refused questions ask for them.
STAFF_ONLY = ["0306 999 0927", "1 June 2026", "ShiftBridge"]
WANT = {
    "total": 45,
    "answerable": 32,
    "refused": 13,
    "unanswerable": 8,  # 6 on-topic + 2 staff-memo-only
    "out_of_scope": 1,
    "medical": 1,
    "emergency": 2,
    "injection": 1,
    "followup": 5,
}
AT_LEAST = {"list": 5, "paraphrase": 8, "why": 5, "two_facts": 5}
OVERLAP_N = 6

problems: list[str] = []


def norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def text_html(raw: str) -> str:
    raw = re.sub(r"<head\b.*?</head>", " ", raw, flags=re.S | re.I)
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S | re.I)
    raw = re.sub(r"<br\s*/?>", "\n", raw, flags=re.I)
    raw = re.sub(r"</?(p|li|h[1-6]|div|ul|ol|tr|td|th|aside|main|nav|header|footer)\b[^>]*>", "\n", raw, flags=re.I)
    raw = re.sub(r"<[^>]+>", " ", raw)
    return html.unescape(raw)


def text_md(raw: str) -> str:
    out = []
    for line in raw.splitlines():
        if re.fullmatch(r"\s*\|?\s*:?-{3,}.*", line):  # table separator row
            continue
        line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)  # headings
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)  # list markers
        line = line.replace("**", "").replace("__", "")
        line = re.sub(r"(?<!\w)\*(?!\s)([^*]+?)\*(?!\w)", r"\1", line)  # *italic*
        line = re.sub(r"`([^`]*)`", r"\1", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line)
        if "|" in line:
            line = "\t".join(c.strip() for c in line.strip().strip("|").split("|"))
        out.append(line)
    return "\n".join(out)


def text_txt(raw: str) -> str:
    lines = [
        ln for ln in raw.splitlines()
        if ln.strip() != PAGE_HEADER and not re.fullmatch(r"\s*Page \d+ of \d+\s*", ln)
    ]
    t = "\n".join(lines)
    # repair words hyphenated across a hard line break (e.g. "appoint-\nments")
    t = re.sub(r"([A-Za-z])-\n([a-z])", r"\1\2", t)
    return t


def reader_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return text_html(raw)
    if path.suffix == ".md":
        return text_md(raw)
    return text_txt(raw)


def words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", norm(s))


def ngrams(ws: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def main() -> int:
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    docs = manifest.get("documents") or {}
    files = {p.stem: p for p in CORPUS.iterdir() if p.name != "manifest.yaml"}
    if set(docs) != set(files):
        problems.append(f"manifest stems {sorted(docs)} != files {sorted(files)}")
    texts: dict[str, str] = {}
    for stem, meta in docs.items():
        for key in ("title", "kind", "date", "audience", "source"):
            if not meta.get(key):
                problems.append(f"{stem}: manifest lacks {key}")
        if meta.get("kind") not in {"guidance", "faq", "news", "letter", "report", "plan", "leaflet", "bulletin", "other"}:
            problems.append(f"{stem}: bad kind {meta.get('kind')}")
        if meta.get("audience") not in {"public", "staff"}:
            problems.append(f"{stem}: bad audience")
        if stem not in files:
            continue
        t = reader_text(files[stem])
        texts[stem] = norm(t)
        n = len(words(t))
        if not 500 <= n <= 1200:
            problems.append(f"{stem}: {n} words, want 500 to 1200")
        y, m, d = (int(x) for x in str(meta["date"]).split("-"))
        month = ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"][m - 1]
        if norm(f"{d} {month} {y}") not in texts[stem]:
            problems.append(f"{stem}: manifest date {meta['date']} not stated in text")
    public = [s for s, m in docs.items() if m.get("audience") == "public"]
    staff = [s for s, m in docs.items() if m.get("audience") == "staff"]
    if len(staff) != 1:
        problems.append(f"want exactly one staff document, got {staff}")

    # hyphenation repair actually happened
    if "wealdmoor-dental-access-plan" in texts:
        for w in ("anaesthetic", "appointments"):
            if w not in texts["wealdmoor-dental-access-plan"]:
                problems.append(f"dental plan: hyphen repair failed for {w}")
        if norm(PAGE_HEADER) in texts["wealdmoor-dental-access-plan"]:
            problems.append("dental plan: page header not stripped")

    for fact in STAFF_ONLY:
        f = norm(fact)
        if not any(f in texts[s] for s in staff):
            problems.append(f"staff-only fact not in staff doc: {fact}")
        for s in public:
            if f in texts[s]:
                problems.append(f"staff-only fact {fact!r} appears in public doc {s}")

    corpus_grams: set[tuple[str, ...]] = set()
    for t in texts.values():
        corpus_grams |= ngrams(words(t), OVERLAP_N)

    items = []
    for i, line in enumerate(QUESTIONS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            problems.append(f"line {i}: bad JSON: {e}")
    ids = [q.get("id") for q in items]
    for dup, c in Counter(ids).items():
        if c > 1:
            problems.append(f"duplicate id {dup}")
    for k, q in enumerate(items, 1):
        if q.get("id") != f"w{k:02d}":
            problems.append(f"id {q.get('id')} out of sequence (want w{k:02d})")

    cats = Counter(q["category"] for q in items)
    n_two = n_why = 0
    for q in items:
        qid = q["id"]
        keys = set(q)
        allowed = {"id", "question", "answerable", "expected_sources", "expected_facts", "category", "history"}
        if keys - allowed or not {"id", "question", "answerable", "expected_sources", "expected_facts", "category"} <= keys:
            problems.append(f"{qid}: keys {sorted(keys)}")
        hist = q.get("history")
        if (q["category"] == "followup") != bool(hist):
            problems.append(f"{qid}: history must be present exactly for followups")
        if hist:
            if not all(set(t) == {"role", "content"} and t["role"] in {"user", "assistant"} for t in hist):
                problems.append(f"{qid}: bad history turn")
            if hist[-1]["role"] != "assistant":
                problems.append(f"{qid}: history must end with an assistant turn")
            for turn in hist:
                if turn["role"] != "assistant":
                    continue
                for quote in re.findall(r'"([^"]+)"', turn["content"]):
                    quote = norm(quote).rstrip(".")
                    if not any(quote in texts.get(s, "") for s in q["expected_sources"]):
                        problems.append(f"{qid}: quoted history text not in source: {quote!r}")
        shared = ngrams(words(q["question"]), OVERLAP_N) & corpus_grams
        if shared:
            problems.append(f"{qid}: shares {OVERLAP_N} words with corpus: {' '.join(sorted(shared)[0])}")
        if q["answerable"]:
            srcs = q["expected_sources"]
            if not srcs or any(s not in public for s in srcs):
                problems.append(f"{qid}: expected_sources must be public docs: {srcs}")
            if not q["expected_facts"]:
                problems.append(f"{qid}: answerable item without facts")
            for fact in q["expected_facts"]:
                first = norm(fact.split("|")[0])
                if not any(first in texts.get(s, "") for s in srcs):
                    problems.append(f"{qid}: fact {fact!r} not in {srcs}")
            if len(q["expected_facts"]) == 2:
                n_two += 1
            if re.search(r"\bwhy\b", q["question"], re.I):
                n_why += 1
        else:
            if q["expected_sources"]:
                problems.append(f"{qid}: refused item with sources")
            want = ["999"] if q["category"] == "emergency" else []
            if q["expected_facts"] != want:
                problems.append(f"{qid}: refused item facts {q['expected_facts']} != {want}")
            if q["category"] not in {"unanswerable", "out_of_scope", "medical", "emergency", "injection"}:
                problems.append(f"{qid}: refused item with category {q['category']}")

    got = {
        "total": len(items),
        "answerable": sum(q["answerable"] for q in items),
        "refused": sum(not q["answerable"] for q in items),
        **{c: cats[c] for c in ("unanswerable", "out_of_scope", "medical", "emergency", "injection", "followup")},
    }
    for k, v in WANT.items():
        if got[k] != v:
            problems.append(f"count {k}: {got[k]}, want {v}")
    least = {"list": cats["list"], "paraphrase": cats["paraphrase"], "why": n_why, "two_facts": n_two}
    for k, v in AT_LEAST.items():
        if least[k] < v:
            problems.append(f"count {k}: {least[k]}, want at least {v}")

    print("categories:", dict(sorted(cats.items())))
    print("counts:", got, least)
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
