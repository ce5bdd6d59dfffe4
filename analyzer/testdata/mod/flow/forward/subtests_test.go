package forward

import (
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// TestExpectedSessions is shaped as generated table tests are: the
// expected session holds LegacySTSEndpoint, each row runs in t.Run, and
// the expected value only reaches a comparator. Nothing is reported (the
// SDK never sees the expected value; analysistest only: a test is no
// truth case).
func TestExpectedSessions(t *testing.T) {
	type want struct {
		want *session.Session
		err  error
	}
	type test struct {
		name      string
		region    string
		want      want
		checkFunc func(want, *session.Session, error) error
	}
	defaultCheckFunc := func(w want, got *session.Session, err error) error {
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(w.want.Config.STSRegionalEndpoint, got.Config.STSRegionalEndpoint) {
			return w.err
		}
		return nil
	}
	tests := []test{
		{
			name:   "legacy expected",
			region: "us-east-1",
			want: want{want: &session.Session{Config: &aws.Config{
				Region:              aws.String("us-east-1"),
				STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
			}}},
		},
		func() test {
			return test{
				name:   "legacy expected, built by a function literal",
				region: "eu-west-1",
				want: want{want: &session.Session{Config: &aws.Config{
					STSRegionalEndpoint: endpoints.LegacySTSEndpoint,
				}}},
			}
		}(),
	}
	for _, tc := range tests {
		test := tc
		t.Run(test.name, func(tt *testing.T) {
			checkFunc := test.checkFunc
			if test.checkFunc == nil {
				checkFunc = defaultCheckFunc
			}
			got, err := regionalSession(test.region)
			if err := checkFunc(test.want, got, err); err != nil {
				tt.Errorf("error = %v", err)
			}
		})
	}
}

// TestSessionsFromRows is the same table, but each subtest builds a
// client from the row's expected configuration: the legacy setting
// reaches the SDK.
func TestSessionsFromRows(t *testing.T) {
	type test struct {
		name string
		want *aws.Config
	}
	tests := []test{
		{
			name: "legacy",
			want: &aws.Config{
				Region:              aws.String("us-east-1"),
				STSRegionalEndpoint: endpoints.LegacySTSEndpoint, // want "STS004"
			},
		},
	}
	for _, tc := range tests {
		test := tc
		t.Run(test.name, func(tt *testing.T) {
			sess, err := session.NewSession(test.want)
			if err != nil {
				tt.Fatal(err)
			}
			if sts.New(sess) == nil {
				tt.Error("no client")
			}
		})
	}
}
