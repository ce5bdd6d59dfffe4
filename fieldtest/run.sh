#!/usr/bin/env bash
# Reproduce the field test of stsregional against the public corpus.
#
#   fieldtest/run.sh [checkout|run [flags]|round3 [flags]|extra [flags]|all]   (default: all)
#
#   checkout  make the work trees (see below)
#   run       run the harness over build.tsv (flags go to the harness, e.g. -json)
#   round3    the same, restricted to the repositories added in round 3 (build.tsv
#             rows whose note starts with "round3:"), labelled before any run
#   extra     run it over the extra packages listed in extra() below
#   all       checkout, then run
#
# Environment:
#   CORPUS_DIR  work trees, one per repository, as $CORPUS_DIR/owner+name
#               (default /work/corpus; keep it OUTSIDE this module)
#   MIRROR_DIR  git mirrors as $MIRROR_DIR/owner+name/repo (default /work/.mirror)
#   BUILD_TSV   repo/commit/module_dir/packages/goflags per repository
#               (default fieldtest/build.tsv)
#   LABELS      labels TSV (default fieldtest/labels.tsv)
#
# Getting the code. In the workplace this was written in, the mirrors under
# $MIRROR_DIR were produced by a workplace tool ("fetch github:owner/name"),
# which is not part of this project. A user reproduces them with plain git:
#
#   git clone --mirror https://github.com/OWNER/NAME "$MIRROR_DIR/OWNER+NAME/repo"
#
# for every repository listed in build.tsv. This script does exactly that when
# a mirror is missing (set NO_NETWORK_CLONE=1 to forbid it), then makes a
# detached work tree at the listed commit for each repository.
#
# Analysing the code needs the Go module proxy (GOPROXY as configured) to
# download the repositories' dependencies; nothing else goes to the network.
# The first type check of a repository takes 35 s to 6 min; later runs reuse
# the Go build cache.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
CORPUS_DIR=${CORPUS_DIR:-/work/corpus}
MIRROR_DIR=${MIRROR_DIR:-/work/.mirror}
BUILD_TSV=${BUILD_TSV:-$here/build.tsv}
LABELS=${LABELS:-$here/labels.tsv}
mode=${1:-all}

checkout() {
	mkdir -p "$CORPUS_DIR"
	# awk, not read: empty cells (goflags) would collapse with IFS=tab.
	awk -F'\t' 'NR > 1 && $4 != "-" && $4 != "" { print $1 "|" $2 }' "$BUILD_TSV" | sort -u |
	while IFS='|' read -r repo commit; do
		key=${repo/\//+}
		mirror="$MIRROR_DIR/$key/repo"
		if [ ! -e "$mirror" ]; then
			if [ "${NO_NETWORK_CLONE:-0}" = 1 ]; then
				echo "missing mirror $mirror" >&2
				continue
			fi
			git clone -q --mirror "https://github.com/$repo" "$mirror"
		fi
		[ -d "$mirror/.git" ] && mirror="$mirror/.git"
		full=$(git --git-dir="$mirror" rev-parse --verify -q "$commit^{commit}" || true)
		if [ -z "$full" ]; then
			echo "$repo: commit $commit not in mirror; using the mirror's HEAD" >&2
			full=$(git --git-dir="$mirror" rev-parse HEAD)
		fi
		wt="$CORPUS_DIR/$key"
		if [ ! -d "$wt/.git" ]; then
			# --shared: objects come from the mirror (alternates), so commits
			# not reachable from a branch are available too.
			git clone -q --shared --no-checkout "$mirror" "$wt"
		fi
		# A snapshot may lack some large blobs (jar files and the like): leave
		# those paths out of the work tree through a sparse checkout.
		missing=$(git -C "$wt" ls-tree -r "$full" | awk '$2=="blob"{print $3}' |
			git -C "$wt" cat-file --batch-check 2>/dev/null |
			awk '$2=="missing"{print $1}' || true)
		if [ -n "$missing" ]; then
			git -C "$wt" config core.sparseCheckout true
			{
				echo '/*'
				git -C "$wt" ls-tree -r "$full" | awk -v m="$missing" '
					BEGIN { n = split(m, a, "\n"); for (i = 1; i <= n; i++) miss[a[i]] = 1 }
					$2 == "blob" && ($3 in miss) { sub(/^[^\t]*\t/, ""); print "!/" $0 }'
			} >"$wt/.git/info/sparse-checkout"
			echo "$repo: $(echo "$missing" | wc -l) blob(s) absent from the snapshot, left out" >&2
		fi
		# (git may still print "invalid object" for the absent blobs; harmless.)
		git -C "$wt" -c advice.detachedHead=false checkout -q --force --detach "$full"
		git -C "$wt" clean -qfdx
		echo "$repo @ $full -> $wt"
	done
}

run() {
	cd "$root"
	go run ./cmd/stsregional-fieldtest -repos "$CORPUS_DIR" -labels "$LABELS" -build "$BUILD_TSV" "$@"
}

# round3: only the repositories added in round 3 (see RESULTS.md).
round3() {
	local repos
	repos=$(awk -F'\t' 'NR > 1 && $7 ~ /^round3:/ { print $1 }' "$BUILD_TSV" | sort -u | paste -sd, -)
	run -repo "$repos" "$@"
}

# extra: packages outside build.tsv's patterns that hold labelled lines
# (other modules of the same repositories). Supplementary; RESULTS.md keeps
# the two runs apart.
extra() {
	cd "$root"
	local f
	f=$(mktemp)
	trap 'rm -f "$f"' RETURN
	printf '%s\t%s\t%s\t%s\t%s\n' \
		repo commit module_dir packages goflags \
		99designs/aws-vault e22aea12b03e . './cli/... ./server/...' '' \
		dfds/aws-inventory-orchestrator ed0765506d5c runner ./aws/... '' \
		dfds/aws-inventory-orchestrator ed0765506d5c infrastructure ./aws/... '' \
		ecrousseau/aws-secret-injector 21a28c7b4b26 admission-controller ./... -mod=mod \
		external-secrets/external-secrets abd9b5dabce6 . ./pkg/provider/vault/iamauth/... '' >"$f"
	go run ./cmd/stsregional-fieldtest -repos "$CORPUS_DIR" -labels "$LABELS" -build "$f" "$@"
}

case "$mode" in
checkout) checkout ;;
run) shift; run "$@" ;;
round3) shift; round3 "$@" ;;
extra) shift; extra "$@" ;;
all) checkout; run ;;
*) echo "usage: $0 [checkout|run [harness flags]|round3 [harness flags]|extra [harness flags]|all]" >&2; exit 2 ;;
esac
