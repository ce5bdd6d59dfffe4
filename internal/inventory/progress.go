package inventory

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// ProgressDelay is how long a run stays silent before Progress starts
// printing: short runs print nothing.
const ProgressDelay = 2 * time.Second

// Progress prints, on a terminal or log (stderr), which step of a long run
// is under way, once the run has taken longer than ProgressDelay: a
// multi-module inventory of a large repository takes minutes on a cold
// cache, and silence looks like a hang. Its methods are safe for
// concurrent use.
type Progress struct {
	w     io.Writer
	start time.Time
	now   func() time.Time

	mu      sync.Mutex
	step    string
	printed string // the last line printed
	timer   *time.Timer
	done    bool
}

// NewProgress returns a Progress writing to w, its clock started.
func NewProgress(w io.Writer) *Progress {
	p := &Progress{w: w, now: time.Now}
	p.start = p.now()
	p.timer = time.AfterFunc(ProgressDelay, p.tick)
	return p
}

// Step records that the run moved on to step (e.g. "module 2/5:
// services/api"): printed at once if the run is already past
// ProgressDelay, else when it gets there.
func (p *Progress) Step(step string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.step = step
	if p.now().Sub(p.start) >= ProgressDelay {
		p.print()
	}
}

func (p *Progress) tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.print()
}

// print writes the current step if it is new. p.mu is held.
func (p *Progress) print() {
	if p.done || p.step == "" || p.step == p.printed {
		return
	}
	p.printed = p.step
	fmt.Fprintf(p.w, "stsregional: %s (%.0f s)\n", p.step, p.now().Sub(p.start).Seconds())
}

// Done stops the progress output; nothing is printed after it returns.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = true
	p.timer.Stop()
}
