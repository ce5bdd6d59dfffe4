#!/usr/bin/env bash
# Whole-process benchmark of every stsregional entry point against a no-op
# analyzer through the same entry point: wall time and peak memory (the
# largest single process, as /usr/bin/time -v reports it), medians of
# interleaved runs (no-op, stsregional, no-op, ...), with a warm build
# cache, a cold one, and after editing one file of a root package.
#
#   bash bench/bench.sh [-n RUNS] [-c COLD_RUNS] [-m MODES] MODULE_DIR [PATTERN]
#
# MODULE_DIR is copied to a scratch directory first (the fix modes write to
# it). PATTERN defaults to ./... . MODES is a comma-separated subset of
#   text json inventory sarif fix vet gofix golangci
# (default: all). The pre-commit hooks run exactly the text and fix command
# lines (stsregional ./... and stsregional -fix ./...). golangci runs only
# when GCL names a golangci-lint binary built with the stsregional plugin
# (integration/testdata/gcl); its no-op side is the same binary with only
# govet enabled. STATES (default "warm cold edit") selects the cache states.
#
# The no-op analyzer is the stsregionalnoop build of cmd/stsregional: the
# same front-end and flags, an analyzer that does nothing.
set -euo pipefail
runs=5 cold_runs=2 modes=text,json,inventory,sarif,fix,vet,gofix,golangci
while getopts n:c:m: opt; do
	case $opt in
	n) runs=$OPTARG ;;
	c) cold_runs=$OPTARG ;;
	m) modes=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n '2,20p' "$0"; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
src=$(cd "$1" && pwd)
pattern=${2:-./...}
states=${STATES:-warm cold edit}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/bin
mkdir -p "$bin"
(cd "$root" && go build -o "$bin/stsregional" ./cmd/stsregional &&
	go build -tags stsregionalnoop -o "$bin/noop" ./cmd/stsregional)
dir=$work/mod
cp -a "$src" "$dir"
cd "$dir"

cat >"$work/sts.yml" <<YML
version: "2"
linters:
  default: none
  enable: [stsregional]
  settings:
    custom:
      stsregional:
        type: module
YML
cat >"$work/govet.yml" <<YML
version: "2"
linters:
  default: none
  enable: [govet]
YML

# cmdline MODE SIDE prints the command line of a mode for a side (noop or sts).
cmdline() {
	local t=$bin/stsregional
	[ "$2" = noop ] && t=$bin/noop
	case $1 in
	text) echo "$t $pattern" ;;
	json) echo "$t -json $pattern" ;;
	inventory) echo "$t -inventory -format=json $pattern" ;;
	sarif) echo "$t -format=sarif $pattern" ;;
	fix) echo "$t -fix $pattern" ;;
	vet) echo "go vet -vettool=$t $pattern" ;;
	gofix) echo "go fix -fixtool=$t $pattern" ;;
	golangci)
		local cfg=$work/sts.yml
		[ "$2" = noop ] && cfg=$work/govet.yml
		echo "$GCL run --output.text.path=stderr -c $cfg $pattern"
		;;
	esac
}

# A file of a root package, edited before each run of the edit state.
edit_file=$(go list -f '{{if .GoFiles}}{{.Dir}}/{{index .GoFiles 0}}{{end}}' "$pattern" 2>/dev/null | grep . | head -1)

# measure STATE MODE SIDE appends "wall maxrss_kB" to $work/STATE.MODE.SIDE.
measure() {
	local env=()
	case $1 in
	cold) env=(GOCACHE="$(mktemp -d -p "$work")" GOLANGCI_LINT_CACHE="$(mktemp -d -p "$work")") ;;
	edit) printf '\n// bench edit %s\n' "$RANDOM$RANDOM" >>"$edit_file" ;;
	esac
	# shellcheck disable=SC2046
	env "${env[@]}" /usr/bin/time -f '%e %M' -o "$work/t" $(cmdline "$2" "$3") >/dev/null 2>&1 || true
	tail -n 1 "$work/t" >>"$work/$1.$2.$3" # after any "Command exited with ..." line
	if [ "$1" = cold ]; then
		rm -rf "${env[0]#GOCACHE=}" "${env[1]#GOLANGCI_LINT_CACHE=}"
	fi
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "nan"}'; }

printf '# %s %s, %s, %s runs (cold %s), %s\n' "$src" "$pattern" "$(go version | cut -d' ' -f3)" "$runs" "$cold_runs" "$(date -u +%Y-%m-%d)"
printf '%-9s %-5s %10s %10s %6s %10s %10s %6s\n' mode state "noop s" "sts s" ratio "noop MB" "sts MB" ratio
for mode in ${modes//,/ }; do
	if [ "$mode" = golangci ] && [ -z "${GCL:-}" ]; then
		continue
	fi
	for state in $states; do
		n=$runs
		[ "$state" = cold ] && n=$cold_runs
		# Warm-up: fill the caches (and apply the fixes once).
		[ "$state" = cold ] || { measure warm "$mode" noop; measure warm "$mode" sts; rm -f "$work"/warm."$mode".*; }
		for _ in $(seq "$n"); do
			measure "$state" "$mode" noop
			measure "$state" "$mode" sts
		done
		f=$work/$state.$mode
		nw=$(cut -d' ' -f1 "$f.noop" | median) sw=$(cut -d' ' -f1 "$f.sts" | median)
		nm=$(cut -d' ' -f2 "$f.noop" | median) sm=$(cut -d' ' -f2 "$f.sts" | median)
		printf '%-9s %-5s %10.2f %10.2f %6.2f %10.0f %10.0f %6.2f\n' "$mode" "$state" "$nw" "$sw" \
			"$(echo "$sw / $nw" | bc -l)" "$(echo "$nm / 1024" | bc -l)" "$(echo "$sm / 1024" | bc -l)" "$(echo "$sm / $nm" | bc -l)"
	done
done
