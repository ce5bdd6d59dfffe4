#!/usr/bin/env bash
# Merge JSON reports of stsregional-fieldtest (for example the per-repository
# reports of run-each.sh) into one: repositories concatenated, counts summed.
# unscored_labels is dropped (each part counts the labels of the others).
#
#   fieldtest/merge.sh a.json b.json ... > all.json
jq -s 'def addobj(a; b): reduce ((b // {}) | to_entries[]) as $e (a // {}; .[$e.key] += $e.value);
  def addmap(a; b): reduce ((b // {}) | to_entries[]) as $e (a // {}; .[$e.key] = addobj(.[$e.key]; $e.value));
  {repos: [.[].repos[]],
   total: (reduce .[].total as $t ({}; addobj(.; $t))),
   per_check: (reduce .[].per_check as $t ({}; addmap(.; $t))),
   per_label: (reduce .[].per_label as $t ({}; addmap(.; $t))),
   skipped: [.[].skipped // [] | .[]],
   merged_from_per_repository_runs: true}' "$@"
