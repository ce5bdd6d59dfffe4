package integration_test

// Tests of the GitHub code-scanning workflow example,
// examples/github-code-scanning/stsregional.yml: actionlint (with
// shellcheck on its scripts) accepts it, its structure is what code
// scanning needs, and its steps, run here as a runner would run them on a
// copy of testdata/awsmod, write a SARIF log that Microsoft's SARIF
// Multitool validates and that holds the module's findings with paths
// relative to the repository.
//
// testdata/wfcheck is a module of its own pinning actionlint (go tool
// actionlint) and a YAML parser (go run . FILE prints the file as JSON), so
// that the stsregional module needs neither.

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// workflowFile is the example, relative to the repository root.
const workflowFile = "examples/github-code-scanning/stsregional.yml"

// uploadSARIFInputs are the inputs of github/codeql-action/upload-sarif@v4
// (its upload-sarif/action.yml), which actionlint does not know.
var uploadSARIFInputs = map[string]bool{
	"sarif_file": true, "checkout_path": true, "ref": true, "sha": true,
	"token": true, "matrix": true, "category": true, "wait-for-processing": true,
}

// workflow is the part of a GitHub Actions workflow the tests read.
type workflow struct {
	Name        string
	On          map[string]any `json:"on"`
	Permissions map[string]string
	Env         map[string]any
	Jobs        map[string]job
}

type job struct {
	Name        string
	RunsOn      any `json:"runs-on"`
	Permissions map[string]string
	Env         map[string]any
	Steps       []step
}

type step struct {
	Name             string
	Uses             string
	Run              string
	Shell            string
	WorkingDirectory string `json:"working-directory"`
	With             map[string]any
	Env              map[string]any
}

func (s step) String() string {
	if s.Name != "" {
		return s.Name
	}
	if s.Uses != "" {
		return s.Uses
	}
	return s.Run
}

// wfcheck is the absolute path of testdata/wfcheck.
func wfcheck(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "wfcheck"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// actionlint runs actionlint on file with shellcheck on the run: scripts.
func actionlint(t *testing.T, file string) result {
	t.Helper()
	shellcheck := needTool(t, "shellcheck")
	return run(t, wfcheck(t), offlineEnv(t), "go", "tool", "actionlint",
		"-no-color", "-shellcheck="+shellcheck, "-pyflakes=", file)
}

func TestWorkflowActionlint(t *testing.T) {
	file := filepath.Join(repoRoot(t), filepath.FromSlash(workflowFile))
	if r := actionlint(t, file); r.code != 0 {
		t.Errorf("actionlint rejects %s:\n%s", workflowFile, r)
	}
	// The check can fail: actionlint rejects a mistyped permission, a
	// missing runs-on and a script that shellcheck warns about.
	src := readFile(t, file)
	for _, tc := range []struct{ old, new, want string }{
		{"security-events: write", "security-event: write", `unknown permission scope "security-event"`},
		{"runs-on: ubuntu-latest", "run-on: ubuntu-latest", `unexpected key "run-on"`},
		{`"$RUNNER_TEMP/stsregional" -format`, `$RUNNER_TEMP/stsregional -format`, "shellcheck reported issue"},
	} {
		if !strings.Contains(src, tc.old) {
			t.Errorf("%s lacks %q", workflowFile, tc.old)
			continue
		}
		bad := filepath.Join(t.TempDir(), "bad.yml")
		writeFile(t, bad, strings.Replace(src, tc.old, tc.new, 1))
		if r := actionlint(t, bad); r.code == 0 || !strings.Contains(r.stdout, tc.want) {
			t.Errorf("actionlint on the workflow with %q: want a failure reporting %q, got %s", tc.new, tc.want, r)
		}
	}
}

// readWorkflow parses the example with testdata/wfcheck.
func readWorkflow(t *testing.T) workflow {
	t.Helper()
	file := filepath.Join(repoRoot(t), filepath.FromSlash(workflowFile))
	r := mustRun(t, wfcheck(t), offlineEnv(t), "go", "run", ".", file)
	var wf workflow
	if err := json.Unmarshal([]byte(r.stdout), &wf); err != nil {
		t.Fatalf("%s as JSON: %v\n%s", workflowFile, err, r.stdout)
	}
	return wf
}

// theJob returns the workflow's only job.
func theJob(t *testing.T, wf workflow) job {
	t.Helper()
	if len(wf.Jobs) != 1 {
		t.Fatalf("%s has %d jobs, want 1", workflowFile, len(wf.Jobs))
	}
	for _, j := range wf.Jobs {
		return j
	}
	panic("unreachable")
}

// The keys code scanning needs: events, least privilege at the top,
// security-events: write for the job, an upload step reading the file a
// run step writes with -format=sarif, and scripts without ${{ }}
// expressions (values reach them through env, never spliced into the
// script).
func TestWorkflowStructure(t *testing.T) {
	wf := readWorkflow(t)
	if wf.Name == "" {
		t.Error("the workflow has no name")
	}
	if wf.On["push"] == nil && wf.On["pull_request"] == nil {
		t.Errorf("the workflow runs on neither push nor pull_request: on = %v", wf.On)
	}
	for scope, level := range wf.Permissions {
		if level == "write" {
			t.Errorf("top-level permission %s: write; grant it to the job only", scope)
		}
	}
	j := theJob(t, wf)
	if got := j.Permissions["security-events"]; got != "write" {
		t.Errorf("job permission security-events = %q, want write (upload-sarif needs it)", got)
	}
	if got := j.Permissions["contents"]; got != "read" {
		t.Errorf("job permission contents = %q, want read (checkout needs it once the job sets permissions)", got)
	}
	if s, ok := j.RunsOn.(string); !ok || !strings.HasPrefix(s, "ubuntu-") {
		t.Errorf("runs-on = %v, want an ubuntu runner (the scripts are bash)", j.RunsOn)
	}

	var upload *step
	sarifWriters := map[string]bool{}
	redirect := regexp.MustCompile(`-format=sarif\b[^>\n]*>\s*(\S+)`)
	for i, s := range j.Steps {
		switch {
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			upload = &j.Steps[i]
		case s.Run != "":
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %q: a ${{ }} expression in a script; pass values through env", s)
			}
			if m := redirect.FindStringSubmatch(s.Run); m != nil {
				if upload != nil {
					t.Errorf("step %q writes the SARIF log after the upload", s)
				}
				sarifWriters[strings.Trim(m[1], `"'`)] = true
			}
		}
	}
	if upload == nil {
		t.Fatal("no github/codeql-action/upload-sarif step")
	}
	for k := range upload.With {
		if !uploadSARIFInputs[k] {
			t.Errorf("upload-sarif has no input %q", k)
		}
	}
	file, _ := upload.With["sarif_file"].(string)
	if !sarifWriters[file] {
		t.Errorf("upload-sarif uploads %q, which no step writes with -format=sarif (written: %v)", file, sarifWriters)
	}
	if c, _ := upload.With["category"].(string); c == "" {
		t.Error("upload-sarif has no category: another SARIF upload would replace stsregional's alerts")
	}
}

