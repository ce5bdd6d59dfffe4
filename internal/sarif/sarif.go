// Package sarif holds the subset of the SARIF 2.1.0 object model that
// stsregional writes, and a writer for it.
//
// Specification: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
package sarif

import (
	"encoding/json"
	"io"
)

// Version and Schema are the values of a log's version and $schema.
const (
	Version = "2.1.0"
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

// Column kinds (§3.14.17): how a region's columns count characters.
const (
	UTF16CodeUnits    = "utf16CodeUnits"
	UnicodeCodePoints = "unicodeCodePoints"
)

// Levels of a result or rule (§3.27.10).
const (
	LevelNone    = "none"
	LevelNote    = "note"
	LevelWarning = "warning"
	LevelError   = "error"
)

// SrcRoot is the conventional uriBaseId of the analysed source tree.
const SrcRoot = "%SRCROOT%"

// Log is a SARIF log file (§3.13).
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is one invocation of one tool (§3.14).
type Run struct {
	Tool               Tool                        `json:"tool"`
	Invocations        []Invocation                `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	// Results is always written, even empty: an empty array means "no
	// findings", an absent one "not analysed" (§3.14.23).
	Results    []Result `json:"results"`
	ColumnKind string   `json:"columnKind,omitempty"`
}

// Tool describes the analysis tool (§3.18).
type Tool struct {
	Driver ToolComponent `json:"driver"`
}

// ToolComponent is the tool's driver (§3.19).
type ToolComponent struct {
	Name           string                `json:"name"`
	Version        string                `json:"version,omitempty"`
	InformationURI string                `json:"informationUri,omitempty"`
	Rules          []ReportingDescriptor `json:"rules,omitempty"`
}

// ReportingDescriptor describes one rule (§3.49).
type ReportingDescriptor struct {
	ID                   string                  `json:"id"`
	Name                 string                  `json:"name,omitempty"`
	ShortDescription     *MultiformatMessage     `json:"shortDescription,omitempty"`
	FullDescription      *MultiformatMessage     `json:"fullDescription,omitempty"`
	HelpURI              string                  `json:"helpUri,omitempty"`
	Help                 *MultiformatMessage     `json:"help,omitempty"`
	DefaultConfiguration *ReportingConfiguration `json:"defaultConfiguration,omitempty"`
	Properties           map[string]any          `json:"properties,omitempty"`
}

// ReportingConfiguration is a rule's default configuration (§3.50).
type ReportingConfiguration struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level,omitempty"`
}

// MultiformatMessage is a multiformatMessageString (§3.12).
type MultiformatMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Message is a result or fix message (§3.11).
type Message struct {
	Text string `json:"text"`
}

// Invocation describes how the tool ran (§3.20).
type Invocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
}

// Result is one finding (§3.27).
type Result struct {
	RuleID           string     `json:"ruleId"`
	RuleIndex        int        `json:"ruleIndex"` // no omitempty: 0 is an index
	Level            string     `json:"level,omitempty"`
	Message          Message    `json:"message"`
	Locations        []Location `json:"locations,omitempty"`
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
	Fixes            []Fix      `json:"fixes,omitempty"`
}

// Location is a result location (§3.28).
type Location struct {
	ID               *int             `json:"id,omitempty"`
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

// PhysicalLocation is a region of an artifact (§3.29).
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// ArtifactLocation names a file (§3.4): URI is relative to the base named
// by URIBaseID, or absolute when URIBaseID is empty.
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a line/column text region (§3.30), all 1-based. EndColumn is
// the column after the last character; StartColumn == EndColumn on one line
// is an insertion point.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Fix is a proposed fix (§3.55).
type Fix struct {
	Description     *Message         `json:"description,omitempty"`
	ArtifactChanges []ArtifactChange `json:"artifactChanges"`
}

// ArtifactChange is a set of replacements in one file (§3.56).
type ArtifactChange struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Replacements     []Replacement    `json:"replacements"`
}

// Replacement replaces DeletedRegion by InsertedContent (§3.57); an absent
// InsertedContent deletes.
type Replacement struct {
	DeletedRegion   Region           `json:"deletedRegion"`
	InsertedContent *ArtifactContent `json:"insertedContent,omitempty"`
}

// ArtifactContent is literal file content (§3.3).
type ArtifactContent struct {
	Text string `json:"text"`
}

// Write writes log to w as indented JSON, without HTML escaping, followed
// by a newline.
func Write(w io.Writer, log *Log) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
