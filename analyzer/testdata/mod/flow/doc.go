//go:build flowclasses

// Package flow holds the class cases of issue 8, one package per class of
// value flow (explicit, configflow, conditional, discarded, callers,
// multivalue, procenv), and sdkfacts: cases outside the seven classes where
// the SDK contradicts today's analyzer. Each case is an executable truth
// case (see package truth): the test runs it against the real SDKs, and its
// want comments say what the analyzer should report, decided by the host
// the SDK called, not by reading.
//
// The files carry the build tag flowclasses so that ./... patterns (the
// TestRealSDK run over the whole module) skip them until the analyzer
// implements the classes; the truth and class tests load them with the tag.
// TestFlowClasses (analysistest per folder) and TestSDKTruth's comparison of
// the analyzer with the SDK on these cases run with
// STSREGIONAL_FLOW_CLASSES=1; the check of their want comments against the
// SDK always runs. When the analyzer implements the classes, delete the
// build lines and the gate.
package flow
