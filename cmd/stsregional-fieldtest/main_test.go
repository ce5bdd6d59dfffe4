package main

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestFakeRepo runs the whole harness on testdata/repos/acme+fake (standard
// library only, so it needs no network) and checks every count. The labels
// in testdata/labels.tsv are partly wrong on purpose, to exercise each way a
// finding and a label can meet.
func TestFakeRepo(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks packages")
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"-repos", "testdata/repos", "-labels", "testdata/labels.tsv", "-build", "testdata/build.tsv", "-json"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr.String())
	}
	var rep Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, stdout.String())
	}
	if len(rep.Repos) != 1 {
		t.Fatalf("got %d analysed repos, want 1 (acme/fake)", len(rep.Repos))
	}
	r := rep.Repos[0]
	if len(r.LoadErrors) > 0 {
		t.Fatalf("load errors: %v", r.LoadErrors)
	}

	// app.go:13, 17, 21, 25 and app_test.go:9; the non-test findings are
	// reported by both the package and its test variant and count once.
	want := Metrics{Findings: 5, TP: 2, FP: 2, FPOnNegative: 1, FPUnlabelled: 1, FN: 1, UnclearFindings: 1}
	if r.Metrics != want {
		t.Errorf("metrics = %+v, want %+v", r.Metrics, want)
	}
	if rep.Total != want {
		t.Errorf("total = %+v, want %+v", rep.Total, want)
	}
	if p, _ := r.Precision(); p != 0.5 {
		t.Errorf("precision = %v, want 0.5", p)
	}
	if rc, _ := r.Recall(); rc != 2.0/3 {
		t.Errorf("recall = %v, want 2/3", rc)
	}

	var unmatched []string
	for _, u := range r.Unmatched {
		unmatched = append(unmatched, u.File+":"+itoa(u.Line)+":"+u.Check+":"+u.Label)
	}
	wantU := []string{"app/app.go:17:STS001:", "app/app.go:21:STS001:OK-regional-configured", "app/app.go:25:STS001:unclear"}
	if !reflect.DeepEqual(unmatched, wantU) {
		t.Errorf("unmatched = %q, want %q", unmatched, wantU)
	}
	for _, u := range r.Unmatched {
		if !strings.HasPrefix(u.Message, "STS001: ") {
			t.Errorf("unmatched finding without its message: %+v", u)
		}
	}
	if len(r.Missed) != 1 || r.Missed[0].File != "app/app.go" || r.Missed[0].Line != 29 || r.Missed[0].Label.Label != "TP-v1-no-regional" {
		t.Errorf("missed = %+v, want app/app.go:29 TP-v1-no-regional", r.Missed)
	}
	if len(r.NotAnalysed) != 1 || r.NotAnalysed[0].File != "other/other.go" {
		t.Errorf("not analysed = %+v, want other/other.go:6", r.NotAnalysed)
	}
	if len(r.Duplicates) != 1 || r.Duplicates[0].Line != 29 {
		t.Errorf("duplicates = %+v, want the second label of app/app.go:29", r.Duplicates)
	}
	if rep.UnscoredLabels != 2 {
		t.Errorf("unscored labels = %d, want 2 (other commit, unbuilt repo)", rep.UnscoredLabels)
	}
	var skipped []string
	for _, s := range rep.Skipped {
		skipped = append(skipped, s.Repo)
	}
	if !reflect.DeepEqual(skipped, []string{"acme/absent", "acme/unbuilt"}) {
		t.Errorf("skipped = %v", skipped)
	}

	sts001 := rep.PerCheck["STS001"]
	if sts001 == nil || sts001.Findings != 5 || sts001.TP != 2 || sts001.FP != 2 {
		t.Errorf("per check STS001 = %+v, want 5 findings, 2 TP, 2 FP", sts001)
	}
	wantL := map[string]ClassMetrics{
		"TP-hardcoded":           {Labels: 2, Found: 2},
		"TP-v1-no-regional":      {Labels: 1, Found: 0},
		"FP-trap-other":          {Labels: 1, Found: 0},
		"OK-regional-configured": {Labels: 1, Found: 1},
	}
	for l, w := range wantL {
		if got := rep.PerLabel[l]; got == nil || *got != w {
			t.Errorf("per label %s = %+v, want %+v", l, got, w)
		}
	}

	// The text report carries the same numbers.
	stdout.Reset()
	run([]string{"-repos", "testdata/repos", "-labels", "testdata/labels.tsv", "-build", "testdata/build.tsv"}, &stdout, &stderr)
	text := stdout.String()
	for _, s := range []string{
		"findings 5, TP 2, FP 2 (1 on negative labels, 1 unlabelled), FN 1, precision 0.50, recall 0.67",
		"FP  app/app.go:17:18 [unlabelled] STS001: ",
		"FN  app/app.go:29 [TP-v1-no-regional]",
		"not analysed: other/other.go:6",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("text report lacks %q:\n%s", s, text)
		}
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// TestScore checks the line-based matching without loading anything.
func TestScore(t *testing.T) {
	labels := []Label{
		{File: "a.go", Line: 1, Label: "TP-hardcoded"},
		{File: "a.go", Line: 2, Label: "TP-v2-global"},
		{File: "a.go", Line: 3, Label: "FP-trap-audience"},
		{File: "a.go", Line: 4, Label: "OK-regional-configured"},
		{File: "b.go", Line: 1, Label: "TP-v1-no-regional"},
	}
	findings := []Finding{
		{File: "a.go", Line: 1, Column: 5, Check: "STS001", Message: "x"},
		{File: "a.go", Line: 1, Column: 5, Check: "STS001", Message: "x"}, // duplicate
		{File: "a.go", Line: 1, Column: 9, Check: "STS007", Message: "y"}, // same line, other check
		{File: "a.go", Line: 3, Column: 1, Check: "STS001", Message: "z"},
		{File: "a.go", Line: 9, Column: 1, Check: "STS002", Message: "w"},
	}
	s := score(labels, findings, func(f string) bool { return f == "a.go" })
	want := Metrics{Findings: 4, TP: 1, FP: 2, FPOnNegative: 1, FPUnlabelled: 1, FN: 1}
	if s.Metrics != want {
		t.Errorf("metrics = %+v, want %+v", s.Metrics, want)
	}
	if len(s.NotAnalysed) != 1 || s.NotAnalysed[0].File != "b.go" {
		t.Errorf("not analysed = %+v", s.NotAnalysed)
	}
	if m := s.PerCheck["STS001"]; *m != (Metrics{Findings: 2, TP: 1, FP: 1, FPOnNegative: 1}) {
		t.Errorf("STS001 = %+v", m)
	}
	if m := s.PerCheck["STS007"]; *m != (Metrics{Findings: 1, TP: 1}) {
		t.Errorf("STS007 = %+v", m)
	}
	if m := s.PerCheck["STS002"]; *m != (Metrics{Findings: 1, FP: 1, FPUnlabelled: 1}) {
		t.Errorf("STS002 = %+v", m)
	}
	if len(s.Missed) != 1 || s.Missed[0].Line != 2 {
		t.Errorf("missed = %+v", s.Missed)
	}
	if _, ok := (Metrics{}).Precision(); ok {
		t.Error("precision of nothing should be undefined")
	}
}

