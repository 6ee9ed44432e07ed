#!/usr/bin/env python3
"""Validate the Brackwater and Elmsfield eval kit (stdlib only)."""
import html, json, re, sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
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

def visible_text(path):
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
    files = list(CORPUS.glob(did + ".*"))
    if len(files) != 1: errors.append(f"manifest {did}: expected one file, found {files}"); continue
    texts[did] = visible_text(files[0])
    n = len(texts[did].split())
    if not 500 <= n <= 900: errors.append(f"{did}: {n} words (want 500-900)")
public = [d for d, m in manifest.items() if m.get("audience") == "public"]
staff = [d for d, m in manifest.items() if m.get("audience") == "staff"]

items, cats = [], Counter()
for ln, line in enumerate((ROOT / "questions.jsonl").read_text().splitlines(), 1):
    try: q = json.loads(line)
    except json.JSONDecodeError as e: errors.append(f"line {ln}: bad JSON {e}"); continue
    items.append(q)
    for k in ("id", "question", "answerable", "expected_sources", "expected_facts", "category"):
        if k not in q: errors.append(f"{q.get('id', ln)}: missing {k}")
    cats[q.get("category")] += 1
    if q.get("category") not in {"factual", "paraphrase", "list", "followup", "unanswerable"}:
        errors.append(f"{q['id']}: bad category")
    for s in q.get("expected_sources", []):
        if s not in manifest: errors.append(f"{q['id']}: unknown source {s}")
    if q.get("category") == "followup" and not q.get("history"):
        errors.append(f"{q['id']}: followup without history")
    if q.get("answerable"):
        if not q["expected_sources"] or not q["expected_facts"]:
            errors.append(f"{q['id']}: answerable but no sources/facts")
        for fact in q["expected_facts"]:
            alts = [norm(a) for a in fact.split("|")]
            if not any(a in texts.get(s, "") for s in q["expected_sources"] for a in alts):
                errors.append(f"{q['id']}: fact not found verbatim: {fact!r}")
            if q.get("audience") == "staff":
                leaked = [a for a in alts if any(a in texts[p] for p in public)]
                if leaked: errors.append(f"{q['id']}: staff fact also in public doc: {leaked}")
        if q.get("audience") != "staff" and any(s in staff for s in q["expected_sources"]):
            errors.append(f"{q['id']}: public question expects a staff-only source")
    elif q.get("expected_facts"):
        errors.append(f"{q['id']}: unanswerable item lists facts")

ids = [q["id"] for q in items]
if len(ids) != len(set(ids)): errors.append("duplicate ids")

# The memo-only details probed by public unanswerable items must not leak into public docs.
MEMO_ONLY = ["shadow", "4729", "hannah broadbent", "4432", "operations lead", "quarry room", "beu-7702", "bleep 2216"]
for s in MEMO_ONLY:
    if not any(s in texts[d] for d in staff): errors.append(f"memo-only probe {s!r} missing from memo")
    if any(s in texts[p] for p in public): errors.append(f"memo-only probe {s!r} leaks into a public doc")

print(f"documents: {len(manifest)} ({len(public)} public, {len(staff)} staff); "
      + ", ".join(f"{d}={len(texts[d].split())}w" for d in texts))
print(f"questions: {len(items)}; answerable {sum(q['answerable'] for q in items)}, "
      f"unanswerable {sum(not q['answerable'] for q in items)}; staff-audience {sum(q.get('audience')=='staff' for q in items)}")
print("by category:", dict(sorted(cats.items())))
if errors:
    print(f"\n{len(errors)} problem(s):"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK: all checks passed")
