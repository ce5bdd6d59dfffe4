package reaching

import "testing"

// A constant document decoded by encoding/json into an object of the
// package writes the fields its keys name, by encoding/json's rules (the
// tag's name, a case-insensitive match, "-" never); a document known only
// at run time leaves the object's exported fields open.
func TestConstantDocument(t *testing.T) {
	const bq = "`"
	checkSinks(t, `import "encoding/json"

type S struct {
	Region   string `+bq+`json:"region"`+bq+`
	Endpoint string
	Skip     string `+bq+`json:"-"`+bq+`
}

func A() {
	var s S
	_ = json.Unmarshal([]byte(`+bq+`{"region":"eu-west-1","ENDPOINT":"https://e","Skip":"x"}`+bq+`), &s)
	sink(s.Region)
	sink(s.Endpoint)
	sink(s.Skip)
}

func B(data []byte) {
	var s S
	_ = json.Unmarshal(data, &s)
	sink(s.Region)
}

func C() {
	var s S
	_ = json.Unmarshal([]byte(`+bq+`{"endpoint":null}`+bq+`), &s)
	sink(s.Endpoint)
}
`, []string{"eu-west-1", "https://e", "zero", "zero open", "zero"})
}
