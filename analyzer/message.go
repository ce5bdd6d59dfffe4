package analyzer

import (
	"strings"
	"unicode/utf8"
)

// Diagnostic messages are one lower-case headline: what happens and what
// to change, in about 100 characters with the check ID. The background is
// in the check's Doc (-explain, docs/checks/). Parts that come from the
// user's code (a path condition, a check ID) are clipped so that the
// headline stays one short line.

// headlineMax is the length a message with a clipped part is fitted to,
// the check ID prefix ("STS00N: ") included.
const headlineMax = 116

// minClip is the shortest a clipped part becomes, however long the rest.
const minClip = 24

// fit returns before+part+after, with part clipped (clipPart) so that the
// whole, with the check ID prefix, is at most headlineMax bytes long where
// that leaves part at least minClip bytes.
func fit(before, part, after string) string {
	room := headlineMax - len("STS000: ") - len(before) - len(after)
	return before + clipPart(part, max(room, minClip)) + after
}

// clipPart shortens s to at most n bytes, marking the cut with "…". A path
// condition "when <expr> is false" keeps its frame and loses the end of
// the expression, so it still reads as a condition.
func clipPart(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const ellipsis = "…"
	for _, suffix := range []string{" is false", " is true"} {
		if inner, ok := strings.CutSuffix(s, suffix); ok && strings.HasPrefix(inner, "when ") {
			if keep := n - len(suffix) - len(ellipsis); keep > len("when ") {
				return cutRunes(inner, keep) + ellipsis + suffix
			}
		}
	}
	return cutRunes(s, max(n-len(ellipsis), 0)) + ellipsis
}

// cutRunes returns the longest prefix of s of at most n bytes that ends on
// a rune boundary.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
