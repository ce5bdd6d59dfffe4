// Package flow holds the class cases of issue 8, one package per class of
// value flow (explicit, configflow, conditional, discarded, callers,
// multivalue, procenv), and sdkfacts: cases outside the seven classes where
// the SDK contradicts today's analyzer. Each case is an executable truth
// case (see package truth): the test runs it against the real SDKs, and its
// want comments say what the analyzer should report, decided by the host
// the SDK called, not by reading. Folders params and envcalls hold classes
// 3 and 4 of issue 13 as bad/ok twins; their GAPS.md files list the twins
// the analyzer gets wrong.
//
// TestFlowClasses runs analysistest on every folder; TestSDKTruth checks
// both the want comments and the analyzer's findings against the SDK.
package flow
