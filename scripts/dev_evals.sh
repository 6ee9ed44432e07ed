#!/usr/bin/env bash
# Run every eval set on its own corpus (a development loop; figures are not first runs).
# Usage: scripts/dev_evals.sh OUTDIR [extra eval args...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-reports/dev}; shift || true
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
bin=.venv/bin/ics-assistant
$bin eval --no-progress --corpus corpus --dataset evals/datasets/golden.jsonl --out "$out/golden" "$@" | grep -E "strict|false_ref|refusal_rec|failing"
$bin eval --no-progress --corpus corpus --dataset evals/datasets/seed-blind.jsonl --out "$out/seed-blind" "$@" | grep -E "strict|false_ref|refusal_rec|failing"
$bin eval --no-progress --corpus evals/corpora/northshire/corpus --dataset evals/corpora/northshire/questions.jsonl --out "$out/northshire" "$@" | grep -E "strict|false_ref|refusal_rec|failing"
