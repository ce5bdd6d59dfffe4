// Package vetjson defines the JSON that go vet -json prints (the schema of
// golang.org/x/tools' JSONTree): package ID → analyzer name → a list of
// diagnostics, or an error. The unit driver writes it, the engine reads it
// back from the go command, and the front-end's -json prints it, with each
// diagnostic's check ID and documentation URL added (fields x/tools does
// not have: a reader of its schema ignores them).
package vetjson

// An Edit replaces the bytes [Start, End) of a file by New.
type Edit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// A Fix is a suggested fix.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// A Related is a secondary position of a diagnostic.
type Related struct {
	Posn    string `json:"posn"` // file:line:column
	End     string `json:"end"`
	Message string `json:"message"`
}

// A Diagnostic is one finding.
type Diagnostic struct {
	Category       string    `json:"category,omitempty"`
	Check          string    `json:"check,omitempty"` // check ID, e.g. STS001; stsregional -json only
	Posn           string    `json:"posn"`            // file:line:column
	End            string    `json:"end"`
	Message        string    `json:"message"`
	URL            string    `json:"url,omitempty"` // documentation; stsregional -json only
	SuggestedFixes []Fix     `json:"suggested_fixes,omitempty"`
	Related        []Related `json:"related,omitempty"`
}

// An Error is an analysis that failed.
type Error struct {
	Err string `json:"error"`
}
