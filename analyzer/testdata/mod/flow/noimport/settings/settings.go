// Package settings is a helper package for class 10 of issue 13: the
// program's configuration struct, with defaults overridden by environment
// variables. It imports no AWS SDK package and no file of it names the AWS
// DNS suffix, so today's fact scope skips it.
package settings

import "os"

// Settings is the part of the program's configuration that reaches AWS
// clients.
type Settings struct {
	// Region is the AWS Region of the clients.
	Region string
}

// Load returns the settings: Region defaults to the global pseudo Region
// and APP_REGION overrides it.
func Load() Settings { // want Load:`values: r0.f0=aws-global\(may\)`
	s := Settings{Region: "aws-global"}
	if r := os.Getenv("APP_REGION"); r != "" {
		s.Region = r
	}
	return s
}

// LoadHome returns the settings: Region defaults to the home Region and
// APP_REGION overrides it.
func LoadHome() Settings {
	s := Settings{Region: "eu-west-1"}
	if r := os.Getenv("APP_REGION"); r != "" {
		s.Region = r
	}
	return s
}
