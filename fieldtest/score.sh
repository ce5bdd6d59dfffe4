#!/usr/bin/env bash
# Score one or more JSON reports of stsregional-fieldtest, line-level and per
# defect, each file alone and all files together (the whole corpus is the
# round 1-3 report plus the round 4 report).
#
#   fieldtest/score.sh [-v] [-defects FILE] report.json...
#
#   -v           also list every FP and FN line, with its label and note, and
#                whether the per-defect scoring counts it otherwise
#   -defects F   same-defect table (default fieldtest/defects.tsv)
#
# Line-level is the harness's own scoring (a finding counts only on its
# labelled line): TP = TP-* lines with a finding, FP = other lines with a
# finding (negative label or none; "unclear" lines are not scored), FN =
# TP-* lines without one. The numbers are recomputed from the report's
# matched/unmatched/missed lists and checked against the harness's counts.
#
# Per defect: a finding on a non-TP line that defects.tsv lists as another
# line of the same defect as TP label(s) counts as TP instead of FP, and
# those TP labels count as found. (Then "+related": line-level, but a
# finding whose related location is on a TP label's line finds that label
# and is no FP; reports without related locations score as line-level.)
# defects.tsv does not change labels: each
# row names a finding line, the TP label line of the same defect and where
# that equivalence was written down (a label note saying "duplicate of line
# N" / "labelled at ...", or the class-8 table of RESULTS.md). This is the
# per-defect count of RESULTS.md and ROUND4.md.
#
# Needs jq.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
defects=$here/defects.tsv
verbose=false
while [ $# -gt 0 ]; do
	case "$1" in
	-v) verbose=true; shift ;;
	-defects) defects=$2; shift 2 ;;
	-*) echo "usage: $0 [-v] [-defects FILE] report.json..." >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-v] [-defects FILE] report.json..." >&2; exit 2; }

out=$(mktemp)
trap 'rm -f "$out"' EXIT
jq -n -r --rawfile defects "$defects" --argjson verbose "$verbose" '
def key($repo; $commit; $file; $line): "\($repo)|\($commit[0:12])|\($file)|\($line)";

# finding-line key -> [TP label keys of the same defect]
($defects | split("\n") | .[1:] | map(select(length > 0) | split("\t"))
	| reduce .[] as $d ({}; .[key($d[0]; $d[1]; $d[2]; $d[3])] += [key($d[0]; $d[1]; $d[4]; $d[5])])) as $same

| def ratio($a; $b): if $b == 0 then "-" else (($a / $b * 100 | round) / 100 | tostring) end;

