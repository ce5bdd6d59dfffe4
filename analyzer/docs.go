package analyzer

import (
	"fmt"
	"regexp"
	"strings"
)

// Markdown returns the documentation page of the check with the given ID,
// docs/checks/<ID>.md: the same Doc as Explain, as Markdown. The pages are
// generated: go test ./analyzer -run TestCheckDocs -update rewrites them.
func Markdown(id string) (string, error) {
	c, ok := checkByID(id)
	if !ok {
		return "", fmt.Errorf("unknown check ID %q (known: %s)", id, knownIDs())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the Doc of %s in analyzer/%s.go by go test ./analyzer -run TestCheckDocs -update. Do not edit. -->\n\n",
		c.ID, strings.ToLower(c.ID))
	fmt.Fprintf(&b, "# %s — %s\n\n", c.ID, c.Doc.Title)
	fmt.Fprintf(&b, "Category `%s` · %s by default · autofix: %s\n\n", c.Category, onOff(c.Default), yesNo(c.Doc.Fix != ""))
	for _, para := range strings.Split(strings.TrimSpace(c.Doc.Text), "\n\n") {
		b.WriteString(c.markdownText(para) + "\n\n")
	}
	b.WriteString("## Examples\n")
	for _, e := range c.Doc.examples() {
		fmt.Fprintf(&b, "\n❌ Wrong\n\n```go\n%s\n```\n\n✅ Right\n\n```go\n%s\n```\n", strings.TrimRight(e.Wrong, "\n"), strings.TrimRight(e.Right, "\n"))
	}
	b.WriteString("\n## Autofix\n\n")
	if fix := c.Doc.Fix; fix != "" {
		b.WriteString(c.markdownText(strings.ToUpper(fix[:1])+fix[1:]) + "\n")
	} else {
		b.WriteString("None.\n")
	}
	fmt.Fprintf(&b, "\n## Suppressing\n\n`//stsregional:ignore %s reason` on the line of a finding or the line above it, "+
		"or `//stsregional:file-ignore %s reason` anywhere in its file (see [Suppressing findings](../usage.md#suppressing-findings)). "+
		"`stsregional -explain %s` prints this page as text.\n\n[All checks](../checks.md)\n", c.ID, c.ID, c.ID)
	return b.String(), nil
}

// MarkdownIndex returns docs/checks.md, the index of the checks' pages. Its
// rows keep the anchors (#sts001) that links into the former single page
// use.
func MarkdownIndex() string {
	var b strings.Builder
	b.WriteString("<!-- Generated from Checks in analyzer/checks.go by go test ./analyzer -run TestCheckDocs -update. Do not edit. -->\n\n")
	b.WriteString("# stsregional checks\n\n")
	b.WriteString("One page per check: what it finds, why it matters, examples, and the fix. " +
		"`stsregional -explain ID` prints the same text. Back to the [README](../README.md).\n\n")
	b.WriteString("| ID | Title | Category | Default | Autofix |\n|---|---|---|---|---|\n")
	for _, c := range Checks {
		fmt.Fprintf(&b, "| <a id=\"%s\"></a>[%s](checks/%s.md) | %s | `%s` | %s | %s |\n",
			strings.ToLower(c.ID), c.ID, c.ID, c.Doc.Title, c.Category, onOff(c.Default), yesNo(c.Doc.Fix != ""))
	}
	return b.String()
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

var (
	// checkRef is a check ID in a Doc text, linked to its page.
	checkRef = regexp.MustCompile(`\bSTS\d{3}\b`)
	// docRef is a documentation page named in a Doc text (docs/usage.md).
	docRef = regexp.MustCompile(`\bdocs/([a-z-]+\.md)\b`)
	// label is the lead-in of a paragraph, set in bold.
	label = regexp.MustCompile(`^(Why|What to change):`)
)

// markdownText renders one paragraph of a Doc text: the lead-in in bold,
// other checks and pages named outside code spans linked.
func (c Check) markdownText(para string) string {
	para = label.ReplaceAllString(para, "**$1:**")
	// Code spans are the odd fields between backquotes.
	parts := strings.Split(para, "`")
	for i := 0; i < len(parts); i += 2 {
		parts[i] = checkRef.ReplaceAllStringFunc(parts[i], func(id string) string {
			if id == c.ID {
				return id
			}
			return "[" + id + "](" + id + ".md)"
		})
		parts[i] = docRef.ReplaceAllString(parts[i], "[docs/$1](../$1)")
	}
	return strings.Join(parts, "`")
}