// TestWorkflowRun runs the job's steps as a runner would, on a copy of
// testdata/awsmod as the repository: the checkouts are copies (this
// checkout as stsregional/stsregional), setup-go is the Go on PATH, run
// steps run with bash -eo pipefail in GITHUB_WORKSPACE, and the upload
// step checks and validates the SARIF file instead of uploading it.
func TestWorkflowRun(t *testing.T) {
	wf := readWorkflow(t)
	j := theJob(t, wf)
	bash := needTool(t, "bash")
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "workspace")
	runnerTemp := filepath.Join(tmp, "runner-temp")
	for _, d := range []string{ws, runnerTemp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	vars := map[string]string{}
	for _, env := range []map[string]any{wf.Env, j.Env} {
		for k, v := range env {
			vars[k] = fmt.Sprint(v)
		}
	}
	uploaded := false
	for i, s := range j.Steps {
		t.Logf("step %d: %s", i+1, s)
		stepVars := map[string]string{}
		for k, v := range vars {
			stepVars[k] = v
		}
		for k, v := range s.Env {
			stepVars[k] = expand(t, fmt.Sprint(v), vars)
		}
		with := map[string]string{}
		for k, v := range s.With {
			with[k] = expand(t, fmt.Sprint(v), stepVars)
		}
		action, _, _ := strings.Cut(s.Uses, "@")
		switch {
		case s.Uses == "" && s.Run != "":
			shell := s.Shell
			if shell != "" && shell != "bash" {
				t.Fatalf("step %q: shell %q, the test runs bash only", s, shell)
			}
			script := filepath.Join(runnerTemp, fmt.Sprintf("step%d.sh", i+1))
			writeFile(t, script, s.Run)
			env := offlineEnv(t, "GITHUB_WORKSPACE="+ws, "RUNNER_TEMP="+runnerTemp, "GITHUB_ACTIONS=true", "CI=true")
			for k, v := range stepVars {
				env = append(env, k+"="+v)
			}
			// GitHub's default shell on Linux runners.
			r := run(t, filepath.Join(ws, s.WorkingDirectory), env, bash, "--noprofile", "--norc", "-eo", "pipefail", script)
			if r.code != 0 {
				t.Fatalf("step %q failed: %s", s, r)
			}
		case action == "actions/checkout":
			dst := filepath.Join(ws, with["path"])
			switch with["repository"] {
			case "":
				if err := copyTree(filepath.Join("testdata", "awsmod"), dst, nil); err != nil {
					t.Fatal(err)
				}
			case "stsregional/stsregional":
				if with["ref"] == "" {
					t.Errorf("step %q: no ref: say which stsregional to build", s)
				}
				skip := func(rel string, info fs.FileInfo) bool { return info.Size() > 8<<20 }
				if err := copyTree(repoRoot(t), dst, skip); err != nil {
					t.Fatal(err)
				}
			default:
				t.Fatalf("step %q checks out %q, unknown to the test", s, with["repository"])
			}
		case action == "actions/setup-go":
			if with["go-version"] == "" && with["go-version-file"] == "" {
				t.Errorf("step %q: neither go-version nor go-version-file", s)
			}
		case action == "github/codeql-action/upload-sarif":
			checkWorkflowSARIF(t, filepath.Join(ws, with["sarif_file"]))
			uploaded = true
		default:
			t.Fatalf("step %q uses %s, unknown to the test", s, s.Uses)
		}
	}
	if !uploaded {
		t.Error("no step uploads the SARIF log")
	}
}

