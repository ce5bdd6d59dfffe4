#!/usr/bin/env bash
# Run the harness once per repository of a build list, one JSON report per
# repository, so that a long run on a busy machine keeps what it finished.
#
#   fieldtest/run-each.sh OUTDIR [WORKERS]
#
# Same environment as run.sh (CORPUS_DIR, BUILD_TSV, LABELS). A repository
# whose OUTDIR/owner+name.json exists is skipped, so the command can be
# restarted. WORKERS (default 1) repositories run at a time. Then:
#
#   fieldtest/merge.sh OUTDIR/*.json > all.json   # one report
#   fieldtest/score.sh -v OUTDIR/*.json           # or score the parts
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:?usage: $0 OUTDIR [WORKERS]}
workers=${2:-1}
BUILD_TSV=${BUILD_TSV:-$here/build.tsv}
mkdir -p "$out"
out=$(cd "$out" && pwd)
bin="$out/.harness"
(cd "$root" && go build -o "$bin" ./cmd/stsregional-fieldtest)
worker() {
	awk -F'\t' 'NR > 1 && $4 != "-" && $4 != "" { print $1 }' "$BUILD_TSV" | awk '!seen[$0]++' |
	while read -r repo; do
		key=${repo/\//+}
		[ -s "$out/$key.json" ] && continue
		mkdir "$out/$key.claim" 2>/dev/null || continue # another worker has it
		s=$(date +%s)
		if (cd "$root" && "$bin" -repos "${CORPUS_DIR:-/work/corpus}" -labels "${LABELS:-$here/labels.tsv}" \
			-build "$BUILD_TSV" -json -repo "$repo") >"$out/$key.json.part" 2>"$out/$key.err"; then
			mv "$out/$key.json.part" "$out/$key.json"
		fi
		echo "$repo $(( $(date +%s) - s ))s" >>"$out/times.log"
		rmdir "$out/$key.claim"
	done
}
for _ in $(seq "$workers"); do worker & done
wait
