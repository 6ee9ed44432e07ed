#!/usr/bin/env bash
# Run every eval set on its own corpus (a development loop; figures are not first runs).
# Usage: scripts/dev_evals.sh OUTDIR [extra eval args...]
# The seed corpus's sets (golden, seed-blind, seed-fresh*) run on corpus/; every
# evals/corpora/NAME/ runs its questions.jsonl on its own corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-reports/dev}; shift || true
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
bin=.venv/bin/ics-assistant
run() {  # name corpus dataset [args]
  local name=$1 corpus=$2 dataset=$3; shift 3
  printf '%-12s ' "$name"
  $bin eval --no-progress --corpus "$corpus" --dataset "$dataset" --out "$out/$name" "$@" \
    2>/dev/null | grep -E "^ +(strict_accuracy|false_refusal_rate|refusal_recall):" | tr -s ' \n' ' '
  echo
}
for set in golden seed-blind seed-fresh seed-fresh2 seed-fresh3 seed-fresh4 seed-fresh5 seed-fresh6 seed-fresh7 seed-fresh8 seed-fresh9 seed-fresh10 seed-fresh11; do
  [ -f "evals/datasets/$set.jsonl" ] && run "$set" corpus "evals/datasets/$set.jsonl" "$@"
done
for dir in evals/corpora/*/; do
  name=$(basename "$dir")
  run "$name" "$dir/corpus" "$dir/questions.jsonl" "$@"
done
