package funcvalues

import (
	"testing"

	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
)

// TestMockedCreds replaces newCreds with a mock for the duration of the
// test, the reason such variables exist. The production binary never runs
// this assignment, so it must not change the verdict on
// CaseVarNewCredsEnvRegion: TestSDKTruth runs the case without it and the
// SDK still calls sts.amazonaws.com.
func TestMockedCreds(t *testing.T) {
	orig := newCreds
	t.Cleanup(func() { newCreds = orig })
	newCreds = func(client.ConfigProvider, string, ...func(*stscreds.AssumeRoleProvider)) *credentials.Credentials {
		return credentials.NewStaticCredentials("AKID", "SECRET", "")
	}
	t.Setenv("AWS_REGION", "us-east-1")
	if _, err := CaseVarNewCredsEnvRegion().(*credentials.Credentials).Get(); err != nil {
		t.Fatalf("the mock should need no network: %v", err)
	}
}
