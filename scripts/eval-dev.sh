#!/usr/bin/env bash
# Figures on the project's own test splits (never trained on; tests/nlu/test_split_leakage.py checks):
# the team splits (tests/data/safety, tests/data/personas), the fresh splits (tests/data/fresh; session 33's
# fresh_s33 persona visitors and fresh_s33_check plain check set; session 34's fresh_s34 persona visitors and
# fresh_s34_check plain check set with its scripted conversations) and the
# blind dev splits (tests/data/blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10 and blind11, written by testers who saw no data; their errors
# guide new training lines by category, never by copying). Prints one table row per split, then the scripted
# conversations (tests/conversations, then the blind ones in tests/data/blind2 … blind7, blind9, blind10 and blind11).
# Runs this checkout's code and model (python -m), so it measures a git worktree correctly.
# Usage: scripts/eval-dev.sh [OUT_DIR]   (default results/dev; needs a trained model)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-results/dev}"
py=.venv/bin/python
[ -x "$py" ] || { echo "eval-dev: run 'make build' first (no .venv/bin/python)" >&2; exit 2; }
popbot() { PYTHONHASHSEED=0 TF_CPP_MIN_LOG_LEVEL=3 "$py" -m bot.cli.main "$@"; }
mkdir -p "$out"
row() {  # row NAME FILE [PERSONA]
  local name=$1 file=$2 persona=${3:-}
  local args=("$file" --out "$out/$name")
  [ -n "$persona" ] && [ "$persona" != plain ] && args+=(--persona "$persona")
  popbot eval "${args[@]}" 2>/dev/null | awk -v n="$name" -v lines="$(grep -c . "$file")" '
    /help recall/ {h=$NF} /benign false-positive/ {f=$NF} /urgent recall/ {u=$NF} /not_safe recall/ {s=$NF}
    END {printf "| %-22s | %5d | %6s | %6s | %6s | %6s |\n", n, lines, h, f, u, s}'
}
echo "| split                  | lines |   help |     FP | urgent | not_safe |"
echo "|---|---|---|---|---|---|"
for lang in en es pl; do row "team/$lang" "tests/data/safety/$lang.jsonl"; done
for f in tests/data/personas/*.jsonl; do b=$(basename "$f" .jsonl); row "team/$b" "$f" "${b%_*}"; done
for lang in en es pl; do row "fresh/$lang" "tests/data/fresh/$lang.jsonl"; done
for f in tests/data/fresh/*_*.jsonl; do b=$(basename "$f" .jsonl); row "fresh/$b" "$f" "${b%_*}"; done
for lang in en es pl; do row "fresh_s33_check/$lang" "tests/data/fresh_s33_check/$lang.jsonl"; done
for lang in en es pl; do row "fresh_s34_check/$lang" "tests/data/fresh_s34_check/$lang.jsonl"; done
for f in tests/data/fresh_s33/*_*.jsonl; do b=$(basename "$f" .jsonl); row "fresh_s33/$b" "$f" "${b%_*}"; done
for f in tests/data/fresh_s34/*_*.jsonl; do b=$(basename "$f" .jsonl); row "fresh_s34/$b" "$f" "${b%_*}"; done
for d in blind blind2 blind3 blind4 blind5 blind6 blind7 blind8 blind9 blind10 blind11; do
  for f in tests/data/$d/*.jsonl; do b=$(basename "$f" .jsonl); row "$d/$b" "$f" "${b%_*}"; done
done
echo "=== scripted conversations (tests/conversations)"
popbot eval --conversations tests/conversations --out "$out" 2>/dev/null | tail -3
for d in blind2 blind3 blind4 blind5 blind6 blind7 blind9 blind10 blind11; do
  echo "=== blind scripted conversations (tests/data/$d/conversations)"
  popbot eval --conversations "tests/data/$d/conversations" --out "$out/$d-conversations" 2>/dev/null | tail -3
done
echo "=== session 34 check conversations (tests/data/fresh_s34_check/conversations)"
popbot eval --conversations tests/data/fresh_s34_check/conversations --out "$out/fresh_s34_check-conversations" 2>/dev/null | tail -3
