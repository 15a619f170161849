#!/usr/bin/env bash
# The Rio case in miniature, end to end: build the three models, probe them, weigh them, write the case.
#
#   examples/rio-case/run.sh OUT            # rio-case suite, weights, case report; then the default suite
#   examples/rio-case/run.sh OUT --quick    # without the default suite (about a third of the time)
#
# Models are cached in .idprobe-cache/rio-case/models (rebuilt only when the recipe changes); runs resume.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:?usage: examples/rio-case/run.sh OUT [--quick]}
QUICK=${2:-}
export HF_HUB_OFFLINE=1
# OpenMP threads spinning on shared cores slow torch down by 10-50x; passive waiting avoids it.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
MODELS=.idprobe-cache/rio-case/models
idprobe() { "$PY" -m harness.cli "$@"; }

echo "== 1. models (from the embedded SmolLM2): $MODELS"
"$PY" examples/rio-case/make_models.py --out "$MODELS"

echo "== 2. the rio-case suite (24 questions x 5 samples, without and with the Rio system prompt)"
for model in rio-mini nex-mini smollm2; do
  idprobe run probes/rio-case.yaml --target "examples/rio-case/$model.yaml" --out "$OUT/runs/rio-case/$model"
done

echo "== 3. weights: is rio-mini a blend of nex-mini and smollm2?"
idprobe weights "$MODELS/rio-mini" --parent "$MODELS/nex-mini" --base "$MODELS/smollm2" --out "$OUT/weights" --no-progress

echo "== 4. the case: rio-mini against its parents"
R="$OUT/runs/rio-case"
idprobe compare "$R/rio-mini" "$R/nex-mini" "$R/smollm2" --weights "$OUT/weights/weights.json" --out "$OUT/case" > "$OUT/case-summary.md"

if [ "$QUICK" != "--quick" ]; then
  echo "== 5. the default suite (69 prompts in 10 languages) on the three models"
  for model in rio-mini nex-mini smollm2; do
    idprobe run probes/identity.yaml --target "examples/rio-case/$model.yaml" --out "$OUT/runs/identity/$model"
  done
  D="$OUT/runs/identity"
  idprobe compare "$D/rio-mini" "$D/nex-mini" "$D/smollm2" --weights "$OUT/weights/weights.json" \
    --out "$OUT/case-identity" > "$OUT/case-identity-summary.md"
  echo "default-suite case report: $OUT/case-identity/case.html"
  echo "== 6. rio-mini over the open questions of both suites (78 prompts; 'are-you' questions left out)"
  "$PY" examples/rio-case/pooled.py "$R/rio-mini" "$D/rio-mini" | tee "$OUT/pooled-rio-mini.txt"
fi
echo "case report: $OUT/case/case.html"