// expand replaces ${{ env.NAME }} in s with vars[NAME]; any other
// expression fails the test, since the test cannot evaluate it.
func expand(t *testing.T, s string, vars map[string]string) string {
	t.Helper()
	expr := regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)
	return expr.ReplaceAllStringFunc(s, func(m string) string {
		e := expr.FindStringSubmatch(m)[1]
		name, ok := strings.CutPrefix(e, "env.")
		if !ok {
			t.Fatalf("expression %q: the test evaluates only env.NAME", m)
		}
		v, ok := vars[name]
		if !ok {
			t.Fatalf("expression %q: env %s is not set", m, name)
		}
		return v
	})
}

// checkWorkflowSARIF checks the log the workflow wrote: stsregional's
// findings in the module, paths relative to %SRCROOT% (the repository),
// nothing from the stsregional checkout, and no error from the validator.
func checkWorkflowSARIF(t *testing.T, path string) {
	t.Helper()
	data := readFile(t, path)
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(data), &log); err != nil {
		t.Fatalf("%s is not JSON: %v", path, err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "stsregional" {
		t.Fatalf("%s: want one run of stsregional in SARIF 2.1.0, got version %q, %d runs", path, log.Version, len(log.Runs))
	}
	got := map[string]bool{}
	for _, res := range log.Runs[0].Results {
		if len(res.Locations) != 1 {
			t.Errorf("result %s has %d locations, want 1", res.RuleID, len(res.Locations))
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		uri := loc.ArtifactLocation.URI
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(uri, "/") || strings.Contains(uri, ":") {
			t.Errorf("result %s at %q (base %q): want a path relative to %%SRCROOT%%", res.RuleID, uri, loc.ArtifactLocation.URIBaseID)
		}
		if strings.HasPrefix(uri, ".stsregional/") {
			t.Errorf("result %s in the stsregional checkout: %s", res.RuleID, uri)
		}
		got[fmt.Sprintf("%s:%d %s", uri, loc.Region.StartLine, res.RuleID)] = true
	}
	for _, w := range allFindings {
		if !got[w] {
			t.Errorf("the SARIF log lacks %s; it has %v", w, keys(got))
		}
	}
	validateSARIF(t, path)
}

// validateSARIF runs Microsoft's SARIF Multitool on path and fails on any
// error it reports.
func validateSARIF(t *testing.T, path string) {
	t.Helper()
	tool := sarifMultitool(t)
	report := path + ".report.sarif"
	cmd := exec.Command(tool, "validate", path, "-o", report)
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1", "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s validate: %v\n%s", tool, err, out)
	}
	// The validator exits 0 even when the log has errors: read its report.
	var rep struct {
		Runs []struct {
			Results []struct {
				RuleID  string
				Level   string
				Message struct{ Text string }
			}
		}
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("the validator wrote no report: %v\n%s", err, out)
	}
	if err := json.Unmarshal(data, &rep); err != nil || len(rep.Runs) == 0 {
		t.Fatalf("the validator's report does not parse: %v\n%s", err, data)
	}
	var levels []string
	for _, res := range rep.Runs[0].Results {
		levels = append(levels, res.Level+" "+res.RuleID)
		if res.Level == "error" {
			t.Errorf("SARIF Multitool: %s %s", res.RuleID, res.Message.Text)
		}
	}
	sort.Strings(levels)
	t.Logf("SARIF Multitool validate: %d results %v", len(levels), levels)
}

// sarifMultitool returns the path of Microsoft's SARIF Multitool:
// $STSREGIONAL_SARIF_MULTITOOL, or where .ci/sarif.sh installs it.
func sarifMultitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("STSREGIONAL_SARIF_MULTITOOL"); p != "" {
		return p
	}
	cache := os.Getenv("STSREGIONAL_SARIF_CACHE")
	if cache == "" {
		if home, err := os.UserHomeDir(); err == nil {
			cache = filepath.Join(home, ".cache", "stsregional-sarif")
		}
	}
	pkg, name := "sarif-multitool-"+runtime.GOOS, "Sarif.Multitool"
	if runtime.GOOS == "windows" {
		pkg, name = "sarif-multitool-win32", name+".exe"
	}
	p := filepath.Join(cache, "node_modules", "@microsoft", pkg, name)
	if _, err := os.Stat(p); err != nil {
		if inCI() {
			t.Fatalf("SARIF Multitool not installed (CI=true: not skipping; run .ci/sarif.sh or set STSREGIONAL_SARIF_MULTITOOL): %v", err)
		}
		t.Skipf("SARIF Multitool not installed (run .ci/sarif.sh or set STSREGIONAL_SARIF_MULTITOOL): %v", err)
	}
	return p
}
