package forward

import (
	"fmt"
	"reflect"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// sessionWant is a test table's expected result: the session the code
// under test should build.
type sessionWant struct {
	want *session.Session
	err  error
}

// subtest is one row of a table run as subtests: its input, its expected
// session and an optional check that replaces checkSession.
type subtest struct {
	name   string
	region string
	want   sessionWant
	check  func(sessionWant, *session.Session, error) error
}

// subtests is the table both cases run: the legacy row holds the setting
// only as an expected value.
func subtests() []subtest {
	return []subtest{
		{
			name:   "legacy",
			region: "us-east-1",
			want: sessionWant{want: &session.Session{Config: &aws.Config{
				Region:              aws.String("us-east-1"),
				STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
			}}},
		},
		{
			name:   "regional",
			region: "us-east-1",
			want: sessionWant{want: &session.Session{Config: &aws.Config{
				Region:              aws.String("us-east-1"),
				STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
			}}},
		},
	}
}

// runSubtest runs f as testing.T.Run runs a subtest (a truth case takes
// no *testing.T).
func runSubtest(name string, f func()) {
	_ = name
	f()
}

// checkSession compares the expected session's configuration with the
// session built.
func checkSession(w sessionWant, got *session.Session, err error) error {
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(w.want.Config.STSRegionalEndpoint, got.Config.STSRegionalEndpoint) {
		return fmt.Errorf("got %v, want %v", got.Config.STSRegionalEndpoint, w.want.Config.STSRegionalEndpoint)
	}
	return w.err
}

// sessionBuilder stands for the code under test: a struct of options
// whose method builds a regional session.
type sessionBuilder struct {
	region string
}

// build builds the session from the options.
func (b *sessionBuilder) build() (*session.Session, error) {
	return regionalSession(b.region)
}

// regionalSession stands for the code under test: it builds a regional
// session from a row's input.
func regionalSession(region string) (*session.Session, error) {
	return session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	})
}

// A table of expected sessions, the legacy one among them, run row by row
// through a subtest closure and a check func: the expected value is only
// compared with the session the code under test builds from the row's
// input; that session (and the client returned) is regional.
func CaseSubtestTableComparedOnly() any {
	tests := []subtest{
		{
			name:   "legacy",
			region: "us-east-1",
			want: sessionWant{want: &session.Session{Config: &aws.Config{
				Region:              aws.String("us-east-1"),
				STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
			}}},
		},
		{
			name:   "regional",
			region: "us-east-1",
			want: sessionWant{want: &session.Session{Config: &aws.Config{
				Region:              aws.String("us-east-1"),
				STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
			}}},
		},
		func() subtest {
			return subtest{
				name:   "legacy, built by a function literal",
				region: "us-east-1",
				want: sessionWant{want: &session.Session{Config: &aws.Config{
					STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
				}}},
			}
		}(),
	}
	var failed error
	var client *sts.STS
	for _, tc := range tests {
		test := tc
		runSubtest(test.name, func() {
			check := test.check
			if check == nil {
				check = checkSession
			}
			b := &sessionBuilder{region: test.region}
			got, err := b.build()
			if err := check(test.want, got, err); err != nil && failed == nil {
				failed = err
			}
			if client == nil && err == nil {
				client = sts.New(got)
			}
		})
	}
	_ = failed // the legacy row's mismatch is the test's finding, not a client
	return client
}

// The same table, with its types declared in the case as a test declares
// them, but each subtest builds its client from the row's expected
// configuration: the legacy row's setting reaches the SDK.
func CaseSubtestTableRowUsed() any {
	type want struct {
		want *session.Session
		err  error
	}
	type test struct {
		name   string
		region string
		want   want
	}
	tests := []test{
		{
			name:   "legacy",
			region: "us-east-1",
			want: want{want: &session.Session{Config: &aws.Config{
				Region:              aws.String("us-east-1"),
				STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
			}}},
		},
		{
			name:   "regional",
			region: "us-east-1",
			want: want{want: &session.Session{Config: &aws.Config{
				Region:              aws.String("us-east-1"),
				STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
			}}},
		},
	}
	var client *sts.STS
	for _, tc := range tests {
		test := tc
		runSubtest(test.name, func() {
			sess := session.Must(session.NewSession(test.want.want.Config))
			if client == nil {
				client = sts.New(sess) // want "STS00[234]"
			}
		})
	}
	return client
}

// The table comes from a helper and its rows run through the subtest
// helper; only the rows' regions build the client.
func CaseHelperSubtestsComparedOnly() any {
	var region string
	for _, tc := range subtests() {
		test := tc
		runSubtest(test.name, func() {
			got, err := regionalSession(test.region)
			if err := checkSession(test.want, got, err); err == nil {
				region = test.region
			}
		})
	}
	sess := session.Must(session.NewSession(&aws.Config{
		Region:              aws.String(region),
		STSRegionalEndpoint: endpoints.RegionalSTSEndpoint,
	}))
	return sts.New(sess)
}
