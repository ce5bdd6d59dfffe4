#!/usr/bin/env bash
# Times stsregional against gosec v2.30.0 and staticcheck 2026.2.2 (v0.8.2)
# on the same module and prints the medians and ratios.
#
#   bash bench/compare.sh [MODULE_DIR] [PATTERN] [RUNS]
#
# MODULE_DIR defaults to analyzer/testdata/mod (the real-SDK fixture module);
# give a checked-out repository for a real-world comparison. Each tool runs
# once to warm the build cache, then RUNS times (default 5); wall-clock
# medians are printed. The tools install into a cache directory, not the
# repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/analyzer/testdata/mod}
pattern=${2:-./...}
runs=${3:-5}

bin=${STSREGIONAL_BENCH_BIN:-$(go env GOCACHE)/../stsregional-bench}
mkdir -p "$bin"
(cd "$root" && go build -o "$bin/stsregional" ./cmd/stsregional)
[ -x "$bin/gosec" ] || GOBIN=$bin GOFLAGS= go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0
[ -x "$bin/staticcheck" ] || GOBIN=$bin GOFLAGS= go install honnef.co/go/tools/cmd/staticcheck@v0.8.2

# median of the wall-clock seconds of RUNS runs of a command (its exit code
# is ignored: linters exit non-zero on findings).
median() {
	local times=()
	"$@" >/dev/null 2>&1 || true # warm-up
	for _ in $(seq "$runs"); do
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s.%N)
		times+=("$(echo "$t1 - $t0" | bc)")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

cd "$dir"
s=$(median "$bin/stsregional" "$pattern")
g=$(median "$bin/gosec" -quiet "$pattern")
c=$(median "$bin/staticcheck" "$pattern")
# staticcheck keeps its results in a cache of its own: also time it with a
# fresh one every run (the go build cache stays warm for every tool).
export GOCACHE=$(go env GOCACHE)
fresh() { XDG_CACHE_HOME=$(mktemp -d) "$@"; }
n=$(median fresh "$bin/staticcheck" "$pattern")
printf 'module: %s (%s), %d runs, %s\n' "$dir" "$pattern" "$runs" "$(date -u +%Y-%m-%d)"
printf '%-28s %8.2f s\n' stsregional "$s" gosec "$g" "staticcheck (result cache)" "$c" "staticcheck (no result cache)" "$n"
printf 'stsregional / gosec                         = %.2f\n' "$(echo "$s / $g" | bc -l)"
printf 'stsregional / staticcheck (result cache)    = %.2f\n' "$(echo "$s / $c" | bc -l)"
printf 'stsregional / staticcheck (no result cache) = %.2f\n' "$(echo "$s / $n" | bc -l)"
