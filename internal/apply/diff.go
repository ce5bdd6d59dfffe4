package apply

import (
	"fmt"
	"strings"
)

// Unified returns the unified diff (three lines of context) that turns old
// into new, with the headers "--- oldName" and "+++ newName"; "" when they
// are equal. golang.org/x/tools' -fix -diff names a file "NAME (old)" and
// "NAME (new)"; git apply and patch -p1 read "a/NAME" and "b/NAME".
func Unified(oldName, newName string, old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := diffLines(a, b)
	if len(ops) == 0 {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	const context = 3
	// Group the changes into hunks: changes closer than 2*context lines
	// share a hunk.
	for i := 0; i < len(ops); {
		j := i
		for j+1 < len(ops) && ops[j+1].a0-ops[j].a1 <= 2*context {
			j++
		}
		a0, b0 := max(ops[i].a0-context, 0), max(ops[i].b0-context, 0)
		a1, b1 := min(ops[j].a1+context, len(a)), min(ops[j].b1+context, len(b))
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(a0, a1), hunkRange(b0, b1))
		ai := a0
		for k := i; k <= j; k++ {
			op := ops[k]
			for ; ai < op.a0; ai++ {
				writeLine(&out, ' ', a[ai])
			}
			for _, l := range a[op.a0:op.a1] {
				writeLine(&out, '-', l)
			}
			for _, l := range b[op.b0:op.b1] {
				writeLine(&out, '+', l)
			}
			ai = op.a1
		}
		for ; ai < a1; ai++ {
			writeLine(&out, ' ', a[ai])
		}
		i = j + 1
	}
	return out.String()
}

func hunkRange(start, end int) string {
	if end-start == 1 {
		return fmt.Sprint(start + 1)
	}
	if end == start {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, end-start)
}

func writeLine(out *strings.Builder, prefix byte, line string) {
	out.WriteByte(prefix)
	out.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits s after each newline.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// A lineOp replaces the lines a[a0:a1] by b[b0:b1].
type lineOp struct{ a0, a1, b0, b1 int }

// diffLines returns the changes from a to b, in order. Fixes change a few
// lines of a file: after the common prefix and suffix, the middle part is
// small and an LCS table over it is cheap; a middle part too large for one
// is replaced as a whole.
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma) == 0 && len(mb) == 0 {
		return nil
	}
	if len(ma)*len(mb) > 4<<20 {
		return []lineOp{{pre, pre + len(ma), pre, pre + len(mb)}}
	}
	// lcs[i][j] is the length of the longest common subsequence of ma[i:]
	// and mb[j:].
	lcs := make([][]int, len(ma)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(mb)+1)
	}
	for i := len(ma) - 1; i >= 0; i-- {
		for j := len(mb) - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []lineOp
	var cur *lineOp
	flush := func() {
		if cur != nil {
			ops = append(ops, *cur)
			cur = nil
		}
	}
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			flush()
			i, j = i+1, j+1
			continue
		case cur == nil:
			cur = &lineOp{pre + i, pre + i, pre + j, pre + j}
		}
		if j < len(mb) && (i == len(ma) || lcs[i][j+1] >= lcs[i+1][j]) {
			j++
			cur.b1 = pre + j
		} else {
			i++
			cur.a1 = pre + i
		}
	}
	flush()
	return ops
}
