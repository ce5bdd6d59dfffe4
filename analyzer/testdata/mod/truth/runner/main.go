// Command runner runs one truth case (see package truth) and prints the host
// it called. The test that builds it adds, through a build overlay, a
// generated file whose init function fills cases with every case it
// discovered; built without it, the runner knows no case.
package main

import "example.com/mod/truth"

// cases maps "import/path.CaseName" to the case function.
var cases = map[string]func() any{}

func main() { truth.Main(cases) }
