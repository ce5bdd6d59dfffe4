#!/usr/bin/env bash
# Fix safety on real code: for every repository of the build list that builds
# offline, apply `stsregional -fix` to its listed packages, then check that
# they still build and vet, that gofmt is clean on the files the fixes
# changed, and that a second run reports nothing fixable. The work trees are
# restored afterwards (git checkout).
#
#   bash fieldtest/fixsafety.sh [BUILD_TSV]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
CORPUS_DIR=${CORPUS_DIR:-/work/corpus}
BUILD_TSV=${1:-${BUILD_TSV:-$here/build.tsv}}
[ -f "$BUILD_TSV" ] || BUILD_TSV=/work/shared/corpus/build.tsv
bin=$(mktemp -d)/stsregional
(cd "$root" && go build -o "$bin" ./cmd/stsregional) || exit 1

printf '| repository | packages | fixable findings | files changed | go build | go vet (before → after) | gofmt -l | fixable findings after |\n|---|---|---:|---:|---|---|---|---:|\n'
# The loop reads the build list on fd 3: the commands inside read stdin.
# Tabs become \x1f first: read collapses runs of white-space separators, and
# empty columns (goflags) must stay columns.
while IFS=$'\x1f' read -r repo commit moddir pkgs goflags offline note <&3; do
	[ "$offline" = yes ] || continue
	[ -n "$pkgs" ] || continue
	wt=$CORPUS_DIR/${repo/\//+}
	[ -d "$wt" ] || continue
	cd "$wt/$moddir" || continue
	export GOFLAGS="-buildvcs=false $goflags"
	# shellcheck disable=SC2086
	before=$("$bin" -json $pkgs 2>/dev/null | grep -o '"suggested_fixes"' | wc -l)
	# shellcheck disable=SC2086
	if go vet $pkgs >/dev/null 2>&1; then v0=ok; else v0=FAIL; fi
	# shellcheck disable=SC2086
	"$bin" -fix $pkgs >/dev/null 2>&1 </dev/null
	changed=$(git -C "$wt" diff --name-only | wc -l)
	# shellcheck disable=SC2086
	if go build $pkgs >/dev/null 2>&1; then b=ok; else b=FAIL; fi
	# shellcheck disable=SC2086
	if go vet $pkgs >/dev/null 2>&1; then v=ok; else v=FAIL; fi
	fmt=$(git -C "$wt" diff --name-only -- '*.go' | (cd "$wt" && xargs -r gofmt -l) | wc -l)
	[ "$fmt" = 0 ] && f=clean || f="$fmt files"
	# shellcheck disable=SC2086
	after=$("$bin" -json $pkgs 2>/dev/null | grep -o '"suggested_fixes"' | wc -l)
	printf '| %s | `%s` | %s | %s | %s | %s → %s | %s | %s |\n' "$repo" "$pkgs" "$before" "$changed" "$b" "$v0" "$v" "$f" "$after"
	git -C "$wt" checkout -q -- . 2>/dev/null
	git -C "$wt" clean -qfd 2>/dev/null
done 3< <(tail -n +2 "$BUILD_TSV" | tr '\t' '\037')
