package reaching

import (
	"go/ast"
	"go/types"
	"strings"
	"testing"
)

// setenvFX follows the variable K through os.Setenv and os.Unsetenv.
func setenvFX() Effects {
	return Effects{
		Key: "K",
		Set: func(fn *types.Func, args []Arg) (string, bool) {
			if fn.Pkg() == nil || fn.Pkg().Path() != "os" || len(args) == 0 || !args[0].Known || args[0].Value != "K" {
				return "", false
			}
			switch fn.Name() {
			case "Setenv":
				if !args[1].Known {
					return "?", true
				}
				return args[1].Value, true
			case "Unsetenv":
				return "unset", true
			}
			return "", false
		},
	}
}

// probes returns the calls of probe in f, in source order.
func probes(f *ast.File) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "probe" {
				out = append(out, c)
			}
		}
		return true
	})
	return out
}

func TestStatesAt(t *testing.T) {
	src := `package p

import "os"

func probe() {}

func on() { os.Setenv("K", "r") }

func set(k, v string) { os.Setenv(k, v) }

func deferred() { defer os.Setenv("K", "d") }

func twice() {
	defer os.Setenv("K", "last")
	defer os.Setenv("K", "first")
}

func helperBefore() { on(); probe() }

func helperAfter() { probe(); on() }

func wrapper() { set("K", "w"); probe() }

func wrapperOther() { set("L", "w"); probe() }

func deferInHelper() { deferred(); probe() }

func deferHere() { defer os.Setenv("K", "x"); probe() }

func deferOrder() { twice(); probe() }

func branch(b bool) {
	if b {
		on()
	}
	probe()
}

func unset() { on(); os.Unsetenv("K"); probe() }

func gotoSkip(b bool) {
	if b {
		goto end
	}
	on()
end:
	probe()
}

func closed() { probe() }

func callsClosed() { on(); closed() }

func init() { os.Setenv("K", "init") }

func Exported() { probe() }

var v = func() int { probe(); return 0 }()
`
	g, f := load(t, src)
	want := []string{
		"r",           // helperBefore: the helper's Setenv
		"init",        // helperAfter: the package's init before it
		"w",           // wrapper: the constant arguments bound
		"init",        // wrapperOther: another variable
		"d",           // deferInHelper: the helper's defer ran when it returned
		"init",        // deferHere: a defer of the function itself has not run
		"last",        // deferOrder: the first deferred call runs last
		"init r",      // branch: on one path only
		"unset",       // unset
		"init r",      // gotoSkip: the goto skips the call
		"r",           // closed: its only caller
		"init",        // Exported: after the package's initialisation
		"\x00initial", // v: before init runs
	}
	ps := probes(f)
	if len(ps) != len(want) {
		t.Fatalf("%d probes, want %d", len(ps), len(want))
	}
	for i, p := range ps {
		got, ok := g.StatesAt(p, setenvFX())
		if !ok {
			t.Errorf("probe %d: no call instruction", i)
			continue
		}
		if s := strings.Join(got, " "); s != want[i] {
			t.Errorf("probe %d (line %d): states %q, want %q", i, g.fset.Position(p.Pos()).Line, s, want[i])
		}
	}
	if got := strings.Join(g.StatesAfterInit(setenvFX()), " "); got != "init" {
		t.Errorf("after init: %q, want %q", got, "init")
	}
}

// TestStatesLocal: a Local walk ignores the package's functions and keeps
// the entry state.
func TestStatesLocal(t *testing.T) {
	src := `package p

import "os"

func probe() {}

func on() { os.Setenv("K", "r") }

func f() { on(); probe() }

func g() { os.Setenv("K", "x"); probe() }
`
	g, f := load(t, src)
	fx := setenvFX()
	fx.Local, fx.Key = true, "local"
	ps := probes(f)
	for i, want := range []string{Entry, "x"} {
		got, _ := g.StatesAt(ps[i], fx)
		if s := strings.Join(got, " "); s != want {
			t.Errorf("probe %d: %q, want %q", i, s, want)
		}
	}
}

// TestStatesMain: in package main an exported function is called only
// from the package, so its callers decide.
func TestStatesMain(t *testing.T) {
	src := `package main

import "os"

func probe() {}

func Build() { probe() }

func main() {
	os.Setenv("K", "m")
	Build()
}
`
	g, f := load(t, src)
	got, _ := g.StatesAt(probes(f)[0], setenvFX())
	if s := strings.Join(got, " "); s != "m" {
		t.Errorf("states %q, want %q", s, "m")
	}
}
