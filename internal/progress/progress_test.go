package progress

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fake returns a Progress on a terminal writing to b, on a clock the test
// moves, with a timer that the test fires by calling tick.
func fake(b *strings.Builder, clock *time.Time) *Progress {
	return &Progress{w: b, now: func() time.Time { return *clock }, start: *clock, timer: time.NewTimer(time.Hour)}
}

func TestProgress(t *testing.T) {
	var b strings.Builder
	clock := time.Unix(0, 0)
	p := fake(&b, &clock)

	p.Step("module 1/3: a")
	clock = clock.Add(time.Second)
	p.Step("module 2/3: b")
	if b.Len() != 0 {
		t.Fatalf("printed before %v: %q", Delay, b.String())
	}
	clock = clock.Add(1500 * time.Millisecond)
	p.tick() // the timer fires
	p.tick() // nothing new: nothing printed twice
	clock = clock.Add(10 * time.Second)
	p.tick() // still under Repeat: nothing
	clock = clock.Add(Repeat)
	p.tick() // the same step, Repeat later: printed again
	p.Step("module 3/3: c")
	p.Done()
	p.Step("after done")
	clock = clock.Add(Repeat)
	p.tick()
	want := "stsregional: module 2/3: b (2 s)\nstsregional: module 2/3: b (42 s)\nstsregional: module 3/3: c (42 s)\n"
	if got := b.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Off a terminal, New returns nil, whose methods print nothing, however
// long the run.
func TestProgressNotTerminal(t *testing.T) {
	var b bytes.Buffer
	p := New(&b, false)
	if p != nil {
		t.Fatalf("New(w, false) = %v, want nil", p)
	}
	p.Step("analysing ./...")
	p.Done()
	if b.Len() != 0 {
		t.Errorf("printed off a terminal: %q", b.String())
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, out := range map[string]io.Writer{"a regular file": f, "a pipe": w, "a buffer": &bytes.Buffer{}} {
		if IsTerminal(out) {
			t.Errorf("IsTerminal(%s) = true", name)
		}
	}
}
