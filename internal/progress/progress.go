// Package progress prints, on a terminal, which step of a long run is
// under way: a cold run over a large module, or a multi-module inventory,
// takes minutes, and silence looks like a hang. Nothing is printed when
// the output is not a terminal (a pipe, a file, a CI log, pre-commit),
// where extra lines would only be noise around the results.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Delay is how long a run stays silent before Progress starts printing:
// short runs print nothing.
const Delay = 2 * time.Second

// Repeat is how often a step that goes on is printed again, with the time
// elapsed, so that a long step still shows that the run is alive.
const Repeat = 30 * time.Second

// IsTerminal reports whether w is a terminal: a file that is a character
// device. (/dev/null is one too; what is printed there is lost anyway.)
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// A Progress prints steps to a terminal, once the run has taken longer
// than Delay. Its methods are safe for concurrent use; those of a nil
// *Progress do nothing.
type Progress struct {
	w     io.Writer
	start time.Time
	now   func() time.Time

	mu      sync.Mutex
	step    string
	printed string    // the last step printed
	at      time.Time // when it was printed
	timer   *time.Timer
	done    bool
}

// New returns a Progress writing to w, its clock started, if terminal is
// true (see IsTerminal); otherwise nil, which prints nothing.
func New(w io.Writer, terminal bool) *Progress {
	if !terminal {
		return nil
	}
	p := &Progress{w: w, now: time.Now}
	p.start = p.now()
	p.timer = time.AfterFunc(Delay, p.tick)
	return p
}

// Step records that the run moved on to step (e.g. "module 2/5:
// services/api"): printed at once if the run is already past Delay, else
// when it gets there.
func (p *Progress) Step(step string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.step = step
	if p.now().Sub(p.start) >= Delay {
		p.print()
	}
}

// tick runs on the timer: it prints the step if it is new or has not been
// printed for Repeat, then sets the timer again.
func (p *Progress) tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.print()
	if !p.done {
		p.timer.Reset(Repeat)
	}
}

// print writes the current step if it is new or was printed Repeat ago.
// p.mu is held.
func (p *Progress) print() {
	now := p.now()
	if p.done || p.step == "" || p.step == p.printed && now.Sub(p.at) < Repeat {
		return
	}
	p.printed, p.at = p.step, now
	fmt.Fprintf(p.w, "stsregional: %s (%.0f s)\n", p.step, now.Sub(p.start).Seconds())
}

// Done stops the progress output; nothing is printed after it returns.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = true
	p.timer.Stop()
}
