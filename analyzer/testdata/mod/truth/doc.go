// Package truth runs executable test cases against the real AWS SDKs and
// records the host the SDK calls, so that tests can compare the analyzer's
// verdict with the SDK's behaviour instead of with a reading of its source.
//
// # Cases
//
// A case is an exported top-level function of any package in this module
// whose name is Case followed by a non-lowercase character, with no
// parameters and the single result any:
//
//	// A legacy Region without the regional setting goes global.
//	//
//	//truth:env AWS_REGION=us-east-1
//	func CaseLegacyRegion() any {
//		sess := session.Must(session.NewSession())
//		return sts.New(sess) // (a want comment for STS002 here)
//	}
//
// Its analysistest want comments state what the analyzer must report; the
// test requires the case to have at least one inside its body exactly when
// the SDK calls sts.amazonaws.com, and the analyzer to report something
// inside its body exactly then.
//
// The function builds the construction under test and returns it; the
// runner then drives it the way a program would:
//
//   - aws-sdk-go v1 *sts.STS: GetCallerIdentity
//   - aws-sdk-go v1 *credentials.Credentials: Get
//   - aws-sdk-go v1 credentials.Provider (stscreds providers): Retrieve
//   - aws-sdk-go v1 *request.Request: Send
//   - aws-sdk-go v1 endpoints.ResolvedEndpoint: its URL, nothing is sent
//   - aws-sdk-go-v2 *sts.Client: GetCallerIdentity
//   - aws-sdk-go-v2 *sts.PresignClient: PresignGetCallerIdentity, its URL
//   - aws-sdk-go-v2 aws.CredentialsProvider: Retrieve
//   - *http.Request: sent with http.DefaultClient
//   - string: a URL (a presigned URL, a request URL); nothing is sent
//   - error: the construction failed; nothing is sent
//   - nil: the construction sends nothing
//
// Any other result is a harness error.
//
// # Directives
//
// Directives are line comments in the case's doc comment, with no space
// after the slashes (like //go: directives):
//
//	//truth:env KEY=VALUE KEY2= ...
//
// runs the case once in the base environment plus these variables; KEY=
// (nothing after =) removes KEY. Values cannot contain spaces; the string
// $HOME in a value is replaced by the run's home directory, which holds a
// fake web identity token in the file "token". Each //truth:env line is one
// run; a case without one runs once in the base environment. The case's
// verdict is global when any run calls sts.amazonaws.com: a static analyzer
// sees every path, so listing the environments that select each path turns
// "may call the global endpoint" into something the SDK can confirm.
//
//	//truth:nohost REASON
//
// declares that the construction sends nothing in any run (the SDK returns an
// error first, or the result of a resolver is discarded). Without it, a run
// that sends nothing fails the test, so that a broken case or harness cannot
// pass silently; with it, a run that does send something fails.
//
//	//truth:include NAME ...
//
// adds functions (Name) or methods (Type.Name) of the same package to the
// case: findings and want comments inside them count as the case's. It is
// for constructions whose deciding line cannot be inside a function body,
// such as a method of a custom endpoint resolver. A NAME that does not
// resolve fails the test. Without it, only the case function's body counts,
// so a helper shared by a global and a regional case is attributed to
// neither (the package's analysistest run still checks its want comments).
//
//	//truth:enable ID ...
//
// counts the findings of checks that are off by default (STS008) as the
// case's too: the test runs the analyzer once more with those checks on and
// adds their findings inside the case to the default ones. Naming a check
// that does not exist or is on by default fails the test.
//
// A //truth: directive on anything but a case, an unknown directive, or a
// function named like a case with the wrong signature is a test failure, not
// a skipped case.
//
// # Implicit cases
//
// A top-level function that is not named like a case but has no parameters
// and returns a value the runner drives (one of the types above, not
// string, error or any), optionally followed by an error, is an implicit
// case: existing testdata functions such as
//
//	func usEast1() *sts.STS
//
// run without being rewritten. The test adds an exported wrapper to their
// package through the same build overlay, and runs each once in the base
// environment plus AWS_REGION=us-east-1 (a deployed process has a Region;
// us-east-1 is a legacy one). They cannot carry directives, so a run that
// sends nothing is accepted for them.
//
// # Base environment
//
// Every run starts from an empty environment (nothing is inherited from the
// test process) plus:
//
//	HOME=<fresh temporary directory>
//	AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   fake static credentials
//	AWS_CONFIG_FILE=/dev/null
//	AWS_SHARED_CREDENTIALS_FILE=/dev/null
//	AWS_EC2_METADATA_DISABLED=true
//
// so that the result depends only on the case and its directive.
//
// # Recording
//
// Cases run in a subprocess per run: a runner binary (package runner, built
// once with a generated registry of every case) started with the case's key
// and environment. Before calling the case, the runner starts an HTTP proxy on
// a loopback port and points HTTPS_PROXY and HTTP_PROXY at it. Both SDKs'
// default HTTP clients honour them: aws-sdk-go v1 uses http.DefaultClient,
// whose transport is http.DefaultTransport (aws/defaults/defaults.go), and
// aws-sdk-go-v2 builds its own http.Transport with
// Proxy: http.ProxyFromEnvironment (aws/transport/http/client.go,
// defaultHTTPTransport). The proxy records the host of the first CONNECT
// (or absolute-URI) request, prints it and exits the process: nothing is
// forwarded, nothing is retried. As a second guard, the runner's DNS resolver
// refuses every lookup and http.DefaultTransport dials loopback addresses
// only, so no address other than loopback can be contacted.
//
// A package that has an init function gets a runner binary of its own,
// because init functions of every linked package run in every process and
// could change the environment of other packages' cases (an init calling
// os.Setenv is itself a case of issue 8, class 7).
//
// # Running
//
//	go test -run 'TestSDKTruth|TestFlowClasses' ./analyzer/
//
// TestSDKTruth checks every case's want comments and the analyzer's
// findings against the SDK; TestFlowClasses runs analysistest over the class
// cases of issue 8 (package flow).
package truth
