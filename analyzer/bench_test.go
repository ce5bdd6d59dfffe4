package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/stsregional/stsregional/analyzer"
)

// noop is the floor every go/analysis tool pays: it only requires the
// inspector, which stsregional requires too.
var noop = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "does nothing; the baseline for benchmarks",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

// loadForBench loads patterns (with syntax and types for every package, as
// the standalone driver does) in dir.
func loadForBench(b *testing.B, dir string, env []string, patterns ...string) []*packages.Package {
	b.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), env...),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		b.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		b.Fatalf("%d load errors", n)
	}
	return pkgs
}

func runAnalyzers(b *testing.B, pkgs []*packages.Package, a *analysis.Analyzer) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

var modEnv = []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"}

// BenchmarkNoAWS measures packages without AWS imports (x/tools'
// analysis framework and net/http): the early-exit path.
func BenchmarkNoAWS(b *testing.B) {
	pkgs := loadForBench(b, ".", nil, "net/http", "golang.org/x/tools/go/analysis/...")
	b.Run("noop", func(b *testing.B) { runAnalyzers(b, pkgs, noop) })
	b.Run("stsregional", func(b *testing.B) { runAnalyzers(b, pkgs, analyzer.Analyzer) })
}

// BenchmarkAWSFixtures measures the real-SDK fixture packages: every
// package constructs STS clients, sessions and endpoint strings.
func BenchmarkAWSFixtures(b *testing.B) {
	dir := filepath.Join("testdata", "mod")
	pkgs := loadForBench(b, dir, modEnv, "./...")
	b.Run("noop", func(b *testing.B) { runAnalyzers(b, pkgs, noop) })
	b.Run("stsregional", func(b *testing.B) { runAnalyzers(b, pkgs, analyzer.Analyzer) })
}

// BenchmarkLoad is the load+type-check cost of the fixture packages, the
// denominator of the "analyzer cost ≤ 2%" target.
func BenchmarkLoad(b *testing.B) {
	dir := filepath.Join("testdata", "mod")
	for b.Loop() {
		loadForBench(b, dir, modEnv, "./...")
	}
}

// BenchmarkScaling runs a generated package holding n copies of a block of
// STS constructions and strings, to show linear growth.
func BenchmarkScaling(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		dir := generated(b, n)
		pkgs := loadForBench(b, dir, modEnv, "./gen")
		b.Run(fmt.Sprintf("x%d/noop", n), func(b *testing.B) { runAnalyzers(b, pkgs, noop) })
		b.Run(fmt.Sprintf("x%d/stsregional", n), func(b *testing.B) { runAnalyzers(b, pkgs, analyzer.Analyzer) })
	}
}

// generated writes a module (reusing the fixture module's go.mod and go.sum)
// whose package gen repeats a block of AWS code n times.
func generated(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("testdata", "mod", f))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var sb strings.Builder
	sb.WriteString(`package gen

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
	"github.com/aws/aws-sdk-go-v2/config"
	stsv2 "github.com/aws/aws-sdk-go-v2/service/sts"
)

var _ = context.Background
var _ = http.NewRequest
`)
	for i := range n {
		fmt.Fprintf(&sb, `
const audience%[1]d = "sts.amazonaws.com"

func client%[1]d(p *session.Session, region string) {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	_ = sts.New(sess)
	_ = stscreds.NewCredentials(sess, "arn:aws:iam::1:role/r%[1]d")
	ok := session.Must(session.NewSession(aws.NewConfig().WithRegion(region).WithSTSRegionalEndpoint(endpoints.RegionalSTSEndpoint)))
	_ = sts.New(ok)
	_ = sts.New(p, &aws.Config{Endpoint: aws.String("https://sts.amazonaws.com")})
	_, _ = endpoints.DefaultResolver().EndpointFor("sts", region)
	req, _ := http.NewRequest("POST", "https://sts.amazonaws.com/", nil)
	_ = req
	_ = map[string]bool{audience%[1]d: true}
}

func v2client%[1]d(ctx context.Context) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	_ = stsv2.NewFromConfig(cfg)
}
`, i)
	}
	if err := os.MkdirAll(filepath.Join(dir, "gen"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gen", "gen.go"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}