# scores of one repository result
def repo_score:
	. as $r
	| ([($r.unmatched // [])[] | select(.label != "unclear")
		| {k: (key($r.repo; $r.commit; .file; .line)), file, line, check, label: .label, note, message}]
		| group_by(.k) | map({k: .[0].k, file: .[0].file, line: .[0].line,
			checks: (map(.check) | unique), label: .[0].label, note: .[0].note, message: .[0].message})) as $fp
	| ([($r.matched // [])[] | key($r.repo; $r.commit; .file; .line)] | unique) as $tp
	| ([($r.missed // [])[] | {k: (key($r.repo; $r.commit; .file; .line)), file, line, label: .label, note}]) as $fn
	| ([$fp[] | select($same[.k] != null)]) as $mapped
	| def relkeys: [(.related // [])[] | capture("^(?<f>.*):(?<l>[0-9]+)$") | key($r.repo; $r.commit; .f; .l)];
	  ($tp + [$fn[].k]) as $tplabels
	| ([($r.unmatched // [])[] | select(.label != "unclear") | {k: (key($r.repo; $r.commit; .file; .line)), rel: relkeys}]
		| group_by(.k) | map({k: .[0].k, rel: (map(.rel[]) | unique)})) as $fprel
	| ([$fprel[] | select(any(.rel[]; . as $x | $tplabels | index($x) != null))]) as $relfp
	| ([$relfp[].rel[], (($r.matched // [])[] | relkeys[])] | unique | map(select(. as $x | $tplabels | index($x) != null))) as $relcov
	| ([$mapped[] | $same[.k][]] | unique) as $covered
	| {
		repo: $r.repo, commit: $r.commit[0:12], seconds: $r.seconds,
		load_errors: (($r.load_errors // []) | length),
		harness: {tp: $r.tp, fp: $r.fp, fn: $r.fn},
		line: {findings: $r.findings, tp: ($tp | length), fp: ($fp | length), fn: ($fn | length)},
		defect: {tp: (($tp | length) + ($mapped | length)), fp: (($fp | length) - ($mapped | length)),
			fn: ([$fn[] | select(.k as $k | $covered | index($k) | not)] | length)},
		related: {tp: ([$tp[], $relcov[]] | unique | length), fp: (($fp | length) - ($relfp | length)),
			fn: ([$fn[] | select(.k as $k | $relcov | index($k) | not)] | length)},
		fps: [$fp[] | . + {same: $same[.k]}],
		fns: [$fn[] | . + {covered: (.k as $k | $covered | index($k) != null)}]
	};

def sum(f): reduce .[] as $x (0; . + ($x | f));
def totals: {
	findings: sum(.line.findings),
	line: {tp: sum(.line.tp), fp: sum(.line.fp), fn: sum(.line.fn)},
	defect: {tp: sum(.defect.tp), fp: sum(.defect.fp), fn: sum(.defect.fn)},
	related: {tp: sum(.related.tp), fp: sum(.related.fp), fn: sum(.related.fn)},
	seconds: sum(.seconds), repos: length, load_errors: sum(.load_errors)
};
def row($name): "\($name)\t\(.repos)\t\(.findings)\t" +
	"\(.line.tp)\t\(.line.fp)\t\(.line.fn)\t\(ratio(.line.tp; .line.tp + .line.fp))\t\(ratio(.line.tp; .line.tp + .line.fn))\t" +
	"\(.defect.tp)\t\(.defect.fp)\t\(.defect.fn)\t\(ratio(.defect.tp; .defect.tp + .defect.fp))\t\(ratio(.defect.tp; .defect.tp + .defect.fn))\t" +
	"\(.related.tp)\t\(.related.fp)\t\(.related.fn)\t\(ratio(.related.tp; .related.tp + .related.fp))\t\(ratio(.related.tp; .related.tp + .related.fn))\t" +
	"\(.seconds | round)";

[inputs | {name: input_filename, rep: .}]
| map(. + {scores: [.rep.repos[] | repo_score]}) as $files
| ($files | map(.scores[]) | map(select(.harness != {tp: .line.tp, fp: .line.fp, fn: .line.fn}))) as $bad
| (if ($bad | length) > 0 then "warning: recomputed line counts differ from the harness for \([$bad[].repo] | join(", "))\n" else "" end)
+ "file\tmodule roots\tfindings\tline TP\tFP\tFN\tprecision\trecall\tdefect TP\tFP\tFN\tprecision\trecall\t+related TP\tFP\tFN\tprecision\trecall\tseconds\n"
+ ([$files[] | .name as $n | .scores | totals | row($n)] | join("\n")) + "\n"
+ (if ($files | length) > 1 then ([$files[].scores[]] | totals | row("ALL")) + "\n" else "" end)
+ "\nper check, line-level (lines with a finding of the check; a line can count for several checks)\n"
+ "check\tfindings\tTP lines\tFP lines\n"
+ ([$files[].rep.per_check | to_entries[]] | group_by(.key)
	| map("\(.[0].key)\t\(map(.value.findings) | add)\t\(map(.value.tp) | add)\t\(map(.value.fp) | add)") | join("\n")) + "\n"
+ "\nper label (scored lines / lines with a finding)\n"
+ ([$files[].rep.per_label | to_entries[]] | group_by(.key)
	| map("\(.[0].key)\t\(map(.value.labels) | add)\t\(map(.value.with_finding) | add)") | join("\n")) + "\n"
+ "\nmodule roots with load errors: "
+ ([$files[].scores[] | select(.load_errors > 0) | "\(.repo) (\(.load_errors))"] | if length == 0 then "none" else join(", ") end) + "\n"
+ "skipped: " + ([$files[].rep.skipped // [] | .[] | "\(.repo) (\(.reason))"] | if length == 0 then "none" else join(", ") end) + "\n"
+ "\u0000"
+ (if $verbose then
	"\nFP lines (line-level); \"same defect as\" = counted TP per defect\n"
	+ ([$files[].scores[] | . as $s | .fps[] |
		"FP\t\($s.repo)\t\(.file):\(.line)\t\(.checks | join(","))\t\(.label // "unlabelled")\t" +
		(if .same then "same defect as \(.same | map(split("|") | "\(.[2]):\(.[3])") | join(" "))" else "-" end) +
		"\t\(.note // "")\t\(.message)"] | join("\n")) + "\n"
	+ "\nFN lines (line-level); \"covered\" = found per defect at another line\n"
	+ ([$files[].scores[] | . as $s | .fns[] |
		"FN\t\($s.repo)\t\(.file):\(.line)\t-\t\(.label)\t\(if .covered then "covered" else "-" end)\t\(.note // "")"] | join("\n")) + "\n"
	else "" end)
' "$@" >"$out"
# The tables go through column(1); the -v lists stay tab-separated (long notes).
sed -n '1,/^\x00/p' "$out" | sed '$s/\x00.*//' |
	awk -v cmd="column -t -s '	'" '!/\t/ { close(cmd); print; next } { print | cmd }'
sed -n '/^\x00/,$p' "$out" | sed '1s/^\x00//'
