//go:build flowclasses

// Package flow holds the class cases of issue 8, one package per class of
// value flow. Each case is an executable truth case (see package truth): the
// test runs it against the real SDKs, and its // want comments say what the
// analyzer should report, decided by the host the SDK called, not by reading.
//
// The files carry the build tag flowclasses so that ./... patterns (the
// TestRealSDK run over the whole module) skip them until the analyzer
// implements the classes; the truth and class tests load them with the tag.
package flow
