#!/usr/bin/env bash
# Whole-process benchmark of every stsregional entry point against a no-op
# analyzer through the same entry point: wall time, CPU time (user + system,
# the process and its children) and peak memory (the largest single
# process, as /usr/bin/time reports it), medians of interleaved runs
# (no-op, stsregional, no-op, ...), with a warm build cache, a cold one,
# and after editing one file of a root package. Each ratio is the median of
# the ratios of the pairs of runs, which holds when the machine's speed
# drifts; on a busy machine CPU time is steadier than wall time.
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
# EDIT names the file (relative to MODULE_DIR) that the edit state appends a
# comment to before each run; by default the first file of the first
# package of PATTERN. BIN names a directory holding prebuilt stsregional
# and noop binaries (default: built from this checkout); giving two builds
# of stsregional as the pair compares two versions.
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
# BIN, if set, holds prebuilt stsregional and noop binaries.
bin=${BIN:-$work/bin}
if [ -z "${BIN:-}" ]; then
	mkdir -p "$bin"
	(cd "$root" && go build -o "$bin/stsregional" ./cmd/stsregional &&
		go build -tags stsregionalnoop -o "$bin/noop" ./cmd/stsregional)
fi
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
		echo "$GCL run --allow-parallel-runners --output.text.path=stderr -c $cfg $pattern"
		;;
	esac
}

# A file of a root package, edited before each run of the edit state.
if [ -n "${EDIT:-}" ]; then
	edit_file=$dir/$EDIT
else
	# awk reads the whole list: head would close the pipe early, and the
	# SIGPIPE of go list would end the script under pipefail.
	edit_file=$(go list -f '{{if .GoFiles}}{{.Dir}}/{{index .GoFiles 0}}{{end}}' "$pattern" 2>/dev/null | awk 'NF && !f {print; f = 1}')
fi

# measure STATE MODE SIDE appends "wall maxrss_kB cpu" to $work/STATE.MODE.SIDE.
measure() {
	local env=()
	case $1 in
	cold) env=(GOCACHE="$(mktemp -d -p "$work")" GOLANGCI_LINT_CACHE="$(mktemp -d -p "$work")") ;;
	edit) printf '\n// bench edit %s\n' "$RANDOM$RANDOM" >>"$edit_file" ;;
	esac
	# shellcheck disable=SC2046
	env "${env[@]}" /usr/bin/time -f '%e %M %U %S' -o "$work/t" $(cmdline "$2" "$3") >/dev/null 2>&1 || true
	# The last line: after any "Command exited with ..." line.
	tail -n 1 "$work/t" | awk '{print $1, $2, $3 + $4}' >>"$work/$1.$2.$3"
	if [ "$1" = cold ]; then
		rm -rf "${env[0]#GOCACHE=}" "${env[1]#GOLANGCI_LINT_CACHE=}"
	fi
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "nan"}'; }

# stats FILE_PREFIX COLUMN prints the medians of the no-op and stsregional
# values of a column and the median of their pairwise ratios.
stats() {
	local n s r
	n=$(cut -d' ' -f"$2" "$1.noop" | median)
	s=$(cut -d' ' -f"$2" "$1.sts" | median)
	r=$(paste -d' ' <(cut -d' ' -f"$2" "$1.noop") <(cut -d' ' -f"$2" "$1.sts") |
		awk '{if ($1 > 0) print $2 / $1}' | median)
	echo "$n $s $r"
}

printf '# %s %s, %s, %s runs (cold %s), edit %s, %s\n' "$src" "$pattern" "$(go version | cut -d' ' -f3)" \
	"$runs" "$cold_runs" "${edit_file#"$dir"/}" "$(date -u +%Y-%m-%d)"
printf '%-9s %-5s %7s %7s %5s  %7s %7s %5s  %7s %7s %5s\n' mode state "noop s" "sts s" ratio \
	"noop cpu" "sts cpu" ratio "noop MB" "sts MB" ratio
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
		read -r nw sw rw <<<"$(stats "$f" 1)"
		read -r nc sc rc <<<"$(stats "$f" 3)"
		read -r nm sm rmem <<<"$(stats "$f" 2)"
		printf '%-9s %-5s %7.2f %7.2f %5.2f  %7.2f %7.2f %5.2f  %7.0f %7.0f %5.2f\n' "$mode" "$state" \
			"$nw" "$sw" "$rw" "$nc" "$sc" "$rc" "$((nm / 1024))" "$((sm / 1024))" "$rmem"
	done
done
