package fix

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
)

func configLiteral() *session.Session {
	return session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})) // want "STS008"
}

func noArgs() (*session.Session, error) {
	return session.NewSession() // want "STS008"
}

func options() *session.Session {
	return session.Must(session.NewSessionWithOptions(session.Options{ // want "STS008"
		Config: aws.Config{Region: aws.String("us-east-1")},
	}))
}

func optionsWithoutConfig() *session.Session {
	return session.Must(session.NewSessionWithOptions(session.Options{Profile: "app"})) // want "STS008"
}
