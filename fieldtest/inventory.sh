#!/usr/bin/env bash
# The inventory of every field-corpus repository that builds offline
# (fieldtest/build.tsv), as JSON goldens in fieldtest/inventory/:
#
#   fieldtest/inventory.sh [OUT_DIR]
#
# ONLY=owner/name (a regular expression) limits the run to some rows.
# Run fieldtest/run.sh checkout first (the work trees under $CORPUS_DIR).
# One file per build.tsv row, named owner+name.json, or
# owner+name@module+dir.json for a module below the repository root; paths
# in it are relative to the module directory. A row that fails to load is
# reported on stderr and gets no file. The goldens are checked against
# fieldtest/labels.tsv by TestFieldInventory in cmd/stsregional-fieldtest.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
CORPUS_DIR=${CORPUS_DIR:-/work/corpus}
BUILD_TSV=${BUILD_TSV:-$here/build.tsv}
out=${1:-$here/inventory}
mkdir -p "$out"

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
(cd "$root" && go build -o "$bin/stsregional" ./cmd/stsregional)

# awk, not read: empty cells (goflags) would collapse with IFS=tab.
awk -F'\t' 'NR > 1 && $4 != "-" && $4 != "" && $6 == "yes" { print $1 "|" $3 "|" $4 "|" $5 }' "$BUILD_TSV" |
while IFS='|' read -r repo moddir pkgs goflags; do
	if [ -n "${ONLY:-}" ] && ! [[ $repo =~ $ONLY ]]; then
		continue
	fi
	key=${repo/\//+}
	name=$key
	[ "$moddir" = . ] || name="$key@${moddir//\//+}"
	dir=$CORPUS_DIR/$key/$moddir
	if [ ! -d "$dir" ]; then
		echo "$name: no work tree at $dir (fieldtest/run.sh checkout)" >&2
		continue
	fi
	# shellcheck disable=SC2086 # pkgs is a list of patterns
	if (cd "$dir" && GOFLAGS="$goflags" GOWORK=off "$bin/stsregional" -inventory -format=json $pkgs) >"$bin/out.json" 2>"$bin/err"; then
		mv "$bin/out.json" "$out/$name.json"
		echo "$name: $(grep -c '"kind"' "$out/$name.json") routes"
	else
		echo "$name: failed: $(grep -v '^stsregional: module' "$bin/err" | tail -n 1)" >&2
	fi
done
