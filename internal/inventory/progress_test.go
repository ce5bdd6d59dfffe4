package inventory

import (
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var b strings.Builder
	clock := time.Unix(0, 0)
	p := &Progress{w: &b, now: func() time.Time { return clock }, start: clock, timer: time.NewTimer(time.Hour)}

	p.Step("module 1/3: a")
	clock = clock.Add(time.Second)
	p.Step("module 2/3: b")
	if b.Len() != 0 {
		t.Fatalf("printed before %v: %q", ProgressDelay, b.String())
	}
	clock = clock.Add(1500 * time.Millisecond)
	p.tick() // the timer fires
	p.tick() // nothing new: nothing printed twice
	p.Step("module 3/3: c")
	p.Done()
	p.Step("after done")
	p.tick()
	want := "stsregional: module 2/3: b (2 s)\nstsregional: module 3/3: c (2 s)\n"
	if got := b.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
