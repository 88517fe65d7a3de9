#!/usr/bin/env bash
# Figures on the outside held-out set (tests/data/heldout/, written by someone who never saw the
# training data; never train or tune on it). Splits each language file by persona context and runs
# `popbot eval` on each split, then the held-out scripted conversations.
# Usage: scripts/eval-heldout.sh [OUT_DIR]   (default results/heldout; needs a trained model)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-results/heldout}"
data=tests/data/heldout
popbot=.venv/bin/popbot
py=.venv/bin/python
[ -x "$popbot" ] || { echo "eval-heldout: run 'make build' first (no .venv/bin/popbot)" >&2; exit 2; }
mkdir -p "$out/splits"
for lang in en pl es; do
  for persona in plain rumianek gametips; do
    split="$out/splits/${persona}_${lang}.jsonl"
    "$py" - "$data/$lang.jsonl" "$persona" "$split" <<'PY'
import json, sys
src, persona, dst = sys.argv[1:]
rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
keep = [r for r in rows if r["persona"] == persona]
with open(dst, "w", encoding="utf-8") as f:
    for r in keep:
        f.write(json.dumps({k: r[k] for k in ("text", "signal", "urgent", "lang")}, ensure_ascii=False) + "\n")
PY
    [ -s "$split" ] || { rm -f "$split"; continue; }
    echo "=== $persona / $lang ($(wc -l < "$split") lines)"
    if [ "$persona" = plain ]; then
      "$popbot" eval "$split" --out "$out" 2>/dev/null
    else
      "$popbot" eval "$split" --persona "$persona" --out "$out" 2>/dev/null
    fi
  done
done
echo "=== scripted conversations ($data/conversations)"
"$popbot" eval --conversations "$data/conversations" --out "$out" 2>/dev/null || true
