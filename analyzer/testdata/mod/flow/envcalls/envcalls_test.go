package envcalls

// t.Setenv cannot be a truth case (it needs a *testing.T), so these are
// analysistest cases only; their verdicts come from the sources:
//
//   - testing.(*common).Setenv sets the variable with os.Setenv and
//     registers a Cleanup that restores it (go1.26 src/testing/testing.go:1523-1540);
//     a sub-test's cleanups run when its function returns, inside
//     tRunner (testing.go:2030), and t.Run waits for a non-parallel
//     sub-test to finish (testing.go:2050).
//   - aws-sdk-go v1 reads AWS_STS_REGIONAL_ENDPOINTS once, in
//     NewSessionWithOptions -> loadEnvConfig (aws/session/session.go:342-351,
//     env_config.go:367), and without it the mode is Legacy
//     (session.go:739-744), so eu-west-1 resolves to sts.amazonaws.com.
//
// None of these tests sends anything: sts.New only builds the client.

import (
	"testing"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// Set in the test itself before the session: regional.
func TestParentSetenv(t *testing.T) {
	t.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	_ = sts.New(sess)
}

// Set in a parent test, the session built in a sub-test that is still
// inside the parent: regional.
func TestParentSetenvSubtestSession(t *testing.T) {
	t.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	t.Run("client", func(t *testing.T) {
		sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
		_ = sts.New(sess)
	})
}

// Set in a sub-test that has ended before the session: its cleanup has
// removed the variable, so the session is legacy: global.
func TestEndedSubtestSetenv(t *testing.T) {
	t.Run("setup", func(t *testing.T) {
		t.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	})
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	_ = sts.New(sess) // want "STS003"
}

// Set after the session in the same test: global.
func TestSetenvAfterSession(t *testing.T) {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}))
	t.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "regional")
	_ = sts.New(sess) // want "STS003"
}