func TestParse(t *testing.T) {
	labels, err := parseLabels(strings.NewReader("repo\tcommit\tfile\tline\tlabel\tsnippet\tnote\n" +
		"# comment\n" +
		"o/n\tabcdef1\t./x/y.go\t12\tFP-trap-other\t\"a \"\"b\"\" c\"\tnote\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) != 1 || labels[0].File != "x/y.go" || labels[0].Line != 12 || labels[0].Snippet != `a "b" c` || labels[0].Row != 3 {
		t.Errorf("labels = %+v", labels)
	}
	if _, err := parseLabels(strings.NewReader("o/n\tabc\tx.go\t1\tTP-bogus\n")); err == nil {
		t.Error("unknown label accepted")
	}
	if _, err := parseLabels(strings.NewReader("o/n\tabc\tx.go\tone\tTP-hardcoded\n")); err == nil {
		t.Error("bad line number accepted")
	}
	builds, err := parseBuild(strings.NewReader("repo\tcommit\tmodule_dir\tpackages\tgoflags\n" +
		"o/n\tabc\tsub\t./a/... ./b\t-mod=mod\tyes\tnote\n" +
		"o/m\tabc\t.\t-\t\tnot tried\t\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(builds) != 2 || builds[0].ModuleDir != "sub" || !reflect.DeepEqual(builds[0].Patterns, []string{"./a/...", "./b"}) || builds[0].GoFlags != "-mod=mod" || builds[1].Patterns != nil {
		t.Errorf("builds = %+v", builds)
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"e22aea12b03e", "e22aea12b03e8ce036e9af87dda9303806fa2a9e", true},
		{"e22aea12b03e8ce036e9af87dda9303806fa2a9e", "E22AEA12B03E", true},
		{"e22aea12b03f", "e22aea12b03e8ce036e9af87dda9303806fa2a9e", false},
		{"HEAD", "HEAD", true},
		{"e22", "e22aea12b03e", false},
	} {
		if got := sameCommit(c.a, c.b); got != c.want {
			t.Errorf("sameCommit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestUsage(t *testing.T) {
	var out, errb bytes.Buffer
	for _, args := range [][]string{
		{},
		{"-repos", "testdata/repos", "-labels", "testdata/labels.tsv"},
		{"-repos", "testdata/nope", "-labels", "testdata/labels.tsv", "-build", "testdata/build.tsv"},
		{"-repos", "testdata/repos", "-labels", "testdata/nope.tsv", "-build", "testdata/build.tsv"},
		{"-repos", "testdata/repos", "-labels", "testdata/labels.tsv", "-build", "testdata/build.tsv", "-enable", "STS999"},
		{"-bogus"},
	} {
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
	}
}
