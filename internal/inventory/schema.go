package inventory

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the JSON document; the
// tests validate the output against it.
//
//go:embed schema.json
var Schema []byte
